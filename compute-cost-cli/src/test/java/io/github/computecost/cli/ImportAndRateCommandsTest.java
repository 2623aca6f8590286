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
}
