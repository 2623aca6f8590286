package io.github.computecost.cli;

import io.github.computecost.estimate.InvalidWorkloadException;
import io.github.computecost.pricing.PricingDataException;
import io.github.computecost.spec.WorkloadException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code compute-cost} command. */
@Command(name = "compute-cost", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Monthly AWS compute cost estimates from bundled, sourced price tables.",
        subcommands = {EstimateCommand.class, ValidateCommand.class, CompareCommand.class, TuneMemoryCommand.class,
            CompareEdgeCommand.class,
            DiffCommand.class, ImportPricesCommand.class, DiffPricesCommand.class, RateUsageCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Success. */
    public static final int OK = 0;
    /** A policy (budget, limit) failed. */
    public static final int POLICY_FAILURE = 1;
    /** Bad input: usage, workload file, pricing data. */
    public static final int BAD_INPUT = 2;
    /** A defect in compute-cost. */
    public static final int INTERNAL_ERROR = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (try: estimate FILE)");
    }

    /** Entry point; exits the JVM with the command's exit code. */
    public static void main(String[] args) {
        // UTF-8 whatever the platform's default: JSON must be UTF-8, and notes use a few non-ASCII signs.
        System.exit(run(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true), args));
    }

    /**
     * Runs the command line in-process.
     *
     * @param out standard output
     * @param err standard error
     * @param args arguments
     * @return the exit code
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("compute-cost: " + ex.getMessage().strip() + " (see: "
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof WorkloadException || ex instanceof PricingDataException
                    || ex instanceof io.github.computecost.pricelist.PriceListException
                    || ex instanceof InvalidWorkloadException || ex instanceof IllegalArgumentException) {
                err.println("compute-cost: " + ex.getMessage());
                return BAD_INPUT;
            }
            StringWriter trace = new StringWriter();
            err.println("compute-cost: internal error (please report it): " + ex);
            if (System.getenv("COMPUTE_COST_DEBUG") != null) {
                ex.printStackTrace(new PrintWriter(trace));
                err.print(trace);
            }
            return INTERNAL_ERROR;
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("compute-cost: out of memory; give the JVM more heap (java -Xmx...)");
            code = INTERNAL_ERROR;
        }
        out.flush();
        err.flush();
        return code;
    }

    /** The version from the jar's manifest, or "development". */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"compute-cost " + (v == null ? "development" : v)};
        }
    }
}
