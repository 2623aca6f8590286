package io.github.computecost.ec2;

import io.github.computecost.compute.OperatingSystem;
import io.github.computecost.service.FixedPoint;
import io.github.computecost.service.FixedPointMeter;
import io.github.computecost.service.ServiceContext;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * EC2's fixed-point route: instances of one type, per-second billing with the minimum, in {@code long}s, rated by
 * the engine's fixed-point rater. It vouches only for a type of the catalog, a priced operating system and region,
 * and no assumed Spot discount; it declines anything else, and overflow. A property test holds it to the engine.
 */
final class Ec2FastPath implements FixedPointMeter<Ec2Instance> {

    static final Ec2FastPath INSTANCE = new Ec2FastPath();

    private static final FixedPoint.Singles BOXES = FixedPoint.Singles.of(Ec2Service.TABLE);

    /** What an instance type resolves to in one price book and region: a loop over one type skips the lookups. */
    private record Bound(io.github.computecost.pricing.PriceBook prices, String region, String instanceType,
            OperatingSystem os, Ec2Tables tables, FixedPoint.Rates rates) {
    }

    /** The last type priced (an immutable value: a race between threads only resolves it again). */
    private volatile Bound last;

    private Ec2FastPath() {
    }

    @Override
    public Optional<BigDecimal> monthlyCost(Ec2Instance i, ServiceContext context, boolean freeTier) {
        if (i.spotDiscountPercent().isPresent() || i.spot()) {
            return Optional.empty();
        }
        Bound b = last;
        if (b == null || b.prices != context.prices() || b.os != i.operatingSystem()
                || !(b.region == context.region() || b.region.equals(context.region()))
                || !(b.instanceType == i.instanceType() || b.instanceType.equals(i.instanceType()))) {
            Ec2Tables t = context.prices().tablesIfPriced(Ec2Tables.SCHEMA);
            if (t == null) {
                return Optional.empty();
            }
            Ec2Tables.Ec2InstanceType type = t.instanceTypes().get(i.instanceType());
            if (type == null || i.operatingSystem() == OperatingSystem.WINDOWS
                    && !type.architecture().map(t.windowsArchitectures()::contains).orElse(false)) {
                return Optional.empty(); // the engine reports the violation
            }
            FixedPoint.Rates rates = BOXES.rates(context, i.operatingSystem() == OperatingSystem.WINDOWS
                    ? type.windowsUsageType() : type.linuxUsageType());
            if (rates == null) {
                return Optional.empty(); // not priced there: the engine names it
            }
            b = new Bound(context.prices(), context.region(), i.instanceType(), i.operatingSystem(), t, rates);
            last = b;
        }
        try {
            Ec2Tables t = b.tables();
            long hours = Ec2Tables.hoursUnscaled(i.hoursPerMonth(), i.count(), t);
            return Optional.of(b.rates().single(hours, t.hourScale(), freeTier));
        } catch (ArithmeticException overflow) {
            return Optional.empty();
        }
    }
}
