package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The template corpus (real-world shapes written for the tests: Fargate sized from Mappings, a SAM function with
 * an alias and provisioned concurrency, a CDK app of stacks in two regions, Auto Scaling groups, a nested stack,
 * Lambda@Edge with its distribution in the same stack and in another) estimated whole, against golden text
 * outputs that show what is priced, what is usage-based and what is not priced. After an intended change,
 * regenerate with {@code ./mvnw -pl compute-cost-cli -am test -Dtest=TemplateCorpusGoldenTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true} and review the diff.
 */
class TemplateCorpusGoldenTest {

    static final Path DIR = TemplatesAsCloudFormationTest.DIR;
    static final Path GOLDEN = DIR.resolve("golden");

    /** Each case: its golden file's name, then the estimate's arguments after the input. */
    private static final List<String[]> CASES = List.of(
            new String[] {"fargate-service-mappings", "fargate-service-mappings.yaml"},
            new String[] {"fargate-spot-split", "fargate-spot-split.yaml"},
            new String[] {"sam-api-alias-provisioned-concurrency", "sam-api-alias.yaml", "--usage",
                    "sam-api-alias-usage.yaml"},
            new String[] {"alias-version-snapstart", "alias-snapstart.yaml", "--usage",
                    "alias-snapstart-usage.yaml"},
            new String[] {"cdk-app-two-regions", "cdk.out", "--usage", "cdk.out-usage.yaml"},
            new String[] {"autoscaling", "autoscaling.yaml"},
            new String[] {"autoscaling-mixed", "autoscaling-mixed.yaml"},
            new String[] {"nested-stack", "nested/parent.yaml", "--usage", "nested/usage.yaml"},
            new String[] {"lambda-edge-same-stack", "edge/site.yaml", "--usage", "edge/site-usage.yaml"},
            new String[] {"lambda-edge-functions-stack", "edge/functions.yaml", "--usage",
                    "edge/functions-usage.yaml"},
            new String[] {"lambda-edge-distribution-stack", "edge/distribution.yaml"},
            new String[] {"conditions", "conditions.yaml"},
            new String[] {"ec2-instances", "ec2-instances.yaml"});

    @TestFactory
    Stream<DynamicTest> eachTemplateOfTheCorpusMatchesItsGoldenOutput() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c[0], () -> check(c)));
    }

    private static void check(String[] c) throws IOException {
        List<String> args = new ArrayList<>(List.of("estimate", DIR.resolve(c[1]).toString()));
        for (int i = 2; i < c.length; i++) {
            args.add(c[i].startsWith("--") ? c[i] : DIR.resolve(c[i]).toString());
        }
        // A fixed day, so that the age of the prices (and the warning when they are old) is the same every run.
        args.addAll(List.of("--today", EstimateGoldenTest.TODAY));
        CliRunner r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Total: "), r.out());
        Path golden = GOLDEN.resolve(c[0] + ".txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, r.out());
        }
        assertEquals(Files.readString(golden), r.out(), "output of " + c[1] + " differs from " + golden);
    }
}
