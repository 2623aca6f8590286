package io.github.computecost.estimate;

import io.github.computecost.limits.InvalidWorkloadException;
import io.github.computecost.pricing.MissingPrice;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.PriceUnavailableException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
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
    /**
     * The default threshold of {@link #maxPriceAgeDays(int)}: an estimate whose newest price is older than this
     * many days warns that AWS may have changed its prices since.
     */
    public static final int DEFAULT_MAX_PRICE_AGE_DAYS = 180;

    private final PriceBook prices;
    private final String region;
    private final boolean freeTier;
    private final Clock clock;
    private final int maxPriceAgeDays;

    private Estimator(PriceBook prices, String region, boolean freeTier, Clock clock, int maxPriceAgeDays) {
        this.prices = prices;
        this.region = region;
        this.freeTier = freeTier;
        this.clock = clock;
        this.maxPriceAgeDays = maxPriceAgeDays;
    }

    /**
     * @param prices the price book to rate against
     * @return an estimator for {@value #DEFAULT_REGION} with the free tier applied
     */
    public static Estimator of(PriceBook prices) {
        return new Estimator(Objects.requireNonNull(prices, "prices"), DEFAULT_REGION, true, Clock.systemUTC(),
                DEFAULT_MAX_PRICE_AGE_DAYS);
    }

    /** @return an estimator whose resources run in {@code region} unless they name their own */
    public Estimator region(String region) {
        Objects.requireNonNull(region, "region");
        if (region.isBlank()) {
            throw new IllegalArgumentException("region must not be blank");
        }
        return new Estimator(prices, region, freeTier, clock, maxPriceAgeDays);
    }

    /** @return an estimator that applies the account's always-free allowances (the default) */
    public Estimator withFreeTier() {
        return new Estimator(prices, region, true, clock, maxPriceAgeDays);
    }

    /**
     * @return an estimator that applies no free tier: the worst case, or an account in AWS Organizations
     *     whose free tier is consumed elsewhere
     */
    public Estimator withoutFreeTier() {
        return new Estimator(prices, region, false, clock, maxPriceAgeDays);
    }

    /** @return an estimator with the free tier on or off */
    public Estimator freeTier(boolean on) {
        return new Estimator(prices, region, on, clock, maxPriceAgeDays);
    }

    /**
     * @param clock the clock whose date (in its zone) an estimate is made on: the ages of its prices are counted
     *     to it (the default is the system clock in UTC)
     * @return an estimator dating its estimates by {@code clock}
     */
    public Estimator clock(Clock clock) {
        return new Estimator(prices, region, freeTier, Objects.requireNonNull(clock, "clock"), maxPriceAgeDays);
    }

    /**
     * @param days how old, in days, the newest price an estimate uses may be before the estimate warns (once)
     *     that AWS may have changed its prices since; at least 0, default {@value #DEFAULT_MAX_PRICE_AGE_DAYS}
     * @return an estimator with that threshold
     */
    public Estimator maxPriceAgeDays(int days) {
        if (days < 0) {
            throw new IllegalArgumentException("maxPriceAgeDays must not be negative: " + days);
        }
        return new Estimator(prices, region, freeTier, clock, days);
    }

    /** @return the price book this estimator rates against */
    public PriceBook prices() {
        return prices;
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
     * @throws PriceUnavailableException if a resource needs a price the price book does not have (no source gives
     *     it); it lists every such resource, and {@link #estimatePartial} prices the others
     * @throws IllegalArgumentException if two resources share a name
     */
    public Estimate estimate(List<? extends Meterable> resources) {
        Estimate e = estimatePartial(resources);
        if (!e.notPriced().isEmpty()) {
            throw new PriceUnavailableException(e.notPriced());
        }
        return e;
    }

    /**
     * Estimates one account's month of every resource whose prices the price book has, and lists the others in
     * {@link Estimate#notPriced()}: a resource that needs a price no source gives is left out whole (its usage
     * takes no share of the free tier), never priced at another region's or architecture's rate.
     *
     * @param resources the resources, names unique; the order decides how shared allowances are attributed
     * @return the estimate of the resources that could be priced, with the others listed as not priced
     * @throws InvalidWorkloadException if AWS would reject a resource's configuration
     * @throws io.github.computecost.pricing.UnknownRegionException if a region is not priced
     * @throws IllegalArgumentException if two resources share a name
     */
    public Estimate estimatePartial(List<? extends Meterable> resources) {
        List<MissingPrice> missing = new ArrayList<>();
        List<MeteredResource> metered = new ArrayList<>(resources.size());
        for (Meterable m : resources) {
            try {
                metered.add(m.meter(prices, region));
            } catch (PriceUnavailableException e) {
                e.missing().forEach(x -> missing.add(x.forResource(m.name())));
            }
        }
        RatingEngine engine = RatingEngine.of(prices);
        LocalDate today = LocalDate.now(clock);
        Estimate e;
        try {
            e = engine.rate(metered, freeTier, today);
        } catch (PriceUnavailableException x) {
            missing.addAll(x.missing());
            java.util.Set<String> refused = new java.util.HashSet<>();
            x.missing().forEach(mp -> mp.resource().ifPresent(refused::add));
            e = engine.rate(metered.stream().filter(r -> !refused.contains(r.name())).toList(), freeTier, today);
        }
        e = e.withNotPriced(missing);
        return withAgeWarning(e);
    }

    private Estimate withAgeWarning(Estimate e) {
        if (e.priceDates().isEmpty()) {
            return e;
        }
        long age = e.priceDates().get().newestAgeDays(e.pricedOn());
        if (age <= maxPriceAgeDays) {
            return e;
        }
        return e.withWarning(staleWarning(e.priceDates().get().newest(), e.pricedOn(), maxPriceAgeDays));
    }

    /** The words every stale-price warning starts with, so that a caller can recognise it and add its own advice. */
    public static final String STALE_PRICES = "prices may be out of date";

    /**
     * @return the one warning an estimate gives when even its newest price is older than the threshold; it starts
     *     with {@link #STALE_PRICES}
     */
    public static String staleWarning(LocalDate newest, LocalDate today, int maxPriceAgeDays) {
        long age = java.time.temporal.ChronoUnit.DAYS.between(newest, today);
        return STALE_PRICES + ": the newest price this estimate uses is from " + newest + ", " + age
                + " days before " + today + " (more than " + maxPriceAgeDays + " days); AWS may have changed its prices "
                + "since";
    }
}
