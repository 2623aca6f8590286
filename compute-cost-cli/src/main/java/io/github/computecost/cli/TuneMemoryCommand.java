package io.github.computecost.cli;

import io.github.computecost.compare.MemoryTuning;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.report.Charts;
import io.github.computecost.report.TuningReport;
import io.github.computecost.spec.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tune-memory FILE}: the cheapest, fastest and balanced memory size from measured durations. */
@Command(name = "tune-memory", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "From durations measured at a few memory sizes (type: memory-tuning), the cost per million "
                + "invocations at each size and between them, and the cheapest, fastest and balanced size.")
final class TuneMemoryCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    WorkloadOptions options;

    @Option(names = "--format", defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--step-mb", defaultValue = "64", description = "Step between interpolated sizes in MB (default ${DEFAULT-VALUE}).")
    int stepMb;

    @Option(names = "--strategy", defaultValue = "cost", description = "Which size to recommend: cost (the cheapest, "
            + "ties to the faster), speed (the fastest), balanced (power-tuning's: cost and duration, each against "
            + "its largest, weighed by --balanced-weight); default ${DEFAULT-VALUE}.")
    String strategy;

    @Option(names = "--balanced-weight", paramLabel = "WEIGHT", defaultValue = "0.5",
            description = "The balanced pick's weight of cost against speed, 0 (speed) to 1 (cost), as power-tuning's "
                    + "balancedWeight (default ${DEFAULT-VALUE}).")
    java.math.BigDecimal balancedWeight;

    @Option(names = "--tolerance", paramLabel = "PERCENT", defaultValue = "1",
            description = "List the sizes within PERCENT %% of the cheapest cost (default ${DEFAULT-VALUE}).")
    java.math.BigDecimal tolerance;

    @Option(names = "--architecture", paramLabel = "ARCH", description = "For a power-tuning result, which does "
            + "not say it: the function's architecture, x86_64 (default) or arm64.")
    String architecture;

    @Option(names = "--region", paramLabel = "REGION", description = "For a power-tuning result: the region to price "
            + "in (default us-east-1).")
    String region;

    @Mixin
    ChartOptions charts;

    @Override
    public Integer call() {
        Workload w = options.workload();
        PriceBook prices = options.prices();
        List<MemoryTuning> tunings = w.tunings();
        if (tunings.isEmpty()) {
            throw new BadInputException(options.name() + ": no memory-tuning entries (type: memory-tuning)");
        }
        if (architecture != null || this.region != null) {
            if (options.name().equals(WorkloadOptions.STDIN) || !io.github.computecost.spec.PowerTuningResult
                    .isResult(options.file)) {
                throw new BadInputException("--architecture and --region are for a power-tuning result; a workload "
                        + "file gives each tuning's architecture and region");
            }
            io.github.computecost.compute.Architecture arch;
            try {
                arch = architecture == null ? io.github.computecost.compute.Architecture.X86_64
                        : io.github.computecost.compute.Architecture.parse(architecture);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--architecture must be x86_64 or arm64, was \"" + architecture + "\"");
            }
            tunings = tunings.stream().map(t -> new MemoryTuning(t.name(), java.util.Optional.ofNullable(this.region),
                    arch, t.measurements())).toList();
        }
        String region = w.region().orElse(Estimator.DEFAULT_REGION);
        MemoryTuning.Strategy chosen;
        try {
            chosen = MemoryTuning.Strategy.valueOf(strategy.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--strategy must be cost, speed or balanced, was \"" + strategy + "\"");
        }
        if (balancedWeight.signum() < 0 || balancedWeight.compareTo(java.math.BigDecimal.ONE) > 0) {
            throw new BadInputException("--balanced-weight must be between 0 and 1, was "
                    + balancedWeight.toPlainString());
        }
        if (tolerance.signum() < 0) {
            throw new BadInputException("--tolerance must be 0 or more percent, was " + tolerance.toPlainString());
        }
        List<MemoryTuning.Result> results = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (MemoryTuning t : tunings) {
            MemoryTuning.Result r = t.tune(prices, region, stepMb, tolerance, balancedWeight);
            results.add(r);
            text.append(TuningReport.text(t, r, prices.currency(), chosen));
            charts.write(t.name(), Charts.tuning(t, r, prices.currency()),
                    io.github.computecost.report.VegaLite.tuning(t, r, prices.currency()));
        }
        var out = spec.commandLine().getOut();
        PriceAgeOutput age = PriceAgeOutput.of(prices, List.of(MemoryTuning.TABLE), List.of(region), options.pricing);
        out.print(format == Format.json ? age.json(TuningReport.json(tunings, results, prices.currency()))
                : text + "\n" + age.text());
        out.flush();
        return Main.OK;
    }
}
