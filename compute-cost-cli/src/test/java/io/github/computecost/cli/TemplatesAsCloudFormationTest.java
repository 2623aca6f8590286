package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Templates read as CloudFormation reads them: intrinsics evaluated from parameter defaults and --parameter values,
 * resource conditions, ECS services' counts, EC2 instances, Fn::ForEach. Each priced figure is checked against the
 * same configuration written in the workload format.
 */
class TemplatesAsCloudFormationTest {

    static final Path DIR = Path.of("compute-cost-cli/src/test/resources/templates-cfn");

    @TempDir
    Path tmp;

    private Path file(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static JsonNode json(CliRunner r) throws IOException {
        assertEquals(0, r.exitCode(), r.err());
        return TestJson.json().readTree(r.out());
    }

    private static String total(CliRunner r) throws IOException {
        return json(r).get("totalMonthlyCostExact").asText();
    }

    @Test
    void aFargateServiceSizedFromMappingsRunsItsDesiredCount() throws IOException {
        Path t = DIR.resolve("fargate-service-mappings.yaml");
        Path w = file("w.yaml", "region: us-east-1\nresources:\n  - name: Task\n    type: fargate\n    vcpu: 1\n"
                + "    memoryGb: 2\n    tasks: 3\n");
        assertEquals(total(CliRunner.run("estimate", w.toString(), "--format", "json")),
                total(CliRunner.run("estimate", t.toString(), "--format", "json")));
        // DesiredCount 0 is a real value; a task definition only a rule starts is usage-based, not always on.
        CliRunner none = CliRunner.run("estimate", t.toString(), "--parameter", "Count=0", "--format", "json");
        assertEquals("0.00", total(none));
        CliRunner text = CliRunner.run("estimate", t.toString());
        assertTrue(text.out().contains("started one run at a time by Nightly"), text.out() + text.err());
        assertTrue(!text.out().contains("not priced: Service"), "the service is read into its task definition");
        assertTrue(text.out().contains("ECS service Service scales from 2 to 10 tasks (scalable target Scaling); "
                + "priced at its DesiredCount, 3"), text.out());
    }

    @Test
    void aFalseConditionLeavesAResourceOutAndSaysWhy() throws IOException {
        Path t = DIR.resolve("conditions.yaml");
        CliRunner dev = CliRunner.run("estimate", t.toString());
        assertEquals(0, dev.exitCode(), dev.err());
        assertTrue(dev.out().contains("ProdOnly (AWS::Lambda::Function): not created: its condition IsProd is false"),
                dev.out());
        JsonNode prod = json(CliRunner.run("estimate", t.toString(), "--parameter", "Env=prod", "--parameter",
                "Size=large", "--format", "json"));
        assertEquals(2, prod.get("resources").size(), prod.toString());
        // Env=prod: x86 (IsArm is Not IsProd), the large mapping, 50 GiB of storage from the Fn::If branch.
        Path w = file("w.yaml", "region: us-east-1\nresources:\n  - name: Task\n    type: fargate\n    vcpu: 2\n"
                + "    memoryGb: 4\n    ephemeralStorageGb: 50\n");
        assertEquals(total(CliRunner.run("estimate", w.toString(), "--format", "json")),
                prod.get("resources").get(0).get("monthlyCostExact").asText());
        Path arm = file("arm.yaml", "region: us-east-1\nresources:\n  - name: Task\n    type: fargate\n"
                + "    architecture: arm64\n    vcpu: 1\n    memoryGb: 2\n");
        assertEquals(total(CliRunner.run("estimate", arm.toString(), "--format", "json")),
                total(CliRunner.run("estimate", t.toString(), "--format", "json")));
    }

    @Test
    void parametersTheTemplateDoesNotAllowAreRefused() {
        Path t = DIR.resolve("conditions.yaml");
        CliRunner unknown = CliRunner.run("estimate", t.toString(), "--parameter", "Sise=large");
        assertEquals(2, unknown.exitCode(), unknown.err());
        assertTrue(unknown.err().contains("parameter Sise is not one of the template's (Size, Env)"), unknown.err());
        CliRunner disallowed = CliRunner.run("estimate", t.toString(), "--parameter", "Size=huge");
        assertEquals(2, disallowed.exitCode(), disallowed.err());
        assertTrue(disallowed.err().contains("AllowedValues (small, medium, large)"), disallowed.err());
    }

    @Test
    void ec2InstancesArePricedAndOtherTypesListed() throws IOException {
        Path t = DIR.resolve("ec2-instances.yaml");
        Path w = file("w.yaml", "region: us-east-1\nresources:\n  - name: web\n    type: ec2\n"
                + "    instanceType: t3.small\n    count: 2\n");
        CliRunner r = CliRunner.run("estimate", t.toString(), "--format", "json");
        assertEquals(total(CliRunner.run("estimate", w.toString(), "--format", "json")), total(r));
        assertTrue(json(r).toString().contains("Queue"), "the queue is listed as not priced: " + r.out());
        assertEquals(1, json(r).get("notPricedByType").get("AWS::SQS::Queue").asInt(), r.out());
        CliRunner md = CliRunner.run("estimate", t.toString(), "--format", "markdown");
        assertTrue(md.out().contains("**Not priced, by type:** AWS::SQS::Queue 1"), md.out());
        assertTrue(CliRunner.run("estimate", t.toString()).out().contains("not priced, by type: AWS::SQS::Queue 1"));
        // The AMI's OS is an assumption, said once per instance; a usage file can give it.
        Path u = file("u.yaml", "resources:\n  - name: Web1\n    os: windows\n");
        CliRunner win = CliRunner.run("estimate", t.toString(), "--usage", u.toString());
        assertTrue(win.out().contains("t3.small Windows"), win.out());
    }

    @Test
    void forEachExpandsAndRulesShortTagsAreRead() throws IOException {
        JsonNode e = json(CliRunner.run("estimate", DIR.resolve("foreach.yaml").toString(), "--format", "json"));
        assertEquals(2, e.get("resources").size(), e.toString());
        assertEquals("resizeFunction", e.get("resources").get(0).get("name").asText());
        assertEquals("thumbFunction", e.get("resources").get(1).get("name").asText());
    }

    @Test
    void aNestedStackWithALocalTemplateAddsItsResources() throws IOException {
        Path nested = DIR.resolve("nested");
        CliRunner r = CliRunner.run("estimate", nested.resolve("parent.yaml").toString(), "--usage",
                nested.resolve("usage.yaml").toString(), "--format", "json");
        // The child's function at the memory the parent passes (1024 MB, not its Default of 128).
        Path w = file("w.yaml", "region: us-east-1\nresources:\n  - name: Api\n    type: lambda\n    memoryMb: 256\n"
                + "    requestsPerMonth: 1000000\n    durationMs: 100\n  - name: Worker\n    type: lambda\n"
                + "    memoryMb: 1024\n    requestsPerMonth: 2000000\n    durationMs: 1000\n");
        assertEquals(total(CliRunner.run("estimate", w.toString(), "--format", "json")), total(r));
        String all = json(r).toString();
        assertTrue(all.contains("Table") && all.contains("is not fetched"), "the child's table and the remote stack "
                + "are listed as not priced: " + all);
        CliRunner loop = CliRunner.run("estimate", nested.resolve("loop.yaml").toString());
        assertEquals(2, loop.exitCode(), loop.out() + loop.err());
        assertTrue(loop.err().contains("includes a stack that includes it"), loop.err());
    }

    @Test
    void provisionedConcurrencyOnAnAliasAndSnapStartArePricedAsInTheWorkloadFormat() throws IOException {
        CliRunner t = CliRunner.run("estimate", DIR.resolve("alias-snapstart.yaml").toString(), "--usage",
                DIR.resolve("alias-snapstart-usage.yaml").toString(), "--format", "json");
        Path w = file("w.yaml", "region: us-east-1\nresources:\n  - name: Fn\n    type: lambda\n    memoryMb: 1024\n"
                + "    runtime: python3.12\n    requestsPerMonth: 1000000\n    durationMs: 100\n"
                + "    provisionedConcurrency: { concurrency: 5, hoursPerMonth: 730 }\n"
                + "    snapStart: { restoresPerMonth: 1000 }\n");
        assertEquals(total(CliRunner.run("estimate", w.toString(), "--format", "json")), total(t));
        assertTrue(!json(t).toString().contains("AWS::Lambda::Alias"), "the alias is read into its function");
        // On Java, SnapStart costs nothing: the same template with a Java runtime has no SnapStart line.
        String java = Files.readString(DIR.resolve("alias-snapstart.yaml")).replace("python3.12", "java21");
        CliRunner j = CliRunner.run("estimate", file("java.yaml", java).toString(), "--format", "json");
        assertTrue(!json(j).toString().contains("SnapStart-Cached"), j.out());
    }

    @Test
    void anAutoScalingGroupIsPricedByItsLaunchTemplatesType() throws IOException {
        CliRunner t = CliRunner.run("estimate", DIR.resolve("autoscaling.yaml").toString(), "--format", "json");
        // DesiredCapacity 3, and a group without one at its MinSize of 1: four t3.small all month.
        Path w = file("w.yaml", "region: us-east-1\nresources:\n  - name: web\n    type: ec2\n"
                + "    instanceType: t3.small\n    count: 4\n");
        assertEquals(total(CliRunner.run("estimate", w.toString(), "--format", "json")), total(t));
        assertTrue(!json(t).toString().contains("AWS::EC2::LaunchTemplate"), "the launch template is read into it");
        CliRunner text = CliRunner.run("estimate", DIR.resolve("autoscaling.yaml").toString());
        assertTrue(text.out().contains("Ranged: the group runs 1 to 4 instances; priced at its MinSize"), text.out());
    }

    @Test
    void anEcsOnEc2ServicesDesiredCountIsPackedOntoInstances() throws IOException {
        Path u = file("u.yaml", "region: us-east-1\nresources:\n  - name: Web\n    instanceType: m5.large\n");
        Path w = file("w.yaml", "region: us-east-1\nresources:\n  - name: Web\n    type: ecs-ec2\n"
                + "    instanceType: m5.large\n    taskCpuUnits: 1024\n    taskMemoryMib: 2048\n    tasks: 6\n");
        assertEquals(total(CliRunner.run("estimate", w.toString(), "--format", "json")),
                total(CliRunner.run("estimate", DIR.resolve("ecs-ec2-service.yaml").toString(), "--usage",
                        u.toString(), "--format", "json")));
    }
}
