package io.github.computecost.pricelist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.computecost.internal.Json;
import io.github.computecost.pricelist.TableDraft.TierDraft;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.ServicePrices;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled tables are exactly what {@code build-prices} makes of the recipe ({@code pricing-src/}) and the
 * sourced data. The sourced data lives beside the project ({@code ../shared/sources}, as in CI); where it is
 * absent, as on a user's machine, the rebuild cannot run and is skipped.
 */
class BundleReproducibleTest {

    static final Path SOURCES = Path.of("../shared/sources");
    static final Path RECIPE = Path.of("pricing-src");
    static final Path BUNDLE = Path.of("pricing-data");

    @Test
    void theBundleIsARebuildByteForByte() throws IOException {
        assumeTrue(Files.isDirectory(SOURCES), "the sourced data (../shared/sources) is not beside the project");
        BundleBuilder.Result r = BundleBuilder.build(RECIPE, SOURCES);
        TreeSet<String> bundled = new TreeSet<>();
        try (Stream<Path> s = Files.walk(BUNDLE)) {
            s.filter(Files::isRegularFile).forEach(p -> bundled.add(BUNDLE.relativize(p).toString().replace('\\', '/')));
        }
        assertEquals(new TreeSet<>(r.files().keySet()), bundled, "the bundle has exactly the files a rebuild writes");
        for (var f : r.files().entrySet()) {
            assertEquals(f.getValue(), Files.readString(BUNDLE.resolve(f.getKey()), StandardCharsets.UTF_8),
                    f.getKey() + " differs from a rebuild: run build-prices --sources ../shared/sources");
        }
        assertEquals(List.of(), BundleBuilder.changedFiles(r, BUNDLE));
    }

    @Test
    void twoSourcesThatDisagreeStopTheBuildAndAgreeingOnesAreBothCited() {
        TableDraft t = new TableDraft("x.json", "X", "USD", io.github.computecost.internal.Json.nodes().objectNode());
        t.put("us-east-1", "Request", List.of(TierDraft.flat(new BigDecimal("0.0000002000"), "a")), "first");
        t.put("us-east-1", "Request", List.of(TierDraft.flat(new BigDecimal("0.0000002"), "b")), "second");
        assertEquals(List.of("a", "b"), t.get("us-east-1", "Request").orElseThrow().get(0).sources());
        PriceListException e = assertThrows(PriceListException.class, () -> t.put("us-east-1", "Request",
                List.of(TierDraft.flat(new BigDecimal("0.0000003"), "c")), "third"));
        assertTrue(e.getMessage().contains("sources disagree: 0.0000002 from 0 [a, b] vs 0.0000003 from 0 [c]"),
                e.getMessage());
        // A source that gives the first tier only merges with one that gives all three.
        BigDecimal six = new BigDecimal("6000000000");
        t.put("us-east-1", "D", List.of(TierDraft.confirmed(BigDecimal.ZERO, Optional.of(six), new BigDecimal("1"), "a")),
                "tier 1");
        t.put("us-east-1", "D", List.of(TierDraft.confirmed(BigDecimal.ZERO, Optional.of(six), new BigDecimal("1"), "b"),
                TierDraft.confirmed(six, Optional.empty(), new BigDecimal("0.9"), "b")), "all");
        assertEquals(2, t.get("us-east-1", "D").orElseThrow().size());
        assertEquals(List.of("b", "a"), t.get("us-east-1", "D").orElseThrow().get(0).sources());
    }

    @Test
    void theDurationTierRuleIsAwsRounding() {
        // us-east-1's Price List tiers, reproduced from tier 1 by the stated rule.
        assertEquals(0, new BigDecimal("0.000015").compareTo(BundleBuilder.lambdaDiscount(new BigDecimal("0.0000166667"), 1)));
        assertEquals(0, new BigDecimal("0.0000133334").compareTo(BundleBuilder.lambdaDiscount(new BigDecimal("0.0000166667"), 2)));
        assertEquals(0, new BigDecimal("0.0000120001").compareTo(BundleBuilder.lambdaDiscount(new BigDecimal("0.0000133334"), 1)));
        assertEquals(0, new BigDecimal("0.0000106667").compareTo(BundleBuilder.lambdaDiscount(new BigDecimal("0.0000133334"), 2)));
    }

