package io.github.computecost.bench;

import io.github.computecost.compare.MonteCarlo;
import io.github.computecost.compare.NeutralWorkload;
import io.github.computecost.compare.Uncertainty;
import io.github.computecost.compare.WorkloadPlanner;
import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Monte Carlo over one million sampled invocations: 1,000 simulated months of 1,000 log-normal invocations
 * (P50 80 ms, P99 900 ms, 1,024 MB, 5M to 20M requests a month), for Lambda x86_64 and arm64, each month billed
 * exactly ({@code ours}, {@link MonteCarlo#run}), against the same draws priced by a raw {@code double} formula
 * (tier 1 only, no rounding to whole milliseconds: the inexact baseline) in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class MonteCarloBenchmark {

    private static final int TRIALS = MonteCarlo.DEFAULT_TRIALS;

    private PriceBook prices;
    private NeutralWorkload workload;
    private WorkloadPlanner.Plan plan;

    @Setup
    public void setup() {
        prices = PriceBook.bundled();
        workload = NeutralWorkload.of("bursty", 10_000_000, new BigDecimal("80"), 1024).withUncertainty(new Uncertainty(
                Optional.of(new Uncertainty.LogNormal(new BigDecimal("80"), new BigDecimal("900"))),
                Optional.of(5_000_000L), Optional.of(20_000_000L)));
        plan = WorkloadPlanner.of(prices).plan(workload);
    }

    @Benchmark
    public List<MonteCarlo.Percentiles> ours() {
        return MonteCarlo.run(workload, plan, prices, true, "us-east-1", 42, TRIALS);
    }

    @Benchmark
    public double[] rawDouble() {
        double[] out = new double[6];
        double[] gbSecondPrice = {0.0000166667, 0.0000133334};
        for (int a = 0; a < 2; a++) {
            Well19937c rng = new Well19937c(42);
            double mu = Math.log(80);
            double sigma = (Math.log(900) - mu) / new NormalDistribution().inverseCumulativeProbability(0.99);
            LogNormalDistribution d = new LogNormalDistribution(rng, mu, sigma);
            double[] costs = new double[TRIALS];
            for (int t = 0; t < TRIALS; t++) {
                long requests = 5_000_000 + (long) Math.floor(rng.nextDouble() * 15_000_001);
                double sum = 0;
                for (int i = 0; i < MonteCarlo.SAMPLES_PER_TRIAL; i++) {
                    sum += d.sample();
                }
                double gbs = requests * (sum / MonteCarlo.SAMPLES_PER_TRIAL) / 1000.0 * 1024 / 1024.0;
                costs[t] = Math.max(0, requests - 1_000_000) * 0.0000002 + Math.max(0, gbs - 400_000) * gbSecondPrice[a];
            }
            Arrays.sort(costs);
            out[3 * a] = costs[TRIALS / 2 - 1];
            out[3 * a + 1] = costs[TRIALS * 9 / 10 - 1];
            out[3 * a + 2] = costs[TRIALS * 99 / 100 - 1];
        }
        return out;
    }
}
