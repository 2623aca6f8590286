package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fargate, EC2 and Lightsail through workload files and the command line. */
class ServersCommandTest {

    @TempDir
    Path dir;

    Path file(String content) throws IOException {
        Path p = dir.resolve("w.yaml");
        Files.writeString(p, content);
        return p;
    }

    JsonNode json(String content) throws IOException {
        CliRunner r = CliRunner.run("estimate", file(content).toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        return TestJson.json().readTree(r.out());
    }

    CliRunner bad(String content) throws IOException {
        CliRunner r = CliRunner.run("estimate", file(content).toString());
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        return r;
    }

    @Test
    void fargateEc2AndLightsailFromAFile() throws IOException {
        JsonNode out = json("resources:\n"
                + "  - name: web\n    type: fargate\n    vcpu: 1\n    memoryGb: 2\n"
                + "  - name: batch\n    type: fargate\n    vcpu: 1\n    memoryGb: 2\n    runsPerMonth: 1\n    runDurationSeconds: 10\n"
                + "  - name: app\n    type: ec2\n    instanceType: t3.medium\n"
                + "  - name: blog\n    type: lightsail\n    bundle: medium_3_0\n    hoursPerMonth: 100\n");
        JsonNode r = out.get("resources");
        assertEquals("36.0401", r.get(0).get("monthlyCostExact").asText());
        assertEquals("USE1-Fargate-vCPU-Hours:perCPU", r.get(0).get("lineItems").get(0).get("usageType").asText());
        assertEquals("0.0166666667", r.get(1).get("lineItems").get(0).get("quantity").asText());
        assertEquals("30.368", r.get(2).get("monthlyCostExact").asText());
        assertEquals("3.225", r.get(3).get("monthlyCostExact").asText()); // 100 h × $0.03225 ($24 / 744, cut)
    }

    @Test
    void unknownInstanceTypesAndRegionsExitTwoWithSuggestions() throws IOException {
        assertTrue(bad("resources:\n  - name: app\n    type: ec2\n    instanceType: m5.larg\n").err()
                .contains("unknown instance type \"m5.larg\" (did you mean m5.large"));
        assertTrue(bad("resources:\n  - name: app\n    type: ec2\n    region: eu-west-1\n    instanceType: m5.large\n").err()
                .contains("no AmazonEC2 prices for region \"eu-west-1\" (priced regions: af-south-1, us-east-1, "
                        + "us-gov-east-1, us-gov-west-1)"));
        assertTrue(bad("resources:\n  - name: web\n    type: fargate\n    vcpu: 1\n    memoryGb: 16\n").err()
                .contains("memoryGb 16 is not offered with 1 vCPU (allowed: 2-8 GB in 1 GB steps)"));
        assertTrue(bad("resources:\n  - name: web\n    type: fargate\n    vcpu: 1\n    memoryGb: 2\n    tasks: 1\n"
                + "    runsPerMonth: 3\n    runDurationSeconds: 5\n").err().contains("not both"));
        assertTrue(bad("resources:\n  - name: web\n    type: fargate\n    vcpu: 1\n    memoryGb: 2\n    spot: true\n"
                + "    architecture: arm64\n").err().contains("web: no price for USE1-SpotUsage-Fargate-ARM-vCPU-Hours:perCPU, "
                        + "USE1-SpotUsage-Fargate-ARM-GB-Hours (AmazonECSFargateSpot, us-east-1)"));
        assertTrue(bad("resources:\n  - name: web\n    type: fargate\n    vcpu: 1\n    memoryGb: 2\n    operatingSystem: macos\n")
                .err().contains("operatingSystem must be linux or windows, was \"macos\""));
        assertTrue(bad("resources:\n  - name: blog\n    type: lightsail\n    bundle: huge\n").err()
                .contains("unknown Lightsail bundle \"huge\""));
        assertTrue(bad("resources:\n  - name: app\n    type: ec2\n    instanceType: t3.medium\n    spotDiscountPercent: 120\n")
                .err().contains("spotDiscountPercent must be between 0 and 100: 120"));
    }

    @Test
    void compareRanksOptionsAndEstimateRefusesNeutralWorkloads() throws IOException {
        Path f = file("resources:\n  - name: api\n    type: workload\n    requestsPerMonth: 2000000\n"
                + "    durationMs: 100\n    memoryMb: 512\n    needs: { gpu: false }\n");
        CliRunner r = CliRunner.run("compare", f.toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode w = TestJson.json().readTree(r.out()).get("workloads").get(0);
        assertTrue(w.get("options").get(0).get("option").asText().startsWith("Lambda"), r.out());
        assertTrue(w.get("breakEven").get("requestsPerMonth").asLong() > 2_000_000);
        CliRunner e = CliRunner.run("estimate", f.toString());
        assertEquals(2, e.exitCode());
        assertTrue(e.err().contains("use compare"), e.err());
        CliRunner none = CliRunner.run("compare", "examples/orders.yaml");
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("no service-neutral workloads"), none.err());
    }

    @Test
    void fargateSpotWithAPriceTable() throws IOException {
        CliRunner r = CliRunner.run("estimate", file("resources:\n  - name: web\n    type: fargate\n    vcpu: 1\n"
                + "    memoryGb: 2\n    spot: true\n").toString(), "--format", "json",
                "--pricing-data", "compute-cost/src/test/resources/pricing-spot");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("USE1-SpotUsage-Fargate-vCPU-Hours:perCPU"), r.out());
    }
}
