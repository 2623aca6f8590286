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
 * cheapest, the fastest and a balanced size (the least cost × duration), ties broken toward the faster size, and
 * the sizes within a tolerance of the cheapest. Costs are exact, without free tier,
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
        /**
         * Checks the components.
         *
         * @param memoryMb memory size in MB
         * @param durationMs average billed duration measured at it, in ms
         */
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

    /** What a tuning recommends: as the power-tuning tool's strategies name them. */
    public enum Strategy {
        /** The cheapest size (ties to the faster one). */
        COST,
        /** The fastest size (ties to the cheaper one). */
        SPEED,
        /**
         * The power-tuning tool's balanced pick: the least {@code weight × cost / maxCost + (1 − weight) × duration /
         * maxDuration} over the sizes, {@code weight} from 0 (speed) to 1 (cost), 0.5 by default (ties to the cheaper
         * one).
         */
        BALANCED;

        /** @return {@code cost}, {@code speed} or {@code balanced} */
        public String awsName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The power-tuning tool's default balanced weight: cost and speed alike. */
    public static final BigDecimal DEFAULT_BALANCED_WEIGHT = new BigDecimal("0.5");

    /** The default tolerance of {@link Result#nearCheapest()}: 1 % above the cheapest. */
    public static final BigDecimal DEFAULT_TOLERANCE_PERCENT = BigDecimal.ONE;

    /**
     * The candidates and the picks.
     *
     * @param rows every candidate, ascending by memory
     * @param cheapest the cheapest; of sizes that cost exactly the same, the fastest (the power-tuning tool's own
     *     example: 128 MB at 2,400 ms and 1,024 MB at 300 ms cost the same, and 1,024 MB is "8× faster for the same
     *     cost")
     * @param fastest the fastest; of equally fast sizes, the cheapest
     * @param balanced the power-tuning tool's balanced pick at {@code balancedWeight} ({@link Strategy#BALANCED}); of
     *     equal values, the cheapest
     * @param nearCheapest every size whose cost is within the tolerance of the cheapest's, the cheapest included,
     *     ascending by memory: sizes a user may prefer for speed at (almost) no cost
     * @param tolerancePercent the tolerance, in percent of the cheapest cost
     * @param balancedWeight the weight of cost against speed in {@code balanced}, 0 (speed) to 1 (cost)
     */
    public record Result(List<Row> rows, Row cheapest, Row fastest, Row balanced, List<Row> nearCheapest,
            BigDecimal tolerancePercent, BigDecimal balancedWeight) {
        /**
         * Checks the components and keeps immutable copies of its collections.
         *
         * @param rows every candidate, ascending by memory
         * @param cheapest the cheapest; of sizes that cost exactly the same, the fastest (the power-tuning tool's own
         *     example: 128 MB at 2,400 ms and 1,024 MB at 300 ms cost the same, and 1,024 MB is "8× faster for the same
         *     cost")
         * @param fastest the fastest; of equally fast sizes, the cheapest
         * @param balanced the power-tuning tool's balanced pick at {@code balancedWeight} ({@link Strategy#BALANCED});
         *     of equal values, the cheapest
         * @param nearCheapest every size whose cost is within the tolerance of the cheapest's, the cheapest included,
         *     ascending by memory: sizes a user may prefer for speed at (almost) no cost
         * @param tolerancePercent the tolerance, in percent of the cheapest cost
         * @param balancedWeight the weight of cost against speed in {@code balanced}, 0 (speed) to 1 (cost)
         */
        public Result {
            rows = List.copyOf(rows);
            nearCheapest = List.copyOf(nearCheapest);
            Objects.requireNonNull(balancedWeight, "balancedWeight");
        }

        /**
         * A result whose balanced pick weighs cost and speed alike.
         *
         * @param rows every candidate, ascending by memory
         * @param cheapest the cheapest; of sizes that cost exactly the same, the fastest (the power-tuning tool's own
         *     example: 128 MB at 2,400 ms and 1,024 MB at 300 ms cost the same, and 1,024 MB is "8× faster for the same
         *     cost")
         * @param fastest the fastest; of equally fast sizes, the cheapest
         * @param balanced the power-tuning tool's balanced pick at {@code balancedWeight} ({@link Strategy#BALANCED});
         *     of equal values, the cheapest
         * @param nearCheapest every size whose cost is within the tolerance of the cheapest's, the cheapest included,
         *     ascending by memory: sizes a user may prefer for speed at (almost) no cost
         * @param tolerancePercent the tolerance, in percent of the cheapest cost
         */
        public Result(List<Row> rows, Row cheapest, Row fastest, Row balanced, List<Row> nearCheapest,
                BigDecimal tolerancePercent) {
            this(rows, cheapest, fastest, balanced, nearCheapest, tolerancePercent, DEFAULT_BALANCED_WEIGHT);
        }

        /**
         * @param strategy the strategy
         * @return the size the strategy recommends
         */
        public Row pick(Strategy strategy) {
            return switch (strategy) {
                case COST -> cheapest;
                case SPEED -> fastest;
                case BALANCED -> balanced;
            };
        }
    }

    /**
     * Checks the components.
     *
     * @param name unique name within a file
     * @param region region code, or empty for the file's region
     * @param architecture x86_64 or arm64
     * @param measurements average billed duration at each memory size, at least two sizes
     */
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
        return tune(prices, defaultRegion, stepMb, DEFAULT_TOLERANCE_PERCENT);
    }

    /**
     * @param prices the price book
     * @param defaultRegion the region when the tuning names none
     * @param stepMb the step between interpolated sizes, at least 1
     * @param tolerancePercent how far above the cheapest cost (in percent, 0 or more) a size still counts as near
     *     the cheapest
     * @return every candidate, ascending by memory, and the picks
     */
    public Result tune(PriceBook prices, String defaultRegion, int stepMb, BigDecimal tolerancePercent) {
        return tune(prices, defaultRegion, stepMb, tolerancePercent, DEFAULT_BALANCED_WEIGHT);
    }

    /**
     * @param prices the price book
     * @param defaultRegion the region when the tuning names none
     * @param stepMb the step between interpolated sizes, at least 1
     * @param tolerancePercent how far above the cheapest cost (in percent, 0 or more) a size still counts as near
     *     the cheapest
     * @param balancedWeight the balanced pick's weight of cost against speed, 0 (speed) to 1 (cost), as the
     *     power-tuning tool's {@code balancedWeight}
     * @return every candidate, ascending by memory, and the picks
     * @throws IllegalArgumentException if the weight is outside 0 to 1 (the tool clamps it; a typo here is refused)
     */
    public Result tune(PriceBook prices, String defaultRegion, int stepMb, BigDecimal tolerancePercent,
            BigDecimal balancedWeight) {
        Objects.requireNonNull(tolerancePercent, "tolerancePercent");
        Objects.requireNonNull(balancedWeight, "balancedWeight");
        if (balancedWeight.signum() < 0 || balancedWeight.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("balancedWeight must be between 0 and 1, was "
                    + balancedWeight.toPlainString());
        }
        if (tolerancePercent.signum() < 0) {
            throw new IllegalArgumentException("tolerancePercent must not be negative: "
                    + tolerancePercent.toPlainString());
        }
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
        // Every tie is broken toward the faster size, then the cheaper, then the smaller: never by rounding noise.
        Comparator<Row> faster = Comparator.comparing(Row::durationMs);
        Comparator<Row> cheaper = Comparator.comparing(Row::costPerMillion);
        Row cheapest = rows.stream().min(cheaper.thenComparing(faster).thenComparing(Row::memoryMb)).orElseThrow();
        Row fastest = rows.stream().min(faster.thenComparing(cheaper).thenComparing(Row::memoryMb)).orElseThrow();
        // weight × cost / maxCost + (1 − weight) × duration / maxDuration, compared exactly: both sides times
        // maxCost × maxDuration, which is positive, keep their order.
        BigDecimal maxCost = rows.stream().map(Row::costPerMillion).max(Comparator.naturalOrder()).orElseThrow();
        BigDecimal maxDuration = rows.stream().map(Row::durationMs).max(Comparator.naturalOrder()).orElseThrow();
        BigDecimal speedWeight = BigDecimal.ONE.subtract(balancedWeight);
        Row balanced = rows.stream().min(Comparator.comparing((Row r) -> balancedWeight.multiply(r.costPerMillion())
                .multiply(maxDuration).add(speedWeight.multiply(r.durationMs()).multiply(maxCost)))
                .thenComparing(cheaper).thenComparing(faster).thenComparing(Row::memoryMb)).orElseThrow();
        BigDecimal bound = cheapest.costPerMillion().multiply(BigDecimal.ONE.add(tolerancePercent.movePointLeft(2)));
        List<Row> near = rows.stream().filter(r -> r.costPerMillion().compareTo(bound) <= 0).toList();
        return new Result(rows, cheapest, fastest, balanced, near, tolerancePercent, balancedWeight);
    }

    private Row row(Measurement m, boolean measured, Estimator e, String defaultRegion) {
        LambdaFunction fn = LambdaFunction.builder(name).architecture(architecture).memoryMb(m.memoryMb())
                .requestsPerMonth(1_000_000).averageDurationMs(m.durationMs()).region(region.orElse(defaultRegion)).build();
        return new Row(m.memoryMb(), m.durationMs(), measured, e.monthlyCostExact(fn));
    }
}
