package io.github.computecost.estimate;

import io.github.computecost.pricing.FreeTierAllowance;
import io.github.computecost.pricing.MissingPrice;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.PriceTable;
import io.github.computecost.pricing.PriceUnavailableException;
import io.github.computecost.pricing.RegionPrices;
import io.github.computecost.pricing.ServicePrices;
import io.github.computecost.pricing.Tier;
import io.github.computecost.service.Resource;
import io.github.computecost.service.MeteredResource;
import io.github.computecost.service.UsageRecord;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One resource's exact monthly cost as a function of its monthly volume {@code V} (requests, invocations), priced
 * alone: the function the rating engine computes, derived from it. The resource is metered at three volumes; where
 * its usage is affine in the volume (every service compute-cost prices: usage = a × V + b per usage type), the cost at
 * a volume is the engine's rating of that usage (the free tier taken first, dearest usage first; volume tiers on the
 * aggregate), which is piecewise linear, with its kinks where a free allowance runs out or a tier ends. {@link #breakEven} solves
 * two such functions exactly, segment by segment; {@link #firstVolumeAtLeast} finds where one reaches an amount.
 *
 * <p>At every whole volume, {@link #costAt} equals the engine's estimate of the resource at that volume to the last
 * digit (a property test holds them to it, and construction checks it at the probed volumes). Immutable and
 * thread-safe.
 */
public final class CostFunction {

    /** Precision of the one inexact step, solving a segment for its crossing: 34 significant digits. */
    public static final MathContext MC = MathContext.DECIMAL128;

    /** The volume the resource is metered at, besides 0 and twice this, to find its usage's slope. */
    private static final long PROBE = 1_000_000;

    /** One usage type's share: usage = a × V + b, eligible for the free tier or not. */
    private record Part(BigDecimal a, BigDecimal b) {
        BigDecimal at(BigDecimal v) {
            return a.multiply(v).add(b);
        }
    }

    /**
     * A usage type of the resource: its table, its eligible and other parts, and the free-tier pool it draws on (for
     * where the function bends).
     */
    private record Term(int resource, String baseUsageType, PriceTable table, Part eligible, Part other,
            Optional<FreeTierAllowance> pool) {
        BigDecimal firstPrice() {
            return table.tiers().get(0).unitPrice();
        }
    }

    /** The day the engine is told it rates on: the cost does not depend on it (only the ages of prices do). */
    private static final LocalDate ANY_DAY = LocalDate.EPOCH;

    private final List<Term> terms;
    private final BigDecimal constant;
    private final String currency;
    /** The resources as metered (names, services, regions and price adjustments), empty for a constant. */
    private final List<MeteredResource> metered;
    private final RatingEngine engine;
    private final boolean freeTier;

    private CostFunction(List<Term> terms, BigDecimal constant, String currency, List<MeteredResource> metered,
            RatingEngine engine, boolean freeTier) {
        this.terms = List.copyOf(terms);
        this.constant = constant;
        this.currency = currency;
        this.metered = List.copyOf(metered);
        this.engine = engine;
        this.freeTier = freeTier;
    }

    /**
     * Derives the cost function of a resource from the estimator's engine.
     *
     * @param estimator the estimator (its price book, free-tier setting and region)
     * @param atVolume the resource at a monthly volume; the same configuration at every volume
     * @return the function
     * @throws io.github.computecost.limits.InvalidWorkloadException if AWS would reject the resource
     * @throws PriceUnavailableException if it needs a price the price book lacks
     * @throws IllegalArgumentException if its usage is not affine in the volume (no service compute-cost prices)
     */
    static CostFunction of(Estimator estimator, java.util.function.LongFunction<? extends Resource> atVolume) {
        return ofAll(estimator, v -> List.of(atVolume.apply(v)));
    }

    /**
     * Derives the cost function of resources that grow together with one volume (a Lambda function and the API in
     * front of it), priced together by the estimator's engine.
     *
     * @param atVolume the resources at a monthly volume, the same ones in the same order at every volume
     * @return the function of their total
     * @throws IllegalArgumentException if a usage is not affine in the volume, or the resources change with it
     */
    static CostFunction ofAll(Estimator estimator,
            java.util.function.LongFunction<? extends List<? extends Resource>> atVolume) {
        PriceBook prices = estimator.prices();
        List<? extends Resource> r0 = atVolume.apply(0);
        List<? extends Resource> r1 = atVolume.apply(PROBE);
        List<? extends Resource> r2 = atVolume.apply(2 * PROBE);
        if (r0.size() != r1.size() || r1.size() != r2.size() || r1.isEmpty()) {
            throw new IllegalArgumentException("the same resources must be given at every volume");
        }
        List<Term> terms = new ArrayList<>();
        List<MeteredResource> metered = new ArrayList<>(r1.size());
        for (int ri = 0; ri < r1.size(); ri++) {
            MeteredResource m0 = estimator.meter(r0.get(ri));
            MeteredResource m1 = estimator.meter(r1.get(ri));
            MeteredResource m2 = estimator.meter(r2.get(ri));
            metered.add(m1);
            Map<String, BigDecimal[]> usage = new LinkedHashMap<>(); // key -> quantity at 0, PROBE, 2 PROBE
            collect(usage, m0, 0);
            collect(usage, m1, 1);
            collect(usage, m2, 2);
            Map<String, Term> byType = new LinkedHashMap<>();
            ServicePrices sp = prices.service(m1.service());
            RegionPrices rp = sp.regions().get(m1.region());
            for (Map.Entry<String, BigDecimal[]> e : usage.entrySet()) {
                String base = e.getKey().substring(2);
                boolean eligible = e.getKey().charAt(0) == 'E';
                BigDecimal[] q = e.getValue();
                BigDecimal slope = q[1].subtract(q[0]).divide(BigDecimal.valueOf(PROBE), MC);
                BigDecimal intercept = q[0];
                if (q[2].compareTo(intercept.add(slope.multiply(BigDecimal.valueOf(2 * PROBE)))) != 0) {
                    throw new IllegalArgumentException(m1.name() + ": the usage of " + base
                            + " is not affine in the volume");
                }
                Optional<PriceTable> table = rp == null ? Optional.empty() : rp.find(base);
                if (table.isEmpty()) {
                    throw new PriceUnavailableException(List.of(new MissingPrice(Optional.of(m1.name()), sp.service(),
                            m1.region(), (rp == null ? "" : rp.usageTypePrefix()) + base)));
                }
                Optional<FreeTierAllowance> pool = estimator.freeTierApplied() ? sp.freeTier().stream()
                        .filter(a -> a.baseUsageTypes().contains(base)).findFirst() : Optional.empty();
                Part part = new Part(slope, intercept);
                Term t = byType.get(base);
                Part none = new Part(BigDecimal.ZERO, BigDecimal.ZERO);
                Term merged = new Term(ri, base, table.get(), eligible ? part : t == null ? none : t.eligible(),
                        eligible ? (t == null ? none : t.other()) : part, pool);
                byType.put(base, merged);
            }
            terms.addAll(byType.values());
        }
        CostFunction f = new CostFunction(terms, BigDecimal.ZERO, prices.currency(), metered, RatingEngine.of(prices),
                estimator.freeTierApplied());
        BigDecimal engine = estimator.estimate(r1).totalExact();
        if (f.costAt(BigDecimal.valueOf(PROBE)).compareTo(engine) != 0) {
            throw new IllegalStateException(metered.get(0).name() + ": the derived cost function gives "
                    + f.costAt(BigDecimal.valueOf(PROBE)).toPlainString() + " at " + PROBE + ", the engine "
                    + engine.toPlainString());
        }
        return f;
    }

    private static void collect(Map<String, BigDecimal[]> usage, MeteredResource m, int i) {
        for (UsageRecord u : m.usage()) {
            if (u.table().isPresent() || u.adjustment().isPresent()) {
                throw new IllegalArgumentException(m.name() + ": its usage is priced in more than one table or at "
                        + "factors of its own; it has no cost function of one table");
            }
            BigDecimal[] q = usage.computeIfAbsent((u.freeTierEligible() ? "E:" : "N:") + u.baseUsageType(),
                    k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            q[i] = q[i].add(u.quantity());
        }
    }

    /** @return the ISO 4217 currency of its costs */
    public String currency() {
        return currency;
    }

    /**
     * @param volume monthly volume, at least 0 (fractions allowed: the function is continuous)
     * @return the exact monthly cost at that volume
     * @throws PriceUnavailableException if the usage at that volume runs past the last tier a source prices
     */
    public BigDecimal costAt(BigDecimal volume) {
        if (volume.signum() < 0) {
            throw new IllegalArgumentException("volume must not be negative: " + volume.toPlainString());
        }
        if (metered.isEmpty()) {
            return constant;
        }
        List<List<UsageRecord>> usage = new ArrayList<>(metered.size());
        for (int i = 0; i < metered.size(); i++) {
            usage.add(new ArrayList<>(terms.size() * 2));
        }
        for (Term t : terms) {
            BigDecimal eligible = t.eligible().at(volume);
            BigDecimal other = t.other().at(volume);
            if (eligible.signum() > 0) {
                usage.get(t.resource()).add(new UsageRecord(t.baseUsageType(), eligible, true));
            }
            if (other.signum() > 0) {
                usage.get(t.resource()).add(new UsageRecord(t.baseUsageType(), other, false));
            }
        }
        List<MeteredResource> atVolume = new ArrayList<>(metered.size());
        for (int i = 0; i < metered.size(); i++) {
            MeteredResource m = metered.get(i);
            atVolume.add(new MeteredResource(m.name(), m.type(), m.service(), m.region(), usage.get(i), List.of(),
                    m.adjustments()));
        }
        return constant.add(engine.rate(atVolume, freeTier, ANY_DAY).totalExact());
    }

    /**
     * @param volume the volume, in the function's unit, at least 0
     * @return {@link #costAt(BigDecimal)} at a whole volume
     */
    public BigDecimal costAt(long volume) {
        return costAt(BigDecimal.valueOf(volume));
    }

    private List<Term> byPrice() {
        List<Term> sorted = new ArrayList<>(terms);
        sorted.sort(Comparator.comparing(Term::firstPrice).reversed()); // stable: equal prices keep their order
        return sorted;
    }

    /** @return the volumes above 0 where the function may bend (a free allowance runs out, a tier ends), ascending */
    private TreeSet<BigDecimal> kinks() {
        TreeSet<BigDecimal> out = new TreeSet<>();
        for (Term t : terms) {
            BigDecimal a = t.eligible().a().add(t.other().a());
            BigDecimal b = t.eligible().b().add(t.other().b());
            for (Tier tier : t.table().tiers()) {
                tier.toExclusive().ifPresent(end -> add(out, end, a, b));
            }
        }
        // A pool's prefix sums (dearest first) reaching its allowance.
        Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
        for (Term t : byPrice()) {
            if (t.pool().isEmpty()) {
                continue;
            }
            BigDecimal[] s = sums.computeIfAbsent(t.pool().get().id(), k -> new BigDecimal[] {BigDecimal.ZERO,
                    BigDecimal.ZERO});
            s[0] = s[0].add(t.eligible().a());
            s[1] = s[1].add(t.eligible().b());
            add(out, t.pool().get().quantity(), s[0], s[1]);
        }
        return out;
    }

    /** Adds the volume at which {@code a × V + b} reaches {@code threshold}, if above 0. */
    private static void add(TreeSet<BigDecimal> out, BigDecimal threshold, BigDecimal a, BigDecimal b) {
        if (a.signum() > 0) {
            BigDecimal v = threshold.subtract(b).divide(a, MC);
            if (v.signum() > 0) {
                out.add(strip(v));
            }
        }
    }

    /** @return the largest volume every usage stays within the tiers sources price (empty: no bound) */
    private Optional<BigDecimal> domain() {
        Optional<BigDecimal> out = Optional.empty();
        for (Term t : terms) {
            Optional<BigDecimal> bound = t.table().pricedUpTo();
            BigDecimal a = t.eligible().a().add(t.other().a());
            BigDecimal b = t.eligible().b().add(t.other().b());
            if (bound.isPresent() && a.signum() > 0) {
                BigDecimal v = bound.get().subtract(b).divide(a, new MathContext(MC.getPrecision(), RoundingMode.FLOOR));
                out = Optional.of(out.map(v::min).orElse(v));
            }
        }
        return out;
    }

    /**
     * The smallest volume above zero at which the two monthly costs are equal, solved exactly segment by segment
     * (to {@link #MC}'s 34 significant digits). Stretches where the two are equal throughout (both still inside their
     * free allowances, say) are skipped: they are not a crossing.
     *
     * @param other another cost function, in the same currency
     * @return the volume, or empty if the costs never meet above zero (within the volumes sources price)
     */
    public Optional<BigDecimal> breakEven(CostFunction other) {
        Objects.requireNonNull(other, "other");
        List<BigDecimal> points = new ArrayList<>();
        points.add(BigDecimal.ZERO);
        TreeSet<BigDecimal> kinks = kinks();
        kinks.addAll(other.kinks());
        Optional<BigDecimal> limit = domain().map(d -> other.domain().map(d::min).orElse(d)).or(other::domain);
        for (BigDecimal k : kinks) {
            if (limit.isEmpty() || k.compareTo(limit.get()) < 0) {
                points.add(k);
            }
        }
        limit.ifPresent(points::add);
        for (int i = 0; i < points.size(); i++) {
            BigDecimal lo = points.get(i);
            boolean last = i + 1 == points.size();
            if (last && limit.isPresent()) {
                break; // the last point is the end of what can be priced
            }
            // The segment [lo, hi): the last one is open; probe it at lo + 1 (any point above lo will do).
            BigDecimal hi = !last ? points.get(i + 1) : lo.add(BigDecimal.ONE);
            BigDecimal dLo = costAt(lo).subtract(other.costAt(lo));
            BigDecimal dHi = costAt(hi).subtract(other.costAt(hi));
            BigDecimal slope = dHi.subtract(dLo).divide(hi.subtract(lo), MC);
            if (slope.signum() == 0) {
                continue; // parallel on this segment: equal throughout (not a crossing) or never equal here
            }
            BigDecimal v = lo.subtract(dLo.divide(slope, MC), MC); // d(v) = dLo + slope × (v − lo) = 0
            boolean inSegment = v.compareTo(lo) >= 0 && (last || v.compareTo(hi) <= 0);
            if (inSegment && v.signum() > 0) {
                return Optional.of(strip(v));
            }
        }
        return Optional.empty();
    }

    /**
     * The smallest whole volume at which the cost is at least {@code amount}.
     *
     * @param amount a monthly cost
     * @param atMost the largest volume to consider
     * @return the volume, or empty if the cost stays below {@code amount} up to {@code atMost} (or up to the volumes
     *     sources price)
     */
    public Optional<Long> firstVolumeAtLeast(BigDecimal amount, long atMost) {
        if (costAt(0).compareTo(amount) >= 0) {
            return Optional.of(0L);
        }
        Optional<BigDecimal> limit = domain();
        long hi = limit.map(l -> l.setScale(0, RoundingMode.FLOOR).min(BigDecimal.valueOf(atMost)).longValueExact())
                .orElse(atMost);
        if (costAt(hi).compareTo(amount) < 0) {
            return Optional.empty();
        }
        // The crossing of cost(V) = amount on its segment, then the whole volumes around it checked exactly.
        long lo = 0; // invariant: cost(lo) < amount <= cost(hi)
        Optional<BigDecimal> exact = breakEvenWithConstant(amount);
        if (exact.isPresent()) {
            long guess = exact.get().setScale(0, RoundingMode.CEILING).min(BigDecimal.valueOf(hi)).longValueExact();
            if (costAt(guess).compareTo(amount) >= 0 && (guess == 0 || costAt(guess - 1).compareTo(amount) < 0)) {
                return Optional.of(guess);
            }
        }
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (costAt(mid).compareTo(amount) >= 0) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return Optional.of(hi);
    }

    private Optional<BigDecimal> breakEvenWithConstant(BigDecimal amount) {
        return breakEven(constant(amount, currency));
    }

    /**
     * @param amount a monthly cost
     * @param currency its ISO 4217 currency
     * @return a cost function that is {@code amount} at every volume (always-on capacity, sized for the peak)
     */
    public static CostFunction constant(BigDecimal amount, String currency) {
        return new CostFunction(List.of(), Objects.requireNonNull(amount, "amount"), currency, List.of(), null, false);
    }

    private static BigDecimal strip(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
