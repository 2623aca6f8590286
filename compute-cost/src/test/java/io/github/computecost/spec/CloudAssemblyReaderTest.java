package io.github.computecost.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.ResourceEstimate;
import io.github.computecost.fargate.FargateTask;
import io.github.computecost.pricing.PriceBook;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CDK cloud assembly read through {@link ConfigReader}: its stacks, their regions and parameters, its errors. */
class CloudAssemblyReaderTest {

    @TempDir
    Path dir;

    /** A stack with one always-on Fargate task of {@code Cpu} units (a parameter with the default given). */
    private static final String TEMPLATE = """
            {"Parameters": {"Cpu": {"Type": "String", "Default": "%s"}},
             "Resources": {
              "Task": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"Cpu": {"Ref": "Cpu"}, "Memory": "4096",
                "RequiresCompatibilities": ["FARGATE"], "ContainerDefinitions": [{"Name": "a", "Image": "a"}]}},
              "Region": {"Type": "AWS::SSM::Parameter", "Properties": {"Type": "String",
                "Value": {"Ref": "AWS::Region"}}}}}
            """;

    private Path app(String manifest, String... templates) throws IOException {
        Files.writeString(dir.resolve("manifest.json"), manifest);
        for (int i = 0; i < templates.length; i += 2) {
            Files.writeString(dir.resolve(templates[i]), templates[i + 1]);
        }
        return dir;
    }

    private static String stack(String id, String file, String environment) {
        return stack(id, file, environment, "", "");
    }

    /** @param properties more of the stack's properties, {@code , "parameters": {...}}; @param more its fields */
    private static String stack(String id, String file, String environment, String properties, String more) {
        return "\"" + id + "\": {\"type\": \"aws:cloudformation:stack\", \"environment\": \"" + environment
                + "\", \"properties\": {\"templateFile\": \"" + file + "\"" + properties + "}" + more + "}";
    }

    private static BigDecimal cost(Estimate e, String name) {
        return e.resources().stream().filter(r -> r.name().equals(name)).findFirst()
                .map(ResourceEstimate::monthlyCostExact).orElseThrow(() -> new AssertionError("no " + name));
    }

    @Test
    void eachStackRunsInItsEnvironmentsRegionAndUsesItsParameters() throws IOException {
        Path app = app("{\"artifacts\": {" + stack("Us", "us.json", "aws://111111111111/us-east-1") + ", "
                + stack("Eu", "eu.json", "aws://111111111111/eu-central-1", ", \"parameters\": {\"Cpu\": \"2048\"}", "")
                + "}}", "us.json", TEMPLATE.formatted("1024"), "eu.json", TEMPLATE.formatted("1024"));
        Workload w = ConfigReader.read(app, Optional.empty());
        assertEquals(List.of("Us/Task", "Eu/Task"), w.resources().stream().map(r -> r.name()).toList());
        assertEquals(Map.of("Us/Task", "us-east-1", "Eu/Task", "eu-central-1"), w.stackRegions());
        assertEquals(new java.util.TreeSet<>(List.of("eu-central-1", "us-east-1")), w.regions());
        // The manifest's parameter value (2048 CPU units) wins over the template's default.
        assertEquals(0, new BigDecimal("2").compareTo(((FargateTask) w.resources().get(1)).vcpu()),
                "Eu/Task's vCPU from the manifest's parameters");
        Estimate e = w.assess(w.estimator(PriceBook.bundled())).estimate();
        // Frankfurt's rates for Eu/Task: the same task written with its region.
        FargateTask t = (FargateTask) w.resources().get(1);
        FargateTask alone = new FargateTask("T", Optional.of("eu-central-1"), t.architecture(), t.operatingSystem(),
                t.vcpu(), t.memoryGb(), t.ephemeralStorageGb(), t.usage(), t.spot());
        Estimate frankfurt = new Workload(Optional.empty(), true, List.of(alone), List.of())
                .assess(io.github.computecost.estimate.Estimator.of(PriceBook.bundled())).estimate();
        assertEquals(0, frankfurt.totalExact().compareTo(cost(e, "Eu/Task")));
        // The caller's value wins over the manifest's, in every stack that declares the parameter.
        Workload given = ConfigReader.read(app, Optional.empty(), Map.of("Cpu", "512"));
        given.resources().forEach(r -> assertEquals(0, new BigDecimal("0.5").compareTo(((FargateTask) r).vcpu())));
        // AWS::Region resolves to the stack's region (the SSM parameter is listed as not priced, by stack).
        assertTrue(w.unsupported().stream().anyMatch(u -> u.name().equals("Eu/Region")), w.unsupported().toString());
    }

    @Test
    void anInvalidManifestIsRefusedNamingTheField() throws IOException {
        WorkloadException env = assertThrows(WorkloadException.class, () -> ConfigReader.read(app(
                "{\"artifacts\": {" + stack("A", "a.json", "eu-west-1") + "}}", "a.json", TEMPLATE.formatted("1024")),
                Optional.empty()));
        assertTrue(env.getMessage().contains("$.artifacts.A.environment")
                && env.getMessage().contains("must be aws://ACCOUNT/REGION, was \"eu-west-1\""), env.getMessage());
        WorkloadException region = assertThrows(WorkloadException.class, () -> ConfigReader.read(app(
                "{\"artifacts\": {" + stack("A", "a.json", "aws://1/Europe") + "}}"), Optional.empty()));
        assertTrue(region.getMessage().contains("must name an AWS region (eu-west-1) or unknown-region"),
                region.getMessage());
        WorkloadException outside = assertThrows(WorkloadException.class, () -> ConfigReader.read(app(
                "{\"artifacts\": {" + stack("A", "../a.json", "aws://1/eu-west-1") + "}}"), Optional.empty()));
        assertTrue(outside.getMessage().contains("$.artifacts.A.properties.templateFile")
                && outside.getMessage().contains("must be a path inside the assembly's directory"),
                outside.getMessage());
        WorkloadException missing = assertThrows(WorkloadException.class, () -> ConfigReader.read(app(
                "{\"artifacts\": {" + stack("A", "gone.json", "aws://1/eu-west-1") + "}}"), Optional.empty()));
        assertTrue(missing.getMessage().contains("is not a file"), missing.getMessage());
        WorkloadException none = assertThrows(WorkloadException.class, () -> ConfigReader.read(app(
                "{\"artifacts\": {\"Tree\": {\"type\": \"cdk:tree\"}}}"), Optional.empty()));
        assertTrue(none.getMessage().contains("the cloud assembly has no stack"), none.getMessage());
        WorkloadException twice = assertThrows(WorkloadException.class, () -> ConfigReader.read(app(
                "{\"artifacts\": {" + stack("A", "a.json", "aws://1/eu-west-1", "", ", \"displayName\": \"S\"") + ", "
                        + stack("B", "a.json", "aws://1/eu-west-1", "", ", \"displayName\": \"S\"") + "}}", "a.json",
                        TEMPLATE.formatted("1024")),
                Optional.empty()));
        assertTrue(twice.getMessage().contains("two stacks are named S"), twice.getMessage());
    }
}
