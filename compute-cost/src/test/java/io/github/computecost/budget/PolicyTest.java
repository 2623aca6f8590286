package io.github.computecost.budget;

import static io.github.computecost.Decimals.bd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.EstimateDiff;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.lambda.LambdaFunction;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.spec.PolicyReader;
import io.github.computecost.spec.WorkloadException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTest {

    @TempDir
    Path dir;

    static final Estimator ESTIMATOR = Estimator.of(PriceBook.bundled());

    /** AWS's example: 512 MB, 3M requests of 1 s, with the free tier: 18.73337 a month. */
    static LambdaFunction fn(String name, long requests) {
        return LambdaFunction.builder(name).memoryMb(512).requestsPerMonth(requests).averageDurationMs(bd("1000"))
                .build();
    }

    Policy read(String yaml) throws IOException {
        Path p = dir.resolve("policy.yaml");
        Files.writeString(p, yaml);
        return PolicyReader.read(p);
    }

    @Test
    void ceilingsPerResourceAndPerTypeNameWhatBreaksThem() throws IOException {
        Estimate e = ESTIMATOR.estimate(List.of(fn("a", 3_000_000), fn("b", 1_000_000)));
        Policy p = read("maxMonthlyCostPerResource: \"18.73\"\nmaxMonthlyCostByType: { lambda: \"25\" }\n");
        List<Policy.Failure> f = p.check(e);
        assertEquals(2, f.size(), f.toString());
        assertEquals("maxMonthlyCostPerResource", f.get(0).rule());
        assertEquals(Optional.of("a"), f.get(0).resource());
        assertTrue(f.get(0).message().contains("a (lambda) costs 18.73 USD (exact 18.73337) a month"), f.get(0).message());
        assertEquals("maxMonthlyCostByType", f.get(1).rule());
        assertTrue(f.get(1).message().contains("the lambda resources (a, b)"), f.get(1).message());
        // Exactly at a ceiling is within it: compared exactly, not rounded.
        assertEquals(List.of(), read("maxMonthlyCostPerResource: \"18.73337\"\n").check(e).stream()
                .filter(x -> x.resource().equals(Optional.of("a"))).toList());
        assertEquals(List.of(), read("maxMonthlyCost: \"" + e.totalExact().toPlainString() + "\"\n").check(e));
        assertEquals(1, read("maxMonthlyCost: \"" + e.totalExact().subtract(new BigDecimal("0.00000001"))
                .toPlainString() + "\"\n").check(e).size());
    }

    @Test
    void aChangeIsHeldToItsNewResourcesAndItsIncrease() throws IOException {
        Estimate base = ESTIMATOR.estimate(List.of(fn("a", 3_000_000)));
        Estimate head = ESTIMATOR.estimate(List.of(fn("a", 3_000_000), fn("b", 10_000_000)));
        EstimateDiff d = EstimateDiff.between(base, head);
        Policy p = read("maxNewResourceMonthlyCost: \"5\"\nmaxIncrease: \"10%\"\n");
        List<Policy.Failure> f = p.check(d, head);
        assertEquals(List.of("maxNewResourceMonthlyCost", "maxIncrease"), f.stream().map(Policy.Failure::rule).toList());
        assertEquals(Optional.of("b"), f.get(0).resource());
        assertTrue(f.get(1).message().startsWith("the monthly total grows by"), f.get(1).message());
        // The same policy on the estimate alone: the change rules do not apply.
        assertEquals(List.of(), p.check(head));
        assertEquals(List.of(), read("maxNewResourceMonthlyCost: \"1000\"\nmaxIncrease: \"1000%\"\n").check(d, head));
    }

    @Test
    void confirmedPricesOnlyRefusesALineItemPricedFromADerivedPrice() throws IOException {
        // Past 6 billion GB-seconds a month, Lambda's duration in af-south-1 is priced at the second tier, which the
        // bundle derives by a stated rule (us-east-1's tiers are confirmed by the Price List).
        LambdaFunction big = LambdaFunction.builder("big").region("af-south-1").memoryMb(10240).requestsPerMonth(100_000_000)
                .averageDurationMs(bd("10000")).build();
        Estimate e = ESTIMATOR.estimate(List.of(big, fn("small", 3_000_000)));
        assertTrue(e.resources().get(0).lineItems().stream().anyMatch(li -> li.provenance().isDerived()),
                "the fixture must use a derived price");
        List<Policy.Failure> f = read("requireConfirmedPrices: true\n").check(e);
        assertTrue(!f.isEmpty() && f.stream().allMatch(x -> x.resource().equals(Optional.of("big"))), f.toString());
        assertTrue(f.get(0).message().contains("derived price"), f.get(0).message());
        assertEquals(List.of(), read("requireConfirmedPrices: false\n").check(e));
    }

    @Test
    void aMalformedPolicyIsOneErrorNamingTheFileAndKey() {
        for (String[] c : new String[][] {
            {"maxMonthlyCots: 5\n", "unknown key maxMonthlyCots"},
            {"maxMonthlyCostByType: { lamda: 5 }\n", "$.maxMonthlyCostByType: unknown key lamda"},
            {"maxMonthlyCostPerResource: -1\n", "must not be negative"},
            {"maxIncrease: lots\n", "maxIncrease"},
            {"{}\n", "names no rule"},
        }) {
            WorkloadException e = assertThrows(WorkloadException.class, () -> read(c[0]), c[0]);
            assertTrue(e.getMessage().contains("policy.yaml") && e.getMessage().contains(c[1]), e.getMessage());
        }
        WorkloadException missing = assertThrows(WorkloadException.class,
                () -> PolicyReader.read(dir.resolve("nope.yaml")));
        assertTrue(missing.getMessage().contains("file not found"), missing.getMessage());
        assertEquals(Map.of(), new Policy(Optional.empty(), Optional.empty(), Map.of(), Optional.empty(),
                Optional.empty(), false).maxMonthlyCostByType());
    }
}
