package io.github.computecost.stepfunctions;

import io.github.computecost.limits.Severity;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.limits.Violation;
import io.github.computecost.service.LimitChecks;
import io.github.computecost.service.MeteredResource;
import io.github.computecost.service.UsageRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Checks and meters state machines. Stateless and thread-safe. */
final class StepFunctionsMeter {

    /** Standard workflows: state transitions. */
    static final String TRANSITIONS = "StateTransition";
    /** Express workflows: executions started. */
    static final String REQUESTS = "StepFunctions-Request";
    /** Express workflows: duration × billed memory. */
    static final String DURATION = "StepFunctions-GB-Second";

    private static final BigDecimal MB_PER_GB = BigDecimal.valueOf(1024);
    private static final BigDecimal MS_PER_S = BigDecimal.valueOf(1000);

    private StepFunctionsMeter() {
    }

    static ValidationReport check(StateMachine m, StepFunctionsTables t) {
        List<Violation> out = new ArrayList<>();
        String name = m.name();
        m.payloadKb().ifPresent(kb -> LimitChecks.atMost(out, name, t.payloadKb(), "payloadKb", kb,
                "stepfunctions.payload", Severity.ERROR, "payloadKb " + kb.toPlainString() + " is larger than the "
                        + t.payloadKb().max().orElseThrow().toPlainString() + " KiB a state's or execution's input or "
                        + "output may be (a hard quota: the execution fails); pass larger data through Amazon S3"));
        if (m.workflowType() == StateMachine.WorkflowType.EXPRESS) {
            BigDecimal maxMs = t.expressDurationSeconds().max().orElseThrow().movePointRight(3);
            if (m.averageDurationMs().compareTo(maxMs) > 0) {
                out.add(new Violation("stepfunctions.express.duration", Severity.ERROR, name, "averageDurationMs",
                        m.averageDurationMs().toPlainString(), "at most " + maxMs.toPlainString() + " ms",
                        name + ": averageDurationMs " + m.averageDurationMs().toPlainString() + " is longer than the "
                                + t.expressDurationSeconds().max().get().toPlainString() + " s an Express workflow "
                                + "may run; use a Standard workflow"));
            }
        } else {
            m.historyEventsPerExecution().ifPresent(n -> LimitChecks.atMost(out, name, t.historyEvents(),
                    "historyEventsPerExecution", BigDecimal.valueOf(n), "stepfunctions.history", Severity.ERROR,
                    "historyEventsPerExecution " + n + " is more than the " + t.historyEvents().max().orElseThrow()
                            .toPlainString() + " events a Standard execution's history may hold (a hard quota: the "
                            + "execution fails); continue as a new execution"));
        }
        return new ValidationReport(out);
    }

    static MeteredResource meter(StateMachine m, StepFunctionsTables t, String region) {
        BigDecimal executions = BigDecimal.valueOf(m.executionsPerMonth());
        List<UsageRecord> usage = new ArrayList<>(2);
        List<String> notes = new ArrayList<>(2);
        if (m.workflowType() == StateMachine.WorkflowType.STANDARD) {
            usage.add(new UsageRecord(TRANSITIONS, m.monthlyTransitions(), true));
            notes.add(m.transitionsPerMonth().isPresent()
                    ? "Standard workflow: " + m.transitionsPerMonth().get().toPlainString() + " state transitions in "
                            + "the month, as given (AWS counts one for every state executed, retries included)."
                    : "Standard workflow: " + m.transitionsPerExecution().toPlainString() + " state transitions per "
                            + "execution (AWS counts one for every state executed, retries included).");
        } else {
            usage.add(new UsageRecord(REQUESTS, executions, false));
            usage.add(new UsageRecord(DURATION, gbSeconds(executions, m.averageDurationMs(), m.memoryMb(), t), false));
            notes.add("Express workflow: " + billedMs(m.averageDurationMs(), t).toPlainString() + " ms at "
                    + billedMb(m.memoryMb(), t).toPlainString() + " MB billed per execution (duration rounded up to "
                    + t.durationIncrementMs().toPlainString() + " ms, memory to " + t.memoryIncrementMb().toPlainString()
                    + " MB chunks); Express workflows have no free tier.");
        }
        return new MeteredResource(m.name(), StateMachine.TYPE, StepFunctionsService.TABLE, region, usage, notes);
    }

    /** @return the duration AWS bills an execution for: rounded up to the increment, in ms */
    static BigDecimal billedMs(BigDecimal durationMs, StepFunctionsTables t) {
        return roundUp(durationMs, t.durationIncrementMs());
    }

    /** @return the memory AWS bills an execution for: rounded up to whole chunks, at least one, in MB */
    static BigDecimal billedMb(BigDecimal memoryMb, StepFunctionsTables t) {
        return roundUp(memoryMb, t.memoryIncrementMb()).max(t.memoryIncrementMb());
    }

    /** GB-seconds of {@code executions} Express executions; exact (1 GB = 1,024 MB, as AWS's example divides). */
    static BigDecimal gbSeconds(BigDecimal executions, BigDecimal durationMs, BigDecimal memoryMb, StepFunctionsTables t) {
        return executions.multiply(billedMs(durationMs, t)).divide(MS_PER_S)
                .multiply(billedMb(memoryMb, t)).divide(MB_PER_GB);
    }

    private static BigDecimal roundUp(BigDecimal v, BigDecimal step) {
        return v.divide(step, 0, RoundingMode.CEILING).multiply(step);
    }
}
