package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Whole command-line outputs for every bundled example in {@code examples/}, against
 * {@code compute-cost-cli/src/test/resources/golden/}. After an intended change, regenerate with
 * {@code ./mvnw -pl compute-cost-cli -am test -Dtest=EstimateGoldenTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dgolden.update=true} and review the diff.
 */
class EstimateGoldenTest {

    static final Path EXAMPLES = Path.of("examples");
    static final Path GOLDEN = Path.of("compute-cost-cli/src/test/resources/golden");
    static final String TODAY = "2026-12-02";

    @TestFactory
    Stream<DynamicTest> examplesMatchTheirGoldenOutput() throws IOException {
        List<Path> examples;
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            examples = s.filter(p -> p.toString().endsWith(".yaml")).sorted().collect(Collectors.toList());
        }
        assertEquals(false, examples.isEmpty(), "no examples found");
        return examples.stream().flatMap(example -> Stream.of("estimate", "compare-edge", "compare", "tune-memory")
                .filter(command -> applies(command, example))
                .flatMap(command -> formats(command).map(format -> DynamicTest.dynamicTest(
                        command + " " + example.getFileName() + " as " + format, () -> check(command, example, format)))));
    }

    /** Every format a command writes: estimate's four, the others' text and JSON. */
    private static Stream<String> formats(String command) {
        return command.equals("estimate") ? Stream.of("json", "text", "markdown", "csv") : Stream.of("json", "text");
    }

    private static boolean applies(String command, Path example) {
        try {
            String s = Files.readString(example);
            boolean neutral = s.contains("type: workload");
            boolean tuning = s.contains("type: memory-tuning");
            return switch (command) {
                case "estimate" -> !neutral && !tuning;
                case "compare" -> neutral;
                case "tune-memory" -> tuning;
                default -> s.contains("type: lambda-edge") || s.contains("type: cloudfront-function");
            };
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void check(String command, Path example, String format) throws IOException {
        // A fixed day, so that the age of the prices (and the warning when they are old) is the same every run.
        CliRunner r = CliRunner.run(command, example.toString(), "--format", format, "--today", TODAY);
        assertEquals(0, r.exitCode(), r.err());
        String base = example.getFileName().toString().replaceFirst("\\.yaml$", "")
                + (command.equals("estimate") ? "" : "." + command);
        Path golden = GOLDEN.resolve(base + switch (format) {
            case "json" -> ".json";
            case "markdown" -> ".md";
            case "csv" -> ".csv";
            default -> ".txt";
        });
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, r.out());
        }
        assertEquals(Files.readString(golden), r.out(), "output of " + example + " differs from " + golden);
    }
}
