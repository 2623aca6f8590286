package io.github.computecost.cli;

import io.github.computecost.budget.IncreaseLimit;
import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.EstimateDiff;
import io.github.computecost.report.DiffReport;
import io.github.computecost.spec.Workload;
import io.github.computecost.spec.WorkloadReader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code diff BASE HEAD}: how the monthly cost changes between two workload files. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare the monthly cost of two workload files (for example a pull request's base and head). "
                + "Exit 1 when --fail-on-increase is exceeded.")
final class DiffCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json, markdown }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASE", description = "The earlier workload file.")
    Path base;

    @Parameters(index = "1", paramLabel = "HEAD", description = "The later workload file.")
    Path head;

    @Option(names = "--format", defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--fail-on-increase", paramLabel = "PERCENT%|AMOUNT",
            description = "Fail (exit 1) when the monthly total grows by more than PERCENT% of the base, or by more than AMOUNT.")
    String failOnIncrease;

    @Mixin
    PricingOptions pricing;

    @Override
    public Integer call() {
        IncreaseLimit limit = null;
        if (failOnIncrease != null) {
            try {
                limit = IncreaseLimit.parse(failOnIncrease);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--fail-on-increase: " + e.getMessage());
            }
        }
        Estimate after = estimate(head);
        EstimateDiff d = EstimateDiff.between(estimate(base), after);
        PriceAgeOutput age = PriceAgeOutput.of(after, pricing);
        var out = spec.commandLine().getOut();
        out.print(switch (format) {
            case json -> age.json(DiffReport.json(d));
            case markdown -> DiffReport.markdown(d, base.toString(), head.toString()) + "\n" + age.text();
            case text -> DiffReport.text(d, base.toString(), head.toString()) + "\n" + age.text();
        });
        out.flush();
        if (limit != null && limit.exceededBy(d)) {
            spec.commandLine().getErr().println("compute-cost: monthly cost increase "
                    + io.github.computecost.money.Amounts.money(d.totalDifference()) + " " + d.currency()
                    + d.totalPercentChange().map(p -> " (" + p.toPlainString() + "%)").orElse("")
                    + " exceeds the allowed increase of " + limit);
            return Main.POLICY_FAILURE;
        }
        return Main.OK;
    }

    private Estimate estimate(Path file) {
        Workload w = WorkloadReader.read(file);
        return Hints.estimate(pricing.estimator(w).estimate(w.resources()));
    }
}
