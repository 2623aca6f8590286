package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line against the conventions of the tools people know: shell completion, {@code -} for standard
 * input, {@code --out-file}, formats in any case, "did you mean", one-line errors without noise.
 */
class CliConventionsTest {

    static final Path ORDERS = Path.of("examples/orders.yaml");

    @TempDir
    Path tmp;

    private static String total(String json) throws IOException {
        return TestJson.json().readTree(json).get("totalMonthlyCostExact").asText();
    }

    @Test
    void bashCompletionCompletesAnOptionOfASubcommand() throws Exception {
        CliRunner script = CliRunner.run("completion", "bash");
        assertEquals(0, script.exitCode(), script.err());
        assertEquals("", script.err(), "no picocli warning while the whole model is built");
        Path file = tmp.resolve("compute-cost.bash");
        Files.writeString(file, script.out());
        // What bash does on TAB after "compute-cost estimate --fo".
        Process bash = new ProcessBuilder("bash", "-c", "source '" + file + "' 2>/dev/null; "
                + "COMP_WORDS=(compute-cost estimate --fo); COMP_CWORD=2; COMP_LINE='compute-cost estimate --fo'; "
                + "COMP_POINT=${#COMP_LINE}; _complete_compute-cost 2>/dev/null; echo \"${COMPREPLY[@]}\"")
                .redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(bash.waitFor(1, TimeUnit.MINUTES));
        assertEquals("--format", out);
        CliRunner zsh = CliRunner.run("completion", "zsh");
        assertTrue(zsh.out().startsWith("autoload -U +X compinit") && zsh.out().contains("bashcompinit"), zsh.out());
        CliRunner fish = CliRunner.run("completion", "fish");
        assertTrue(fish.out().contains("complete -c compute-cost -n '__fish_seen_subcommand_from estimate' -l format "
                + "-r -a 'text json markdown csv'"), fish.out());
        assertTrue(fish.out().contains("-n __fish_use_subcommand -a rate-usage"), fish.out());
        assertTrue(!fish.out().contains("-l today"), "hidden options are not offered");
    }

