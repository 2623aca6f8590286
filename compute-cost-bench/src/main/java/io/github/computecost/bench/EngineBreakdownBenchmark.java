package io.github.computecost.bench;

import io.github.computecost.estimate.Estimator;
import io.github.computecost.estimate.RatingEngine;
import io.github.computecost.lambda.LambdaFunction;
import io.github.computecost.lambda.LambdaService;
import io.github.computecost.limits.AccountQuotas;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.service.MeteredResource;
import io.github.computecost.service.ServiceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

/** The stages of one Lambda estimate through the engine, each alone: where its time goes. Not in BENCHMARKS.md. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(1)
public class EngineBreakdownBenchmark {

    private Estimator estimator;
    private List<LambdaFunction> fn;
    private ServiceContext context;
    private List<MeteredResource> metered;
    private RatingEngine engine;
    private LocalDate today;

    @Setup
    public void setup() {
        PriceBook book = PriceBook.bundled();
        estimator = Estimator.of(book);
        fn = List.of(LambdaFunction.builder("f").memoryMb(512).requestsPerMonth(3_000_000)
                .averageDurationMs(new BigDecimal("1000")).build());
        context = new ServiceContext(book, "us-east-1", AccountQuotas.DEFAULTS);
        metered = List.of(LambdaService.INSTANCE.meter(fn.get(0), context));
        engine = RatingEngine.of(book);
        today = LocalDate.now();
    }

    @Benchmark
    public Object validate() {
        return estimator.validate(fn);
    }

    @Benchmark
    public Object check() {
        return LambdaService.INSTANCE.check(fn.get(0), context);
    }

    @Benchmark
    public Object meter() {
        return LambdaService.INSTANCE.meter(fn.get(0), context);
    }

    @Benchmark
    public Object rate() {
        return engine.rate(metered, true, today);
    }

    @Benchmark
    public Object today() {
        return LocalDate.now(Clock.systemUTC());
    }

    @Benchmark
    public Object assess() {
        return estimator.assess(fn);
    }
}
