package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The limit validators' acceptance criteria through {@code validate}. */
class ValidateCommandTest {

    @TempDir
    Path dir;

    Path file(String content) throws IOException {
        Path p = dir.resolve("w.yaml");
        Files.writeString(p, content);
        return p;
    }

    JsonNode validate(String content, int expectedExit) throws IOException {
        CliRunner r = CliRunner.run("validate", file(content).toString(), "--format", "json");
        assertEquals(expectedExit, r.exitCode(), r.out() + r.err());
        return TestJson.json().readTree(r.out());
    }

    static List<String> codes(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("violations").forEach(v -> out.add(v.get("code").asText()));
        return out;
    }

    @Test
    void everyLambdaErrorInOneRun() throws IOException {
        JsonNode r = validate("resources:\n  - name: big\n    type: lambda\n    memoryMb: 10241\n    timeoutSeconds: 901\n"
                + "    ephemeralStorageMb: 500\n    requestsPerMonth: 1\n    durationMs: 1\n", 1);
        assertFalse(r.get("valid").asBoolean());
        assertEquals(List.of("lambda.memory.range", "lambda.ephemeral-storage.range", "lambda.timeout.range"), codes(r));
        JsonNode memory = r.get("violations").get(0);
        assertEquals("big", memory.get("resource").asText());
        assertEquals("error", memory.get("severity").asText());
        assertEquals("memoryMb", memory.get("field").asText());
        assertEquals("10241", memory.get("value").asText());
        assertEquals("128 to 10240 MB", memory.get("limit").asText());
        CliRunner text = CliRunner.run("validate", file("resources:\n  - name: big\n    type: lambda\n    memoryMb: 10241\n"
                + "    timeoutSeconds: 901\n    ephemeralStorageMb: 500\n    requestsPerMonth: 1\n    durationMs: 1\n").toString());
        assertTrue(text.out().endsWith(": not valid, 3 errors, 0 warnings\n"), text.out());
    }

    @Test
    void moreLambdaLimits() throws IOException {
        JsonNode r = validate("resources:\n  - name: f\n    type: lambda\n    memoryMb: 128\n    requestsPerMonth: 1\n"
                + "    durationMs: 4000\n    timeoutSeconds: 3\n    layers: 6\n    packageZippedMb: 60\n"
                + "    packageUnzippedMb: 251\n    containerImageMb: 10241\n    invocation: async\n    payloadKb: 1025\n"
                + "    environmentVariables: { KEY: \"" + "x".repeat(4094) + "\" }\n", 1);
        assertEquals(List.of("lambda.duration.over-timeout", "lambda.environment.size", "lambda.layers",
                "lambda.package.zipped", "lambda.package.unzipped", "lambda.image.size", "lambda.payload"), codes(r));
        assertEquals("warning", r.get("violations").get(3).get("severity").asText());
    }

    @Test
    void fargateTaskSizes() throws IOException {
        JsonNode bad = validate("resources:\n  - name: web\n    type: fargate\n    vcpu: 1\n    memoryGb: 16\n", 1);
        assertEquals("web: memoryGb 16 is not offered with 1 vCPU (allowed: 2-8 GB in 1 GB steps)",
                bad.get("violations").get(0).get("message").asText());
        JsonNode ok = validate("resources:\n  - name: web\n    type: fargate\n    vcpu: 4\n    memoryGb: 30\n", 0);
        assertTrue(ok.get("valid").asBoolean());
        assertEquals(0, ok.get("violations").size());
    }

    @Test
    void edgeFunctionLimits() throws IOException {
        JsonNode r = validate("resources:\n  - name: cf\n    type: cloudfront-function\n    eventType: viewer-request\n"
                + "    invocationsPerMonth: 1\n    codeSizeKb: 12\n"
                + "  - name: le\n    type: lambda-edge\n    eventType: viewer-request\n    memoryMb: 20000\n"
                + "    requestsPerMonth: 1\n    durationMs: 31000\n    codeSizeKb: 60000\n    generatedResponseKb: 41\n", 1);
        assertEquals(List.of("cloudfront-function.code-size", "lambda-edge.memory.range", "lambda-edge.duration.timeout",
                "lambda-edge.code-size", "lambda-edge.response-size", "lambda-edge.viewer.legacy-limits"), codes(r));
    }

