package io.github.computecost.budget;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A monthly cost limit.
 *
 * @param resource the resource it limits, or empty for the estimate's total
 * @param monthlyLimit the most the month may cost, in the estimate's currency, at least 0
 */
public record Budget(Optional<String> resource, BigDecimal monthlyLimit) {
    /**
     * Checks the components.
     *
     * @param resource the resource it limits, or empty for the estimate's total
     * @param monthlyLimit the most the month may cost, in the estimate's currency, at least 0
     */
    public Budget {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(monthlyLimit, "monthlyLimit");
        if (monthlyLimit.signum() < 0) {
            throw new IllegalArgumentException("budget must not be negative: " + monthlyLimit.toPlainString());
        }
    }

    /**
     * @param text a monthly limit as a user writes it ({@code "100"}, {@code "25.50"}), in the pricing currency
     * @return the limit, exactly
     * @throws IllegalArgumentException when it is not a number, is negative, or is beyond 30 significant digits or an
     *     exponent of ±30, quoting at most an excerpt of it
     */
    public static BigDecimal parseLimit(String text) {
        BigDecimal v;
        try {
            v = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be an amount like 100 or 25.50, was \""
                    + io.github.computecost.internal.Json.excerpt(text) + "\"");
        }
        if (io.github.computecost.internal.Json.outOfRange(v)) {
            throw new IllegalArgumentException(io.github.computecost.internal.Json.outOfRangeMessage("the amount",
                    v.toString()));
        }
        if (v.signum() < 0) {
            throw new IllegalArgumentException("must be 0 or more, was " + v);
        }
        return v;
    }

    /**
     * @param monthlyLimit the most the estimate's total may cost a month, in the estimate's currency
     * @return a budget on the estimate's total
     */
    public static Budget total(BigDecimal monthlyLimit) {
        return new Budget(Optional.empty(), monthlyLimit);
    }

    /**
     * @param resource the resource's name
     * @param monthlyLimit the most the resource may cost a month, in the estimate's currency
     * @return a budget on one resource
     */
    public static Budget of(String resource, BigDecimal monthlyLimit) {
        return new Budget(Optional.of(Objects.requireNonNull(resource, "resource")), monthlyLimit);
    }

    /** @return "total" or "resource NAME", for messages */
    public String scope() {
        return resource.map(r -> "resource " + r).orElse("total");
    }
}
