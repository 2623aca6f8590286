package io.github.computecost.estimate;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;

/**
 * The metered usage of many resources in columns, for {@link RatingEngine#rate(BulkUsage, boolean,
 * java.util.function.ObjIntConsumer)}: a whole bill's month of resources rated together without an object per
 * resource. Each resource has a name (for messages only: names need not be unique), the AWS service code and the
 * region that price it, and usage records of base usage types, every one free-tier eligible and at its published
 * price (no adjustment). Resources and records are in workload order, the order {@link RatingEngine} lays units out
 * along a group's tiers.
 *
 * <p>Immutable and thread-safe; made with {@link #builder()}.
 */
public final class BulkUsage {

    private final String[] names;
    private final String[] services;
    private final String[] regions;
    private final int[] resourceOf;
    private final String[] types;
    private final BigDecimal[] quantities;

    private BulkUsage(Builder b) {
        this.names = Arrays.copyOf(b.names, b.resources);
        this.services = Arrays.copyOf(b.services, b.resources);
        this.regions = Arrays.copyOf(b.regions, b.resources);
        this.resourceOf = Arrays.copyOf(b.resourceOf, b.records);
        this.types = Arrays.copyOf(b.types, b.records);
        this.quantities = Arrays.copyOf(b.quantities, b.records);
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return how many resources there are, numbered from 0 in the order they were added */
    public int size() {
        return names.length;
    }

    /**
     * @param resource a resource's index
     * @return its name, as messages show it
     */
    public String name(int resource) {
        return names[resource];
    }

    /**
     * @param resource a resource's index
     * @return the AWS service code of its prices ({@code "AWSLambda"})
     */
    public String service(int resource) {
        return services[resource];
    }

    /**
     * @param resource a resource's index
     * @return the region code it runs in
     */
    public String region(int resource) {
        return regions[resource];
    }

    /** @return how many usage records there are, numbered from 0 in the order they were added */
    public int records() {
        return types.length;
    }

    /**
     * @param record a usage record's index
     * @return the index of the resource it belongs to
     */
    public int resourceOf(int record) {
        return resourceOf[record];
    }

    /**
     * @param record a usage record's index
     * @return its usage type without region prefix, as in the service's price table
     */
    public String baseUsageType(int record) {
        return types[record];
    }

    /**
     * @param record a usage record's index
     * @return the units used in the month, in the price table's unit, exact
     */
    public BigDecimal quantity(int record) {
        return quantities[record];
    }

    /** Adds resources and their usage records; not thread-safe. */
    public static final class Builder {
        private String[] names = new String[16];
        private String[] services = new String[16];
        private String[] regions = new String[16];
        private int resources;
        private int[] resourceOf = new int[16];
        private String[] types = new String[16];
        private BigDecimal[] quantities = new BigDecimal[16];
        private int records;

        private Builder() {
        }

        /**
         * Adds a resource.
         *
         * @param name its name, as messages show it (need not be unique)
         * @param service the AWS service code of its prices ({@code "AWSLambda"})
         * @param region the region code it runs in
         * @return its index, from 0 in the order resources are added
         */
        public int resource(String name, String service, String region) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(region, "region");
            if (resources == names.length) {
                int n = resources * 2;
                names = Arrays.copyOf(names, n);
                services = Arrays.copyOf(services, n);
                regions = Arrays.copyOf(regions, n);
            }
            names[resources] = name;
            services[resources] = service;
            regions[resources] = region;
            return resources++;
        }

        /**
         * Adds a free-tier eligible usage record to a resource added before.
         *
         * @param resource the resource's index, from {@link #resource}
         * @param baseUsageType the usage type without region prefix, as in the service's price table
         * @param quantity units used in the month, in the price table's unit, at least zero, exact
         * @return this builder
         * @throws IllegalArgumentException if the resource was not added or the quantity is negative
         */
        public Builder usage(int resource, String baseUsageType, BigDecimal quantity) {
            if (resource < 0 || resource >= resources) {
                throw new IllegalArgumentException("no resource " + resource + " (" + resources + " added)");
            }
            Objects.requireNonNull(baseUsageType, "baseUsageType");
            Objects.requireNonNull(quantity, "quantity");
            if (quantity.signum() < 0) {
                throw new IllegalArgumentException("quantity must not be negative: " + quantity.toPlainString());
            }
            if (records == types.length) {
                int n = records * 2;
                resourceOf = Arrays.copyOf(resourceOf, n);
                types = Arrays.copyOf(types, n);
                quantities = Arrays.copyOf(quantities, n);
            }
            resourceOf[records] = resource;
            types[records] = baseUsageType;
            quantities[records] = quantity;
            records++;
            return this;
        }

        /** @return the usage added so far */
        public BulkUsage build() {
            return new BulkUsage(this);
        }
    }
}
