package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import-prices, diff-prices and rate-usage through the command line, on the library's test data. */
class ImportAndRateCommandsTest {

    static final Path FIXTURES = Path.of("compute-cost/src/test/resources/pricelist");
    static final Path LEGACY = Path.of("compute-cost/src/test/resources/rerate/cur-legacy.csv");

    @TempDir
    Path dir;

    static Path fixture(String name) {
        return FIXTURES.resolve(name);
    }

    @Test
    void theCommandLineImportsAndDiffs() throws IOException {
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        int code = Main.run(new java.io.PrintWriter(out), new java.io.PrintWriter(err),
                "import-prices", "--offer", fixture("AWSLambda-us-east-1.json").toString(), "--out", dir.resolve("a").toString());
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("wrote " + dir.resolve("a").resolve("lambda.json")), out.toString());
        Main.run(new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter()), "import-prices", "--offer",
                fixture("AWSLambda-us-east-1-v2.json").toString(), "--out", dir.resolve("b").toString());
        var diff = new java.io.StringWriter();
        code = Main.run(new java.io.PrintWriter(diff), new java.io.PrintWriter(err),
                "diff-prices", dir.resolve("a").toString(), dir.resolve("b").toString());
        assertEquals(0, code);
        assertTrue(diff.toString().endsWith("1 change\n"), diff.toString());
        var bad = new java.io.StringWriter();
        code = Main.run(new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(bad), "import-prices", "--offer", fixture("AWSLambda-truncated.json").toString(),
                "--out", dir.resolve("c").toString());
        assertEquals(2, code);
        assertEquals(1, bad.toString().strip().lines().count(), bad.toString());
        assertFalse(Files.exists(dir.resolve("c")));
    }

    @Test
    void rateUsageThroughTheCommandLine() {
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        int code = Main.run(new java.io.PrintWriter(out), new java.io.PrintWriter(err),
                "rate-usage", LEGACY.toString(), "--format", "json");
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("\"totalExact\": \"48.28379\""), out.toString());
        code = Main.run(new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(err), "rate-usage", LEGACY.toString(), "--what-if", "graviton");
        assertEquals(2, code);
    }

    @Test
    void rateUsageGivesABillingFamilyOneFreeTierUnlessAskedPerAccount() {
        String org = "compute-cost/src/test/resources/rerate/cur-organization.csv";
        CliRunner family = CliRunner.run("rate-usage", org);
        assertEquals(0, family.exitCode(), family.err());
        assertTrue(family.out().contains("total 3.49 USD  (exact 3.4933402)"), family.out());
        assertTrue(family.out().contains("Free tier and tiers per billing family (payer account) and month"),
                family.out());
        CliRunner alone = CliRunner.run("rate-usage", org, "--per-account", "--format", "json");
        assertEquals(0, alone.exitCode(), alone.err());
        assertTrue(alone.out().contains("\"totalExact\": \"0.00\"") && alone.out().contains(
                "\"ratedPer\": \"usage account\""), alone.out());
    }

    static final String TYPES = "compute-cost/src/test/resources/rerate/cur-line-item-types.csv";

    @Test
    void rateUsageGroupsByTagShowsTheTopAndKeepsThePartsAddingUp() {
        CliRunner r = CliRunner.run("rate-usage", TYPES, "--group-by", "tag:team", "--top", "1");
        assertEquals(0, r.exitCode(), r.err());
        String out = r.out();
        // The most expensive team first, the rest in one row: 99.6304 + 18.73357 = 118.36397.
        assertTrue(out.matches("(?s).*Tag team +Cost \\(USD\\)\n +web +99\\.6304\n +\\(2 more\\) +18\\.73357\n.*"), out);
        assertTrue(out.contains("Passed through as billed (never re-rated, not in the total): 34.10492 USD"), out);
        assertTrue(out.matches("(?s).*DiscountedUsage +BoxUsage:m6i\\.large +730 +70\\.08 +44\\.165 +25\\.915\n.*"), out);
        assertTrue(out.contains("variance -0.00005 USD, -0.0001 % of billed"), out);
        // --top limits the reconciliation's rows too: the largest variance first, the total always.
        assertTrue(out.matches("(?s).*Share\n +222222222222 +Request +0\\.0002 +0\\.00025 +-0\\.00005 +-20\\.0000 %\n"
                + " +\\(3 more\\) *\n +Total +48\\.28397 +48\\.28402 .*"), out);
        assertTrue(out.contains("skipped 1: line item type not known to compute-cost"), out);
    }

    @Test
    void rateUsageGroupsACur2ExportByATagInItsResourceTagsMap() throws IOException {
        // The same bill with CUR 2.0's map column, as its CSV writes it, instead of the legacy tag column.
        java.util.List<String> lines = Files.readAllLines(Path.of(TYPES));
        StringBuilder cur2 = new StringBuilder(lines.get(0).replace("resourceTags/user:team", "resource_tags"))
                .append('\n');
        for (String line : lines.subList(1, lines.size())) {
            String team = line.substring(line.lastIndexOf(',') + 1);
            cur2.append(line, 0, line.lastIndexOf(',') + 1).append(team.isEmpty() ? "{}"
                    : "\"{\"\"user_team\"\":\"\"" + team + "\"\"}\"").append('\n');
        }
        Path file = Files.writeString(dir.resolve("cur2.csv"), cur2);
        CliRunner r = CliRunner.run("rate-usage", file.toString(), "--group-by", "tag:team", "--top", "1");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().matches("(?s).*Tag team +Cost \\(USD\\)\n +web +99\\.6304\n +\\(2 more\\) +18\\.73357\n.*"),
                r.out());
    }

    /** CUR 2.0's default delivery: the same bill as Parquet (Snappy, written by parquet-java; see its module). */
    static final String PARQUET = "compute-cost-parquet/src/test/resources/cur2-line-item-types.parquet";

    @Test
    void rateUsageReadsACur2ParquetExportToTheFiguresOfTheSameCsv() throws Exception {
        CliRunner r = CliRunner.run("rate-usage", PARQUET, "--group-by", "tag:team", "--top", "1");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("Re-rated " + PARQUET + ": "), r.out());
        assertTrue(r.out().matches("(?s).*Tag team +Cost \\(USD\\)\n +web +99\\.6304\n +\\(2 more\\) +18\\.73357\n.*"),
                r.out());
        assertTrue(r.out().contains("Passed through as billed (never re-rated, not in the total): 34.10492 USD"),
                r.out());
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var fromParquet = mapper.readTree(CliRunner.run("rate-usage", PARQUET, "--format", "json").out());
        var fromCsv = mapper.readTree(CliRunner.run("rate-usage", TYPES, "--format", "json").out());
        for (String field : new String[] {"/totalExact", "/rows", "/rated", "/skipped", "/passedThroughTotalExact",
            "/reconciliation/varianceExact", "/byUsageType"}) {
            assertFalse(fromCsv.at(field).isMissingNode(), field);
            assertEquals(fromCsv.at(field), fromParquet.at(field), field);
        }
        // A directory of parts is one export; its name says nothing, its first bytes do.
        Path parts = Files.createDirectory(dir.resolve("2026-10"));
        Files.copy(Path.of(PARQUET), parts.resolve("part-00000.parquet"));
        CliRunner dirRun = CliRunner.run("rate-usage", parts.toString(), "--format", "json");
        assertEquals(0, dirRun.exitCode(), dirRun.err());
        assertEquals(fromCsv.at("/totalExact"), mapper.readTree(dirRun.out()).at("/totalExact"));
    }

    @Test
    void aBrokenParquetExportIsOneLineOfBadInput() throws IOException {
        Path broken = Files.write(dir.resolve("bill.parquet"), new byte[] {'P', 'A', 'R', '1', 1, 2, 3, 4, 5});
        CliRunner r = CliRunner.run("rate-usage", broken.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("compute-cost: " + broken + ": not a Parquet file that can be read"), r.err());
        assertTrue(!r.err().contains("LocalInputFile@"), r.err()); // the file is named once, by its path
    }

    @Test
    void rateUsageJsonAndCsvCarryTheGroupsCoveredUsagePassedLinesAndReconciliation() throws Exception {
        CliRunner json = CliRunner.run("rate-usage", TYPES, "--format", "json", "--group-by", "account");
        assertEquals(0, json.exitCode(), json.err());
        var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
        assertEquals("account", root.at("/groups/by").asText());
        assertEquals("111111111111", root.at("/groups/rows/0/key").asText());
        assertEquals("118.36377", root.at("/groups/rows/0/costExact").asText());
        assertEquals("-0.00005", root.at("/reconciliation/varianceExact").asText());
        assertEquals("-0.000001", root.at("/reconciliation/shareOfBilled").asText());
        assertEquals("5.91008", root.at("/coveredUsage/0/discountExact").asText());
        assertEquals("34.10492", root.at("/passedThroughTotalExact").asText());
        CliRunner csv = CliRunner.run("rate-usage", TYPES, "--format", "csv", "--group-by", "line-item-type");
        assertEquals(0, csv.exitCode(), csv.err());
        assertEquals("line_item_type,cost,currency\r\nDiscountedUsage,70.08,USD\r\nSavingsPlanCoveredUsage,29.5504,USD"
                + "\r\nUsage,18.73357,USD\r\n", csv.out());
    }

    @Test
    void rateUsageRefusesABadGroupATopBelowOneAndATagTheExportLacks() {
        CliRunner group = CliRunner.run("rate-usage", TYPES, "--group-by", "team");
        assertEquals(2, group.exitCode());
        assertEquals("compute-cost: --group-by: group by resource, account, usage-type, line-item-type or tag:KEY, "
                + "not \"team\"", group.err().strip());
        CliRunner top = CliRunner.run("rate-usage", TYPES, "--top", "0");
        assertEquals(2, top.exitCode());
        assertEquals("compute-cost: --top must be at least 1, was 0", top.err().strip());
        CliRunner tag = CliRunner.run("rate-usage", LEGACY.toString(), "--group-by", "tag:owner");
        assertEquals(2, tag.exitCode());
        assertEquals(1, tag.err().strip().lines().count(), tag.err());
        assertTrue(tag.err().contains(LEGACY + ": no column for the tag owner (resourceTags/user:owner"), tag.err());
    }

    @Test
    void rateUsageReadsFocusByItsHeaderOrWhenNamedAndRefusesAnUnknownInputFormat() throws Exception {
        String focus = "compute-cost/src/test/resources/rerate/focus-line-item-types.csv";
        CliRunner auto = CliRunner.run("rate-usage", focus, "--format", "json");
        assertEquals(0, auto.exitCode(), auto.err());
        var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(auto.out());
        assertEquals("focus", root.at("/inputFormat").asText());
        assertEquals("118.36397", root.at("/totalExact").asText());
        CliRunner named = CliRunner.run("rate-usage", focus, "--input-format", "focus", "--group-by", "account");
        assertEquals(0, named.exitCode(), named.err());
        assertTrue(named.out().contains("Read as FOCUS"), named.out());
        CliRunner asCur = CliRunner.run("rate-usage", focus, "--input-format", "cur");
        assertEquals(2, asCur.exitCode());
        assertTrue(asCur.err().contains("no usage type and amount columns"), asCur.err());
        CliRunner bad = CliRunner.run("rate-usage", focus, "--input-format", "parquet");
        assertEquals(2, bad.exitCode());
        assertEquals("compute-cost: --input-format must be auto, cur or focus, was \"parquet\"", bad.err().strip());
    }

    @Test
    void rateUsageReadsAZstdCompressedExport() throws Exception {
        java.nio.file.Path zst = dir.resolve("cur.csv.zst");
        try (var out = new io.airlift.compress.zstd.ZstdOutputStream(java.nio.file.Files.newOutputStream(zst))) {
            out.write(java.nio.file.Files.readAllBytes(LEGACY));
        }
        CliRunner r = CliRunner.run("rate-usage", zst.toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\"totalExact\": \"48.28379\""), r.out());
    }
}
