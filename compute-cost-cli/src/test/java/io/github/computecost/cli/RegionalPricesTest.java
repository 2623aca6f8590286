package io.github.computecost.cli;

import static io.github.computecost.cli.Decimals.assertDecimal;
import static io.github.computecost.cli.Decimals.bd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.computecost.cli.CliRunner;
import io.github.computecost.compare.ComputeOption;
import io.github.computecost.compare.NeutralWorkload;
import io.github.computecost.compare.WorkloadPlanner;
import io.github.computecost.compute.Architecture;
import io.github.computecost.ec2.Ec2Instance;
import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.estimate.LineItem;
import io.github.computecost.lambda.LambdaFunction;
import io.github.computecost.lambda.ProvisionedConcurrency;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.PriceUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prices in every region, each with its own source: the acceptance examples of the regional prices. */
class RegionalPricesTest {

    static final Estimator NO_FREE_TIER = Estimator.of(PriceBook.bundled()).withoutFreeTier();

    @TempDir
    Path dir;

    /** AWS's provisioned-concurrency example: 4,096 MB, 2M requests of 280 ms, concurrency 7 for 24 hours. */
    static LambdaFunction pcExample(String region, Architecture arch) {
        return LambdaFunction.builder("pc").region(region).architecture(arch).memoryMb(4096).requestsPerMonth(2_000_000)
                .averageDurationMs(bd("280")).provisionedConcurrency(ProvisionedConcurrency.of(7, bd("24"))).build();
    }

    @Test
    void provisionedConcurrencyIsPricedAtEachRegionsOwnRates() {
        assertDecimal("32.25780864", NO_FREE_TIER.estimate(List.of(pcExample("us-east-1", Architecture.X86_64)))
                .totalExact());
        // 2,419,200 GB-s × 0.0000050147 + 2,240,000 GB-s × 0.0000117011 + 2M × 0.0000002 (the calculator map's rates)
        assertDecimal("38.74202624", NO_FREE_TIER.estimate(List.of(pcExample("eu-central-1", Architecture.X86_64)))
                .totalExact());
        // 2,419,200 × 0.0000053835 + 2,240,000 × 0.0000125615 + 0.4
        assertDecimal("41.5615232", NO_FREE_TIER.estimate(List.of(pcExample("ap-northeast-1", Architecture.X86_64)))
                .totalExact());
    }

    @Test
    void armProvisionedConcurrencyWithoutASourceIsRefusedNotPricedAtAnotherRate() {
        PriceUnavailableException e = assertThrows(PriceUnavailableException.class,
                () -> NO_FREE_TIER.estimate(List.of(pcExample("eu-central-1", Architecture.ARM64))));
        assertTrue(e.getMessage().contains("EUC1-Lambda-Provisioned-Concurrency-ARM"), e.getMessage());
        assertFalse(e.getMessage().contains("--pricing-data"), "the library states facts; the CLI adds flags: "
                + e.getMessage());
        assertEquals(List.of("pc"), e.resources());
        // us-east-1 has a source for it.
        assertDecimal("25.88643328", NO_FREE_TIER.estimate(List.of(pcExample("us-east-1", Architecture.ARM64))).totalExact());
        // The library can price the rest and list the refused resource.
        Estimate partial = NO_FREE_TIER.estimatePartial(List.of(pcExample("eu-central-1", Architecture.ARM64),
                LambdaFunction.builder("plain").region("eu-central-1").memoryMb(128).requestsPerMonth(10).build()));
        assertEquals(List.of("plain"), partial.resources().stream().map(r -> r.name()).toList());
        assertEquals(List.of("pc"), partial.notPricedResources());
    }

