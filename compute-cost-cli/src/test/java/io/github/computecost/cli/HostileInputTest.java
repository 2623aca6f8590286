package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The hostile-input suite: each directory of {@code src/test/resources/hostile} holds an input ({@code input.yaml} or
 * {@code input.json}, with a {@code usage.yaml} for a template), and {@code expect.properties}: the exit code, and
 * the words ({@code contains=a|b}) its output must hold. Where an {@code expanded} twin is given, the input must
 * price exactly as it does. Every case: never exit 3, never a stack trace, a bad input in one line.
 */
class HostileInputTest {

    static final Path ROOT = Path.of("compute-cost-cli/src/test/resources/hostile");

    @TestFactory
    Stream<DynamicTest> everyHostileFixture() throws IOException {
        List<Path> cases = new ArrayList<>();
        try (Stream<Path> s = Files.list(ROOT)) {
            s.filter(Files::isDirectory).sorted().forEach(cases::add);
        }
        assertFalse(cases.isEmpty(), "no fixtures in " + ROOT);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    static Path input(Path dir, String stem) {
        Path yaml = dir.resolve(stem + ".yaml");
        return Files.exists(yaml) ? yaml : dir.resolve(stem + ".json");
    }

    static CliRunner estimate(Path in, Path usage) {
        return Files.exists(usage) ? CliRunner.run("estimate", in.toString(), "--usage", usage.toString(), "--format",
                "json") : CliRunner.run("estimate", in.toString(), "--format", "json");
    }

    private static void check(Path dir) throws IOException {
        Properties expect = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve("expect.properties"))) {
            expect.load(r);
        }
        int exit = Integer.parseInt(expect.getProperty("exit"));
        CliRunner r = estimate(input(dir, "input"), dir.resolve("usage.yaml"));
        String all = r.out() + r.err();
        assertEquals(exit, r.exitCode(), all);
        assertFalse(all.contains("\tat "), "no stack trace: " + all);
        if (exit == 2) {
            assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
            assertTrue(r.err().length() < 1000, "a short message: " + r.err());
        }
        for (String word : expect.getProperty("contains", "").split("\\|")) {
            assertTrue(word.isEmpty() || all.contains(word), "'" + word + "' in: " + all);
        }
        Path expanded = input(dir, "expanded");
        if (Files.exists(expanded)) {
            CliRunner e = estimate(expanded, dir.resolve("expanded-usage.yaml"));
            assertEquals(0, e.exitCode(), e.err());
            JsonNode a = TestJson.json().readTree(r.out());
            JsonNode b = TestJson.json().readTree(e.out());
            assertEquals(b.get("totalMonthlyCostExact").asText(), a.get("totalMonthlyCostExact").asText(),
                    "priced as its expanded document");
            assertEquals(b.get("resources").toString(), a.get("resources").toString());
        }
    }
}
