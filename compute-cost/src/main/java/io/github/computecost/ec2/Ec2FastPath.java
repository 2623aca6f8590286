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

    private Ec2FastPath() {
    }

    @Override
    public Optional<BigDecimal> monthlyCost(Ec2Instance i, ServiceContext context, boolean freeTier) {
        Ec2Tables t = i.spotDiscountPercent().isPresent() || i.spot() ? null
                : context.prices().tablesIfPriced(Ec2Tables.SCHEMA);
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
        try {
            long hours = Ec2Tables.hoursUnscaled(i.hoursPerMonth(), i.count(), t);
            return Optional.of(rates.sum(freeTier).set(0, hours, t.hourScale(), 0, true).total());
        } catch (ArithmeticException overflow) {
            return Optional.empty();
        }
    }
}
