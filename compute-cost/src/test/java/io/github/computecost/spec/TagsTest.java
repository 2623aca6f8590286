package io.github.computecost.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.ResourceEstimate;
import io.github.computecost.internal.FieldException;
import io.github.computecost.internal.Json;
import io.github.computecost.limits.Violation;
import io.github.computecost.pricing.PriceBook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resource's tags, from every input, checked against AWS's rules and carried to its estimate. */
class TagsTest {

    @TempDir
    Path dir;

    static JsonNode json(String text) {
        try {
            return Json.json().readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static FieldException refused(String tags) {
        return assertThrows(FieldException.class, () -> Tags.read(json(tags), "$.tags"), tags);
    }

    @Test
    void aMapAListOfKeyValueAndAnEcsListReadAlike() {
        Map<String, String> expected = Map.of("env", "prod", "team", "payments", "n", "1");
        assertEquals(expected, Tags.read(json("{\"team\": \"payments\", \"env\": \"prod\", \"n\": 1}"), "$"));
        assertEquals(expected, Tags.read(json("[{\"Key\": \"team\", \"Value\": \"payments\"}, {\"Key\": \"env\", "
                + "\"Value\": \"prod\"}, {\"Key\": \"n\", \"Value\": 1}]"), "$"));
        assertEquals(expected, Tags.read(json("[{\"key\": \"team\", \"value\": \"payments\"}, {\"key\": \"env\", "
                + "\"value\": \"prod\"}, {\"key\": \"n\", \"value\": \"1\"}]"), "$"));
        assertEquals(List.of("env", "n", "team"), List.copyOf(Tags.read(json("{\"team\": \"a\", \"env\": \"b\", "
                + "\"n\": \"c\"}"), "$").keySet()), "sorted by key");
        assertEquals(Map.of("empty", ""), Tags.read(json("{\"empty\": null}"), "$"), "a value may be empty");
    }

    @Test
    void whatAwsRefusesIsRefusedNamingTheTag() {
        assertTrue(refused("{\"\": \"x\"}").detail().contains("empty tag key"));
        assertEquals("$.tags.aws:team", refused("{\"aws:team\": \"x\"}").path());
        assertTrue(refused("{\"AWS:team\": \"x\"}").detail().contains("reserves"));
        assertTrue(refused("{\"team\": \"Aws:x\"}").detail().contains("reserves"), "a value too");
        assertTrue(refused("{\"" + "k".repeat(129) + "\": \"x\"}").detail().contains("129 characters"));
        assertTrue(refused("{\"k\": \"" + "v".repeat(257) + "\"}").detail().contains("at most 256"));
        assertTrue(refused("{\"k\": {\"nested\": 1}}").detail().contains("tag value"));
        assertTrue(refused("\"team=payments\"").detail().contains("map of tag keys"));
        FieldException repeated = refused("[{\"Key\": \"a\", \"Value\": \"1\"}, {\"Key\": \"a\", \"Value\": \"2\"}]");
        assertEquals("$.tags[1].Key", repeated.path());
        assertEquals("$.tags[0]", refused("[\"team\"]").path());
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\": \"v\"");
        }
        assertTrue(refused(many.append("}").toString()).detail().contains("51 tags; AWS allows at most 50"));
        // Characters are code points: 128 characters outside the BMP are 256 UTF-16 units, and allowed.
        String wide = "\uD83D\uDE00".repeat(128);
        assertEquals(Map.of(wide, "x"), Tags.read(json("{\"" + wide + "\": \"x\"}"), "$"));
        assertTrue(refused("{\"" + wide + "\uD83D\uDE00\": \"x\"}").detail().contains("129 characters"));
    }

    @Property
    void theListAndMapFormsOfAnyValidTagsReadAlike(@ForAll @Size(max = 50) Map<@AlphaChars @NumericChars
            @StringLength(min = 1, max = 128) String, @AlphaChars @StringLength(max = 256) String> tags) {
        ObjectNode map = Json.nodes().objectNode();
        ArrayNode list = Json.nodes().arrayNode();
        tags.forEach((k, v) -> {
            map.put(k, v);
            list.addObject().put("Key", k).put("Value", v);
        });
        Map<String, String> expected = new TreeMap<>(tags);
        assertEquals(expected, Tags.read(map, "$"));
        assertEquals(expected, Tags.read(list, "$"));
    }

    Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    static Estimate estimate(Workload w) {
        return w.assess(w.estimator(PriceBook.bundled())).estimate();
    }

