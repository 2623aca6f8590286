package io.github.computecost.pricelist;

import static io.github.computecost.Decimals.assertDecimal;
import static io.github.computecost.Decimals.bd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.estimate.Estimator;
import io.github.computecost.lambda.LambdaFunction;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.ServicePrices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceListImporterTest {

    static final Path FIXTURES = Path.of("compute-cost/src/test/resources/pricelist");

    @TempDir
    Path dir;

    static Path fixture(String name) {
        return FIXTURES.resolve(name);
    }

    @Test
    void jsonAndCsvOffersBecomeTablesThatPriceTheFoundationExamples() {
        PriceListImporter.Result r = PriceListImporter.run(List.of(fixture("AWSLambda-us-east-1.json"),
                fixture("AWSLambda-us-east-2.csv")));
        assertEquals(List.of("lambda-edge.json", "lambda.json"), List.copyOf(r.files().keySet()));
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("free-tier rows passed over")), r.notes().toString());
        PriceListImporter.write(r, dir);
        PriceBook imported = PriceBook.directoryOnly(dir);
        ServicePrices lambda = imported.service("AWSLambda");
        assertEquals("2025-10-28", lambda.dataVersion());
        assertEquals("USE2-Lambda-GB-Second-ARM", lambda.region("us-east-2").table("Lambda-GB-Second-ARM").usageType());
        var tier1 = lambda.region("us-east-1").table("Lambda-GB-Second").tiers().get(0).provenance();
        assertEquals(List.of("aws-price-list-awslambda"), tier1.sources());
        assertFalse(tier1.isDerived());
        assertEquals(java.time.LocalDate.parse("2025-10-28"), tier1.asOf());
        assertEquals(3, lambda.region("us-east-1").table("Lambda-GB-Second").tiers().size());
        assertDecimal("0.0000000309", lambda.region("us-east-2").table("Lambda-Storage-GB-Second").tiers().get(0).unitPrice());
        // Laid over the bundle, the imported tables price the foundation's acceptance examples the same.
        Estimator e = Estimator.of(PriceBook.withOverrides(dir));
        assertDecimal("18.73337", e.estimate(List.of(LambdaFunction.builder("f").memoryMb(512).requestsPerMonth(3_000_000)
                .averageDurationMs(bd("1000")).build())).totalExact());
        assertDecimal("436.6675", e.withoutFreeTier().estimate(List.of(LambdaFunction.builder("f").memoryMb(1024)
                .requestsPerMonth(100_000_000).averageDurationMs(bd("250")).build())).totalExact());
        assertDecimal("0.00005001", imported.service("AWSLambdaEdge").region("global").table("Lambda-Edge-GB-Second")
                .tiers().get(0).unitPrice());
    }

    @Test
    void ec2KeepsSharedLinuxAndWindowsRowsOnly() {
        PriceListImporter.Result r = PriceListImporter.run(List.of(fixture("AmazonEC2-us-east-1.json")));
        ServicePrices ec2 = PriceBook.parse("ec2.json", r.files().get("ec2.json").getBytes());
        assertDecimal("0.0416", ec2.region("us-east-1").table("BoxUsage:t3.medium").tiers().get(0).unitPrice());
        assertDecimal("0.188", ec2.region("us-east-1").table("BoxUsage:m5.large/RunInstances:0002").tiers().get(0)
                .unitPrice());
        assertDecimal("0.096", ec2.region("us-east-1").table("BoxUsage:m5.large").tiers().get(0).unitPrice());
    }

    @Test
    void fargateFromTheEcsOffer() {
        PriceListImporter.Result r = PriceListImporter.run(List.of(fixture("AmazonECS-us-east-1.json")));
        ServicePrices fargate = PriceBook.parse("fargate.json", r.files().get("fargate.json").getBytes());
        assertEquals("USE1-Fargate-vCPU-Hours:perCPU", fargate.region("us-east-1").table("Fargate-vCPU-Hours:perCPU")
                .usageType());
        assertDecimal("0.04048", fargate.region("us-east-1").table("Fargate-vCPU-Hours:perCPU").tiers().get(0).unitPrice());
        assertEquals("2026-03-02", fargate.dataVersion());
    }

    @Test
    void cloudFrontFunctionsZeroPricedFirstTierIsTheBundledFreeTier() {
        PriceListImporter.Result r = PriceListImporter.run(List.of(fixture("AmazonCloudFront-global.json")));
        ServicePrices cf = PriceBook.parse("cloudfront.json", r.files().get("cloudfront.json").getBytes());
        var invocations = cf.region("global").table("Executions-CloudFrontFunctions").tiers();
        assertEquals(1, invocations.size()); // the free 2M is the allowance, not a tier as well
        assertDecimal("0", invocations.get(0).fromInclusive());
        assertDecimal("0.0000001", invocations.get(0).unitPrice());
        assertDecimal("0.00000003", cf.region("global").table("KeyValueStore-EdgeReads").tiers().get(0).unitPrice());
        assertDecimal("2000000", cf.freeTier().get(0).quantity());
        assertEquals(List.of("aws-price-list-amazoncloudfront"),
                cf.region("global").table("KeyValueStore-EdgeReads").tiers().get(0).provenance().sources());
        assertEquals("2025-11-03", cf.dataVersion());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("Executions-CloudFrontFunctions: the offer's zero-priced "
                + "first 2000000 is the free tier")), r.notes().toString());
    }

    @Test
    void importedCloudFrontTablesPriceAFunctionAsTheBundledOnesDo() throws IOException {
        PriceListImporter.write(PriceListImporter.run(List.of(fixture("AmazonCloudFront-global.json"))), dir);
        var fn = io.github.computecost.edge.CloudFrontFunction.builder("rewrite").eventType(io.github.computecost.edge.EdgeEventType.VIEWER_REQUEST).invocationsPerMonth(12_000_000).build().withKeyValueStoreReadsPerInvocation(2);
        var bundled = Estimator.of(PriceBook.bundled()).estimate(List.of(fn)).totalExact();
        var imported = Estimator.of(PriceBook.withOverrides(dir)).estimate(List.of(fn)).totalExact();
        // 10M paid invocations × $0.10 per million + 22M paid reads × $0.03 per million
        assertDecimal("1.66", bundled);
        assertDecimal("1.66", imported);
    }

    @Test
    void aRangeOrPriceBeyondAnyAwsFigureIsRefusedAtOnce() throws IOException {
        // An exponent of a billion would be written out as a gigabyte of digits; it is refused as it is read.
        String offer = Files.readString(fixture("AWSLambda-us-east-1.json"));
        for (String[] c : new String[][] {{"\"beginRange\": \"0\"", "\"beginRange\": 1e999999999", "beginRange"},
            {"\"beginRange\": \"0\"", "\"beginRange\": \"1e-999999999\"", "beginRange"},
            {"\"USD\": \"0.0000166667\"", "\"USD\": \"1234567890123456789012345678901234567890\"",
                "pricePerUnit"}}) {
            assertTrue(offer.contains(c[0]), c[0]);
            Path p = dir.resolve("AWSLambda-us-east-1.json");
            Files.writeString(p, offer.replaceFirst(java.util.regex.Pattern.quote(c[0]),
                    java.util.regex.Matcher.quoteReplacement(c[1])));
            PriceListException e = assertThrows(PriceListException.class, () -> PriceListImporter.run(List.of(p)));
            assertTrue(e.getMessage().contains(": SKU ") && e.getMessage().contains(c[2] + " must be a decimal of at "
                    + "most 30 digits and exponent"), e.getMessage());
            assertTrue(e.getMessage().length() < 300, e.getMessage());
        }
    }

    @Test
    void aZeroPricedFirstTierThatIsNotTheBundledFreeTierIsRefused() throws IOException {
        Path offer = dir.resolve("cf.json");
        Files.writeString(offer, Files.readString(fixture("AmazonCloudFront-global.json"))
                .replace("\"endRange\": \"2000000\"", "\"endRange\": \"1000000\"")
                .replace("\"beginRange\": \"2000000\"", "\"beginRange\": \"1000000\""));
        PriceListException e = assertThrows(PriceListException.class, () -> PriceListImporter.run(List.of(offer)));
        assertTrue(e.getMessage().contains("zero-priced first tier ends at 1000000 but the bundled free tier is 2000000"),
                e.getMessage());
    }

    @Test
    void lightsailHoursFromTheOfferPlanPricesAndIpv6OnlyPlansKeptAsBundled() throws IOException {
        PriceListImporter.Result r = PriceListImporter.run(List.of(fixture("AmazonLightsail-us-east-1.json")));
        ServicePrices ls = PriceBook.parse("lightsail.json", r.files().get("lightsail.json").getBytes());
        var east = ls.region("us-east-1");
        assertDecimal("0.00672", east.table("BundleUsage:0.5GB").tiers().get(0).unitPrice()); // $5 / 744, cut to 5 places
        assertDecimal("0.01276", east.table("BundleUsage:0.5GB_win").tiers().get(0).unitPrice());
        assertEquals("USE1-BundleUsage:4GB", east.table("BundleUsage:4GB").usageType());
        // Not in the offer: the plan prices and the IPv6-only plans' hours stay as bundled, with their own sources.
        assertDecimal("5", east.table("BundleMonth:nano_3_0").tiers().get(0).unitPrice());
        assertTrue(east.table("BundleMonth:nano_3_0").tiers().get(0).provenance().sources()
                .contains("aws-lightsail-bundles"));
        assertDecimal("0.0047", east.table("BundleUsage:nano_ipv6_3_0").tiers().get(0).unitPrice());
        assertTrue(east.table("BundleUsage:nano_ipv6_3_0").tiers().get(0).provenance().isDerived());
        assertEquals(List.of("aws-price-list-amazonlightsail"),
                east.table("BundleUsage:0.5GB").tiers().get(0).provenance().sources());
        // eu-central-1: the offer's hours beside the bundled overage; no source gives its plan prices.
        var euc1 = ls.region("eu-central-1");
        assertDecimal("0.00672", euc1.table("BundleUsage:0.5GB").tiers().get(0).unitPrice());
        assertTrue(euc1.find("BundleMonth:nano_3_0").isEmpty());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("kept as bundled")), r.notes().toString());

        // Laid over the bundle: a whole month still costs the plan price, hours cost the offer's hourly price.
        PriceListImporter.write(r, dir);
        Estimator e = Estimator.of(PriceBook.withOverrides(dir));
        var nano = io.github.computecost.lightsail.LightsailInstance.builder("b").bundle("nano_3_0").count(1).build();
        assertDecimal("5", e.estimate(List.of(nano)).totalExact());
        assertDecimal("0.672", e.estimate(List.of(nano.withHoursPerMonth(bd("100")))).totalExact());
        assertDecimal("0.672", Estimator.of(PriceBook.bundled()).estimate(List.of(nano.withHoursPerMonth(bd("100"))))
                .totalExact()); // the bundled hourly price is derived by the same rule: $5 / 744 cut to 5 places
        var frankfurt = nano.withRegion("eu-central-1");
        assertDecimal("0.672", e.estimate(List.of(frankfurt.withHoursPerMonth(bd("100")))).totalExact());
        assertThrows(io.github.computecost.pricing.PriceUnavailableException.class,
                () -> e.estimate(List.of(frankfurt))); // a whole month needs the plan price, which no source gives
    }

    @Test
    void twoPricesForOneTierAreRefusedNotGuessed() throws IOException {
        Path offer = dir.resolve("ls.json");
        String text = Files.readString(fixture("AmazonLightsail-us-east-1.json"));
        int older = text.indexOf("\"vcpu\": \"1\""); // the older 0.5 GB plan generation, same usage type
        assertTrue(older > 0);
        // give it another price
        String sku = text.substring(text.lastIndexOf("\"sku\": \"", older) + 8, text.lastIndexOf("\"sku\": \"", older) + 19);
        int term = text.indexOf("\"" + sku + ".JRTCKXETXF\": {");
        int price = text.indexOf("\"USD\": \"0.0067200000\"", term);
        Files.writeString(offer, text.substring(0, price) + "\"USD\": \"0.0070000000\""
                + text.substring(price + "\"USD\": \"0.0067200000\"".length()));
        PriceListException ex = assertThrows(PriceListException.class, () -> PriceListImporter.run(List.of(offer)));
        assertTrue(ex.getMessage().contains("BundleUsage:0.5GB: two prices for the tier from 0"), ex.getMessage());
    }

    @Test
    void aMalformedOrTruncatedOfferIsRefusedAndNothingIsWritten() throws IOException {
        PriceListException e = assertThrows(PriceListException.class, () -> PriceListImporter.run(List.of(
                fixture("AWSLambda-us-east-1.json"), fixture("AWSLambda-truncated.json"))));
        assertTrue(e.getMessage().startsWith(fixture("AWSLambda-truncated.json") + ": malformed JSON at line "),
                e.getMessage());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "\"OfferCode\",\"AWSLambda\"\n\"SKU\",\"TermType\",\"Unit\",\"PricePerUnit\"\n\"A\",\"OnDemand\",\"x\n");
        e = assertThrows(PriceListException.class, () -> PriceListImporter.run(List.of(bad)));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"offerCode\": \"AmazonS3\", \"products\": {}, \"terms\": {}}");
        e = assertThrows(PriceListException.class, () -> PriceListImporter.run(List.of(other)));
        assertTrue(e.getMessage().contains("not one compute-cost prices"), e.getMessage());
    }

    @Test
    void diffPricesListsExactlyTheChangedRows() throws IOException {
        Path v1 = dir.resolve("v1");
        Path v2 = dir.resolve("v2");
        PriceListImporter.write(PriceListImporter.run(List.of(fixture("AWSLambda-us-east-1.json"))), v1);
        PriceListImporter.write(PriceListImporter.run(List.of(fixture("AWSLambda-us-east-1-v2.json"))), v2);
        List<PriceDiff.Change> changes = PriceDiff.between(PriceBook.directoryOnly(v1), PriceBook.directoryOnly(v2));
        assertEquals(1, changes.size(), changes.toString());
        assertEquals("changed AWSLambda us-east-1 Request: 0.0000002 per Requests -> 0.00000021 per Requests",
                changes.get(0).toString());
        PriceListImporter.write(PriceListImporter.run(List.of(fixture("AWSLambda-us-east-1.json"),
                fixture("AWSLambda-us-east-2.csv"))), dir.resolve("v3"));
        List<PriceDiff.Change> added = PriceDiff.between(PriceBook.directoryOnly(v1), PriceBook.directoryOnly(dir.resolve("v3")));
        assertFalse(added.isEmpty());
        assertTrue(added.stream().allMatch(c -> c.kind() == PriceDiff.Kind.ADDED && c.region().equals("us-east-2")));
    }

    @Test
    void gzippedOffersAreRead() throws IOException {
        Path gz = dir.resolve("AWSLambda.json.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(fixture("AWSLambda-us-east-1.json")));
        }
        Offer o = OfferReader.read(gz, a -> a.getOrDefault("usagetype", "").equals("Request"));
        assertEquals("AWSLambda", o.offerCode());
        assertEquals(1, o.rows().size());
        assertDecimal("0.0000002", o.rows().get(0).priceUsd());
        assertTrue(o.skipped().get("product not priced by compute-cost") > 10);
    }

    @Test
    void progressCountsEveryByteOfTheOffersAgainstTheirSizeTogether() throws java.io.IOException {
        List<java.nio.file.Path> offers = List.of(fixture("AWSLambda-us-east-1.json"), fixture("AWSLambda-us-east-2.csv"));
        List<io.github.computecost.Progress> seen = new java.util.ArrayList<>();
        PriceListImporter.Result r = PriceListImporter.run(offers, seen::add);
        io.github.computecost.Progress last = seen.get(seen.size() - 1);
        long size = java.nio.file.Files.size(offers.get(0)) + java.nio.file.Files.size(offers.get(1));
        org.junit.jupiter.api.Assertions.assertTrue(last.done());
        assertEquals(size, last.totalBytes().getAsLong());
        assertEquals(size, last.bytes());
        assertEquals(PriceListImporter.run(offers).files(), r.files()); // the same tables as without a listener
    }
}
