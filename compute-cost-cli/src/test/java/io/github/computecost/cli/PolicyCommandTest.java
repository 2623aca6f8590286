package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --policy}: a policy file on {@code estimate} and {@code diff}, one line per failure, exit 1. */
class PolicyCommandTest {

    @TempDir
    Path dir;

    Path policy(String yaml) throws IOException {
        Path p = dir.resolve("policy.yaml");
        Files.writeString(p, yaml);
        return p;
    }

    @Test
    void estimateFailsNamingEachResourceThatBreaksARule() throws IOException {
        Path p = policy("maxMonthlyCostPerResource: \"10\"\n");
        CliRunner r = CliRunner.run("estimate", "examples/orders.yaml", "--policy", p.toString());
        assertEquals(1, r.exitCode(), r.err());
        List<String> lines = r.err().lines().filter(l -> l.contains("policy")).toList();
        assertEquals(List.of(
                "compute-cost: policy " + p + ": maxMonthlyCostPerResource: image-resizer (lambda) costs 10.53 USD "
                        + "(exact 10.53489056) a month, above maxMonthlyCostPerResource 10.00 USD",
                "compute-cost: policy " + p + ": maxMonthlyCostPerResource: checkout (lambda) costs 65.78 USD "
                        + "(exact 65.78472) a month, above maxMonthlyCostPerResource 10.00 USD"), lines);
        assertTrue(r.out().contains("79.12"), r.out()); // the estimate is still printed
        assertEquals(0, CliRunner.run("estimate", "examples/orders.yaml", "--policy",
                policy("maxMonthlyCostPerResource: \"66\"\nmaxMonthlyCost: \"80\"\n").toString()).exitCode());
    }

    @Test
    void diffHoldsTheChangeToTheNewResourceAndIncreaseRules() throws IOException {
        Path p = policy("maxNewResourceMonthlyCost: \"50\"\nmaxIncrease: \"100\"\n");
        CliRunner r = CliRunner.run("diff", "examples/edge.yaml", "examples/orders.yaml", "--policy", p.toString());
        assertEquals(1, r.exitCode(), r.err());
        List<String> lines = r.err().lines().filter(l -> l.contains("policy")).toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).contains("maxNewResourceMonthlyCost: checkout (lambda) is new and costs 65.78 USD"),
                lines.get(0));
        assertEquals(0, CliRunner.run("diff", "examples/orders.yaml", "examples/orders.yaml", "--policy",
                p.toString()).exitCode());
    }

    @Test
    void aBadPolicyIsBadInputInOneLine() throws IOException {
        for (String bad : new String[] {"maxMonthlyCots: 5\n", "maxMonthlyCostByType: { lamda: 5 }\n", "- 1\n"}) {
            CliRunner r = CliRunner.run("estimate", "examples/orders.yaml", "--policy", policy(bad).toString());
            assertEquals(2, r.exitCode(), bad + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("policy.yaml"), r.err());
        }
        CliRunner missing = CliRunner.run("diff", "examples/orders.yaml", "examples/orders.yaml", "--policy",
                dir.resolve("none.yaml").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("none.yaml: file not found"), missing.err());
    }
}
