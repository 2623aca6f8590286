package io.github.computecost.fargate;

import io.github.computecost.compute.Architecture;
import io.github.computecost.compute.OperatingSystem;
import io.github.computecost.internal.BilledTime;
import io.github.computecost.service.MeteredResource;
import io.github.computecost.service.UsageRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a valid {@link FargateTask} into a month of usage records (it validates nothing: the estimator has). A Spot
 * task is priced from the Spot table; a price book without one, or without the task's region in it, leaves the task
 * not priced. Stateless and thread-safe.
 */
final class FargateMeter {

    private FargateMeter() {
    }

    static MeteredResource meter(FargateTask task, FargateTables t, String region) {
        String service = task.spot() ? FargateService.SPOT_TABLE : FargateService.TABLE;
        boolean windows = task.operatingSystem() == OperatingSystem.WINDOWS;
        BigDecimal minimum = windows ? t.minimumSecondsWindows() : t.minimumSecondsLinux();
        int scale = t.hourScale();
        List<String> notes = new ArrayList<>();
        BigDecimal seconds;
        if (task.usage() instanceof FargateTask.Running r) {
            BigDecimal each = BilledTime.secondsOfHours(r.hoursPerMonth(), minimum);
            seconds = each.multiply(BigDecimal.valueOf(r.tasks()));
        } else {
            FargateTask.Runs runs = (FargateTask.Runs) task.usage();
            BigDecimal each = BilledTime.seconds(runs.runDurationSeconds(), minimum);
            if (each.compareTo(runs.runDurationSeconds()) > 0) {
                notes.add("Each run is billed " + each.toPlainString() + " s: " + (each.compareTo(minimum) == 0
                        ? "the " + minimum.toPlainString() + "-second minimum per task" : "rounded up to whole seconds")
                        + ".");
            }
            seconds = each.multiply(BigDecimal.valueOf(runs.runsPerMonth()));
        }
        BigDecimal hours = BilledTime.hours(seconds, scale);
        String kind = windows ? "Windows-" : task.architecture() == Architecture.ARM64 ? "ARM-" : "";
        String spot = task.spot() ? "SpotUsage-" : "";
        List<UsageRecord> usage = new ArrayList<>();
        usage.add(new UsageRecord(spot + "Fargate-" + kind + "vCPU-Hours:perCPU", task.vcpu().multiply(hours), true));
        usage.add(new UsageRecord(spot + "Fargate-" + kind + "GB-Hours", task.memoryGb().multiply(hours), true));
        if (windows) {
            usage.add(new UsageRecord("Fargate-Windows-OS-Hours:perCPU", task.vcpu().multiply(hours), true));
        }
        BigDecimal extraStorage = BigDecimal.valueOf(task.ephemeralStorageGb())
                .subtract(t.includedEphemeralStorageGb());
        if (extraStorage.signum() > 0) {
            usage.add(new UsageRecord("Fargate-EphemeralStorage-GB-Hours", extraStorage.multiply(hours), true));
        }
        if (task.spot()) {
            notes.add("Fargate Spot: AWS sets Spot prices and adjusts them over time; the line items say how old these "
                    + "are.");
        }
        return new MeteredResource(task.name(), FargateTask.TYPE, service, region, usage, notes);
    }
}
