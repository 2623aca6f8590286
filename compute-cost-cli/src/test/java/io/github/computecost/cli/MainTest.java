package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.ComputeCostException;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.UnknownRegionException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {

    @Test
    void eachSubcommandIsRegisteredUnderItsOwnName() {
        for (Map.Entry<String, java.util.function.Supplier<Object>> e : Main.SUBCOMMANDS.entrySet()) {
            assertEquals(e.getKey(), new CommandLine(e.getValue().get()).getCommandName());
        }
    }

    @Test
    void onlyTheNamedSubcommandIsBuiltAndHelpListsThemAll() {
        assertEquals(List.of("estimate"), List.copyOf(Main.commandLine("estimate", "x.yaml").getSubcommands().keySet()));
        assertEquals(List.copyOf(Main.SUBCOMMANDS.keySet()),
                List.copyOf(Main.commandLine("--help").getSubcommands().keySet()));
        assertEquals(Main.SUBCOMMANDS.size(), Main.commandLine("help", "estimate").getSubcommands().size());
        assertEquals(Main.SUBCOMMANDS.size(), Main.commandLine().getSubcommands().size());
        StringWriter out = new StringWriter();
        assertEquals(Main.OK, Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "--help"));
        for (String name : Main.SUBCOMMANDS.keySet()) {
            assertTrue(out.toString().contains("  " + name + " "), name + " missing from --help:\n" + out);
        }
        out = new StringWriter();
        assertEquals(Main.OK, Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "help", "rate-usage"));
        assertTrue(out.toString().contains("Usage: compute-cost rate-usage"), out.toString());
    }

    @Test
    void badInputExitsTwoAndAStrayIllegalArgumentIsOurDefect() {
        StringWriter err = new StringWriter();
        assertEquals(Main.BAD_INPUT, Main.failed(new ComputeCostException("x.yaml: $.resources: must be a list"),
                new PrintWriter(err, true)));
        assertEquals("compute-cost: x.yaml: $.resources: must be a list", err.toString().strip());
        err = new StringWriter();
        assertEquals(Main.INTERNAL_ERROR, Main.failed(new IllegalArgumentException("index 3"), new PrintWriter(err, true)));
        assertTrue(err.toString().startsWith("compute-cost: internal error (please report it): "), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), "one line, no stack trace: " + err);
    }

    @Test
    void theCommandLineAddsItsFlagsToTheLibrarysFacts(@TempDir Path dir) throws Exception {
        UnknownRegionException e = org.junit.jupiter.api.Assertions.assertThrows(UnknownRegionException.class,
                () -> PriceBook.bundled().service("AWSLambda").region("mars-north-1"));
        assertTrue(!e.getMessage().contains("--pricing-data"), e.getMessage());
        Path f = dir.resolve("mars.yaml");
        Files.writeString(f, "resources:\n  - {name: f, type: lambda, region: mars-north-1, memoryMb: 128, "
                + "requestsPerMonth: 1, durationMs: 1}\n");
        CliRunner r = CliRunner.run("estimate", f.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains(e.getMessage()), r.err());
        assertTrue(r.err().contains("--pricing-data DIR"), r.err());
        // A price no source gives: the library names it, the command line says how to give one.
        Files.writeString(f, "resources:\n  - {name: pc, type: lambda, region: eu-central-1, architecture: arm64, "
                + "memoryMb: 128, requestsPerMonth: 1, durationMs: 1, provisionedConcurrency: {concurrency: 1, "
                + "hoursPerMonth: 10}}\n");
        r = CliRunner.run("estimate", f.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("pc: no price for EUC1-Lambda-Provisioned-Concurrency-ARM"), r.err());
        assertTrue(r.err().contains(Hints.MISSING_PRICE), r.err());
    }

    @org.junit.jupiter.api.Test
    void everyCommandsVersionNamesTheVersionAndThePricingData() throws java.io.IOException {
        String version;
        try (java.io.InputStream in = Main.class.getResourceAsStream("version.properties")) {
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            version = p.getProperty("version");
        }
        org.junit.jupiter.api.Assertions.assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"),
                "the build fills in the version: " + version);
        for (String[] args : new String[][] {{"--version"}, {"estimate", "--version"}, {"diff", "-V"},
                {"rate-usage", "--version"}}) {
            CliRunner r = CliRunner.run(args);
            org.junit.jupiter.api.Assertions.assertEquals(0, r.exitCode(), r.err());
            String[] lines = r.out().split("\\R");
            org.junit.jupiter.api.Assertions.assertEquals("compute-cost " + version, lines[0], String.join(" ", args));
            org.junit.jupiter.api.Assertions.assertTrue(lines[1].startsWith("pricing data aws (")
                    && lines[1].contains("tables): built ") && lines[1].contains("; prices dated "), r.out());
        }
    }
}
