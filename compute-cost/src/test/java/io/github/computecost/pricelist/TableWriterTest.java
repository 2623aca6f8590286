package io.github.computecost.pricelist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.computecost.internal.Json;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.RegionPrices;
import io.github.computecost.pricing.ServicePrices;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The table writer is the reader's mirror: every bundled table, read as pricing data and handed back to the writer
 * (its sections, each region's header, notes and tiers with their provenance), is written out byte for byte as it
 * is bundled. The importer and {@code build-prices} both write through it.
 */
class TableWriterTest {

    static List<Path> bundledTables() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path dir : List.of(Path.of("pricing-data"), Path.of("pricing-data/aws-cn"))) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().equals("index.json"))
                        .sorted().forEach(out::add);
            }
        }
        return out;
    }

    /** What the reader gives of a table, as a draft for the writer. */
    static TableDraft drafted(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ServicePrices read = PriceBook.parse(file.getFileName().toString(), bytes);
        TableDraft t = new TableDraft(file.toString(), read.service(), read.currency(),
                (ObjectNode) Json.json().readTree(bytes));
        for (String code : read.regionCodes()) {
            RegionPrices r = read.region(code);
            t.header(code, new TableDraft.RegionHeader(r.name(), r.usageTypePrefix(), r.sources()));
            r.note().ifPresent(n -> t.note(code, n));
            r.tables().forEach((ut, table) -> t.put(code, ut, TableWriter.tiersOf(table), "read"));
        }
        return t;
    }

    @Test
    void everyBundledTableReadAndWrittenAgainIsTheSameBytes() throws IOException {
        List<Path> tables = bundledTables();
        assertTrue(tables.size() >= 15, tables.toString());
        for (Path file : tables) {
            String written = TableWriter.write(drafted(file), id -> {
                throw new AssertionError(file + " cites " + id + " without defining it");
            });
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), written, file.toString());
        }
    }

    @Test
    void aChangedPriceChangesOnlyItsLineAndKeepsItsProvenance() throws IOException {
        TableDraft t = drafted(Path.of("pricing-data/lambda.json"));
        List<TableDraft.TierDraft> tiers = t.get("us-east-1", "Request").orElseThrow();
        t.prices.get("us-east-1").put("Request", List.of(new TableDraft.TierDraft(BigDecimal.ZERO,
                Optional.empty(), new BigDecimal("0.00000025"), "confirmed", List.of("aws-price-list-awslambda"),
                Optional.empty())));
        t.skeleton.with("sources").putObject("aws-price-list-awslambda").put("url", "https://example.invalid/")
                .put("title", "an offer").put("asOf", "2026-12-01").put("checked", "2026-12-01");
        String written = TableWriter.write(t, id -> {
            throw new AssertionError(id);
        });
        ServicePrices again = PriceBook.parse("lambda.json", written.getBytes(StandardCharsets.UTF_8));
        var requests = again.region("us-east-1").table("Request").tiers().get(0);
        assertEquals(0, new BigDecimal("0.00000025").compareTo(requests.unitPrice()));
        assertEquals(List.of("aws-price-list-awslambda"), requests.provenance().sources());
        assertFalse(tiers.isEmpty());
        // Every other price of the region keeps its own sources.
        var gbSecond = again.region("us-east-1").table("Lambda-GB-Second").tiers().get(0).provenance();
        assertEquals(PriceBook.bundled().service("AWSLambda").region("us-east-1").table("Lambda-GB-Second").tiers()
                .get(0).provenance().sources(), gbSecond.sources());
    }

    @Test
    void aRegionWithoutAHeaderOrAnUndeclaredUsageTypeIsRefused() throws IOException {
        TableDraft t = drafted(Path.of("pricing-data/lambda-edge.json"));
        t.headers.clear();
        PriceListException e = assertThrows(PriceListException.class, () -> TableWriter.write(t, id -> null));
        assertTrue(e.getMessage().contains("region global has prices but no name"), e.getMessage());
        TableDraft u = drafted(Path.of("pricing-data/lambda-edge.json"));
        u.put("global", "Lambda-Edge-Nope", List.of(TableDraft.TierDraft.flat(BigDecimal.ONE, "x")), "test");
        e = assertThrows(PriceListException.class, () -> TableWriter.write(u, id -> null));
        assertTrue(e.getMessage().contains("Lambda-Edge-Nope, a usage type the table does not declare"), e.getMessage());
    }

    @Test
    void anImportIsWrittenInTheBundlesLayout() throws IOException {
        PriceListImporter.Result r = PriceListImporter.run(List.of(PriceListImporterTest.fixture("AmazonECS-us-east-1.json")));
        String text = r.files().get("fargate.json");
        JsonNode imported = Json.json().readTree(text);
        JsonNode bundled = Json.json().readTree(PriceBook.bundledFile("AmazonECSFargate").orElseThrow());
        List<String> a = new ArrayList<>();
        imported.fieldNames().forEachRemaining(a::add);
        List<String> b = new ArrayList<>();
        bundled.fieldNames().forEachRemaining(b::add);
        assertEquals(b, a);
        assertEquals(CanonicalJson.write(imported), text); // the bundle's canonical text, not a pretty printer's
        // One flat price with the region's provenance is one line, as in the bundle.
        assertTrue(imported.path("regions").path("us-east-1").path("prices").path("Fargate-vCPU-Hours:perCPU")
                .isTextual(), text);
    }
}
