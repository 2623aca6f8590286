package io.github.computecost.compare;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A monthly cost as a function of monthly volume {@code V} (requests or invocations):
 * {@code cost(V) = Σ unitPrice × max(0, unitsPerRequest × V − freeUnits)}. Continuous, piecewise linear and
 * non-decreasing; exact for any decimal {@code V}.
 *
 * @param terms the priced usage types
 */
public record CostCurve(List<Term> terms) {

    /**
     * One usage type's share of the cost.
     *
     * @param usageType for display
     * @param unitsPerRequest billable units per request (for example GB-seconds per request), at least 0
     * @param freeUnits units free per month (0 without a free tier), at least 0
     * @param unitPrice price per unit, at least 0
     */
    public record Term(String usageType, BigDecimal unitsPerRequest, BigDecimal freeUnits, BigDecimal unitPrice) {
        public Term {
            Objects.requireNonNull(usageType, "usageType");
            if (unitsPerRequest.signum() < 0 || freeUnits.signum() < 0 || unitPrice.signum() < 0) {
                throw new IllegalArgumentException("term values must not be negative: " + usageType);
            }
        }

        BigDecimal cost(BigDecimal volume) {
            BigDecimal billable = unitsPerRequest.multiply(volume).subtract(freeUnits);
            return billable.signum() > 0 ? billable.multiply(unitPrice) : BigDecimal.ZERO;
        }

        /** The volume at which the free units run out, if the term ever bills. */
        BigDecimal kink() {
            return unitsPerRequest.signum() == 0 ? null : freeUnits.divide(unitsPerRequest, BreakEven.MC);
        }
    }

    public CostCurve {
        terms = List.copyOf(terms);
    }

    /** @return the exact monthly cost at {@code volume} (at least 0) */
    public BigDecimal cost(BigDecimal volume) {
        if (volume.signum() < 0) {
            throw new IllegalArgumentException("volume must not be negative: " + volume.toPlainString());
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Term t : terms) {
            sum = sum.add(t.cost(volume));
        }
        return sum;
    }

    /** @return the volumes above 0 where a term's free allowance runs out, ascending */
    List<BigDecimal> kinks() {
        TreeSet<BigDecimal> out = new TreeSet<>();
        for (Term t : terms) {
            BigDecimal k = t.kink();
            if (k != null && k.signum() > 0) {
                out.add(k.stripTrailingZeros());
            }
        }
        return new ArrayList<>(out);
    }
}
