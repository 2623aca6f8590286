package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.computecost.pricelist.BundleBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** build-prices through the command line: it checks the bundle against a rebuild and writes what changed. */
class BuildPricesCommandTest {

    static final Path SOURCES = Path.of("../shared/sources");
    static final Path RECIPE = Path.of("pricing-src");

    @Test
    void theCommandChecksTheBundleAndPrintsWhatChanged() throws IOException {
        assumeTrue(Files.isDirectory(SOURCES), "the sourced data (../shared/sources) is not beside the project");
        CliRunner same = CliRunner.run("build-prices", "--sources", SOURCES.toString(), "--check");
        assertEquals(0, same.exitCode(), same.out() + same.err());
        assertTrue(same.out().contains("0 prices changed, 0 files differ"), same.out());

        // A bundle with one price changed and one file missing: --check lists both and exits 1, writing nothing.
        Path copy = Files.createTempDirectory("bundle");
        try {
            BundleBuilder.write(BundleBuilder.build(RECIPE, SOURCES), copy);
            Path lambda = copy.resolve("lambda.json");
            Files.writeString(lambda, Files.readString(lambda).replace("\"0.0000046460\"", "x")
                    .replace("\"Lambda-Provisioned-Concurrency\": \"0.000004646\"",
                            "\"Lambda-Provisioned-Concurrency\": \"0.0000041667\""));
            Files.delete(copy.resolve("aws-cn/ec2.json"));
            CliRunner changed = CliRunner.run("build-prices", "--sources", SOURCES.toString(), "--out", copy.toString(),
                    "--check");
            assertEquals(1, changed.exitCode(), changed.out() + changed.err());
            assertTrue(changed.out().contains("changed AWSLambda eu-west-1 EU-Lambda-Provisioned-Concurrency: "
                    + "0.0000041667 per GB-Seconds -> 0.000004646 per GB-Seconds"), changed.out());
            assertTrue(changed.out().contains("file + aws-cn/ec2.json"), changed.out());
            assertTrue(changed.out().contains("file ~ lambda.json"), changed.out());
            assertTrue(Files.notExists(copy.resolve("aws-cn/ec2.json")), "--check writes nothing");
            CliRunner written = CliRunner.run("build-prices", "--sources", SOURCES.toString(), "--out", copy.toString());
            assertEquals(0, written.exitCode(), written.err());
            assertEquals(List.of(), BundleBuilder.changedFiles(BundleBuilder.build(RECIPE, SOURCES), copy));
        } finally {
            try (Stream<Path> s = Files.walk(copy)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
