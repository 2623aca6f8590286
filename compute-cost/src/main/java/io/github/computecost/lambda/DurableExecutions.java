package io.github.computecost.lambda;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A durable function's executions in a month, as AWS bills them on top of the function's requests and duration
 * (https://aws.amazon.com/lambda/pricing/, "Lambda Durable Functions Pricing"): the durable operations, the data
 * they write, and that data kept while the execution runs and for the retention period after it completes.
 *
 * <p>The requests and duration of the invocations and replays are the function's own ({@code requestsPerMonth},
 * {@code durationMs}): an execution that waits once is two invocations.
 *
 * @param executionsPerMonth durable executions started in the month, at least 0
 * @param operationsPerExecution durable operations per execution, at least 1: the start of the execution, each step,
 *     each wait, each callback (AWS's example: 1 start + 2 steps + 1 wait = 4)
 * @param dataWrittenKbPerExecution data the operations write per execution, KB (AWS's example: an 8 KB invocation
 *     payload and three 32 KB results, 104 KB; AWS turns KB into GB by 1,000,000, as its example does)
 * @param runningDays days an execution's data is kept while it runs (AWS's example: a 7-day wait), at least 0
 * @param retentionDays days it is kept after the execution completes, 1 to 90, AWS's default 14
 */
public record DurableExecutions(long executionsPerMonth, long operationsPerExecution,
        BigDecimal dataWrittenKbPerExecution, BigDecimal runningDays, BigDecimal retentionDays) {

    /** AWS's default retention after completion, days. */
    public static final BigDecimal DEFAULT_RETENTION_DAYS = BigDecimal.valueOf(14);

    /**
     * Checks the components.
     *
     * @param executionsPerMonth durable executions started in the month, at least 0
     * @param operationsPerExecution durable operations per execution, at least 1: the start of the execution, each
     *     step, each wait, each callback (AWS's example: 1 start + 2 steps + 1 wait = 4)
     * @param dataWrittenKbPerExecution data the operations write per execution, KB (AWS's example: an 8 KB invocation
     *     payload and three 32 KB results, 104 KB; AWS turns KB into GB by 1,000,000, as its example does)
     * @param runningDays days an execution's data is kept while it runs (AWS's example: a 7-day wait), at least 0
     * @param retentionDays days it is kept after the execution completes, 1 to 90, AWS's default 14
     */
    public DurableExecutions {
        Objects.requireNonNull(dataWrittenKbPerExecution, "dataWrittenKbPerExecution");
        Objects.requireNonNull(runningDays, "runningDays");
        Objects.requireNonNull(retentionDays, "retentionDays");
        if (executionsPerMonth < 0) {
            throw new IllegalArgumentException("durable.executionsPerMonth must not be negative: " + executionsPerMonth);
        }
        if (operationsPerExecution < 1) {
            throw new IllegalArgumentException("durable.operationsPerExecution must be at least 1 (the start): "
                    + operationsPerExecution);
        }
        if (dataWrittenKbPerExecution.signum() < 0 || runningDays.signum() < 0 || retentionDays.signum() < 0) {
            throw new IllegalArgumentException("durable data and days must not be negative");
        }
    }
}
