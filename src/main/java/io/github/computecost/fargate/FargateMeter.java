package io.github.computecost.fargate;

import io.github.computecost.compute.Architecture;
import io.github.computecost.compute.OperatingSystem;
import io.github.computecost.limits.InvalidWorkloadException;
import io.github.computecost.estimate.MeteredResource;
import io.github.computecost.estimate.UsageRecord;
import io.github.computecost.internal.BilledTime;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.ServicePrices;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Turns a {@link FargateTask} into a month of usage records. Stateless and thread-safe. */
final class FargateMeter {

    static final String SERVICE = "AmazonECSFargate";
    static final String SPOT_SERVICE = "AmazonECSFargateSpot";

    private FargateMeter() {
    }

    static MeteredResource meter(FargateTask task, PriceBook prices, String defaultRegion) {
        String region = task.region().orElse(defaultRegion);
        ServicePrices sp = prices.service(SERVICE);
        sp.region(region);
        ValidationReport report = FargateLimits.validate(task, prices);
        if (report.hasErrors()) {
            throw new InvalidWorkloadException(report);
        }
        String service = SERVICE;
        if (task.spot()) {
            if (!prices.has(SPOT_SERVICE)) {
                throw new IllegalArgumentException(task.name() + ": this price book has no Fargate Spot prices (table "
                        + SPOT_SERVICE + "); give one with --pricing-data (see pricing-data/README.md), or price the "
                        + "task on demand");
            }
            service = SPOT_SERVICE;
            prices.service(SPOT_SERVICE).region(region);
        }
        boolean windows = task.operatingSystem() == OperatingSystem.WINDOWS;
        BigDecimal minimum = sp.requireBillingRule(windows ? "minimumSeconds.windows" : "minimumSeconds.linux").value();
        int scale = sp.requireBillingRule("hourScale").value().intValueExact();
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
                .subtract(sp.requireBillingRule("includedEphemeralStorageGb").value());
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
