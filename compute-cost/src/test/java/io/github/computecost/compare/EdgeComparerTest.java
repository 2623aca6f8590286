package io.github.computecost.compare;

import static io.github.computecost.Decimals.assertDecimal;
import static io.github.computecost.Decimals.bd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.edge.CloudFrontFunction;
import io.github.computecost.edge.EdgeEventType;
import io.github.computecost.edge.FunctionNeeds;
import io.github.computecost.edge.LambdaEdgeFunction;
import io.github.computecost.lambda.LambdaFunction;
import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EdgeComparerTest {

    static final EdgeComparer COMPARER = EdgeComparer.of(PriceBook.bundled());

    static FunctionNeeds needs(String runtime, Boolean network, Boolean body, Boolean fs, String kb, String mb) {
        return new FunctionNeeds(Optional.ofNullable(runtime), Optional.ofNullable(network), Optional.ofNullable(body),
                Optional.ofNullable(fs), Optional.ofNullable(kb).map(BigDecimal::new),
                Optional.ofNullable(mb).map(BigDecimal::new));
    }

    static LambdaEdgeFunction viewer(FunctionNeeds n, String ms) {
        return LambdaEdgeFunction.builder("f").eventType(EdgeEventType.VIEWER_REQUEST).memoryMb(128).requestsPerMonth(10_000_000).averageDurationMs(bd(ms)).build().withNeeds(n);
    }

    @Test
    void namesTheCheaperOptionWithBothFigures() {
        EdgeComparison c = COMPARER.compare(viewer(FunctionNeeds.UNKNOWN, "50"));
        assertDecimal("9.125625", c.lambdaEdgeCost());
        assertDecimal("0.8", c.cloudFrontFunctionsCost());
        assertEquals(EdgeComparison.Option.CLOUDFRONT_FUNCTIONS, c.cheaper());
        assertDecimal("8.325625", c.difference());
        // With no KeyValueStore reads, CloudFront Functions is cheaper per request and has a free allowance.
        assertEquals(Optional.empty(), c.breakEvenRequestsPerMonth());
        assertEquals("none: CloudFront Functions is cheaper at every volume above 0", c.breakEvenNote());
        assertDecimal("1", COMPARER.freeTier(false).compare(viewer(FunctionNeeds.UNKNOWN, "50")).cloudFrontFunctionsCost());
    }

    @Test
    void aRegionalLambdaBehindAnHttpApiCostsBoth() {
        // 10M requests of 50 ms at 128 MB in us-east-1: 9M requests after the free tier ($1.80), 62,500 GB-s inside
        // the free 400,000, and the HTTP API's 10M requests at $1.00 per million ($10.00).
        EdgeComparison c = COMPARER.compare(viewer(FunctionNeeds.UNKNOWN, "50"));
        assertDecimal("11.8", c.regionalBehindApiCost().orElseThrow());
        // Without the free tier: 10M requests ($2.00), 62,500 GB-s ($1.04166875) and the API's $10.00.
        assertDecimal(bd("62500").multiply(bd("0.0000166667")).add(bd("12")).toPlainString(),
                COMPARER.freeTier(false).compare(viewer(FunctionNeeds.UNKNOWN, "50")).regionalBehindApiCost()
                        .orElseThrow());
        assertTrue(c.assumptions().stream().anyMatch(a -> a.contains("behind an API Gateway HTTP API")));
    }

    @Test
    void breakEvenWhenKeyValueStoreReadsMakeCloudFrontFunctionsDearer() {
        CloudFrontFunction f = CloudFrontFunction.builder("ab").eventType(EdgeEventType.VIEWER_RESPONSE).invocationsPerMonth(3_000_000).build()
                .withKeyValueStoreReadsPerInvocation(20);
        EdgeComparison c = COMPARER.compare(f);
        // 0.00000060625125 v = 0.0000001 (v − 2M) + 0.00000003 (20 v − 2M) → v = 0.26 / 0.00000009374875
        BigDecimal v = c.breakEvenRequestsPerMonth().orElseThrow();
        assertTrue(v.subtract(bd("2773370.31")).abs().compareTo(bd("0.01")) < 0, v.toPlainString());
        assertEquals(2_773_371L, c.breakEvenWholeRequests().orElseThrow());
        assertEquals(EdgeComparison.Option.LAMBDA_EDGE, c.cheaper());
        assertEquals(Fit.FITS, c.fit().fit());
        // Below the break-even CloudFront Functions is cheaper, above it Lambda@Edge.
        assertEquals(EdgeComparison.Option.CLOUDFRONT_FUNCTIONS,
                COMPARER.compare(f.withInvocationsPerMonth(2_773_370)).cheaper());
        assertEquals(EdgeComparison.Option.LAMBDA_EDGE, COMPARER.compare(f.withInvocationsPerMonth(2_773_371)).cheaper());
    }

    @Test
    void aFunctionThatNeedsTheNetworkDoesNotFit() {
        FitVerdict v = COMPARER.compare(viewer(needs("nodejs22.x", true, false, false, "4", "1"), "0.5")).fit();
        assertEquals(Fit.DOES_NOT_FIT, v.fit());
        assertEquals(1, v.reasons().size());
        assertEquals("network", v.reasons().get(0).name());
        assertTrue(v.reasons().get(0).reason().contains("cannot make network calls"));
    }

    @Test
    void everyReasonIsListed() {
        LambdaEdgeFunction f = LambdaEdgeFunction.builder("f").eventType(EdgeEventType.ORIGIN_REQUEST).memoryMb(1024).requestsPerMonth(1).averageDurationMs(bd("200")).build()
                .withNeeds(needs("python3.13", true, true, true, "20", "64"));
        FitVerdict v = COMPARER.compare(f).fit();
        assertEquals(Fit.DOES_NOT_FIT, v.fit());
        assertEquals(List.of("eventType", "runtime", "network", "body", "fileSystem", "codeSize", "memory", "executionTime"),
                v.reasons().stream().map(FitVerdict.Check::name).toList());
        assertEquals(Fit.CANNOT_TELL, v.reasons().get(7).fit());
    }

    @Test
    void unknownNeedsAreCannotTellNeverFits() {
        FitVerdict v = COMPARER.compare(viewer(FunctionNeeds.UNKNOWN, "0.5")).fit();
        assertEquals(Fit.CANNOT_TELL, v.fit());
        assertEquals(6, v.reasons().size());
        assertTrue(v.reasons().stream().allMatch(c -> c.fit() == Fit.CANNOT_TELL));
    }

    @Test
    void aSmallSelfContainedJavaScriptFunctionFits() {
        FitVerdict v = COMPARER.compare(viewer(needs("nodejs20.x", false, false, false, "3", "1"), "1")).fit();
        assertEquals(Fit.FITS, v.fit());
        assertTrue(v.reasons().isEmpty());
    }

    @Test
    void compareAllSkipsOtherResources() {
        List<EdgeComparison> all = COMPARER.compareAll(List.of(
                LambdaFunction.builder("plain").memoryMb(128).build(),
                CloudFrontFunction.builder("cf").eventType(EdgeEventType.VIEWER_REQUEST).invocationsPerMonth(1).build(),
                viewer(FunctionNeeds.UNKNOWN, "1")));
        assertEquals(List.of("cf", "f"), all.stream().map(EdgeComparison::name).toList());
    }
}
