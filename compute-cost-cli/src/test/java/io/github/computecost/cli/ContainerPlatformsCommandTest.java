package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ECS on EC2 and AWS Batch through the command line: workload files and a job definition in a template. */
class ContainerPlatformsCommandTest {

    @TempDir
    Path dir;

    Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void ecsOnEc2AndBatchJobsInAWorkloadFile() throws IOException {
        Path w = file("w.yaml", """
                region: us-east-1
                resources:
                  - name: web
                    type: ecs-ec2
                    instanceType: m6i.large
                    taskCpuUnits: 512
                    taskMemoryMib: 1024
                    tasks: 10
                  - name: render
                    type: batch
                    platform: ec2-spot
                    spotDiscountPercent: 65
                    instanceType: c6i.2xlarge
                    vcpu: 2
                    memoryMib: 3072
                    submissionsPerMonth: 60
                    arraySize: 10
                    durationSeconds: 1800
                """);
        CliRunner r = CliRunner.run("estimate", w.toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode out = TestJson.json().readTree(r.out());
        assertEquals("210.24", out.get("resources").get(0).get("monthlyCostExact").asText());
        assertEquals("10.71", out.get("resources").get(1).get("monthlyCostExact").asText());
        assertEquals("220.95", out.get("totalMonthlyCostExact").asText());
    }

    @Test
    void aBadBatchJobIsOneLineNamingTheField() throws IOException {
        Path w = file("w.yaml", """
                resources:
                  - name: render
                    type: batch
                    platform: ec2
                    vcpu: 2
                    memoryMib: 3072
                    submissionsPerMonth: 60
                    durationSeconds: 1800
                    instanceTyp: c6i.2xlarge
                """);
        CliRunner r = CliRunner.run("estimate", w.toString());
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("instanceTyp"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void aFargateJobDefinitionInATemplateIsPricedFromItsUsage() throws IOException {
        Path t = file("template.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  Nightly:
                    Type: AWS::Batch::JobDefinition
                    Properties:
                      Type: container
                      PlatformCapabilities: [FARGATE]
                      Timeout: { AttemptDurationSeconds: 600 }
                      ContainerProperties:
                        Image: public.ecr.aws/amazonlinux/amazonlinux:latest
                        ResourceRequirements:
                          - { Type: VCPU, Value: "1" }
                          - { Type: MEMORY, Value: "2048" }
                """);
        Path u = file("usage.yaml", """
                region: us-east-1
                resources:
                  - name: Nightly
                    submissionsPerMonth: 30
                    arraySize: 100
                    durationSeconds: 40
                """);
        CliRunner r = CliRunner.run("estimate", t.toString(), "--usage", u.toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode out = TestJson.json().readTree(r.out());
        assertEquals("batch", out.get("resources").get(0).get("type").asText());
        assertEquals("2.4685", out.get("totalMonthlyCostExact").asText());
        // Its timeout is read from the template: a usage that runs longer is refused.
        Path longer = file("longer.yaml", "region: us-east-1\nresources:\n  - name: Nightly\n    submissionsPerMonth: 1\n"
                + "    durationSeconds: 900\n");
        CliRunner bad = CliRunner.run("estimate", t.toString(), "--usage", longer.toString());
        assertEquals(2, bad.exitCode(), bad.out() + bad.err());
        assertTrue((bad.out() + bad.err()).contains("timeout"), bad.out() + bad.err());
    }

    @Test
    void aComputeEnvironmentAndAQueueCostNothingUnlessTheEnvironmentKeepsInstancesRunning() throws IOException {
        Path t = file("batch.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  Spare:
                    Type: AWS::Batch::ComputeEnvironment
                    Properties: { Type: MANAGED, ComputeResources: { Type: FARGATE, MaxvCpus: 16, Subnets: [s] } }
                  Scaling:
                    Type: AWS::Batch::ComputeEnvironment
                    Properties: { Type: MANAGED, ComputeResources: { Type: EC2, MinvCpus: 0, MaxvCpus: 64,
                      InstanceTypes: [optimal], Subnets: [s] } }
                  Warm:
                    Type: AWS::Batch::ComputeEnvironment
                    Properties: { Type: MANAGED, ComputeResources: { Type: SPOT, MinvCpus: 8, MaxvCpus: 64,
                      InstanceTypes: [c5.large], Subnets: [s] } }
                  Queue:
                    Type: AWS::Batch::JobQueue
                    Properties: { Priority: 1, ComputeEnvironmentOrder: [ { Order: 1, ComputeEnvironment: !Ref Spare } ] }
                """);
        CliRunner r = CliRunner.run("estimate", t.toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode out = TestJson.json().readTree(r.out());
        assertEquals(0, out.get("resources").size(), r.out());
        // The queue and the environments that scale to nothing are not listed as not priced: they cost nothing.
        assertEquals(1, out.get("notPriced").size(), r.out());
        assertEquals("Warm", out.get("notPriced").get(0).get("resource").asText());
        String messages = out.get("violations").toString();
        assertTrue(messages.contains("Warm: the compute environment keeps at least 8 vCPUs of SPOT instances running "
                + "all month, even with no job; that cost is not priced"), messages);
        assertTrue(messages.contains("Spare: the compute environment costs nothing of its own: the Fargate capacity"),
                messages);
        // It takes no usage of its own: a usage entry for it is refused, pointing at the job definitions.
        Path u = file("ce-usage.yaml", "resources:\n  - { name: Scaling, submissionsPerMonth: 10 }\n");
        CliRunner bad = CliRunner.run("estimate", t.toString(), "--usage", u.toString());
        assertEquals(2, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("ce-usage.yaml") && bad.err().contains("a compute environment takes no usage"),
                bad.err());
        // A plan's compute environment and queue read the same way.
        Path plan = file("batch-plan.json", "{\"format_version\": \"1.2\", \"planned_values\": {\"root_module\": "
                + "{\"resources\": [{\"address\": \"aws_batch_compute_environment.warm\", \"mode\": \"managed\", "
                + "\"type\": \"aws_batch_compute_environment\", \"name\": \"warm\", \"values\": {\"type\": "
                + "\"MANAGED\", \"compute_resources\": [{\"type\": \"EC2\", \"min_vcpus\": 4, \"max_vcpus\": 16}]}}, "
                + "{\"address\": \"aws_batch_job_queue.q\", \"mode\": \"managed\", \"type\": \"aws_batch_job_queue\", "
                + "\"name\": \"q\", \"values\": {\"priority\": 1}}]}}, \"resource_changes\": [], "
                + "\"configuration\": {\"root_module\": {}}}");
        JsonNode p = TestJson.json().readTree(CliRunner.run("estimate", plan.toString(), "--format", "json").out());
        assertEquals(1, p.get("notPriced").size(), p.toString());
        assertEquals("aws_batch_compute_environment.warm", p.get("notPriced").get(0).get("resource").asText());
        assertEquals("aws_batch_compute_environment", p.get("notPriced").get(0).get("resourceType").asText());
        assertTrue(p.get("violations").toString().contains("keeps at least 4 vCPUs of EC2 instances"), p.toString());
    }

    @Test
    void aJobDefinitionsRuntimePlatformPricesArmJobsAsArm() throws IOException {
        Path t = file("arm.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  Nightly:
                    Type: AWS::Batch::JobDefinition
                    Properties:
                      Type: container
                      PlatformCapabilities: [FARGATE]
                      ContainerProperties:
                        Image: public.ecr.aws/amazonlinux/amazonlinux:latest
                        RuntimePlatform: { CpuArchitecture: ARM64, OperatingSystemFamily: LINUX }
                        ResourceRequirements:
                          - { Type: VCPU, Value: "1" }
                          - { Type: MEMORY, Value: "2048" }
                """);
        Path u = file("arm-usage.yaml", """
                region: us-east-1
                resources:
                  - name: Nightly
                    submissionsPerMonth: 30
                    arraySize: 100
                    durationSeconds: 40
                """);
        Path w = file("arm-workload.yaml", """
                region: us-east-1
                resources:
                  - name: Nightly
                    type: batch
                    platform: fargate
                    architecture: arm64
                    vcpu: 1
                    memoryMib: 2048
                    submissionsPerMonth: 30
                    arraySize: 100
                    durationSeconds: 40
                """);
        CliRunner r = CliRunner.run("estimate", t.toString(), "--usage", u.toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        CliRunner same = CliRunner.run("estimate", w.toString(), "--format", "json");
        assertEquals(0, same.exitCode(), same.err());
        String arm = TestJson.json().readTree(r.out()).get("totalMonthlyCostExact").asText();
        assertEquals(TestJson.json().readTree(same.out()).get("totalMonthlyCostExact").asText(), arm);
        assertTrue(new java.math.BigDecimal(arm).compareTo(new java.math.BigDecimal("2.4685")) < 0,
                "Arm is cheaper than the x86 price of the same jobs (2.4685): " + arm);
    }

    @Test
    void compareRanksEcsAndEksBesideTheOthersAndPricesTheApiInFrontOfLambda() throws IOException {
        Path w = file("plan.yaml", """
                region: us-east-1
                resources:
                  - name: api
                    type: workload
                    requestsPerMonth: 2000000
                    durationMs: 100
                    memoryMb: 512
                    frontDoor: api-gateway-http
                """);
        CliRunner r = CliRunner.run("compare", w.toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        String out = r.out();
        assertTrue(out.contains("ECS on EC2") && out.contains("EKS on Fargate"), out);
        assertTrue(out.contains("API Gateway HTTP API"), out);
        Path bad = file("bad.yaml", "resources:\n  - name: api\n    type: workload\n    requestsPerMonth: 1\n"
                + "    durationMs: 1\n    memoryMb: 128\n    frontDoor: alb\n");
        CliRunner e = CliRunner.run("compare", bad.toString());
        assertEquals(2, e.exitCode(), e.out() + e.err());
        assertTrue(e.err().contains("frontDoor") && e.err().contains("api-gateway-http"), e.err());
    }

    @Test
    void aTaskDefinitionForEc2IsPackedOntoTheUsageFilesInstancesAndOneForFargateStaysFargates() throws IOException {
        Path t = file("template.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  WebTask:
                    Type: AWS::ECS::TaskDefinition
                    Properties:
                      RequiresCompatibilities: [EC2]
                      Cpu: "512"
                      Memory: "1024"
                      ContainerDefinitions: [ { Name: web, Image: nginx } ]
                  FargateTask:
                    Type: AWS::ECS::TaskDefinition
                    Properties:
                      RequiresCompatibilities: [FARGATE]
                      Cpu: "256"
                      Memory: "512"
                      ContainerDefinitions: [ { Name: app, Image: nginx } ]
                """);
        Path u = file("usage.yaml", "region: us-east-1\nresources:\n  - name: WebTask\n    instanceType: m6i.large\n"
                + "    tasks: 10\n");
        CliRunner r = CliRunner.run("estimate", t.toString(), "--usage", u.toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode out = TestJson.json().readTree(r.out());
        assertEquals("ecs-ec2", out.get("resources").get(0).get("type").asText());
        assertEquals("210.24", out.get("resources").get(0).get("monthlyCostExact").asText());
        assertEquals("fargate", out.get("resources").get(1).get("type").asText());
        // Without the instance type, the EC2 task definition is refused by name, never priced as Fargate.
        CliRunner bad = CliRunner.run("estimate", t.toString());
        assertEquals(2, bad.exitCode(), bad.out() + bad.err());
        assertTrue(bad.err().contains("WebTask") && bad.err().contains("instanceType"), bad.err());
        // A register-task-definition document for EC2: the containers' reservations add up (256 units, 1,000 MiB).
        Path doc = file("td.json", "{\"family\":\"web\",\"requiresCompatibilities\":[\"EC2\"],\"containerDefinitions\":"
                + "[{\"name\":\"web\",\"image\":\"nginx\",\"cpu\":256,\"memoryReservation\":700},"
                + "{\"name\":\"side\",\"image\":\"x\",\"memory\":300}]}");
        Path du = file("du.yaml", "region: us-east-1\nresources:\n  - name: web\n    instanceType: t3.medium\n    tasks: 4\n");
        CliRunner d = CliRunner.run("estimate", doc.toString(), "--usage", du.toString(), "--format", "json");
        assertEquals(0, d.exitCode(), d.err());
        assertEquals("60.736", TestJson.json().readTree(d.out()).get("totalMonthlyCostExact").asText());
    }
}
