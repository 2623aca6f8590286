package io.github.computecost.pricing;

import static io.github.computecost.Decimals.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.computecost.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceBookTest {

    @TempDir
    Path dir;

    static ObjectNode bundledLambda() throws IOException {
        try (InputStream in = PriceBook.class.getResourceAsStream(PriceBook.BUNDLED_ROOT + "lambda.json")) {
            return (ObjectNode) Json.json().readTree(in);
        }
    }

    private PricingDataException brokenBy(Consumer<ObjectNode> change) throws IOException {
        ObjectNode doc = bundledLambda();
        change.accept(doc);
        Files.writeString(dir.resolve("lambda.json"), Json.json().writeValueAsString(doc));
        return assertThrows(PricingDataException.class, () -> PriceBook.withOverrides(dir));
    }

    private static ObjectNode usEast1(ObjectNode doc) {
        return (ObjectNode) doc.get("regions").get("us-east-1");
    }

    @Test
    void bundledDataLoadsWithSourcesAndVersion() {
        PriceBook book = PriceBook.bundled();
        assertSame(book, PriceBook.bundled());
        assertEquals("USD", book.currency());
        assertEquals(PriceBook.AWS, book.id());
        // One service@dataVersion per table, sorted by service code, one per registered service's table.
        java.util.List<String> parts = java.util.List.of(book.version().split(","));
        assertEquals(parts.stream().sorted().toList(), parts, book.version());
        assertTrue(book.version().contains("AWSLambda@2026-12-02,AWSLambdaEdge@2026-12-02,"), book.version());
        assertTrue(parts.contains("AmazonCloudFront@2026-12-02"), book.version());
        assertTrue(parts.stream().allMatch(p -> p.matches("[A-Za-z0-9]+@\\d{4}-\\d{2}-\\d{2}")), book.version());
        assertTrue(book.has("AmazonECSFargateSpot"));
        ServicePrices lambda = book.service("AWSLambda");
        assertEquals(23, lambda.regionCodes().size(), "the 23 commercial regions of the calculator map");
        RegionPrices use1 = lambda.region("us-east-1");
        assertEquals("Lambda-GB-Second", use1.table("Lambda-GB-Second").usageType());
        assertDecimal("0.0000166667", use1.table("Lambda-GB-Second").tiers().get(0).unitPrice());
        assertDecimal("0.0000002", use1.table("Request").tiers().get(0).unitPrice());
        assertEquals("EU-Lambda-GB-Second-ARM", lambda.region("eu-west-1").table("Lambda-GB-Second-ARM").usageType());
        assertEquals("EUC1-", lambda.region("eu-central-1").usageTypePrefix());
        for (RegionPrices r : lambda.regions().values()) {
            assertFalse(r.sources().isEmpty(), r.code());
            r.sources().forEach(s -> assertTrue(lambda.sources().containsKey(s)));
            for (PriceTable t : r.tables().values()) {
                for (Tier tier : t.tiers()) {
                    tier.provenance().sources().forEach(s -> assertTrue(lambda.sources().containsKey(s), s));
                }
            }
        }
        assertEquals(2, lambda.freeTier().size());
        assertDecimal("400000", lambda.freeTier().get(1).quantity());
        assertDecimal("1000000", lambda.freeTier().get(0).quantity());
    }

    @Test
    void everyPriceCarriesItsSourcesStatusAndDate() {
        ServicePrices lambda = PriceBook.bundled().service("AWSLambda");
        // eu-central-1's provisioned concurrency is its own (not us-east-1's 0.0000041667), read from the map.
        Tier pc = lambda.region("eu-central-1").table("Lambda-Provisioned-Concurrency").tiers().get(0);
        assertDecimal("0.0000050147", pc.unitPrice());
        assertEquals(Provenance.Status.CONFIRMED, pc.provenance().status());
        assertEquals(java.util.List.of("aws-calculator-lambda-map"), pc.provenance().sources());
        assertEquals(LocalDate.parse("2024-01-01"), pc.provenance().asOf());
        // Tier 2 is derived by the stated rule, from tier 1's sources and date.
        Tier t2 = lambda.region("eu-central-1").table("Lambda-GB-Second").tiers().get(1);
        assertTrue(t2.provenance().isDerived());
        assertEquals("lambda-duration-tiers", t2.provenance().rule().orElseThrow().id());
        assertEquals(LocalDate.parse("2024-01-01"), t2.provenance().asOf());
        // In us-east-1 the Price List gives tier 2: confirmed, dated by its newest source.
        Tier east2 = lambda.region("us-east-1").table("Lambda-GB-Second").tiers().get(1);
        assertFalse(east2.provenance().isDerived());
        assertEquals(LocalDate.parse("2025-10-28"), east2.provenance().asOf());
        assertEquals(LocalDate.parse("2025-12-01"),
                lambda.region("us-east-1").table("Request").tiers().get(0).provenance().asOf());
    }

    @Test
    void aPriceNoSourceGivesIsAbsentAndRefusedByName() {
        RegionPrices euc1 = PriceBook.bundled().service("AWSLambda").region("eu-central-1");
        assertTrue(euc1.find("Lambda-Provisioned-Concurrency-ARM").isEmpty());
        PriceUnavailableException e = assertThrows(PriceUnavailableException.class,
                () -> euc1.table("Lambda-Provisioned-Concurrency-ARM"));
        assertTrue(e.getMessage().contains("EUC1-Lambda-Provisioned-Concurrency-ARM"), e.getMessage());
        assertTrue(e.getMessage().contains("eu-central-1"), e.getMessage());
        assertFalse(e.getMessage().contains("--pricing-data"), "the library states facts: " + e.getMessage());
    }

    @Test
    void chinaIsItsOwnPriceBookInYuan() {
        PriceBook cn = PriceBook.bundled(PriceBook.AWS_CN);
        assertEquals("CNY", cn.currency());
        assertSame(cn, PriceBook.bundledForRegion("cn-northwest-1"));
        assertSame(PriceBook.bundled(), PriceBook.bundledForRegion("eu-west-1"));
        assertDecimal("0.00000136", cn.service("AWSLambda").region("cn-north-1").table("Request").tiers().get(0)
                .unitPrice());
        assertEquals("CNN1-Request", cn.service("AWSLambda").region("cn-north-1").table("Request").usageType());
        assertTrue(cn.service("AWSLambda").freeTier().isEmpty(), "no source states a free tier in China");
        UnknownRegionException e = assertThrows(UnknownRegionException.class,
                () -> PriceBook.bundled().service("AWSLambda").region("cn-north-1"));
        assertTrue(e.getMessage().contains("CNY"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PriceBook.bundled("aws-mars"));
    }

    @Test
    void aDirectoryInAnotherCurrencyIsRefused() throws IOException {
        ObjectNode doc = bundledLambda();
        doc.put("currency", "CNY");
        Files.writeString(dir.resolve("lambda.json"), Json.json().writeValueAsString(doc));
        PricingDataException e = assertThrows(PricingDataException.class, () -> PriceBook.withOverrides(dir));
        assertEquals("$.currency", e.jsonPath());
        assertTrue(e.getMessage().contains("one currency"), e.getMessage());
    }

    @Test
    void unknownRegionNamesThePricedOnes() {
        UnknownRegionException e = assertThrows(UnknownRegionException.class,
                () -> PriceBook.bundled().service("AWSLambda").region("mars-north-1"));
        assertTrue(e.getMessage().contains("mars-north-1"), e.getMessage());
        assertTrue(e.getMessage().contains("af-south-1, ap-east-1"), e.getMessage());
        assertFalse(e.getMessage().contains("--pricing-data"), "the library states facts: " + e.getMessage());
    }

    @Test
    void overridesReplaceARegionAndAddNewOnes() throws IOException {
        ObjectNode doc = bundledLambda();
        ObjectNode regions = (ObjectNode) doc.get("regions");
        ObjectNode copy = usEast1(doc).deepCopy();
        copy.put("name", "Test region");
        copy.put("usageTypePrefix", "TST1-");
        regions.removeAll();
        regions.set("xx-test-1", copy);
        ObjectNode discounted = usEast1(bundledLambda()).deepCopy();
        ((ObjectNode) discounted.get("prices")).put("Request", "0.0000001");
        regions.set("us-east-1", discounted);
        Files.writeString(dir.resolve("lambda.json"), Json.json().writeValueAsString(doc));

        PriceBook book = PriceBook.withOverrides(dir);
        ServicePrices lambda = book.service("AWSLambda");
        assertEquals("TST1-Request", lambda.region("xx-test-1").table("Request").usageType());
        assertDecimal("0.0000001", lambda.region("us-east-1").table("Request").tiers().get(0).unitPrice());
        assertTrue(lambda.regions().containsKey("eu-west-1"), "bundled regions stay");
        assertDecimal("0.0000002", PriceBook.bundled().service("AWSLambda").region("us-east-1").table("Request")
                .tiers().get(0).unitPrice());
    }

    private static ObjectNode tier(ObjectNode doc, String usageType, int i) {
        return (ObjectNode) usEast1(doc).get("prices").get(usageType).get("tiers").get(i);
    }

    @Test
    void tiersMustStartAtZero() throws IOException {
        PricingDataException e = brokenBy(d -> tier(d, "Lambda-GB-Second", 0).put("fromInclusive", "1"));
        assertTrue(e.getMessage().contains("lambda.json"), e.getMessage());
        assertEquals("$.regions.us-east-1.prices.Lambda-GB-Second.tiers[0].fromInclusive", e.jsonPath());
        assertTrue(e.getMessage().contains("must start at 0"), e.getMessage());
    }

    @Test
    void tiersMustAbut() throws IOException {
        PricingDataException e = brokenBy(d -> tier(d, "Lambda-GB-Second", 1).put("fromInclusive", "6000000001"));
        assertEquals("$.regions.us-east-1.prices.Lambda-GB-Second.tiers[1].fromInclusive", e.jsonPath());
        assertTrue(e.getMessage().contains("abut"), e.getMessage());
    }

    @Test
    void aBoundedLastTierPricesNothingBeyondIt() throws IOException {
        ObjectNode doc = bundledLambda();
        ((ArrayNode) usEast1(doc).get("prices").get("Lambda-GB-Second").get("tiers")).remove(2);
        Files.writeString(dir.resolve("lambda.json"), Json.json().writeValueAsString(doc));
        PriceTable t = PriceBook.withOverrides(dir).service("AWSLambda").region("us-east-1").table("Lambda-GB-Second");
        assertDecimal("15000000000", t.pricedUpTo().orElseThrow());
        assertTrue(PriceBook.bundled().service("AWSLambda").region("us-east-1").table("Lambda-GB-Second").pricedUpTo()
                .isEmpty());
    }

    @Test
    void pricesMustNotBeNegative() throws IOException {
        PricingDataException e = brokenBy(d -> ((ObjectNode) usEast1(d).get("prices")).put("Request", "-0.0000002"));
        assertEquals("$.regions.us-east-1.prices.Request", e.jsonPath());
        assertTrue(e.getMessage().contains("must not be negative"), e.getMessage());
    }

    @Test
    void everyPriceNeedsASourceAndAStatusAndADerivedOneItsRule() throws IOException {
        PricingDataException e = brokenBy(d -> usEast1(d).remove("defaults"));
        assertTrue(e.getMessage().contains("has no status"), e.getMessage());
        e = brokenBy(d -> ((ObjectNode) usEast1(d).get("defaults")).remove("sources"));
        assertTrue(e.getMessage().contains("names no source"), e.getMessage());
        e = brokenBy(d -> ((ObjectNode) usEast1(d).get("defaults")).put("status", "derived"));
        assertTrue(e.getMessage().contains("names no rule"), e.getMessage());
        e = brokenBy(d -> tier(d, "Lambda-GB-Second", 1).put("rule", "made-up"));
        assertTrue(e.getMessage().contains("is only for derived prices"), e.getMessage());
        e = brokenBy(d -> tier(d, "Lambda-GB-Second", 1).put("status", "derived").put("rule", "made-up"));
        assertTrue(e.getMessage().contains("names rule made-up"), e.getMessage());
        e = brokenBy(d -> tier(d, "Lambda-GB-Second", 1).put("status", "unconfirmed"));
        assertTrue(e.getMessage().contains("must be confirmed or derived"), e.getMessage());
    }

    @Test
    void aRegionMayLackUsageTypesButNotNameUnknownOnes() throws IOException {
        ObjectNode doc = bundledLambda();
        ((ObjectNode) usEast1(doc).get("prices")).remove("Request-ARM");
        Files.writeString(dir.resolve("lambda.json"), Json.json().writeValueAsString(doc));
        assertTrue(PriceBook.withOverrides(dir).service("AWSLambda").region("us-east-1").find("Request-ARM").isEmpty());
        PricingDataException e = brokenBy(d -> ((ObjectNode) usEast1(d).get("prices")).put("Reqest", "1"));
        assertEquals("$.regions.us-east-1.prices.Reqest", e.jsonPath());
    }

    @Test
    void unknownKeysAndUndefinedSourcesAreErrors() throws IOException {
        PricingDataException e = brokenBy(d -> usEast1(d).put("prise", "1"));
        assertTrue(e.getMessage().contains("unknown key prise"), e.getMessage());
        e = brokenBy(d -> ((ArrayNode) usEast1(d).get("sources")).add("nowhere"));
        assertEquals("$.regions.us-east-1.sources[2]", e.jsonPath());
        e = brokenBy(d -> ((ArrayNode) usEast1(d).get("defaults").get("sources")).add("nowhere"));
        assertTrue(e.getMessage().contains("names source nowhere"), e.getMessage());
    }

    @Test
    void schemaVersionAndCurrencyAreChecked() throws IOException {
        PricingDataException e = brokenBy(d -> d.put("schemaVersion", 1));
        assertEquals("$.schemaVersion", e.jsonPath());
        assertTrue(e.getMessage().contains("format 2 gives each price its sources"), e.getMessage());
        assertEquals("$.currency", brokenBy(d -> d.put("currency", "usd")).jsonPath());
    }

    @Test
    void malformedJsonNamesTheFileAndLine() throws IOException {
        Files.writeString(dir.resolve("lambda.json"), "{\n  \"schemaVersion\": 2,\n  oops\n}");
        PricingDataException e = assertThrows(PricingDataException.class, () -> PriceBook.withOverrides(dir));
        assertTrue(e.getMessage().contains("lambda.json"), e.getMessage());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void aMissingDirectoryIsAnError() {
        PricingDataException e = assertThrows(PricingDataException.class,
                () -> PriceBook.withOverrides(dir.resolve("nope")));
        assertTrue(e.getMessage().contains("is not a directory"), e.getMessage());
    }

    @Test
    void pricesAreNeverReadThroughDouble() throws IOException {
        // 0.1 + 0.2 style: a price with 17 significant digits survives exactly.
        ObjectNode doc = bundledLambda();
        ((ObjectNode) usEast1(doc).get("prices")).put("Request", "0.00000020000000000000001");
        Files.writeString(dir.resolve("lambda.json"), Json.json().writeValueAsString(doc));
        assertDecimal("0.00000020000000000000001", PriceBook.withOverrides(dir).service("AWSLambda")
                .region("us-east-1").table("Request").tiers().get(0).unitPrice());
    }

    @Test
    void anOverrideThatLacksARuleAServiceNeedsFailsAtLoadNotAtEstimateTime() throws IOException {
        PricingDataException e = brokenBy(d -> ((ObjectNode) d.get("billingRules")).remove("snapStartCacheMinimumSeconds"));
        assertEquals("$.billingRules.snapStartCacheMinimumSeconds", e.jsonPath());
        assertEquals(dir.resolve("lambda.json").toString(), e.file(), "names the user's file, whose section replaced "
                + "the bundled one");
        assertTrue(e.getMessage().contains("is missing"), e.getMessage());
        // A limit without the maximum the checks read, and a malformed catalog entry, likewise.
        e = brokenBy(d -> ((ObjectNode) d.get("limits").get("memoryMb")).remove("max"));
        assertEquals("$.limits.memoryMb.max", e.jsonPath());
        ObjectNode fargate;
        try (InputStream in = PriceBook.class.getResourceAsStream(PriceBook.BUNDLED_ROOT + "fargate.json")) {
            fargate = (ObjectNode) Json.json().readTree(in);
        }
        ((ObjectNode) fargate.get("catalog").get("vcpu-0.25")).put("memoryGb", "0.5 one 2");
        Files.writeString(dir.resolve("lambda.json"), Json.json().writeValueAsString(bundledLambda()));
        Files.writeString(dir.resolve("fargate.json"), Json.json().writeValueAsString(fargate));
        e = assertThrows(PricingDataException.class, () -> PriceBook.withOverrides(dir));
        assertEquals("$.catalog.vcpu-0.25.memoryGb", e.jsonPath());
        assertTrue(e.getMessage().contains("must be a number, was \"one\""), e.getMessage());
    }

    @Test
    void everyBundledTableBindsEveryServicesSchema() {
        for (String id : PriceBook.bundledIds()) {
            PriceBook book = PriceBook.bundled(id);
            for (TableSchema<?> s : io.github.computecost.estimate.Services.schemas()) {
                if (book.has(s.service())) {
                    assertTrue(book.tables(s) != null, id + " " + s);
                }
            }
        }
    }

    @Test
    void anEstimateIsLabelledWithTheVersionOfTheDataItWasPricedFrom() throws IOException {
        ObjectNode doc = bundledLambda();
        doc.put("dataVersion", "2099-01-01");
        ObjectNode regions = (ObjectNode) doc.get("regions");
        ObjectNode euw1 = (ObjectNode) regions.get("eu-west-1").deepCopy();
        regions.removeAll();
        regions.set("eu-west-1", euw1);
        Files.writeString(dir.resolve("lambda.json"), Json.json().writeValueAsString(doc));
        PriceBook book = PriceBook.withOverrides(dir);
        var fn = io.github.computecost.lambda.LambdaFunction.builder("f").memoryMb(128).requestsPerMonth(1)
                .averageDurationMs(java.math.BigDecimal.ONE).build();
        var estimator = io.github.computecost.estimate.Estimator.of(book);
        assertEquals("AWSLambda@2026-12-02", estimator.estimate(java.util.List.of(fn)).pricingVersion(),
                "us-east-1 is priced from the bundled file");
        assertEquals("AWSLambda@2099-01-01", estimator.region("eu-west-1").estimate(java.util.List.of(fn))
                .pricingVersion(), "eu-west-1 from the override");
        assertEquals("AWSLambda@2026-12-02+2099-01-01", estimator.estimate(java.util.List.of(fn,
                fn.withName("g").toBuilder().region("eu-west-1").build())).pricingVersion());
    }
}
