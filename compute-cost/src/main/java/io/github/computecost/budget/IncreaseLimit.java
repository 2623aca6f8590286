package io.github.computecost.budget;

import io.github.computecost.estimate.EstimateDiff;
import io.github.computecost.money.Amounts;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The most a monthly total may grow between two estimates: a percentage of the base ({@code "10%"}) or an
 * amount in the estimates' currency ({@code "25.00"}). Checked exactly, without rounding the percentage.
 *
 * @param value the percentage or the amount, at least 0
 * @param percent whether {@code value} is a percentage
 */
public record IncreaseLimit(BigDecimal value, boolean percent) {

    /**
     * Checks the components.
     *
     * @param value the percentage or the amount, at least 0
     * @param percent whether {@code value} is a percentage
     */
    public IncreaseLimit {
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("increase limit must not be negative: " + value.toPlainString());
        }
    }

    /**
     * @param text {@code "10%"} or {@code "25.00"}
     * @return the limit
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static IncreaseLimit parse(String text) {
        String t = text.strip();
        boolean pct = t.endsWith("%");
        BigDecimal v;
        try {
            v = new BigDecimal(pct ? t.substring(0, t.length() - 1).strip() : t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("increase limit must be a percentage like 10% or an amount like 25.00, was \""
                    + io.github.computecost.internal.Json.excerpt(text) + "\"");
        }
        if (io.github.computecost.internal.Json.outOfRange(v)) {
            throw new IllegalArgumentException(io.github.computecost.internal.Json.outOfRangeMessage("increase limit",
                    v.toString()));
        }
        if (v.signum() < 0) {
            throw new IllegalArgumentException("increase limit must be 0 or more, was " + v);
        }
        return new IncreaseLimit(v, pct);
    }

    /**
     * @param diff the difference of the base and head estimates
     * @return whether the total grows by more than this limit. A percentage limit on a base total of 0 is
     *     exceeded by any increase.
     */
    public boolean exceededBy(EstimateDiff diff) {
        BigDecimal increase = diff.totalDifference();
        if (!percent) {
            return increase.compareTo(value) > 0;
        }
        // increase / base × 100 > value, without dividing
        return increase.multiply(BigDecimal.valueOf(100)).compareTo(value.multiply(diff.baseTotal())) > 0
                && increase.signum() > 0;
    }

    @Override
    public String toString() {
        return percent ? Amounts.plain(value) + "%" : Amounts.money(value);
    }
}
