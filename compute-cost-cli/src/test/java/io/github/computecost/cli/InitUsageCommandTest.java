package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.computecost.estimate.Services;
import io.github.computecost.spec.UsageSkeleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code init-usage}: a usage skeleton names every resource the estimate prices, as the usage file names it, with
 * exactly the keys its reader reads; it is a valid usage file as it is, and its keys, set, price the resources as a
 * hand-written usage file does.
 */
class InitUsageCommandTest {

    static final Path TF = Path.of("compute-cost-cli/src/test/resources/terraform");

    @TempDir
    Path tmp;

    private static String skeleton(String input) {
        CliRunner r = CliRunner.run("init-usage", input);
        assertEquals(0, r.exitCode(), r.err());
        return r.out();
    }

    @Test
    void theSkeletonNamesEveryPricedResourceWithTheKeysItsReaderReads() throws IOException {
        String input = "compute-cost/src/test/resources/config/platform.yaml";
        String yaml = skeleton(input);
        JsonNode estimate = TestJson.json().readTree(CliRunner.run("estimate", input, "--format", "json").out());
        List<String> priced = new ArrayList<>();
        estimate.get("resources").forEach(r -> priced.add(r.get("name").asText()));
        List<String> named = new ArrayList<>();
        for (UsageSkeleton.Slot s : UsageSkeleton.of(Path.of(input)).slots()) {
            named.add(s.name());
            var mapping = Services.forType(s.type()).orElseThrow().templates().orElseThrow();
            assertEquals(new TreeSet<>(mapping.usageKeys(s.sourceType())), new TreeSet<>(s.keys()), s.name());
            for (String k : s.keys()) {
                assertTrue(yaml.contains("    # " + k + ":"), k);
            }
        }
        assertEquals(new TreeSet<>(priced), new TreeSet<>(named));
        // Each key with its unit, from the published schema.
        assertTrue(yaml.contains("# durationMs:") && yaml.contains("# Average billed duration per request, ms."), yaml);
        // Valid as it is: every resource at no usage, as without a usage file.
        Path usage = tmp.resolve("usage.yaml");
        Files.writeString(usage, yaml);
        CliRunner with = CliRunner.run("estimate", input, "--usage", usage.toString(), "--format", "json");
        assertEquals(0, with.exitCode(), with.err());
        assertEquals(estimate.get("totalMonthlyCostExact").asText(), TestJson.json().readTree(with.out())
                .get("totalMonthlyCostExact").asText());
    }

    @Test
    void aPlansSkeletonFilledInPricesAsAHandWrittenUsageFile() throws IOException {
        String yaml = skeleton(TF.resolve("services.json").toString());
        assertTrue(yaml.contains("- name: \"aws_eks_fargate_profile.web\"  # eks-fargate (AWS::EKS::FargateProfile)"),
                yaml);
        // Fill the skeleton with services-usage.yaml's values, key by key, as a user would.
        JsonNode given = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml
                .YAMLFactory()).readTree(TF.resolve("services-usage.yaml").toFile());
        String filled = yaml;
        for (JsonNode entry : given.get("resources")) {
            String name = entry.get("name").asText();
            int at = filled.indexOf("- name: \"" + name + "\"");
            assertTrue(at >= 0, name);
            int end = filled.indexOf("\n  - name:", at + 1);
            end = end < 0 ? filled.length() : end;
            String block = filled.substring(at, end);
            for (Iterator<Map.Entry<String, JsonNode>> it = entry.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> k = it.next();
                if (k.getKey().equals("name")) {
                    continue;
                }
                String commented = "    # " + k.getKey() + ":";
                assertTrue(block.contains(commented), name + " lists " + k.getKey());
                block = block.replace(commented, "    " + k.getKey() + ": " + k.getValue().asText());
            }
            filled = filled.substring(0, at) + block + filled.substring(end);
        }
        Path usage = tmp.resolve("filled.yaml");
        Files.writeString(usage, filled);
        JsonNode a = TestJson.json().readTree(CliRunner.run("estimate", TF.resolve("services.json").toString(),
                "--usage", usage.toString(), "--format", "json").out());
        JsonNode b = TestJson.json().readTree(CliRunner.run("estimate", TF.resolve("services.json").toString(),
                "--usage", TF.resolve("services-usage.yaml").toString(), "--format", "json").out());
        assertEquals(b.get("totalMonthlyCostExact").asText(), a.get("totalMonthlyCostExact").asText(), filled);
        // Terraform addresses with keys are quoted as the usage file must name them.
        assertTrue(skeleton(TF.resolve("plan.json").toString()).contains(
                "- name: \"aws_ecs_task_definition.web[\\\"blue\\\"]\""));
    }

    @Test
    void aWorkloadFileIsRefusedInOneLine() {
        CliRunner r = CliRunner.run("init-usage", "examples/orders.yaml");
        assertEquals(2, r.exitCode(), r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("a workload file holds its own usage"), r.err());
    }
}
