package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's class-data-sharing recipe keeps standard output clean: run with its JVM options and an archive that
 * does not match (as after a JDK upgrade), {@code estimate --format json} still prints JSON alone. One JVM start.
 */
class ReadmeCdsRecipeTest {

    @Test
    void aMismatchedArchiveNeverReachesStandardOutput(@TempDir Path tmp) throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String line = readme.lines().filter(l -> l.startsWith("CLI=\"java -XX:SharedArchiveFile=")).findFirst()
                .orElseThrow(() -> new AssertionError("the README's recipe line is gone"));
        List<String> recipe = new ArrayList<>(Arrays.asList(line.substring("CLI=\"java ".length(),
                line.indexOf(" -jar ")).split(" ")));
        // An archive that does not match this run: made with another class path (as after a rebuild or a move),
        // which the JVM reports in a warning.
        Path archive = tmp.resolve("cli.jsa");
        String picocli = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> e.contains("picocli")).findFirst().orElseThrow();
        Path copy = Files.createDirectories(tmp.resolve("elsewhere")).resolve("picocli.jar");
        Files.copy(Path.of(picocli), copy);
        Process dump = new ProcessBuilder(java(), "-XX:ArchiveClassesAtExit=" + archive, "-cp", copy.toString(),
                "picocli.AutoComplete", "--help").redirectErrorStream(true).start();
        dump.getInputStream().readAllBytes();
        assertEquals(0, dump.waitFor());
        assertTrue(Files.exists(archive), "the archive was written");
        recipe.replaceAll(o -> o.equals("-XX:SharedArchiveFile=cli.jsa") ? "-XX:SharedArchiveFile=" + archive : o);
        assertTrue(recipe.contains("-XX:SharedArchiveFile=" + archive), recipe.toString());

        String out = run(tmp, recipe);
        JsonNode json = TestJson.json().readTree(out); // throws if a log line came first
        assertEquals("79.11962256", json.get("totalMonthlyCostExact").asText());
        assertTrue(readErr(tmp).contains("shared archive"), "the JVM's warning went to standard error: "
                + readErr(tmp));
        // Without the recipe's logging options the same warning lands on standard output, before the JSON.
        String bare = run(tmp, List.of("-XX:SharedArchiveFile=" + archive));
        assertTrue(bare.startsWith("["), "the JVM writes its warning to standard output by default: " + bare.lines()
                .findFirst().orElse(""));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String run(Path tmp, List<String> options) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "estimate",
                "examples/orders.yaml", "--format", "json"));
        Process p = new ProcessBuilder(command).redirectError(tmp.resolve("err.txt").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out + readErr(tmp));
        return out;
    }

    private static String readErr(Path tmp) throws IOException {
        return Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8);
    }
}
