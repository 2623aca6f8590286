package io.github.computecost.cli;

import io.github.computecost.compare.EdgeComparer;
import io.github.computecost.compare.EdgeComparison;
import io.github.computecost.report.ComparisonReport;
import io.github.computecost.spec.Workload;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code compare-edge FILE}: Lambda@Edge against CloudFront Functions for every edge function in a file. */
@Command(name = "compare-edge", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Compare Lambda@Edge and CloudFront Functions for every edge function in a workload file: "
                + "monthly cost of each, break-even volume, and whether the function could run as a CloudFront Function.")
final class CompareEdgeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Output formats. */
    enum Format { text, json }

    @Mixin
    WorkloadOptions options;

    @Option(names = "--format", defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        Workload w = options.workload();
        List<EdgeComparison> comparisons = EdgeComparer.of(options.prices()).freeTier(options.pricing.freeTier(w.freeTier()))
                .compareAll(w.resources());
        if (comparisons.isEmpty()) {
            throw new BadInputException(options.name() + ": no lambda-edge or cloudfront-function resources to compare");
        }
        var out = spec.commandLine().getOut();
        PriceAgeOutput age = PriceAgeOutput.of(options.prices(), EdgeComparer.TABLES,
                List.of(io.github.computecost.pricing.RegionPrices.GLOBAL), options.pricing);
        out.print(format == Format.json ? age.json(ComparisonReport.json(comparisons))
                : ComparisonReport.text(comparisons, options.name()) + "\n" + age.text());
        out.flush();
        return Main.OK;
    }
}