    @Test
    void concurrencyAgainstTheDefaultAndARaisedQuota() throws IOException {
        String fn = "resources:\n  - name: busy\n    type: lambda\n    memoryMb: 1024\n    requestsPerMonth: 1000000\n"
                + "    durationMs: 500\n    peakRequestsPerSecond: 3000\n";
        JsonNode warned = validate(fn, 0);
        assertTrue(warned.get("valid").asBoolean());
        assertEquals(List.of("lambda.concurrency.quota"), codes(warned));
        assertTrue(warned.get("violations").get(0).get("message").asText().contains("needs about 1500 concurrent"));
        assertEquals(0, validate("quotas: { lambdaConcurrentExecutions: 3000 }\n" + fn, 0).get("violations").size());
        // From the monthly average and a stated peak factor: 2,628,000,000 requests a month is 1,000 per second.
        JsonNode derived = validate("resources:\n  - name: f\n    type: lambda\n    memoryMb: 128\n"
                + "    requestsPerMonth: 2628000000\n    durationMs: 1000\n    peakFactor: 1.5\n", 0);
        assertTrue(derived.get("violations").get(0).get("message").asText().contains("needs about 1500"));
        // Two functions that fit one by one but not together.
        JsonNode shared = validate("resources:\n"
                + "  - name: a\n    type: lambda\n    memoryMb: 128\n    requestsPerMonth: 1\n    durationMs: 1000\n    peakRequestsPerSecond: 600\n"
                + "  - name: b\n    type: lambda\n    memoryMb: 128\n    requestsPerMonth: 1\n    durationMs: 1000\n    peakRequestsPerSecond: 600\n", 0);
        assertEquals(List.of("lambda.concurrency.region-quota"), codes(shared));
    }

    @Test
    void estimateReportsViolationsAndPricesTheRest() throws IOException {
        CliRunner r = CliRunner.run("estimate", file("resources:\n"
                + "  - name: ok\n    type: lambda\n    memoryMb: 128\n    requestsPerMonth: 10\n    durationMs: 1\n"
                + "  - name: bad\n    type: lambda\n    memoryMb: 64\n    requestsPerMonth: 1\n    durationMs: 1\n").toString(),
                "--format", "json");
        assertEquals(2, r.exitCode());
        JsonNode out = TestJson.json().readTree(r.out());
        assertEquals(1, out.get("resources").size());
        assertEquals("ok", out.get("resources").get(0).get("name").asText());
        assertEquals("lambda.memory.range", out.get("violations").get(0).get("code").asText());
        assertTrue(r.err().contains("bad: memoryMb 64 is outside what AWS Lambda accepts"), r.err());
    }

    @Test
    void templatesAndTaskDefinitionsThroughTheCommandLine() throws IOException {
        CliRunner sam = CliRunner.run("estimate", "compute-cost/src/test/resources/config/sam.yaml", "--usage",
                "compute-cost/src/test/resources/config/sam-usage.yaml", "--format", "json");
        assertEquals(0, sam.exitCode(), sam.err());
        JsonNode out = TestJson.json().readTree(sam.out());
        // The three functions priced, and the HTTP API SAM creates for OrdersFunction's HttpApi event.
        assertEquals(4, out.get("resources").size());
        assertEquals("ServerlessHttpApi", out.get("resources").get(3).get("name").asText());
        assertEquals("api-gateway", out.get("resources").get(3).get("type").asText());
        assertEquals("template.unknown", out.get("violations").get(0).get("code").asText());
        assertEquals("1.22", out.get("totalMonthlyCostExact").asText());
        // What no service prices is listed, never dropped: the role and the distribution.
        List<String> unsupported = new java.util.ArrayList<>();
        out.get("notPriced").forEach(n -> unsupported.add(n.get("kind").asText() + " " + n.get("resource").asText()
                + " " + n.get("resourceType").asText()));
        assertTrue(unsupported.contains("unsupported-type Distribution AWS::CloudFront::Distribution"), unsupported.toString());
        assertEquals(unsupported.size(), out.get("notPricedCount").asInt());
        // The API has no usage in the usage file: shown as usage-based with its unit prices, not as a bare zero.
        assertTrue(out.get("warnings").toString().contains("usage-based: ServerlessHttpApi (api-gateway) has no usage"),
                out.get("warnings").toString());
        assertTrue(out.get("warnings").toString().contains("1.00 USD per 1M Requests (first tier) (USE1-ApiGatewayHttpRequest)"),
                out.get("warnings").toString());
        CliRunner ecs = CliRunner.run("validate", "compute-cost/src/test/resources/config/ecs-fargate-windows.json");
        assertEquals(0, ecs.exitCode(), ecs.out() + ecs.err());
        CliRunner bad = CliRunner.run("estimate", "examples/orders.yaml", "--usage", "compute-cost/src/test/resources/config/sam-usage.yaml");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("a usage file is for templates and task definitions"), bad.err());
    }

    @Test
    void unreadableFilesExitTwo() throws IOException {
        assertEquals(2, CliRunner.run("validate", dir.resolve("nope.yaml").toString()).exitCode());
        assertEquals(2, CliRunner.run("validate", file("resources: [").toString()).exitCode());
    }
}
