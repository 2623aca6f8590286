package io.github.computecost.lambda;

import io.github.computecost.compute.Architecture;
import io.github.computecost.compute.Calendar;
import io.github.computecost.service.MeteredResource;
import io.github.computecost.service.UsageRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a valid {@link LambdaFunction} into a month of usage records (it validates nothing: the estimator has).
 * Stateless and thread-safe.
 */
final class LambdaMeter {

    /** Base usage types of on-demand Lambda; each has an Arm twin, named by {@link #usageType}. */
    static final String REQUEST = "Request";
    static final String DURATION = "Lambda-GB-Second";
    static final String STORAGE = "Lambda-Storage-GB-Second";
    static final String PROVISIONED = "Lambda-Provisioned-Concurrency";
    static final String PROVISIONED_DURATION = "Lambda-Provisioned-GB-Second";
    /** Durable functions (our names: AWS's usage types for them are not in our sources). */
    static final String DURABLE_OPERATIONS = "Lambda-Durable-Operations";
    static final String DURABLE_WRITTEN = "Lambda-Durable-Data-Written-GB";
    static final String DURABLE_RETAINED = "Lambda-Durable-Data-Retained-GB-Days";
    /** The x86 usage types with an Arm twin. */
    static final List<String> WITH_ARM_TWIN = List.of(REQUEST, DURATION, STORAGE, PROVISIONED, PROVISIONED_DURATION);

    /** @return the usage type of an x86 one on the architecture: {@code Request-ARM} for {@code Request} on arm64 */
    static String usageType(String x86, boolean arm64) {
        return arm64 ? x86 + "-ARM" : x86;
    }


    private static final BigDecimal S_PER_H = Calendar.SECONDS_PER_HOUR;

    private LambdaMeter() {
    }

