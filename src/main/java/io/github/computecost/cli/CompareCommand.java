package io.github.computecost.cli;

import io.github.computecost.compare.NeutralWorkload;
import io.github.computecost.compare.WorkloadPlanner;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.report.PlanReport;
import io.github.computecost.spec.Workload;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code compare FILE}: every service-neutral workload priced on every option that can run it. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Price every service-neutral workload (type: workload) on Lambda, Fargate, EC2 and Lightsail, "
                + "ranked by monthly cost, with the break-even volume between serverless and always-on.")
final class CompareCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    WorkloadOptions options;

    @Option(names = "--format", defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        Workload w = options.workload();
        PriceBook prices = options.prices();
        WorkloadPlanner planner = WorkloadPlanner.of(prices).freeTier(options.pricing.freeTier(w.freeTier()));
        if (w.region().isPresent()) {
            planner = planner.region(w.region().get());
        }
        List<WorkloadPlanner.Plan> plans = w.resources().stream().filter(r -> r instanceof NeutralWorkload)
                .map(r -> (NeutralWorkload) r).map(planner::plan).toList();
        if (plans.isEmpty()) {
            throw new IllegalArgumentException(options.file + ": no service-neutral workloads (type: workload) to compare");
        }
        var out = spec.commandLine().getOut();
        out.print(format == Format.json ? PlanReport.json(plans, prices.currency())
                : PlanReport.text(plans, prices.currency(), options.file.toString()));
        out.flush();
        return Main.OK;
    }
}
