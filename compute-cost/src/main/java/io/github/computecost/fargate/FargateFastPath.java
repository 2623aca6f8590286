package io.github.computecost.fargate;

import io.github.computecost.compute.Architecture;
import io.github.computecost.compute.OperatingSystem;
import io.github.computecost.internal.BilledTime;
import io.github.computecost.service.FixedPoint;
import io.github.computecost.service.FixedPointMeter;
import io.github.computecost.service.ServiceContext;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Fargate's fixed-point route: tasks of one size, on demand or Spot, per-second billing with the minimum, in
 * {@code long}s, rated by the engine's fixed-point rater. It vouches only for a task size Fargate offers, storage
 * within the limits, and the Windows rules; it declines anything else, an unpriced region or price, and overflow.
 * A property test holds it to the engine.
 */
final class FargateFastPath implements FixedPointMeter<FargateTask> {

    static final FargateFastPath INSTANCE = new FargateFastPath();

    private static final FixedPoint.Card LINUX = compute(false, FargateMeter.kind(false, Architecture.X86_64));
    private static final FixedPoint.Card ARM = compute(false, FargateMeter.kind(false, Architecture.ARM64));
    private static final FixedPoint.Card WINDOWS = FixedPoint.Card.of(FargateService.TABLE,
            FargateMeter.vcpuHours(false, FargateMeter.kind(true, Architecture.X86_64)),
            FargateMeter.gbHours(false, FargateMeter.kind(true, Architecture.X86_64)), FargateMeter.WINDOWS_OS);
    private static final FixedPoint.Card SPOT = compute(true, FargateMeter.kind(false, Architecture.X86_64));
    private static final FixedPoint.Card SPOT_ARM = compute(true, FargateMeter.kind(false, Architecture.ARM64));
    private static final FixedPoint.Card STORAGE_ON_DEMAND = FixedPoint.Card.of(FargateService.TABLE,
            FargateMeter.STORAGE);
    private static final FixedPoint.Card STORAGE_SPOT = FixedPoint.Card.of(FargateService.SPOT_TABLE,
            FargateMeter.STORAGE);

    /** vCPU-hours and GB-hours of a Linux kind of task, as the meter names them. */
    private static FixedPoint.Card compute(boolean spot, String kind) {
        return FixedPoint.Card.of(spot ? FargateService.SPOT_TABLE : FargateService.TABLE,
                FargateMeter.vcpuHours(spot, kind), FargateMeter.gbHours(spot, kind));
    }

    private FargateFastPath() {
    }

    @Override
    public Optional<BigDecimal> monthlyCost(FargateTask task, ServiceContext context, boolean freeTier) {
        FargateTables t = context.prices().tablesIfPriced(FargateTables.SCHEMA);
        if (t == null) {
            return Optional.empty();
        }
        FargateTables.Fixed f = t.fixed();
        boolean windows = task.operatingSystem() == OperatingSystem.WINDOWS;
        try {
            long vcpu = FixedPoint.unscaled(task.vcpu(), 2);
            long memory = FixedPoint.unscaled(task.memoryGb(), 2);
            if (f == null || !f.offers(vcpu, memory) || !f.storage().accepts(task.ephemeralStorageGb())
                    || windows && (task.spot() || vcpu < f.windowsMinimumVcpu()
                            || !t.windowsArchitectures().contains(task.architecture().awsName()))) {
                return Optional.empty(); // the engine reports the violation
            }
            boolean arm = task.architecture() == Architecture.ARM64;
            FixedPoint.Card card = windows ? WINDOWS : task.spot() ? (arm ? SPOT_ARM : SPOT) : arm ? ARM : LINUX;
            FixedPoint.Rates rates = card.rates(context);
            if (rates == null) {
                return Optional.empty(); // not priced there: the engine names it
            }
            long minimum = windows ? f.minimumSecondsWindows() : f.minimumSecondsLinux();
            long seconds;
            if (task.usage() instanceof FargateTask.Running r) {
                seconds = Math.multiplyExact(Math.max(BilledTime.wholeSecondsOfHours(r.hoursPerMonth()), minimum),
                        r.tasks());
            } else {
                FargateTask.Runs runs = (FargateTask.Runs) task.usage();
                seconds = Math.multiplyExact(Math.max(BilledTime.wholeSeconds(runs.runDurationSeconds()), minimum),
                        runs.runsPerMonth());
            }
            int hs = t.hourScale();
            long hours = BilledTime.hoursUnscaled(seconds, hs);
            FixedPoint.Sum sum = rates.sum(freeTier)
                    .set(0, Math.multiplyExact(vcpu, hours), hs + 2, 0, true)
                    .set(1, Math.multiplyExact(memory, hours), hs + 2, 0, true);
            if (windows) {
                sum.set(2, Math.multiplyExact(vcpu, hours), hs + 2, 0, true);
            }
            BigDecimal total = sum.total();
            long extra = task.ephemeralStorageGb() - f.includedStorageGb();
            if (extra > 0) {
                FixedPoint.Rates storage = (task.spot() ? STORAGE_SPOT : STORAGE_ON_DEMAND).rates(context);
                if (storage == null) {
                    return Optional.empty();
                }
                total = total.add(storage.sum(freeTier).set(0, Math.multiplyExact(extra, hours), hs, 0, true).total());
            }
            return Optional.of(total);
        } catch (ArithmeticException overflow) {
            return Optional.empty(); // more decimals than the route carries, or overflow
        }
    }
}
