package io.github.computecost.cli;

import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.spec.Workload;
import io.github.computecost.spec.WorkloadReader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code estimate FILE}: the monthly cost of a workload file. */
@Command(name = "estimate", mixinStandardHelpOptions = true,
        description = "Estimate the monthly cost of the resources in a workload file (YAML or JSON).")
final class EstimateCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Workload file (.yaml, .yml or .json).")
    Path file;

    @Option(names = "--format", defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--no-free-tier", description = "Apply no free tier (worst case; accounts whose free tier is used elsewhere).")
    boolean noFreeTier;

    @Option(names = "--pricing-data", paramLabel = "DIR", description = "Directory of pricing-data files laid over the bundled ones.")
    Path pricingData;

    @Override
    public Integer call() {
        Workload w = WorkloadReader.read(file);
        PriceBook prices = pricingData == null ? PriceBook.bundled() : PriceBook.withOverrides(pricingData);
        Estimator estimator = Estimator.of(prices).freeTier(w.freeTier() && !noFreeTier);
        if (w.region().isPresent()) {
            estimator = estimator.region(w.region().get());
        }
        Estimate e = estimator.estimate(w.resources());
        var out = spec.commandLine().getOut();
        out.print(format == Format.json ? EstimateJson.render(e) : EstimateText.render(e, file.toString()));
        out.flush();
        return Main.OK;
    }
}
