package io.github.computecost.estimate;

import io.github.computecost.pricing.PriceBook;

/**
 * A workload resource that a service can meter: a Lambda function, a Fargate task, ...
 * Implementations are immutable values.
 */
public interface Meterable {

    /** @return the resource's name, unique within an estimate */
    String name();

    /**
     * Turns the resource into a month of usage records.
     *
     * @param prices the price book (for billing rules and limits)
     * @param defaultRegion the region to use when the resource names none
     * @return the metered resource
     * @throws InvalidWorkloadException if AWS would not accept the configuration
     * @throws io.github.computecost.pricing.UnknownRegionException if the region is not priced
     */
    MeteredResource meter(PriceBook prices, String defaultRegion);
}
