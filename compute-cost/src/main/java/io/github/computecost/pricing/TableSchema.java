package io.github.computecost.pricing;

import java.util.Objects;
import java.util.function.Function;

/**
 * What a service needs of one price-book table beyond its prices, as a typed value: the limits, billing rules,
 * allowed values and catalog entries its meter and checks read (for example {@code LambdaTables}). The price book
 * binds every registered schema when it loads the table, so a table that lacks an entry a service needs, or holds
 * one of the wrong shape, fails at load with a {@link PricingDataException} naming the file and the JSON path,
 * whether the table is bundled or a user's override; a service never meets a missing rule at estimate time.
 *
 * <p>Implementations are immutable singletons: the price book caches each schema's value per table, by identity.
 *
 * @param <T> the bound value
 */
public interface TableSchema<T> {

    /** @return the Price List service code of the table it binds, {@code "AWSLambda"} */
    String service();

    /**
     * @param table the table, read and validated as pricing data
     * @return the typed value
     * @throws PricingDataException naming the file and JSON path of anything missing or malformed
     */
    T bind(TableBinder table);

    /**
     * @param service the Price List service code of the table
     * @param binder reads the typed value through a {@link TableBinder}
     * @param <T> the bound tables' type
     * @return a schema
     */
    static <T> TableSchema<T> of(String service, Function<TableBinder, T> binder) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(binder, "binder");
        return new IndexedSchema<>(service, binder);
    }
}
