package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.computecost.limits.Violation;
import io.github.computecost.testing.CostAssert;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate}, {@code estimate} and {@code CostAssert} give one answer, because they ask one pipeline
 * ({@code Estimator.assess}); {@code diff} reads what {@code estimate} reads. Each case here disagreed before.
 */
class OnePipelineTest {

    @TempDir
    Path dir;

    /** The violation codes of a file as validate prints them (JSON). */
    private static List<String> validateCodes(String... args) throws IOException {
        List<String> a = new ArrayList<>(List.of("validate"));
        a.addAll(List.of(args));
        a.addAll(List.of("--format", "json"));
        CliRunner r = CliRunner.run(a.toArray(String[]::new));
        assertTrue(r.exitCode() <= 1, r.err());
        List<String> codes = new ArrayList<>();
        TestJson.json().readTree(r.out()).get("violations").forEach(v -> codes.add(v.get("code").asText()));
        return codes;
    }

    private static List<String> estimateCodes(String... args) throws IOException {
        List<String> a = new ArrayList<>(List.of("estimate"));
        a.addAll(List.of(args));
        a.addAll(List.of("--format", "json", "--today", "2026-12-02"));
        CliRunner r = CliRunner.run(a.toArray(String[]::new));
        assertTrue(r.exitCode() <= 2, r.err());
        List<String> codes = new ArrayList<>();
        JsonNode v = TestJson.json().readTree(r.out()).get("violations");
        if (v != null) {
            v.forEach(x -> codes.add(x.get("code").asText()));
        }
        return codes;
    }

    private static List<String> costAssertCodes(Path file) {
        return CostAssert.assertThatWorkload(file).assessment().violations().violations().stream().map(Violation::code)
                .toList();
    }

    @TestFactory
    Stream<DynamicTest> validateEstimateAndCostAssertAgreeOnEveryExample() throws IOException {
        List<Path> examples;
        try (Stream<Path> s = Files.list(Path.of("examples"))) {
            examples = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        return examples.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            List<String> validate = validateCodes(p.toString());
            assertEquals(validate, costAssertCodes(p), "validate and CostAssert");
            String text = Files.readString(p);
            if (!text.contains("type: workload") && !text.contains("type: memory-tuning")) {
                assertEquals(validate, estimateCodes(p.toString()), "validate and estimate");
            }
        }));
    }

    @Test
    void aRaisedQuotaIsHonouredByValidateEstimateAndCostAssertAlike() throws IOException {
        Path f = dir.resolve("busy.yaml");
        // 3,000 requests a second of 1 s need 3,000 concurrent executions: above the default 1,000, within 5,000.
        String function = "resources:\n  - {name: busy, type: lambda, memoryMb: 128, requestsPerMonth: 1000000, "
                + "durationMs: 1000, peakRequestsPerSecond: 3000}\n";
        Files.writeString(f, function);
        assertEquals(List.of("lambda.concurrency.quota"), validateCodes(f.toString()));
        assertEquals(List.of("lambda.concurrency.quota"), costAssertCodes(f));
        assertEquals(List.of("lambda.concurrency.quota"), estimateCodes(f.toString()));
        Files.writeString(f, "quotas: {lambdaConcurrentExecutions: 5000}\n" + function);
        assertEquals(List.of(), validateCodes(f.toString()));
        assertEquals(List.of(), costAssertCodes(f));
        assertEquals(List.of(), estimateCodes(f.toString()));
        CostAssert.assertThatWorkload(f).hasNoViolations();
    }

    @Test
    void aTemplatesUsageFileIsReadAsStrictlyAsAWorkloadFile() throws IOException {
        Path usage = dir.resolve("usage.yaml");
        Files.writeString(usage, "resources:\n  - {name: OrdersFunction, requestsPerMonth: 1000, durationMs: 10, "
                + "invocation: asynch}\n");
        CliRunner r = CliRunner.run("estimate", "compute-cost/src/test/resources/config/sam.yaml", "--usage", usage.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains(usage + ": resource \"OrdersFunction\", $.resources[0].invocation: must be sync or "
                + "async, was \"asynch\""), r.err());
        Path task = dir.resolve("task.json");
        Files.writeString(task, "{\"family\": \"web\", \"cpu\": \"1024\", \"memory\": \"2048\", "
                + "\"requiresCompatibilities\": [\"FARGATE\"], \"containerDefinitions\": []}");
        Files.writeString(usage, "resources:\n  - {name: web, tasks: 3, runsPerMonth: 10, runDurationSeconds: 60}\n");
        r = CliRunner.run("estimate", task.toString(), "--usage", usage.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("give either tasks and hoursPerMonth"), r.err());
        assertTrue(r.err().contains(usage.toString()), r.err());
        // The workload format refuses both the same way.
        Path w = dir.resolve("w.yaml");
        Files.writeString(w, "resources:\n  - {name: web, type: fargate, vcpu: 1, memoryGb: 2, tasks: 3, runsPerMonth: 10, "
                + "runDurationSeconds: 60}\n");
        r = CliRunner.run("estimate", w.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("give either tasks and hoursPerMonth"), r.err());
    }

    @Test
    void diffReadsTemplatesAndTaskDefinitionsAsEstimateDoes() throws IOException {
        Path head = dir.resolve("sam.yaml");
        Files.writeString(head, Files.readString(Path.of("compute-cost/src/test/resources/config/sam.yaml"))
                .replace("MemorySize: 512", "MemorySize: 4096"));
        CliRunner r = CliRunner.run("diff", "compute-cost/src/test/resources/config/sam.yaml", head.toString(), "--usage",
                "compute-cost/src/test/resources/config/sam-usage.yaml", "--format", "json", "--today", "2026-12-02");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode d = TestJson.json().readTree(r.out());
        JsonNode orders = null;
        for (JsonNode x : d.get("resources")) {
            if (x.get("name").asText().equals("OrdersFunction")) {
                orders = x;
            }
        }
        assertTrue(orders != null, r.out());
        assertTrue(new java.math.BigDecimal(orders.get("changeExact").asText()).signum() > 0, r.out());
        CliRunner same = CliRunner.run("diff", "compute-cost/src/test/resources/config/ecs-fargate-linux.json",
                "compute-cost/src/test/resources/config/ecs-fargate-linux.json", "--today", "2026-12-02");
        assertEquals(0, same.exitCode(), same.err());
        assertTrue(same.out().contains("1 resource unchanged, not listed"), same.out());
    }

    @Test
    void anOverrideThatLacksARuleFailsAtLoadWithExitTwo() throws IOException {
        String data = Files.readString(Path.of("pricing-data/lambda.json"));
        String broken = data.replaceFirst("\"snapStartCacheMinimumSeconds\": \\{", "\"snapStartCacheMinimumSecondz\": {");
        assertTrue(!broken.equals(data));
        Files.writeString(dir.resolve("lambda.json"), broken);
        // A file whose functions need no SnapStart still fails: the table is checked when it loads.
        CliRunner r = CliRunner.run("estimate", "examples/orders.yaml", "--pricing-data", dir.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains(dir.resolve("lambda.json") + ": $.billingRules.snapStartCacheMinimumSeconds: is "
                + "missing"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertThrows(io.github.computecost.pricing.PricingDataException.class,
                () -> io.github.computecost.pricing.PriceBook.withOverrides(dir));
    }
}
