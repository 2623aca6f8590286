package io.github.computecost.stepfunctions;

import static io.github.computecost.Decimals.assertDecimal;
import static io.github.computecost.Decimals.bd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.estimate.Assessment;
import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.estimate.ResourceEstimate;
import io.github.computecost.limits.Violation;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.PriceUnavailableException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StepFunctionsPricingTest {

    static final Estimator ESTIMATOR = Estimator.of(PriceBook.bundled());

    static ResourceEstimate price(StateMachine m) {
        return ESTIMATOR.estimate(List.of(m)).resource(m.name());
    }

    @Test
    void awsExpressExampleToTheCent() {
        // AWS's pricing page: a workflow using 50 MB + 50 KB + 32 KB x 400 map steps = 62.85 MB is billed for
        // 64 MB; 100 million executions of 10 seconds = 62,500,000 GB-s; requests $100.00.
        BigDecimal memory = bd("50").add(bd("50").add(bd("32").multiply(bd("400"))).divide(bd("1000")));
        assertDecimal("62.85", memory);
        ResourceEstimate r = price(StateMachine.builder("ingest").workflowType(StateMachine.WorkflowType.EXPRESS).executionsPerMonth(100_000_000L).averageDurationMs(bd("10000")).memoryMb(memory).build());
        assertDecimal("100", r.lineItems().get(0).cost());
        BigDecimal gbs = r.lineItems().stream().skip(1).map(li -> li.quantity()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertDecimal("62500000", gbs);
        // The Price List's unit prices (per GB-s): 3.6M at 0.00001667, 14.4M at 0.00000833, 44.5M at 0.00000456.
        assertDecimal("60.012", r.lineItems().get(1).cost());
        assertDecimal("119.952", r.lineItems().get(2).cost());
        assertDecimal("202.92", r.lineItems().get(3).cost());
        assertDecimal("482.884", r.monthlyCostExact());
        assertDecimal("482.88", r.monthlyCostRounded());
        // AWS's example prints $482.97: it shows the GB-hour prices rounded ($0.06000, $0.03000, $0.01642 against the
        // Price List's 0.060012, 0.029988, 0.016416). With its rounded prices and its 12,361.11 GB-hours the figure
        // is AWS's; the README explains the 9 cents.
        BigDecimal aws = bd("0.06").multiply(bd("1000")).add(bd("0.03").multiply(bd("4000")))
                .add(bd("0.01642").multiply(bd("12361.11")).setScale(2, RoundingMode.HALF_UP)).add(bd("100"));
        assertDecimal("482.97", aws);
        assertDecimal("0.060012", r.lineItems().get(1).unitPrice().multiply(bd("3600")));
        assertDecimal("0.016416", r.lineItems().get(3).unitPrice().multiply(bd("3600")));
    }

    @Test
    void expressDurationIsRoundedUpTo100MsAndMemoryTo64MbChunks() {
        // 1 execution of 101 ms at 65 MB: billed 200 ms at 128 MB = 0.025 GB-s.
        ResourceEstimate r = price(StateMachine.builder("x").workflowType(StateMachine.WorkflowType.EXPRESS).executionsPerMonth(1).averageDurationMs(bd("101")).memoryMb(bd("65")).build());
        assertDecimal("0.025", r.lineItems().get(1).quantity());
        // Below one chunk, one chunk is billed.
        assertDecimal("0.00625", price(StateMachine.builder("x").workflowType(StateMachine.WorkflowType.EXPRESS).executionsPerMonth(1).averageDurationMs(bd("100")).memoryMb(bd("1")).build()).lineItems().get(1).quantity());
    }

    @Test
    void infracostGoldenExpressTiers() {
        // sfn_state_machine_test express2Tiers: 10M requests, 1,000 GB-h (60.01) then 111.1111 GB-h (3.33).
        ResourceEstimate r = price(StateMachine.builder("e").workflowType(StateMachine.WorkflowType.EXPRESS).executionsPerMonth(10_000_000L).averageDurationMs(bd("400")).memoryMb(bd("1024")).build());
        assertDecimal("10", r.lineItems().get(0).cost());
        assertEquals("60.01", r.lineItems().get(1).cost().setScale(2, RoundingMode.HALF_UP).toPlainString());
        assertEquals("3.33", r.lineItems().get(2).cost().setScale(2, RoundingMode.HALF_UP).toPlainString());
    }

    @Test
    void standardWorkflowsShareTheAccountsFreeTransitions() {
        // 5 transitions x 100,000 executions = 500,000; 4,000 free; 496,000 x $0.000025 = $12.40.
        assertDecimal("12.4", price(StateMachine.builder("orders").executionsPerMonth(100_000).transitionsPerExecution(java.math.BigDecimal.valueOf(5)).build()).monthlyCostExact());
        // Two state machines of 3,000 transitions each: one pool of 4,000, so 2,000 are charged in all.
        Estimate e = ESTIMATOR.estimate(List.of(StateMachine.builder("a").executionsPerMonth(1_000).transitionsPerExecution(java.math.BigDecimal.valueOf(3)).build(),
                StateMachine.builder("b").executionsPerMonth(1_000).transitionsPerExecution(java.math.BigDecimal.valueOf(3)).build()));
        assertDecimal("0.05", e.totalExact());
        assertDecimal("0", e.resource("a").monthlyCostExact());
        assertDecimal("0.05", e.resource("b").monthlyCostExact());
        // Without the free tier: Infracost's golden 10K transitions cost 0.25.
        assertDecimal("0.25", ESTIMATOR.withoutFreeTier().estimate(List.of(StateMachine.builder("s").executionsPerMonth(10_000).transitionsPerExecution(java.math.BigDecimal.valueOf(1)).build()))
                .totalExact());
    }

    @Test
    void eachRegionHasItsOwnTransitionPrice() {
        assertDecimal("0.0000297", price(StateMachine.builder("p").executionsPerMonth(10_000).transitionsPerExecution(java.math.BigDecimal.valueOf(1)).build().withRegion("eu-west-3"))
                .lineItems().get(1).unitPrice());
        assertDecimal("0.0000375", price(StateMachine.builder("p").executionsPerMonth(10_000).transitionsPerExecution(java.math.BigDecimal.valueOf(1)).build().withRegion("sa-east-1"))
                .lineItems().get(1).unitPrice());
        assertTrue(price(StateMachine.builder("p").executionsPerMonth(10_000).transitionsPerExecution(java.math.BigDecimal.valueOf(1)).build().withRegion("sa-east-1")).lineItems().get(1)
                .usageType().startsWith("SAE1-"));
    }

    @Test
    void expressOutsideUsEast1IsRefusedNotGuessed() {
        var e = assertThrows(PriceUnavailableException.class,
                () -> price(StateMachine.builder("x").workflowType(StateMachine.WorkflowType.EXPRESS).executionsPerMonth(10).averageDurationMs(bd("100")).memoryMb(bd("64")).build().withRegion("eu-west-1")));
        assertTrue(e.getMessage().contains("EU-StepFunctions-Request"), e.getMessage());
        assertTrue(e.getMessage().contains("eu-west-1"), e.getMessage());
        // A region the table lacks entirely (Jakarta) is refused too.
        assertThrows(RuntimeException.class, () -> price(StateMachine.builder("j").executionsPerMonth(1).transitionsPerExecution(java.math.BigDecimal.valueOf(1)).build().withRegion("ap-southeast-3")));
    }

    @Test
    void everyLimitViolationIsReportedAtOnce() {
        StateMachine tooBig = StateMachine.builder("big").executionsPerMonth(1).transitionsPerExecution(java.math.BigDecimal.valueOf(1)).build().withPayloadKb(bd("257"))
                .withHistoryEventsPerExecution(25_001);
        StateMachine tooLong = new StateMachine("long", Optional.empty(), StateMachine.WorkflowType.EXPRESS, 1,
                BigDecimal.ZERO, bd("300001"), bd("64"), Optional.of(bd("256")), Optional.empty());
        Assessment a = ESTIMATOR.assess(List.of(tooBig, tooLong));
        List<String> codes = a.violations().errors().stream().map(Violation::code).toList();
        assertEquals(List.of("stepfunctions.payload", "stepfunctions.history", "stepfunctions.express.duration"), codes);
        assertEquals(List.of("big", "long"), a.rejected());
        // At the limits, nothing is reported.
        assertTrue(ESTIMATOR.assess(List.of(StateMachine.builder("ok").executionsPerMonth(1).transitionsPerExecution(java.math.BigDecimal.valueOf(1)).build().withPayloadKb(bd("256"))
                .withHistoryEventsPerExecution(25_000))).isValid());
    }
}
