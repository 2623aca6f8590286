package io.github.computecost.estimate;

import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Objects;

/**
 * The entry point: estimates a month's cost for a list of resources of any service.
 *
 * <pre>{@code
 * Estimate e = Estimator.of(PriceBook.bundled()).region("us-east-1").withFreeTier()
 *         .estimate(List.of(function));
 * }</pre>
 *
 * <p>Immutable and thread-safe: {@code region} and {@code with...} return new estimators.
 */
public final class Estimator {

    /** The region used when neither the estimator nor a resource names one. */
    public static final String DEFAULT_REGION = "us-east-1";

    private final PriceBook prices;
    private final String region;
    private final boolean freeTier;

    private Estimator(PriceBook prices, String region, boolean freeTier) {
        this.prices = prices;
        this.region = region;
        this.freeTier = freeTier;
    }

    /**
     * @param prices the price book to rate against
     * @return an estimator for {@value #DEFAULT_REGION} with the free tier applied
     */
    public static Estimator of(PriceBook prices) {
        return new Estimator(Objects.requireNonNull(prices, "prices"), DEFAULT_REGION, true);
    }

    /** @return an estimator whose resources run in {@code region} unless they name their own */
    public Estimator region(String region) {
        Objects.requireNonNull(region, "region");
        if (region.isBlank()) {
            throw new IllegalArgumentException("region must not be blank");
        }
        return new Estimator(prices, region, freeTier);
    }

    /** @return an estimator that applies the account's always-free allowances (the default) */
    public Estimator withFreeTier() {
        return new Estimator(prices, region, true);
    }

    /**
     * @return an estimator that applies no free tier: the worst case, or an account in AWS Organizations
     *     whose free tier is consumed elsewhere
     */
    public Estimator withoutFreeTier() {
        return new Estimator(prices, region, false);
    }

    /** @return an estimator with the free tier on or off */
    public Estimator freeTier(boolean on) {
        return new Estimator(prices, region, on);
    }

    /**
     * The exact monthly cost of one resource priced alone: the same figure as
     * {@code estimate(List.of(resource)).totalExact()}, by the service's exact fast path where it has one (a
     * plain Lambda function: fixed-point {@code long} arithmetic, falling back to the engine on overflow).
     * For sweeps and simulations that need only the total.
     *
     * @param resource the resource, priced with this estimator's region and free-tier setting
     * @return USD per month, unrounded
     * @throws InvalidWorkloadException if AWS would reject the resource's configuration
     */
    public BigDecimal monthlyCostExact(Meterable resource) {
        Optional<BigDecimal> fast = resource.fastMonthlyCost(prices, region, freeTier);
        return fast.isPresent() ? fast.get() : estimate(List.of(resource)).totalExact(); // no lambda per call
    }

    /**
     * Estimates one account's month.
     *
     * @param resources the resources, names unique; the order decides how shared allowances are attributed
     * @return the estimate
     * @throws InvalidWorkloadException if AWS would reject a resource's configuration
     * @throws io.github.computecost.pricing.UnknownRegionException if a region is not priced
     * @throws IllegalArgumentException if two resources share a name
     */
    public Estimate estimate(List<? extends Meterable> resources) {
        List<MeteredResource> metered = new ArrayList<>(resources.size());
        for (Meterable m : resources) {
            metered.add(m.meter(prices, region));
        }
        return RatingEngine.of(prices).rate(metered, freeTier);
    }
}
