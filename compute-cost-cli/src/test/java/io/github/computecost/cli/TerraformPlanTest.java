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
 * A Terraform plan (terraform show -json, format 1.2) read as the resources it will create: a function with
 * provisioned concurrency, a Fargate
 * service behind for_each whose task definitions use an aliased eu-west-1 provider, an Auto Scaling group with its
 * launch template, instances, and a module given that provider; each priced as the same resources written in the
 * workload format, in its region.
 */
class TerraformPlanTest {

    static final Path DIR = Path.of("compute-cost-cli/src/test/resources/terraform");

    @TempDir
    Path tmp;

    private static JsonNode json(CliRunner r) throws IOException {
        assertEquals(0, r.exitCode(), r.err());
        return TestJson.json().readTree(r.out());
    }

    private static JsonNode resource(JsonNode estimate, String name) {
        return TestJson.resource(estimate, name);
    }

    @Test
    void aPlansResourcesArePricedAsTheSameResourcesInTheWorkloadFormatEachInItsRegion() throws IOException {
        JsonNode plan = json(CliRunner.run("estimate", DIR.resolve("plan.json").toString(), "--usage",
                DIR.resolve("usage.yaml").toString(), "--format", "json"));
        Path w = tmp.resolve("w.yaml");
        Files.writeString(w, """
                region: us-east-1
                resources:
                  - name: aws_lambda_function.api
                    type: lambda
                    architecture: arm64
                    memoryMb: 512
                    requestsPerMonth: 5000000
                    durationMs: 120
                    provisionedConcurrency: { concurrency: 2, hoursPerMonth: 730 }
                  - name: aws_ecs_task_definition.web["blue"]
                    type: fargate
                    region: eu-west-1
                    architecture: arm64
                    vcpu: 1
                    memoryGb: 2
                    tasks: 3
                  - name: aws_ecs_task_definition.web["green"]
                    type: fargate
                    region: eu-west-1
                    architecture: arm64
                    vcpu: 0.5
                    memoryGb: 1
                  - name: aws_autoscaling_group.app
                    type: ec2
                    instanceType: t3.small
                    count: 2
                  - name: aws_instance.bastion
                    type: ec2
                    instanceType: t3.small
                  - name: aws_lightsail_instance.blog
                    type: lightsail
                    bundle: small_3_0
                  - name: aws_lambda_function.edge
                    type: lambda-edge
                    eventType: origin-request
                    memoryMb: 128
                    requestsPerMonth: 10000000
                    durationMs: 50
                  - name: module.eu.aws_lambda_function.worker
                    type: lambda
                    region: eu-west-1
                    memoryMb: 1024
                    requestsPerMonth: 2000000
                    durationMs: 300
                  - name: module.eu.aws_ecs_task_definition.cache[0]
                    type: fargate
                    region: eu-west-1
                    vcpu: 0.25
                    memoryGb: 0.5
                """);
        JsonNode workload = json(CliRunner.run("estimate", w.toString(), "--format", "json"));
        assertEquals(workload.get("resources").size(), plan.get("resources").size(), plan.toString());
        for (JsonNode r : workload.get("resources")) {
            String name = r.get("name").asText();
            JsonNode p = resource(plan, name);
            assertEquals(r.get("region").asText(), p.get("region").asText(), name);
            assertEquals(r.get("monthlyCostExact").asText(), p.get("monthlyCostExact").asText(), name);
        }
        assertEquals(workload.get("totalMonthlyCostExact").asText(), plan.get("totalMonthlyCostExact").asText());
        assertEquals("eu-west-1", resource(plan, "module.eu.aws_lambda_function.worker").get("region").asText());
        // The function the distribution runs is Lambda@Edge: AWS's example, 10M requests of 50 ms at 128 MB.
        assertEquals("lambda-edge", resource(plan, "aws_lambda_function.edge").get("type").asText());
        assertEquals("9.125625", resource(plan, "aws_lambda_function.edge").get("monthlyCostExact").asText());
    }

