package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A SAM template of several services, estimated through the command line with usage from {@code --usage}: every
 * resource is priced or listed as not priced; nothing is silent.
 */
class PlatformTemplateTest {

    @Test
    void everyResourceIsPricedOrListed() throws Exception {
        CliRunner r = CliRunner.run("estimate", "compute-cost/src/test/resources/config/platform.yaml", "--usage",
                "compute-cost/src/test/resources/config/platform-usage.yaml", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode out = TestJson.json().readTree(r.out());
        List<String> priced = new ArrayList<>();
        out.get("resources").forEach(n -> priced.add(n.get("name").asText() + ":" + n.get("type").asText() + ":"
                + n.get("monthlyCostExact").asText()));
        assertEquals(List.of("OrdersFunction:lambda:0.80", "ValidateFunction:lambda:0.04", "ChargeFunction:lambda:0.04",
                "OrderFlow:step-functions:19.90", "Cluster:eks:73.00", "WebPods:eks-fargate:117.85485",
                "Nodes:ec2:60.736", "ServerlessHttpApi:api-gateway:5.00"), priced);
        List<String> listed = new ArrayList<>();
        out.get("notPriced").forEach(n -> listed.add(n.get("resource").asText() + ":" + n.get("resourceType").asText()));
        assertEquals(List.of("OrdersTable:AWS::DynamoDB::Table", "ClusterRole:AWS::IAM::Role"), listed);
        assertEquals(2, out.get("notPricedCount").asInt());
        // Every resource of the template is in one list or the other (SAM's implied HTTP API besides).
        assertEquals(9, priced.size() - 1 + listed.size());
        assertEquals("277.37085", out.get("totalMonthlyCostExact").asText());
        // The text output says the same, in words.
        CliRunner text = CliRunner.run("estimate", "compute-cost/src/test/resources/config/platform.yaml", "--usage",
                "compute-cost/src/test/resources/config/platform-usage.yaml");
        assertTrue(text.out().contains("not priced: OrdersTable (AWS::DynamoDB::Table)"), text.out());
        assertTrue(text.out().contains("WebPods (eks-fargate, us-east-1): 117.85 USD"), text.out());
    }
}
