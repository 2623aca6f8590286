package io.github.computecost.edge;

import io.github.computecost.service.Resource;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A CloudFront Function and its monthly traffic.
 *
 * @param name unique name within an estimate
 * @param eventType viewer-request or viewer-response (checked by {@link EdgeLimits})
 * @param invocationsPerMonth invocations per month
 * @param keyValueStoreReadsPerInvocation CloudFront KeyValueStore reads per invocation, default 0
 * @param codeSizeKb the function's size in KB, if known
 * @param lambdaEdgeMemoryMb for comparisons only: the memory a Lambda@Edge equivalent would need (default 128)
 * @param lambdaEdgeDurationMs for comparisons only: the billed duration of a Lambda@Edge equivalent in ms
 *     (default 1, the smallest Lambda@Edge bills)
 */
public record CloudFrontFunction(String name, EdgeEventType eventType, long invocationsPerMonth,
        long keyValueStoreReadsPerInvocation, Optional<BigDecimal> codeSizeKb, int lambdaEdgeMemoryMb,
        BigDecimal lambdaEdgeDurationMs) implements Resource {

    /** Workload type name. */
    public static final String TYPE = "cloudfront-function";
    /** Default memory of the Lambda@Edge equivalent, in MB. */
    public static final int DEFAULT_LAMBDA_EDGE_MEMORY_MB = 128;
    /** Default billed duration of the Lambda@Edge equivalent, in ms. */
    public static final BigDecimal DEFAULT_LAMBDA_EDGE_DURATION_MS = BigDecimal.ONE;

    public CloudFrontFunction {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Objects.requireNonNull(eventType, "eventType");
        if (invocationsPerMonth < 0) {
            throw new IllegalArgumentException("invocationsPerMonth must not be negative: " + invocationsPerMonth);
        }
        if (keyValueStoreReadsPerInvocation < 0) {
            throw new IllegalArgumentException("keyValueStoreReadsPerInvocation must not be negative: "
                    + keyValueStoreReadsPerInvocation);
        }
        Objects.requireNonNull(codeSizeKb, "codeSizeKb");
        if (lambdaEdgeMemoryMb <= 0) {
            throw new IllegalArgumentException("lambdaEdgeMemoryMb must be positive: " + lambdaEdgeMemoryMb);
        }
        Objects.requireNonNull(lambdaEdgeDurationMs, "lambdaEdgeDurationMs");
        if (lambdaEdgeDurationMs.signum() < 0) {
            throw new IllegalArgumentException("lambdaEdgeDurationMs must not be negative: "
                    + lambdaEdgeDurationMs.toPlainString());
        }
    }

    /** @return a function with no KeyValueStore reads and default comparison assumptions */
    public static CloudFrontFunction of(String name, EdgeEventType eventType, long invocationsPerMonth) {
        return new CloudFrontFunction(name, eventType, invocationsPerMonth, 0, Optional.empty(),
                DEFAULT_LAMBDA_EDGE_MEMORY_MB, DEFAULT_LAMBDA_EDGE_DURATION_MS);
    }

    /**
     * @param requests invocations per month: the word every other resource uses for its monthly volume
     * @return this function with other traffic
     */
    public CloudFrontFunction withRequestsPerMonth(long requests) {
        return withInvocationsPerMonth(requests);
    }

    /** @return this function with other traffic ({@code invocationsPerMonth}, the word CloudFront bills by) */
    public CloudFrontFunction withInvocationsPerMonth(long invocations) {
        return new CloudFrontFunction(name, eventType, invocations, keyValueStoreReadsPerInvocation, codeSizeKb,
                lambdaEdgeMemoryMb, lambdaEdgeDurationMs);
    }

    /** @return this function with {@code reads} KeyValueStore reads per invocation */
    public CloudFrontFunction withKeyValueStoreReadsPerInvocation(long reads) {
        return new CloudFrontFunction(name, eventType, invocationsPerMonth, reads, codeSizeKb, lambdaEdgeMemoryMb,
                lambdaEdgeDurationMs);
    }
}
