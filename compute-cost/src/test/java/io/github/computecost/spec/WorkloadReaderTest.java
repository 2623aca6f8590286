package io.github.computecost.spec;

import static io.github.computecost.Decimals.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.compute.Architecture;
import io.github.computecost.lambda.LambdaFunction;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkloadReaderTest {

    static final String ISSUE_EXAMPLE = String.join("\n",
            "region: us-east-1",
            "freeTier: true",
            "resources:",
            "  - name: orders-api",
            "    type: lambda",
            "    region: eu-west-1",
            "    architecture: arm64",
            "    memoryMb: 512",
            "    ephemeralStorageMb: 512",
            "    requestsPerMonth: 3000000",
            "    durationMs: 120.25",
            "    provisionedConcurrency: { concurrency: 10, hoursPerMonth: 730 }",
            "");

    static WorkloadException error(String yaml) {
        return assertThrows(WorkloadException.class, () -> WorkloadReader.parse("w.yaml", yaml, false));
    }

    static String lambda(String extra) {
        return "resources:\n  - name: f\n    type: lambda\n    memoryMb: 128\n    requestsPerMonth: 1\n    durationMs: 1\n"
                + extra;
    }

    @Test
    void readsTheDocumentedFormat() {
        Workload w = WorkloadReader.parse("w.yaml", ISSUE_EXAMPLE, false);
        assertEquals(Optional.of("us-east-1"), w.region());
        assertTrue(w.freeTier());
        LambdaFunction f = (LambdaFunction) w.resources().get(0);
        assertEquals("orders-api", f.name());
        assertEquals(Optional.of("eu-west-1"), f.region());
        assertEquals(Architecture.ARM64, f.architecture());
        assertEquals(512, f.memoryMb());
        assertEquals(3_000_000L, f.requestsPerMonth());
        assertDecimal("120.25", f.averageDurationMs());
        assertEquals(10, f.provisionedConcurrency().orElseThrow().concurrency());
        assertDecimal("730", f.provisionedConcurrency().orElseThrow().hoursPerMonth());
    }

    @Test
    void readsEdgeFunctions() {
        Workload w = WorkloadReader.parse("w.yaml", String.join("\n",
                "resources:",
                "  - name: auth-at-edge",
                "    type: lambda-edge",
                "    eventType: origin-response",
                "    memoryMb: 256",
                "    requestsPerMonth: 10000000",
                "    durationMs: 5.5",
                "    runtime: nodejs22.x",
                "    needsNetwork: true",
                "    needsBody: false",
                "    codeSizeKb: 12.5",
                "  - name: url-rewrite",
                "    type: cloudfront-function",
                "    eventType: viewer-request",
                "    invocationsPerMonth: 10000000",
                "    keyValueStoreReadsPerInvocation: 2",
                "    lambdaEdgeDurationMs: 3",
                ""), false);
        var le = (io.github.computecost.edge.LambdaEdgeFunction) w.resources().get(0);
        assertEquals(io.github.computecost.edge.EdgeEventType.ORIGIN_RESPONSE, le.eventType());
        assertEquals(256, le.memoryMb());
        assertDecimal("5.5", le.averageDurationMs());
        assertEquals(Optional.of(true), le.needs().needsNetwork());
        assertEquals(Optional.of(false), le.needs().needsBody());
        assertEquals(Optional.empty(), le.needs().needsFileSystem());
        assertDecimal("12.5", le.needs().codeSizeKb().orElseThrow());
        var cf = (io.github.computecost.edge.CloudFrontFunction) w.resources().get(1);
        assertEquals(10_000_000L, cf.invocationsPerMonth());
        assertEquals(2L, cf.keyValueStoreReadsPerInvocation());
        assertEquals(128, cf.lambdaEdgeMemoryMb());
        assertDecimal("3", cf.lambdaEdgeDurationMs());
        assertTrue(error("resources:\n  - name: e\n    type: lambda-edge\n    eventType: viewer-request\n"
                + "    memoryMb: 128\n    requestsPerMonth: 1\n    durationMs: 1\n    needsNetwork: maybe\n")
                .getMessage().contains("$.resources[0].needsNetwork: must be true or false, was \"maybe\""));
    }

    @Test
    void jsonIsTheSameSchema() {
        String json = "{\"freeTier\": false, \"resources\": [{\"name\": \"f\", \"type\": \"lambda\", \"memoryMb\": 128,"
                + " \"requestsPerMonth\": 5, \"durationMs\": \"0.1000000000000000055511151231257827\"}]}";
        Workload w = WorkloadReader.parse("w.json", json, true);
        assertFalse(w.freeTier());
        assertEquals(Optional.empty(), w.region());
        // A decimal string keeps every digit: nothing goes through double.
        assertDecimal("0.1000000000000000055511151231257827", ((LambdaFunction) w.resources().get(0)).averageDurationMs());
    }

    @Test
    void yamlDecimalsAreExact() {
        LambdaFunction f = (LambdaFunction) WorkloadReader.parse("w.yaml",
                lambda("").replace("durationMs: 1", "durationMs: 0.1000000000000000000001"), false).resources().get(0);
        assertDecimal("0.1000000000000000000001", f.averageDurationMs());
    }

    @Test
    void negativeMemoryNamesResourceAndField() {
        WorkloadException e = error(lambda("").replace("memoryMb: 128", "memoryMb: -5"));
        assertEquals("w.yaml: resource \"f\", $.resources[0].memoryMb: must be a positive whole number, was -5",
                e.getMessage());
        assertEquals(Optional.of("f"), e.resource());
    }

    @Test
    void textWhereANumberBelongs() {
        WorkloadException e = error(lambda("").replace("requestsPerMonth: 1", "requestsPerMonth: \"lots\""));
        assertTrue(e.getMessage().contains("$.resources[0].requestsPerMonth: must be a whole number, was \"lots\""),
                e.getMessage());
        e = error(lambda("").replace("requestsPerMonth: 1", "requestsPerMonth: 1.5"));
        assertTrue(e.getMessage().contains("must be a whole number, was 1.5"), e.getMessage());
    }

    @Test
    void nonFiniteNumbersAreRejected() {
        // YAML's .inf and .nan cannot become exact decimals: refused where a number is needed, naming the field.
        WorkloadException e = error(lambda("").replace("durationMs: 1", "durationMs: .inf"));
        assertTrue(e.getMessage().contains("$.resources[0].durationMs: must be a number, was \".inf\""),
                e.getMessage());
        e = error(lambda("").replace("durationMs: 1", "durationMs: .nan"));
        assertTrue(e.getMessage().contains("$.resources[0].durationMs: must be a number, was \".nan\""),
                e.getMessage());
        // JSON has no such literals unless a parser is lenient; ours is not.
        e = assertThrows(WorkloadException.class, () -> WorkloadReader.parse("w.json",
                "{\"resources\": [{\"name\": \"f\", \"type\": \"lambda\", \"memoryMb\": 128,"
                        + " \"requestsPerMonth\": 1, \"durationMs\": NaN}]}", true));
        assertTrue(e.getMessage().contains("is not valid JSON"), e.getMessage());
    }

    @Test
    void unknownKeysAreNamed() {
        WorkloadException e = error(lambda("    memorySize: 1024\n"));
        assertTrue(e.getMessage().contains("unknown key memorySize"), e.getMessage());
        e = error("regoin: us-east-1\n" + lambda(""));
        assertTrue(e.getMessage().contains("unknown key regoin"), e.getMessage());
        e = error(lambda("    provisionedConcurrency: { concurrency: 1, hours: 5 }\n"));
        assertTrue(e.getMessage().contains("$.resources[0].provisionedConcurrency: unknown key hours"), e.getMessage());
    }

    @Test
    void otherMistakes() {
        // Every registered service's type, and the two planning types, sorted: the registry is the one list.
        java.util.SortedSet<String> types = new java.util.TreeSet<>(io.github.computecost.estimate.Services.types());
        types.addAll(java.util.List.of("memory-tuning", "workload"));
        assertTrue(types.containsAll(java.util.List.of("cloudfront-function", "ec2", "fargate", "lambda", "lambda-edge",
                "lightsail")));
        String message = error(lambda("").replace("type: lambda", "type: lamda")).getMessage();
        assertTrue(message.contains("unknown resource type \"lamda\" (supported: " + String.join(", ", types) + ")"),
                message);
        assertTrue(error(lambda("    architecture: arm\n")).getMessage()
                .contains("architecture must be x86_64 or arm64"));
        assertTrue(error(lambda("").replace("    memoryMb: 128\n", "")).getMessage()
                .contains("$.resources[0].memoryMb: is required"));
        assertTrue(error(lambda("") + "  - name: f\n    type: lambda\n    memoryMb: 128\n    requestsPerMonth: 1\n"
                + "    durationMs: 1\n").getMessage().contains("already used"));
        assertTrue(error("resources: 5\n").getMessage().contains("$.resources: must be a list"));
        assertTrue(error("").getMessage().contains("w.yaml: ") && !error("").getMessage().contains("$:"));
        assertTrue(error("resources:\n  - name: [unclosed\n").getMessage().contains("is not valid YAML"));
        assertTrue(error(lambda("    provisionedConcurrency: { concurrency: 1, hoursPerMonth: 800 }\n"))
                .getMessage().contains("$.resources[0].provisionedConcurrency.hoursPerMonth"));
        assertTrue(error(lambda("    memoryMb: 256\n")).getMessage().contains("duplicate key 'memoryMb'"));
    }

    @Test
    void missingFile() {
        WorkloadException e = assertThrows(WorkloadException.class, () -> WorkloadReader.read(Path.of("no/such.yaml")));
        assertEquals("no/such.yaml: file not found", e.getMessage());
    }

    @Test
    void aStandardWorkflowsTransitionsMayBeTheMonthsTotal() {
        String head = "resources:\n  - { name: s, type: step-functions, workflowType: ";
        io.github.computecost.stepfunctions.StateMachine m = (io.github.computecost.stepfunctions.StateMachine)
                WorkloadReader.parse("w.yaml", head + "standard, transitionsPerMonth: 500000 }\n", false).resources()
                        .get(0);
        assertDecimal("500000", m.monthlyTransitions());
        assertEquals(0, m.executionsPerMonth(), "no executions needed to price the total");
        assertTrue(error(head + "standard, executionsPerMonth: 10, transitionsPerExecution: 5, transitionsPerMonth: 50 "
                + "}\n").getMessage().contains("give one"));
        assertTrue(error(head + "express, executionsPerMonth: 10, averageDurationMs: 5, transitionsPerMonth: 50 }\n")
                .getMessage().contains("transitionsPerMonth: applies to STANDARD workflows only"));
        assertTrue(error(head + "standard, executionsPerMonth: 10 }\n").getMessage().contains("or transitionsPerMonth"));
    }

    @Test
    void aWorkloadsNeedsIncludeAutoscalingAndNoColdStarts() {
        String head = "resources:\n  - { name: q, type: workload, requestsPerMonth: 1, durationMs: 1, memoryMb: 128";
        io.github.computecost.compare.NeutralWorkload w = WorkloadReader.parse("w.yaml", head
                + ", needs: { autoscaling: true, noColdStarts: true } }\n", false).plans().get(0);
        assertTrue(w.needsAutoscaling() && w.needsNoColdStarts());
        io.github.computecost.compare.NeutralWorkload d = WorkloadReader.parse("w.yaml", head + " }\n", false).plans()
                .get(0);
        assertTrue(!d.needsAutoscaling() && !d.needsNoColdStarts() && !d.ipv6OnlyAllowed(),
                "a public web API's defaults");
        assertTrue(error(head + ", needs: { coldStarts: false } }\n").getMessage().contains("unknown key coldStarts"));
    }
}
