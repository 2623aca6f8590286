package io.github.computecost.pricing;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One volume tier of a price table: the half-open range {@code [fromInclusive, toExclusive)} of the
 * month's aggregate quantity, priced at {@code unitPrice} per unit. The last tier of a table is open
 * ({@code toExclusive} empty).
 *
 * @param fromInclusive first unit of the tier, at least zero
 * @param toExclusive first unit past the tier, greater than {@code fromInclusive}; empty for the last tier
 * @param unitPrice price per unit in the table's currency, at least zero, AWS's full precision
 * @param provenance where this tier's price comes from
 */
public record Tier(BigDecimal fromInclusive, Optional<BigDecimal> toExclusive, BigDecimal unitPrice,
        Provenance provenance) {
    /**
     * Checks the components.
     *
     * @param fromInclusive first unit of the tier, at least zero
     * @param toExclusive first unit past the tier, greater than {@code fromInclusive}; empty for the last tier
     * @param unitPrice price per unit in the table's currency, at least zero, AWS's full precision
     * @param provenance where this tier's price comes from
     */
    public Tier {
        Objects.requireNonNull(fromInclusive, "fromInclusive");
        Objects.requireNonNull(toExclusive, "toExclusive");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(provenance, "provenance");
        if (fromInclusive.signum() < 0) {
            throw new IllegalArgumentException("fromInclusive must not be negative: " + fromInclusive.toPlainString());
        }
        if (toExclusive.isPresent() && toExclusive.get().compareTo(fromInclusive) <= 0) {
            throw new IllegalArgumentException("toExclusive must be greater than fromInclusive "
                    + fromInclusive.toPlainString() + ": " + toExclusive.get().toPlainString());
        }
        if (unitPrice.signum() < 0) {
            throw new IllegalArgumentException("unitPrice must not be negative: " + unitPrice.toPlainString());
        }
    }

    /** @return whether the tier has no upper bound */
    public boolean isOpen() {
        return toExclusive.isEmpty();
    }
}
