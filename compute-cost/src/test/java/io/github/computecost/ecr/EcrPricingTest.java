package io.github.computecost.ecr;

import static io.github.computecost.Decimals.assertDecimal;
import static io.github.computecost.Decimals.bd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import org.junit.jupiter.api.Test;

class EcrPricingTest {

    static final Estimator ESTIMATOR = Estimator.of(PriceBook.bundled());

    @Test
    void storagePerGbMonthWithoutTheNewAccountFreeTier() {
        // Infracost's golden test: 1 GB costs 0.10; a guide's 250 GB, $25.00.
        assertDecimal("0.1", ESTIMATOR.estimate(List.of(EcrRepository.of("r", bd("1")))).totalExact());
        Estimate e = ESTIMATOR.estimate(List.of(EcrRepository.of("r", bd("250"))));
        assertDecimal("25", e.totalExact());
        // The 500 MB-month for new accounts' first year is not applied, and the estimate says so.
        assertDecimal("0.05", ESTIMATOR.estimate(List.of(EcrRepository.of("r", bd("0.5")))).totalExact());
        assertTrue(e.resource("r").notes().get(0).contains("first year"));
        var refused = assertThrows(RuntimeException.class,
                () -> ESTIMATOR.estimate(List.of(EcrRepository.of("r", bd("1")).withRegion("eu-west-1"))));
        assertTrue(refused.getMessage().contains("eu-west-1"), refused.getMessage());
    }

    @Property(tries = 200)
    void costIsLinearMonotoneAndConserved(@ForAll @BigRange(min = "0", max = "100000") BigDecimal a,
            @ForAll @BigRange(min = "0", max = "100000") BigDecimal b) {
        Estimate e = ESTIMATOR.estimate(List.of(EcrRepository.of("a", a), EcrRepository.of("b", b)));
        assertEquals(0, e.totalExact().compareTo(a.add(b).multiply(new BigDecimal("0.1"))));
        assertEquals(0, e.resource("a").monthlyCostExact().add(e.resource("b").monthlyCostExact())
                .compareTo(e.totalExact()));
        assertTrue(e.totalExact().signum() >= 0);
    }
}
