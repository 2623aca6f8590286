package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
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
}
