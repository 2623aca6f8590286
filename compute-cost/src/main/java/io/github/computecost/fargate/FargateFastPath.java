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

    /** What a task's size and kind resolve to in one price book and region: a loop over one kind skips the lookups. */
    private record Bound(io.github.computecost.pricing.PriceBook prices, String region, BigDecimal vcpu,
            BigDecimal memoryGb, Architecture architecture, OperatingSystem os, boolean spot, int storageGb,
            FargateTables tables, long vcpuUnscaled, long memoryUnscaled, long minimumSeconds, FixedPoint.Rates rates,
            FixedPoint.Rates storage) {
        boolean matches(FargateTask task, ServiceContext c) {
            return prices == c.prices() && architecture == task.architecture() && os == task.operatingSystem()
                    && spot == task.spot() && storageGb == task.ephemeralStorageGb()
                    && (vcpu == task.vcpu() || vcpu.equals(task.vcpu()))
                    && (memoryGb == task.memoryGb() || memoryGb.equals(task.memoryGb()))
                    && (region == c.region() || region.equals(c.region()));
        }
    }

    /** The last kind priced (an immutable value: a race between threads only resolves it again). */
    private volatile Bound last;

    private FargateFastPath() {
    }

    @Override
    public Optional<BigDecimal> monthlyCost(FargateTask task, ServiceContext context, boolean freeTier) {
        try {
            Bound b = last;
            if (b == null || !b.matches(task, context)) {
                b = bind(task, context);
                if (b == null) {
                    return Optional.empty();
                }
                last = b;
            }
            long seconds;
            if (task.usage() instanceof FargateTask.Running r) {
                seconds = Math.multiplyExact(Math.max(BilledTime.wholeSecondsOfHours(r.hoursPerMonth()),
                        b.minimumSeconds()), r.tasks());
            } else {
                FargateTask.Runs runs = (FargateTask.Runs) task.usage();
                seconds = Math.multiplyExact(Math.max(BilledTime.wholeSeconds(runs.runDurationSeconds()),
                        b.minimumSeconds()), runs.runsPerMonth());
            }
            FargateTables t = b.tables();
            int hs = t.hourScale();
            long hours = BilledTime.hoursUnscaled(seconds, hs);
            BigDecimal total;
            if (b.os() == OperatingSystem.WINDOWS) {
                total = b.rates().sum(freeTier)
                        .set(0, Math.multiplyExact(b.vcpuUnscaled(), hours), hs + 2, 0, true)
                        .set(1, Math.multiplyExact(b.memoryUnscaled(), hours), hs + 2, 0, true)
                        .set(2, Math.multiplyExact(b.vcpuUnscaled(), hours), hs + 2, 0, true).total();
            } else {
                total = b.rates().two(Math.multiplyExact(b.vcpuUnscaled(), hours), hs + 2, 0,
                        Math.multiplyExact(b.memoryUnscaled(), hours), hs + 2, 0, true, freeTier);
            }
            long extra = task.ephemeralStorageGb() - t.fixed().includedStorageGb();
            if (extra > 0) {
                total = total.add(b.storage().single(Math.multiplyExact(extra, hours), hs, freeTier));
            }
            return Optional.of(total);
        } catch (ArithmeticException overflow) {
            return Optional.empty(); // more decimals than the route carries, or overflow
        }
    }

    /** @return the task's kind resolved, or null when this route does not vouch for it (the engine reports it) */
    private static Bound bind(FargateTask task, ServiceContext context) {
        FargateTables t = context.prices().tablesIfPriced(FargateTables.SCHEMA);
        if (t == null) {
            return null;
        }
        FargateTables.Fixed f = t.fixed();
        boolean windows = task.operatingSystem() == OperatingSystem.WINDOWS;
        long vcpu = FixedPoint.unscaled(task.vcpu(), 2);
        long memory = FixedPoint.unscaled(task.memoryGb(), 2);
        if (f == null || !f.offers(vcpu, memory) || !f.storage().accepts(task.ephemeralStorageGb())
                || windows && (task.spot() || vcpu < f.windowsMinimumVcpu()
                        || !t.windowsArchitectures().contains(task.architecture().awsName()))) {
            return null; // the engine reports the violation
        }
        boolean arm = task.architecture() == Architecture.ARM64;
        FixedPoint.Card card = windows ? WINDOWS : task.spot() ? (arm ? SPOT_ARM : SPOT) : arm ? ARM : LINUX;
        FixedPoint.Rates rates = card.rates(context);
        if (rates == null) {
            return null; // not priced there: the engine names it
        }
        FixedPoint.Rates storage = null;
        if (task.ephemeralStorageGb() > f.includedStorageGb()) {
            storage = (task.spot() ? STORAGE_SPOT : STORAGE_ON_DEMAND).rates(context);
            if (storage == null) {
                return null;
            }
        }
        return new Bound(context.prices(), context.region(), task.vcpu(), task.memoryGb(), task.architecture(),
                task.operatingSystem(), task.spot(), task.ephemeralStorageGb(), t, vcpu, memory,
                windows ? f.minimumSecondsWindows() : f.minimumSecondsLinux(), rates, storage);
    }
}
