package io.github.computecost.compare;

import static io.github.computecost.Decimals.assertDecimal;
import static io.github.computecost.Decimals.bd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BreakEvenTest {

    static CostCurve flat(String price) {
        return new CostCurve(List.of(new CostCurve.Term("a", BigDecimal.ONE, BigDecimal.ZERO, bd(price))));
    }

    static CostCurve withFree(String free, String price) {
        return new CostCurve(List.of(new CostCurve.Term("b", BigDecimal.ONE, bd(free), bd(price))));
    }

    @Test
    void costCurvesAreExact() {
        CostCurve c = new CostCurve(List.of(new CostCurve.Term("x", bd("20"), bd("2000000"), bd("0.00000003")),
                new CostCurve.Term("y", BigDecimal.ONE, bd("2000000"), bd("0.0000001"))));
        assertDecimal("0", c.cost(bd("100000")));
        assertDecimal("1.84", c.cost(bd("3000000"))); // 58M × 0.00000003 + 1M × 0.0000001
    }

    @Test
    void cheaperPerUnitButWithoutAFreeAllowanceCrossesOnce() {
        // a: 2 per unit from the first; b: 3 per unit above 10 → 2v = 3(v − 10) → v = 30
        assertEquals(Optional.of(bd("30")), BreakEven.solve(flat("2"), withFree("10", "3")));
        assertEquals(Optional.of(bd("30")), BreakEven.solve(withFree("10", "3"), flat("2")));
    }

    @Test
    void dearerEverywhereNeverCrosses() {
        assertEquals(Optional.empty(), BreakEven.solve(flat("3"), withFree("10", "2")));
        assertEquals(Optional.empty(), BreakEven.solve(flat("2"), flat("2")));
    }

    @Test
    void aCrossingThatIsNotARationalDecimalIsGivenTo34Digits() {
        Optional<BigDecimal> v = BreakEven.solve(flat("3"), withFree("1", "4")); // 3v = 4(v − 1) → v = 4
        assertDecimal("4", v.orElseThrow());
        BigDecimal third = BreakEven.solve(flat("3"), withFree("1", "6")).orElseThrow(); // 3v = 6v − 6 → v = 2
        assertDecimal("2", third);
        BigDecimal odd = BreakEven.solve(flat("0.3"), withFree("1", "1")).orElseThrow(); // 0.3v = v − 1 → 10/7
        assertTrue(odd.precision() >= 33, odd.toPlainString());
        BigDecimal diff = flat("0.3").cost(odd).subtract(withFree("1", "1").cost(odd)).abs();
        assertTrue(diff.compareTo(bd("1E-30")) < 0, diff.toPlainString());
    }
}
