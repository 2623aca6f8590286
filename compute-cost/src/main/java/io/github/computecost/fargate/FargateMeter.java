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

    /** Ephemeral storage beyond what a task includes, per GB-hour. */
    static final String STORAGE = "Fargate-EphemeralStorage-GB-Hours";
    /** Windows tasks' operating-system licence, per vCPU-hour. */
    static final String WINDOWS_OS = "Fargate-Windows-OS-Hours:perCPU";

    /** @return the kind of task in its usage types: {@code ""} (Linux on x86), {@code "ARM-"} or {@code "Windows-"} */
    static String kind(boolean windows, Architecture architecture) {
        return windows ? "Windows-" : architecture == Architecture.ARM64 ? "ARM-" : "";
    }

    /** @return the vCPU-hours usage type of a kind of task, on demand or Spot */
    static String vcpuHours(boolean spot, String kind) {
        return (spot ? "SpotUsage-" : "") + "Fargate-" + kind + "vCPU-Hours:perCPU";
    }

    /** @return the GB-hours (memory) usage type of a kind of task, on demand or Spot */
    static String gbHours(boolean spot, String kind) {
        return (spot ? "SpotUsage-" : "") + "Fargate-" + kind + "GB-Hours";
    }


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
        String kind = kind(windows, task.architecture());
        List<UsageRecord> usage = new ArrayList<>();
        usage.add(new UsageRecord(vcpuHours(task.spot(), kind), task.vcpu().multiply(hours), true));
        usage.add(new UsageRecord(gbHours(task.spot(), kind), task.memoryGb().multiply(hours), true));
        if (windows) {
            usage.add(new UsageRecord(WINDOWS_OS, task.vcpu().multiply(hours), true));
        }
        BigDecimal extraStorage = BigDecimal.valueOf(task.ephemeralStorageGb())
                .subtract(t.includedEphemeralStorageGb());
        if (extraStorage.signum() > 0) {
            usage.add(new UsageRecord(STORAGE, extraStorage.multiply(hours), true));
        }
        if (task.spot()) {
            notes.add("Fargate Spot: AWS sets Spot prices and adjusts them over time; the line items say how old these "
                    + "are.");
        }
        return new MeteredResource(task.name(), FargateTask.TYPE, service, region, usage, notes);
    }
}
