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
            + "ties to the faster), speed (the fastest), balanced (the least cost × duration); default ${DEFAULT-VALUE}.")
    String strategy;

    @Option(names = "--tolerance", paramLabel = "PERCENT", defaultValue = "1",
            description = "List the sizes within PERCENT %% of the cheapest cost (default ${DEFAULT-VALUE}).")
    java.math.BigDecimal tolerance;

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
        String region = w.region().orElse(Estimator.DEFAULT_REGION);
        MemoryTuning.Strategy chosen;
        try {
            chosen = MemoryTuning.Strategy.valueOf(strategy.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--strategy must be cost, speed or balanced, was \"" + strategy + "\"");
        }
        if (tolerance.signum() < 0) {
            throw new BadInputException("--tolerance must be 0 or more percent, was " + tolerance.toPlainString());
        }
        List<MemoryTuning.Result> results = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (MemoryTuning t : tunings) {
            MemoryTuning.Result r = t.tune(prices, region, stepMb, tolerance);
            results.add(r);
            text.append(TuningReport.text(t, r, prices.currency(), chosen));
            charts.write(t.name() + "-cost.svg", Charts.tuningCost(t, r, prices.currency()));
            charts.write(t.name() + "-duration.svg", Charts.tuningDuration(t, r));
        }
        var out = spec.commandLine().getOut();
        PriceAgeOutput age = PriceAgeOutput.of(prices, List.of(MemoryTuning.TABLE), List.of(region), options.pricing);
        out.print(format == Format.json ? age.json(TuningReport.json(tunings, results, prices.currency()))
                : text + "\n" + age.text());
        out.flush();
        return Main.OK;
    }
}