    @Test
    void theNewerServicesResourcesArePricedAsInTheWorkloadFormat() throws IOException {
        // EKS (a cluster in extended support, node groups, a Fargate profile), Step Functions, API Gateway (a REST
        // API whose stage has a cache, an HTTP API, and their parts), App Runner, a Batch job definition on Fargate,
        // ECR, and an Auto Scaling group with a mixed instances policy (its first override, by weight).
        JsonNode plan = json(CliRunner.run("estimate", DIR.resolve("services.json").toString(), "--usage",
                DIR.resolve("services-usage.yaml").toString(), "--format", "json"));
        Path w = tmp.resolve("w.yaml");
        Files.writeString(w, """
                region: us-east-1
                resources:
                  - { name: aws_eks_cluster.main, type: eks, kubernetesVersion: "1.29", support: extended }
                  - { name: aws_eks_node_group.linux, type: ec2, instanceType: m5.large, count: 3 }
                  - name: aws_eks_node_group.windows
                    type: ec2
                    instanceType: t3.medium
                    operatingSystem: windows
                  - { name: aws_eks_fargate_profile.web, type: eks-fargate, pods: 3, podVcpu: 1, podMemoryMb: 2048 }
                  - name: aws_sfn_state_machine.orders
                    type: step-functions
                    workflowType: standard
                    executionsPerMonth: 200000
                    transitionsPerExecution: 4
                  - name: aws_sfn_state_machine.pipeline
                    type: step-functions
                    workflowType: express
                    executionsPerMonth: 1000
                    averageDurationMs: 250
                  - name: aws_api_gateway_rest_api.legacy
                    type: api-gateway
                    apiType: rest
                    endpointType: REGIONAL
                    cacheSizeGb: 0.5
                    requestsPerMonth: 1000000
                  - { name: aws_apigatewayv2_api.http, type: api-gateway, apiType: http, requestsPerMonth: 5000000 }
                  - name: aws_apprunner_service.app
                    type: app-runner
                    vcpu: 1
                    memoryGb: 2
                    instances: 1
                    activeInstanceHoursPerMonth: 200
                  - name: aws_batch_job_definition.nightly
                    type: batch
                    platform: fargate
                    architecture: arm64
                    vcpu: 1
                    memoryMib: 2048
                    timeoutSeconds: 3600
                    submissionsPerMonth: 30
                    durationSeconds: 600
                  - { name: aws_ecr_repository.images, type: ecr, storageGb: 20 }
                  - { name: aws_autoscaling_group.mixed, type: ec2, instanceType: c5.xlarge, count: 2 }
                """);
        JsonNode workload = json(CliRunner.run("estimate", w.toString(), "--format", "json"));
        java.util.List<String> names = new java.util.ArrayList<>();
        plan.get("resources").forEach(r -> names.add(r.get("name").asText()));
        assertEquals(workload.get("resources").size(), plan.get("resources").size(), names.toString());
        for (JsonNode r : workload.get("resources")) {
            String name = r.get("name").asText();
            JsonNode p = resource(plan, name);
            assertEquals(r.get("type").asText(), p.get("type").asText(), name);
            assertEquals(r.get("monthlyCostExact").asText(), p.get("monthlyCostExact").asText(), name);
        }
        assertEquals(workload.get("totalMonthlyCostExact").asText(), plan.get("totalMonthlyCostExact").asText());
        // The REST API's cache is its stage's; API Gateway's parts cost nothing and are neither priced nor listed.
        assertTrue(resource(plan, "aws_api_gateway_rest_api.legacy").toString().contains("ApiGatewayCacheUsage:0.5GB"));
        java.util.List<String> listed = new java.util.ArrayList<>();
        plan.get("notPriced").forEach(n -> listed.add(n.get("resource").asText() + ":" + n.get("resourceType")
                .asText()));
        assertEquals(java.util.List.of("aws_s3_bucket.assets:aws_s3_bucket"), listed);
        // ami_type, left to AWS and so known only after apply, is AWS's default (Linux) as in a template that omits
        // it: no warning. What the configuration sets and the plan cannot know is one.
        CliRunner text = CliRunner.run("estimate", DIR.resolve("services.json").toString(), "--usage",
                DIR.resolve("services-usage.yaml").toString());
        assertTrue(!text.out().contains("ami_type"), text.out());
        assertTrue(text.out().contains("aws_autoscaling_group.mixed: 4 capacity units of c5.xlarge at a weight of 2 "
                + "each: priced as 2 instances"), text.out());
    }