    static Map<String, String> tagsOf(Estimate e, String name) {
        return e.resources().stream().filter(r -> r.name().equals(name)).findFirst().map(ResourceEstimate::tags)
                .orElseThrow(() -> new AssertionError(name + " not in " + e.resources()));
    }

    @Test
    void aWorkloadFilesTagsReachTheEstimate() throws IOException {
        Workload w = ConfigReader.read(file("w.yaml", "resources:\n"
                + "  - { name: a, type: lambda, memoryMb: 128, requestsPerMonth: 1, durationMs: 1, tags: { team: x } }\n"
                + "  - { name: b, type: lambda, memoryMb: 128, requestsPerMonth: 1, durationMs: 1 }\n"), Optional.empty());
        assertEquals(Map.of("a", Map.of("team", "x")), w.tags());
        Estimate e = estimate(w);
        assertEquals(Map.of("team", "x"), tagsOf(e, "a"));
        assertEquals(Map.of(), tagsOf(e, "b"));
        // A saved JSON estimate keeps them, so a policy by tag holds a diff against it too.
        Estimate back = io.github.computecost.report.EstimateReport.readJson("saved.json",
                io.github.computecost.report.EstimateReport.json(e));
        assertEquals(Map.of("team", "x"), tagsOf(back, "a"));
        assertEquals(Map.of(), tagsOf(back, "b"));
        WorkloadException bad = assertThrows(WorkloadException.class, () -> WorkloadReader.parse("w.yaml",
                "resources:\n  - { name: a, type: lambda, memoryMb: 128, requestsPerMonth: 1, durationMs: 1, "
                        + "tags: { aws:x: y } }\n", false));
        assertTrue(bad.getMessage().contains("w.yaml") && bad.getMessage().contains("$.resources[0].tags.aws:x")
                && bad.getMessage().contains("reserves"), bad.getMessage());
        WorkloadException question = assertThrows(WorkloadException.class, () -> WorkloadReader.parse("w.yaml",
                "resources:\n  - { name: q, type: workload, requestsPerMonth: 1, durationMs: 1, memoryMb: 128, "
                        + "tags: { team: x } }\n", false));
        assertTrue(question.getMessage().contains("unknown key tags"), question.getMessage());
    }

    @Test
    void aTemplatesTagsAreReadInBothShapesAndWhatCannotBeResolvedIsAWarning() throws IOException {
        Path t = file("template.yaml", String.join("\n",
                "AWSTemplateFormatVersion: '2010-09-09'",
                "Transform: AWS::Serverless-2016-10-31",
                "Parameters:",
                "  Team: { Type: String, Default: payments }",
                "  Owner: { Type: String }",
                "Globals:",
                "  Function: { Tags: { env: prod } }",
                "Resources:",
                "  Api:",
                "    Type: AWS::Serverless::Function",
                "    Properties: { Runtime: python3.12, Handler: app.h, CodeUri: ., MemorySize: 512,",
                "      Tags: { team: !Ref Team, owner: !Ref Owner } }",
                "  Worker:",
                "    Type: AWS::Lambda::Function",
                "    Properties:",
                "      Runtime: python3.12",
                "      Handler: app.h",
                "      Role: arn:aws:iam::123456789012:role/r",
                "      Code: { ZipFile: x }",
                "      Tags: [ { Key: team, Value: search }, { Key: cost-center, Value: 1234 } ]",
                ""));
        Path usage = file("usage.yaml", "resources:\n  - { name: Worker, requestsPerMonth: 10, durationMs: 5, "
                + "tags: { team: media } }\n");
        Workload w = ConfigReader.read(t, Optional.of(usage));
        // Globals merge under the function's own; a parameter's default resolves; one without a default is left out.
        assertEquals(Map.of("env", "prod", "team", "payments"), w.tags().get("Api"));
        // The usage file's tags add to the template's, and win for a key both give.
        assertEquals(Map.of("team", "media", "cost-center", "1234"), w.tags().get("Worker"));
        List<Violation> warnings = w.findings().stream().filter(f -> f.field().equals("Tags")).toList();
        assertEquals(1, warnings.size(), w.findings().toString());
        assertTrue(warnings.get(0).message().contains("Api: Tags (owner) cannot be resolved"),
                warnings.get(0).message());
        assertEquals(Map.of("team", "media", "cost-center", "1234"), tagsOf(estimate(w), "Worker"));

        Path bad = file("bad.yaml", "Resources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties: { Runtime: "
                + "python3.12, Handler: h, Role: r, Code: { ZipFile: x }, Tags: [ { Key: '', Value: x } ] }\n");
        WorkloadException e = assertThrows(WorkloadException.class, () -> ConfigReader.read(bad, Optional.empty()));
        assertTrue(e.getMessage().contains("bad.yaml") && e.getMessage().contains("$.Resources.F.Properties.Tags[0]"
                + ".Key") && e.getMessage().contains("empty tag key"), e.getMessage());
    }

