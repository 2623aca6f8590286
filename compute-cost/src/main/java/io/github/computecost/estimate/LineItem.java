package io.github.computecost.estimate;

import io.github.computecost.pricing.Provenance;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of a resource's monthly cost: a quantity of one usage type at one unit price (one tier, or the
 * free tier).
 *
 * @param description human text, {@code "Duration (x86_64), first 6B"}
 * @param usageType AWS usage type with region prefix, {@code "Lambda-GB-Second"}
 * @param quantity units in the month, exact
 * @param unit unit of {@code quantity}, {@code "GB-Seconds"}
 * @param unitPrice price per unit, AWS's full precision (zero on a free-tier line)
 * @param cost exactly {@code quantity × unitPrice}, unrounded
 * @param provenance where the unit price comes from (for a free-tier line: the sources of the allowance);
 *     a {@linkplain Provenance#isDerived() derived} price is shown as such in every output
 */
public record LineItem(String description, String usageType, BigDecimal quantity, String unit, BigDecimal unitPrice,
        BigDecimal cost, Provenance provenance) {

    /**
     * Checks the components.
     *
     * @param description human text, {@code "Duration (x86_64), first 6B"}
     * @param usageType AWS usage type with region prefix, {@code "Lambda-GB-Second"}
     * @param quantity units in the month, exact
     * @param unit unit of {@code quantity}, {@code "GB-Seconds"}
     * @param unitPrice price per unit, AWS's full precision (zero on a free-tier line)
     * @param cost exactly {@code quantity × unitPrice}, unrounded
     * @param provenance where the unit price comes from (for a free-tier line: the sources of the allowance); a
     *     {@linkplain Provenance#isDerived() derived} price is shown as such in every output
     */
    public LineItem {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(usageType, "usageType");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(provenance, "provenance");
        if (unitPrice.signum() == 0 ? cost.signum() != 0 : cost.compareTo(quantity.multiply(unitPrice)) != 0) {
            throw new IllegalArgumentException("cost must equal quantity × unitPrice: " + quantity.toPlainString()
                    + " × " + unitPrice.toPlainString() + " != " + cost.toPlainString());
        }
    }

    /**
     * @param description human text, {@code "Duration (x86_64), first 6B"}
     * @param usageType AWS usage type with region prefix, {@code "Lambda-GB-Second"}
     * @param quantity units in the month, exact
     * @param unit unit of {@code quantity}, {@code "GB-Seconds"}
     * @param unitPrice price per unit, AWS's full precision (zero on a free-tier line)
     * @param provenance where the unit price comes from (for a free-tier line: the sources of the allowance); a
     *     {@linkplain Provenance#isDerived() derived} price is shown as such in every output
     * @return a line whose cost is {@code quantity × unitPrice}
     */
    public static LineItem of(String description, String usageType, BigDecimal quantity, String unit,
            BigDecimal unitPrice, Provenance provenance) {
        return new LineItem(description, usageType, quantity, unit, unitPrice, quantity.multiply(unitPrice), provenance);
    }

    /** @return whether the unit price was derived by a rule rather than read from a source */
    public boolean isDerived() {
        return provenance.isDerived();
    }

    /** @return whether this is a free-tier line (unit price zero) */
    public boolean isFree() {
        return unitPrice.signum() == 0;
    }
}
