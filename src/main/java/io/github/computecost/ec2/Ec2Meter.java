package io.github.computecost.ec2;

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

/** Turns {@link Ec2Instance}s into a month of usage records. Stateless and thread-safe. */
final class Ec2Meter {

    private Ec2Meter() {
    }

    static MeteredResource meter(Ec2Instance i, PriceBook prices, String defaultRegion) {
        String region = i.region().orElse(defaultRegion);
        ServicePrices sp = prices.service(Ec2Catalog.SERVICE);
        sp.region(region);
        ValidationReport report = Ec2Catalog.validate(i, prices, region);
        if (report.hasErrors()) {
            throw new InvalidWorkloadException(report);
        }
        BigDecimal minimum = sp.requireBillingRule("minimumSeconds").value();
        int scale = sp.requireBillingRule("hourScale").value().intValueExact();
        BigDecimal each = BilledTime.secondsOfHours(i.hoursPerMonth(), minimum);
        BigDecimal hours = BilledTime.hours(each.multiply(BigDecimal.valueOf(i.count())), scale);
        List<String> notes = new ArrayList<>();
        String usageType = Ec2Catalog.usageType(i.instanceType(), i.operatingSystem());
        List<UsageRecord> usage = new ArrayList<>();
        if (i.spotDiscountPercent().isPresent()) {
            BigDecimal pct = i.spotDiscountPercent().get();
            // Price the hours at on-demand, and the assumed discount as a credit line in the same usage type:
            // both exact, and the discount stays visible as the user's assumption.
            usage.add(new UsageRecord(usageType, hours, true));
            notes.add("Spot: priced at on-demand less " + pct.stripTrailingZeros().toPlainString()
                    + "% (your assumption, not an AWS price; Spot prices change with supply and demand).");
            return new MeteredResource(i.name(), Ec2Instance.TYPE, Ec2Catalog.SERVICE, region, usage, notes,
                    List.of(new MeteredResource.Adjustment(usageType, BigDecimal.ONE.subtract(pct.movePointLeft(2)),
                            "Spot, assumed " + pct.stripTrailingZeros().toPlainString() + "% below on-demand")));
        }
        usage.add(new UsageRecord(usageType, hours, true));
        return new MeteredResource(i.name(), Ec2Instance.TYPE, Ec2Catalog.SERVICE, region, usage, notes);
    }
}
