package io.github.computecost.pricing;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An always-free monthly allowance, owned by the account: one pool shared by every resource in every
 * region whose usage is of one of {@code baseUsageTypes}.
 *
 * @param id stable id, for example {@code "lambda-compute"}
 * @param description line-item text, for example {@code "Free tier compute"}
 * @param quantity units free per account and month
 * @param unit the unit of {@code quantity}
 * @param baseUsageTypes the usage types (without region prefix) that draw on the pool
 * @param note how AWS states the allowance and what is unconfirmed, possibly empty
 * @param provenance the sources that state the allowance
 */
public record FreeTierAllowance(String id, String description, BigDecimal quantity, String unit,
        Set<String> baseUsageTypes, Optional<String> note, Provenance provenance) {
    /**
     * Checks the components and keeps immutable copies of its collections.
     *
     * @param id stable id, for example {@code "lambda-compute"}
     * @param description line-item text, for example {@code "Free tier compute"}
     * @param quantity units free per account and month
     * @param unit the unit of {@code quantity}
     * @param baseUsageTypes the usage types (without region prefix) that draw on the pool
     * @param note how AWS states the allowance and what is unconfirmed, possibly empty
     * @param provenance the sources that state the allowance
     */
    public FreeTierAllowance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
        baseUsageTypes = Set.copyOf(baseUsageTypes);
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(provenance, "provenance");
        if (quantity.signum() < 0) {
            throw new IllegalArgumentException("quantity must not be negative: " + quantity.toPlainString());
        }
    }
}
