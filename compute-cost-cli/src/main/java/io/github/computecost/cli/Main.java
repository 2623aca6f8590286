package io.github.computecost.cli;

import io.github.computecost.ComputeCostException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code compute-cost} command. */
@Command(name = "compute-cost", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Monthly AWS compute cost estimates from bundled, sourced price tables.")
public final class Main implements Runnable {

    /**
     * The subcommands, by name, in the order {@code --help} lists them. Only the one named on the command line is
     * built: picocli builds each command's model by reflection, and all ten took about a third of the start-up
     * of {@code estimate} (about 0.3 s of 0.9 s). {@code --help}, {@code help} and anything unknown get all of them.
     * {@code MainTest} checks these names against the commands' own.
     */
    static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("estimate", EstimateCommand::new);
        m.put("validate", ValidateCommand::new);
        m.put("compare", CompareCommand::new);
        m.put("tune-memory", TuneMemoryCommand::new);
        m.put("compare-edge", CompareEdgeCommand::new);
        m.put("diff", DiffCommand::new);
        m.put("import-prices", ImportPricesCommand::new);
        m.put("diff-prices", DiffPricesCommand::new);
        m.put("update-prices", UpdatePricesCommand::new);
        m.put("build-prices", BuildPricesCommand::new);
        m.put("rate-usage", RateUsageCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return Collections.unmodifiableMap(m);
    }

    /** @return the command line for these arguments: the named subcommand only, or all of them */
    static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new Main());
        String first = args.length > 0 ? args[0] : "";
        if (SUBCOMMANDS.containsKey(first) && !first.equals("help")) {
            cl.addSubcommand(first, SUBCOMMANDS.get(first).get());
        } else {
            SUBCOMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
        }
        return cl;
    }

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
        CommandLine cl = commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("compute-cost: " + ex.getMessage().strip() + " (see: "
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> failed(ex, err));
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

    /**
     * Reports an exception a command threw, on one line, and gives its exit code. Bad input is whatever
     * compute-cost reports as such (a {@link ComputeCostException}: exit 2, its message with the flags that would
     * help); anything else, a stray {@link IllegalArgumentException} included, is a defect of ours (exit 3; the
     * stack trace only when {@code COMPUTE_COST_DEBUG} is set).
     */
    static int failed(Exception ex, PrintWriter err) {
        if (ex instanceof ComputeCostException e) {
            err.println("compute-cost: " + Hints.message(e));
            return BAD_INPUT;
        }
        err.println("compute-cost: internal error (please report it): " + ex);
        if (System.getenv("COMPUTE_COST_DEBUG") != null) {
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            err.print(trace);
        }
        return INTERNAL_ERROR;
    }

    /**
     * {@code --version} of every command: the version (the jar manifest's {@code Implementation-Version}, else the
     * build's), and the bundled pricing data's: the book, when its tables were built, and how old its prices are.
     */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"compute-cost " + version(), pricingData(java.time.LocalDate.now(
                    java.time.ZoneOffset.UTC))};
        }

        /** @return the version, or "development" when neither the manifest nor the build names one */
        static String version() {
            String v = Main.class.getPackage().getImplementationVersion();
            if (v != null) {
                return v;
            }
            try (java.io.InputStream in = Main.class.getResourceAsStream("version.properties")) {
                java.util.Properties p = new java.util.Properties();
                if (in != null) {
                    p.load(in);
                }
                String built = p.getProperty("version", "");
                return built.isEmpty() || built.startsWith("${") ? "development" : built;
            } catch (java.io.IOException e) {
                return "development";
            }
        }

        /** @return {@code pricing data aws: tables built 2026-12-02; prices dated ... (the newest N days old ...)} */
        static String pricingData(java.time.LocalDate today) {
            io.github.computecost.pricing.PriceBook book = io.github.computecost.pricing.PriceBook.bundled();
            String built = "";
            java.util.Optional<io.github.computecost.pricing.PriceDates> dates = java.util.Optional.empty();
            for (io.github.computecost.pricing.ServicePrices s : book.services().values()) {
                built = s.dataVersion().compareTo(built) > 0 ? s.dataVersion() : built;
                dates = io.github.computecost.pricing.PriceDates.merge(dates, s.priceDates());
            }
            String out = "pricing data " + book.id() + " (" + book.services().size() + " tables): built " + built;
            if (dates.isPresent()) {
                long age = dates.get().newestAgeDays(today);
                out += "; prices dated " + dates.get().oldest() + " to " + dates.get().newest() + ", the newest "
                        + age + (age == 1 ? " day" : " days") + " old on " + today;
            }
            return out;
        }
    }
}
