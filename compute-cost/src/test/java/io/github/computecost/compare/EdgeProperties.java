package io.github.computecost.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.edge.CloudFrontFunction;
import io.github.computecost.edge.EdgeEventType;
import io.github.computecost.edge.LambdaEdgeFunction;
import io.github.computecost.estimate.CostFunction;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;

class EdgeProperties {

    static final PriceBook BOOK = PriceBook.bundled();
    static final EdgeComparer COMPARER = EdgeComparer.of(BOOK);

    @Provide
    Arbitrary<BigDecimal> durations() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("30000")).ofScale(2);
    }

    @Property
    void cloudFrontFunctionsCostIsNeverNegativeAndMonotone(@ForAll @LongRange(max = 5_000_000_000L) long invocations,
            @ForAll @LongRange(max = 100_000_000) long more, @ForAll @IntRange(max = 30) int reads,
            @ForAll boolean freeTier) {
        Estimator e = Estimator.of(BOOK).freeTier(freeTier);
        CloudFrontFunction f = CloudFrontFunction.builder("f").eventType(EdgeEventType.VIEWER_REQUEST).invocationsPerMonth(invocations).build()
                .withKeyValueStoreReadsPerInvocation(reads);
        BigDecimal cost = e.estimate(List.of(f)).totalExact();
        BigDecimal bigger = e.estimate(List.of(f.withInvocationsPerMonth(invocations + more))).totalExact();
        assertTrue(cost.signum() >= 0);
        assertTrue(bigger.compareTo(cost) >= 0);
    }

    @Property
    void lambdaEdgeCostIsMonotone(@ForAll @LongRange(max = 5_000_000_000L) long requests,
            @ForAll @LongRange(max = 100_000_000) long more, @ForAll @IntRange(min = 128, max = 10_240) int memory,
            @ForAll("durations") BigDecimal ms) {
        Estimator e = Estimator.of(BOOK);
        LambdaEdgeFunction f = LambdaEdgeFunction.builder("f").eventType(EdgeEventType.ORIGIN_REQUEST).memoryMb(memory).requestsPerMonth(requests).averageDurationMs(ms).build();
        assertTrue(e.estimate(List.of(f.withRequestsPerMonth(requests + more))).totalExact()
                .compareTo(e.estimate(List.of(f)).totalExact()) >= 0);
    }

    static CostFunction lambdaEdge(Estimator e, int memory, BigDecimal ms) {
        return e.costFunction(v -> LambdaEdgeFunction.builder("f").eventType(EdgeEventType.VIEWER_REQUEST).memoryMb(memory).requestsPerMonth(v).averageDurationMs(ms).build());
    }

    static CostFunction cloudFront(Estimator e, int reads) {
        return e.costFunction(v -> CloudFrontFunction.builder("f").eventType(EdgeEventType.VIEWER_REQUEST).invocationsPerMonth(v).build()
                .withKeyValueStoreReadsPerInvocation(reads));
    }

    @Property
    void costFunctionsAgreeWithTheEstimator(@ForAll @LongRange(max = 5_000_000_000L) long volume,
            @ForAll @IntRange(min = 128, max = 10_240) int memory, @ForAll("durations") BigDecimal ms,
            @ForAll @IntRange(max = 30) int reads, @ForAll boolean freeTier) {
        Estimator e = Estimator.of(BOOK).freeTier(freeTier);
        assertEquals(0, lambdaEdge(e, memory, ms).costAt(volume).compareTo(e.estimate(List.of(
                LambdaEdgeFunction.builder("f").eventType(EdgeEventType.VIEWER_REQUEST).memoryMb(memory).requestsPerMonth(volume).averageDurationMs(ms).build())).totalExact()));
        assertEquals(0, cloudFront(e, reads).costAt(volume).compareTo(e.estimate(List.of(
                CloudFrontFunction.builder("f").eventType(EdgeEventType.VIEWER_REQUEST).invocationsPerMonth(volume).build().withKeyValueStoreReadsPerInvocation(reads)))
                .totalExact()));
    }

    /** The break-even volume reported is where the two costs meet: priced there, they are equal. */
    @Property
    void breakEvenIsWhereTheCostsMeet(@ForAll @IntRange(min = 128, max = 10_240) int memory,
            @ForAll("durations") BigDecimal ms, @ForAll @IntRange(max = 40) int reads, @ForAll boolean freeTier) {
        Estimator e = Estimator.of(BOOK).freeTier(freeTier);
        CostFunction le = lambdaEdge(e, memory, ms);
        CostFunction cff = cloudFront(e, reads);
        Optional<BigDecimal> v = le.breakEven(cff);
        Statistics.label("break-even").collect(v.isPresent());
        if (v.isPresent()) {
            BigDecimal at = v.get();
            BigDecimal a = le.costAt(at);
            BigDecimal b = cff.costAt(at);
            // Equal to within the 34-digit precision of the solve.
            BigDecimal tolerance = a.max(b).max(BigDecimal.ONE).movePointLeft(30);
            assertTrue(a.subtract(b).abs().compareTo(tolerance) <= 0, a + " vs " + b + " at " + at);
            // And the order really changes there.
            BigDecimal below = at.multiply(new BigDecimal("0.999"));
            BigDecimal above = at.multiply(new BigDecimal("1.001"));
            int signBelow = le.costAt(below).compareTo(cff.costAt(below));
            int signAbove = le.costAt(above).compareTo(cff.costAt(above));
            assertTrue(signBelow * signAbove <= 0, "no change of order around " + at);
        }
        Statistics.label("break-even").coverage(cov -> {
            cov.check(true).count(n -> n > 0);
            cov.check(false).count(n -> n > 0);
        });
    }
}
