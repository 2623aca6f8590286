package io.github.computecost.pricing;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A schema made by {@link TableSchema#of}: numbered when it is made (schemas are constants of their services), so a
 * price book finds its bound value by that number in an array instead of two map lookups on hot paths.
 *
 * @param <T> the bound value
 */
final class IndexedSchema<T> implements TableSchema<T> {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private final String service;
    private final Function<TableBinder, T> binder;
    /** Its slot in every price book's array of bound values. */
    final int index = NEXT.getAndIncrement();

    IndexedSchema(String service, Function<TableBinder, T> binder) {
        this.service = service;
        this.binder = binder;
    }

    @Override
    public String service() {
        return service;
    }

    @Override
    public T bind(TableBinder table) {
        return binder.apply(table);
    }

    @Override
    public String toString() {
        return "TableSchema[" + service + "]";
    }
}
