package io.github.computecost.stepfunctions;

import io.github.computecost.pricing.Limit;
import io.github.computecost.pricing.TableBinder;
import io.github.computecost.pricing.TableSchema;
import java.math.BigDecimal;

/**
 * What Step Functions' checks and meter read from its table, each with its sources there: the quotas of the Step
 * Functions Developer Guide and the billing increments of the pricing page. Bound when the price book loads the
 * table.
 *
 * @param payloadKb the largest input or output of a state or execution, KiB (max)
 * @param historyEvents the events of one Standard execution's history (max)
 * @param expressDurationSeconds how long an Express execution may run, s (max)
 * @param memoryIncrementMb the chunk Express memory is billed in, MB
 * @param durationIncrementMs the step Express duration is rounded up to, ms
 */
public record StepFunctionsTables(Limit payloadKb, Limit historyEvents, Limit expressDurationSeconds,
        BigDecimal memoryIncrementMb, BigDecimal durationIncrementMs) {

    /** Step Functions' schema, bound on its table. */
    public static final TableSchema<StepFunctionsTables> SCHEMA = TableSchema.of(StepFunctionsService.TABLE,
            StepFunctionsTables::bind);

    private static StepFunctionsTables bind(TableBinder t) {
        return new StepFunctionsTables(t.limitWithMax("payloadKb"), t.limitWithMax("historyEvents"),
                t.limitWithMax("expressDurationSeconds"), t.positiveBillingRule("expressMemoryIncrementMb"),
                t.positiveBillingRule("expressDurationIncrementMs"));
    }
}