    @Test
    void aNewerServicesUnknownsAndSpotArePricedByNoGuess() throws IOException {
        String services = Files.readString(DIR.resolve("services.json"));
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode)
                TestJson.json().readTree(services);
        // The state machine's type known only after apply; part of the group on Spot.
        for (JsonNode c : tree.get("resource_changes")) {
            if (c.get("address").asText().equals("aws_sfn_state_machine.pipeline")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) c.get("change").get("after_unknown")).put("type",
                        true);
            }
        }
        for (JsonNode r : tree.get("planned_values").get("root_module").get("resources")) {
            com.fasterxml.jackson.databind.node.ObjectNode v = (com.fasterxml.jackson.databind.node.ObjectNode)
                    r.get("values");
            if (r.get("address").asText().equals("aws_sfn_state_machine.pipeline")) {
                v.putNull("type");
            }
            if (r.get("address").asText().equals("aws_autoscaling_group.mixed")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) v.get("mixed_instances_policy").get(0)
                        .get("instances_distribution").get(0)).put("on_demand_percentage_above_base_capacity", 50);
            }
        }
        String changed = TestJson.json().writeValueAsString(tree);
        Path plan = tmp.resolve("plan.json");
        Files.writeString(plan, changed);
        CliRunner r = CliRunner.run("estimate", plan.toString(), "--usage", DIR.resolve("services-usage.yaml")
                .toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("aws_sfn_state_machine.pipeline: type is known only after apply"), r.out());
        assertTrue(r.out().contains("not priced: aws_sfn_state_machine.pipeline (aws_sfn_state_machine)"), r.out());
        assertTrue(r.out().contains("not priced: aws_autoscaling_group.mixed (aws_autoscaling_group)"), r.out());
        assertTrue(r.out().contains("part of the group runs on Spot"), r.out());
        // A job definition whose container properties are not a JSON object is bad input, in one line.
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, services.replace("\"container_properties\": \"{", "\"container_properties\": \"["));
        CliRunner b = CliRunner.run("estimate", bad.toString());
        assertEquals(2, b.exitCode(), b.out());
        assertTrue(b.err().contains("resource \"aws_batch_job_definition.nightly\", values.container_properties: must "
                + "be a JSON object of container properties"), b.err());
        assertEquals(1, b.err().strip().lines().count(), b.err());
    }

    @Test
    void whatThePlanKnowsOnlyAfterApplyIsAWarningAndNotAGuess() {
        CliRunner r = CliRunner.run("estimate", DIR.resolve("plan.json").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("aws_instance.later: instance_type is known only after apply; the resource is "
                + "not priced by a guess"), r.out());
        assertTrue(r.out().contains("not priced: aws_instance.later (aws_instance)"), r.out());
        assertTrue(r.out().contains("not priced: aws_s3_bucket.assets (aws_s3_bucket): compute-cost prices no "
                + "resource of this type"), r.out());
        assertTrue(!r.out().contains("aws_caller_identity"), "data sources cost nothing and are not listed");
        assertTrue(!r.out().contains("aws_ecs_service.web") && !r.out().contains("aws_launch_template.app"),
                "services and launch templates are read into what they run");
    }

    @Test
    void aPlanOfAnotherFormatIsRefused() throws IOException {
        Path old = tmp.resolve("old.json");
        Files.writeString(old, Files.readString(DIR.resolve("plan.json")).replace("\"format_version\": \"1.2\"",
                "\"format_version\": \"0.1\""));
        CliRunner r = CliRunner.run("estimate", old.toString());
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.err().contains("$.format_version: must be a 1.x plan format"), r.err());
    }

    @Test
    void anInfracostUsageFileGivesTheSameFiguresAsOurs() throws IOException {
        JsonNode ours = json(CliRunner.run("estimate", DIR.resolve("plan.json").toString(), "--usage",
                DIR.resolve("usage.yaml").toString(), "--format", "json"));
        CliRunner theirs = CliRunner.run("estimate", DIR.resolve("plan.json").toString(), "--usage",
                DIR.resolve("infracost-usage.yml").toString());
        JsonNode theirsJson = json(CliRunner.run("estimate", DIR.resolve("plan.json").toString(), "--usage",
                DIR.resolve("infracost-usage.yml").toString(), "--format", "json"));
        assertEquals(ours.get("totalMonthlyCostExact").asText(), theirsJson.get("totalMonthlyCostExact").asText());
        for (JsonNode r : ours.get("resources")) {
            assertEquals(r.get("monthlyCostExact").asText(), resource(theirsJson, r.get("name").asText())
                    .get("monthlyCostExact").asText(), r.get("name").asText());
        }
        // What it cannot use is said, never dropped without a word.
        assertTrue(theirs.out().contains("aws_instance.bastion: usage key reserved_instance_type is not read by "
                + "compute-cost"), theirs.out());
        // An operating system compute-cost does not price is refused at the key the file gives, never priced as Linux.
        Path rhel = tmp.resolve("rhel.yml");
        Files.writeString(rhel, "version: 0.1\nresource_usage:\n  aws_instance.bastion:\n    operating_system: rhel\n");
        CliRunner refused = CliRunner.run("estimate", DIR.resolve("plan.json").toString(), "--usage", rhel.toString());
        assertEquals(2, refused.exitCode(), refused.err());
        assertEquals("compute-cost: " + rhel + ": resource \"aws_instance.bastion\", $.resource_usage.aws_instance.bastion"
                + ".operating_system: must be linux or windows, the operating systems compute-cost prices, was \"rhel\"",
                refused.err().strip());
        // operating_system reached the instance: its operating system is no longer an assumption.
        assertTrue(!theirs.out().contains("aws_instance.bastion: the AMI's operating system is not in the template"),
                theirs.out());
        assertTrue(theirs.out().contains("aws_s3_bucket.assets: the usage file gives usage for a resource "
                + "compute-cost does not price"), theirs.out());
        // Our own format's per-type defaults do the same as infracost's.
        Path defaults = tmp.resolve("defaults.yaml");
        Files.writeString(defaults, "defaults:\n  aws_lambda_function: { requestsPerMonth: 2000000, durationMs: 300 }\n"
                + "resources:\n  - name: aws_lambda_function.api\n    requestsPerMonth: 5000000\n"
                + "    durationMs: 120\n  - name: aws_lambda_function.edge\n    requestsPerMonth: 10000000\n"
                + "    durationMs: 50\n");
        assertEquals(ours.get("totalMonthlyCostExact").asText(), json(CliRunner.run("estimate",
                DIR.resolve("plan.json").toString(), "--usage", defaults.toString(), "--format", "json"))
                .get("totalMonthlyCostExact").asText());
        CliRunner template = CliRunner.run("estimate", "compute-cost-cli/src/test/resources/templates-cfn/"
                + "ec2-instances.yaml", "--usage", defaults.toString());
        assertEquals(2, template.exitCode(), template.out());
        assertTrue(template.err().contains("usage by resource type (defaults:, or an infracost usage file) is read "
                + "for Terraform plans"), template.err());
    }

    @Test
    void anInfracostUsageFileGivesTheNewerServicesTheSameFiguresAsOurs() throws IOException {
        JsonNode theirs = json(CliRunner.run("estimate", DIR.resolve("services.json").toString(), "--usage",
                DIR.resolve("services-infracost-usage.yml").toString(), "--format", "json"));
        Path ours = tmp.resolve("ours.yaml");
        Files.writeString(ours, """
                resources:
                  - { name: aws_api_gateway_rest_api.legacy, requestsPerMonth: 1000000 }
                  - { name: aws_apigatewayv2_api.http, requestsPerMonth: 5000000, averageRequestSizeKb: 512 }
                  - { name: aws_autoscaling_group.mixed, count: 3 }
                  - { name: aws_eks_node_group.linux, count: 2 }
                  - { name: aws_ecr_repository.images, storageGb: 20 }
                  - { name: aws_sfn_state_machine.orders, executionsPerMonth: 200000, transitionsPerExecution: 4 }
                  - { name: aws_sfn_state_machine.pipeline, executionsPerMonth: 1000, averageDurationMs: 250,
                      memoryMb: 64 }
                """);
        JsonNode mine = json(CliRunner.run("estimate", DIR.resolve("services.json").toString(), "--usage",
                ours.toString(), "--format", "json"));
        assertEquals(mine.get("totalMonthlyCostExact").asText(), theirs.get("totalMonthlyCostExact").asText());
        for (JsonNode r : mine.get("resources")) {
            assertEquals(r.get("monthlyCostExact").asText(), resource(theirs, r.get("name").asText())
                    .get("monthlyCostExact").asText(), r.get("name").asText());
        }
        // The keys reached the resources: three instances of the group's first type, two nodes, 20 GB stored.
        assertEquals("372.30", resource(theirs, "aws_autoscaling_group.mixed").get("monthlyCostExact").asText());
        assertEquals("140.16", resource(theirs, "aws_eks_node_group.linux").get("monthlyCostExact").asText());
        assertEquals("2.00", resource(theirs, "aws_ecr_repository.images").get("monthlyCostExact").asText());
        // 800,000 transitions less the 4,000 free, at 0.000025 USD each; 1,000 Express requests of 250 ms at 64 MB.
        assertEquals("19.90", resource(theirs, "aws_sfn_state_machine.orders").get("monthlyCostExact").asText());
        // 1,000 requests at 0.000001 USD, and 1,000 × 0.3 s × 0.0625 GB = 18.75 GB-seconds at 0.00001667 USD.
        assertEquals("0.0013125625", resource(theirs, "aws_sfn_state_machine.pipeline").get("monthlyCostExact")
                .asText());
        // The keys of the other workflow type are notes naming them, as infracost applies only those of its type.
        String out = CliRunner.run("estimate", DIR.resolve("services.json").toString(), "--usage",
                DIR.resolve("services-infracost-usage.yml").toString()).out();
        for (String note : new String[] {
            "aws_sfn_state_machine.orders: usage key memory_mb applies to Express workflows only, and this one is "
                    + "STANDARD",
            "aws_sfn_state_machine.orders: usage key workflow_duration_ms applies to Express workflows only",
            "aws_sfn_state_machine.orders: usage key monthly_requests applies to Express workflows only",
            "aws_sfn_state_machine.pipeline: usage key monthly_transitions applies to Standard workflows only, and "
                    + "this one is EXPRESS"}) {
            assertTrue(out.contains(note), note + "\n" + out);
        }
    }

    @Test
    void onePlansBeforeAndAfterDifferLineByLineAndAddUpExactly() throws IOException {
        // memory_size 512 -> 1024 on the function, desired_count 2 -> 3 on the blue service, one instance added.
        Path plan = DIR.resolve("plan-change.json");
        JsonNode d = json(CliRunner.run("diff", plan.toString(), "--usage", DIR.resolve("usage.yaml").toString(),
                "--format", "json"));
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        java.util.Set<String> marks = new java.util.TreeSet<>();
        for (JsonNode r : d.get("resources")) {
            java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
            for (JsonNode li : r.get("lineItems")) {
                sum = sum.add(new java.math.BigDecimal(li.get("changeExact").asText()));
                marks.add(li.get("change").asText());
            }
            assertEquals(0, sum.compareTo(new java.math.BigDecimal(r.get("changeExact").asText())), r.toString());
            total = total.add(new java.math.BigDecimal(r.get("changeExact").asText()));
        }
        assertEquals(0, total.compareTo(new java.math.BigDecimal(d.get("totalChangeExact").asText())), d.toString());
        assertTrue(marks.contains("~") && marks.contains("+"), marks.toString());
        CliRunner text = CliRunner.run("diff", plan.toString(), "--usage", DIR.resolve("usage.yaml").toString());
        assertTrue(text.out().contains("plan-change.json (before) to ") && text.out().contains("plan-change.json "
                + "(after)"), text.out());
        assertTrue(text.out().contains("aws_instance.extra") && text.out().contains("    + t3.small Linux"),
                text.out());
        assertTrue(text.out().contains("unchanged, not listed"), text.out());
        CliRunner notAPlan = CliRunner.run("diff", "examples/orders.yaml");
        assertEquals(2, notAPlan.exitCode());
        assertTrue(notAPlan.err().contains("is not a Terraform plan"), notAPlan.err());
    }

    @Test
    void theJsonContractIsVersionedAndCountsWhatItHolds() throws IOException {
        JsonNode e = json(CliRunner.run("estimate", DIR.resolve("plan.json").toString(), "--format", "json",
                "--today", "2026-12-02"));
        assertEquals("1", e.get("schemaVersion").asText());
        assertEquals("2026-12-02", e.get("generatedAt").asText());
        java.util.List<String> services = new java.util.ArrayList<>();
        e.get("pricing").forEach(p -> services.add(p.get("service").asText() + "@" + p.get("version").asText()));
        assertEquals(e.get("pricingVersion").asText(), String.join(",", services));
        // Without usage, the functions the plan runs on demand are usage-based (the one with provisioned
        // concurrency costs something all the same).
        java.util.List<String> usageBased = new java.util.ArrayList<>();
        e.get("usageBased").forEach(n -> usageBased.add(n.asText()));
        assertEquals(java.util.List.of("aws_lambda_function.edge", "module.eu.aws_lambda_function.worker"), usageBased);
        JsonNode summary = e.get("summary");
        assertEquals(e.get("resources").size(), summary.get("resources").asInt());
        assertEquals(e.get("notPricedCount").asInt(), summary.get("notPriced").asInt());
        assertEquals(2, summary.get("usageBased").asInt());
        assertEquals(e.get("violations").size(), summary.get("errors").asInt() + summary.get("warnings").asInt());
    }
}
