package io.github.computecost.compare;

import io.github.computecost.estimate.Estimator;
import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * The expected monthly cost and its percentiles of a {@link NeutralWorkload} whose duration is a distribution or whose traffic is a
 * range, by seeded Monte Carlo (Commons Math's Well19937c generator and distributions).
 *
 * <p>Each trial is a month: its traffic is drawn uniformly from the range, and {@value #SAMPLES_PER_TRIAL}
 * invocations are drawn from the duration distribution, <em>each billed rounded up to a whole
 * millisecond</em> (what an average cannot do). The trial's average billed duration is their exact mean (the
 * sample count is a power of ten, so the mean is an exact decimal), and Lambda's monthly cost for that
 * traffic and average is computed exactly by the same estimator as {@code estimate} (through
 * {@link Estimator#monthlyCostExact}, its exact fast path). Durations are drawn as
 * floating-point numbers (they are random variates); billing starts from the whole milliseconds, so nothing
 * after the draw is inexact. Percentiles are nearest-rank over the trials. Always-on options are sized for the
 * deterministic peak, so their cost is the same in every trial. The same seed gives the same result.
 *
 * <p>Stateless and thread-safe.
 */
public final class MonteCarlo {

    /** Invocations drawn per trial: a power of ten, so their mean is exact. */
    public static final int SAMPLES_PER_TRIAL = 1000;
    /** Trials by default. */
    public static final int DEFAULT_TRIALS = 1000;

    private MonteCarlo() {
    }

    /**
     * The expected monthly cost of one option, and its P50, P90 and P99.
     *
     * @param option the option's label
     * @param p50 median monthly cost, exact
     * @param p90 90th percentile
     * @param p99 99th percentile
     * @param expected the mean monthly cost over the simulated months: their exact sum divided by their number,
     *     rounded half even to 34 significant digits ({@link java.math.MathContext#DECIMAL128}) when the division
     *     does not end
     */
    public record Percentiles(String option, BigDecimal p50, BigDecimal p90, BigDecimal p99, BigDecimal expected) {
        /**
         * Checks the components.
         *
         * @param option the option's label
         * @param p50 median monthly cost, exact
         * @param p90 90th percentile
         * @param p99 99th percentile
         * @param expected the mean monthly cost over the simulated months: their exact sum divided by their number,
         *     rounded half even to 34 significant digits ({@link java.math.MathContext#DECIMAL128}) when the division
         *     does not end
         */
        public Percentiles {
            Objects.requireNonNull(option, "option");
            Objects.requireNonNull(expected, "expected");
        }
    }

    /**
     * One option as {@code compare} ranks it when the workload is uncertain.
     *
     * @param option the option
     * @param expected its expected monthly cost (an always-on option's, which is the same every month, is its
     *     cost), or empty when it cannot run the workload
     * @param percentiles its percentiles, if it was simulated
     */
    public record Ranked(ComputeOption option, Optional<BigDecimal> expected, Optional<Percentiles> percentiles) {
        /**
         * Checks the components.
         *
         * @param option the option
         * @param expected its expected monthly cost (an always-on option's, which is the same every month, is its
         *     cost), or empty when it cannot run the workload
         * @param percentiles its percentiles, if it was simulated
         */
        public Ranked {
            Objects.requireNonNull(option, "option");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(percentiles, "percentiles");
        }
    }

    /**
     * Ranks a plan's options on their expected monthly cost (the mean over the uncertainty), not on the point
     * estimate: for a right-skewed duration the mean is well above the median the point estimate uses.
     * Options that cannot run the workload come last, in the plan's order; equal costs keep the plan's order.
     *
     * @param plan the plan
     * @param percentiles the options' percentiles from {@link #run}
     * @return every option of the plan, cheapest expected first
     */
    public static List<Ranked> rankByExpected(WorkloadPlanner.Plan plan, List<Percentiles> percentiles) {
        java.util.Map<String, Percentiles> byOption = new java.util.HashMap<>();
        percentiles.forEach(x -> byOption.put(x.option(), x));
        List<Ranked> out = new ArrayList<>();
        for (ComputeOption o : plan.ranked()) {
            Optional<Percentiles> pct = Optional.ofNullable(byOption.get(o.option()));
            Optional<BigDecimal> expected = !o.canRun() ? Optional.empty()
                    : pct.map(Percentiles::expected).or(o::monthlyCost);
            out.add(new Ranked(o, expected, pct));
        }
        List<Ranked> sorted = new ArrayList<>(out);
        sorted.sort(java.util.Comparator.comparing((Ranked r) -> r.expected().isEmpty())
                .thenComparing(r -> r.expected().orElse(BigDecimal.ZERO)));
        return List.copyOf(sorted);
    }

    /**
     * @param w the workload
     * @param plan its deterministic plan (always-on costs are taken from it)
     * @param prices the price book
     * @param freeTier whether to apply the free tier
     * @param defaultRegion the region when the workload names none
     * @param seed the random seed
     * @param trials number of simulated months, at least 1
     * @return percentiles for every option that can run the workload, in the plan's order
     */
    public static List<Percentiles> run(NeutralWorkload w, WorkloadPlanner.Plan plan, PriceBook prices, boolean freeTier,
            String defaultRegion, long seed, int trials) {
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be at least 1: " + trials);
        }
        List<Percentiles> out = new ArrayList<>();
        for (ComputeOption o : plan.ranked()) {
            if (!o.canRun()) {
                continue;
            }
            if (o.alwaysOn()) {
                BigDecimal c = o.monthlyCost().orElseThrow();
                out.add(new Percentiles(o.option(), c, c, c, c));
                continue;
            }
            io.github.computecost.service.Sizing.Traffic traffic = plan.traffic().get(o.option());
            if (traffic == null) {
                continue; // a per-request option without a traffic model cannot be sampled
            }
            // One generator per option, from the same seed: every option sees the same sampled months.
            RandomGenerator rng = new Well19937c(seed);
            Sampler sampler = new Sampler(w, rng);
            Estimator estimator = Estimator.of(prices).freeTier(freeTier).region(defaultRegion);
            List<BigDecimal> costs = new ArrayList<>(trials);
            for (int t = 0; t < trials; t++) {
                long requests = sampler.traffic();
                BigDecimal meanBilledMs = sampler.meanBilledMs();
                // The engine's exact figure, by its fast path.
                List<io.github.computecost.service.Resource> all = traffic.all(requests, meanBilledMs);
                costs.add(all.size() == 1 ? estimator.monthlyCostExact(all.get(0))
                        : estimator.estimate(all).totalExact());
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (BigDecimal c : costs) {
                sum = sum.add(c);
            }
            BigDecimal n = BigDecimal.valueOf(trials);
            BigDecimal expected;
            try {
                expected = sum.divide(n);
            } catch (ArithmeticException nonTerminating) {
                expected = sum.divide(n, java.math.MathContext.DECIMAL128);
            }
            costs.sort(null);
            out.add(new Percentiles(o.option(), nearestRank(costs, 50), nearestRank(costs, 90), nearestRank(costs, 99),
                    io.github.computecost.money.Amounts.exact(expected)));
        }
        return out;
    }

    static BigDecimal nearestRank(List<BigDecimal> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** Draws traffic and durations for one workload. */
    private static final class Sampler {
        private final NeutralWorkload w;
        private final RandomGenerator rng;
        private final LogNormalDistribution logNormal;
        private final List<BigDecimal> samples;

        Sampler(NeutralWorkload w, RandomGenerator rng) {
            this.w = w;
            this.rng = rng;
            Uncertainty.Duration d = w.uncertainty().duration().orElse(null);
            if (d instanceof Uncertainty.LogNormal ln) {
                double mu = Math.log(ln.p50().doubleValue());
                double z99 = new NormalDistribution().inverseCumulativeProbability(0.99);
                double sigma = (Math.log(ln.p99().doubleValue()) - mu) / z99;
                logNormal = sigma > 0 ? new LogNormalDistribution(rng, mu, sigma) : null;
                samples = sigma > 0 ? null : List.of(ln.p50());
            } else if (d instanceof Uncertainty.Samples s) {
                logNormal = null;
                samples = s.values();
            } else {
                logNormal = null;
                samples = List.of(w.durationMs());
            }
        }

        long traffic() {
            if (w.uncertainty().trafficMin().isEmpty()) {
                return w.requestsPerMonth();
            }
            long min = w.uncertainty().trafficMin().get();
            long max = w.uncertainty().trafficMax().get();
            return min + (long) Math.floor(rng.nextDouble() * (max - min + 1));
        }

        BigDecimal meanBilledMs() {
            long sum = 0;
            for (int i = 0; i < SAMPLES_PER_TRIAL; i++) {
                sum += billedMs();
            }
            return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(SAMPLES_PER_TRIAL));
        }

        /** One invocation's billed duration: rounded up to a whole millisecond. */
        private long billedMs() {
            if (logNormal != null) {
                return (long) Math.ceil(logNormal.sample());
            }
            BigDecimal v = samples.size() == 1 ? samples.get(0) : samples.get(rng.nextInt(samples.size()));
            return v.setScale(0, RoundingMode.CEILING).longValueExact();
        }
    }
}
