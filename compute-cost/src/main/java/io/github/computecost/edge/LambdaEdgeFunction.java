package io.github.computecost.edge;

import io.github.computecost.service.Resource;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A Lambda@Edge function and its monthly traffic.
 *
 * @param name unique name within an estimate
 * @param eventType the CloudFront event it runs on
 * @param memoryMb configured memory in MB (GB-seconds = MB / 1024 × s)
 * @param requestsPerMonth invocations per month
 * @param averageDurationMs average billed duration of one invocation in ms (metered per 1 ms), fractions
 *     allowed
 * @param needs what the code needs, for the CloudFront Functions fit check
 */
public record LambdaEdgeFunction(String name, EdgeEventType eventType, int memoryMb, long requestsPerMonth,
        BigDecimal averageDurationMs, FunctionNeeds needs) implements Resource {

    /** Workload type name. */
    public static final String TYPE = "lambda-edge";

    /**
     * Checks the components.
     *
     * @param name unique name within an estimate
     * @param eventType the CloudFront event it runs on
     * @param memoryMb configured memory in MB (GB-seconds = MB / 1024 × s)
     * @param requestsPerMonth invocations per month
     * @param averageDurationMs average billed duration of one invocation in ms (metered per 1 ms), fractions allowed
     * @param needs what the code needs, for the CloudFront Functions fit check
     */
    public LambdaEdgeFunction {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Objects.requireNonNull(eventType, "eventType");
        if (memoryMb <= 0) {
            throw new IllegalArgumentException("memoryMb must be positive: " + memoryMb);
        }
        if (requestsPerMonth < 0) {
            throw new IllegalArgumentException("requestsPerMonth must not be negative: " + requestsPerMonth);
        }
        Objects.requireNonNull(averageDurationMs, "averageDurationMs");
        if (averageDurationMs.signum() < 0) {
            throw new IllegalArgumentException("durationMs must not be negative: " + averageDurationMs.toPlainString());
        }
        Objects.requireNonNull(needs, "needs");
    }

    /**
     * @param name unique name within an estimate
     * @param eventType the CloudFront event it runs on
     * @param memoryMb configured memory in MB (GB-seconds = MB / 1024 × s)
     * @param requestsPerMonth invocations per month
     * @param averageDurationMs average billed duration of one invocation in ms (metered per 1 ms), fractions allowed
     * @return a function with nothing known of its needs
     * @deprecated positional arguments of one type are easy to swap: use {@code
     *     builder(name).eventType(e).memoryMb(mb).requestsPerMonth(n).averageDurationMs(ms).build()}, the same defaults
     */
    @Deprecated
    public static LambdaEdgeFunction of(String name, EdgeEventType eventType, int memoryMb, long requestsPerMonth,
            BigDecimal averageDurationMs) {
        return builder(name).eventType(eventType).memoryMb(memoryMb).requestsPerMonth(requestsPerMonth)
                .averageDurationMs(averageDurationMs).build();
    }

    /**
     * @param name unique name within an estimate
     * @return a builder: viewer-request, 128 MB, no traffic, nothing known of the code's needs, unless set
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds a {@link LambdaEdgeFunction}; not thread-safe. */
    public static final class Builder {
        private final String name;
        private EdgeEventType eventType = EdgeEventType.VIEWER_REQUEST;
        private int memoryMb = 128;
        private long requestsPerMonth;
        private BigDecimal averageDurationMs = BigDecimal.ZERO;
        private FunctionNeeds needs = FunctionNeeds.UNKNOWN;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * @param event the CloudFront event it runs on
         * @return this builder
         */
        public Builder eventType(EdgeEventType event) {
            this.eventType = Objects.requireNonNull(event, "event");
            return this;
        }

        /**
         * @param mb configured memory in MB
         * @return this builder
         */
        public Builder memoryMb(int mb) {
            this.memoryMb = mb;
            return this;
        }

        /**
         * @param requests invocations per month
         * @return this builder
         */
        public Builder requestsPerMonth(long requests) {
            this.requestsPerMonth = requests;
            return this;
        }

        /**
         * @param ms average billed duration of one invocation in ms (metered per 1 ms), fractions allowed
         * @return this builder
         */
        public Builder averageDurationMs(BigDecimal ms) {
            this.averageDurationMs = Objects.requireNonNull(ms, "ms");
            return this;
        }

        /**
         * @param duration average billed duration of one invocation (nanosecond precision kept)
         * @return this builder
         */
        public Builder averageDuration(java.time.Duration duration) {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative()) {
                throw new IllegalArgumentException("averageDuration must not be negative: " + duration);
            }
            this.averageDurationMs = io.github.computecost.money.Amounts.exact(
                    io.github.computecost.compute.Calendar.millis(duration));
            return this;
        }

        /**
         * @param what what the code needs, for the CloudFront Functions fit check
         * @return this builder
         */
        public Builder needs(FunctionNeeds what) {
            this.needs = Objects.requireNonNull(what, "what");
            return this;
        }

        /** @return the function; the record's checks apply */
        public LambdaEdgeFunction build() {
            return new LambdaEdgeFunction(name, eventType, memoryMb, requestsPerMonth, averageDurationMs, needs);
        }
    }

    /**
     * @param requests invocations per month
     * @return this function with other traffic
     */
    public LambdaEdgeFunction withRequestsPerMonth(long requests) {
        return new LambdaEdgeFunction(name, eventType, memoryMb, requests, averageDurationMs, needs);
    }

    /**
     * @param newNeeds what the code needs, for the CloudFront Functions fit check
     * @return this function with what its code needs
     */
    public LambdaEdgeFunction withNeeds(FunctionNeeds newNeeds) {
        return new LambdaEdgeFunction(name, eventType, memoryMb, requestsPerMonth, averageDurationMs, newNeeds);
    }
}