    @Test
    void anEcsTaskDefinitionsTagsAreItsOwn() throws IOException {
        String doc = Files.readString(Path.of("compute-cost/src/test/resources/config/ecs-fargate-linux.json")).strip();
        Path p = file("task.json", doc.substring(0, doc.length() - 1) + ", \"tags\": [ { \"key\": \"team\", "
                + "\"value\": \"web\" } ] }");
        Workload w = ConfigReader.read(p, Optional.empty());
        assertEquals(Map.of("team", "web"), tagsOf(estimate(w), "fargate-task-definition"));
    }

    /** A plan in format 1.2 with one function whose tags_all holds the provider's default tags beside its own. */
    static String plan(String values, String afterUnknown) {
        return "{\"format_version\": \"1.2\", \"planned_values\": {\"root_module\": {\"resources\": [{\"address\": "
                + "\"aws_lambda_function.f\", \"mode\": \"managed\", \"type\": \"aws_lambda_function\", \"name\": \"f\", "
                + "\"values\": {\"memory_size\": 512, \"runtime\": \"python3.12\", \"architectures\": [\"x86_64\"]"
                + values + "}}]}}, \"resource_changes\": [{\"address\": \"aws_lambda_function.f\", \"change\": "
                + "{\"actions\": [\"create\"], \"after_unknown\": {" + afterUnknown + "}}}], \"configuration\": "
                + "{\"root_module\": {\"resources\": [{\"address\": \"aws_lambda_function.f\", \"mode\": \"managed\", "
                + "\"type\": \"aws_lambda_function\", \"name\": \"f\", \"expressions\": {}}]}}}";
    }

    @Test
    void aPlansTagsAllIncludeTheProvidersDefaultTags() throws IOException {
        Workload w = ConfigReader.read(file("plan.json", plan(", \"tags\": {\"team\": \"x\"}, \"tags_all\": "
                + "{\"team\": \"x\", \"env\": \"prod\"}", "")), Optional.empty());
        assertEquals(Map.of("team", "x", "env", "prod"), tagsOf(estimate(w), "aws_lambda_function.f"));
        Workload own = ConfigReader.read(file("plan.json", plan(", \"tags\": {\"team\": \"x\"}", "")),
                Optional.empty());
        assertEquals(Map.of("team", "x"), own.tags().get("aws_lambda_function.f"), "tags when tags_all is absent");
        Workload later = ConfigReader.read(file("plan.json", plan(", \"tags_all\": {\"team\": \"x\"}",
                "\"tags_all\": {\"owner\": true}")), Optional.empty());
        assertEquals(Map.of("team", "x"), later.tags().get("aws_lambda_function.f"));
        assertTrue(later.findings().stream().anyMatch(f -> f.field().equals("tags_all")
                && f.message().contains("known only after apply")), later.findings().toString());
        WorkloadException e = assertThrows(WorkloadException.class, () -> ConfigReader.read(file("plan.json",
                plan(", \"tags_all\": {\"aws:x\": \"y\"}", "")), Optional.empty()));
        assertTrue(e.getMessage().contains("plan.json") && e.getMessage().contains("aws_lambda_function.f")
                && e.getMessage().contains("values.tags_all.aws:x"), e.getMessage());
    }
}