    @Test
    void derivedPricesSayHowTheyWereDerived() {
        // 8 billion GB-s in eu-central-1: 2 billion fall in tier 2, which the calculator map does not give.
        LambdaFunction big = LambdaFunction.builder("big").region("eu-central-1").memoryMb(1024)
                .requestsPerMonth(8_000_000_000L).averageDurationMs(bd("1000")).build();
        Estimate e = NO_FREE_TIER.estimate(List.of(big));
        LineItem tier2 = e.resource("big").lineItems().stream().filter(l -> l.description().contains("next 9B"))
                .findFirst().orElseThrow();
        assertTrue(tier2.isDerived());
        assertDecimal("0.000015", tier2.unitPrice());
        assertEquals("lambda-duration-tiers", tier2.provenance().rule().orElseThrow().id());
        assertTrue(e.usesDerivedPrices());
        LineItem tier1 = e.resource("big").lineItems().stream().filter(l -> l.description().contains("first 6B"))
                .findFirst().orElseThrow();
        assertFalse(tier1.isDerived());
        // A small function uses confirmed prices only.
        assertFalse(NO_FREE_TIER.estimate(List.of(LambdaFunction.builder("s").region("eu-central-1").memoryMb(128)
                .requestsPerMonth(1000).build())).usesDerivedPrices());
    }

    @Test
    void usageBeyondTheLastSourcedTierIsRefusedOnEveryPath() {
        // China's sources give the first duration tier only (up to 6 billion GB-s): beyond it, no price.
        Estimator cn = Estimator.of(PriceBook.bundled(PriceBook.AWS_CN)).region("cn-north-1").withoutFreeTier();
        LambdaFunction within = LambdaFunction.builder("f").memoryMb(1024).requestsPerMonth(1_000_000_000L)
                .averageDurationMs(bd("1000")).build(); // 1 billion GB-s
        assertDecimal("114837", cn.monthlyCostExact(within)); // 1e9 GB-s × 0.000113477 + 1e9 requests × 0.00000136
        LambdaFunction beyond = LambdaFunction.builder("f").memoryMb(1024).requestsPerMonth(7_000_000_000L)
                .averageDurationMs(bd("1000")).build(); // 7 billion GB-s
        PriceUnavailableException e = assertThrows(PriceUnavailableException.class, () -> cn.monthlyCostExact(beyond));
        assertTrue(e.getMessage().contains("CNN1-Lambda-GB-Second beyond the first 6000000000 units a month"),
                e.getMessage());
        assertThrows(PriceUnavailableException.class, () -> cn.estimate(List.of(beyond)));
    }

    @Test
    void theWholeEc2CatalogIsPricedWithItsSpecs() {
        Map<String, Map<String, String>> catalog = PriceBook.bundled().service("AmazonEC2").catalog();
        assertTrue(catalog.size() > 1200, "about 1,300 types: " + catalog.size());
        Map<String, String[]> expected = Map.of(
                "m7i-flex.large", new String[] {"0.09576", "2", "8", "x86_64", "false", "0"},
                "t2.micro", new String[] {"0.0116", "1", "1", "x86_64", "true", "0"},
                "c7i.large", new String[] {"0.08925", "2", "4", "x86_64", "false", "0"},
                "m8g.medium", new String[] {"0.04488", "1", "4", "arm64", "false", "0"},
                "g5.xlarge", new String[] {"1.006", "4", "16", "x86_64", "false", "1"});
        Estimator est = Estimator.of(PriceBook.bundled());
        expected.forEach((type, x) -> {
            assertDecimal(x[0], est.estimate(List.of(Ec2Instance.builder("i").instanceType(type).count(1).build().withHoursPerMonth(bd("1"))))
                    .totalExact());
            Map<String, String> spec = catalog.get(type);
            assertEquals(List.of(x[1], x[2], x[3], x[4], x[5]), List.of(spec.get("vcpu"), spec.get("memoryGib"),
                    spec.get("architecture"), spec.get("burstable"), spec.get("gpus")), type);
        });
        // No Dedicated-tenancy bare-metal price is bundled as the shared one: c6g.metal is Karpenter's 2.3066 there.
        assertTrue(PriceBook.bundled().service("AmazonEC2").region("us-east-1").find("BoxUsage:c6g.metal")
                .map(t -> t.tiers().get(0).unitPrice().compareTo(bd("2.3066")) != 0).orElse(true));
        // "Did you mean" draws on the whole catalog.
        var bad = io.github.computecost.ec2.Ec2Catalog.validate(Ec2Instance.builder("x").instanceType("m8g.mediun").count(1).build(), PriceBook.bundled(),
                "us-east-1");
        assertTrue(bad.errors().get(0).message().contains("did you mean m8g.medium"), bad.errors().get(0).message());
    }

