package io.github.computecost.compare;

import io.github.computecost.compute.Architecture;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.lambda.LambdaFunction;
import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.math3.analysis.interpolation.LinearInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;

/**
 * Memory tuning from durations the user measured at a few memory sizes (what the Lambda power-tuning tool
 * measures live): the cost per million invocations at each measured size and, interpolated between them (Commons
 * Math, linear in log(memory) and log(duration): a power law between neighbouring measurements, as duration
 * falls with memory; a straight line would invent cost humps and a spline dips or negative durations), at
 * every step between them; the
 * cheapest, the fastest and a balanced size (the least cost × duration). Costs are exact, without free tier,
 * from the same estimator as {@code estimate}; measured sizes use the measured average as given, interpolated
 * ones an average rounded half up to 0.001 ms.
 *
 * @param name unique name within a file
 * @param region region code, or empty for the file's region
 * @param architecture x86_64 or arm64
 * @param measurements average billed duration at each memory size, at least two sizes
 */
public record MemoryTuning(String name, Optional<String> region, Architecture architecture,
        List<Measurement> measurements) {

    /** The Price List service code of the table memory tuning prices from: Lambda's. */
    public static final String TABLE = io.github.computecost.lambda.LambdaService.TABLE;

    /** Workload type name. */
    public static final String TYPE = "memory-tuning";

    /**
     * @param memoryMb memory size in MB
     * @param durationMs average billed duration measured at it, in ms
     */
    public record Measurement(int memoryMb, BigDecimal durationMs) {
        public Measurement {
            Objects.requireNonNull(durationMs, "durationMs");
            if (memoryMb <= 0 || durationMs.signum() <= 0) {
                throw new IllegalArgumentException("a measurement needs memoryMb > 0 and durationMs > 0");
            }
        }
    }

    /**
     * One candidate size.
     *
     * @param memoryMb memory in MB
     * @param durationMs average duration in ms
     * @param measured whether it was measured (not interpolated)
     * @param costPerMillion exact cost of a million invocations
     */
    public record Row(int memoryMb, BigDecimal durationMs, boolean measured, BigDecimal costPerMillion) {
    }

    /** The candidates and the picks. */
    public record Result(List<Row> rows, Row cheapest, Row fastest, Row balanced) {
        public Result {
            rows = List.copyOf(rows);
        }
    }

    public MemoryTuning {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(architecture, "architecture");
        measurements = measurements.stream().sorted(Comparator.comparingInt(Measurement::memoryMb)).toList();
        if (measurements.size() < 2) {
            throw new IllegalArgumentException("memory tuning needs measurements at two memory sizes or more");
        }
        for (int i = 1; i < measurements.size(); i++) {
            if (measurements.get(i).memoryMb() == measurements.get(i - 1).memoryMb()) {
                throw new IllegalArgumentException("memory size " + measurements.get(i).memoryMb() + " is measured twice");
            }
        }
    }

    /**
     * @param prices the price book
     * @param defaultRegion the region when the tuning names none
     * @param stepMb the step between interpolated sizes, at least 1
     * @return every candidate, ascending by memory, and the picks
     */
    public Result tune(PriceBook prices, String defaultRegion, int stepMb) {
        if (stepMb < 1) {
            throw new IllegalArgumentException("stepMb must be at least 1: " + stepMb);
        }
        double[] x = measurements.stream().mapToDouble(m -> Math.log(m.memoryMb())).toArray();
        double[] y = measurements.stream().mapToDouble(m -> Math.log(m.durationMs().doubleValue())).toArray();
        PolynomialSplineFunction f = new LinearInterpolator().interpolate(x, y);
        Estimator e = Estimator.of(prices).withoutFreeTier();
        List<Row> rows = new ArrayList<>();
        int lo = measurements.get(0).memoryMb();
        int hi = measurements.get(measurements.size() - 1).memoryMb();
        int next = 0;
        for (int mb = lo; mb <= hi; mb += stepMb) {
            while (next < measurements.size() && measurements.get(next).memoryMb() < mb) {
                rows.add(row(measurements.get(next), true, e, defaultRegion));
                next++;
            }
            if (next < measurements.size() && measurements.get(next).memoryMb() == mb) {
                continue;
            }
            BigDecimal d = BigDecimal.valueOf(Math.exp(f.value(Math.log(mb)))).setScale(3, RoundingMode.HALF_UP);
            rows.add(row(new Measurement(mb, d), false, e, defaultRegion));
        }
        while (next < measurements.size()) {
            rows.add(row(measurements.get(next), true, e, defaultRegion));
            next++;
        }
        rows.sort(Comparator.comparingInt(Row::memoryMb));
        Row cheapest = rows.stream().min(Comparator.comparing(Row::costPerMillion).thenComparing(Row::memoryMb)).orElseThrow();
        Row fastest = rows.stream().min(Comparator.comparing(Row::durationMs).thenComparing(Row::costPerMillion)).orElseThrow();
        Row balanced = rows.stream().min(Comparator.comparing((Row r) -> r.costPerMillion().multiply(r.durationMs()))
                .thenComparing(Row::memoryMb)).orElseThrow();
        return new Result(rows, cheapest, fastest, balanced);
    }

    private Row row(Measurement m, boolean measured, Estimator e, String defaultRegion) {
        LambdaFunction fn = LambdaFunction.builder(name).architecture(architecture).memoryMb(m.memoryMb())
                .requestsPerMonth(1_000_000).averageDurationMs(m.durationMs()).region(region.orElse(defaultRegion)).build();
        return new Row(m.memoryMb(), m.durationMs(), measured, e.monthlyCostExact(fn));
    }
}
