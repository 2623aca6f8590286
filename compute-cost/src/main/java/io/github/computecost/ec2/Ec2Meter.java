package io.github.computecost.ec2;

import io.github.computecost.internal.BilledTime;
import io.github.computecost.service.MeteredResource;
import io.github.computecost.service.UsageRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns valid {@link Ec2Instance}s into a month of usage records (it validates nothing: the estimator has).
 * Stateless and thread-safe.
 */
final class Ec2Meter {

    private Ec2Meter() {
    }

    static MeteredResource meter(Ec2Instance i, Ec2Tables t, String region) {
        BigDecimal minimum = t.minimumSeconds();
        int scale = t.hourScale();
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
            return new MeteredResource(i.name(), Ec2Instance.TYPE, Ec2Service.TABLE, region, usage, notes,
                    List.of(MeteredResource.Adjustment.spot(usageType, pct)));
        }
        if (i.spot()) {
            // Spot hours, billed as on-demand hours are, at the market price of the Spot table.
            usage.add(new UsageRecord(Ec2Catalog.spotUsageType(i.instanceType(), i.operatingSystem()), hours, false));
            notes.add("Spot: an observed market price (its source names the history, the time range and the "
                    + "statistic), not a list price; AWS can reclaim Spot capacity with two minutes' notice.");
            return new MeteredResource(i.name(), Ec2Instance.TYPE, Ec2Service.SPOT_TABLE, region, usage, notes);
        }
        usage.add(new UsageRecord(usageType, hours, true));
        return new MeteredResource(i.name(), Ec2Instance.TYPE, Ec2Service.TABLE, region, usage, notes);
    }
}