    @Test
    void compareSizesInstancesFromTheCatalogSpecs() {
        WorkloadPlanner planner = WorkloadPlanner.of(PriceBook.bundled());
        // A GPU workload: only EC2 can run it, on a GPU type from the catalog.
        NeutralWorkload gpu = new NeutralWorkload("ml", Optional.empty(), 1000, bd("100"), 1024, Optional.empty(), false,
                true, false);
        ComputeOption ec2 = planner.plan(gpu).ranked().get(0);
        assertEquals("EC2", ec2.option());
        String type = ec2.configuration().split(" ")[2];
        assertTrue(Integer.parseInt(PriceBook.bundled().service("AmazonEC2").catalog().get(type).get("gpus")) > 0, type);
        // A small service fits the smallest cheapest type the catalog has, now including the .medium Graviton sizes.
        NeutralWorkload small = new NeutralWorkload("api", Optional.empty(), 50_000_000, bd("50"), 512, Optional.empty(),
                true, false, false);
        ComputeOption best = planner.plan(small).ranked().stream().filter(o -> o.option().equals("EC2")).findFirst()
                .orElseThrow();
        assertTrue(best.configuration().contains("t4g.nano"), best.configuration());
    }

    @Test
    void chinaIsEstimatedInYuanAndNeverMixedWithDollars() throws IOException {
        Path cn = dir.resolve("cn.yaml");
        Files.writeString(cn, "region: cn-north-1\nresources:\n  - name: fn\n    type: lambda\n    memoryMb: 1024\n"
                + "    requestsPerMonth: 1000000\n    durationMs: 100\n");
        CliRunner r = CliRunner.run("estimate", cn.toString(), "--format", "json", "--today", "2026-12-02");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode out = TestJson.json().readTree(r.out());
        assertEquals("CNY", out.get("currency").asText());
        // 1M × 0.00000136 + 100,000 GB-s × 0.000113477 (no free tier: no source states one in China)
        assertEquals("12.7077", out.get("totalMonthlyCostExact").asText());
        assertEquals("CNN1-Lambda-GB-Second", out.get("resources").get(0).get("lineItems").get(1).get("usageType").asText());

        Path mixed = dir.resolve("mixed.yaml");
        Files.writeString(mixed, "region: cn-north-1\nresources:\n  - name: a\n    type: lambda\n    memoryMb: 128\n"
                + "    requestsPerMonth: 1\n    durationMs: 1\n  - name: b\n    type: lambda\n    region: eu-west-1\n"
                + "    memoryMb: 128\n    requestsPerMonth: 1\n    durationMs: 1\n");
        // A China bill is re-rated on the China price book when asked.
        Path cur = dir.resolve("cn.csv");
        Files.writeString(cur, "lineItem/UsageType,lineItem/UsageAmount\nCNN1-Request,2000000\n");
        CliRunner bill = CliRunner.run("rate-usage", cur.toString(), "--price-book", "aws-cn", "--format", "json",
                "--today", "2026-12-02");
        assertEquals(0, bill.exitCode(), bill.err());
        JsonNode rated = TestJson.json().readTree(bill.out());
        assertEquals("CNY", rated.get("currency").asText());
        assertEquals("2.72", rated.get("totalExact").asText()); // no free tier sourced in China
        CliRunner m = CliRunner.run("estimate", mixed.toString());
        assertEquals(2, m.exitCode(), m.err());
        assertEquals(1, m.err().strip().lines().count(), m.err());
        assertTrue(m.err().contains("mixes China regions (cn-north-1, priced in CNY) with others (eu-west-1, priced in USD)"),
                m.err());
    }

