package io.github.computecost.estimate;

import static io.github.computecost.Decimals.assertDecimal;
import static io.github.computecost.Decimals.bd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.edge.CloudFrontFunction;
import io.github.computecost.edge.EdgeEventType;
import io.github.computecost.edge.LambdaEdgeFunction;
import io.github.computecost.lambda.LambdaFunction;
import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cost function of one resource, derived from the engine, and the break-evens solved on it. */
class CostFunctionTest {

    static final Estimator E = Estimator.of(PriceBook.bundled());

    /** Lambda@Edge, 128 MB for 1 ms: 0.0000006 + 0.001 × 0.125 × 0.00005001 = 0.00000060625125 a request, no free tier. */
    static CostFunction lambdaEdge() {
        return E.costFunction(v -> LambdaEdgeFunction.builder("le").eventType(EdgeEventType.VIEWER_REQUEST).memoryMb(128).requestsPerMonth(v).averageDurationMs(bd("1")).build());
    }

    @Test
    void derivedFromTheEngineAndEqualToItAtEveryVolumeTried() {
        CostFunction le = lambdaEdge();
        for (long v : new long[] {0, 1, 999_999, 1_649_481, 1_649_482, 7_000_000_000L}) {
            BigDecimal engine = E.estimate(List.of(LambdaEdgeFunction.builder("le").eventType(EdgeEventType.VIEWER_REQUEST).memoryMb(128).requestsPerMonth(v).averageDurationMs(bd("1")).build())).totalExact();
            assertEquals(0, le.costAt(v).compareTo(engine), v + ": " + le.costAt(v) + " vs " + engine);
        }
        assertDecimal("0.60625125", le.costAt(1_000_000));
        // Lambda's duration tiers: 10,240 MB for 900 s is 9,000 GB-s a request, so tier 2 starts past 666,666.67.
        CostFunction tiered = E.withoutFreeTier().costFunction(v -> LambdaFunction.builder("f").memoryMb(10_240)
                .requestsPerMonth(v).averageDurationMs(bd("900000")).build());
        for (long v : new long[] {666_666, 666_667, 666_668, 2_000_000}) {
            BigDecimal engine = E.withoutFreeTier().estimate(List.of(LambdaFunction.builder("f").memoryMb(10_240)
                    .requestsPerMonth(v).averageDurationMs(bd("900000")).build())).totalExact();
            assertEquals(0, tiered.costAt(v).compareTo(engine), v + ": " + tiered.costAt(v) + " vs " + engine);
        }
    }

    @Test
    void aCrossingIsSolvedExactlyOnItsSegment() {
        // A CloudFront Function with 30 KeyValueStore reads an invocation: free below 66,666.67 invocations (2M reads
        // free), then 30 × 0.00000003 = 0.0000009 an invocation less 0.06 up to 2M invocations. Lambda@Edge costs
        // 0.00000060625125 an invocation from the first. They meet where 0.00000029374875 × V = 0.06.
        CostFunction cff = E.costFunction(v -> CloudFrontFunction.builder("cf").eventType(EdgeEventType.VIEWER_REQUEST).invocationsPerMonth(v).build()
                .withKeyValueStoreReadsPerInvocation(30));
        BigDecimal expected = bd("0.06").divide(bd("0.00000029374875"), CostFunction.MC).stripTrailingZeros();
        BigDecimal v = lambdaEdge().breakEven(cff).orElseThrow();
        assertEquals(0, v.compareTo(expected), v + " vs " + expected);
        assertEquals(Optional.of(v), cff.breakEven(lambdaEdge()), "the same crossing from either side");
        assertTrue(v.compareTo(bd("204256")) > 0 && v.compareTo(bd("204257")) < 0, v.toPlainString());
        // Without reads, CloudFront Functions stay cheaper at every volume above 0: no crossing.
        CostFunction plain = E.costFunction(v2 -> CloudFrontFunction.builder("cf").eventType(EdgeEventType.VIEWER_REQUEST).invocationsPerMonth(v2).build());
        assertEquals(Optional.empty(), lambdaEdge().breakEven(plain));
        assertEquals(Optional.empty(), plain.breakEven(plain), "equal throughout is not a crossing");
    }

    @Test
    void theFirstWholeVolumeThatReachesAnAmount() {
        CostFunction le = lambdaEdge();
        long v = le.firstVolumeAtLeast(bd("1.00"), Long.MAX_VALUE).orElseThrow();
        assertTrue(le.costAt(v).compareTo(bd("1.00")) >= 0);
        assertTrue(le.costAt(v - 1).compareTo(bd("1.00")) < 0);
        assertEquals(1_649_482L, v); // 1 / 0.00000060625125 = 1,649,481.0...
        assertEquals(Optional.of(0L), le.firstVolumeAtLeast(BigDecimal.ZERO, 10));
        assertEquals(Optional.empty(), le.firstVolumeAtLeast(bd("1.00"), 1_000_000), "not within a million");
        CostFunction flat = CostFunction.constant(bd("12.5"), "USD");
        assertDecimal("12.5", flat.costAt(123_456_789));
        assertEquals(Optional.empty(), flat.firstVolumeAtLeast(bd("13"), Long.MAX_VALUE));
    }

    @Test
    void usageThatIsNotAffineInTheVolumeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> E.costFunction(v ->
                LambdaFunction.builder("f").memoryMb(128 + (int) (v / 1_000_000)).requestsPerMonth(v)
                        .averageDurationMs(bd("10")).build()));
        assertTrue(e.getMessage().contains("not affine"), e.getMessage());
    }
}
