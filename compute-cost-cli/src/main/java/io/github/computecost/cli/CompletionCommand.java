package io.github.computecost.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code completion bash|zsh|fish}: a shell completion script for every command and option. The command line
 * registers only the subcommand it runs (start-up), so this one builds the whole model, for itself only.
 */
@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Print a shell completion script: source <(compute-cost completion bash), or for zsh "
                + "source <(compute-cost completion zsh), or compute-cost completion fish | source.")
final class CompletionCommand implements Callable<Integer> {

    /** The shells a script is written for. */
    enum Shell { bash, zsh, fish }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", description = "${COMPLETION-CANDIDATES}.")
    Shell shell;

    @Override
    public Integer call() {
        CommandLine all = Main.commandLine(); // every subcommand, with the options Main adds to each
        var out = spec.commandLine().getOut();
        out.print(switch (shell) {
            // picocli's script runs in zsh once bashcompinit is loaded.
            case bash -> AutoComplete.bash("compute-cost", all);
            case zsh -> "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n"
                    + AutoComplete.bash("compute-cost", all);
            case fish -> fish(all);
        });
        out.flush();
        return Main.OK;
    }

    /** @return fish's {@code complete} lines: the subcommands, then each one's options and their values */
    static String fish(CommandLine all) {
        StringBuilder sb = new StringBuilder("# compute-cost completion for fish: compute-cost completion fish | source\n");
        sb.append("complete -c compute-cost -f\n");
        for (Map.Entry<String, CommandLine> e : all.getSubcommands().entrySet()) {
            sb.append("complete -c compute-cost -n __fish_use_subcommand -a ").append(e.getKey()).append(" -d ")
                    .append(quote(first(e.getValue().getCommandSpec().usageMessage().description()))).append('\n');
            for (OptionSpec o : e.getValue().getCommandSpec().options()) {
                if (o.hidden()) {
                    continue;
                }
                sb.append("complete -c compute-cost -n '__fish_seen_subcommand_from ").append(e.getKey()).append('\'');
                for (String n : o.names()) {
                    sb.append(n.startsWith("--") ? " -l " + n.substring(2) : " -s " + n.substring(1));
                }
                if (o.arity().max() > 0) {
                    sb.append(" -r");
                    List<String> values = new ArrayList<>();
                    if (o.completionCandidates() != null) {
                        o.completionCandidates().forEach(values::add);
                    }
                    sb.append(values.isEmpty() ? " -F" : " -a " + quote(String.join(" ", values)));
                }
                sb.append(" -d ").append(quote(first(o.description()))).append('\n');
            }
        }
        return sb.toString();
    }

    private static String first(String[] lines) {
        return lines.length == 0 ? "" : lines[0].replaceAll("\\$\\{[^}]*}", "").strip();
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
