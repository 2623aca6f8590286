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

    /** a and c are the payments team's, b the media team's, d has no team. */
    static Estimate tagged() {
        Estimate e = ESTIMATOR.estimate(List.of(fn("a", 3_000_000), fn("b", 1_000_000), fn("c", 2_000_000),
                fn("d", 1_000_000)));
        return e.withTags(Map.of("a", Map.of("team", "payments"), "b", Map.of("team", "media", "env", "prod"),
                "c", Map.of("team", "payments")));
    }

    @Test
    void aTagsCeilingHoldsTheResourcesCarryingEachValueTogether() throws IOException {
        Estimate e = tagged();
        BigDecimal payments = e.resources().get(0).monthlyCostExact().add(e.resources().get(2).monthlyCostExact());
        BigDecimal media = e.resources().get(1).monthlyCostExact();
        assertTrue(payments.signum() > 0 && media.signum() > 0, payments + " " + media);
        // Exactly at the ceiling is within it; the smallest amount more is not.
        assertEquals(List.of(), read("maxMonthlyCostByTag: { team: { payments: \"" + payments.toPlainString()
                + "\" } }\n").check(e));
        List<Policy.Failure> f = read("maxMonthlyCostByTag: { team: { payments: \"" + payments.subtract(
                new BigDecimal("0.00000001")).toPlainString() + "\" } }\n").check(e);
        assertEquals(1, f.size(), f.toString());
        assertEquals("maxMonthlyCostByTag", f.get(0).rule());
        assertTrue(f.get(0).message().startsWith("the resources tagged team=payments (a, c) cost "), f.get(0).message());
        assertTrue(f.get(0).message().contains("above maxMonthlyCostByTag.team.payments"), f.get(0).message());
        // "*" holds each other value on its own: media, not payments (which has its own ceiling), and not d.
        List<Policy.Failure> any = read("maxMonthlyCostByTag: { team: { payments: \"1000\", \"*\": \"0\" } }\n")
                .check(e);
        assertEquals(List.of("the resources tagged team=media (b) cost " + money(media) + " a month together, "
                + "above maxMonthlyCostByTag.team.* 0.00 USD"), any.stream().map(Policy.Failure::message).toList());
        assertEquals(List.of(), read("maxMonthlyCostByTag: { owner: { \"*\": \"0\" } }\n").check(e),
                "no resource carries the key");
    }

    static String money(BigDecimal v) {
        BigDecimal cents = v.setScale(2, java.math.RoundingMode.HALF_UP);
        return cents.toPlainString() + " USD" + (cents.compareTo(v) == 0 ? "" : " (exact "
                + v.stripTrailingZeros().toPlainString() + ")");
    }

    @Test
    void requiredTagsNameEachResourceWithoutThem() throws IOException {
        List<Policy.Failure> f = read("requireTags: [team, env]\n").check(tagged());
        assertEquals(List.of("a", "c", "d"), f.stream().map(x -> x.resource().orElseThrow()).toList());
        assertEquals("a (lambda) has no tag env; requireTags names team, env and it has team", f.get(0).message());
        assertEquals("d (lambda) has no tag team, no tag env; requireTags names team, env and it has no tags",
                f.get(2).message());
        assertEquals(List.of(), read("requireTags: [team]\n").check(tagged().withTags(Map.of("d", Map.of("team",
                "ops")))));
    }

    @Test
    void aMalformedPolicyIsOneErrorNamingTheFileAndKey() {
        for (String[] c : new String[][] {
            {"maxMonthlyCots: 5\n", "unknown key maxMonthlyCots"},
            {"maxMonthlyCostByType: { lamda: 5 }\n", "$.maxMonthlyCostByType: unknown key lamda"},
            {"maxMonthlyCostPerResource: -1\n", "must not be negative"},
            {"maxIncrease: lots\n", "maxIncrease"},
            {"{}\n", "names no rule"},
            {"maxMonthlyCostByTag: { team: payments }\n", "$.maxMonthlyCostByTag.team: must be"},
            {"maxMonthlyCostByTag: { team: {} }\n", "names no value of the tag team"},
            {"maxMonthlyCostByTag: {}\n", "names no tag key"},
            {"maxMonthlyCostByTag: { team: { a: \"-1\" } }\n", "$.maxMonthlyCostByTag.team.a: must not be negative"},
            {"requireTags: []\n", "names no tag key"},
            {"requireTags: [team, team]\n", "$.requireTags[1]: repeats the tag key team"},
            {"requireTags: team\n", "$.requireTags: must be a list"},
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
