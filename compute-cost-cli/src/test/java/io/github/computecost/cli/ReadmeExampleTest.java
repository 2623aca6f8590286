package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.compute.Architecture;
import io.github.computecost.lambda.LambdaFunction;
import io.github.computecost.testing.CostAssert;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

// README-EXAMPLE-START
class MonthlyCostTest {

    @Test
    void theExampleWorkloadStaysWithinBudget() {
        CostAssert.assertThatWorkload(Path.of("examples/orders.yaml"))
                .hasNoViolations()
                .isWithinItsBudgets()
                .monthlyCostIsAtMost("100.00")
                .resourceCostIsAtMost("orders-api", "5.00");
    }

    @Test
    void aFunctionBuiltInCodeCostsWhatAwsSays() {
        LambdaFunction api = LambdaFunction.builder("api")
                .architecture(Architecture.X86_64).memoryMb(512)
                .requestsPerMonth(3_000_000).averageDuration(Duration.ofSeconds(1))
                .build();
        CostAssert.assertThat(List.of(api)).monthlyCostIs("18.73337");
    }
}
// README-EXAMPLE-END

/** Keeps the README's JUnit example compiling, passing and identical to the class above. */
class ReadmeExampleTest {

    @Test
    void theReadmeShowsExactlyTheExampleAbove() throws Exception {
        String source = Files.readString(Path.of("compute-cost-cli/src/test/java/io/github/computecost/cli/ReadmeExampleTest.java"));
        String example = source.substring(source.indexOf("// README-EXAMPLE-START") + "// README-EXAMPLE-START".length(),
                source.indexOf("// README-EXAMPLE-END")).strip();
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains(example), "README.md must contain the MonthlyCostTest example verbatim");
    }

    @Test
    void failuresShowTheBreakdown() {
        AssertionError e = assertThrows(AssertionError.class, () ->
                CostAssert.assertThatWorkload(Path.of("examples/orders.yaml")).monthlyCostIsAtMost("1.00"));
        assertTrue(e.getMessage().startsWith("examples/orders.yaml: expected a monthly cost of at most 1.00 USD but it is "
                + "79.11962256 (over by 78.11962256)"), e.getMessage());
        assertTrue(e.getMessage().contains("Duration (x86_64), first 6B"), e.getMessage());
        AssertionError v = assertThrows(AssertionError.class, () -> CostAssert.assertThat(List.of(
                LambdaFunction.builder("huge").memoryMb(20_000).build())).hasNoViolations());
        assertTrue(v.getMessage().contains("error lambda.memory.range: huge: memoryMb 20000 is outside"), v.getMessage());
        AssertionError p = assertThrows(AssertionError.class, () -> CostAssert.assertThat(List.of(
                LambdaFunction.builder("huge").memoryMb(20_000).build())).monthlyCostIsAtMost("1"));
        assertTrue(p.getMessage().contains("cannot be priced: AWS would reject it"), p.getMessage());
        AssertionError none = assertThrows(AssertionError.class, () -> CostAssert.assertThat(List.of(
                LambdaFunction.builder("arm-pc").region("eu-central-1").architecture(
                        io.github.computecost.compute.Architecture.ARM64).memoryMb(1024).requestsPerMonth(1)
                        .provisionedConcurrency(io.github.computecost.lambda.ProvisionedConcurrency.of(1,
                                java.math.BigDecimal.ONE)).build())).monthlyCostIsAtMost("1"));
        assertTrue(none.getMessage().contains("cannot be priced: arm-pc: no price for EUC1-Lambda-Provisioned-"
                + "Concurrency-ARM"), none.getMessage());
        new MonthlyCostTest().theExampleWorkloadStaysWithinBudget();
    }
}
