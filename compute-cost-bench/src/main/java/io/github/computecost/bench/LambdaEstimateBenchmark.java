package io.github.computecost.bench;

import io.github.computecost.estimate.Estimator;
import io.github.computecost.lambda.LambdaFunction;
import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
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
 * One Lambda estimate (requests + tiered duration + free tier: 512 MB, 3M requests of 1 s) by our estimator,
 * against three baselines measured in the same run: a raw {@code double} formula, a naive {@code BigDecimal}
 * formula and a naive Moneta {@code Money} formula. The baselines ignore tiers (this usage stays in tier 1).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LambdaEstimateBenchmark {

    private Estimator estimator;
    private List<LambdaFunction> fn;
    private long requests;
    private int memoryMb;
    private double durationMs;
    private BigDecimal durationMsExact;

    @Setup
    public void setup() {
        estimator = Estimator.of(PriceBook.bundled());
        fn = List.of(LambdaFunction.builder("f").memoryMb(512).requestsPerMonth(3_000_000)
                .averageDurationMs(new BigDecimal("1000")).build());
        requests = 3_000_000;
        memoryMb = 512;
        durationMs = 1000;
        durationMsExact = new BigDecimal("1000");
    }

    @Benchmark
    public BigDecimal ours() {
        return estimator.estimate(fn).totalExact();
    }

    /** The same exact figure by the fixed-point fast path behind {@code Estimator.monthlyCostExact}. */
    @Benchmark
    public BigDecimal oursFastPath() {
        return estimator.monthlyCostExact(fn.get(0));
    }

    @Benchmark
    public double rawDouble() {
        double gbs = requests * durationMs / 1000.0 * memoryMb / 1024.0;
        return Math.max(0, requests - 1_000_000) * 0.0000002 + Math.max(0, gbs - 400_000) * 0.0000166667;
    }

    @Benchmark
    public BigDecimal naiveBigDecimal() {
        BigDecimal gbs = BigDecimal.valueOf(requests).multiply(durationMsExact).divide(BigDecimal.valueOf(1000))
                .multiply(BigDecimal.valueOf(memoryMb)).divide(BigDecimal.valueOf(1024));
        BigDecimal billableGbs = gbs.subtract(new BigDecimal("400000")).max(BigDecimal.ZERO);
        BigDecimal billableReq = BigDecimal.valueOf(requests).subtract(new BigDecimal("1000000")).max(BigDecimal.ZERO);
        return billableReq.multiply(new BigDecimal("0.0000002")).add(billableGbs.multiply(new BigDecimal("0.0000166667")))
                .setScale(10, RoundingMode.HALF_UP);
    }

    @Benchmark
    public MonetaryAmount naiveMoneta() {
        BigDecimal gbs = BigDecimal.valueOf(requests).multiply(durationMsExact).divide(BigDecimal.valueOf(1000))
                .multiply(BigDecimal.valueOf(memoryMb)).divide(BigDecimal.valueOf(1024));
        BigDecimal billableGbs = gbs.subtract(new BigDecimal("400000")).max(BigDecimal.ZERO);
        BigDecimal billableReq = BigDecimal.valueOf(requests).subtract(new BigDecimal("1000000")).max(BigDecimal.ZERO);
        MonetaryAmount request = Money.of(new BigDecimal("0.0000002"), "USD").multiply(billableReq);
        MonetaryAmount duration = Money.of(new BigDecimal("0.0000166667"), "USD").multiply(billableGbs);
        return request.add(duration);
    }
}
