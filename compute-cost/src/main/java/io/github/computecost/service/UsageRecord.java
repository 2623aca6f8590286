package io.github.computecost.service;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A month's metered usage of one AWS usage type by one resource.
 *
 * @param baseUsageType the usage type without region prefix, as in the service's price table
 *     ({@code "Lambda-GB-Second-ARM"})
 * @param quantity units used in the month, in the price table's unit, at least zero, exact
 * @param freeTierEligible whether this usage may draw on the account's free tier (Lambda functions with
 *     provisioned concurrency may not)
 */
public record UsageRecord(String baseUsageType, BigDecimal quantity, boolean freeTierEligible) {
    public UsageRecord {
        Objects.requireNonNull(baseUsageType, "baseUsageType");
        Objects.requireNonNull(quantity, "quantity");
        if (quantity.signum() < 0) {
            throw new IllegalArgumentException("quantity must not be negative: " + quantity.toPlainString());
        }
    }
}
