package io.github.computecost.lightsail;

import static io.github.computecost.Decimals.assertDecimal;
import static io.github.computecost.Decimals.bd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.estimate.Estimator;
import io.github.computecost.limits.InvalidWorkloadException;
import io.github.computecost.estimate.ResourceEstimate;
import io.github.computecost.pricing.PriceBook;
import java.util.List;
import org.junit.jupiter.api.Test;

class LightsailPricingTest {

    static final Estimator ESTIMATOR = Estimator.of(PriceBook.bundled());

    static ResourceEstimate price(LightsailInstance i) {
        return ESTIMATOR.estimate(List.of(i)).resource(i.name());
    }

    @Test
    void aWholeMonthCostsExactlyThePlanPrice() {
        assertDecimal("24", price(LightsailInstance.builder("blog").bundle("medium_3_0").count(1).build()).monthlyCostExact());
        assertDecimal("10", price(LightsailInstance.builder("b").bundle("small_ipv6_3_0").count(1).build()).monthlyCostExact());
        assertDecimal("19", price(LightsailInstance.builder("w").bundle("nano_win_3_0").count(2).build()).monthlyCostExact());
        assertDecimal("24", price(LightsailInstance.builder("n").bundle("Linux 4 GB").count(1).build()).monthlyCostExact());
    }

    @Test
    void hoursAreChargedAtTheHourlyPriceUpToTheMonthlyPrice() {
        // The plan price / 744 h, cut to 5 decimals: $5 gives 0.00672 (AWS's FAQ shows it as "$0.0067 USD/hour").
        ResourceEstimate r = price(LightsailInstance.builder("b").bundle("nano_3_0").count(1).build().withHoursPerMonth(bd("100")));
        assertDecimal("0.00672", r.lineItems().get(0).unitPrice());
        assertTrue(r.lineItems().get(0).isDerived());
        assertEquals("lightsail-hourly", r.lineItems().get(0).provenance().rule().orElseThrow().id());
        assertDecimal("0.672", r.monthlyCostExact());
        assertDecimal("0.01276", price(LightsailInstance.builder("w").bundle("nano_win_3_0").count(1).build().withHoursPerMonth(bd("1")))
                .monthlyCostExact()); // $9.50 / 744, cut: AWS's FAQ shows "$0.0127"
        // The Price List's hourly price of the $22 Windows plan: 730 h cost 21.58 (Infracost's golden test), not 21.535.
        ResourceEstimate win = price(LightsailInstance.builder("w").bundle("small_win_3_0").count(1).build().withHoursPerMonth(bd("730")));
        assertDecimal("0.02956", win.lineItems().get(0).unitPrice());
        assertDecimal("21.5788", win.monthlyCostExact());
        assertDecimal("21.58", win.monthlyCostRounded());
        // 744 hours are the plan's month: the plan price, although 744 × 0.02956 = 21.99264 falls just short of it.
        ResourceEstimate month = price(LightsailInstance.builder("w").bundle("small_win_3_0").count(1).build().withHoursPerMonth(bd("744")));
        assertDecimal("22", month.monthlyCostExact());
        assertEquals("BundleMonth:small_win_3_0", month.lineItems().get(0).usageType().replace("USE1-", ""));
        assertDecimal("21.96308", price(LightsailInstance.builder("w").bundle("small_win_3_0").count(1).build().withHoursPerMonth(bd("743")))
                .monthlyCostExact()); // 743 h stay hourly
        assertDecimal("82.417", price(LightsailInstance.builder("l").bundle("xlarge_3_0").count(1).build().withHoursPerMonth(bd("730")))
                .monthlyCostExact()); // $84 plan: 82.42 for 730 h, as Infracost's golden test has it
    }

    @Test
    void plansInARegionWithoutSourcedPlanPricesAreRefused() {
        var e = assertThrows(io.github.computecost.pricing.PriceUnavailableException.class,
                () -> price(LightsailInstance.builder("b").bundle("nano_3_0").count(1).build().withRegion("eu-central-1")));
        assertTrue(e.getMessage().contains("EUC1-BundleMonth:nano_3_0"), e.getMessage());
        assertTrue(e.getMessage().contains("eu-central-1"), e.getMessage());
    }

    @Test
    void dataTransferBeyondTheAllowanceIsChargedPerGb() {
        // medium_3_0: 4 TB = 4096 GB allowance; 5000 GB out → 904 GB × $0.09
        ResourceEstimate r = price(LightsailInstance.builder("b").bundle("medium_3_0").count(1).build().withDataTransferGb(bd("5000"), bd("0")));
        assertDecimal("81.36", r.monthlyCostExact().subtract(bd("24")));
        // Inbound counts against the allowance but is never charged itself.
        ResourceEstimate in = price(LightsailInstance.builder("b").bundle("medium_3_0").count(1).build().withDataTransferGb(bd("100"), bd("5000")));
        assertDecimal("24", in.monthlyCostExact().subtract(bd("0.09").multiply(bd("100"))));
        assertDecimal("24", price(LightsailInstance.builder("b").bundle("medium_3_0").count(1).build().withDataTransferGb(bd("4096"), bd("0")))
                .monthlyCostExact());
        // Allowances are per instance.
        assertDecimal("48", price(LightsailInstance.builder("b").bundle("medium_3_0").count(2).build().withDataTransferGb(bd("4000"), bd("0")))
                .monthlyCostExact());
    }

    @Test
    void unknownPlansListWhatExists() {
        InvalidWorkloadException e = assertThrows(InvalidWorkloadException.class,
                () -> price(LightsailInstance.builder("x").bundle("medium_2_0").count(1).build()));
        assertTrue(e.getMessage().startsWith("x: unknown Lightsail bundle \"medium_2_0\" (did you mean medium_3_0"),
                e.getMessage());
        assertEquals(1, e.report().errors().size());
    }
}
