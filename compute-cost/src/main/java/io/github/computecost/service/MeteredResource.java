package io.github.computecost.service;

import java.util.List;
import java.util.Objects;

/**
 * One resource's metered usage for a month: what a service's meter hands the rating engine.
 *
 * @param name the resource's name, unique within an estimate
 * @param type the workload type, {@code "lambda"}
 * @param service AWS Price List service code of its prices, {@code "AWSLambda"}
 * @param region the region code it runs in
 * @param usage its usage records, in the order its line items should appear
 * @param notes assumptions the meter made that a reader of the estimate should know, possibly empty
 * @param adjustments price factors the user asked for on this resource's usage (an assumed Spot discount),
 *     possibly empty
 */
public record MeteredResource(String name, String type, String service, String region, List<UsageRecord> usage,
        List<String> notes, List<Adjustment> adjustments) {

    /**
     * A factor on the published unit price of one usage type for one resource, with the reason shown on its
     * line items. Exact: the line's unit price is the published price times the factor.
     *
     * @param baseUsageType the usage type it applies to, without region prefix
     * @param factor at least 0 (0.3 for "70 % off")
     * @param label why, shown on the line item: {@code "Spot, assumed 70% below on-demand"}
     */
    public record Adjustment(String baseUsageType, java.math.BigDecimal factor, String label) {
        /**
         * Checks the components.
         *
         * @param baseUsageType the usage type it applies to, without region prefix
         * @param factor at least 0 (0.3 for "70 % off")
         * @param label why, shown on the line item: {@code "Spot, assumed 70% below on-demand"}
         */
        public Adjustment {
            Objects.requireNonNull(baseUsageType, "baseUsageType");
            Objects.requireNonNull(factor, "factor");
            Objects.requireNonNull(label, "label");
            if (factor.signum() < 0) {
                throw new IllegalArgumentException("factor must not be negative: " + factor.toPlainString());
            }
        }

        /**
         * @param percent the user's assumed Spot discount off on-demand, 0 to 100
         * @param baseUsageType the base usage type whose on-demand price is discounted
         * @return the on-demand price of {@code baseUsageType} less that discount, labelled as the assumption it is
         */
        public static Adjustment spot(String baseUsageType, java.math.BigDecimal percent) {
            return new Adjustment(baseUsageType, java.math.BigDecimal.ONE.subtract(percent.movePointLeft(2)),
                    "Spot, assumed " + percent.stripTrailingZeros().toPlainString() + "% below on-demand");
        }
    }

    /**
     * A metered resource without adjustments.
     *
     * @param name the resource's name, unique within an estimate
     * @param type the workload type, {@code "lambda"}
     * @param service AWS Price List service code of its prices, {@code "AWSLambda"}
     * @param region the region code it runs in
     * @param usage its usage records, in the order its line items should appear
     * @param notes assumptions the meter made that a reader of the estimate should know, possibly empty
     */
    public MeteredResource(String name, String type, String service, String region, List<UsageRecord> usage,
            List<String> notes) {
        this(name, type, service, region, usage, notes, List.of());
    }

    /**
     * Checks the components and keeps immutable copies of its collections.
     *
     * @param name the resource's name, unique within an estimate
     * @param type the workload type, {@code "lambda"}
     * @param service AWS Price List service code of its prices, {@code "AWSLambda"}
     * @param region the region code it runs in
     * @param usage its usage records, in the order its line items should appear
     * @param notes assumptions the meter made that a reader of the estimate should know, possibly empty
     * @param adjustments price factors the user asked for on this resource's usage (an assumed Spot discount), possibly
     *     empty
     */
    public MeteredResource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(region, "region");
        usage = List.copyOf(usage);
        notes = List.copyOf(notes);
        adjustments = List.copyOf(adjustments);
    }
}
