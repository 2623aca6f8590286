package io.github.computecost.spec;

import static io.github.computecost.Decimals.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.compute.Architecture;
import io.github.computecost.compute.OperatingSystem;
import io.github.computecost.edge.CloudFrontFunction;
import io.github.computecost.edge.EdgeEventType;
import io.github.computecost.fargate.FargateTask;
import io.github.computecost.lambda.LambdaFunction;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.limits.Violation;
import io.github.computecost.pricing.PriceBook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {

    static final Path SAM = Path.of("compute-cost/src/test/resources/config/sam.yaml");
    static final Path USAGE = Path.of("compute-cost/src/test/resources/config/sam-usage.yaml");

    @TempDir
    Path dir;

    static <T> T resource(Workload w, String name, Class<T> type) {
        return type.cast(w.resources().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name)));
    }

    @Test
    void samGlobalsAndOverridesWithShortTags() {
        Workload w = ConfigReader.read(SAM, Optional.of(USAGE));
        LambdaFunction orders = resource(w, "OrdersFunction", LambdaFunction.class);
        assertEquals(512, orders.memoryMb()); // the function overrides Globals' 1024
        assertEquals(Architecture.ARM64, orders.architecture());
        assertEquals(Optional.of(10), orders.configuration().timeoutSeconds()); // from Globals
        assertEquals(Optional.of("python3.12"), orders.runtime());
        assertEquals(3_000_000L, orders.requestsPerMonth());
        assertDecimal("120", orders.averageDurationMs());
        // TABLE: !Sub "orders-${Stage}" with Stage's default "prod", plus LOG_LEVEL from Globals
        assertEquals(Optional.of((long) ("LOG_LEVELINFO" + "TABLEorders-prod").length()),
                orders.configuration().environmentVariablesBytes());
        LambdaFunction reports = resource(w, "ReportsFunction", LambdaFunction.class);
        assertEquals(1024, reports.memoryMb()); // from Globals
        // LOG_LEVEL=INFO (Globals, merged) + STAGE=prod (!Ref with a default) + BUCKET=reports-bucket (!Sub, no variables)
        assertEquals(Optional.of((long) ("LOG_LEVELINFO" + "STAGEprod" + "BUCKETreports-bucket").length()),
                reports.configuration().environmentVariablesBytes());
        CloudFrontFunction rewrite = resource(w, "RewriteFunction", CloudFrontFunction.class);
        assertEquals(EdgeEventType.VIEWER_REQUEST, rewrite.eventType()); // from the distribution's association
        assertEquals(10_000_000L, rewrite.invocationsPerMonth());
        assertTrue(rewrite.codeSizeKb().orElseThrow().signum() > 0);
        assertEquals(1, w.budgets().size());
        assertEquals(Optional.of("us-east-1"), w.region());
    }

    @Test
    void unresolvableValuesAreReportedNotGuessed() {
        Workload w = ConfigReader.read(SAM, Optional.of(USAGE));
        assertTrue(w.resources().stream().noneMatch(r -> r.name().equals("LegacyFunction")), "memory unknown: not priced");
        List<String> unknown = w.findings().stream().map(v -> v.resource() + "." + v.field()).toList();
        assertEquals(List.of("LegacyFunction.MemorySize"), unknown);
        assertTrue(w.findings().get(0).message().contains("MemorySize cannot be resolved from the template"));
        ValidationReport report = w.assess(w.estimator(PriceBook.bundled())).violations();
        assertTrue(report.violations().containsAll(w.findings()));
        assertTrue(!report.hasErrors(), report.violations().toString());
    }

    @Test
    void jsonTemplatesAndTheLongForm() throws IOException {
        Path t = dir.resolve("t.json");
        Files.writeString(t, "{\"Resources\": {\"Fn\": {\"Type\": \"AWS::Lambda::Function\", \"Properties\": {"
                + "\"MemorySize\": {\"Ref\": \"Mem\"}, \"Timeout\": 901, \"EphemeralStorage\": {\"Size\": 500}}}},"
                + "\"Parameters\": {\"Mem\": {\"Type\": \"Number\", \"Default\": 10241}}}");
        Workload w = ConfigReader.read(t, Optional.empty());
        ValidationReport r = w.assess(w.estimator(PriceBook.bundled())).violations();
        assertEquals(List.of("lambda.memory.range", "lambda.ephemeral-storage.range", "lambda.timeout.range"),
                r.errors().stream().map(Violation::code).toList());
    }

    @Test
    void ecsTaskDefinitionsLikeAwsExamples() {
        Workload linux = ConfigReader.read(Path.of("compute-cost/src/test/resources/config/ecs-fargate-linux.json"), Optional.empty());
        FargateTask t = resource(linux, "fargate-task-definition", FargateTask.class);
        assertDecimal("0.25", t.vcpu());
        assertDecimal("0.5", t.memoryGb());
        assertEquals(OperatingSystem.LINUX, t.operatingSystem());
        assertTrue(linux.assess(linux.estimator(PriceBook.bundled())).violations().violations().isEmpty());
        Workload windows = ConfigReader.read(Path.of("compute-cost/src/test/resources/config/ecs-fargate-windows.json"),
                Optional.empty());
        FargateTask w = resource(windows, "windows-web", FargateTask.class);
        assertDecimal("1", w.vcpu());
        assertDecimal("2", w.memoryGb());
        assertEquals(OperatingSystem.WINDOWS, w.operatingSystem());
        assertEquals(30, w.ephemeralStorageGb());
    }

    @Test
    void ecsSizesOutsideTheTableAreViolations() throws IOException {
        Path t = dir.resolve("td.json");
        Files.writeString(t, "{\"family\": \"big\", \"cpu\": \"1024\", \"memory\": \"16384\", "
                + "\"requiresCompatibilities\": [\"FARGATE\"], \"containerDefinitions\": []}");
        ValidationReport r = validate(ConfigReader.read(t, Optional.empty()));
        assertEquals("big: memoryGb 16 is not offered with 1 vCPU (allowed: 2-8 GB in 1 GB steps)",
                r.errors().get(0).message());
        Files.writeString(t, "{\"family\": \"x\", \"cpu\": \"lots\", \"memory\": \"512\", "
                + "\"requiresCompatibilities\": [\"FARGATE\"], \"containerDefinitions\": []}");
        WorkloadException e = assertThrows(WorkloadException.class, () -> ConfigReader.read(t, Optional.empty()));
        assertTrue(e.getMessage().contains("must be CPU units like 1024"), e.getMessage());
    }

    @Test
    void usageForSomethingTheTemplateLacksIsAnError() throws IOException {
        Path u = dir.resolve("u.yaml");
        Files.writeString(u, "resources:\n  - name: Nope\n    requestsPerMonth: 1\n");
        WorkloadException e = assertThrows(WorkloadException.class, () -> ConfigReader.read(SAM, Optional.of(u)));
        assertTrue(e.getMessage().contains("the usage file names \"Nope\""), e.getMessage());
        Files.writeString(u, "resources:\n  - name: OrdersFunction\n    requestsPerMonth: 1\n    memoryMb: 4\n");
        e = assertThrows(WorkloadException.class, () -> ConfigReader.read(SAM, Optional.of(u)));
        assertTrue(e.getMessage().contains("unknown key memoryMb"), e.getMessage());
    }

    @Test
    void workloadFilesStillReadAsBefore() {
        Workload w = ConfigReader.read(Path.of("examples/orders.yaml"), Optional.empty());
        assertEquals(3, w.resources().size());
        assertThrows(WorkloadException.class, () -> ConfigReader.read(Path.of("examples/orders.yaml"), Optional.of(USAGE)));
    }

    @Test
    void aBrokenYamlWorkloadStillGetsTheStrictReadersPreciseError() throws IOException {
        Path f = dir.resolve("dup.yaml");
        Files.writeString(f, "resources:\n  - name: a\n    type: lambda\n    memoryMb: 128\n    memoryMb: 256\n");
        WorkloadException e = assertThrows(WorkloadException.class, () -> ConfigReader.read(f, Optional.empty()));
        assertTrue(e.getMessage().contains("duplicate key 'memoryMb' (first given at line 4)") && e.getMessage().contains("line 5"),
                e.getMessage());
        Path empty = dir.resolve("empty.yaml");
        Files.writeString(empty, "# nothing\n");
        assertTrue(assertThrows(WorkloadException.class, () -> ConfigReader.read(empty, Optional.empty())).getMessage()
                .contains("is empty"));
    }

    private static ValidationReport validate(Workload w) {
        return w.assess(w.estimator(PriceBook.bundled())).violations();
    }
}
