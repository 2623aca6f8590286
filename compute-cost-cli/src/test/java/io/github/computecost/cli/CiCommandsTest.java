package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Budgets, diffs and output formats for CI, through the command line. */
class CiCommandsTest {

    @TempDir
    Path dir;

    static final String FN = "resources:\n  - name: fn\n    type: lambda\n    memoryMb: 512\n"
            + "    requestsPerMonth: 3000000\n    durationMs: 1000\n";

    Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void aTotalBudgetFailsTheBuildWithTheOverrun() throws IOException {
        Path over = file("over.yaml", "budget: { monthly: \"10.00\" }\n" + FN);
        CliRunner r = CliRunner.run("estimate", over.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("compute-cost: over budget: total monthly cost 18.73 USD (exact 18.73337) exceeds the budget of "
                + "10.00 USD by 8.73 USD (exact 8.73337)", r.err().strip());
        assertTrue(r.out().contains("OVER BUDGET: total monthly cost 18.73 USD"), r.out());

        Path raised = file("raised.yaml", "budget: { monthly: \"20.00\" }\n" + FN);
        CliRunner ok = CliRunner.run("estimate", raised.toString());
        assertEquals(0, ok.exitCode(), ok.err());
        assertEquals("", ok.err());
    }

    @Test
    void budgetsInJsonAndOnResourcesAndFromTheCommandLine() throws IOException {
        Path f = file("w.yaml", FN + "    budget: \"18.00\"\n");
        CliRunner r = CliRunner.run("estimate", f.toString(), "--format", "json", "--max-monthly-cost", "100");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("monthly cost of fn 18.73 USD (exact 18.73337) exceeds the budget of 18.00 USD by 0.73 USD"),
                r.err());
        JsonNode budgets = TestJson.json().readTree(r.out()).get("budgets");
        assertEquals(2, budgets.size());
        assertEquals("resource", budgets.get(0).get("scope").asText());
        assertEquals("fn", budgets.get(0).get("resource").asText());
        assertEquals("18.00", budgets.get(0).get("limit").asText());
        assertEquals("18.73", budgets.get(0).get("estimate").asText());
        assertTrue(budgets.get(0).get("over").asBoolean());
        assertEquals("0.73337", budgets.get(0).get("overByExact").asText());
        assertEquals("total", budgets.get(1).get("scope").asText());
        assertEquals(false, budgets.get(1).get("over").asBoolean());
        assertEquals(1, CliRunner.run("estimate", file("x.yaml", FN).toString(), "--max-monthly-cost", "18.7").exitCode());
        assertEquals(0, CliRunner.run("estimate", file("y.yaml", FN).toString(), "--max-monthly-cost", "18.73337").exitCode());
        assertEquals(2, CliRunner.run("estimate", file("z.yaml", FN).toString(), "--max-monthly-cost", "lots").exitCode());
        // Bad input, one line, never an internal error: a negative limit, and one beyond the number bounds.
        for (String bad : new String[] {"-5", "1e999999999", "1e-40"}) {
            CliRunner refused = CliRunner.run("estimate", file("b.yaml", FN).toString(), "--max-monthly-cost=" + bad);
            assertEquals(2, refused.exitCode(), bad + ": " + refused.err());
            assertTrue(refused.err().startsWith("compute-cost: --max-monthly-cost: "), refused.err());
            assertEquals(1, refused.err().strip().lines().count(), refused.err());
        }
        assertEquals(2, CliRunner.run("estimate", file("b.yaml", "budget: { monthly: -1 }\n" + FN).toString()).exitCode());
    }

