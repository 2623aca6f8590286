package io.github.computecost.service;

import io.github.computecost.pricing.FreeTierAllowance;
import io.github.computecost.pricing.PriceTable;
import io.github.computecost.pricing.RegionPrices;
import io.github.computecost.pricing.ServicePrices;
import io.github.computecost.pricing.TableSchema;
import io.github.computecost.pricing.Tier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rating engine's fixed-point route, for one resource priced alone: the free tier (each pool to the dearest
 * usage first, as the engine allocates it) and volume tiers of any flat or tiered table, in {@code long} arithmetic,
 * exact. A service's {@link FixedPointMeter} writes its usage as exact fixed-point quantities into a {@link Sum}; the
 * sum rates them with a {@link Card}'s rates, read once per price book and region into {@code long}s and cached in
 * the price book (not in statics: price books come and go, and an override's rates are its own).
 *
 * <p>Exact, not approximate: a quantity is {@code n / (10^s × 2^j)} (the power of two carries Lambda's MB-to-GB
 * division by 1,024 without rounding), prices are their digits at {@value #PRICE_SCALE} decimals, every product is
 * {@link Math#multiplyExact}, and the one division at the end is a shift of the decimal point (1/2^j = 5^j / 10^j).
 * It covers less than the engine and says so by declining: a price with more than {@value #PRICE_SCALE} decimals, a
 * tier bound or allowance that is not a whole number, a bounded last tier, a missing price, and any overflow leave
 * the resource to the engine. Property tests hold the route to the engine's figure to the last digit.
 */
public final class FixedPoint {

    /** The decimals of a price in fixed point: Lambda's 0.0000166667 has 10. */
    public static final int PRICE_SCALE = 10;

    private FixedPoint() {
    }

    /**
     * The usage types of one table that a fast route meters, in slot order: a constant of the service's.
     */
    public static final class Card {
        private final String table;
        private final List<String> usageTypes;
        private final TableSchema<Cache> schema;

        private Card(String table, List<String> usageTypes) {
            this(table, usageTypes, true);
        }

        private Card(String table, List<String> usageTypes, boolean cached) {
            this.table = table;
            this.usageTypes = List.copyOf(usageTypes);
            this.schema = cached ? TableSchema.of(table, t -> new Cache(this, t.table())) : null;
        }

        /**
         * @param table the Price List service code of the table
         * @param usageTypes its base usage types, one per slot
         * @return a card
         */
        public static Card of(String table, String... usageTypes) {
            if (usageTypes.length == 0 || usageTypes.length > MAX_SLOTS) {
                throw new IllegalArgumentException("a card has 1 to " + MAX_SLOTS + " usage types, was "
                        + usageTypes.length);
            }
            return new Card(Objects.requireNonNull(table, "table"), Arrays.asList(usageTypes));
        }

        /** @return the table's service code */
        public String table() {
            return table;
        }

        /**
         * @param context the estimate's price book and region
         * @return the card's rates in the context's price book and region, or {@code null} when this route does not
         *     cover them (the price book lacks the table, the region or a price, or one is beyond fixed point)
         */
        public Rates rates(ServiceContext context) {
            Cache c = context.prices().tablesIfPriced(schema);
            return c == null ? null : c.rates(context.region());
        }
    }

    /** A card's rates per region, in one price book. */
    private static final class Cache {
        private final Card card;
        private final ServicePrices table;
        private final Map<String, Optional<Rates>> byRegion = new ConcurrentHashMap<>();
        /** The last region asked for, so that a loop over one region skips the map. */
        private volatile Rates last;

        Cache(Card card, ServicePrices table) {
            this.card = card;
            this.table = table;
        }

        Rates rates(String region) {
            Rates l = last;
            if (l != null && (l.region == region || l.region.equals(region))) {
                return l;
            }
            Rates r = byRegion.computeIfAbsent(region, k -> Optional.ofNullable(Rates.of(card, table, k))).orElse(null);
            if (r != null) {
                last = r;
            }
            return r;
        }
    }

    /** A card's prices in one region as {@code long}s: tiers, free-tier pools, the order free units go in. */
    public static final class Rates {
        private final String region;
        private final List<String> usageTypes;
        private final String first;
        private final long[][] from;
        private final long[][] to;
        private final long[][] price;
        /** Each slot's pool, or -1. */
        private final int[] pool;
        private final long[] poolSize;
        /** The slots in the order the free tier goes to them: dearest first, ties in slot order. */
        private final int[] freeOrder;
        /** Every slot one open tier from zero, and no slot drawing on a pool: the sum is one product per slot. */
        private final boolean flat;
        private final boolean pooled;

        private Rates(String region, List<String> usageTypes, long[][] from, long[][] to, long[][] price, int[] pool,
                long[] poolSize, int[] freeOrder) {
            this.region = region;
            this.usageTypes = usageTypes;
            this.first = usageTypes.get(0);
            this.from = from;
            this.to = to;
            this.price = price;
            this.pool = pool;
            this.poolSize = poolSize;
            this.freeOrder = freeOrder;
            boolean f = true;
            boolean p = false;
            for (int i = 0; i < price.length; i++) {
                f &= price[i].length == 1 && from[i][0] == 0 && to[i][0] == Long.MAX_VALUE;
                p |= pool[i] >= 0;
            }
            this.flat = f;
            this.pooled = p;
        }

        static Rates of(Card card, ServicePrices table, String code) {
            RegionPrices r = table.regions().get(code);
            if (r == null) {
                return null;
            }
            int n = card.usageTypes.size();
            long[][] from = new long[n][];
            long[][] to = new long[n][];
            long[][] price = new long[n][];
            int[] pool = new int[n];
            List<FreeTierAllowance> pools = new ArrayList<>();
            BigDecimal[] first = new BigDecimal[n];
            try {
                for (int i = 0; i < n; i++) {
                    Optional<PriceTable> t = r.find(card.usageTypes.get(i));
                    if (t.isEmpty() || t.get().pricedUpTo().isPresent()) {
                        return null; // a missing price, or none beyond the last tier: the engine names it
                    }
                    List<Tier> tiers = t.get().tiers();
                    from[i] = new long[tiers.size()];
                    to[i] = new long[tiers.size()];
                    price[i] = new long[tiers.size()];
                    for (int k = 0; k < tiers.size(); k++) {
                        Tier tier = tiers.get(k);
                        from[i][k] = tier.fromInclusive().longValueExact();
                        to[i][k] = tier.toExclusive().map(BigDecimal::longValueExact).orElse(Long.MAX_VALUE);
                        price[i][k] = tier.unitPrice().setScale(PRICE_SCALE).unscaledValue().longValueExact();
                    }
                    first[i] = tiers.get(0).unitPrice();
                    pool[i] = -1;
                    for (FreeTierAllowance a : table.freeTier()) {
                        if (a.baseUsageTypes().contains(card.usageTypes.get(i))) {
                            int p = pools.indexOf(a);
                            if (p < 0) {
                                pools.add(a);
                                p = pools.size() - 1;
                            }
                            pool[i] = p;
                            break;
                        }
                    }
                }
                long[] poolSize = new long[pools.size()];
                for (int p = 0; p < poolSize.length; p++) {
                    poolSize[p] = pools.get(p).quantity().longValueExact();
                }
                Integer[] order = new Integer[n];
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                }
                Arrays.sort(order, Comparator.comparing((Integer i) -> first[i]).reversed()); // stable
                return new Rates(code, card.usageTypes, from, to, price, pool, poolSize,
                        Arrays.stream(order).mapToInt(Integer::intValue).toArray());
            } catch (ArithmeticException e) {
                return null; // a fraction where a whole number is needed, or more decimals than fixed point holds
            }
        }

        /**
         * @param slot the slot's place on the card, from 0
         * @return the first tier's price of a slot, as its digits at {@value FixedPoint#PRICE_SCALE} decimals
         */
        public long firstPrice(int slot) {
            return price[slot][0];
        }

        /**
         * The cost of one quantity in slot 0 of a one-slot card, as {@code sum(freeTier).set(0, unscaled, scale, 0,
         * true).total()} gives it, without making a sum: the route of a single usage type (an instance type's hours,
         * a plan's months) in a loop.
         *
         * @param unscaled the quantity's digits, at least 0
         * @param scale its decimal places, 0 to 18
         * @param freeTier whether the always-free tier applies
         * @return the exact cost
         * @throws ArithmeticException out of the fixed-point range: the caller declines
         */
        public BigDecimal single(long unscaled, int scale, boolean freeTier) {
            if (price.length != 1 || unscaled < 0 || scale < 0 || scale > 18) {
                throw new ArithmeticException("not one slot, or out of the fixed-point range");
            }
            if (flat && (!freeTier || !pooled)) {
                // One open tier and no free units, rated here rather than through slot(): this is the hot path of
                // a sweep over instances or plans, and the lone product keeps it inlined.
                while (unscaled != 0 && scale >= 8 && unscaled % 100_000_000 == 0) {
                    unscaled /= 100_000_000;
                    scale -= 8;
                }
                while (unscaled != 0 && scale >= 1 && unscaled % 10 == 0) {
                    unscaled /= 10;
                    scale--;
                }
                return Sum.exact(Math.multiplyExact(unscaled, price[0][0]), scale, 0);
            }
            return slot(0, unscaled, scale, 0, true, freeTier);
        }

        /**
         * The cost of two quantities in slots 0 and 1 of a two-slot card, as {@code sum(freeTier).set(0, …).set(1,
         * …).total()} gives it, without making a sum when the card is flat (one open tier per slot, no free units).
         *
         * @param u0 slot 0's digits
         * @param s0 slot 0's decimal places
         * @param j0 the power of two slot 0 is divided by
         * @param u1 slot 1's digits
         * @param s1 slot 1's decimal places
         * @param j1 the power of two slot 1 is divided by
         * @param eligible whether both may draw on the free tier
         * @param freeTier whether the always-free tier applies
         * @return the exact cost
         * @throws ArithmeticException out of the fixed-point range: the caller declines
         */
        public BigDecimal two(long u0, int s0, int j0, long u1, int s1, int j1, boolean eligible, boolean freeTier) {
            if (price.length != 2) {
                throw new ArithmeticException("not two slots");
            }
            if (u0 < 0 || u1 < 0 || s0 < 0 || s0 > 18 || s1 < 0 || s1 > 18 || j0 < 0 || j0 > 20 || j1 < 0 || j1 > 20) {
                throw new ArithmeticException("out of the fixed-point range");
            }
            if (u1 == 0) {
                return slot(0, u0, s0, j0, eligible, freeTier); // one quantity: its pool and tiers alone
            }
            if (u0 == 0) {
                return slot(1, u1, s1, j1, eligible, freeTier);
            }
            if (!flat || freeTier && pooled && eligible) {
                return sum(freeTier).set(0, u0, s0, j0, eligible).set(1, u1, s1, j1, eligible).total();
            }
            // Fewer digits first, as set() and slot() do (730.0000000000 is 730), by constant divisors the JIT folds.
            while (u0 != 0 && s0 >= 8 && u0 % 100_000_000 == 0) {
                u0 /= 100_000_000;
                s0 -= 8;
            }
            while (u0 != 0 && s0 >= 1 && u0 % 10 == 0) {
                u0 /= 10;
                s0--;
            }
            while (u1 != 0 && s1 >= 8 && u1 % 100_000_000 == 0) {
                u1 /= 100_000_000;
                s1 -= 8;
            }
            while (u1 != 0 && s1 >= 1 && u1 % 10 == 0) {
                u1 /= 10;
                s1--;
            }
            int s = Math.max(s0, s1); // both quantities are more than 0 here
            int j = Math.max(j0, j1);
            long total = Math.addExact(
                    Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(u0, POW10[s - s0]), 1L << (j - j0)),
                            price[0][0]),
                    Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(u1, POW10[s - s1]), 1L << (j - j1)),
                            price[1][0]));
            return Sum.exact(total, s, j);
        }

        /**
         * One slot's cost when it is the only quantity: its free-tier pool (if it may draw on it) then its tiers, as
         * {@link Sum#total} prices a lone quantity.
         */
        private BigDecimal slot(int i, long v, int s, int j, boolean eligible, boolean freeTier) {
            while (v != 0 && s >= 8 && v % 100_000_000 == 0) {
                v /= 100_000_000;
                s -= 8;
            }
            while (v != 0 && s >= 1 && v % 10 == 0) {
                v /= 10;
                s--;
            }
            if (v == 0) {
                return Sum.exact(0, 0, 0);
            }
            long den = Math.multiplyExact(POW10[s], 1L << j);
            long free = 0;
            int p = pool[i];
            if (freeTier && eligible && p >= 0) {
                free = Math.min(v, Math.multiplyExact(poolSize[p], den));
            }
            long total = 0;
            long[] f = from[i];
            long[] t = to[i];
            long[] pr = price[i];
            for (int k = 0; k < pr.length; k++) {
                long start = Math.multiplyExact(f[k], den);
                if (start >= v) {
                    break;
                }
                long lo = Math.max(free, start);
                long hi = t[k] == Long.MAX_VALUE ? v : Math.min(v, Math.multiplyExact(t[k], den));
                if (hi > lo) {
                    total = Math.addExact(total, Math.multiplyExact(hi - lo, pr[k]));
                }
            }
            return Sum.exact(total, s, j);
        }

        /**
         * @param freeTier whether the always-free tier applies
         * @return an empty sum to write the resource's usage into
         */
        public Sum sum(boolean freeTier) {
            return new Sum(this, freeTier);
        }
    }

    /** The most slots a card has: a service's fast route meters a handful of usage types. */
    public static final int MAX_SLOTS = 4;

    /**
     * One resource's usage by slot, as exact fixed-point quantities, and its cost. Made per resource, in fields rather
     * than arrays, so that the compiler can keep a short-lived sum in registers; not thread-safe. Its methods throw
     * {@link ArithmeticException} on overflow: the caller declines.
     */
    public static final class Sum {
        private final Rates rates;
        private final boolean freeTier;
        private long n0;
        private long n1;
        private long n2;
        private long n3;
        /** Per slot: scale | twos << 8 | eligible << 16. */
        private int m0;
        private int m1;
        private int m2;
        private int m3;

        private Sum(Rates rates, boolean freeTier) {
            this.rates = rates;
            this.freeTier = freeTier;
        }

        /**
         * Sets a slot's quantity: {@code unscaled / (10^scale × 2^twos)} units.
         *
         * @param slot the card's slot
         * @param unscaled at least 0
         * @param scale decimal places, 0 to 18
         * @param twos the power of two it is divided by, 0 to 20
         * @param freeTierEligible whether it may draw on the free tier
         * @return this sum
         */
        public Sum set(int slot, long unscaled, int scale, int twos, boolean freeTierEligible) {
            if (unscaled < 0 || scale < 0 || scale > 18 || twos < 0 || twos > 20 || slot >= rates.pool.length) {
                throw new ArithmeticException("out of the fixed-point range");
            }
            if (unscaled != 0) { // fewer digits: 730.0000000000 is 730; by 8, 4, 2 and 1 places, divisors the JIT folds
                while (scale >= 8 && unscaled % 100_000_000 == 0) {
                    unscaled /= 100_000_000;
                    scale -= 8;
                }
                if (scale >= 4 && unscaled % 10_000 == 0) {
                    unscaled /= 10_000;
                    scale -= 4;
                }
                if (scale >= 2 && unscaled % 100 == 0) {
                    unscaled /= 100;
                    scale -= 2;
                }
                if (scale >= 1 && unscaled % 10 == 0) {
                    unscaled /= 10;
                    scale--;
                }
            }
            int m = scale | twos << 8 | (freeTierEligible ? 1 << 16 : 0);
            switch (slot) {
                case 0 -> {
                    n0 = unscaled;
                    m0 = m;
                }
                case 1 -> {
                    n1 = unscaled;
                    m1 = m;
                }
                case 2 -> {
                    n2 = unscaled;
                    m2 = m;
                }
                default -> {
                    n3 = unscaled;
                    m3 = m;
                }
            }
            return this;
        }

        private long num(int slot) {
            return switch (slot) {
                case 0 -> n0;
                case 1 -> n1;
                case 2 -> n2;
                default -> n3;
            };
        }

        private int meta(int slot) {
            return switch (slot) {
                case 0 -> m0;
                case 1 -> m1;
                case 2 -> m2;
                default -> m3;
            };
        }

        /** @return the exact cost, unrounded, in the price book's currency */
        public BigDecimal total() {
            int n = rates.pool.length;
            int s = 0;
            int j = 0;
            for (int i = 0; i < n; i++) {
                if (num(i) != 0) {
                    s = Math.max(s, meta(i) & 0xff);
                    j = Math.max(j, meta(i) >> 8 & 0xff);
                }
            }
            if (rates.flat && (!freeTier || !rates.pooled)) {
                // One open tier per slot and no free units: each quantity at its one price, over one denominator.
                long total = 0;
                for (int i = 0; i < n; i++) {
                    long v = num(i);
                    if (v != 0) {
                        int m = meta(i);
                        long q = Math.multiplyExact(Math.multiplyExact(v, POW10[s - (m & 0xff)]),
                                1L << (j - (m >> 8 & 0xff)));
                        total = Math.addExact(total, Math.multiplyExact(q, rates.price[i][0]));
                    }
                }
                return exact(total, s, j);
            }
            long den = Math.multiplyExact(POW10[s], 1L << j); // every quantity over one denominator
            // What is left of each pool (at most one per slot), in units of den.
            long left0 = 0;
            long left1 = 0;
            long left2 = 0;
            long left3 = 0;
            int pools = freeTier ? rates.poolSize.length : 0;
            if (pools > 0) {
                left0 = Math.multiplyExact(rates.poolSize[0], den);
            }
            if (pools > 1) {
                left1 = Math.multiplyExact(rates.poolSize[1], den);
            }
            if (pools > 2) {
                left2 = Math.multiplyExact(rates.poolSize[2], den);
            }
            if (pools > 3) {
                left3 = Math.multiplyExact(rates.poolSize[3], den);
            }
            long total = 0;
            for (int oi = 0; oi < n; oi++) {
                int i = rates.freeOrder[oi];
                long v = num(i);
                if (v == 0) {
                    continue;
                }
                int m = meta(i);
                long q = Math.multiplyExact(Math.multiplyExact(v, POW10[s - (m & 0xff)]), 1L << (j - (m >> 8 & 0xff)));
                long free = 0;
                int p = rates.pool[i];
                if (p >= 0 && p < pools && (m & 1 << 16) != 0) {
                    switch (p) {
                        case 0 -> {
                            free = Math.min(q, left0);
                            left0 -= free;
                        }
                        case 1 -> {
                            free = Math.min(q, left1);
                            left1 -= free;
                        }
                        case 2 -> {
                            free = Math.min(q, left2);
                            left2 -= free;
                        }
                        default -> {
                            free = Math.min(q, left3);
                            left3 -= free;
                        }
                    }
                }
                long[] from = rates.from[i];
                long[] to = rates.to[i];
                long[] price = rates.price[i];
                for (int k = 0; k < price.length; k++) {
                    long start = Math.multiplyExact(from[k], den);
                    if (start >= q) {
                        break; // the tiers above are not reached
                    }
                    long lo = Math.max(free, start);
                    long hi = to[k] == Long.MAX_VALUE ? q : Math.min(q, Math.multiplyExact(to[k], den));
                    if (hi > lo) {
                        total = Math.addExact(total, Math.multiplyExact(hi - lo, price[k]));
                    }
                }
            }
            return exact(total, s, j);
        }

        /** {@code total / (10^s × 2^j × 10^PRICE_SCALE)}, exactly. */
        static BigDecimal exact(long total, int s, int j) {
            // total / (10^s × 2^j × 10^PRICE_SCALE) = total × 5^j / 10^(s + j + PRICE_SCALE); the factors of 2 the
            // total has are divided out first (exactly), so that the product rarely leaves a long.
            if (total != 0) {
                int k = Math.min(Long.numberOfTrailingZeros(total), j);
                total >>= k;
                j -= k;
            }
            int decimals = s + j + PRICE_SCALE;
            long five = POW5[j];
            if (total < LIMIT5[j]) {
                return BigDecimal.valueOf(total * five, decimals);
            }
            return BigDecimal.valueOf(total, decimals).multiply(BigDecimal.valueOf(five)); // past 2^63: still exact
        }
    }

    /**
     * A service's {@link io.github.computecost.pricing.Limit} as {@code long}s, for a fast route's checks: the same
     * answer as {@link io.github.computecost.pricing.Limit#accepts} for whole numbers.
     */
    public static final class Range {
        private final long min;
        private final long max;
        private final long increment;

        private Range(long min, long max, long increment) {
            this.min = min;
            this.max = max;
            this.increment = increment;
        }

        /**
         * @param limit the limit
         * @return the limit as whole numbers, or {@code null} when a bound or the increment is not one (a fast route
         *     then declines)
         */
        public static Range of(io.github.computecost.pricing.Limit limit) {
            try {
                long min = limit.min().map(BigDecimal::longValueExact).orElse(Long.MIN_VALUE);
                long max = limit.max().map(BigDecimal::longValueExact).orElse(Long.MAX_VALUE);
                long inc = limit.increment().map(BigDecimal::longValueExact).orElse(0L);
                return new Range(min, max, inc);
            } catch (ArithmeticException e) {
                return null;
            }
        }

        /**
         * @param v the value, in the range's unit
         * @return whether {@code v} lies in the range and on its increment grid
         */
        public boolean accepts(long v) {
            if (v < min || v > max) {
                return false;
            }
            return increment <= 1 || (v - (min == Long.MIN_VALUE ? 0 : min)) % increment == 0;
        }

        /** @return the largest value accepted */
        public long max() {
            return max;
        }
    }

    /** One-slot cards of any usage type of a table (an EC2 instance type, a Lightsail plan), made as asked. */
    public static final class Singles {
        private final TableSchema<SinglesCache> schema;
        private final String table;

        private Singles(String table) {
            this.table = table;
            this.schema = TableSchema.of(table, t -> new SinglesCache(t.table()));
        }

        /**
         * @param table the service's price table name
         * @return one-slot cards of {@code table}'s usage types: a constant of the service's
         */
        public static Singles of(String table) {
            return new Singles(Objects.requireNonNull(table, "table"));
        }

        /**
         * @param usageType a base usage type of the table
         * @param context the estimate's price book and region
         * @return its rates in the context's price book and region (slot 0), or {@code null} when this route does not
         *     cover them
         */
        public Rates rates(ServiceContext context, String usageType) {
            SinglesCache c = context.prices().tablesIfPriced(schema);
            return c == null ? null : c.rates(context.region(), usageType);
        }
    }

    private static final class SinglesCache {
        private final ServicePrices table;
        private final Map<String, Map<String, Optional<Rates>>> byRegion = new ConcurrentHashMap<>();
        private volatile Rates last;

        SinglesCache(ServicePrices table) {
            this.table = table;
        }

        Rates rates(String region, String usageType) {
            Rates l = last;
            if (l != null && (l.region == region || l.region.equals(region))
                    && (l.first == usageType || l.first.equals(usageType))) {
                return l;
            }
            Rates r = byRegion.computeIfAbsent(region, k -> new ConcurrentHashMap<>()).computeIfAbsent(usageType,
                    k -> Optional.ofNullable(Rates.of(new Card(table.service(), List.of(k), false), table, region)))
                    .orElse(null);
            if (r != null) {
                last = r;
            }
            return r;
        }
    }

    private static final long[] POW10 = new long[19];
    private static final long[] POW5 = new long[21];
    /** Long.MAX_VALUE / 5^j: a total below it times 5^j fits a long. */
    private static final long[] LIMIT5 = new long[21];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
        POW5[0] = 1;
        for (int i = 1; i < POW5.length; i++) {
            POW5[i] = POW5[i - 1] * 5;
        }
        for (int i = 0; i < LIMIT5.length; i++) {
            LIMIT5[i] = Long.MAX_VALUE / POW5[i];
        }
    }

    /**
     * @param n the exponent, from 0 to 18
     * @return 10^n, for 0 ≤ n ≤ 18
     */
    public static long pow10(int n) {
        return POW10[n];
    }

    /**
     * The digits of a decimal at {@code scale} places, or throws {@link ArithmeticException} when it has more or does
     * not fit a {@code long}.
     *
     * @param v the decimal
     * @param scale the places, from 0 to 18
     * @return the unscaled digits
     */
    public static long unscaled(BigDecimal v, int scale) {
        // movePointRight keeps a small decimal compact (no BigInteger); a fraction left over fails longValueExact.
        return v.movePointRight(scale).longValueExact();
    }
}