    static MeteredResource meter(LambdaFunction fn, LambdaTables t, String region,
            java.util.Optional<io.github.computecost.service.InstanceHours> instances) {
        if (fn.managedInstances().isPresent()) {
            return managedInstances(fn, t, region, instances.orElseThrow(() -> new IllegalStateException(
                    "no instance catalog: the checks refuse Managed Instances without one")));
        }
        boolean arm64 = fn.architecture() == Architecture.ARM64;
        BigDecimal memoryGb = gb(fn.memoryMb());
        BigDecimal requests = BigDecimal.valueOf(fn.requestsPerMonth());
        BigDecimal executionSeconds = seconds(requests.multiply(fn.averageDurationMs()));
        List<UsageRecord> usage = new ArrayList<>(3);
        List<String> notes = new ArrayList<>(0);

        if (fn.provisionedConcurrency().isEmpty()) {
            usage.add(new UsageRecord(usageType(REQUEST, arm64), requests, true));
            usage.add(new UsageRecord(usageType(DURATION, arm64),
                    executionSeconds.multiply(memoryGb), true));
            fn.coldStarts().ifPresent(cs -> {
                BigDecimal initSeconds = seconds(BigDecimal.valueOf(cs.perMonth()).multiply(cs.initDurationMs()));
                usage.add(new UsageRecord(usageType(DURATION, arm64), initSeconds.multiply(memoryGb), true));
                notes.add("INIT phase billed as duration (AWS, since 2025-08-01): " + cs.perMonth() + " cold starts × "
                        + cs.initDurationMs().stripTrailingZeros().toPlainString() + " ms = "
                        + initSeconds.stripTrailingZeros().toPlainString() + " s at " + fn.memoryMb() + " MB.");
            });
        } else {
            var pc = fn.provisionedConcurrency().get();
            BigDecimal concurrency = BigDecimal.valueOf(pc.concurrency());
            BigDecimal enabledSeconds = pc.hoursPerMonth().multiply(S_PER_H);
            BigDecimal increment = t.provisionedConcurrencyIncrementSeconds();
            BigDecimal billedSeconds = enabledSeconds.divide(increment, 0, RoundingMode.CEILING).multiply(increment);
            BigDecimal capacitySeconds = concurrency.multiply(enabledSeconds);
            BigDecimal inCapacity = executionSeconds.min(capacitySeconds);
            BigDecimal spill = executionSeconds.subtract(inCapacity);
            usage.add(new UsageRecord(usageType(REQUEST, arm64), requests, false));
            usage.add(new UsageRecord(usageType(PROVISIONED, arm64),
                    concurrency.multiply(memoryGb).multiply(billedSeconds), false));
            usage.add(new UsageRecord(usageType(PROVISIONED_DURATION, arm64), inCapacity.multiply(memoryGb), false));
            usage.add(new UsageRecord(usageType(DURATION, arm64), spill.multiply(memoryGb), false));
            notes.add("Provisioned concurrency: the free tier does not apply to this function (AWS: \"The Lambda "
                    + "free tier does not apply to functions enabling Provisioned Concurrency\").");
            if (billedSeconds.compareTo(enabledSeconds) != 0) {
                notes.add("Provisioned concurrency time rounded up to whole " + increment.toPlainString()
                        + "-second blocks: " + billedSeconds.toPlainString() + " s billed for "
                        + enabledSeconds.stripTrailingZeros().toPlainString() + " s enabled.");
            }
            if (spill.signum() > 0) {
                notes.add("Execution beyond the provisioned capacity (" + pc.concurrency() + " × "
                        + enabledSeconds.stripTrailingZeros().toPlainString() + " s) is billed at on-demand duration "
                        + "rates: " + spill.stripTrailingZeros().toPlainString() + " s.");
            }
        }

        BigDecimal included = t.includedEphemeralStorageMb();
        BigDecimal extraStorageMb = BigDecimal.valueOf(fn.ephemeralStorageMb()).subtract(included);
        if (extraStorageMb.signum() > 0) {
            usage.add(new UsageRecord(usageType(STORAGE, arm64),
                    executionSeconds.multiply(extraStorageMb.scale() == 0 && extraStorageMb.precision() < 15
                            ? gb(extraStorageMb.longValue()) : extraStorageMb.divide(BigDecimal.valueOf(1024))), true));
        }

        if (fn.snapStart().isPresent()) {
            SnapStart ss = fn.snapStart().get();
            boolean java = fn.runtime().map(r -> r.toLowerCase(Locale.ROOT).startsWith("java")).orElse(false);
            if (java) {
                notes.add("SnapStart is not charged for Java managed runtimes (" + fn.runtime().get() + ").");
            } else {
                snapStart(fn, ss, t, memoryGb, usage, notes);
            }
        }

        fn.durable().ifPresent(d -> durable(d, t, usage, notes));

        return new MeteredResource(fn.name(), LambdaFunction.TYPE, LambdaService.TABLE, region, usage, notes);
    }

    /**
     * Durable executions: operations; data written, KB turned into GB by the table's factor (1,000,000, as AWS's
     * example does); data retained, counted in GB-days (GB × (running + retention days)), which the table prices at
     * AWS's $0.15 per GB-month over a 30-day month, as AWS's example prorates: exact where GB-months would not be.
     */
    private static void durable(DurableExecutions d, LambdaTables t, List<UsageRecord> usage, List<String> notes) {
        BigDecimal executions = BigDecimal.valueOf(d.executionsPerMonth());
        usage.add(new UsageRecord(DURABLE_OPERATIONS,
                executions.multiply(BigDecimal.valueOf(d.operationsPerExecution())), false));
        BigDecimal kb = executions.multiply(d.dataWrittenKbPerExecution());
        BigDecimal gb = kb.divide(t.durableKbPerGb()); // a power of ten in AWS's rule: exact
        usage.add(new UsageRecord(DURABLE_WRITTEN, gb, false));
        BigDecimal days = d.runningDays().add(d.retentionDays());
        usage.add(new UsageRecord(DURABLE_RETAINED, gb.multiply(days), false));
        notes.add("Durable data kept " + d.runningDays().stripTrailingZeros().toPlainString() + " days while running and "
                + d.retentionDays().stripTrailingZeros().toPlainString() + " days after completion, priced per GB-day "
                + "of a 30-day month as AWS's example prorates its $0.15 per GB-month.");
    }

