package io.github.computecost.pricing;

import io.github.computecost.ComputeCostException;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A price book has no table for a service an estimate needs (a book of China's regions has no Fargate table;
 * a directory read alone has only the services it holds). Carries the service asked for and those the book
 * has.
 */
public final class ServiceNotPricedException extends ComputeCostException {

    /** The service asked for. */
    private final String service;
    /** The price book's description. */
    private final String priceBook;
    /** The services it prices. */
    private final SortedSet<String> available;

    /**
     * @param service the Price List service code asked for, {@code "AmazonECSFargateSpot"}
     * @param priceBook the price book's id
     * @param available the services it has tables for
     */
    public ServiceNotPricedException(String service, String priceBook, SortedSet<String> available) {
        super("the price book " + priceBook + " has no " + service + " table (it has: " + String.join(", ", available)
                + ")");
        this.service = Objects.requireNonNull(service, "service");
        this.priceBook = Objects.requireNonNull(priceBook, "priceBook");
        this.available = new TreeSet<>(available);
    }

    /** @return the Price List service code of the missing table */
    public String service() {
        return service;
    }

    /** @return the id of the price book that lacks it */
    public String priceBook() {
        return priceBook;
    }

    /** @return the services the price book has tables for */
    public SortedSet<String> available() {
        return new TreeSet<>(available);
    }
}
