package io.github.computecost.lightsail;

import io.github.computecost.internal.Names;
import io.github.computecost.limits.Severity;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.limits.Violation;
import io.github.computecost.pricing.RegionPrices;
import io.github.computecost.service.MeteredResource;
import io.github.computecost.service.UsageRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Meters valid Lightsail instances and checks their plan. Stateless and thread-safe. */
final class LightsailMeter {

    private LightsailMeter() {
    }

    static ValidationReport check(LightsailInstance i, LightsailTables t) {
        if (t.plan(i.bundle()).isPresent()) {
            return ValidationReport.EMPTY;
        }
        String near = Names.nearest(i.bundle(), t.plans().keySet());
        return new ValidationReport(List.of(new Violation("lightsail.bundle", Severity.ERROR, i.name(), "bundle",
                i.bundle(), "a Lightsail bundle id or plan name", i.name() + ": unknown Lightsail bundle \"" + i.bundle()
                        + "\"" + near + "; plans: " + t.plans().values().stream().map(LightsailTables.Plan::name)
                                .collect(Collectors.joining(", ")))));
    }

    /** The usage type of data transfer out beyond a plan's allowance. */
    static final String OVERAGE = "DataTransfer-Out-GB";

    /**
     * @return the GB of data out an instance is charged for: what in and out together exceed the plan's allowance by,
     *     at most the data out
     */
    static BigDecimal overageGb(LightsailInstance i, LightsailTables.Plan plan) {
        return i.dataTransferOutGb().add(i.dataTransferInGb()).subtract(plan.transferAllowanceGb())
                .max(BigDecimal.ZERO).min(i.dataTransferOutGb());
    }

    /** @param prices the region's prices, for the hourly price against the plan price */
    static MeteredResource meter(LightsailInstance i, LightsailTables t, String region, Optional<RegionPrices> prices) {
        LightsailTables.Plan plan = t.plan(i.bundle()).orElseThrow();
        BigDecimal count = BigDecimal.valueOf(i.count());
        List<UsageRecord> usage = new ArrayList<>(2);
        List<String> notes = new ArrayList<>(1);
        BigDecimal monthHours = t.planMonthHours();
        if (i.hoursPerMonth().isEmpty()) {
            usage.add(new UsageRecord(plan.monthUsageType(), count, true));
        } else if (i.hoursPerMonth().get().compareTo(monthHours) >= 0) {
            // A plan that runs its month's hours costs the plan price: hourly prices are the monthly price / 744 cut
            // to 5 decimals, so 744 hours at them would fall just short of it.
            usage.add(new UsageRecord(plan.monthUsageType(), count, true));
            notes.add(i.hoursPerMonth().get().stripTrailingZeros().toPlainString() + " hours reach the plan's month ("
                    + monthHours.toPlainString() + " h): the monthly price caps the charge.");
        } else {
            BigDecimal hours = i.hoursPerMonth().get();
            Optional<BigDecimal> hourly = prices.flatMap(r -> r.find(plan.hoursUsageType()))
                    .map(x -> x.tiers().get(0).unitPrice());
            Optional<BigDecimal> monthly = prices.flatMap(r -> r.find(plan.monthUsageType()))
                    .map(x -> x.tiers().get(0).unitPrice());
            if (hourly.isPresent() && monthly.isPresent() && hours.multiply(hourly.get()).compareTo(monthly.get()) >= 0) {
                usage.add(new UsageRecord(plan.monthUsageType(), count, true));
                notes.add(hours.stripTrailingZeros().toPlainString() + " hours at the hourly price would exceed the "
                        + "plan's monthly price, which caps the charge.");
            } else {
                usage.add(new UsageRecord(plan.hoursUsageType(), hours.multiply(count), true));
            }
        }
        BigDecimal over = overageGb(i, plan);
        if (over.signum() > 0) {
            usage.add(new UsageRecord(OVERAGE, over.multiply(count), true));
            notes.add("Data transfer: " + plan.transferAllowanceGb().toPlainString() + " GB allowance per instance "
                    + "(in and out); the excess of data out is charged.");
        }
        return new MeteredResource(i.name(), LightsailInstance.TYPE, LightsailService.TABLE, region, usage, notes);
    }
}
