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
        assertEquals("AWSLambda@2026-11-22,AWSLambdaEdge@2026-11-22,AmazonCloudFront@2026-11-22,AmazonEC2@2026-11-22,"
                + "AmazonECSFargate@2026-11-22,AmazonLightsail@2026-11-22", book.version());
        ServicePrices lambda = book.service("AWSLambda");
        assertEquals(LocalDate.parse("2025-10-01"), lambda.effectiveDate());
        assertTrue(lambda.regionCodes().size() >= 9, "us-east-1 and at least eight other regions");
        RegionPrices use1 = lambda.region("us-east-1");
        assertTrue(use1.confirmed());
        assertEquals("Lambda-GB-Second", use1.table("Lambda-GB-Second").usageType());
        assertDecimal("0.0000166667", use1.table("Lambda-GB-Second").tiers().get(0).unitPrice());
        assertDecimal("0.0000002", use1.table("Request").tiers().get(0).unitPrice());
        assertEquals("EU-Lambda-GB-Second-ARM", lambda.region("eu-west-1").table("Lambda-GB-Second-ARM").usageType());
        assertFalse(lambda.region("eu-west-1").confirmed());
        for (RegionPrices r : lambda.regions().values()) {
            assertFalse(r.sources().isEmpty(), r.code());
            r.sources().forEach(s -> assertTrue(lambda.sources().containsKey(s)));
        }
        assertEquals(2, lambda.freeTier().size());
        assertDecimal("400000", lambda.freeTier().get(1).quantity());
        assertDecimal("1000000", lambda.freeTier().get(0).quantity());
    }

    @Test
    void unknownRegionNamesThePricedOnes() {
        UnknownRegionException e = assertThrows(UnknownRegionException.class,
                () -> PriceBook.bundled().service("AWSLambda").region("mars-north-1"));
        assertTrue(e.getMessage().contains("mars-north-1"), e.getMessage());
        assertTrue(e.getMessage().contains("us-east-1, us-east-2"), e.getMessage());
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
        ((ObjectNode) discounted.get("prices").get("Request").get(0)).put("price", "0.0000001");
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

    @Test
    void tiersMustStartAtZero() throws IOException {
        PricingDataException e = brokenBy(d -> ((ObjectNode) usEast1(d).get("prices").get("Lambda-GB-Second").get(0))
                .put("fromInclusive", "1"));
        assertTrue(e.getMessage().contains("lambda.json"), e.getMessage());
        assertEquals("$.regions.us-east-1.prices.Lambda-GB-Second[0].fromInclusive", e.jsonPath());
        assertTrue(e.getMessage().contains("must start at 0"), e.getMessage());
    }

    @Test
    void tiersMustAbut() throws IOException {
        PricingDataException e = brokenBy(d -> ((ObjectNode) usEast1(d).get("prices").get("Lambda-GB-Second").get(1))
                .put("fromInclusive", "6000000001"));
        assertEquals("$.regions.us-east-1.prices.Lambda-GB-Second[1].fromInclusive", e.jsonPath());
        assertTrue(e.getMessage().contains("abut"), e.getMessage());
    }

    @Test
    void onlyTheLastTierIsOpen() throws IOException {
        PricingDataException e = brokenBy(d -> ((ObjectNode) usEast1(d).get("prices").get("Lambda-GB-Second").get(2))
                .put("toExclusive", "20000000000"));
        assertEquals("$.regions.us-east-1.prices.Lambda-GB-Second[2].toExclusive", e.jsonPath());
    }

    @Test
    void pricesMustNotBeNegative() throws IOException {
        PricingDataException e = brokenBy(d -> ((ObjectNode) usEast1(d).get("prices").get("Request").get(0))
                .put("price", "-0.0000002"));
        assertEquals("$.regions.us-east-1.prices.Request[0].price", e.jsonPath());
        assertTrue(e.getMessage().contains("must not be negative"), e.getMessage());
    }

    @Test
    void everyRegionPricesEveryUsageType() throws IOException {
        PricingDataException e = brokenBy(d -> ((ObjectNode) usEast1(d).get("prices")).remove("Request-ARM"));
        assertEquals("$.regions.us-east-1.prices", e.jsonPath());
        assertTrue(e.getMessage().contains("Request-ARM"), e.getMessage());
    }

    @Test
    void unknownKeysAndUndefinedSourcesAreErrors() throws IOException {
        PricingDataException e = brokenBy(d -> usEast1(d).put("prise", "1"));
        assertTrue(e.getMessage().contains("unknown key prise"), e.getMessage());
        e = brokenBy(d -> ((ArrayNode) usEast1(d).get("sources")).add("nowhere"));
        assertEquals("$.regions.us-east-1.sources[3]", e.jsonPath());
    }

    @Test
    void schemaVersionAndCurrencyAreChecked() throws IOException {
        assertEquals("$.schemaVersion", brokenBy(d -> d.put("schemaVersion", 2)).jsonPath());
        assertEquals("$.currency", brokenBy(d -> d.put("currency", "usd")).jsonPath());
    }

    @Test
    void malformedJsonNamesTheFileAndLine() throws IOException {
        Files.writeString(dir.resolve("lambda.json"), "{\n  \"schemaVersion\": 1,\n  oops\n}");
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
        ((ObjectNode) usEast1(doc).get("prices").get("Request").get(0)).put("price", "0.00000020000000000000001");
        Files.writeString(dir.resolve("lambda.json"), Json.json().writeValueAsString(doc));
        assertDecimal("0.00000020000000000000001", PriceBook.withOverrides(dir).service("AWSLambda")
                .region("us-east-1").table("Request").tiers().get(0).unitPrice());
    }
}
