package io.github.computecost.service;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A service's fixed-point route for one resource priced alone: it meters the resource in {@code long} arithmetic
 * into a {@link FixedPoint.Sum} and lets the engine's fixed-point rater price it. It must vouch for what it prices:
 * return a cost only for a resource that {@link Service#check} accepts without error, in a region the service
 * prices, and decline (empty) for anything it does not cover; the estimator then checks, meters and rates as usual.
 * Its figure must equal the engine's to the last digit, which a property test of each service holds.
 *
 * @param <R> the service's resource record
 */
@FunctionalInterface
public interface FixedPointMeter<R extends Resource> {

    /**
     * @param resource the resource
     * @param context the price book, the region it runs in, the quotas
     * @param freeTier whether the always-free tier applies (to this resource alone)
     * @return its exact monthly cost, or empty to decline
     */
    Optional<BigDecimal> monthlyCost(R resource, ServiceContext context, boolean freeTier);
}
