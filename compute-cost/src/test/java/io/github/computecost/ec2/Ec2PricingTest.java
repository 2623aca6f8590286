package io.github.computecost.ec2;

import static io.github.computecost.Decimals.assertDecimal;
import static io.github.computecost.Decimals.bd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.compute.OperatingSystem;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.limits.InvalidWorkloadException;
import io.github.computecost.estimate.LineItem;
import io.github.computecost.estimate.ResourceEstimate;
import io.github.computecost.pricing.PriceBook;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Ec2PricingTest {

    static final PriceBook BOOK = PriceBook.bundled();
    static final Estimator ESTIMATOR = Estimator.of(BOOK);

    static ResourceEstimate price(Ec2Instance i) {
        return ESTIMATOR.estimate(List.of(i)).resource(i.name());
    }

    @Test
    void t3MediumLinuxAllMonthIsTheHourlyPriceTimes730() {
        ResourceEstimate r = price(Ec2Instance.builder("app").instanceType("t3.medium").count(1).build());
        LineItem li = r.lineItems().get(0);
        assertEquals("BoxUsage:t3.medium", li.usageType());
        assertDecimal("730", li.quantity());
        assertDecimal("0.0416", li.unitPrice());
        assertDecimal("30.368", r.monthlyCostExact());
        assertDecimal("60.736", price(Ec2Instance.builder("app").instanceType("t3.medium").count(2).build()).monthlyCostExact());
    }

    @Test
    void theCatalogCoversTheCommonFamiliesInBothArchitectures() {
        Map<String, Map<String, String>> catalog = BOOK.service("AmazonEC2").catalog();
        for (String family : List.of("t3", "t3a", "t4g", "m5", "m6i", "m6g", "m7i", "m7g", "c5", "c6i", "c6g", "c7g", "r5",
                "r6i", "r6g", "r7g")) {
            assertTrue(catalog.containsKey(family + ".large"), family);
            assertTrue(catalog.containsKey(family + ".xlarge"), family);
        }
        assertEquals("arm64", catalog.get("m7g.large").get("architecture"));
        assertEquals("4", catalog.get("t3.medium").get("memoryGib"));
        // AWS's own figure: m7g.xlarge $0.1632 per hour (Lambda pricing page).
        assertDecimal("0.1632", BOOK.service("AmazonEC2").region("us-east-1").table("BoxUsage:m7g.xlarge").tiers().get(0)
                .unitPrice());
    }

    @Test
    void windowsOnX86AddsTheLicenceAndIsRefusedOnGraviton() {
        ResourceEstimate win = price(Ec2Instance.builder("w").instanceType("m5.large").count(1).build().withOperatingSystem(OperatingSystem.WINDOWS));
        assertEquals("BoxUsage:m5.large/RunInstances:0002", win.lineItems().get(0).usageType());
        assertDecimal("137.24", win.monthlyCostExact()); // 730 × (0.096 + 2 × 0.046)
        InvalidWorkloadException e = assertThrows(InvalidWorkloadException.class, () -> price(
                Ec2Instance.builder("g").instanceType("m7g.large").count(1).build().withOperatingSystem(OperatingSystem.WINDOWS)));
        assertTrue(e.getMessage().contains("Windows runs on x86 instance types only"), e.getMessage());
        // Burstable Windows now has its own sourced price (ec2instances.info), not Linux plus a licence guess.
        assertDecimal("43.8", price(Ec2Instance.builder("b").instanceType("t3.medium").count(1).build().withOperatingSystem(OperatingSystem.WINDOWS))
                .monthlyCostExact()); // 730 × 0.06
        InvalidWorkloadException none = assertThrows(InvalidWorkloadException.class, () -> price(
                Ec2Instance.builder("n").instanceType("c7i.large").count(1).build().withOperatingSystem(OperatingSystem.WINDOWS)));
        assertTrue(none.getMessage().contains("no windows price for c7i.large in us-east-1"), none.getMessage());
        assertTrue(none.getMessage().contains("BoxUsage:c7i.large/RunInstances:0002"), none.getMessage());
    }

    @Test
    void unknownTypesAndRegionsSuggestNearMatches() {
        InvalidWorkloadException e = assertThrows(InvalidWorkloadException.class,
                () -> price(Ec2Instance.builder("x").instanceType("t3.medum").count(1).build()));
        assertTrue(e.getMessage().startsWith("x: unknown instance type \"t3.medum\" (did you mean t3.medium"),
                e.getMessage());
        // A region the table does not price is an error like any other (region.unknown), naming the priced ones.
        InvalidWorkloadException r = assertThrows(InvalidWorkloadException.class,
                () -> price(Ec2Instance.builder("x").instanceType("t3.medium").count(1).build().withRegion("eu-west-1")));
        assertEquals("region.unknown", r.report().errors().get(0).code());
        assertTrue(r.getMessage().contains("priced regions: af-south-1, us-east-1, us-gov-east-1, us-gov-west-1"),
                r.getMessage());
    }

    @Test
    void perSecondBillingWithASixtySecondMinimum() {
        ResourceEstimate shortRun = price(Ec2Instance.builder("s").instanceType("m5.large").count(1).build().withHoursPerMonth(bd("0.001")));
        assertDecimal("0.0166666667", shortRun.lineItems().get(0).quantity()); // 3.6 s → 60 s
        ResourceEstimate partial = price(Ec2Instance.builder("p").instanceType("m5.large").count(1).build().withHoursPerMonth(bd("1.5")));
        assertDecimal("1.5", partial.lineItems().get(0).quantity());
        assertDecimal("0.144", partial.monthlyCostExact());
    }

    @Test
    void anAssumedSpotDiscountIsLabelled() {
        ResourceEstimate r = price(Ec2Instance.builder("s").instanceType("c7g.large").count(1).build().withHoursPerMonth(bd("200"))
                .withSpotDiscountPercent(bd("60")));
        assertDecimal("5.8", r.monthlyCostExact()); // 200 × 0.0725 × 0.4
        assertTrue(r.lineItems().get(0).description().contains("Spot, assumed 60% below on-demand"));
        assertTrue(r.notes().get(0).contains("your assumption, not an AWS price"));
        assertThrows(IllegalArgumentException.class, () -> Ec2Instance.builder("s").instanceType("c7g.large").count(1).build()
                .withSpotDiscountPercent(bd("101")));
    }
}
