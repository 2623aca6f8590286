package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acceptance criteria of the foundation issue, through the command line. */
class EstimateCommandTest {

    @TempDir
    Path dir;

    Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    static String lambda(String name, String fields) {
        return "  - name: " + name + "\n    type: lambda\n" + fields;
    }

    JsonNode json(String... args) throws IOException {
        CliRunner r = CliRunner.run(args);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        return TestJson.json().readTree(r.out());
    }

    CliRunner badInput(String... args) {
        CliRunner r = CliRunner.run(args);
        assertEquals(2, r.exitCode(), r.out() + r.err());
        // A file that cannot be read prints nothing on stdout; a resource AWS would reject is left out of an
        // estimate of the rest, which is printed with the violation.
        assertTrue(r.out().isEmpty() || r.out().contains("error "), r.out());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertTrue(r.err().startsWith("compute-cost: "), r.err());
        return r;
    }

    @Test
    void awsExample512MbThreeMillionOneSecond() throws IOException {
        Path f = file("w.yaml", "region: us-east-1\nresources:\n"
                + lambda("fn", "    memoryMb: 512\n    requestsPerMonth: 3000000\n    durationMs: 1000\n"));
        JsonNode out = json("estimate", f.toString(), "--format", "json");
        assertEquals("18.73337", out.get("totalMonthlyCostExact").asText());
        assertEquals("18.73", out.get("totalMonthlyCost").asText());
        assertEquals("USD", out.get("currency").asText());
        assertTrue(out.get("freeTier").asBoolean());
        assertEquals("AWSLambda@2026-12-02", out.get("pricingVersion").asText(), "the data it was priced from");
        JsonNode r = out.get("resources").get(0);
        assertEquals("fn", r.get("name").asText());
        assertEquals("lambda", r.get("type").asText());
        assertEquals("us-east-1", r.get("region").asText());
        assertEquals("18.73337", r.get("monthlyCostExact").asText());
        JsonNode billed = r.get("lineItems").get(3);
        assertEquals("Lambda-GB-Second", billed.get("usageType").asText());
        assertEquals("1100000", billed.get("quantity").asText());
        assertEquals("GB-Seconds", billed.get("unit").asText());
        assertEquals("0.0000166667", billed.get("unitPrice").asText());
        assertEquals("18.33337", billed.get("cost").asText());
        assertTrue(r.get("lineItems").get(0).get("description").asText().contains("free tier"));
    }

    @Test
    void noFreeTierFlag() throws IOException {
        Path f = file("w.yaml", "resources:\n"
                + lambda("fn", "    memoryMb: 1024\n    requestsPerMonth: 100000000\n    durationMs: 250\n"));
        JsonNode out = json("estimate", f.toString(), "--format", "json", "--no-free-tier");
        assertEquals("436.6675", out.get("totalMonthlyCostExact").asText());
        assertFalse(out.get("freeTier").asBoolean());
    }

    @Test
    void twoFunctionsShareTheFreeTier() throws IOException {
        String each = "    memoryMb: 128\n    requestsPerMonth: 1000000\n    durationMs: 3200\n";
        Path f = file("w.yaml", "resources:\n" + lambda("a", each) + lambda("b", each));
        JsonNode out = json("estimate", f.toString(), "--format", "json");
        // One function's worth: 1M requests × $0.0000002 + 400,000 GB-s × $0.0000166667
        assertEquals("6.86668", out.get("totalMonthlyCostExact").asText());
    }

