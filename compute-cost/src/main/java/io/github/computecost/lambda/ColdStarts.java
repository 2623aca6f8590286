package io.github.computecost.lambda;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A function's cold starts in a month and the length of their INIT phase, which AWS bills as duration since
 * 1 August 2025 for every on-demand function (before, the INIT phase of .zip functions on managed runtimes was not
 * billed; see https://aws.amazon.com/blogs/compute/aws-lambda-standardizes-billing-for-init-phase/).
 *
 * @param perMonth execution environments created in the month (CloudWatch's {@code Init Duration} lines), at least 0
 * @param initDurationMs average INIT phase of one cold start, ms, at least 0, fractions allowed; priced at the
 *     function's duration rate and memory, on top of {@link LambdaFunction#averageDurationMs()}
 */
public record ColdStarts(long perMonth, BigDecimal initDurationMs) {

    /**
     * Checks the components.
     *
     * @param perMonth execution environments created in the month (CloudWatch's {@code Init Duration} lines), at least
     *     0
     * @param initDurationMs average INIT phase of one cold start, ms, at least 0, fractions allowed; priced at the
     *     function's duration rate and memory, on top of {@link LambdaFunction#averageDurationMs()}
     */
    public ColdStarts {
        Objects.requireNonNull(initDurationMs, "initDurationMs");
        if (perMonth < 0) {
            throw new IllegalArgumentException("coldStarts.perMonth must not be negative: " + perMonth);
        }
        if (initDurationMs.signum() < 0) {
            throw new IllegalArgumentException("coldStarts.initDurationMs must not be negative: "
                    + initDurationMs.toPlainString());
        }
    }
}
