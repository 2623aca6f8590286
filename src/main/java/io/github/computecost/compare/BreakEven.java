package io.github.computecost.compare;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Where two {@link CostCurve}s meet. Stateless. */
public final class BreakEven {

    /** Precision of divisions: 34 significant digits. */
    static final MathContext MC = MathContext.DECIMAL128;

    private BreakEven() {
    }

    /**
     * The smallest volume above zero at which the two monthly costs are equal, solved exactly segment by
     * segment. Stretches where the two are equal throughout (both still inside their free allowances, say)
     * are skipped: they are not a crossing.
     *
     * @param a one cost curve
     * @param b the other
     * @return the volume, to 34 significant digits, or empty if the costs never meet above zero
     */
    public static Optional<BigDecimal> solve(CostCurve a, CostCurve b) {
        List<BigDecimal> points = new ArrayList<>();
        points.add(BigDecimal.ZERO);
        List<BigDecimal> kinks = new ArrayList<>(a.kinks());
        kinks.addAll(b.kinks());
        kinks.stream().sorted().distinct().forEach(points::add);
        for (int i = 0; i < points.size(); i++) {
            BigDecimal lo = points.get(i);
            // The segment [lo, hi): the last one is open; probe it at lo + 1 (any point above lo will do).
            BigDecimal hi = i + 1 < points.size() ? points.get(i + 1) : lo.add(BigDecimal.ONE);
            BigDecimal dLo = diff(a, b, lo);
            BigDecimal dHi = diff(a, b, hi);
            BigDecimal slope = dHi.subtract(dLo).divide(hi.subtract(lo), MC);
            if (slope.signum() == 0) {
                continue; // parallel on this segment: equal throughout (not a crossing) or never equal here
            }
            // d(v) = dLo + slope × (v − lo) = 0
            BigDecimal v = lo.subtract(dLo.divide(slope, MC), MC);
            boolean inSegment = v.compareTo(lo) >= 0 && (i + 1 == points.size() || v.compareTo(hi) <= 0);
            if (inSegment && v.signum() > 0) {
                BigDecimal stripped = v.stripTrailingZeros();
                return Optional.of(stripped.scale() < 0 ? stripped.setScale(0) : stripped);
            }
        }
        return Optional.empty();
    }

    private static BigDecimal diff(CostCurve a, CostCurve b, BigDecimal v) {
        return a.cost(v).subtract(b.cost(v));
    }
}
