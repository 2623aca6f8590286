package io.github.computecost.service;

import io.github.computecost.limits.AccountQuotas;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.TableSchema;
import java.util.Objects;

/**
 * What a {@link Service} may read while it checks or meters one resource: the price book's typed tables, the
 * region the resource runs in (already resolved: the resource's own, or the estimator's), and the account's
 * quotas.
 *
 * @param prices the price book
 * @param region the region code the resource runs in
 * @param quotas the account's raised quotas, where the user states them
 */
public record ServiceContext(PriceBook prices, String region, AccountQuotas quotas) {

    public ServiceContext {
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(quotas, "quotas");
    }

    /**
     * @param schema one of the service's table schemas
     * @return its tables, bound when the price book loaded them
     * @throws io.github.computecost.pricing.ServiceNotPricedException if the price book has no such table
     */
    public <T> T tables(TableSchema<T> schema) {
        return prices.tables(schema);
    }
}
