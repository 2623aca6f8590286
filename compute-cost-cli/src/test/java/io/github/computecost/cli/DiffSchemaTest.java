package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published schema of {@code diff --format json} ({@code schema/diff.schema.json}) held to what the command
 * line writes: one plan's before and after, two inputs, and a saved estimate against an input are valid and reach
 * every resource status and line-item mark; a field the schema does not define is invalid.
 */
class DiffSchemaTest {

    static final JsonSchema SCHEMA;

    static {
        try {
            SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(TestJson.json()
                    .readTree(Files.readString(Path.of("schema/diff.schema.json"))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @TempDir
    Path tmp;

    private static JsonNode diff(String... args) throws IOException {
        String[] all = new String[args.length + 3];
        all[0] = "diff";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--format";
        all[args.length + 2] = "json";
        CliRunner r = CliRunner.run(all);
        assertEquals(0, r.exitCode(), r.err());
        return TestJson.json().readTree(r.out());
    }

    @Test
    void everyDiffTheCommandLineWritesIsValid() throws IOException {
        String tf = "compute-cost-cli/src/test/resources/terraform/";
        Path base = tmp.resolve("base.yaml");
        Files.writeString(base, Files.readString(Path.of("examples/orders.yaml")).replace("memoryMb: 512",
                "memoryMb: 1024"));
        Path saved = tmp.resolve("base.json");
        Files.writeString(saved, CliRunner.run("estimate", base.toString(), "--format", "json").out());
        Set<String> statuses = new TreeSet<>();
        Set<String> marks = new TreeSet<>();
        for (JsonNode d : new JsonNode[] {diff(tf + "plan-change.json", "--usage", tf + "usage.yaml"),
            diff(base.toString(), "examples/orders.yaml"), diff("--compare-to", saved.toString(),
                    "examples/orders.yaml")}) {
            var errors = SCHEMA.validate(d);
            assertTrue(errors.isEmpty(), errors + " in " + d);
            assertEquals("1", d.get("schemaVersion").asText());
            d.get("resources").forEach(r -> {
                statuses.add(r.get("status").asText());
                r.get("lineItems").forEach(li -> marks.add(li.get("change").asText()));
            });
        }
        assertTrue(statuses.containsAll(Set.of("added", "changed", "unchanged")), statuses.toString());
        assertTrue(marks.containsAll(Set.of("+", "~")), marks.toString());
    }

    @Test
    void aFieldTheSchemaDoesNotDefineIsInvalid() throws IOException {
        String tf = "compute-cost-cli/src/test/resources/terraform/";
        JsonNode d = diff(tf + "plan-change.json", "--usage", tf + "usage.yaml");
        ObjectNode extra = d.deepCopy();
        extra.put("totalChange", "1.00");
        assertEquals(1, SCHEMA.validate(extra).size());
        ObjectNode number = d.deepCopy();
        number.put("totalChangeExact", 1.5);
        assertTrue(!SCHEMA.validate(number).isEmpty(), "a figure is a decimal string");
    }
}