    @Test
    void tierCrossingAndExactConservation() throws IOException {
        String big = "    memoryMb: 10240\n    requestsPerMonth: 700000000\n    durationMs: 1000\n"; // 7 B GB-s
        Path f = file("w.json", "{\"resources\": ["
                + "{\"name\": \"big\", \"type\": \"lambda\", \"memoryMb\": 10240, \"requestsPerMonth\": 700000000, \"durationMs\": 1000},"
                + "{\"name\": \"odd\", \"type\": \"lambda\", \"memoryMb\": 333, \"requestsPerMonth\": 1234567, \"durationMs\": 77.7},"
                + "{\"name\": \"arm\", \"type\": \"lambda\", \"architecture\": \"arm64\", \"memoryMb\": 2048, \"requestsPerMonth\": 99, \"durationMs\": 3}"
                + "]}");
        assertTrue(big.contains("10240"));
        JsonNode out = json("estimate", f.toString(), "--format", "json");
        JsonNode items = out.get("resources").get(0).get("lineItems");
        boolean first = false;
        boolean next = false;
        for (JsonNode li : items) {
            first |= li.get("description").asText().contains("first 6B");
            next |= li.get("description").asText().contains("next 9B");
        }
        assertTrue(first && next, items.toString());
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode r : out.get("resources")) {
            sum = sum.add(new BigDecimal(r.get("monthlyCostExact").asText()));
        }
        assertEquals(0, sum.compareTo(new BigDecimal(out.get("totalMonthlyCostExact").asText())));
    }

    @Test
    void textOutputShowsLineItemsAndTotal() throws IOException {
        Path f = file("w.yaml", "resources:\n"
                + lambda("fn", "    memoryMb: 512\n    requestsPerMonth: 3000000\n    durationMs: 1000\n"));
        CliRunner r = CliRunner.run("estimate", f.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Total: 18.73 USD per month  (exact 18.73337)"), r.out());
        assertTrue(r.out().contains("Duration (x86_64), first 6B"), r.out());
        assertTrue(r.out().contains("fn (lambda, us-east-1): 18.73 USD"), r.out());
    }

    @Test
    void badInputExitsWithTwoAndOneLine() throws IOException {
        String ok = "    memoryMb: 128\n    requestsPerMonth: 1\n    durationMs: 1\n";
        assertTrue(badInput("estimate", file("a.yaml", "resources:\n" + lambda("fn", ok.replace("128", "-5"))).toString())
                .err().contains("resource \"fn\", $.resources[0].memoryMb: must be a positive whole number, was -5"));
        assertTrue(badInput("estimate", file("b.yaml", "resources:\n"
                + lambda("fn", ok.replace("requestsPerMonth: 1", "requestsPerMonth: \"lots\""))).toString())
                .err().contains("$.resources[0].requestsPerMonth: must be a whole number, was \"lots\""));
        assertTrue(badInput("estimate", file("c.yaml", "resources:\n" + lambda("fn", ok + "    memroyMb: 5\n")).toString())
                .err().contains("unknown key memroyMb"));
        assertTrue(badInput("estimate", file("d.yaml", "region: us-east-9\nresources:\n" + lambda("fn", ok)).toString())
                .err().contains("no AWSLambda prices for region \"us-east-9\""));
        CliRunner missing = badInput("estimate", dir.resolve("missing.yaml").toString());
        assertTrue(missing.err().contains("missing.yaml: file not found"));
        assertEquals("", missing.out());
        assertTrue(badInput("estimate", file("e.yaml", "resources:\n" + lambda("fn", ok.replace("128", "64"))).toString())
                .err().contains("memoryMb 64 is outside what AWS Lambda accepts: 128 to 10240 MB"));
        assertTrue(badInput("estimate", "x.yaml", "--format", "xml").err().contains("--format"));
        assertTrue(badInput("estimate").err().contains("FILE"));
        assertTrue(badInput().err().contains("a command is required"));
        assertTrue(badInput("estimate", file("f.yaml", "resources:\n" + lambda("fn", ok)).toString(),
                "--pricing-data", dir.resolve("nope").toString()).err().contains("is not a directory"));
    }

    @Test
    void pricingDataDirectoryOverridesTheBundle() throws IOException {
        Path data = Files.createDirectory(dir.resolve("prices"));
        String bundled;
        try (var in = getClass().getResourceAsStream("/io/github/computecost/pricing-data/lambda.json")) {
            bundled = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Files.writeString(data.resolve("lambda.json"), bundled.replace("\"0.0000002\"", "\"0.0000004\""));
        Path f = file("w.yaml", "freeTier: false\nresources:\n"
                + lambda("fn", "    memoryMb: 128\n    requestsPerMonth: 1000000\n    durationMs: 0\n"));
        assertEquals("0.40", json("estimate", f.toString(), "--format", "json", "--pricing-data", data.toString())
                .get("totalMonthlyCostExact").asText());
        assertEquals("0.20", json("estimate", f.toString(), "--format", "json").get("totalMonthlyCostExact").asText());
    }

    @Test
    void helpAndVersion() {
        CliRunner h = CliRunner.run("estimate", "--help");
        assertEquals(0, h.exitCode());
        assertTrue(h.out().contains("--no-free-tier"), h.out());
        assertEquals(0, CliRunner.run("--version").exitCode());
    }
}
