package io.github.computecost.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.github.computecost.estimate.Services;
import io.github.computecost.service.Entry;
import io.github.computecost.service.Service;
import io.github.computecost.service.TemplateMapping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published schema of usage files ({@code schema/usage.schema.json}), the usage of templates, task definitions
 * and Terraform plans, held to the readers: its entries allow exactly the usage keys some service's template mapping
 * reads (besides the common ones), every usage file the tests use is valid against it, and a misspelt key is refused
 * by both.
 */
class UsageSchemaTest {

    static final Path SCHEMA_FILE = Path.of("schema/usage.schema.json");
    static final JsonNode SCHEMA_NODE = WorkloadSchemaTest.read(SCHEMA_FILE);
    static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SCHEMA_NODE);

    @TempDir
    Path tmp;

    /** @return every usage key of every template mapping, for each of its types, and the common keys */
    static Set<String> readersKeys() {
        Set<String> keys = new TreeSet<>(Entry.COMMON_KEYS);
        for (Service<?> s : Services.all()) {
            Optional<? extends TemplateMapping<?>> m = s.templates();
            if (m.isEmpty()) {
                continue;
            }
            for (String type : m.get().resourceTypes()) {
                Set<String> k = m.get().usageKeys(type);
                // A Batch compute environment costs nothing of its own, and its jobs' usage is on their definitions.
                assertTrue(!k.isEmpty() || type.equals("AWS::Batch::ComputeEnvironment"), s.type()
                        + " reads no usage for " + type);
                keys.addAll(k);
            }
        }
        return keys;
    }

    @Test
    void anEntryAllowsExactlyTheKeysTheReadersRead() {
        Set<String> schema = WorkloadSchemaTest.properties(SCHEMA_NODE.path("$defs").path("entry"));
        assertEquals(readersKeys(), schema);
        assertEquals(Set.of("region", "freeTier", "budget", "quotas", "resources", "defaults"),
                new TreeSet<>(WorkloadSchemaTest.properties(SCHEMA_NODE)));
    }

    @Test
    void everyUsageFileTheTestsUseIsValid() throws IOException {
        List<Path> files;
        try (var s = Files.walk(Path.of("."))) {
            files = s.filter(p -> p.getFileName().toString().matches(".*usage.*\\.ya?ml"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/hostile/")
                            && !p.getFileName().toString().contains("infracost"))
                    .sorted().toList();
        }
        assertTrue(files.size() >= 10, files.toString());
        for (Path p : files) {
            var errors = SCHEMA.validate(WorkloadSchemaTest.read(p));
            assertTrue(errors.isEmpty(), p + ": " + errors);
        }
    }

    @Test
    void aMisspeltKeyIsRefusedByTheSchemaAndByTheReader() throws IOException {
        Path usage = tmp.resolve("usage.yaml");
        Files.writeString(usage, "region: us-east-1\nresources:\n  - name: Pipeline\n    executionsPerMonth: 1000\n"
                + "    averageDurationMS: 250\n");
        assertTrue(!SCHEMA.validate(WorkloadSchemaTest.read(usage)).isEmpty());
        WorkloadException e = assertThrows(WorkloadException.class, () -> ConfigReader.read(Path.of(
                "compute-cost/src/test/resources/config/api-and-workflow.yaml"), Optional.of(usage)));
        assertTrue(e.getMessage().contains("averageDurationMS"), e.getMessage());
        // The key as the reader reads it is valid.
        Files.writeString(usage, "region: us-east-1\nresources:\n  - name: Pipeline\n    executionsPerMonth: 1000\n"
                + "    averageDurationMs: 250\n");
        assertTrue(SCHEMA.validate(WorkloadSchemaTest.read(usage)).isEmpty());
        ConfigReader.read(Path.of("compute-cost/src/test/resources/config/api-and-workflow.yaml"), Optional.of(usage));
    }
}
