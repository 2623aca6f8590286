package io.github.computecost.service;

import io.github.computecost.limits.AccountQuotas;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.TableSchema;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Service} may read while it checks or meters one resource: the price book's typed tables, the
 * region the resource runs in (already resolved: the resource's own, or the estimator's), the account's quotas,
 * and the instances a service that runs on EC2 may be placed on.
 *
 * @param prices the price book
 * @param region the region code the resource runs in
 * @param quotas the account's raised quotas, where the user states them
 * @param instances the instance catalog of the price book, where it has one
 * @param containers serverless container capacity of the price book (Fargate), where it has one
 */
public record ServiceContext(PriceBook prices, String region, AccountQuotas quotas,
        Optional<InstanceHours> instances, Optional<ContainerTasks> containers) {

    /**
     * Checks the components.
     *
     * @param prices the price book
     * @param region the region code the resource runs in
     * @param quotas the account's raised quotas, where the user states them
     * @param instances the instance catalog of the price book, where it has one
     * @param containers serverless container capacity of the price book (Fargate), where it has one
     */
    public ServiceContext {
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(quotas, "quotas");
        Objects.requireNonNull(instances, "instances");
        Objects.requireNonNull(containers, "containers");
    }

    /**
     * A context without instances or container capacity (for services that run on neither).
     *
     * @param prices the price book
     * @param region the estimate's region code
     * @param quotas the account's quotas
     */
    public ServiceContext(PriceBook prices, String region, AccountQuotas quotas) {
        this(prices, region, quotas, Optional.empty(), Optional.empty());
    }

    /**
     * @return the instance catalog
     * @throws io.github.computecost.pricing.ServiceNotPricedException if the price book has none
     */
    public InstanceHours requireInstances() {
        return instances.orElseThrow(() -> new io.github.computecost.pricing.ServiceNotPricedException(
                "EC2 instance", prices.id(), prices.serviceCodes()));
    }

    /**
     * @param schema one of the service's table schemas
     * @param <T> the schema's table type
     * @return its tables, bound when the price book loaded them
     * @throws io.github.computecost.pricing.ServiceNotPricedException if the price book has no such table
     */
    public <T> T tables(TableSchema<T> schema) {
        return prices.tables(schema);
    }
}
