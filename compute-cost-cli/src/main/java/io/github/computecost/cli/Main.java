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

    private Main() {
    }

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("estimate", EstimateCommand::new);
        m.put("validate", ValidateCommand::new);
        m.put("compare", CompareCommand::new);
        m.put("tune-memory", TuneMemoryCommand::new);
        m.put("compare-edge", CompareEdgeCommand::new);
        m.put("recommend-commitment", RecommendCommitmentCommand::new);
        m.put("diff", DiffCommand::new);
        m.put("init-usage", InitUsageCommand::new);
        m.put("import-prices", ImportPricesCommand::new);
        m.put("diff-prices", DiffPricesCommand::new);
        m.put("update-prices", UpdatePricesCommand::new);
        m.put("build-prices", BuildPricesCommand::new);
        m.put("rate-usage", RateUsageCommand::new);
        m.put("completion", CompletionCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return Collections.unmodifiableMap(m);
    }

    /** The option every command that prints takes, to write its output to a file. */
    static final String OUT_FILE = "--out-file";

    /** @return the command line for these arguments: the named subcommand only, or all of them */
    static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new Main());
        String first = args.length > 0 ? args[0] : "";
        if (SUBCOMMANDS.containsKey(first) && !first.equals("help")) {
            cl.addSubcommand(first, SUBCOMMANDS.get(first).get());
        } else {
            SUBCOMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
        }
        cl.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                sub.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder(OUT_FILE).paramLabel("FILE")
                        .type(java.nio.file.Path.class).description("Write the output to FILE (UTF-8, replaced if "
                                + "it exists) instead of standard output.").build());
            }
        });
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

    /**
     * Entry point; exits the JVM with the command's exit code.
     *
     * @param args the command line
     */
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
        // --format JSON as --format json: an enum's values in any case.
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("compute-cost: " + ex.getMessage().strip() + didYouMean(ex) + " (see: "
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> failed(ex, err));
        // --out-file FILE on every command: its output goes to FILE instead of standard output.
        cl.setExecutionStrategy(parsed -> {
            CommandLine.ParseResult last = parsed;
            while (last.hasSubcommand()) {
                last = last.subcommand();
            }
            if (!last.hasMatchedOption(OUT_FILE)) {
                return new CommandLine.RunLast().execute(parsed);
            }
            java.nio.file.Path file = last.matchedOptionValue(OUT_FILE, null);
            // Written beside it first and moved over it once the command has run: a run that fails on bad input or
            // a bug leaves no file, and an earlier one as it was.
            java.nio.file.Path dir = file.toAbsolutePath().getParent();
            java.nio.file.Path part;
            try {
                part = java.nio.file.Files.createTempFile(dir, "." + file.getFileName(), ".part");
            } catch (java.nio.file.NoSuchFileException e) {
                err.println("compute-cost: " + OUT_FILE + " " + file + ": cannot be written: its directory does not "
                        + "exist");
                return BAD_INPUT;
            } catch (java.io.IOException e) {
                err.println("compute-cost: " + OUT_FILE + " " + file + ": cannot be written: " + e.getMessage());
                return BAD_INPUT;
            }
            int code = INTERNAL_ERROR;
            try (PrintWriter to = new PrintWriter(java.nio.file.Files.newBufferedWriter(part,
                    StandardCharsets.UTF_8))) {
                last.commandSpec().commandLine().setOut(to);
                code = new CommandLine.RunLast().execute(parsed); // a failure may leave as an exception, to its handler
            } catch (java.io.IOException e) {
                err.println("compute-cost: " + OUT_FILE + " " + file + ": cannot be written: " + e.getMessage());
                code = BAD_INPUT;
            } finally {
                try {
                    if (code == BAD_INPUT || code == INTERNAL_ERROR) {
                        java.nio.file.Files.deleteIfExists(part);
                    } else {
                        java.nio.file.Files.move(part, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (java.io.IOException e) {
                    err.println("compute-cost: " + OUT_FILE + " " + file + ": cannot be written: " + e.getMessage());
                    code = BAD_INPUT;
                }
            }
            return code;
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

    /**
     * @return {@code "; did you mean estimate?"} for an unknown subcommand or option close to one (picocli's
     *     suggestions, the nearest first), else nothing
     */
    static String didYouMean(CommandLine.ParameterException ex) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
            return "";
        }
        if (!u.getSuggestions().isEmpty()) {
            return "; did you mean " + u.getSuggestions().get(0) + "?";
        }
        // picocli's suggestions miss a swapped pair (--fromat): the name within two edits, if there is one.
        String unmatched = u.getUnmatched().get(0);
        String name = unmatched.contains("=") ? unmatched.substring(0, unmatched.indexOf('=')) : unmatched;
        CommandLine.Model.CommandSpec spec = ex.getCommandLine().getCommandSpec();
        java.util.List<String> known = new java.util.ArrayList<>();
        if (name.startsWith("-")) {
            spec.options().forEach(o -> known.addAll(java.util.List.of(o.names())));
        } else {
            known.addAll(spec.subcommands().keySet());
        }
        String best = null;
        int bestDistance = 3;
        for (String k : known) {
            int d = distance(name, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best == null ? "" : "; did you mean " + best + "?";
    }

    /** @return the edits (insertions, deletions, substitutions, swaps of neighbours) from {@code a} to {@code b} */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
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
