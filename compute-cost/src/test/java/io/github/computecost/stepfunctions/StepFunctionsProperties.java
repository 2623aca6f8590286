package io.github.computecost.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.estimate.LineItem;
import io.github.computecost.estimate.ResourceEstimate;
import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** Invariants of Step Functions pricing that any correct implementation keeps. */
class StepFunctionsProperties {

    static final Estimator FREE = Estimator.of(PriceBook.bundled());
    static final Estimator NO_FREE = FREE.withoutFreeTier();

    @Provide
    Arbitrary<StateMachine> machines() {
        Arbitrary<Long> executions = Arbitraries.longs().between(0, 2_000_000_000L).edgeCases(c -> c.add(4_000L, 3_999L));
        Arbitrary<StateMachine> standard = Combinators.combine(executions, Arbitraries.longs().between(0, 200),
                Arbitraries.of("us-east-1", "us-west-1", "eu-west-3", "sa-east-1"))
                .as((n, t, r) -> StateMachine.builder("m").executionsPerMonth(n).transitionsPerExecution(java.math.BigDecimal.valueOf(t)).build().withRegion(r));
        Arbitrary<StateMachine> express = Combinators.combine(executions,
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("300000")).ofScale(1),
                Arbitraries.bigDecimals().between(new BigDecimal("0.1"), new BigDecimal("4096")).ofScale(2))
                .as((n, d, m) -> StateMachine.builder("m").workflowType(StateMachine.WorkflowType.EXPRESS).executionsPerMonth(n).averageDurationMs(d).memoryMb(m).build());
        return Arbitraries.oneOf(standard, express);
    }

    @Provide
    Arbitrary<List<StateMachine>> workloads() {
        return machines().list().ofMinSize(1).ofMaxSize(5).map(ms -> {
            List<StateMachine> out = new ArrayList<>();
            for (int i = 0; i < ms.size(); i++) {
                StateMachine m = ms.get(i);
                out.add(new StateMachine("m" + i, m.region(), m.workflowType(), m.executionsPerMonth(),
                        m.transitionsPerExecution(), m.averageDurationMs(), m.memoryMb(), Optional.empty(),
                        Optional.empty()));
            }
            return out;
        });
    }

    @Property(tries = 200)
    void aMonthsTotalOfTransitionsCostsWhatTheSameTransitionsPerExecutionDo(
            @ForAll @LongRange(min = 0, max = 2_000_000_000L) long executions,
            @ForAll @LongRange(min = 0, max = 200) long perExecution) {
        StateMachine each = StateMachine.builder("m").executionsPerMonth(executions).transitionsPerExecution(java.math.BigDecimal.valueOf(perExecution)).build();
        StateMachine total = new StateMachine("m", Optional.empty(), StateMachine.WorkflowType.STANDARD, executions,
                BigDecimal.ZERO, BigDecimal.ZERO, StateMachine.DEFAULT_MEMORY_MB, Optional.empty(), Optional.empty(),
                Optional.of(BigDecimal.valueOf(executions).multiply(BigDecimal.valueOf(perExecution))));
        assertEquals(each.monthlyTransitions(), total.monthlyTransitions());
        for (Estimator e : List.of(FREE, NO_FREE)) {
            assertEquals(e.estimate(List.of(each)).totalExact(), e.estimate(List.of(total)).totalExact());
        }
    }

    @Property(tries = 300)
    void moreExecutionsNeverCostLess(@ForAll("machines") StateMachine m, @ForAll @LongRange(min = 0, max = 1_000_000) long more) {
        BigDecimal base = FREE.estimate(List.of(m)).totalExact();
        BigDecimal bigger = FREE.estimate(List.of(m.withExecutionsPerMonth(m.executionsPerMonth() + more))).totalExact();
        assertTrue(bigger.compareTo(base) >= 0, () -> bigger + " < " + base);
    }

    @Property(tries = 300)
    void theFreeTierNeverGoesBelowZeroNorAboveItsAllowance(@ForAll("workloads") List<StateMachine> ms) {
        Estimate free = FREE.estimate(ms);
        Estimate paid = NO_FREE.estimate(ms);
        assertTrue(free.totalExact().signum() >= 0);
        BigDecimal saved = paid.totalExact().subtract(free.totalExact());
        assertTrue(saved.signum() >= 0, "the free tier never adds cost");
        // At most 4,000 transitions free, at the dearest transition price bundled (São Paulo's).
        assertTrue(saved.compareTo(new BigDecimal("4000").multiply(new BigDecimal("0.0000375"))) <= 0, saved::toPlainString);
        BigDecimal freeQuantity = BigDecimal.ZERO;
        for (ResourceEstimate r : free.resources()) {
            for (LineItem li : r.lineItems()) {
                assertTrue(li.cost().signum() >= 0);
                if (li.unitPrice().signum() == 0) {
                    freeQuantity = freeQuantity.add(li.quantity());
                }
            }
        }
        assertTrue(freeQuantity.compareTo(new BigDecimal("4000")) <= 0, freeQuantity::toPlainString);
    }

    @Property(tries = 300)
    void moneyIsConservedAcrossResources(@ForAll("workloads") List<StateMachine> ms) {
        Estimate e = FREE.estimate(ms);
        BigDecimal sum = BigDecimal.ZERO;
        for (ResourceEstimate r : e.resources()) {
            BigDecimal lines = r.lineItems().stream().map(LineItem::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, lines.compareTo(r.monthlyCostExact()));
            sum = sum.add(r.monthlyCostExact());
        }
        assertEquals(0, sum.compareTo(e.totalExact()));
        // Without the free tier, Standard machines cost what each costs alone; Express duration tiers apply to the
        // account's aggregate GB-seconds, so together they never cost more than apart.
        BigDecimal alone = BigDecimal.ZERO;
        for (StateMachine m : ms) {
            alone = alone.add(NO_FREE.estimate(List.of(m)).totalExact());
        }
        BigDecimal together = NO_FREE.estimate(ms).totalExact();
        if (ms.stream().allMatch(m -> m.workflowType() == StateMachine.WorkflowType.STANDARD)) {
            assertEquals(0, alone.compareTo(together));
        } else {
            assertTrue(together.compareTo(alone) <= 0, together + " > " + alone);
        }
    }
}
