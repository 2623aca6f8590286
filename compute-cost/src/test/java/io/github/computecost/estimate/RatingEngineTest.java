package io.github.computecost.estimate;

import static io.github.computecost.Decimals.assertDecimal;
import static io.github.computecost.Decimals.bd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.compute.Architecture;
import io.github.computecost.lambda.LambdaFunction;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.computecost.internal.Json;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.PriceUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatingEngineTest {

    static final Estimator ESTIMATOR = Estimator.of(PriceBook.bundled());

    static LambdaFunction fn(String name, int memoryMb, long requests, String durationMs) {
        return LambdaFunction.builder(name).memoryMb(memoryMb).requestsPerMonth(requests)
                .averageDurationMs(bd(durationMs)).build();
    }

    static BigDecimal billed(ResourceEstimate r, String usageType) {
        return r.lineItems().stream().filter(l -> l.usageType().equals(usageType) && !l.isFree())
                .map(LineItem::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * Lambda's prices with the last duration tier in us-east-1 removed: its tiers then end at 15 billion GB-seconds,
     * and usage beyond is priced by no source.
     */
    static PriceBook boundedLambda(Path dir) throws IOException {
        ObjectNode doc;
        try (InputStream in = PriceBook.class.getResourceAsStream("/io/github/computecost/pricing-data/lambda.json")) {
            doc = (ObjectNode) Json.json().readTree(in);
        }
        ((ArrayNode) doc.get("regions").get("us-east-1").get("prices").get("Lambda-GB-Second").get("tiers")).remove(2);
        Files.writeString(dir.resolve("lambda.json"), Json.json().writeValueAsString(doc));
        return PriceBook.withOverrides(dir);
    }

    @Test
    void usageBeyondABoundedLastTierLeavesEveryLaterResourceOfItsGroupBeyondIt(@TempDir Path dir) throws IOException {
        // The group's axis runs through its resources in order: once "big" has gone past the last tier any source
        // prices, "small" starts past it too, and is refused as well, not priced from the first tier.
        BulkUsage.Builder b = BulkUsage.builder();
        int big = b.resource("big", "AWSLambda", "us-east-1");
        int small = b.resource("small", "AWSLambda", "us-east-1");
        b.usage(big, "Lambda-GB-Second", bd("15000000001"));
        b.usage(small, "Lambda-GB-Second", bd("1"));
        RatingEngine engine = RatingEngine.of(boundedLambda(dir));
        PriceUnavailableException e = assertThrows(PriceUnavailableException.class,
                () -> engine.rate(b.build(), false, (item, i) -> { }));
        assertEquals(List.of("big", "small"), e.resources());
        // Within the bound, both are priced.
        BulkUsage.Builder within = BulkUsage.builder();
        within.usage(within.resource("a", "AWSLambda", "us-east-1"), "Lambda-GB-Second", bd("14999999999"));
        within.usage(within.resource("b", "AWSLambda", "us-east-1"), "Lambda-GB-Second", bd("1"));
        BigDecimal[] cost = {BigDecimal.ZERO};
        engine.rate(within.build(), false, (item, i) -> cost[0] = cost[0].add(item.cost()));
        // 6B at 0.0000166667, 9B at 0.0000150000 (the bundled tiers), to the last GB-second.
        assertDecimal("235000.2", cost[0]);
    }

    @Test
    void aResourceRefusedBeyondTheBoundGivesNoLineItemNotEvenItsFreeOne(@TempDir Path dir) throws IOException {
        // "big" takes the free tier's 400,000 GB-s and runs past the last tier: refused, it gives no line item at
        // all, not even its free one (the engine gives a line only once its entry is known to be priced). "priced"
        // is: its requests give a free line and a charged one.
        BulkUsage.Builder b = BulkUsage.builder();
        int big = b.resource("big", "AWSLambda", "us-east-1");
        int priced = b.resource("priced", "AWSLambda", "us-east-1");
        b.usage(big, "Lambda-GB-Second", bd("15000000001"));
        b.usage(priced, "Request", bd("2000000"));
        RatingEngine engine = RatingEngine.of(boundedLambda(dir));
        List<Integer> given = new java.util.ArrayList<>();
        List<Integer> items = new java.util.ArrayList<>();
        PriceUnavailableException parts = assertThrows(PriceUnavailableException.class, () -> engine.rate(b.build(),
                true, (i, type, quantity, unitPrice, cost, provenance) -> given.add(i)));
        PriceUnavailableException lines = assertThrows(PriceUnavailableException.class, () -> engine.rate(b.build(),
                true, (item, i) -> items.add(i)));
        assertEquals(List.of("big"), parts.resources());
        assertEquals(parts.missing(), lines.missing());
        assertEquals(List.of(priced, priced), given); // its requests: a free line and a charged one
        assertEquals(given, items);
    }

    @Test
    void twoFunctionsShareOneFreeTier() {
        // Each: 1,000,000 requests of 128 MB × 3,200 ms = 400,000 GB-s: exactly one free tier's worth.
        Estimate e = ESTIMATOR.estimate(List.of(fn("a", 128, 1_000_000, "3200"), fn("b", 128, 1_000_000, "3200")));
        // One function's worth of usage is charged: 1M requests and 400,000 GB-s.
        assertDecimal("6.86668", e.totalExact()); // 0.2 + 400,000 × 0.0000166667
        assertDecimal("0", e.resource("a").monthlyCostExact());
        assertDecimal("6.86668", e.resource("b").monthlyCostExact());
        // Pricing each function alone would wrongly give zero.
        assertDecimal("0", ESTIMATOR.estimate(List.of(fn("a", 128, 1_000_000, "3200"))).totalExact());
    }

    @Test
    void freeTierIsSharedAcrossArchitecturesAndRegions() {
        LambdaFunction x86 = fn("x86", 1024, 600_000, "500");                       // 300,000 GB-s
        LambdaFunction arm = LambdaFunction.builder("arm").architecture(Architecture.ARM64).memoryMb(1024)
                .region("eu-west-1").requestsPerMonth(600_000).averageDurationMs(bd("500")).build(); // 300,000 GB-s
        Estimate e = ESTIMATOR.estimate(List.of(x86, arm));
        assertDecimal("0", e.resource("x86").monthlyCostExact());
        assertDecimal("200000", billed(e.resource("arm"), "EU-Request-ARM"));
        assertDecimal("200000", billed(e.resource("arm"), "EU-Lambda-GB-Second-ARM"));
        assertDecimal("0.04", e.resource("arm").lineItems().stream().filter(l -> l.usageType().equals("EU-Request-ARM"))
                .map(LineItem::cost).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void freeTierCanBeTurnedOff() {
        Estimate e = ESTIMATOR.withoutFreeTier().estimate(List.of(fn("a", 128, 1_000_000, "3200")));
        assertDecimal("6.86668", e.totalExact());
        assertTrue(!e.freeTier());
    }

    @Test
    void tiersAggregateAllFunctionsOfAnArchitectureInARegion() {
        // Two x86 functions of 4 billion GB-s each: 8 B GB-s in the group, 6 B in tier 1 and 2 B in tier 2.
        // 10,240 MB × 400,000,000 requests × 1,000 ms = 4,000,000,000 GB-s
        LambdaFunction a = fn("a", 10_240, 400_000_000, "1000");
        LambdaFunction b = fn("b", 10_240, 400_000_000, "1000");
        Estimate e = ESTIMATOR.withoutFreeTier().estimate(List.of(a, b));
        ResourceEstimate rb = e.resource("b");
        assertEquals(2, rb.lineItems().stream().filter(l -> l.usageType().equals("Lambda-GB-Second")).count());
        assertDecimal("2000000000", rb.lineItems().stream().filter(l -> l.description().contains("first 6B"))
                .findFirst().orElseThrow().quantity());
        assertDecimal("2000000000", rb.lineItems().stream().filter(l -> l.description().contains("next 9B"))
                .findFirst().orElseThrow().quantity());
        // 6e9 × 0.0000166667 + 2e9 × 0.000015 + 800M requests × 0.0000002
        assertDecimal("130160.2", e.totalExact());
        assertDecimal(e.totalExact().toPlainString(),
                e.resource("a").monthlyCostExact().add(rb.monthlyCostExact()));
        // Priced alone, each stays in tier 1: the sum of two single estimates is dearer.
        BigDecimal alone = ESTIMATOR.withoutFreeTier().estimate(List.of(a)).totalExact().multiply(BigDecimal.valueOf(2));
        assertTrue(alone.compareTo(e.totalExact()) > 0);
    }

    @Test
    void differentArchitecturesDoNotShareTiers() {
        LambdaFunction x86 = fn("x", 10_240, 700_000_000, "1000"); // 7 B GB-s: crosses 6 B
        LambdaFunction arm = LambdaFunction.builder("y").architecture(Architecture.ARM64).memoryMb(10_240)
                .requestsPerMonth(700_000_000).averageDurationMs(bd("1000")).build(); // 7 B: below Arm's 7.5 B
        Estimate e = ESTIMATOR.withoutFreeTier().estimate(List.of(x86, arm));
        assertTrue(e.resource("x").lineItems().stream().anyMatch(l -> l.description().contains("next 9B")));
        assertTrue(e.resource("y").lineItems().stream().noneMatch(l -> l.description().contains("next")));
    }

    @Test
    void resourceCostsAddUpExactlyToTheTotal() {
        Estimate e = ESTIMATOR.estimate(List.of(fn("a", 333, 1_234_567, "77.7"), fn("b", 10_000, 900_000_000, "999.9"),
                fn("c", 129, 7, "0.3")));
        BigDecimal sum = e.resources().stream().map(ResourceEstimate::monthlyCostExact)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, sum.compareTo(e.totalExact()));
        for (ResourceEstimate r : e.resources()) {
            for (LineItem li : r.lineItems()) {
                assertEquals(0, li.cost().compareTo(li.quantity().multiply(li.unitPrice())));
            }
        }
    }

    @Test
    void duplicateNamesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ESTIMATOR.estimate(List.of(fn("a", 128, 1, "1"), fn("a", 128, 1, "1"))));
        assertTrue(e.getMessage().contains("unique"), e.getMessage());
    }

    @Test
    void lineItemsRefuseACostThatIsNotQuantityTimesPrice() {
        assertThrows(IllegalArgumentException.class,
                () -> new LineItem("d", "u", bd("2"), "unit", bd("0.5"), bd("1.01"),
                        new io.github.computecost.pricing.Provenance(io.github.computecost.pricing.Provenance.Status.CONFIRMED,
                                List.of("s"), java.util.Optional.empty(), java.time.LocalDate.of(2026, 1, 1))));
    }
}
