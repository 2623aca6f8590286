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
    public Budget {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(monthlyLimit, "monthlyLimit");
        if (monthlyLimit.signum() < 0) {
            throw new IllegalArgumentException("budget must not be negative: " + monthlyLimit.toPlainString());
        }
    }

    /** @return a budget on the estimate's total */
    public static Budget total(BigDecimal monthlyLimit) {
        return new Budget(Optional.empty(), monthlyLimit);
    }

    /** @return a budget on one resource */
    public static Budget of(String resource, BigDecimal monthlyLimit) {
        return new Budget(Optional.of(Objects.requireNonNull(resource, "resource")), monthlyLimit);
    }

    /** @return "total" or "resource NAME", for messages */
    public String scope() {
        return resource.map(r -> "resource " + r).orElse("total");
    }
}
