package io.github.computecost.edge;

import static io.github.computecost.Decimals.assertDecimal;
import static io.github.computecost.Decimals.bd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.limits.InvalidWorkloadException;
import io.github.computecost.estimate.LineItem;
import io.github.computecost.estimate.ResourceEstimate;
import io.github.computecost.lambda.LambdaFunction;
import io.github.computecost.limits.Severity;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EdgePricingTest {

    static final PriceBook BOOK = PriceBook.bundled();
    static final Estimator ESTIMATOR = Estimator.of(BOOK);

    static LambdaEdgeFunction edge(String name, EdgeEventType event, int memoryMb, long requests, String ms) {
        return LambdaEdgeFunction.builder(name).eventType(event).memoryMb(memoryMb).requestsPerMonth(requests).averageDurationMs(bd(ms)).build();
    }

    static BigDecimal cost(ResourceEstimate r, String usageType) {
        return r.lineItems().stream().filter(l -> l.usageType().equals(usageType)).map(LineItem::cost)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void lambdaEdgeTenMillionRequestsAt128MbAnd50Ms() {
        // 10M × $0.60 per million + 10M × 0.05 s × 0.125 GB × $0.00005001 = 6 + 3.125625
        Estimate e = ESTIMATOR.estimate(List.of(edge("auth", EdgeEventType.VIEWER_REQUEST, 128, 10_000_000, "50")));
        ResourceEstimate r = e.resource("auth");
        assertEquals(2, r.lineItems().size());
        assertDecimal("6", cost(r, "Lambda-Edge-Request"));
        assertDecimal("62500", r.lineItems().get(1).quantity());
        assertDecimal("3.125625", cost(r, "Lambda-Edge-GB-Second"));
        assertDecimal("9.125625", e.totalExact());
        assertTrue(r.lineItems().stream().noneMatch(LineItem::isFree), "Lambda@Edge has no free tier");
        assertEquals("global", r.region());
        assertTrue(e.warnings().isEmpty(), e.warnings().toString());
    }

    @Test
    void lambdaEdgeDoesNotTouchLambdasFreeTier() {
        LambdaFunction lambda = LambdaFunction.builder("fn").memoryMb(128).requestsPerMonth(1_000_000)
                .averageDurationMs(bd("100")).build();
        Estimate e = ESTIMATOR.estimate(List.of(edge("auth", EdgeEventType.ORIGIN_REQUEST, 1024, 1_000_000, "10"),
                lambda));
        assertDecimal("0", e.resource("fn").monthlyCostExact());
    }

    @Test
    void cloudFrontFunctionsFreeTierOnAndOff() {
        CloudFrontFunction f = CloudFrontFunction.builder("rewrite").eventType(EdgeEventType.VIEWER_REQUEST).invocationsPerMonth(10_000_000).build();
        Estimate on = ESTIMATOR.estimate(List.of(f));
        assertDecimal("0.8", on.totalExact()); // 8M beyond the 2M free × $0.10 per million
        assertDecimal("2000000", on.resource("rewrite").lineItems().get(0).quantity());
        assertTrue(on.resource("rewrite").lineItems().get(0).isFree());
        assertDecimal("1", ESTIMATOR.withoutFreeTier().estimate(List.of(f)).totalExact());
        // The paid line cites every source that gives the price: AWS's page (quoted), a CUR reference, Infracost.
        assertTrue(on.resource("rewrite").lineItems().get(1).provenance().sources().containsAll(java.util.List.of(
                "aws-cloudfront-payg", "vantage-cur-cloudfront", "infracost-golden-cloudfront")));
    }

    @Test
    void twoCloudFrontFunctionsShareTheFreeAllowance() {
        Estimate e = ESTIMATOR.estimate(List.of(
                CloudFrontFunction.builder("a").eventType(EdgeEventType.VIEWER_REQUEST).invocationsPerMonth(1_500_000).build(),
                CloudFrontFunction.builder("b").eventType(EdgeEventType.VIEWER_RESPONSE).invocationsPerMonth(1_500_000).build()));
        assertDecimal("0.1", e.totalExact()); // 3M − 2M free = 1M × $0.0000001
        assertDecimal("0", e.resource("a").monthlyCostExact());
        assertDecimal("0.1", e.resource("b").monthlyCostExact());
    }

    @Test
    void keyValueStoreReadsArePricedAfterTheirOwnAllowance() {
        CloudFrontFunction f = CloudFrontFunction.builder("kvs").eventType(EdgeEventType.VIEWER_REQUEST).invocationsPerMonth(1_000_000).build()
                .withKeyValueStoreReadsPerInvocation(3);
        ResourceEstimate r = ESTIMATOR.estimate(List.of(f)).resource("kvs");
        assertDecimal("0", cost(r, "Executions-CloudFrontFunctions"));
        assertDecimal("0.03", cost(r, "KeyValueStore-EdgeReads")); // 3M reads − 2M free = 1M × $0.03 per million
    }

    @Test
    void lambdaEdgeLimitsAreErrors() {
        InvalidWorkloadException e = assertThrows(InvalidWorkloadException.class, () -> ESTIMATOR.estimate(List.of(
                edge("big", EdgeEventType.ORIGIN_REQUEST, 10_241, 1, "30001"))));
        assertEquals(2, e.report().errors().size());
        assertTrue(e.getMessage().contains("memoryMb 10241 is outside what Lambda@Edge accepts: 128 to 10240 MB"),
                e.getMessage());
        assertTrue(e.getMessage().contains("maximum timeout of 30000 ms"), e.getMessage());
        assertThrows(InvalidWorkloadException.class, () -> ESTIMATOR.estimate(List.of(
                edge("small", EdgeEventType.VIEWER_REQUEST, 64, 1, "1"))));
        LambdaEdgeFunction java = edge("j", EdgeEventType.VIEWER_REQUEST, 128, 1, "1").withNeeds(new FunctionNeeds(
                Optional.of("java21"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(bd("51201")),
                Optional.empty()));
        ValidationReport report = EdgeLimits.validate(java, BOOK);
        assertEquals(List.of("lambda-edge.code-size", "lambda-edge.runtime"),
                report.errors().stream().map(v -> v.code()).toList());
    }

    @Test
    void viewerFunctionsAboveTheFormerLimitsGetAWarningNote() {
        LambdaEdgeFunction f = edge("v", EdgeEventType.VIEWER_RESPONSE, 1024, 1, "6000");
        ValidationReport report = EdgeLimits.validate(f, BOOK);
        assertEquals(1, report.violations().size());
        assertEquals(Severity.WARNING, report.violations().get(0).severity());
        ResourceEstimate r = ESTIMATOR.estimate(List.of(f)).resource("v");
        assertTrue(r.notes().get(0).startsWith("Warning: v: viewer-event Lambda@Edge functions were limited to 128 MB"),
                r.notes().toString());
        assertTrue(EdgeLimits.validate(edge("o", EdgeEventType.ORIGIN_RESPONSE, 1024, 1, "6000"), BOOK)
                .violations().isEmpty());
    }

    @Test
    void cloudFrontFunctionLimits() {
        ValidationReport r = EdgeLimits.validate(new CloudFrontFunction("o", EdgeEventType.ORIGIN_REQUEST, 1, 0,
                Optional.of(bd("11")), 128, BigDecimal.ONE), BOOK);
        assertEquals(List.of("cloudfront-function.event-type", "cloudfront-function.code-size"),
                r.errors().stream().map(v -> v.code()).toList());
        assertTrue(r.errors().get(0).message().contains("supported: viewer-request, viewer-response"));
        assertThrows(IllegalArgumentException.class, () -> CloudFrontFunction.builder("n").eventType(EdgeEventType.VIEWER_REQUEST).invocationsPerMonth(-1).build());
        assertThrows(IllegalArgumentException.class, () -> edge("n", EdgeEventType.VIEWER_REQUEST, 128, -1, "1"));
        assertEquals("eventType must be one of viewer-request, viewer-response, origin-request, origin-response, "
                + "was \"viewer\"", assertThrows(IllegalArgumentException.class, () -> EdgeEventType.parse("viewer"))
                .getMessage());
    }

    @org.junit.jupiter.api.Test
    void theBuilderTakesADurationAndPricesAwsExample() {
        // AWS's Lambda@Edge example: 10M requests of 50 ms at 128 MB: 6.00 + 3.125625.
        LambdaEdgeFunction fn = LambdaEdgeFunction.builder("rewrite").eventType(EdgeEventType.ORIGIN_REQUEST)
                .memoryMb(128).requestsPerMonth(10_000_000).averageDuration(java.time.Duration.ofMillis(50)).build();
        assertEquals(LambdaEdgeFunction.builder("rewrite").eventType(EdgeEventType.ORIGIN_REQUEST).memoryMb(128).requestsPerMonth(10_000_000).averageDurationMs(bd("50")).build(), fn);
        assertDecimal("9.125625", Estimator.of(io.github.computecost.pricing.PriceBook.bundled())
                .estimate(java.util.List.of(fn)).totalExact());
        assertThrows(IllegalArgumentException.class, () -> LambdaEdgeFunction.builder("x")
                .averageDuration(java.time.Duration.ofMillis(-1)));
        // One word for the monthly volume: a CloudFront Function's requests are its invocations.
        assertEquals(7, CloudFrontFunction.builder("f").eventType(EdgeEventType.VIEWER_REQUEST).invocationsPerMonth(1).build().withRequestsPerMonth(7)
                .invocationsPerMonth());
    }
}
