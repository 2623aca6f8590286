package io.github.computecost.stepfunctions;

import io.github.computecost.service.Resource;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A Step Functions state machine and its month of executions.
 *
 * @param name unique name within an estimate
 * @param region region code, or empty for the estimator's region
 * @param workflowType {@link WorkflowType#STANDARD} or {@link WorkflowType#EXPRESS}
 * @param executionsPerMonth executions started per month
 * @param transitionsPerExecution state transitions per Standard execution, retries included (ignored for Express)
 * @param averageDurationMs average Express execution duration, in ms (billed rounded up to 100 ms; ignored for
 *     Standard)
 * @param memoryMb the memory an Express execution uses, in MB (1 MB = 1,024 KB; billed in 64 MB chunks)
 * @param payloadKb the largest input or output of a state or execution, in KiB, if known (checked against the
 *     256 KiB quota)
 * @param historyEventsPerExecution events in a Standard execution's history, if known (checked against the quota)
 * @param transitionsPerMonth a Standard workflow's state transitions in the month, all executions together, when
 *     given as a total (as a bill or a usage file counts them); it is then what is billed, in place of
 *     {@code executionsPerMonth} times {@code transitionsPerExecution}
 */
public record StateMachine(String name, Optional<String> region, WorkflowType workflowType, long executionsPerMonth,
        BigDecimal transitionsPerExecution, BigDecimal averageDurationMs, BigDecimal memoryMb,
        Optional<BigDecimal> payloadKb, Optional<Long> historyEventsPerExecution,
        Optional<BigDecimal> transitionsPerMonth) implements Resource {

    /**
     * A state machine whose transitions are counted per execution.
     *
     * @param name unique name within an estimate
     * @param region region code, or empty for the estimator's region
     * @param workflowType {@link WorkflowType#STANDARD} or {@link WorkflowType#EXPRESS}
     * @param executionsPerMonth executions started per month
     * @param transitionsPerExecution state transitions per Standard execution, retries included (ignored for Express)
     * @param averageDurationMs average Express execution duration, in ms (billed rounded up to 100 ms; ignored for
     *     Standard)
     * @param memoryMb the memory an Express execution uses, in MB (1 MB = 1,024 KB; billed in 64 MB chunks)
     * @param payloadKb the largest input or output of a state or execution, in KiB, if known (checked against the 256
     *     KiB quota)
     * @param historyEventsPerExecution events in a Standard execution's history, if known (checked against the quota)
     */
    public StateMachine(String name, Optional<String> region, WorkflowType workflowType, long executionsPerMonth,
            BigDecimal transitionsPerExecution, BigDecimal averageDurationMs, BigDecimal memoryMb,
            Optional<BigDecimal> payloadKb, Optional<Long> historyEventsPerExecution) {
        this(name, region, workflowType, executionsPerMonth, transitionsPerExecution, averageDurationMs, memoryMb,
                payloadKb, historyEventsPerExecution, Optional.empty());
    }

    /** Workload type name. */
    public static final String TYPE = "step-functions";

    /** The memory an Express execution is billed for when the workload gives none: one 64 MB chunk. */
    public static final BigDecimal DEFAULT_MEMORY_MB = BigDecimal.valueOf(64);

    /** The two workflow types, which AWS prices differently. */
    public enum WorkflowType {
        /** Priced per state transition. */
        STANDARD,
        /** Priced per request and GB-second. */
        EXPRESS;

        /** @return {@code "STANDARD"} or {@code "EXPRESS"}, as CloudFormation writes it */
        public String awsName() {
            return name();
        }

        /**
         * @param s {@code standard} or {@code express}, in any case
         * @return the workflow type
         * @throws IllegalArgumentException naming the allowed values
         */
        public static WorkflowType parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("must be STANDARD or EXPRESS, was \"" + s + "\"");
            }
        }
    }

    /**
     * Checks the components.
     *
     * @param name unique name within an estimate
     * @param region region code, or empty for the estimator's region
     * @param workflowType {@link WorkflowType#STANDARD} or {@link WorkflowType#EXPRESS}
     * @param executionsPerMonth executions started per month
     * @param transitionsPerExecution state transitions per Standard execution, retries included (ignored for Express)
     * @param averageDurationMs average Express execution duration, in ms (billed rounded up to 100 ms; ignored for
     *     Standard)
     * @param memoryMb the memory an Express execution uses, in MB (1 MB = 1,024 KB; billed in 64 MB chunks)
     * @param payloadKb the largest input or output of a state or execution, in KiB, if known (checked against the 256
     *     KiB quota)
     * @param historyEventsPerExecution events in a Standard execution's history, if known (checked against the quota)
     * @param transitionsPerMonth a Standard workflow's state transitions in the month, all executions together, when
     *     given as a total (as a bill or a usage file counts them); it is then what is billed, in place of {@code
     *     executionsPerMonth} times {@code transitionsPerExecution}
     */
    public StateMachine {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(workflowType, "workflowType");
        if (executionsPerMonth < 0) {
            throw new IllegalArgumentException("executionsPerMonth must not be negative: " + executionsPerMonth);
        }
        requireNonNegative(transitionsPerExecution, "transitionsPerExecution");
        requireNonNegative(averageDurationMs, "averageDurationMs");
        Objects.requireNonNull(memoryMb, "memoryMb");
        if (memoryMb.signum() <= 0) {
            throw new IllegalArgumentException("memoryMb must be more than 0: " + memoryMb.toPlainString());
        }
        Objects.requireNonNull(payloadKb, "payloadKb");
        payloadKb.ifPresent(p -> requireNonNegative(p, "payloadKb"));
        Objects.requireNonNull(historyEventsPerExecution, "historyEventsPerExecution");
        Objects.requireNonNull(transitionsPerMonth, "transitionsPerMonth");
        transitionsPerMonth.ifPresent(t -> requireNonNegative(t, "transitionsPerMonth"));
    }

    /**
     * @return the state transitions a Standard workflow is billed for in the month: {@code transitionsPerMonth} when
     *     given, else {@code executionsPerMonth} times {@code transitionsPerExecution}; exact
     */
    public BigDecimal monthlyTransitions() {
        return transitionsPerMonth.orElseGet(() -> BigDecimal.valueOf(executionsPerMonth)
                .multiply(transitionsPerExecution));
    }

    private static void requireNonNegative(BigDecimal v, String field) {
        Objects.requireNonNull(v, field);
        if (v.signum() < 0) {
            throw new IllegalArgumentException(field + " must not be negative: " + v.toPlainString());
        }
    }

    /**
     * @param name unique name within an estimate
     * @param executionsPerMonth executions started per month
     * @param transitions state transitions per Standard execution, retries included (ignored for Express)
     * @return a Standard workflow of {@code transitions} state transitions per execution
     * @deprecated positional arguments of one type are easy to swap: use {@code
     *     builder(name).executionsPerMonth(n).transitionsPerExecution(t).build()}, the same defaults
     */
    @Deprecated
    public static StateMachine standard(String name, long executionsPerMonth, long transitions) {
        return builder(name).executionsPerMonth(executionsPerMonth)
                .transitionsPerExecution(BigDecimal.valueOf(transitions)).build();
    }

    /**
     * @param name unique name within an estimate
     * @param executionsPerMonth executions started per month
     * @param durationMs average Express execution duration, in ms (billed rounded up to 100 ms; ignored for Standard)
     * @param memoryMb the memory an Express execution uses, in MB (1 MB = 1,024 KB; billed in 64 MB chunks)
     * @return an Express workflow of executions lasting {@code durationMs} on average, using {@code memoryMb}
     * @deprecated positional arguments of one type are easy to swap: use {@code
     *     builder(name).workflowType(WorkflowType.EXPRESS).executionsPerMonth(n).averageDurationMs(ms).memoryMb(mb).build()},
     *     the same defaults
     */
    @Deprecated
    public static StateMachine express(String name, long executionsPerMonth, BigDecimal durationMs, BigDecimal memoryMb) {
        return builder(name).workflowType(WorkflowType.EXPRESS).executionsPerMonth(executionsPerMonth)
                .averageDurationMs(durationMs).memoryMb(memoryMb).build();
    }

    /**
     * @param region a region code such as {@code "eu-west-1"}
     * @return this state machine in {@code region} (a region code such as {@code "eu-west-1"})
     */
    public StateMachine withRegion(String region) {
        return new StateMachine(name, Optional.of(region), workflowType, executionsPerMonth, transitionsPerExecution,
                averageDurationMs, memoryMb, payloadKb, historyEventsPerExecution, transitionsPerMonth);
    }

    /**
     * @param n executions started per month
     * @return this state machine with {@code n} executions a month
     */
    public StateMachine withExecutionsPerMonth(long n) {
        return new StateMachine(name, region, workflowType, n, transitionsPerExecution, averageDurationMs, memoryMb,
                payloadKb, historyEventsPerExecution, transitionsPerMonth);
    }

    /**
     * @param kb the largest input or output of a state or execution, in KiB, if known (checked against the 256 KiB
     *     quota)
     * @return this state machine with its largest payload, in KiB
     */
    public StateMachine withPayloadKb(BigDecimal kb) {
        return new StateMachine(name, region, workflowType, executionsPerMonth, transitionsPerExecution,
                averageDurationMs, memoryMb, Optional.of(kb), historyEventsPerExecution, transitionsPerMonth);
    }

    /**
     * @param events events in a Standard execution's history, if known (checked against the quota)
     * @return this state machine with {@code events} history events per execution
     */
    public StateMachine withHistoryEventsPerExecution(long events) {
        return new StateMachine(name, region, workflowType, executionsPerMonth, transitionsPerExecution,
                averageDurationMs, memoryMb, payloadKb, Optional.of(events), transitionsPerMonth);
    }

    /**
     * @param name the resource's name, unique within an estimate
     * @return a builder of state machines: nothing required, the rest
     *     as the constants and {@code of(…)} default them
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds {@link StateMachine}s; the record checks the values when {@link #build} makes it. */
    public static final class Builder {
        private final String name;
        private Optional<String> region = Optional.empty();
        private WorkflowType workflowType = WorkflowType.STANDARD;
        private long executionsPerMonth = 0;
        private BigDecimal transitionsPerExecution = BigDecimal.ZERO;
        private BigDecimal averageDuration = BigDecimal.ZERO;
        private BigDecimal memoryMb = DEFAULT_MEMORY_MB;
        private Optional<BigDecimal> payloadKb = Optional.empty();
        private Optional<Long> historyEventsPerExecution = Optional.empty();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * @param region the region code; default the workload's
         * @return this builder
         */
        public Builder region(String region) {
            this.region = Optional.of(region);
            return this;
        }

        /**
         * @param workflowType standard (default) or express
         * @return this builder
         */
        public Builder workflowType(WorkflowType workflowType) {
            this.workflowType = workflowType;
            return this;
        }

        /**
         * @param executionsPerMonth executions in the month (default 0)
         * @return this builder
         */
        public Builder executionsPerMonth(long executionsPerMonth) {
            this.executionsPerMonth = executionsPerMonth;
            return this;
        }

        /**
         * @param transitionsPerExecution state transitions per execution, for standard workflows (default 0)
         * @return this builder
         */
        public Builder transitionsPerExecution(BigDecimal transitionsPerExecution) {
            this.transitionsPerExecution = transitionsPerExecution;
            return this;
        }

        /**
         * @param averageDuration how long each execution runs, for express workflows (billed per 100 ms)
         * @return this builder
         */
        public Builder averageDuration(java.time.Duration averageDuration) {
            this.averageDuration = io.github.computecost.money.Amounts.exact(
                    io.github.computecost.compute.Calendar.millis(averageDuration));
            return this;
        }

        /**
         * @param averageDurationMs how long each execution runs on average, in ms, for express workflows (billed
         *     per 100 ms)
         * @return this builder
         */
        public Builder averageDurationMs(BigDecimal averageDurationMs) {
            this.averageDuration = averageDurationMs;
            return this;
        }

        /**
         * @param memoryMb the memory an express execution is billed for, in MB (default 64)
         * @return this builder
         */
        public Builder memoryMb(BigDecimal memoryMb) {
            this.memoryMb = memoryMb;
            return this;
        }

        /**
         * @param payloadKb each execution's payload in KB, for the limit
         * @return this builder
         */
        public Builder payloadKb(BigDecimal payloadKb) {
            this.payloadKb = Optional.of(payloadKb);
            return this;
        }

        /**
         * @param historyEventsPerExecution history events per execution, for the limit
         * @return this builder
         */
        public Builder historyEventsPerExecution(long historyEventsPerExecution) {
            this.historyEventsPerExecution = Optional.of(historyEventsPerExecution);
            return this;
        }


        /**
         * @return the state machines
         * @throws IllegalArgumentException if a value is out of range
         */
        public StateMachine build() {
            return new StateMachine(name, region, workflowType, executionsPerMonth, transitionsPerExecution, averageDuration,
                    memoryMb, payloadKb, historyEventsPerExecution, Optional.empty());
        }
    }
}
