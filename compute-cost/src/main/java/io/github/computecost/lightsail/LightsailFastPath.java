package io.github.computecost.lightsail;

import io.github.computecost.service.FixedPoint;
import io.github.computecost.service.FixedPointMeter;
import io.github.computecost.service.ServiceContext;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Lightsail's fixed-point route: instances of one plan, kept all month (the plan price) or some hours (hourly up to
 * the plan price), with data-transfer overage, in {@code long}s, rated by the engine's fixed-point rater. It vouches
 * only for a plan of the catalog with its prices in the region; it declines anything else, and overflow. A property
 * test holds it to the engine.
 */
final class LightsailFastPath implements FixedPointMeter<LightsailInstance> {

    static final LightsailFastPath INSTANCE = new LightsailFastPath();

    private static final FixedPoint.Singles PLANS = FixedPoint.Singles.of(LightsailService.TABLE);

    /** What a plan resolves to in one price book and region: a loop over one plan skips the lookups. */
    private record Bound(io.github.computecost.pricing.PriceBook prices, String region, String bundle,
            LightsailTables tables, LightsailTables.Plan plan, FixedPoint.Rates month) {
    }

    /** The last plan priced (an immutable value: a race between threads only resolves it again). */
    private volatile Bound last;

    private LightsailFastPath() {
    }

    @Override
    public Optional<BigDecimal> monthlyCost(LightsailInstance i, ServiceContext context, boolean freeTier) {
        Bound b = last;
        if (b == null || b.prices != context.prices() || !(b.region == context.region()
                || b.region.equals(context.region())) || !(b.bundle == i.bundle() || b.bundle.equals(i.bundle()))) {
            LightsailTables t = context.prices().tablesIfPriced(LightsailTables.SCHEMA);
            LightsailTables.Plan plan = t == null ? null : t.plans().get(i.bundle());
            FixedPoint.Rates month = plan == null ? null : PLANS.rates(context, plan.monthUsageType());
            if (month == null) {
                return Optional.empty(); // a plan name, no such plan, or no price: the engine finds or reports it
            }
            b = new Bound(context.prices(), context.region(), i.bundle(), t, plan, month);
            last = b;
        }
        LightsailTables t = b.tables();
        LightsailTables.Plan plan = b.plan();
        FixedPoint.Rates month = b.month();
        try {
            BigDecimal total;
            if (i.hoursPerMonth().isEmpty() || i.hoursPerMonth().get().compareTo(t.planMonthHours()) >= 0) {
                total = month.single(i.count(), 0, freeTier);
            } else {
                FixedPoint.Rates hourly = PLANS.rates(context, plan.hoursUsageType());
                if (hourly == null) {
                    return Optional.empty();
                }
                BigDecimal hours = i.hoursPerMonth().get();
                int s = Math.max(0, hours.scale());
                long h = FixedPoint.unscaled(hours, s);
                // The plan price caps the charge: hours at the hourly price against the monthly price, per instance.
                if (Math.multiplyExact(h, hourly.firstPrice(0))
                        >= Math.multiplyExact(month.firstPrice(0), FixedPoint.pow10(s))) {
                    total = month.single(i.count(), 0, freeTier);
                } else {
                    total = hourly.single(Math.multiplyExact(h, i.count()), s, freeTier);
                }
            }
            if (i.dataTransferOutGb().signum() > 0) {
                BigDecimal over = LightsailMeter.overageGb(i, plan);
                if (over.signum() > 0) {
                    FixedPoint.Rates out = PLANS.rates(context, LightsailMeter.OVERAGE);
                    if (out == null) {
                        return Optional.empty();
                    }
                    int s = Math.max(0, over.scale());
                    total = total.add(out.single(Math.multiplyExact(FixedPoint.unscaled(over, s), i.count()), s,
                            freeTier));
                }
            }
            return Optional.of(total);
        } catch (ArithmeticException overflow) {
            return Optional.empty();
        }
    }
}