    @Test
    void awsOwnCalculatorMapIsReadBesideItsTranscriptionAndMustAgreeWithIt(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws IOException {
        assumeTrue(Files.isDirectory(SOURCES), "the sourced data (../shared/sources) is not beside the project");
        Path copy = tmp.resolve("sources");
        try (Stream<Path> s = Files.walk(SOURCES)) {
            for (Path p : s.toList()) {
                Path to = copy.resolve(SOURCES.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Path map = copy.resolve("lambda/aws-calculator-lambda-map.json");
        Files.copy(Path.of("compute-cost/src/test/resources/calculator/lambda-map.json"), map);
        BundleBuilder.Result r = BundleBuilder.build(RECIPE, copy);
        var lambda = io.github.computecost.pricing.PriceBook.parse("lambda.json",
                r.files().get("lambda.json").getBytes(StandardCharsets.UTF_8));
        var pc = lambda.region("eu-central-1").table("Lambda-Provisioned-Concurrency").tiers().get(0).provenance();
        assertEquals(List.of("aws-calculator-lambda-map", "aws-calculator-lambda-map-file"), pc.sources());
        assertEquals(java.time.LocalDate.parse("2026-11-20"), pc.asOf(), "dated by the newer source");
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("\"Lambda Some-New-Meter\" is not one compute-cost "
                + "prices")), r.notes().toString());

        Files.writeString(map, Files.readString(map).replace("0.0000050147", "0.0000041667"));
        PriceListException e = assertThrows(PriceListException.class, () -> BundleBuilder.build(RECIPE, copy));
        assertTrue(e.getMessage().contains("eu-central-1 Lambda-Provisioned-Concurrency tier 1: sources disagree"),
                e.getMessage());
        Files.writeString(map, Files.readString(map).replace("EU (Frankfurt)", "Mars (Olympus)"));
        e = assertThrows(PriceListException.class, () -> BundleBuilder.build(RECIPE, copy));
        assertTrue(e.getMessage().contains("region \"Mars (Olympus)\" is not a location pricing-src/regions.csv knows"),
                e.getMessage());
    }

    @Test
    void aMissingSourceFileIsNamed() {
        PriceListException e = assertThrows(PriceListException.class,
                () -> BundleBuilder.build(RECIPE, Path.of("target/no-such-sources")));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    /** A new service's first table is a skeleton in the recipe, its prices quoted there: no builder code. */
    @Test
    void aSkeletonOfItsOwnBecomesATable(@TempDir Path tmp) throws IOException {
        assumeTrue(Files.isDirectory(SOURCES), "the sourced data (../shared/sources) is not beside the project");
        Path recipe = tmp.resolve("pricing-src");
        Files.createDirectories(recipe);
        try (Stream<Path> files = Files.list(RECIPE)) {
            for (Path f : files.toList()) {
                Files.copy(f, recipe.resolve(f.getFileName()));
            }
        }
        ObjectNode widget = (ObjectNode) Json.readTree(Files.readAllBytes(RECIPE.resolve("cloudfront.json")), false);
        widget.put("service", "ExampleWidget").put("priceListServiceCode", "ExampleWidget")
                .put("title", "A service only the recipe prices");
        ObjectNode price = widget.putObject("regions").putObject("eu-west-1").putObject("prices")
                .putObject("Executions-CloudFrontFunctions");
        price.put("price", "0.00000012");
        price.putArray("sources").add("aws-cloudfront-payg");
        Files.writeString(recipe.resolve("widget.json"), widget.toString());

        BundleBuilder.Result r = BundleBuilder.build(recipe, SOURCES);
        ServicePrices widgetTable = PriceBook.parse("widget.json",
                r.files().get("widget.json").getBytes(StandardCharsets.UTF_8));
        assertEquals("ExampleWidget", widgetTable.service());
        assertEquals(new BigDecimal("0.00000012"), widgetTable.region("eu-west-1")
                .table("Executions-CloudFrontFunctions").tiers().get(0).unitPrice());
        assertTrue(r.files().get("index.json").contains("\"ExampleWidget\""), r.files().get("index.json"));

        Files.writeString(recipe.resolve("widget.json"), "{\"title\": \"no service\"}");
        PriceListException e = assertThrows(PriceListException.class, () -> BundleBuilder.build(recipe, SOURCES));
        assertEquals("pricing-src/widget.json: a table skeleton names its \"service\"", e.getMessage());
    }
}
