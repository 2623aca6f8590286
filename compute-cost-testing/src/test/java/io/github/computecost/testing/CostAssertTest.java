package io.github.computecost.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.compute.Architecture;
import io.github.computecost.lambda.LambdaFunction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each assertion passes on what holds and fails, with the figures and the breakdown, on what does not. */
class CostAssertTest {

    /** AWS's Lambda pricing page: 3M requests of 1 s at 512 MB on x86 cost $18.73337 a month, free tier included. */
    static final LambdaFunction AWS_EXAMPLE = LambdaFunction.builder("api")
            .architecture(Architecture.X86_64).memoryMb(512)
            .requestsPerMonth(3_000_000).averageDuration(Duration.ofSeconds(1))
            .build();

    @Test
    void theExactCostPassesByValueAndAnyOtherFails() {
        CostAssert.assertThat(List.of(AWS_EXAMPLE)).monthlyCostIs("18.73337").monthlyCostIs("18.7333700");
        AssertionError e = assertThrows(AssertionError.class,
                () -> CostAssert.assertThat(List.of(AWS_EXAMPLE)).monthlyCostIs("18.73"));
        assertTrue(e.getMessage().contains("expected an exact monthly cost of 18.73 but it is 18.73337"), e.getMessage());
        assertTrue(e.getMessage().contains("api"), "the breakdown follows: " + e.getMessage());
        // An opentest4j failure with the two figures, which IDEs show as a diff.
        org.opentest4j.AssertionFailedError f = (org.opentest4j.AssertionFailedError) e;
        assertTrue(f.isExpectedDefined() && f.isActualDefined(), e.toString());
        org.junit.jupiter.api.Assertions.assertEquals("18.73", f.getExpected().getValue());
        org.junit.jupiter.api.Assertions.assertEquals("18.73337", f.getActual().getValue());
    }

    @Test
    void anUpperBoundSaysByHowMuchItIsExceeded() {
        CostAssert.assertThat(List.of(AWS_EXAMPLE)).monthlyCostIsAtMost("18.73337").resourceCostIsAtMost("api", "19");
        AssertionError total = assertThrows(AssertionError.class,
                () -> CostAssert.assertThat(List.of(AWS_EXAMPLE)).monthlyCostIsAtMost("18.70"));
        assertTrue(total.getMessage().contains("over by 0.03337"), total.getMessage());
        org.junit.jupiter.api.Assertions.assertEquals("at most 18.70",
                ((org.opentest4j.AssertionFailedError) total).getExpected().getValue());
        AssertionError one = assertThrows(AssertionError.class,
                () -> CostAssert.assertThat(List.of(AWS_EXAMPLE)).resourceCostIsAtMost("api", "10"));
        assertTrue(one.getMessage().contains("expected api to cost at most 10.00 a month but it costs 18.73337 (over by 8.73337)"),
                one.getMessage());
    }

    @Test
    void aWorkloadFileIsAssessedAsEstimateAssessesIt() {
        CostAssert.assertThatWorkload(Path.of("examples/orders.yaml")).hasNoViolations().isWithinItsBudgets();
    }

    @Test
    void aLimitViolationFailsAndIsNamed() {
        LambdaFunction tooBig = LambdaFunction.builder("huge").memoryMb(20_000)
                .requestsPerMonth(1).averageDuration(Duration.ofMillis(1)).build();
        AssertionError e = assertThrows(AssertionError.class,
                () -> CostAssert.assertThat(List.of(tooBig)).hasNoViolations());
        assertTrue(e.getMessage().contains("expected no limit violations but found 1:"), e.getMessage());
        assertTrue(e.getMessage().contains("error"), e.getMessage());
        AssertionError priced = assertThrows(AssertionError.class,
                () -> CostAssert.assertThat(List.of(tooBig)).monthlyCostIs("0"));
        assertTrue(priced.getMessage().contains("cannot be priced: AWS would reject it"), priced.getMessage());
    }
}
