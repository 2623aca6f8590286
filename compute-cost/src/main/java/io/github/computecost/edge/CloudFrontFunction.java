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

    /**
     * Checks the components.
     *
     * @param name unique name within an estimate
     * @param eventType viewer-request or viewer-response (checked by {@link EdgeLimits})
     * @param invocationsPerMonth invocations per month
     * @param keyValueStoreReadsPerInvocation CloudFront KeyValueStore reads per invocation, default 0
     * @param codeSizeKb the function's size in KB, if known
     * @param lambdaEdgeMemoryMb for comparisons only: the memory a Lambda@Edge equivalent would need (default 128)
     * @param lambdaEdgeDurationMs for comparisons only: the billed duration of a Lambda@Edge equivalent in ms (default
     *     1, the smallest Lambda@Edge bills)
     */
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

    /**
     * @param name unique name within an estimate
     * @param eventType viewer-request or viewer-response (checked by {@link EdgeLimits})
     * @param invocationsPerMonth invocations per month
     * @return a function with no KeyValueStore reads and default comparison assumptions
     * @deprecated positional arguments of one type are easy to swap: use {@code
     *     builder(name).eventType(e).invocationsPerMonth(n).build()}, the same defaults
     */
    @Deprecated
    public static CloudFrontFunction of(String name, EdgeEventType eventType, long invocationsPerMonth) {
        return builder(name).eventType(eventType).invocationsPerMonth(invocationsPerMonth).build();
    }

    /**
     * @param requests invocations per month: the word every other resource uses for its monthly volume
     * @return this function with other traffic
     */
    public CloudFrontFunction withRequestsPerMonth(long requests) {
        return withInvocationsPerMonth(requests);
    }

    /**
     * @param invocations invocations per month
     * @return this function with other traffic ({@code invocationsPerMonth}, the word CloudFront bills by)
     */
    public CloudFrontFunction withInvocationsPerMonth(long invocations) {
        return new CloudFrontFunction(name, eventType, invocations, keyValueStoreReadsPerInvocation, codeSizeKb,
                lambdaEdgeMemoryMb, lambdaEdgeDurationMs);
    }

    /**
     * @param reads KeyValueStore reads per invocation
     * @return this function with {@code reads} KeyValueStore reads per invocation
     */
    public CloudFrontFunction withKeyValueStoreReadsPerInvocation(long reads) {
        return new CloudFrontFunction(name, eventType, invocationsPerMonth, reads, codeSizeKb, lambdaEdgeMemoryMb,
                lambdaEdgeDurationMs);
    }

    /**
     * @param name the resource's name, unique within an estimate
     * @return a builder of functions: {@code eventType} required, the rest
     *     as the constants and {@code of(…)} default them
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds {@link CloudFrontFunction}s; the record checks the values when {@link #build} makes it. */
    public static final class Builder {
        private final String name;
        private EdgeEventType eventType;
        private long invocationsPerMonth = 0;
        private long keyValueStoreReadsPerInvocation = 0;
        private Optional<BigDecimal> codeSizeKb = Optional.empty();
        private int lambdaEdgeMemoryMb = DEFAULT_LAMBDA_EDGE_MEMORY_MB;
        private BigDecimal lambdaEdgeDurationMs = DEFAULT_LAMBDA_EDGE_DURATION_MS;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * @param eventType the CloudFront event it runs on (viewer request or response)
         * @return this builder
         */
        public Builder eventType(EdgeEventType eventType) {
            this.eventType = eventType;
            return this;
        }

        /**
         * @param invocationsPerMonth invocations in the month (default 0)
         * @return this builder
         */
        public Builder invocationsPerMonth(long invocationsPerMonth) {
            this.invocationsPerMonth = invocationsPerMonth;
            return this;
        }

        /**
         * @param keyValueStoreReadsPerInvocation KeyValueStore reads per invocation (default 0)
         * @return this builder
         */
        public Builder keyValueStoreReadsPerInvocation(long keyValueStoreReadsPerInvocation) {
            this.keyValueStoreReadsPerInvocation = keyValueStoreReadsPerInvocation;
            return this;
        }

        /**
         * @param codeSizeKb the function code's size in KB, for the 10 KB limit
         * @return this builder
         */
        public Builder codeSizeKb(BigDecimal codeSizeKb) {
            this.codeSizeKb = Optional.of(codeSizeKb);
            return this;
        }

        /**
         * @param lambdaEdgeMemoryMb the Lambda@Edge memory it is compared with, in MB
         * @return this builder
         */
        public Builder lambdaEdgeMemoryMb(int lambdaEdgeMemoryMb) {
            this.lambdaEdgeMemoryMb = lambdaEdgeMemoryMb;
            return this;
        }

        /**
         * @param lambdaEdgeDurationMs the Lambda@Edge duration it is compared with, in ms
         * @return this builder
         */
        public Builder lambdaEdgeDurationMs(BigDecimal lambdaEdgeDurationMs) {
            this.lambdaEdgeDurationMs = lambdaEdgeDurationMs;
            return this;
        }


        /**
         * @return the functions
         * @throws IllegalArgumentException if a value is out of range, or eventType was not given
         */
        public CloudFrontFunction build() {
            if (eventType == null) {
                throw new IllegalArgumentException(name + ": a CloudFront function needs an eventType");
            }
            return new CloudFrontFunction(name, eventType, invocationsPerMonth, keyValueStoreReadsPerInvocation,
                    codeSizeKb, lambdaEdgeMemoryMb, lambdaEdgeDurationMs);
        }
    }
}
