package io.github.computecost.service;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A month's metered usage of one AWS usage type by one resource.
 *
 * <p>Most records are priced in the resource's own table ({@link MeteredResource#service()}). A resource that AWS
 * bills under two services (a Lambda function on Managed Instances pays Lambda for requests and EC2 for its
 * instances) names the other table on the records that belong to it ({@link #in}); and a record may carry its own
 * price factor ({@link #at}), as a fee AWS sets as a share of another price does.
 *
 * @param baseUsageType the usage type without region prefix, as in the service's price table
 *     ({@code "Lambda-GB-Second-ARM"})
 * @param quantity units used in the month, in the price table's unit, at least zero, exact
 * @param freeTierEligible whether this usage may draw on the account's free tier (Lambda functions with
 *     provisioned concurrency may not)
 * @param table the table (AWS service code) that prices it, where it is not the resource's own
 * @param adjustment a factor on its published unit price, where this record has one of its own (it then wins over
 *     the resource's adjustments of the same usage type)
 */
public record UsageRecord(String baseUsageType, BigDecimal quantity, boolean freeTierEligible, Optional<String> table,
        Optional<MeteredResource.Adjustment> adjustment) {
    /**
     * Checks the components.
     *
     * @param baseUsageType the usage type without region prefix, as in the service's price table ({@code
     *     "Lambda-GB-Second-ARM"})
     * @param quantity units used in the month, in the price table's unit, at least zero, exact
     * @param freeTierEligible whether this usage may draw on the account's free tier (Lambda functions with provisioned
     *     concurrency may not)
     * @param table the table (AWS service code) that prices it, where it is not the resource's own
     * @param adjustment a factor on its published unit price, where this record has one of its own (it then wins over
     *     the resource's adjustments of the same usage type)
     */
    public UsageRecord {
        Objects.requireNonNull(baseUsageType, "baseUsageType");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(adjustment, "adjustment");
        if (quantity.signum() < 0) {
            throw new IllegalArgumentException("quantity must not be negative: " + quantity.toPlainString());
        }
        adjustment.ifPresent(a -> {
            if (!a.baseUsageType().equals(baseUsageType)) {
                throw new IllegalArgumentException("adjustment of " + a.baseUsageType() + " on a record of "
                        + baseUsageType);
            }
        });
    }

    /**
     * A record priced in its resource's own table, at the published price.
     *
     * @param baseUsageType the usage type without region prefix, as in the service's price table ({@code
     *     "Lambda-GB-Second-ARM"})
     * @param quantity units used in the month, in the price table's unit, at least zero, exact
     * @param freeTierEligible whether this usage may draw on the account's free tier (Lambda functions with provisioned
     *     concurrency may not)
     */
    public UsageRecord(String baseUsageType, BigDecimal quantity, boolean freeTierEligible) {
        this(baseUsageType, quantity, freeTierEligible, Optional.empty(), Optional.empty());
    }

    /**
     * @param table the AWS service code of the table that prices it ({@code "AmazonEC2"})
     * @param baseUsageType the usage type without region prefix, as in the service's price table ({@code
     *     "Lambda-GB-Second-ARM"})
     * @param quantity units used in the month, in the price table's unit, at least zero, exact
     * @param freeTierEligible whether this usage may draw on the account's free tier (Lambda functions with provisioned
     *     concurrency may not)
     * @return a record priced in another table than its resource's
     */
    public static UsageRecord in(String table, String baseUsageType, BigDecimal quantity, boolean freeTierEligible) {
        return new UsageRecord(baseUsageType, quantity, freeTierEligible, Optional.of(table), Optional.empty());
    }

    /**
     * @param factor at least 0: 0.15 for a fee of 15 % of the published price
     * @param label why, shown on its line item
     * @return this record at a factor of its published unit price
     */
    public UsageRecord at(BigDecimal factor, String label) {
        return new UsageRecord(baseUsageType, quantity, freeTierEligible, table,
                Optional.of(new MeteredResource.Adjustment(baseUsageType, factor, label)));
    }

    /**
     * @param resourceTable the service code of its resource's table
     * @return the table that prices it: its own, or else its resource's
     */
    public String tableOr(String resourceTable) {
        return table.orElse(resourceTable);
    }
}
