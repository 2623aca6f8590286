package io.github.computecost.lightsail;

import io.github.computecost.limits.InvalidWorkloadException;
import io.github.computecost.estimate.MeteredResource;
import io.github.computecost.estimate.UsageRecord;
import io.github.computecost.limits.Severity;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.limits.Violation;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.ServicePrices;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Meters Lightsail instances and checks their plan. Stateless and thread-safe. */
final class LightsailMeter {

    static final String SERVICE = "AmazonLightsail";

    private LightsailMeter() {
    }

    /** @return the catalog's bundle id for an id or a readable name, if there is one */
    static Optional<String> bundleId(ServicePrices sp, String bundle) {
        if (sp.catalog().containsKey(bundle)) {
            return Optional.of(bundle);
        }
        return sp.catalog().entrySet().stream().filter(e -> bundle.equalsIgnoreCase(e.getValue().get("name")))
                .map(Map.Entry::getKey).findFirst();
    }

    /**
     * @return the usage type of a plan's hours: AWS's ({@code BundleUsage:4GB}, {@code BundleUsage:4GB_win}) as the
     *     catalog gives it, or {@code BundleUsage:<bundle id>} for a plan whose AWS name is not known
     */
    static String hourlyUsageType(String bundleId, Map<String, String> plan) {
        return plan.getOrDefault("hourlyUsageType", "BundleUsage:" + bundleId);
    }

    static ValidationReport validate(LightsailInstance i, PriceBook prices) {
        ServicePrices sp = prices.service(SERVICE);
        if (bundleId(sp, i.bundle()).isPresent()) {
            return new ValidationReport(List.of());
        }
        String near = io.github.computecost.internal.Names.nearest(i.bundle(), sp.catalog().keySet());
        return new ValidationReport(List.of(new Violation("lightsail.bundle", Severity.ERROR, i.name(), "bundle",
                i.bundle(), "a Lightsail bundle id or plan name", i.name() + ": unknown Lightsail bundle \"" + i.bundle()
                        + "\"" + near + "; plans: " + sp.catalog().values().stream().map(a -> a.get("name"))
                                .collect(Collectors.joining(", ")))));
    }

    static MeteredResource meter(LightsailInstance i, PriceBook prices, String defaultRegion) {
        String region = i.region().orElse(defaultRegion);
        ServicePrices sp = prices.service(SERVICE);
        sp.region(region);
        ValidationReport report = validate(i, prices);
        if (report.hasErrors()) {
            throw new InvalidWorkloadException(report);
        }
        String id = bundleId(sp, i.bundle()).orElseThrow();
        Map<String, String> plan = sp.catalog().get(id);
        BigDecimal count = BigDecimal.valueOf(i.count());
        List<UsageRecord> usage = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        BigDecimal monthHours = sp.requireBillingRule("planMonthHours").value();
        if (i.hoursPerMonth().isEmpty()) {
            usage.add(new UsageRecord("BundleMonth:" + id, count, true));
        } else if (i.hoursPerMonth().get().compareTo(monthHours) >= 0) {
            // A plan that runs its month's hours costs the plan price: hourly prices are the monthly price / 744 cut
            // to 5 decimals, so 744 hours at them would fall just short of it.
            usage.add(new UsageRecord("BundleMonth:" + id, count, true));
            notes.add(i.hoursPerMonth().get().stripTrailingZeros().toPlainString() + " hours reach the plan's month ("
                    + monthHours.toPlainString() + " h): the monthly price caps the charge.");
        } else {
            BigDecimal hours = i.hoursPerMonth().get();
            String hourlyUsageType = hourlyUsageType(id, plan);
            var regionPrices = sp.region(region);
            BigDecimal hourly = regionPrices.table(hourlyUsageType).tiers().get(0).unitPrice();
            Optional<BigDecimal> monthly = regionPrices.find("BundleMonth:" + id).map(t -> t.tiers().get(0).unitPrice());
            if (monthly.isPresent() && hours.multiply(hourly).compareTo(monthly.get()) >= 0) {
                usage.add(new UsageRecord("BundleMonth:" + id, count, true));
                notes.add(hours.stripTrailingZeros().toPlainString() + " hours at the hourly price would exceed the "
                        + "plan's monthly price, which caps the charge.");
            } else {
                usage.add(new UsageRecord(hourlyUsageType, hours.multiply(count), true));
            }
        }
        BigDecimal allowance = new BigDecimal(plan.get("transferAllowanceGb"));
        BigDecimal over = i.dataTransferOutGb().add(i.dataTransferInGb()).subtract(allowance).max(BigDecimal.ZERO)
                .min(i.dataTransferOutGb());
        if (over.signum() > 0) {
            usage.add(new UsageRecord("DataTransfer-Out-GB", over.multiply(count), true));
            notes.add("Data transfer: " + allowance.toPlainString() + " GB allowance per instance (in and out); "
                    + "the excess of data out is charged.");
        }
        return new MeteredResource(i.name(), LightsailInstance.TYPE, SERVICE, region, usage, notes);
    }
}
