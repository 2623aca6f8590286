package io.github.computecost.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.github.computecost.estimate.Services;
import io.github.computecost.internal.Json;
import io.github.computecost.service.Entry;
import io.github.computecost.service.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The published schema of workload files ({@code schema/workload.schema.json}) and the reader agree: the schema
 * lists, for every type of the registry, exactly the keys its reader allows; every file the reader accepts (the
 * examples and every workload-format fixture) is valid against it; and a misspelt key is refused by both.
 */
class WorkloadSchemaTest {

    static final Path SCHEMA_FILE = Path.of("schema/workload.schema.json");
    static final JsonNode SCHEMA_NODE = read(SCHEMA_FILE);
    static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SCHEMA_NODE);

    /** A document read as the reader reads it (YAML merge keys resolved, as an editor's YAML support does too). */
    static JsonNode read(Path p) {
        try {
            return Json.readTree(Files.readAllBytes(p), !p.toString().endsWith(".json"));
        } catch (IOException e) {
            throw new IllegalStateException(p + ": " + e.getMessage(), e);
        }
    }

    static Set<String> properties(JsonNode n) {
        Set<String> out = new TreeSet<>();
        n.path("properties").fieldNames().forEachRemaining(out::add);
        return out;
    }

    static Set<ValidationMessage> errors(JsonNode document) {
        return SCHEMA.validate(document);
    }

    @Test
    void theSchemaListsEveryTypeWithExactlyTheKeysItsReaderAllows() {
        JsonNode defs = SCHEMA_NODE.path("$defs");
        Set<String> types = new TreeSet<>();
        for (Service<?> s : Services.all()) {
            types.add(s.type());
            Set<String> expected = new TreeSet<>(s.entryKeys());
            expected.addAll(Entry.COMMON_KEYS);
            assertEquals(expected, properties(defs.path(s.type())), "schema $defs/" + s.type());
            assertFalse(defs.path(s.type()).path("additionalProperties").asBoolean(true), s.type());
        }
        assertEquals(new TreeSet<>(WorkloadReader.Questions.NEUTRAL_KEYS), properties(defs.path("workload")));
        assertEquals(new TreeSet<>(WorkloadReader.Questions.NEEDS_KEYS),
                properties(defs.path("workload").path("properties").path("needs")));
        assertEquals(new TreeSet<>(WorkloadReader.Questions.TUNING_KEYS), properties(defs.path("memory-tuning")));
        assertEquals(new TreeSet<>(WorkloadReader.Questions.MEASUREMENT_KEYS),
                properties(defs.path("memory-tuning").path("properties").path("measurements").path("items")));
        types.add("workload");
        types.add("memory-tuning");
        Set<String> listed = new TreeSet<>();
        defs.path("entry").path("properties").path("type").path("enum").forEach(t -> listed.add(t.asText()));
        assertEquals(types, listed);
        assertEquals(new TreeSet<>(WorkloadReader.TOP), properties(SCHEMA_NODE));
        Set<String> quotas = new TreeSet<>();
        Services.all().forEach(s -> quotas.addAll(s.quotas()));
        assertEquals(quotas, properties(SCHEMA_NODE.path("properties").path("quotas")));
        assertEquals(new TreeSet<>(CommitmentsReader.RESERVED_KEYS), properties(SCHEMA_NODE.path("properties")
                .path("reservedInstances").path("items")));
        assertEquals(new TreeSet<>(CommitmentsReader.PLAN_KEYS), properties(SCHEMA_NODE.path("properties")
                .path("savingsPlans").path("items")));
        assertEquals(new TreeSet<>(CommitmentsReader.PROFILE_KEYS), properties(SCHEMA_NODE.path("properties")
                .path("usageProfiles").path("items")));
        assertEquals(new TreeSet<>(Services.frontDoorKinds()), new TreeSet<>(textList(defs.path("workload")
                .path("properties").path("frontDoor").path("enum"))));
    }

    static List<String> textList(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    /** Every workload-format file of the repository: the examples, and fixtures whose top level lists resources. */
    static List<Path> workloadFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path root : List.of(Path.of("examples"), Path.of("compute-cost/src/test/resources"),
                Path.of("compute-cost-cli/src/test/resources"))) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().forEach(p -> {
                    JsonNode n;
                    try {
                        n = read(p);
                    } catch (RuntimeException malformed) {
                        return; // a hostile fixture that is not even YAML
                    }
                    if (n != null && n.isObject() && n.path("resources").isArray() && !n.has("AWSTemplateFormatVersion")) {
                        out.add(p);
                    }
                });
            }
        }
        return out;
    }

    @Test
    void everyFileTheReaderAcceptsIsValidAgainstTheSchema() throws IOException {
        List<String> accepted = new ArrayList<>();
        List<String> disagreements = new ArrayList<>();
        for (Path p : workloadFiles()) {
            try {
                WorkloadReader.read(p);
            } catch (RuntimeException refused) {
                continue; // hostile fixtures: what the reader refuses is checked below and in their own tests
            }
            accepted.add(p.toString());
            Set<ValidationMessage> e = errors(read(p));
            if (!e.isEmpty()) {
                disagreements.add(p + ": " + e);
            }
        }
        assertTrue(accepted.size() >= 15, "too few workload files found to mean anything: " + accepted);
        assertTrue(accepted.stream().anyMatch(a -> a.endsWith("examples/orders.yaml")), accepted.toString());
        assertEquals(List.of(), disagreements);
    }

    /** {@code examples/orders.yaml} (Lambda functions), to edit. */
    static ObjectNode example() {
        return (ObjectNode) read(Path.of("examples/orders.yaml"));
    }

    /** {@code examples/servers.yaml} (Fargate, EC2, Lightsail), to edit. */
    static ObjectNode servers() {
        return (ObjectNode) read(Path.of("examples/servers.yaml"));
    }

    static ObjectNode firstOfType(ObjectNode doc, String type) {
        for (JsonNode r : doc.path("resources")) {
            if (r.path("type").asText().equals(type)) {
                return (ObjectNode) r;
            }
        }
        throw new AssertionError("the example has no " + type);
    }

    static void refusedByBoth(ObjectNode doc, String key) {
        assertFalse(errors(doc).isEmpty(), "the schema accepts " + key);
        String text = doc.toString();
        RuntimeException e = assertThrows(RuntimeException.class, () -> WorkloadReader.parse("typo.json", text, true),
                "the reader accepts " + key);
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }

    @Test
    void aMisspeltKeyIsRefusedByTheSchemaAndByTheReader() {
        ObjectNode clean = example();
        assertEquals(Set.of(), errors(clean));
        ObjectNode doc = example();
        firstOfType(doc, "lambda").put("memroyMb", 512);
        refusedByBoth(doc, "memroyMb");
        doc = example();
        doc.put("regoin", "us-east-1");
        refusedByBoth(doc, "regoin");
        doc = example();
        firstOfType(doc, "lambda").putObject("provisionedConcurrency").put("concurrency", 2).put("hoursPerMonth", 730)
                .put("hoursPerMoth", 1);
        refusedByBoth(doc, "hoursPerMoth");
        doc = servers();
        assertEquals(Set.of(), errors(doc));
        firstOfType(doc, "fargate").put("vcpus", 1);
        refusedByBoth(doc, "vcpus");
        doc = servers();
        firstOfType(doc, "lightsail").put("bundel", "nano_3_0");
        refusedByBoth(doc, "bundel");
    }

    @Test
    void everyTypeAcceptsEachOfItsSchemaKeysAsTheReaderDoes() {
        // A key the schema allows is read: for each type, the reader's refusal of a key the schema lists would name it
        // as unknown. Each listed key, given alone beside the common ones, must not be called unknown by the reader.
        for (Service<?> s : Services.all()) {
            for (String key : properties(SCHEMA_NODE.path("$defs").path(s.type()))) {
                if (Entry.COMMON_KEYS.contains(key)) {
                    continue;
                }
                ObjectNode doc = Json.nodes().objectNode();
                ObjectNode r = doc.putArray("resources").addObject().put("name", "r").put("type", s.type());
                r.put(key, "x");
                String message;
                try {
                    WorkloadReader.parse("probe.json", doc.toString(), true);
                    continue;
                } catch (RuntimeException e) {
                    message = e.getMessage();
                }
                assertFalse(message.contains("unknown key") && message.contains(key),
                        s.type() + "." + key + " is listed by the schema but refused as unknown: " + message);
            }
        }
    }
}
