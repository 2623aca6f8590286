package io.github.computecost.lambda;

import io.github.computecost.compute.Architecture;
import io.github.computecost.pricing.Limit;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.PriceTable;
import io.github.computecost.pricing.RegionPrices;
import io.github.computecost.pricing.ServicePrices;
import io.github.computecost.pricing.Tier;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The exact monthly cost of one plain Lambda function (requests, tiered duration, ephemeral storage, free
 * tier) in fixed-point {@code long} arithmetic. Exact, not approximate: a duration of s decimals makes
 * GB-seconds the integer N = requests × duration × 10^s × memoryMb over the denominator 10^(s+3) × 1024; prices
 * are their digits at 10 decimals; every product is {@link Math#multiplyExact}; and the one division, by
 * 10^k × 1024, is done as a multiplication by 5^10 and a shift of the decimal point
 * (1/1024 = 1/2^10 = 5^10/10^10), so it never rounds. It declines (and the
 * caller uses the rating engine) on overflow and for anything it does not cover: provisioned concurrency,
 * SnapStart, a limit violation, a duration with more than 6 decimals, a price with more than 10 decimals, a
 * free tier other than Lambda's published one. Prices are read once per region table into {@code long}s.
 * A property test checks it against the engine to the last digit.
 */
final class LambdaFastPath {

    private static final long FREE_REQUESTS = 1_000_000;
    private static final long FREE_GB_SECONDS = 400_000;
    private static final int PRICE_SCALE = 10;
    private static final long FIVE_POW_10_LONG = 9_765_625L;
    private static final BigDecimal FIVE_POW_10 = BigDecimal.valueOf(FIVE_POW_10_LONG);

    /**
     * The last region's rates, so a loop over one region skips the maps and the lock: keyed by the price book (which
     * is immutable) and the region code as asked, both compared by identity first.
     */
    private record Cached(PriceBook book, String regionCode, Rates[] rates) {
    }

    private static volatile Cached lastUsed;
    private static final int MAX_CACHED_REGIONS = 256;

    /** A region's Lambda prices and limits as longs, for one architecture. */
    private record Rates(long request, long[] from, long[] to, long[] price, long storage, long minMemory, long maxMemory,
            long minStorage, long maxStorage, long maxDurationMs) {
    }

    /**
     * Rates depend on the region's tables and on the service's limits and free tier, and a price book with
     * overrides may share one and not the other: the cache is keyed by both, by identity (deep equality of
     * whole price tables would cost more than it saves).
     */
    private static final class Source {
        private final ServicePrices service;
        private final RegionPrices region;

        Source(ServicePrices service, RegionPrices region) {
            this.service = service;
            this.region = region;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Source other && other.service == service && other.region == region;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(service) + System.identityHashCode(region);
        }
    }

    private static final Map<Source, Rates[]> CACHE = Collections.synchronizedMap(new HashMap<>());

    private LambdaFastPath() {
    }

    static Optional<BigDecimal> monthlyCost(LambdaFunction fn, PriceBook prices, String code, boolean freeTier) {
        if (fn.provisionedConcurrency().isPresent() || fn.snapStart().isPresent()) {
            return Optional.empty();
        }
        Rates r;
        try {
            Cached last = lastUsed; // one volatile read in the common case of one region in a loop
            Rates[] both;
            if (last != null && last.book == prices && last.regionCode.equals(code)) {
                both = last.rates;
            } else {
                ServicePrices sp = prices.service(LambdaService.TABLE);
                RegionPrices region = sp.region(code);
                LambdaTables t = prices.tables(LambdaTables.SCHEMA);
                if (CACHE.size() > MAX_CACHED_REGIONS) {
                    CACHE.clear(); // price books come and go (overrides, imports): do not pin them all
                }
                both = CACHE.computeIfAbsent(new Source(sp, region), k -> rates(sp, t, region));
                lastUsed = new Cached(prices, code, both);
            }
            r = both == null ? null : both[fn.architecture() == Architecture.ARM64 ? 1 : 0];
        } catch (RuntimeException e) {
            return Optional.empty(); // an unknown region, data it does not cover: the engine reports or prices it
        }
        if (r == null || fn.memoryMb() < r.minMemory || fn.memoryMb() > r.maxMemory
                || fn.ephemeralStorageMb() < r.minStorage || fn.ephemeralStorageMb() > r.maxStorage
                || fn.configuration() != LambdaConfiguration.NONE) {
            return Optional.empty(); // limits, or settings only the validator checks: the engine reports them
        }
        BigDecimal d = fn.averageDurationMs();
        if (d.scale() > 0) {
            d = d.stripTrailingZeros(); // "120.000" is 120: three fewer digits to carry
        }
        if (d.scale() < 0) {
            d = d.setScale(0);
        }
        int s = d.scale();
        if (s > 6 || d.precision() > 18) {
            return Optional.empty();
        }
        try {
            long durationUnscaled = s == 0 ? d.longValueExact() : d.unscaledValue().longValueExact();
            long durationBound = Math.multiplyExact(r.maxDurationMs, pow10(s));
            if (durationUnscaled > durationBound) {
                return Optional.empty();
            }
            long denominator = Math.multiplyExact(pow10(s + 3), 1024L); // GB-seconds = N / denominator
            long requests = fn.requestsPerMonth();
            long perRequest = Math.multiplyExact(durationUnscaled, fn.memoryMb());
            long duration = Math.multiplyExact(requests, perRequest);
            long freeDuration = freeTier ? Math.min(duration, Math.multiplyExact(FREE_GB_SECONDS, denominator)) : 0;
            long billableRequests = freeTier ? Math.max(0, requests - FREE_REQUESTS) : requests;
            // Everything over denominator × 10^10.
            long sum = Math.multiplyExact(Math.multiplyExact(billableRequests, r.request), denominator);
            for (int i = 0; i < r.price.length; i++) {
                long lo = Math.max(freeDuration, Math.multiplyExact(r.from[i], denominator));
                long hi = r.to[i] == Long.MAX_VALUE ? duration : Math.min(duration, Math.multiplyExact(r.to[i], denominator));
                if (hi > lo) {
                    sum = Math.addExact(sum, Math.multiplyExact(hi - lo, r.price[i]));
                }
            }
            long extraMb = fn.ephemeralStorageMb() - 512L;
            if (extraMb > 0) {
                long storage = Math.multiplyExact(Math.multiplyExact(requests, durationUnscaled), extraMb);
                sum = Math.addExact(sum, Math.multiplyExact(storage, r.storage));
            }
            // sum / (10^(s+3) × 1024 × 10^10) = sum × 5^10 / 10^(s+3+10+10)
            int scale = s + 3 + 2 * PRICE_SCALE;
            if (Math.abs(sum) < Long.MAX_VALUE / FIVE_POW_10_LONG) {
                return Optional.of(BigDecimal.valueOf(sum * FIVE_POW_10_LONG, scale));
            }
            return Optional.of(BigDecimal.valueOf(sum, scale).multiply(FIVE_POW_10)); // past 2^63: still exact
        } catch (ArithmeticException overflow) {
            return Optional.empty();
        }
    }

    /** The region's rates for x86_64 and arm64, or {@code null} when the data is not what the fast path covers. */
    private static Rates[] rates(ServicePrices sp, LambdaTables t, RegionPrices region) {
        if (sp.freeTier().size() != 2
                || sp.freeTier().get(0).quantity().compareTo(BigDecimal.valueOf(FREE_REQUESTS)) != 0
                || sp.freeTier().get(1).quantity().compareTo(BigDecimal.valueOf(FREE_GB_SECONDS)) != 0
                || t.includedEphemeralStorageMb().compareTo(BigDecimal.valueOf(512)) != 0) {
            return null;
        }
        Rates[] out = new Rates[2];
        for (int a = 0; a < 2; a++) {
            String arm = a == 1 ? "-ARM" : "";
            PriceTable duration = region.table("Lambda-GB-Second" + arm);
            if (duration.pricedUpTo().isPresent()) {
                return null; // no price beyond the last tier: the engine refuses usage past it, by name
            }
            List<Tier> tiers = duration.tiers();
            long[] from = new long[tiers.size()];
            long[] to = new long[tiers.size()];
            long[] price = new long[tiers.size()];
            for (int i = 0; i < tiers.size(); i++) {
                from[i] = tiers.get(i).fromInclusive().longValueExact();
                to[i] = tiers.get(i).toExclusive().map(BigDecimal::longValueExact).orElse(Long.MAX_VALUE);
                price[i] = digits(tiers.get(i).unitPrice());
            }
            Limit memory = t.memoryMb();
            Limit storage = t.ephemeralStorageMb();
            out[a] = new Rates(digits(flat(region.table("Request" + arm))), from, to, price,
                    digits(flat(region.table("Lambda-Storage-GB-Second" + arm))), memory.min().orElseThrow().longValueExact(),
                    memory.max().orElseThrow().longValueExact(), storage.min().orElseThrow().longValueExact(),
                    storage.max().orElseThrow().longValueExact(),
                    t.maxTimeoutMs().longValueExact());
        }
        return out;
    }

    private static BigDecimal flat(PriceTable t) {
        if (t.isTiered()) {
            throw new IllegalArgumentException("tiered");
        }
        return t.tiers().get(0).unitPrice();
    }

    /** A price's digits at 10 decimals; more decimals than that: not covered. */
    private static long digits(BigDecimal price) {
        return price.setScale(PRICE_SCALE).unscaledValue().longValueExact();
    }

    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L, 10_000_000_000L};

    private static long pow10(int n) {
        return POW10[n];
    }
}
