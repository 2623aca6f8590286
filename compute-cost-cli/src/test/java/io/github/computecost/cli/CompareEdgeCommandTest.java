package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The edge-functions issue's acceptance criteria, through the command line. */
class CompareEdgeCommandTest {

    @TempDir
    Path dir;

    static final String AUTH = "  - name: auth-at-edge\n    type: lambda-edge\n    eventType: viewer-request\n"
            + "    memoryMb: 128\n    requestsPerMonth: 10000000\n    durationMs: 50\n";

    Path file(String content) throws IOException {
        Path p = dir.resolve("w.yaml");
        Files.writeString(p, content);
        return p;
    }

    JsonNode json(String... args) throws IOException {
        CliRunner r = CliRunner.run(args);
        assertEquals(0, r.exitCode(), r.err());
        return TestJson.json().readTree(r.out());
    }

    @Test
    void estimateShowsLambdaEdgeRequestsAndDurationWithoutFreeTier() throws IOException {
        JsonNode out = json("estimate", file("resources:\n" + AUTH).toString(), "--format", "json");
        assertEquals("9.125625", out.get("totalMonthlyCostExact").asText());
        JsonNode items = out.get("resources").get(0).get("lineItems");
        assertEquals(2, items.size());
        assertEquals("Lambda-Edge-Request", items.get(0).get("usageType").asText());
        assertEquals("6", items.get(0).get("cost").asText());
        assertEquals("Lambda-Edge-GB-Second", items.get(1).get("usageType").asText());
        assertEquals("3.125625", items.get(1).get("cost").asText());
    }

    @Test
    void cloudFrontFunctionsFreeTierSharedAndSwitchable() throws IOException {
        String two = "resources:\n"
                + "  - name: a\n    type: cloudfront-function\n    eventType: viewer-request\n    invocationsPerMonth: 10000000\n"
                + "  - name: b\n    type: cloudfront-function\n    eventType: viewer-response\n    invocationsPerMonth: 1000000\n";
        Path f = file(two);
        assertEquals("0.90", json("estimate", f.toString(), "--format", "json").get("totalMonthlyCostExact").asText());
        assertEquals("1.10", json("estimate", f.toString(), "--format", "json", "--no-free-tier")
                .get("totalMonthlyCostExact").asText());
    }

    @Test
    void compareEdgeNamesTheCheaperOptionAndTheFit() throws IOException {
        Path f = file("resources:\n" + AUTH + "    needsNetwork: true\n");
        JsonNode c = json("compare-edge", f.toString(), "--format", "json").get("comparisons").get(0);
        assertEquals("9.125625", c.get("lambdaEdgeMonthlyCostExact").asText());
        assertEquals("0.80", c.get("cloudFrontFunctionsMonthlyCostExact").asText());
        assertEquals("cloudfront-functions", c.get("cheaper").asText());
        assertTrue(c.get("breakEvenRequestsPerMonth").isNull());
        assertEquals("does-not-fit", c.get("fitsCloudFrontFunctions").get("verdict").asText());
        boolean network = false;
        for (JsonNode check : c.get("fitsCloudFrontFunctions").get("checks")) {
            if (check.get("check").asText().equals("network")) {
                network = check.get("result").asText().equals("does-not-fit");
            }
        }
        assertTrue(network);

        CliRunner text = CliRunner.run("compare-edge", f.toString());
        assertTrue(text.out().contains("Lambda@Edge:          9.13 USD"), text.out());
        assertTrue(text.out().contains("CloudFront Functions: 0.80 USD"), text.out());
        assertTrue(text.out().contains("Cheaper: CloudFront Functions"), text.out());
        assertTrue(text.out().contains("Break-even: none: CloudFront Functions is cheaper at every volume above 0"));
        assertTrue(text.out().contains("does not fit (network)"), text.out());
    }

    @Test
    void compareEdgeGivesABreakEvenVolumeWhenThereIsOne() throws IOException {
        Path f = file("resources:\n  - name: ab\n    type: cloudfront-function\n    eventType: viewer-request\n"
                + "    invocationsPerMonth: 3000000\n    keyValueStoreReadsPerInvocation: 20\n");
        JsonNode c = json("compare-edge", f.toString(), "--format", "json").get("comparisons").get(0);
        assertTrue(c.get("breakEvenRequestsPerMonth").asText().startsWith("2773370.31"), c.toString());
        assertEquals("lambda-edge", c.get("cheaper").asText());
    }

    @Test
    void badEdgeInputExitsWithTwo() throws IOException {
        String[][] cases = {
            {AUTH.replace("viewer-request", "viewer"), "eventType must be one of viewer-request, viewer-response, origin-request, origin-response"},
            {AUTH.replace("10000000", "-1"), "$.resources[0].requestsPerMonth: must not be negative, was -1"},
            {AUTH.replace("memoryMb: 128", "memoryMb: 64"), "memoryMb 64 is outside what Lambda@Edge accepts: 128 to 10240 MB"},
            {AUTH.replace("durationMs: 50", "durationMs: 31000"), "maximum timeout of 30000 ms"},
            {AUTH + "    architecture: arm64\n", "unknown key architecture"},
            {"  - name: o\n    type: cloudfront-function\n    eventType: origin-request\n    invocationsPerMonth: 1\n",
                "eventType origin-request is not supported by CloudFront Functions (supported: viewer-request, viewer-response)"},
            {"  - name: o\n    type: cloudfront-function\n    eventType: viewer-request\n    invocationsPerMonth: -5\n",
                "invocationsPerMonth: must not be negative, was -5"},
        };
        for (String[] c : cases) {
            for (String command : new String[] {"estimate", "compare-edge"}) {
                CliRunner r = CliRunner.run(command, file("resources:\n" + c[0]).toString());
                assertEquals(2, r.exitCode(), command + ": " + r.out() + r.err());
                assertTrue(r.err().contains(c[1]), command + ": " + r.err());
                assertEquals(1, r.err().strip().lines().count(), r.err());
                assertFalse(r.err().contains("\tat "), r.err());
            }
        }
    }

    @Test
    void aFileWithoutEdgeFunctionsIsBadInputForCompareEdge() throws IOException {
        CliRunner r = CliRunner.run("compare-edge", file("resources:\n  - name: f\n    type: lambda\n    memoryMb: 128\n"
                + "    requestsPerMonth: 1\n    durationMs: 1\n").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("no lambda-edge or cloudfront-function resources"), r.err());
    }
}
