package io.github.computecost.estimate;

import io.github.computecost.limits.InvalidWorkloadException;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A workload resource that a service can meter: a Lambda function, a Fargate task, ...
 * Implementations are immutable values.
 */
public interface Meterable {

    /** @return the resource's name, unique within an estimate */
    String name();

    /**
     * @return the region the resource names, if any (a resource that names none runs in the estimator's region;
     *     services priced once everywhere, such as CloudFront Functions, name none)
     */
    default Optional<String> region() {
        return Optional.empty();
    }

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

    /**
     * The exact monthly cost of this resource alone by a faster route than the rating engine, where the
     * service has one; must equal {@code Estimator...estimate(List.of(this)).totalExact()} to the last digit.
     *
     * @param prices the price book
     * @param defaultRegion the region of a resource that names none
     * @param freeTier whether the always-free tier applies (to this resource alone)
     * @return the cost in the price book's currency (USD) per month, unrounded, or empty to let the engine compute it
     */
    default Optional<BigDecimal> fastMonthlyCost(PriceBook prices, String defaultRegion, boolean freeTier) {
        return Optional.empty();
    }
}
