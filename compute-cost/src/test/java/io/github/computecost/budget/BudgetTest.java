package io.github.computecost.budget;

import static io.github.computecost.Decimals.assertDecimal;
import static io.github.computecost.Decimals.bd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.EstimateDiff;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.lambda.LambdaFunction;
import io.github.computecost.pricing.PriceBook;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BudgetTest {

    static final Estimator ESTIMATOR = Estimator.of(PriceBook.bundled());

    static LambdaFunction fn(String name, int memoryMb) {
        return LambdaFunction.builder(name).memoryMb(memoryMb).requestsPerMonth(3_000_000).averageDurationMs(bd("1000"))
                .build();
    }

    @Test
    void overBudgetByTheExactDifference() {
        Estimate e = ESTIMATOR.estimate(List.of(fn("f", 512))); // 18.73337
        BudgetReport r = BudgetReport.check(e, List.of(Budget.total(bd("10.00")), Budget.of("f", bd("20"))));
        assertTrue(r.anyOver());
        assertEquals(1, r.over().size());
        BudgetCheck total = r.checks().get(0);
        assertDecimal("8.73337", total.overBy());
        assertEquals("total monthly cost 18.73 USD (exact 18.73337) exceeds the budget of 10.00 USD by 8.73 USD "
                + "(exact 8.73337)", total.message());
        assertFalse(r.checks().get(1).over());
        assertEquals("monthly cost of f 18.73 USD is within the budget of 20.00 USD", r.checks().get(1).message());
        // Exactly at the limit is within it.
        assertFalse(BudgetReport.check(e, List.of(Budget.total(bd("18.73337")))).anyOver());
        assertThrows(IllegalArgumentException.class, () -> Budget.total(bd("-1")));
    }

    @Test
    void diffMatchesResourcesByName() {
        Estimate base = ESTIMATOR.estimate(List.of(fn("a", 512), fn("b", 128), fn("gone", 128)));
        Estimate head = ESTIMATOR.estimate(List.of(fn("a", 1024), fn("b", 128), fn("new", 128)));
        EstimateDiff d = EstimateDiff.between(base, head);
        assertEquals(List.of("a", "b", "new", "gone"), d.changes().stream().map(EstimateDiff.ResourceChange::name).toList());
        assertEquals(List.of(EstimateDiff.Status.CHANGED, EstimateDiff.Status.UNCHANGED, EstimateDiff.Status.ADDED,
                EstimateDiff.Status.REMOVED), d.changes().stream().map(EstimateDiff.ResourceChange::status).toList());
        EstimateDiff.ResourceChange a = d.changes().get(0);
        assertDecimal(a.head().orElseThrow().subtract(a.base().orElseThrow()).toPlainString(), a.difference());
        assertEquals(Optional.empty(), d.changes().get(2).percentChange());
        assertDecimal(head.totalExact().subtract(base.totalExact()).toPlainString(), d.totalDifference());
    }

    @Test
    void increaseLimitsAsPercentOrAmount() {
        Estimate base = ESTIMATOR.withoutFreeTier().estimate(List.of(fn("a", 1024))); // 50.6001 + 0.6
        Estimate head = ESTIMATOR.withoutFreeTier().estimate(List.of(fn("a", 2048)));
        EstimateDiff d = EstimateDiff.between(base, head);
        assertDecimal("50.0001", d.totalDifference());
        assertDecimal("98.81", d.totalPercentChange().orElseThrow());
        assertTrue(IncreaseLimit.parse("10%").exceededBy(d));
        assertTrue(IncreaseLimit.parse("98.8%").exceededBy(d));
        assertFalse(IncreaseLimit.parse("98.9%").exceededBy(d));
        assertTrue(IncreaseLimit.parse("50").exceededBy(d));
        assertFalse(IncreaseLimit.parse("50.0001").exceededBy(d));
        assertFalse(IncreaseLimit.parse("0%").exceededBy(EstimateDiff.between(head, base)), "a decrease never fails");
        assertEquals("increase limit must be a percentage like 10% or an amount like 25.00, was \"ten\"",
                assertThrows(IllegalArgumentException.class, () -> IncreaseLimit.parse("ten")).getMessage());
    }
}