    @Test
    void csvLineItemsSumExactlyToTheJsonTotal() throws IOException {
        Path example = Path.of("examples/orders.yaml");
        CliRunner csv = CliRunner.run("estimate", example.toString(), "--format", "csv");
        assertEquals(0, csv.exitCode(), csv.err());
        String[] lines = csv.out().split("\r\n");
        assertEquals("resource,type,region,description,usageType,quantity,unit,unitPrice,cost,currency,priceStatus,"
                + "priceAsOf", lines[0]);
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)"); // commas outside quotes
            assertEquals(12, cells.length, lines[i]);
            BigDecimal qty = new BigDecimal(cells[5]);
            BigDecimal price = new BigDecimal(cells[7]);
            BigDecimal cost = new BigDecimal(cells[8]);
            assertEquals(0, qty.multiply(price).compareTo(cost), lines[i]);
            sum = sum.add(cost);
        }
        JsonNode json = TestJson.json().readTree(CliRunner.run("estimate", example.toString(), "--format", "json").out());
        assertEquals(0, sum.compareTo(new BigDecimal(json.get("totalMonthlyCostExact").asText())));
        assertTrue(csv.out().contains("\"Duration (arm64), free tier (400,000 GB-s per account)\"")
                || csv.out().contains("\"Duration (x86_64), free tier (400,000 GB-s per account)\""), "quoted commas");
    }

    @Test
    void markdownIsATableWithTheTotalFirst() throws IOException {
        CliRunner r = CliRunner.run("estimate", file("w.yaml", FN).toString(), "--format", "markdown");
        assertEquals(0, r.exitCode());
        String[] lines = r.out().split("\n");
        assertEquals("### Monthly estimate: 18.73 USD", lines[0]);
        assertTrue(r.out().contains("| Resource | Type | Region | Monthly cost (USD) |\n| --- | --- | --- | ---: |\n"
                + "| fn | lambda | us-east-1 | 18.73 |\n"), r.out());
        assertTrue(r.out().contains("<details><summary>Line items</summary>"), r.out());
    }

    @Test
    void diffShowsTheChangedResourceAndFailsOnIncrease() throws IOException {
        String two = FN + "  - name: same\n    type: lambda\n    memoryMb: 128\n    requestsPerMonth: 10\n    durationMs: 1\n";
        Path base = file("base.yaml", two);
        Path head = file("head.yaml", two.replace("memoryMb: 512", "memoryMb: 1024"));
        CliRunner json = CliRunner.run("diff", base.toString(), head.toString(), "--format", "json");
        assertEquals(0, json.exitCode(), json.err());
        JsonNode d = TestJson.json().readTree(json.out());
        JsonNode fn = d.get("resources").get(0);
        assertEquals("changed", fn.get("status").asText());
        assertEquals("18.73337", fn.get("baseMonthlyCostExact").asText());
        // 1024 MB: 3,000,000 GB-s − 400,000 free = 2,600,000 × 0.0000166667 + 0.40
        assertEquals("43.73342", fn.get("headMonthlyCostExact").asText());
        assertEquals("25.00005", fn.get("changeExact").asText());
        assertEquals("133.45", fn.get("changePercent").asText());
        assertEquals("unchanged", d.get("resources").get(1).get("status").asText());
        assertEquals("25.00005", d.get("totalChangeExact").asText());

        CliRunner text = CliRunner.run("diff", base.toString(), head.toString());
        assertTrue(text.out().contains("Total: 18.73 -> 43.73 USD, +25.00 USD (+133.45%)"), text.out());
        CliRunner md = CliRunner.run("diff", base.toString(), head.toString(), "--format", "markdown");
        assertTrue(md.out().startsWith("### :arrow_up: Monthly cost +25.00 USD (+133.45%)\n"), md.out());
        assertTrue(md.out().contains("| fn | changed | 18.73 | 43.73 | +25.00 | +133.45% |"), md.out());
        // An unchanged resource is counted, not listed; the changed one shows its line items, adding up exactly.
        assertTrue(!md.out().contains("| same |") && md.out().contains("1 resource unchanged, not listed."), md.out());
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (com.fasterxml.jackson.databind.JsonNode li : fn.get("lineItems")) {
            sum = sum.add(new java.math.BigDecimal(li.get("changeExact").asText()));
            assertTrue(List.of("+", "-", "~").contains(li.get("change").asText()), li.toString());
        }
        assertEquals(0, sum.compareTo(new java.math.BigDecimal(fn.get("changeExact").asText())), fn.toString());
        assertTrue(text.out().contains("~ Duration (x86_64)") || text.out().contains("+ Duration (x86_64)"),
                text.out());

        CliRunner fail = CliRunner.run("diff", base.toString(), head.toString(), "--fail-on-increase", "10%");
        assertEquals(1, fail.exitCode());
        assertEquals("compute-cost: monthly cost increase 25.00005 USD (133.45%) exceeds the allowed increase of 10%",
                fail.err().strip());
        assertEquals(0, CliRunner.run("diff", base.toString(), head.toString(), "--fail-on-increase", "25.01").exitCode());
        assertEquals(1, CliRunner.run("diff", base.toString(), head.toString(), "--fail-on-increase", "25").exitCode());
        assertEquals(0, CliRunner.run("diff", head.toString(), base.toString(), "--fail-on-increase", "0%").exitCode());
        assertEquals(2, CliRunner.run("diff", base.toString(), head.toString(), "--fail-on-increase", "ten").exitCode());
        for (String bad : new String[] {"-5%", "1e999999999", "-1"}) {
            CliRunner r = CliRunner.run("diff", base.toString(), head.toString(), "--fail-on-increase=" + bad);
            assertEquals(2, r.exitCode(), bad + ": " + r.err());
            assertTrue(r.err().length() < 200, r.err());
        }
        assertEquals(2, CliRunner.run("diff", base.toString()).exitCode());
    }
}
