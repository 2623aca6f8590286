package io.github.computecost.pricing;

import java.util.List;

/**
 * Supplies the {@link TableSchema}s the price book binds when it loads a table. Found with
 * {@link java.util.ServiceLoader}: compute-cost's service registry is the one provider, so the price book checks
 * every service's tables at load without naming a service.
 */
public interface TableSchemas {

    /** @return every schema, any number per table */
    List<TableSchema<?>> schemas();
}
