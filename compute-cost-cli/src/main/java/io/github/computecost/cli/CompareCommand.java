package io.github.computecost.cli;

import io.github.computecost.compare.MonteCarlo;
import io.github.computecost.compare.WorkloadPlanner;
import io.github.computecost.estimate.Services;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.report.Charts;
import io.github.computecost.report.PlanReport;
import io.github.computecost.service.Service;
import io.github.computecost.spec.Workload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code compare FILE}: every service-neutral workload priced on every option that can run it. */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Price every service-neutral workload (type: workload) on Lambda, Fargate, EC2 and Lightsail, "
                + "ranked by monthly cost, with the break-even volume between serverless and always-on.")
final class CompareCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json, markdown }

    @Spec
    CommandSpec spec;

    @Mixin
    WorkloadOptions options;

    @Option(names = "--format", defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--seed", defaultValue = "42", description = "Monte Carlo seed (default ${DEFAULT-VALUE}): same seed, same result.")
    long seed;

    @Option(names = "--trials", defaultValue = "1000", description = "Monte Carlo months to simulate, 1 to 100000 (default ${DEFAULT-VALUE}).")
    int trials;

    /** The most simulated months: each holds 1,000 invocations priced exactly. */
    static final int MAX_TRIALS = 100_000;

    @Mixin
    ChartOptions charts;

    @Override
    public Integer call() {
        if (trials < 1 || trials > MAX_TRIALS) {
            throw new BadInputException("--trials must be between 1 and " + MAX_TRIALS + ", was " + trials);
        }
        Workload w = options.workload();
        PriceBook prices = options.prices();
        WorkloadPlanner planner = WorkloadPlanner.of(prices).freeTier(options.pricing.freeTier(w.freeTier()));
        if (w.region().isPresent()) {
            planner = planner.region(w.region().get());
        }
        List<WorkloadPlanner.Plan> plans = w.plans().stream().map(planner::plan).toList();
        if (plans.isEmpty()) {
            throw new BadInputException(options.name() + ": no service-neutral workloads (type: workload) to compare");
        }
        Map<String, List<MonteCarlo.Percentiles>> percentiles = new LinkedHashMap<>();
        for (WorkloadPlanner.Plan p : plans) {
            if (p.workload().uncertainty().any()) {
                percentiles.put(p.workload().name(), MonteCarlo.run(p.workload(), p, prices, planner.freeTierOn(),
                        planner.defaultRegion(), seed, trials));
            }
            long max = Math.max(1000, Math.max(2 * p.workload().requestsPerMonth(),
                    p.breakEven().map(b -> b.requestsPerMonth() * 3 / 2).orElse(0L)));
            if (charts.dir != null) {
                List<WorkloadPlanner.CostCurve> curves = planner.costByVolume(p, max, 40);
                List<MonteCarlo.Percentiles> pct = percentiles.getOrDefault(p.workload().name(), List.of());
                charts.write(p.workload().name(), Charts.costByVolume(p, curves, prices.currency(), pct),
                        io.github.computecost.report.VegaLite.costByVolume(p, curves, prices.currency(), pct));
            }
        }
        java.util.Set<String> regions = new java.util.TreeSet<>();
        String fallback = planner.defaultRegion();
        plans.forEach(p -> regions.add(p.workload().region().orElse(fallback)));
        PriceAgeOutput age = PriceAgeOutput.of(prices, Services.all().stream().filter(s -> s.sizing().isPresent())
                .map(Service::mainTable).toList(), regions, options.pricing);
        var out = spec.commandLine().getOut();
        out.print(switch (format) {
            case json -> age.json(PlanReport.json(plans, percentiles, prices.currency()));
            case markdown -> PlanReport.markdown(plans, percentiles, prices.currency()) + "\n" + age.text();
            case text -> PlanReport.text(plans, percentiles, prices.currency(), options.name()) + "\n"
                    + age.text();
        });
        out.flush();
        return Main.OK;
    }
}
