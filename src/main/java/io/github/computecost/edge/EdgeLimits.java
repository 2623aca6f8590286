package io.github.computecost.edge;

import io.github.computecost.internal.LimitChecks;
import io.github.computecost.limits.Severity;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.limits.Violation;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.ServicePrices;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

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
        ServicePrices sp = prices.service(EdgeMeter.LAMBDA_EDGE);
        List<Violation> out = new ArrayList<>();
        String name = fn.name();
        LimitChecks.oneOf(out, name, LAMBDA_EDGE, sp.requireAllowedValues("eventTypes"), "eventType",
                fn.eventType().awsName(), "lambda-edge.event-type");
        LimitChecks.range(out, name, LAMBDA_EDGE, sp.requireLimit("memoryMb"), "memoryMb",
                BigDecimal.valueOf(fn.memoryMb()), "lambda-edge.memory.range");
        LimitChecks.timeout(out, name, LAMBDA_EDGE, sp.requireLimit("timeoutSeconds"), fn.averageDurationMs(),
                "lambda-edge.duration.timeout");
        fn.needs().codeSizeKb().ifPresent(kb -> LimitChecks.atMost(out, name, sp.requireLimit("compressedCodeSizeKb"),
                "codeSizeKb", kb, "lambda-edge.code-size", Severity.ERROR, "codeSizeKb " + kb.toPlainString()
                        + " is above Lambda@Edge's maximum compressed size of "
                        + sp.requireLimit("compressedCodeSizeKb").max().orElseThrow().toPlainString() + " KB"));
        String responseLimit = fn.eventType().isViewer() ? "generatedResponseSizeKb.viewer"
                : "generatedResponseSizeKb.origin";
        fn.needs().generatedResponseKb().ifPresent(kb -> LimitChecks.atMost(out, name, sp.requireLimit(responseLimit),
                "generatedResponseKb", kb, "lambda-edge.response-size", Severity.ERROR, "a generated response of "
                        + kb.toPlainString() + " KB is above Lambda@Edge's "
                        + sp.requireLimit(responseLimit).max().orElseThrow().toPlainString() + " KB for "
                        + fn.eventType() + " events"));
        fn.needs().runtime().ifPresent(rt -> LimitChecks.prefix(out, name, LAMBDA_EDGE,
                sp.requireAllowedValues("runtimePrefixes"), "runtime", rt, "lambda-edge.runtime"));
        if (fn.eventType().isViewer()) {
            BigDecimal legacyMemory = sp.requireLimit("legacyViewerMemoryMb").max().orElseThrow();
            BigDecimal legacyTimeoutMs = sp.requireLimit("legacyViewerTimeoutSeconds").max().orElseThrow().movePointRight(3);
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
        ServicePrices sp = prices.service(EdgeMeter.CLOUDFRONT);
        List<Violation> out = new ArrayList<>();
        String name = fn.name();
        LimitChecks.oneOf(out, name, CLOUDFRONT_FUNCTIONS, sp.requireAllowedValues("eventTypes"), "eventType",
                fn.eventType().awsName(), "cloudfront-function.event-type");
        fn.codeSizeKb().ifPresent(kb -> LimitChecks.atMost(out, name, sp.requireLimit("functionSizeKb"), "codeSizeKb",
                kb, "cloudfront-function.code-size", Severity.ERROR, "codeSizeKb " + kb.toPlainString()
                        + " is above CloudFront Functions' maximum function size of "
                        + sp.requireLimit("functionSizeKb").max().orElseThrow().toPlainString()
                        + " KB (not adjustable; keep data in a KeyValueStore)"));
        LimitChecks.range(out, name, LAMBDA_EDGE, prices.service(EdgeMeter.LAMBDA_EDGE).requireLimit("memoryMb"),
                "lambdaEdgeMemoryMb", BigDecimal.valueOf(fn.lambdaEdgeMemoryMb()), "cloudfront-function.compare-memory");
        return new ValidationReport(out);
    }
}
