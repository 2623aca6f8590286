package io.github.computecost.estimate;

import io.github.computecost.limits.ValidationReport;
import io.github.computecost.pricing.PriceBook;
import java.util.List;

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

    /**
     * Checks the resource against its service's limits (errors: AWS would reject it; warnings: it deploys
     * but may throttle or needs a raised quota). The default reports nothing.
     *
     * @param prices the price book whose limits apply
     * @return every violation found
     */
    default ValidationReport validate(PriceBook prices) {
        return new ValidationReport(List.of());
    }
}