    @Test
    void aResourceWithoutASourcedPriceIsListedAsNotPricedAndTheRestIsPriced() throws IOException {
        Path f = dir.resolve("w.yaml");
        Files.writeString(f, "region: eu-central-1\nresources:\n"
                + "  - name: pc\n    type: lambda\n    architecture: arm64\n    memoryMb: 4096\n    requestsPerMonth: 2000000\n"
                + "    durationMs: 280\n    provisionedConcurrency: { concurrency: 7, hoursPerMonth: 24 }\n"
                + "  - name: plain\n    type: lambda\n    memoryMb: 128\n    requestsPerMonth: 10\n    durationMs: 5\n");
        CliRunner r = CliRunner.run("estimate", f.toString(), "--format", "json", "--today", "2026-12-02");
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("w.yaml: pc: no price for EUC1-Lambda-Provisioned-Concurrency-ARM, "
                + "EUC1-Lambda-Provisioned-GB-Second-ARM (AWSLambda, eu-central-1)"), r.err());
        JsonNode out = TestJson.json().readTree(r.out());
        assertEquals(1, out.get("resources").size());
        assertEquals("plain", out.get("resources").get(0).get("name").asText());
        assertEquals("EUC1-Lambda-Provisioned-Concurrency-ARM", out.get("notPriced").get(0).get("usageType").asText());
        assertEquals("pc", out.get("notPriced").get(0).get("resource").asText());
        CliRunner text = CliRunner.run("estimate", f.toString(), "--today", "2026-12-02");
        assertTrue(text.out().contains("NOT PRICED: pc: no price for EUC1-Lambda-Provisioned-Concurrency-ARM"), text.out());
    }

    @Test
    void everyOutputStatesTheAgeOfItsPricesAndWarnsOnceWhenOld() throws IOException {
        Path f = dir.resolve("w.yaml");
        Files.writeString(f, "resources:\n  - name: a\n    type: lambda\n    memoryMb: 128\n    requestsPerMonth: 5000000\n"
                + "    durationMs: 10\n  - name: b\n    type: lambda\n    memoryMb: 128\n    requestsPerMonth: 5000000\n"
                + "    durationMs: 10\n");
        CliRunner text = CliRunner.run("estimate", f.toString(), "--today", "2026-12-02");
        assertTrue(text.out().contains("Prices dated 2025-12-01, 366 days old on 2026-12-02"), text.out());
        assertEquals(1, text.out().lines().filter(l -> l.startsWith("warning: prices may be out of date")).count(),
                text.out());
        JsonNode json = TestJson.json().readTree(CliRunner.run("estimate", f.toString(), "--format", "json", "--today",
                "2026-12-02").out());
        assertEquals("2025-12-01", json.get("prices").get("newest").asText());
        assertEquals(366, json.get("prices").get("newestAgeDays").asInt());
        assertEquals("confirmed", json.get("resources").get(0).get("lineItems").get(1).get("priceStatus").asText());
        assertEquals(1, json.get("warnings").size());
        assertTrue(CliRunner.run("estimate", f.toString(), "--format", "markdown", "--today", "2026-12-02").out()
                .contains("prices dated 2025-12-01, 366 days old on 2026-12-02"));
        assertTrue(CliRunner.run("estimate", f.toString(), "--format", "csv", "--today", "2026-12-02").out()
                .contains(",confirmed,2025-12-01"));
        // A longer threshold: no warning.
        CliRunner relaxed = CliRunner.run("estimate", f.toString(), "--today", "2026-12-02", "--max-price-age", "400");
        assertFalse(relaxed.out().contains("warning:"), relaxed.out());
        // A re-rated bill states the age of its prices, and warns once too.
        Path cur = dir.resolve("cur.csv");
        Files.writeString(cur, "lineItem/UsageType,lineItem/UsageAmount\nRequest,2000000\nRequest,3000000\n");
        CliRunner bill = CliRunner.run("rate-usage", cur.toString(), "--today", "2026-12-02");
        assertTrue(bill.out().contains("Prices dated 2025-12-01, 366 days old on 2026-12-02"), bill.out());
        assertEquals(1, bill.out().lines().filter(l -> l.startsWith("warning: prices may be out of date")).count());
        JsonNode billJson = TestJson.json().readTree(CliRunner.run("rate-usage", cur.toString(), "--today", "2026-12-02",
                "--format", "json").out());
        assertTrue(billJson.get("prices").get("warning").asText().contains("366 days"), billJson.toString());
        // Planning commands state the age of the tables they priced from.
        assertTrue(CliRunner.run("tune-memory", "examples/tuning.yaml", "--today", "2026-12-02").out()
                .contains("Prices dated 2025-10-28 to 2025-12-01; the newest is 366 days old on 2026-12-02"));
    }
}