    @Test
    void aDashReadsStandardInput() throws IOException {
        String file = total(CliRunner.run("estimate", ORDERS.toString(), "--format", "json").out());
        InputStream before = System.in;
        try {
            System.setIn(new ByteArrayInputStream(Files.readAllBytes(ORDERS)));
            CliRunner r = CliRunner.run("estimate", "-", "--format", "json");
            assertEquals(0, r.exitCode(), r.err());
            assertEquals(file, total(r.out()));
            // JSON on standard input is told apart by its first character; errors name <stdin>.
            System.setIn(new ByteArrayInputStream("{\"resources\": 5}".getBytes(StandardCharsets.UTF_8)));
            CliRunner bad = CliRunner.run("estimate", "-");
            assertEquals(2, bad.exitCode());
            assertTrue(bad.err().startsWith("compute-cost: <stdin>: $.resources: must be a list"), bad.err());
        } finally {
            System.setIn(before);
        }
        CliRunner both = CliRunner.run("diff", "-", "-");
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("BASE and HEAD cannot both be standard input"), both.err());
    }

    @Test
    void outFileTakesTheOutputOfEveryCommand() throws IOException {
        CliRunner plain = CliRunner.run("estimate", ORDERS.toString(), "--format", "markdown");
        Path to = tmp.resolve("estimate.md");
        CliRunner r = CliRunner.run("estimate", ORDERS.toString(), "--format", "markdown", "--out-file", to.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertEquals(plain.out(), Files.readString(to));
        Path report = tmp.resolve("validate.txt");
        assertEquals(0, CliRunner.run("validate", ORDERS.toString(), "--out-file=" + report).exitCode());
        assertTrue(Files.readString(report).contains("orders.yaml"), Files.readString(report));
        CliRunner nowhere = CliRunner.run("estimate", ORDERS.toString(), "--out-file", tmp.resolve("no/x").toString());
        assertEquals(2, nowhere.exitCode());
        assertTrue(nowhere.err().contains("cannot be written: its directory does not exist"), nowhere.err());
        // A run that fails on bad input leaves no file, and an earlier one as it was, with nothing beside it.
        Path missing = tmp.resolve("never.md");
        assertEquals(2, CliRunner.run("estimate", tmp.resolve("none.yaml").toString(), "--out-file", missing.toString())
                .exitCode());
        assertTrue(Files.notExists(missing));
        assertEquals(2, CliRunner.run("estimate", tmp.resolve("none.yaml").toString(), "--out-file", to.toString())
                .exitCode());
        assertEquals(plain.out(), Files.readString(to));
        try (var files = Files.list(tmp)) {
            List<String> parts = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".part")).toList();
            assertTrue(parts.isEmpty(), "no partial file left: " + parts);
        }
    }

    @Test
    void formatsAreReadInAnyCase() throws IOException {
        CliRunner upper = CliRunner.run("estimate", ORDERS.toString(), "--format", "JSON");
        assertEquals(0, upper.exitCode(), upper.err());
        assertEquals(total(CliRunner.run("estimate", ORDERS.toString(), "--format", "json").out()), total(upper.out()));
        CliRunner markdown = CliRunner.run("compare", "examples/plan.yaml", "--format", "Markdown");
        assertEquals(0, markdown.exitCode(), markdown.err());
    }

    @Test
    void aNearMissGetsADidYouMean() {
        CliRunner command = CliRunner.run("estimat", ORDERS.toString());
        assertEquals(2, command.exitCode());
        assertTrue(command.err().contains("did you mean estimate?"), command.err());
        CliRunner option = CliRunner.run("estimate", "--fromat", "json", ORDERS.toString());
        assertEquals(2, option.exitCode());
        assertTrue(option.err().contains("did you mean --format?"), option.err());
        assertEquals(1, option.err().strip().lines().count(), option.err());
    }

    @Test
    void aMissingFileIsOneLineWithoutAJsonPath() {
        CliRunner r = CliRunner.run("estimate", tmp.resolve("nope.yaml").toString());
        assertEquals(2, r.exitCode());
        assertEquals("compute-cost: " + tmp.resolve("nope.yaml") + ": file not found", r.err().strip());
        CliRunner help = CliRunner.run("diff", "--help");
        assertEquals("", help.err(), "diff --help prints no picocli warning");
    }

    @Test
    void tuneMemoryBreaksTiesTowardTheFasterSizeAndListsTheNearlyAsCheap() {
        // examples/tuning.yaml holds power-tuning's README case: 128 MB at 2,400 ms and 1,024 MB at 300 ms.
        CliRunner r = CliRunner.run("tune-memory", "examples/tuning.yaml");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("  recommended (cost): 1024 MB\n  cheapest: 1024 MB, 300 ms, 4.20 USD"), r.out());
        assertTrue(r.out().contains("128 MB (2400 ms, the same cost)"), r.out());
        assertTrue(!r.out().contains("4.219405096925"), "text is rounded to cents");
        CliRunner speed = CliRunner.run("tune-memory", "examples/tuning.yaml", "--strategy", "speed");
        assertTrue(speed.out().contains("recommended (speed): 3008 MB"), speed.out());
        CliRunner bad = CliRunner.run("tune-memory", "examples/tuning.yaml", "--strategy", "cheap");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--strategy must be cost, speed or balanced, was \"cheap\""), bad.err());
    }

    @Test
    void tuneMemoryReadsPowerTuningsOwnOutputAndItsBalancedWeight() {
        String result = "compute-cost/src/test/resources/power-tuning/readme-visualization.json";
        CliRunner r = CliRunner.run("tune-memory", result, "--architecture", "arm64", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        com.fasterxml.jackson.databind.JsonNode tuning;
        try {
            tuning = TestJson.json().readTree(r.out()).path("tunings").path(0);
        } catch (IOException e) {
            throw new AssertionError(r.out(), e);
        }
        assertEquals("readme-visualization", tuning.path("name").asText(), r.out());
        assertEquals("arm64", tuning.path("architecture").asText(), r.out());
        CliRunner text = CliRunner.run("tune-memory", result);
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().startsWith("readme-visualization (x86_64)"), text.out());
        assertTrue(text.out().contains("37002.4"), "the 128 MB duration the URL encodes: " + text.out());
        // The balanced weight runs from speed (0) to cost (1), as the tool's balancedWeight.
        CliRunner speedy = CliRunner.run("tune-memory", result, "--strategy", "balanced", "--balanced-weight", "0");
        CliRunner fastest = CliRunner.run("tune-memory", result, "--strategy", "speed");
        assertEquals(line(fastest.out(), "recommended"), line(speedy.out(), "recommended").replace("balanced",
                "speed"));
        assertTrue(speedy.out().contains("(weight 0: least weight × cost / most cost"), speedy.out());
        CliRunner heavy = CliRunner.run("tune-memory", result, "--balanced-weight", "1.5");
        assertEquals(2, heavy.exitCode());
        assertTrue(heavy.err().contains("--balanced-weight must be between 0 and 1, was 1.5"), heavy.err());
        CliRunner notAResult = CliRunner.run("tune-memory", "examples/tuning.yaml", "--architecture", "arm64");
        assertEquals(2, notAResult.exitCode());
        assertTrue(notAResult.err().contains("--architecture and --region are for a power-tuning result"),
                notAResult.err());
        CliRunner badArch = CliRunner.run("tune-memory", result, "--architecture", "risc-v");
        assertEquals(2, badArch.exitCode());
        assertTrue(badArch.err().contains("--architecture must be x86_64 or arm64, was \"risc-v\""), badArch.err());
    }

    private static String line(String out, String prefix) {
        return out.lines().filter(l -> l.strip().startsWith(prefix)).findFirst().orElse("");
    }

    @Test
    void compareRanksAnUncertainWorkloadOnItsExpectedCostAndSaysSo() throws IOException {
        CliRunner r = CliRunner.run("compare", "examples/plan.yaml");
        assertEquals(0, r.exitCode(), r.err());
        String bursty = r.out().substring(r.out().indexOf("bursty-api:"));
        assertTrue(bursty.contains("Ranked on the expected monthly cost: the mean over the simulated months"), bursty);
        // Lambda at its expected cost (lognormal durations, p50 80 ms, p99 900 ms), not at the median's 10.30.
        String arm = bursty.lines().filter(l -> l.contains("Lambda (arm64)")).findFirst().orElseThrow();
        assertTrue(!arm.contains("10.30") && arm.matches(".*  2\\d\\.\\d\\d  .*"), arm);
        var json = TestJson.json().readTree(CliRunner.run("compare", "examples/plan.yaml", "--format", "json").out());
        var w = json.get("workloads").get(2);
        assertEquals("expected monthly cost", w.get("rankedOn").asText());
        assertEquals("point estimate", json.get("workloads").get(0).get("rankedOn").asText());
        java.math.BigDecimal previous = java.math.BigDecimal.ZERO;
        for (var o : w.get("options")) {
            if (o.has("expectedMonthlyCostExact")) {
                java.math.BigDecimal e = new java.math.BigDecimal(o.get("expectedMonthlyCostExact").asText());
                assertTrue(previous.compareTo(e) <= 0, "options in expected order: " + w);
                previous = e;
            }
        }
    }

    @Test
    void aSavedEstimateIsComparedWithANewInputAsItsFileWouldBe() throws IOException {
        Path head = tmp.resolve("head.yaml");
        Files.writeString(head, Files.readString(ORDERS).replace("memoryMb: 512", "memoryMb: 1024"));
        Path saved = tmp.resolve("base.json");
        assertEquals(0, CliRunner.run("estimate", ORDERS.toString(), "--format", "json", "--out-file",
                saved.toString()).exitCode());
        var direct = TestJson.json().readTree(CliRunner.run("diff", ORDERS.toString(), head.toString(), "--format",
                "json").out());
        CliRunner r = CliRunner.run("diff", "--compare-to", saved.toString(), head.toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        var fromSaved = TestJson.json().readTree(r.out());
        assertEquals(direct.get("totalChangeExact"), fromSaved.get("totalChangeExact"));
        assertEquals(direct.get("resources"), fromSaved.get("resources"), "the same changes, line by line");
        // An edited saved estimate (its total no longer its line items' sum) is refused, not trusted.
        Path edited = tmp.resolve("edited.json");
        Files.writeString(edited, Files.readString(saved).replaceFirst("\"totalMonthlyCostExact\": \"[0-9.]+\"",
                "\"totalMonthlyCostExact\": \"1.00\""));
        CliRunner bad = CliRunner.run("diff", "--compare-to", edited.toString(), head.toString());
        assertEquals(2, bad.exitCode(), bad.out());
        assertTrue(bad.err().contains("$.totalMonthlyCostExact: is 1.00, but its line items add up to"), bad.err());
    }
}