    /**
     * Lambda Managed Instances: requests (no free tier, as AWS's example), the instance-hours at EC2's on-demand
     * price (less the user's assumed discount) and the management fee, the table's share of that on-demand price.
     */
    private static MeteredResource managedInstances(LambdaFunction fn, LambdaTables t, String region,
            io.github.computecost.service.InstanceHours instances) {
        ManagedInstances mi = fn.managedInstances().get();
        var shape = instances.shape(mi.instanceType()).orElseThrow(() -> new IllegalStateException(
                "unknown instance type: the checks refuse it"));
        boolean arm64 = shape.architecture().map("arm64"::equals).orElse(fn.architecture() == Architecture.ARM64);
        List<UsageRecord> usage = new ArrayList<>(3);
        List<String> notes = new ArrayList<>(2);
        usage.add(new UsageRecord(usageType(REQUEST, arm64), BigDecimal.valueOf(fn.requestsPerMonth()), false));
        UsageRecord hours = UsageRecord.in(instances.table(), shape.linuxUsageType(), mi.instanceHoursPerMonth(), false);
        if (mi.ec2DiscountPercent().isPresent()) {
            BigDecimal p = mi.ec2DiscountPercent().get();
            hours = hours.at(BigDecimal.ONE.subtract(p.movePointLeft(2)), "assumed "
                    + p.stripTrailingZeros().toPlainString() + "% below on-demand: a Savings Plan or Reserved Instances");
        }
        usage.add(hours);
        BigDecimal fee = t.managedInstancesFeeRate();
        usage.add(UsageRecord.in(instances.table(), shape.linuxUsageType(), mi.instanceHoursPerMonth(), false)
                .at(fee, "Lambda Managed Instances management fee, " + fee.movePointRight(2).stripTrailingZeros()
                        .toPlainString() + "% of the on-demand price"));
        notes.add("Lambda Managed Instances: " + mi.instanceHoursPerMonth().stripTrailingZeros().toPlainString()
                + " instance-hours of " + mi.instanceType() + " as given; no duration charge. AWS's example applies no "
                + "free tier to the requests, nor do we.");
        return new MeteredResource(fn.name(), LambdaFunction.TYPE, LambdaService.TABLE, region, usage, notes);
    }

    private static void snapStart(LambdaFunction fn, SnapStart ss, LambdaTables t, BigDecimal memoryGb,
            List<UsageRecord> usage, List<String> notes) {
        if (fn.runtime().isEmpty()) {
            notes.add("SnapStart priced as for Python and .NET runtimes: give the runtime (Java is not charged).");
        }
        BigDecimal minimum = t.snapStartCacheMinimumSeconds();
        BigDecimal activeSeconds = ss.activeHoursPerMonth().multiply(S_PER_H);
        if (activeSeconds.signum() > 0 && activeSeconds.compareTo(minimum) < 0) {
            activeSeconds = minimum;
            notes.add("SnapStart cache billed for the " + minimum.toPlainString() + "-second minimum per version.");
        }
        usage.add(new UsageRecord("Lambda-SnapStart-Cached-GB-S",
                BigDecimal.valueOf(ss.cachedVersions()).multiply(memoryGb).multiply(activeSeconds), true));
        usage.add(new UsageRecord("Lambda-SnapStart-Restored-GB",
                BigDecimal.valueOf(ss.restoresPerMonth()).multiply(memoryGb), true));
    }

    /**
     * MB to GB as AWS computes GB-seconds (divide by 1024); exact, since 1024 is a power of two: mb / 2^10 is
     * (mb / 2^k) × 5^(10−k) / 10^(10−k) for the k factors of two mb has, a shift rather than a division, in the
     * fewest digits (so that the products downstream stay within a {@code long}).
     */
    static BigDecimal gb(long mb) {
        int k = Math.min(Long.numberOfTrailingZeros(mb), 10);
        long five = 1;
        for (int i = k; i < 10; i++) {
            five *= 5;
        }
        return BigDecimal.valueOf((mb >> k) * five, 10 - k);
    }

    /** Milliseconds to seconds, exact, in the fewest digits where the value is a whole number of seconds. */
    static BigDecimal seconds(BigDecimal ms) {
        if (ms.scale() == 0 && ms.precision() < 19) {
            long v = ms.longValue();
            if (v % 1000 == 0) {
                return BigDecimal.valueOf(v / 1000);
            }
        }
        return ms.movePointLeft(3);
    }
}
