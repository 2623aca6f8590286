package io.github.computecost.edge;

import io.github.computecost.service.LimitChecks;
import io.github.computecost.limits.Severity;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.limits.Violation;
import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks edge functions against the limits AWS documents, read from the price book.
 *
 * <p>Lambda@Edge: AWS's current quotas page gives one memory range (as Lambda: 128 to 10,240 MB), a 30 s
 * timeout and a 50 MB package for every event type. Until about 2023 it limited viewer-event functions to
 * 128 MB, 5 s and 1 MB; a viewer-event function above those figures gets a warning, not an error.
 * Stateless and thread-safe.
 */
public final class EdgeLimits {

    private static final String LAMBDA_EDGE = "Lambda@Edge";
    private static final String CLOUDFRONT_FUNCTIONS = "CloudFront Functions";

    private EdgeLimits() {
    }

    /**
     * @param fn a Lambda@Edge function
     * @param prices the price book whose Lambda@Edge limits apply
     * @return every violation found
     */
    public static ValidationReport validate(LambdaEdgeFunction fn, PriceBook prices) {
        return check(fn, prices.tables(EdgeTables.LambdaEdge.SCHEMA));
    }

    static ValidationReport check(LambdaEdgeFunction fn, EdgeTables.LambdaEdge t) {
        List<Violation> out = new ArrayList<>();
        String name = fn.name();
        LimitChecks.oneOf(out, name, LAMBDA_EDGE, t.eventTypes(), "eventType", fn.eventType().awsName(),
                "lambda-edge.event-type");
        LimitChecks.range(out, name, LAMBDA_EDGE, t.memoryMb(), "memoryMb", BigDecimal.valueOf(fn.memoryMb()),
                "lambda-edge.memory.range");
        LimitChecks.timeout(out, name, LAMBDA_EDGE, t.timeoutSeconds(), fn.averageDurationMs(),
                "lambda-edge.duration.timeout");
        fn.needs().codeSizeKb().ifPresent(kb -> LimitChecks.atMost(out, name, t.compressedCodeSizeKb(), "codeSizeKb",
                kb, "lambda-edge.code-size", Severity.ERROR, "codeSizeKb " + kb.toPlainString()
                        + " is above Lambda@Edge's maximum compressed size of "
                        + t.compressedCodeSizeKb().max().orElseThrow().toPlainString() + " KB"));
        var response = fn.eventType().isViewer() ? t.generatedResponseKbViewer() : t.generatedResponseKbOrigin();
        fn.needs().generatedResponseKb().ifPresent(kb -> LimitChecks.atMost(out, name, response, "generatedResponseKb",
                kb, "lambda-edge.response-size", Severity.ERROR, "a generated response of " + kb.toPlainString()
                        + " KB is above Lambda@Edge's " + response.max().orElseThrow().toPlainString() + " KB for "
                        + fn.eventType() + " events"));
        fn.needs().runtime().ifPresent(rt -> LimitChecks.prefix(out, name, LAMBDA_EDGE, t.runtimePrefixes(), "runtime",
                rt, "lambda-edge.runtime"));
        if (fn.eventType().isViewer()) {
            BigDecimal legacyMemory = t.legacyViewerMemoryMb().max().orElseThrow();
            BigDecimal legacyTimeoutMs = t.legacyViewerTimeoutSeconds().max().orElseThrow().movePointRight(3);
            if (BigDecimal.valueOf(fn.memoryMb()).compareTo(legacyMemory) > 0
                    || fn.averageDurationMs().compareTo(legacyTimeoutMs) > 0) {
                out.add(new Violation("lambda-edge.viewer.legacy-limits", Severity.WARNING, name, "memoryMb",
                        fn.memoryMb() + " MB, " + fn.averageDurationMs().toPlainString() + " ms",
                        legacyMemory.toPlainString() + " MB, " + legacyTimeoutMs.toPlainString() + " ms (former)",
                        name + ": viewer-event Lambda@Edge functions were limited to " + legacyMemory.toPlainString()
                                + " MB and " + legacyTimeoutMs.toPlainString() + " ms until about 2023; AWS's "
                                + "current quotas page no longer says so, but check before you deploy"));
            }
        }
        return new ValidationReport(out);
    }

    /**
     * @param fn a CloudFront Function
     * @param prices the price book whose CloudFront Functions and Lambda@Edge limits apply
     * @return every violation found
     */
    public static ValidationReport validate(CloudFrontFunction fn, PriceBook prices) {
        return check(fn, prices.tables(EdgeTables.CloudFront.SCHEMA), prices.has(LambdaEdgeService.TABLE)
                ? Optional.of(prices.tables(EdgeTables.LambdaEdge.SCHEMA)) : Optional.empty());
    }

    /** @param lambdaEdge Lambda@Edge's limits, for the memory of the comparison's equivalent, where the book has them */
    static ValidationReport check(CloudFrontFunction fn, EdgeTables.CloudFront t, Optional<EdgeTables.LambdaEdge> lambdaEdge) {
        List<Violation> out = new ArrayList<>();
        String name = fn.name();
        LimitChecks.oneOf(out, name, CLOUDFRONT_FUNCTIONS, t.eventTypes(), "eventType", fn.eventType().awsName(),
                "cloudfront-function.event-type");
        fn.codeSizeKb().ifPresent(kb -> LimitChecks.atMost(out, name, t.functionSizeKb(), "codeSizeKb", kb,
                "cloudfront-function.code-size", Severity.ERROR, "codeSizeKb " + kb.toPlainString()
                        + " is above CloudFront Functions' maximum function size of "
                        + t.functionSizeKb().max().orElseThrow().toPlainString()
                        + " KB (not adjustable; keep data in a KeyValueStore)"));
        lambdaEdge.ifPresent(le -> LimitChecks.range(out, name, LAMBDA_EDGE, le.memoryMb(), "lambdaEdgeMemoryMb",
                BigDecimal.valueOf(fn.lambdaEdgeMemoryMb()), "cloudfront-function.compare-memory"));
        return new ValidationReport(out);
    }
}
