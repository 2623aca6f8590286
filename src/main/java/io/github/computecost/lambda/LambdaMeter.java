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

    private static final BigDecimal MB_PER_GB = BigDecimal.valueOf(1024);
    private static final BigDecimal MS_PER_S = BigDecimal.valueOf(1000);
    private static final BigDecimal S_PER_H = Calendar.SECONDS_PER_HOUR;

    private LambdaMeter() {
    }

    static MeteredResource meter(LambdaFunction fn, LambdaTables t, String region) {

        String arm = fn.architecture() == Architecture.ARM64 ? "-ARM" : "";
        BigDecimal memoryGb = gb(fn.memoryMb());
        BigDecimal requests = BigDecimal.valueOf(fn.requestsPerMonth());
        BigDecimal executionSeconds = requests.multiply(fn.averageDurationMs()).divide(MS_PER_S);
        List<UsageRecord> usage = new ArrayList<>();
        List<String> notes = new ArrayList<>();

        if (fn.provisionedConcurrency().isEmpty()) {
            usage.add(new UsageRecord("Request" + arm, requests, true));
            usage.add(new UsageRecord("Lambda-GB-Second" + arm, executionSeconds.multiply(memoryGb), true));
        } else {
            var pc = fn.provisionedConcurrency().get();
            BigDecimal concurrency = BigDecimal.valueOf(pc.concurrency());
            BigDecimal enabledSeconds = pc.hoursPerMonth().multiply(S_PER_H);
            BigDecimal increment = t.provisionedConcurrencyIncrementSeconds();
            BigDecimal billedSeconds = enabledSeconds.divide(increment, 0, RoundingMode.CEILING).multiply(increment);
            BigDecimal capacitySeconds = concurrency.multiply(enabledSeconds);
            BigDecimal inCapacity = executionSeconds.min(capacitySeconds);
            BigDecimal spill = executionSeconds.subtract(inCapacity);
            usage.add(new UsageRecord("Request" + arm, requests, false));
            usage.add(new UsageRecord("Lambda-Provisioned-Concurrency" + arm,
                    concurrency.multiply(memoryGb).multiply(billedSeconds), false));
            usage.add(new UsageRecord("Lambda-Provisioned-GB-Second" + arm, inCapacity.multiply(memoryGb), false));
            usage.add(new UsageRecord("Lambda-GB-Second" + arm, spill.multiply(memoryGb), false));
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
            usage.add(new UsageRecord("Lambda-Storage-GB-Second" + arm,
                    executionSeconds.multiply(extraStorageMb.divide(MB_PER_GB)), true));
        }

        fn.snapStart().ifPresent(ss -> {
            boolean java = fn.runtime().map(r -> r.toLowerCase(Locale.ROOT).startsWith("java")).orElse(false);
            if (java) {
                notes.add("SnapStart is not charged for Java managed runtimes (" + fn.runtime().get() + ").");
                return;
            }
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
        });

        return new MeteredResource(fn.name(), LambdaFunction.TYPE, LambdaService.TABLE, region, usage, notes);
    }

    /** MB to GB as AWS computes GB-seconds (divide by 1024); exact, since 1024 is a power of two. */
    private static BigDecimal gb(int mb) {
        return BigDecimal.valueOf(mb).divide(MB_PER_GB);
    }
}
