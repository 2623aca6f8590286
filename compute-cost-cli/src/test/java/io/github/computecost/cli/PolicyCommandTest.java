package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --policy}: a policy file on {@code estimate} and {@code diff}, one line per failure, exit 1. */
class PolicyCommandTest {

    @TempDir
    Path dir;

    Path policy(String yaml) throws IOException {
        Path p = dir.resolve("policy.yaml");
        Files.writeString(p, yaml);
        return p;
    }

    @Test
    void estimateFailsNamingEachResourceThatBreaksARule() throws IOException {
        Path p = policy("maxMonthlyCostPerResource: \"10\"\n");
        CliRunner r = CliRunner.run("estimate", "examples/orders.yaml", "--policy", p.toString());
        assertEquals(1, r.exitCode(), r.err());
        List<String> lines = r.err().lines().filter(l -> l.contains("policy")).toList();
        assertEquals(List.of(
                "compute-cost: policy " + p + ": maxMonthlyCostPerResource: image-resizer (lambda) costs 10.53 USD "
                        + "(exact 10.53489056) a month, above maxMonthlyCostPerResource 10.00 USD",
                "compute-cost: policy " + p + ": maxMonthlyCostPerResource: checkout (lambda) costs 65.78 USD "
                        + "(exact 65.78472) a month, above maxMonthlyCostPerResource 10.00 USD"), lines);
        assertTrue(r.out().contains("79.12"), r.out()); // the estimate is still printed
        assertEquals(0, CliRunner.run("estimate", "examples/orders.yaml", "--policy",
                policy("maxMonthlyCostPerResource: \"66\"\nmaxMonthlyCost: \"80\"\n").toString()).exitCode());
    }

    @Test
    void diffHoldsTheChangeToTheNewResourceAndIncreaseRules() throws IOException {
        Path p = policy("maxNewResourceMonthlyCost: \"50\"\nmaxIncrease: \"100\"\n");
        CliRunner r = CliRunner.run("diff", "examples/edge.yaml", "examples/orders.yaml", "--policy", p.toString());
        assertEquals(1, r.exitCode(), r.err());
        List<String> lines = r.err().lines().filter(l -> l.contains("policy")).toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).contains("maxNewResourceMonthlyCost: checkout (lambda) is new and costs 65.78 USD"),
                lines.get(0));
        assertEquals(0, CliRunner.run("diff", "examples/orders.yaml", "examples/orders.yaml", "--policy",
                p.toString()).exitCode());
    }

    @Test
    void aTagsCeilingAndRequiredTagsHoldTheExamplesTeams() throws IOException {
        // examples/orders.yaml: orders-api and checkout are the payments team's, image-resizer the media team's.
        Path p = policy("maxMonthlyCostByTag: { team: { payments: \"50\", \"*\": \"20\" } }\n"
                + "requireTags: [team, env]\n");
        CliRunner r = CliRunner.run("estimate", "examples/orders.yaml", "--policy", p.toString());
        assertEquals(1, r.exitCode(), r.err());
        List<String> lines = r.err().lines().filter(l -> l.contains("policy")).toList();
        assertEquals(List.of(
                "compute-cost: policy " + p + ": maxMonthlyCostByTag: the resources tagged team=payments (orders-api, "
                        + "checkout) cost 68.58 USD (exact 68.584732) a month together, above "
                        + "maxMonthlyCostByTag.team.payments 50.00 USD",
                "compute-cost: policy " + p + ": requireTags: orders-api (lambda) has no tag env; requireTags names "
                        + "team, env and it has team",
                "compute-cost: policy " + p + ": requireTags: image-resizer (lambda) has no tag env; requireTags "
                        + "names team, env and it has team",
                "compute-cost: policy " + p + ": requireTags: checkout (lambda) has no tag env; requireTags names "
                        + "team, env and it has team"), lines);
        assertEquals(0, CliRunner.run("estimate", "examples/orders.yaml", "--policy", policy("maxMonthlyCostByTag: "
                + "{ team: { payments: \"68.584732\", media: \"10.53489056\" } }\nrequireTags: [team]\n").toString())
                .exitCode(), "exactly at each ceiling");
        // The JSON estimate carries each resource's tags.
        CliRunner json = CliRunner.run("estimate", "examples/orders.yaml", "--format", "json");
        assertEquals("media", TestJson.resource(TestJson.json().readTree(json.out()), "image-resizer").path("tags")
                .path("team").asText(), json.out());
    }

    @Test
    void aPlansTagsAllAreHeldToThePolicy() throws IOException {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, "{\"format_version\": \"1.2\", \"planned_values\": {\"root_module\": "
                + "{\"resources\": [{\"address\": \"aws_lambda_function.f\", \"mode\": \"managed\", \"type\": "
                + "\"aws_lambda_function\", \"name\": \"f\", \"values\": {\"memory_size\": 512, \"tags\": "
                + "{\"team\": \"x\"}, \"tags_all\": {\"team\": \"x\", \"env\": \"prod\"}}}]}}, "
                + "\"resource_changes\": [], \"configuration\": {\"root_module\": {}}}");
        Path usage = dir.resolve("usage.yaml");
        Files.writeString(usage, "resources:\n  - { name: aws_lambda_function.f, requestsPerMonth: 100000000, "
                + "durationMs: 100 }\n");
        CliRunner r = CliRunner.run("estimate", plan.toString(), "--usage", usage.toString(), "--policy",
                policy("maxMonthlyCostByTag: { env: { prod: \"1\" } }\nrequireTags: [env]\n").toString());
        assertEquals(1, r.exitCode(), r.err());
        List<String> lines = r.err().lines().filter(l -> l.contains("policy")).toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).contains("the resources tagged env=prod (aws_lambda_function.f) cost "), lines.get(0));
        CliRunner bad = CliRunner.run("estimate", plan.toString(), "--policy", policy("maxMonthlyCostByTag: { env: "
                + "prod }\n").toString());
        assertEquals(2, bad.exitCode(), bad.err());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        assertTrue(bad.err().contains("$.maxMonthlyCostByTag.env"), bad.err());
    }

    @Test
    void aBadPolicyIsBadInputInOneLine() throws IOException {
        for (String bad : new String[] {"maxMonthlyCots: 5\n", "maxMonthlyCostByType: { lamda: 5 }\n", "- 1\n"}) {
            CliRunner r = CliRunner.run("estimate", "examples/orders.yaml", "--policy", policy(bad).toString());
            assertEquals(2, r.exitCode(), bad + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("policy.yaml"), r.err());
        }
        CliRunner missing = CliRunner.run("diff", "examples/orders.yaml", "examples/orders.yaml", "--policy",
                dir.resolve("none.yaml").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("none.yaml: file not found"), missing.err());
    }
}
