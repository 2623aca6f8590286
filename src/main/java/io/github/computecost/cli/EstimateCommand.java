package io.github.computecost.cli;

import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.spec.Workload;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code estimate FILE}: the monthly cost of a workload file. */
@Command(name = "estimate", mixinStandardHelpOptions = true,
        description = "Estimate the monthly cost of the resources in a workload file (YAML or JSON).")
final class EstimateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkloadOptions options;

    @Override
    public Integer call() {
        Workload w = options.workload();
        Estimator estimator = Estimator.of(options.prices()).freeTier(options.freeTier(w));
        if (w.region().isPresent()) {
            estimator = estimator.region(w.region().get());
        }
        Estimate e = estimator.estimate(w.resources());
        var out = spec.commandLine().getOut();
        out.print(options.format == WorkloadOptions.Format.json ? EstimateJson.render(e)
                : EstimateText.render(e, options.file.toString()));
        out.flush();
        return Main.OK;
    }
}
