package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AWS's worked examples of Lambda's newest billing models, through {@code estimate --format json}. */
class NewestLambdaBillingCommandTest {

    @TempDir
    Path dir;

    JsonNode estimate(String yaml, String... more) throws IOException {
        Path f = dir.resolve("w.yaml");
        Files.writeString(f, yaml);
        String[] args = new String[3 + more.length];
        args[0] = "estimate";
        args[1] = f.toString();
        args[2] = "--format=json";
        System.arraycopy(more, 0, args, 3, more.length);
        CliRunner r = CliRunner.run(args);
        assertEquals(0, r.exitCode(), r.err());
        return TestJson.json().readTree(r.out());
    }

    @Test
    void durableFunctionsExample() throws IOException {
        JsonNode out = estimate("""
                region: us-east-1
                resources:
                  - name: claims
                    type: lambda
                    architecture: arm64
                    memoryMb: 1024
                    requestsPerMonth: 2000000
                    durationMs: 16000
                    durable:
                      executionsPerMonth: 1000000
                      operationsPerExecution: 4
                      dataWrittenKbPerExecution: 104
                      runningDays: 7
                      retentionDays: 14
                """);
        assertEquals("490.45544", out.get("totalMonthlyCostExact").asText());
        assertEquals("490.46", out.get("totalMonthlyCost").asText(), "AWS's $490.46");
    }

    @Test
    void managedInstancesExample() throws IOException {
        JsonNode out = estimate("""
                region: us-east-1
                resources:
                  - name: api
                    type: lambda
                    architecture: arm64
                    memoryMb: 2048
                    requestsPerMonth: 100000000
                    durationMs: 200
                    managedInstances: { instanceType: m7g.xlarge, instanceHoursPerMonth: 2000, ec2DiscountPercent: 72 }
                """);
        JsonNode items = out.get("resources").get(0).get("lineItems");
        assertEquals("20", items.get(0).get("cost").asText());
        assertEquals("91.392", items.get(1).get("cost").asText(), "AWS: 2,000 × $0.0457 (rounded) = $91.40");
        assertEquals("48.96", items.get(2).get("cost").asText());
        assertEquals("160.352", out.get("totalMonthlyCostExact").asText());
        assertTrue(out.get("pricingVersion").asText().contains("AmazonEC2@"), out.toString());
    }

    @Test
    void aTemplateFunctionOnManagedInstancesIsNeverPricedAsOnDemand() throws IOException {
        Path t = dir.resolve("template.yaml");
        Files.writeString(t, """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  Api:
                    Type: AWS::Lambda::Function
                    Properties:
                      MemorySize: 2048
                      Architectures: [arm64]
                      CapacityProviderConfig:
                        LambdaManagedInstancesCapacityProviderConfig:
                          CapacityProviderArn: arn:aws:lambda:us-east-1:123456789012:capacity-provider:cp
                """);
        CliRunner bad = CliRunner.run("estimate", t.toString());
        assertEquals(2, bad.exitCode(), bad.out() + bad.err());
        assertTrue(bad.err().contains("CapacityProviderConfig") && bad.err().contains("managedInstances"), bad.err());
        Path u = dir.resolve("usage.yaml");
        Files.writeString(u, """
                region: us-east-1
                resources:
                  - name: Api
                    requestsPerMonth: 100000000
                    managedInstances: { instanceType: m7g.xlarge, instanceHoursPerMonth: 2000 }
                """);
        CliRunner r = CliRunner.run("estimate", t.toString(), "--usage", u.toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        // 20 requests + 326.40 on-demand instances + 48.96 fee.
        assertEquals("395.36", TestJson.json().readTree(r.out()).get("totalMonthlyCostExact").asText());
    }
}
