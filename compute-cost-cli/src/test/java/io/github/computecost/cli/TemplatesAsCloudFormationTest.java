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
        // Its scalable target is shown as the range, and the estimate stays at the configured concurrency.
        CliRunner text = CliRunner.run("estimate", DIR.resolve("alias-snapstart.yaml").toString());
        assertTrue(text.out().contains("Fn: the provisioned concurrency of Live scales from 2 to 20 (scalable target "
                + "LiveScaling); priced at its configured 5 all month"), text.out());
        assertTrue(!text.out().contains("not priced: LiveScaling"), text.out());
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

    private static JsonNode resource(JsonNode estimate, String name) {
        return TestJson.resource(estimate, name);
    }

    @Test
    void aCdkAppsStacksArePricedEachInItsManifestsRegion() throws IOException {
        Path app = DIR.resolve("cdk.out");
        // Two stacks of one class share their logical ids: named by stack; a stage's stack by Stage/Stack.
        Path usage = file("usage.yaml", "region: eu-central-1\nresources:\n  - name: ApiEu/Handler886CB40B\n"
                + "    requestsPerMonth: 30000000\n    durationMs: 200\n");
        JsonNode e = json(CliRunner.run("estimate", app.toString(), "--usage", usage.toString(), "--format", "json"));
        Path us = file("us.yaml", "region: us-east-1\nresources:\n  - name: Task\n    type: fargate\n    vcpu: 1\n"
                + "    memoryGb: 2\n    tasks: 2\n");
        Path eu = file("eu.yaml", "region: eu-central-1\nresources:\n  - name: Task\n    type: fargate\n"
                + "    vcpu: 1\n    memoryGb: 2\n    tasks: 2\n  - name: Handler\n    type: lambda\n"
                + "    architecture: arm64\n    memoryMb: 1024\n    requestsPerMonth: 30000000\n    durationMs: 200\n");
        JsonNode usTask = resource(e, "ApiUs/WorkerTaskDef4B2A7F31");
        JsonNode euTask = resource(e, "ApiEu/WorkerTaskDef4B2A7F31");
        assertEquals("us-east-1", usTask.get("region").asText());
        assertEquals("eu-central-1", euTask.get("region").asText());
        assertEquals(total(CliRunner.run("estimate", us.toString(), "--format", "json")),
                usTask.get("monthlyCostExact").asText());
        JsonNode euAlone = json(CliRunner.run("estimate", eu.toString(), "--format", "json"));
        assertEquals(resource(euAlone, "Task").get("monthlyCostExact").asText(), euTask.get("monthlyCostExact").asText());
        // The usage file's traffic, priced at Frankfurt's rates with the account's one free tier.
        assertEquals(resource(euAlone, "Handler").get("monthlyCostExact").asText(),
                resource(e, "ApiEu/Handler886CB40B").get("monthlyCostExact").asText());
        // An environment-agnostic stack runs in the usage file's region; a nested stack's function is read.
        assertEquals("eu-central-1", resource(e, "Batch/Workers/WorkerTaskDef4B2A7F31").get("region").asText());
        assertEquals("us-east-1", resource(e, "ApiUs/ReportFnD5E6F7A8").get("region").asText());
        assertTrue(e.toString().contains("ApiUs/Queue4A7E3555"), "the queue is listed as not priced: " + e);
    }

    @Test
    void aCdkAppsUsageAndParametersMustNameWhatTheAppHas() throws IOException {
        Path app = DIR.resolve("cdk.out");
        Path bare = file("bare.yaml", "resources:\n  - name: Handler886CB40B\n    requestsPerMonth: 1000\n");
        CliRunner r = CliRunner.run("estimate", app.toString(), "--usage", bare.toString());
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("the usage file names \"Handler886CB40B\", which the app does not define; name "
                + "a resource StackName/LogicalId (stacks: ApiUs, ApiEu, Batch/Workers)"), r.err());
        CliRunner p = CliRunner.run("estimate", app.toString(), "--parameter", "Nope=1");
        assertEquals(2, p.exitCode(), p.out() + p.err());
        assertTrue(p.err().contains("no stack of the app has a parameter Nope"), p.err());
        CliRunner dir = CliRunner.run("estimate", tmp.toString());
        assertEquals(2, dir.exitCode(), dir.out() + dir.err());
        assertTrue(dir.err().contains("a directory is read as a CDK cloud assembly (the cdk.out that cdk synth "
                + "writes), and it has no manifest.json"), dir.err());
    }

    @Test
    void aFunctionADistributionRunsIsPricedAsLambdaAtEdge() throws IOException {
        Path edge = DIR.resolve("edge");
        // AWS's Lambda@Edge example: 10M requests of 50 ms at 128 MB cost 6.00 + 3.125625, with no free tier.
        Path w = file("w.yaml", "resources:\n  - name: RewriteFunction\n    type: lambda-edge\n"
                + "    eventType: origin-request\n    memoryMb: 128\n    requestsPerMonth: 10000000\n"
                + "    durationMs: 50\n");
        JsonNode site = json(CliRunner.run("estimate", edge.resolve("site.yaml").toString(), "--usage",
                edge.resolve("site-usage.yaml").toString(), "--format", "json"));
        JsonNode rewrite = resource(site, "RewriteFunction");
        assertEquals("lambda-edge", rewrite.get("type").asText());
        assertEquals("9.125625", rewrite.get("monthlyCostExact").asText());
        assertEquals(total(CliRunner.run("estimate", w.toString(), "--format", "json")),
                rewrite.get("monthlyCostExact").asText());
        // The function beside it, which no distribution runs, stays regional Lambda with the free tier.
        assertEquals("lambda", resource(site, "ContactFunction").get("type").asText());
        assertEquals("1.80", resource(site, "ContactFunction").get("monthlyCostExact").asText());
        // compare-edge reads the template's edge function as it reads a workload file's.
        CliRunner compare = CliRunner.run("compare-edge", edge.resolve("site.yaml").toString(), "--usage",
                edge.resolve("site-usage.yaml").toString());
        assertEquals(0, compare.exitCode(), compare.err());
        assertTrue(compare.out().contains("RewriteFunction (lambda-edge, origin-request, 10000000 requests per month)")
                && compare.out().contains("Lambda@Edge:          9.13 USD  (exact 9.125625)"), compare.out());
    }

    @Test
    void aUsageEntrySaysWhereAFunctionOfAnotherStacksDistributionRuns() throws IOException {
        Path edge = DIR.resolve("edge");
        Path functions = edge.resolve("functions.yaml");
        JsonNode declared = json(CliRunner.run("estimate", functions.toString(), "--usage",
                edge.resolve("functions-usage.yaml").toString(), "--format", "json"));
        assertEquals("lambda-edge", resource(declared, "AuthFunction").get("type").asText());
        assertEquals("9.125625", declared.get("totalMonthlyCostExact").asText());
        // Without edge, the same traffic is regional Lambda's, with the free tier: what the issue saw.
        Path regional = file("regional.yaml", "resources:\n  - name: AuthFunction\n    requestsPerMonth: 10000000\n"
                + "    durationMs: 50\n");
        assertEquals("1.80", total(CliRunner.run("estimate", functions.toString(), "--usage", regional.toString(),
                "--format", "json")));
        Path wrong = file("wrong.yaml", "resources:\n  - name: AuthFunction\n    edge: viewer-requests\n");
        CliRunner r = CliRunner.run("estimate", functions.toString(), "--usage", wrong.toString());
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("edge") && r.err().contains("must be origin-request, origin-response, "
                + "viewer-request or viewer-response, was \"viewer-requests\""), r.err());
        // A template's own association wins: a usage entry that contradicts it is refused.
        Path contradicts = file("contradicts.yaml", "resources:\n  - name: RewriteFunction\n"
                + "    edge: viewer-request\n");
        CliRunner c = CliRunner.run("estimate", edge.resolve("site.yaml").toString(), "--usage",
                contradicts.toString());
        assertEquals(2, c.exitCode(), c.out() + c.err());
        assertTrue(c.err().contains("runs RewriteFunction on Distribution (origin-request)"), c.err());
    }

    @Test
    void whatLambdaAtEdgeDoesNotAllowIsNotPriced() throws IOException {
        Path t = file("arm.yaml", Files.readString(DIR.resolve("edge/site.yaml")).replace("      MemorySize: 128\n"
                + "      Timeout: 5\n", "      MemorySize: 128\n      Timeout: 5\n      Architectures: [arm64]\n"
                + "      Environment: { Variables: { STAGE: prod } }\n"));
        CliRunner r = CliRunner.run("estimate", t.toString());
        assertTrue(r.out().contains("RewriteFunction: runs at the edge, where Lambda@Edge does not allow "
                + "Architectures arm64 (Lambda@Edge runs x86_64 only); Environment variables; not priced"),
                r.out() + r.err());
        assertTrue(r.out().contains("not priced: RewriteFunction (AWS::Serverless::Function)"), r.out());
    }

    @Test
    void aServiceSplitBetweenFargateAndFargateSpotIsPricedInTwoParts() throws IOException {
        Path t = DIR.resolve("fargate-spot-split.yaml");
        // 5 tasks, Base 1 on FARGATE, the other 4 split 1:3: 2 on FARGATE, 3 on FARGATE_SPOT.
        Path w = file("w.yaml", "region: us-east-1\nresources:\n  - name: WebTask\n    type: fargate\n    vcpu: 1\n"
                + "    memoryGb: 2\n    tasks: 2\n  - name: WebTask/FARGATE_SPOT\n    type: fargate\n    vcpu: 1\n"
                + "    memoryGb: 2\n    tasks: 3\n    spot: true\n  - name: WorkerTask\n    type: fargate\n"
                + "    vcpu: 0.5\n    memoryGb: 1\n    tasks: 2\n    spot: true\n");
        JsonNode template = json(CliRunner.run("estimate", t.toString(), "--format", "json"));
        JsonNode workload = json(CliRunner.run("estimate", w.toString(), "--format", "json"));
        for (String name : new String[] {"WebTask", "WebTask/FARGATE_SPOT", "WorkerTask"}) {
            assertEquals(resource(workload, name).get("monthlyCostExact").asText(),
                    resource(template, name).get("monthlyCostExact").asText(), name);
        }
        assertEquals(workload.get("totalMonthlyCostExact").asText(), template.get("totalMonthlyCostExact").asText());
        // 4 tasks: the 3 after the base split 1:3 come out in no whole number; reported, never rounded.
        CliRunner four = CliRunner.run("estimate", t.toString(), "--parameter", "Count=4");
        assertEquals(0, four.exitCode(), four.err());
        assertTrue(four.out().contains("WebTask: ECS service Web splits 3 tasks 1:3 between FARGATE and FARGATE_SPOT, "
                + "which places 2 or 3 on Spot in an order ECS does not document, so its tasks are not priced"),
                four.out());
        assertTrue(four.out().contains("not priced: WebTask (AWS::ECS::TaskDefinition)"), four.out());
        // The usage file's tasks and spot win over the services' strategy.
        Path usage = file("u.yaml", "resources:\n  - name: WebTask\n    tasks: 5\n    spot: false\n");
        JsonNode given = json(CliRunner.run("estimate", t.toString(), "--usage", usage.toString(), "--format",
                "json"));
        assertTrue(!given.toString().contains("WebTask/FARGATE_SPOT"), given.toString());
    }

    @Test
    void aMixedInstancesGroupIsPricedAtItsFirstOverrideByWeight() throws IOException {
        CliRunner r = CliRunner.run("estimate", DIR.resolve("autoscaling-mixed.yaml").toString(), "--format", "json");
        // 7 capacity units of m5.large at a weight of 2 each: 4 instances (Auto Scaling rounds up), On-Demand.
        Path w = file("w.yaml", "region: us-east-1\nresources:\n  - name: Weighted\n    type: ec2\n"
                + "    instanceType: m5.large\n    count: 4\n");
        assertEquals(total(CliRunner.run("estimate", w.toString(), "--format", "json")), total(r));
        CliRunner text = CliRunner.run("estimate", DIR.resolve("autoscaling-mixed.yaml").toString());
        assertTrue(text.out().contains("Weighted: 7 capacity units of m5.large at a weight of 2 each: priced as 4 "
                + "instances"), text.out());
        // Spot capacity is placed by Spot prices, which no bundled source gives: listed, never priced On-Demand.
        assertTrue(text.out().contains("PartlySpot: part of the group runs on Spot") && text.out().contains(
                "not priced: PartlySpot (AWS::AutoScaling::AutoScalingGroup)"), text.out());
    }

    @Test
    void aSamFunctionsAutoPublishAliasWithProvisionedConcurrencyIsCharged() throws IOException {
        // The acceptance case: AutoPublishAlias live with ProvisionedConcurrentExecutions 5, as the workload format
        // prices the same function (512 MB from Globals, 5 on all month).
        CliRunner t = CliRunner.run("estimate", DIR.resolve("sam-api-alias.yaml").toString(), "--usage",
                DIR.resolve("sam-api-alias-usage.yaml").toString(), "--format", "json");
        Path w = file("w.yaml", "region: us-east-1\nresources:\n  - name: OrdersFunction\n    type: lambda\n"
                + "    memoryMb: 512\n    runtime: nodejs20.x\n    requestsPerMonth: 5000000\n    durationMs: 120\n"
                + "    provisionedConcurrency: { concurrency: 5, hoursPerMonth: 730 }\n");
        assertEquals(total(CliRunner.run("estimate", w.toString(), "--format", "json")),
                resource(json(t), "OrdersFunction").get("monthlyCostExact").asText());
        CliRunner text = CliRunner.run("estimate", DIR.resolve("sam-api-alias.yaml").toString());
        assertTrue(text.out().contains("the provisioned concurrency of OrdersFunctionAliaslive scales from 5 to 50"),
                text.out());
    }

    @Test
    void tasksOnATemplatesAutoScalingGroupAreBilledOnceAsTheGroup() throws IOException {
        Path t = DIR.resolve("ecs-ec2-asg.yaml");
        // Two m5.large of the group, all month; the service's six tasks run on them and add nothing.
        Path w = file("w.yaml", "region: us-east-1\nresources:\n  - name: Asg\n    type: ec2\n"
                + "    instanceType: m5.large\n    count: 2\n");
        CliRunner r = CliRunner.run("estimate", t.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(total(CliRunner.run("estimate", w.toString(), "--format", "json")),
                total(CliRunner.run("estimate", t.toString(), "--format", "json")));
        assertTrue(r.out().contains("Web: ECS service Service runs its tasks on the instances of Auto Scaling group "
                + "Asg (capacity provider MyAsgProvider), which are priced as the group"), r.out());
        assertTrue(!r.out().contains("not priced: Web"), r.out());
        Path u = file("u.yaml", "resources:\n  - name: Web\n    instanceType: m5.large\n");
        CliRunner twice = CliRunner.run("estimate", t.toString(), "--usage", u.toString());
        assertEquals(2, twice.exitCode(), twice.out() + twice.err());
        assertTrue(twice.err().contains("whose instances are priced as the group"), twice.err());
    }
}
