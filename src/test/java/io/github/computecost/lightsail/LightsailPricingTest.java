package io.github.computecost.lightsail;

import static io.github.computecost.Decimals.assertDecimal;
import static io.github.computecost.Decimals.bd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.estimate.Estimator;
import io.github.computecost.estimate.InvalidWorkloadException;
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
        assertDecimal("24", price(LightsailInstance.of("blog", "medium_3_0", 1)).monthlyCostExact());
        assertDecimal("10", price(LightsailInstance.of("b", "small_ipv6_3_0", 1)).monthlyCostExact());
        assertDecimal("19", price(LightsailInstance.of("w", "nano_win_3_0", 2)).monthlyCostExact());
        assertDecimal("24", price(LightsailInstance.of("n", "Linux 4 GB", 1)).monthlyCostExact());
    }

    @Test
    void hoursAreChargedAtTheHourlyPriceUpToTheMonthlyPrice() {
        // AWS: "The least expensive Lightsail plan starts at $0.0067 USD/hour ($5 USD/month)"
        ResourceEstimate r = price(LightsailInstance.of("b", "nano_3_0", 1).withHoursPerMonth(bd("100")));
        assertDecimal("0.0067", r.lineItems().get(0).unitPrice());
        assertDecimal("0.67", r.monthlyCostExact());
        assertDecimal("0.0127", price(LightsailInstance.of("w", "nano_win_3_0", 1).withHoursPerMonth(bd("1")))
                .monthlyCostExact());
        // 744 h × $0.0322 = $23.9568 stays below the $24 cap; the cap never lets hours cost more.
        assertDecimal("23.9568", price(LightsailInstance.of("m", "medium_3_0", 1).withHoursPerMonth(bd("744")))
                .monthlyCostExact());
    }

    @Test
    void dataTransferBeyondTheAllowanceIsChargedPerGb() {
        // medium_3_0: 4 TB = 4096 GB allowance; 5000 GB out → 904 GB × $0.09
        ResourceEstimate r = price(LightsailInstance.of("b", "medium_3_0", 1).withDataTransferGb(bd("5000"), bd("0")));
        assertDecimal("81.36", r.monthlyCostExact().subtract(bd("24")));
        // Inbound counts against the allowance but is never charged itself.
        ResourceEstimate in = price(LightsailInstance.of("b", "medium_3_0", 1).withDataTransferGb(bd("100"), bd("5000")));
        assertDecimal("24", in.monthlyCostExact().subtract(bd("0.09").multiply(bd("100"))));
        assertDecimal("24", price(LightsailInstance.of("b", "medium_3_0", 1).withDataTransferGb(bd("4096"), bd("0")))
                .monthlyCostExact());
        // Allowances are per instance.
        assertDecimal("48", price(LightsailInstance.of("b", "medium_3_0", 2).withDataTransferGb(bd("4000"), bd("0")))
                .monthlyCostExact());
    }

    @Test
    void unknownPlansListWhatExists() {
        InvalidWorkloadException e = assertThrows(InvalidWorkloadException.class,
                () -> price(LightsailInstance.of("x", "medium_2_0", 1)));
        assertTrue(e.getMessage().startsWith("x: unknown Lightsail bundle \"medium_2_0\" (did you mean medium_3_0"),
                e.getMessage());
        assertEquals(1, e.report().errors().size());
    }
}
