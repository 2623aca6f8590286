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

    /** @return a function with nothing known of its needs */
    public static LambdaEdgeFunction of(String name, EdgeEventType eventType, int memoryMb, long requestsPerMonth,
            BigDecimal averageDurationMs) {
        return new LambdaEdgeFunction(name, eventType, memoryMb, requestsPerMonth, averageDurationMs,
                FunctionNeeds.UNKNOWN);
    }

    /** @return this function with other traffic */
    public LambdaEdgeFunction withRequestsPerMonth(long requests) {
        return new LambdaEdgeFunction(name, eventType, memoryMb, requests, averageDurationMs, needs);
    }

    /** @return this function with what its code needs */
    public LambdaEdgeFunction withNeeds(FunctionNeeds newNeeds) {
        return new LambdaEdgeFunction(name, eventType, memoryMb, requestsPerMonth, averageDurationMs, newNeeds);
    }
}
