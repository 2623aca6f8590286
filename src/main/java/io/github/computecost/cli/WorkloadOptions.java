package io.github.computecost.cli;

import io.github.computecost.pricing.PriceBook;
import io.github.computecost.spec.Workload;
import io.github.computecost.spec.WorkloadReader;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The arguments every command that reads one workload file shares. */
final class WorkloadOptions {

    @Parameters(index = "0", paramLabel = "FILE", description = "Workload file (.yaml, .yml or .json).")
    Path file;

    @Mixin
    PricingOptions pricing;

    Workload workload() {
        return WorkloadReader.read(file);
    }

    PriceBook prices() {
        return pricing.prices();
    }
}
