package io.github.computecost.cli;

import io.github.computecost.pricing.PriceBook;
import io.github.computecost.spec.Workload;
import io.github.computecost.spec.WorkloadReader;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The arguments every command that reads a workload file shares. */
final class WorkloadOptions {

    /** Output formats. */
    enum Format { text, json }

    @Parameters(index = "0", paramLabel = "FILE", description = "Workload file (.yaml, .yml or .json).")
    Path file;

    @Option(names = "--format", defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--no-free-tier", description = "Apply no free tier (worst case; accounts whose free tier is used elsewhere).")
    boolean noFreeTier;

    @Option(names = "--pricing-data", paramLabel = "DIR", description = "Directory of pricing-data files laid over the bundled ones.")
    Path pricingData;

    Workload workload() {
        return WorkloadReader.read(file);
    }

    PriceBook prices() {
        return pricingData == null ? PriceBook.bundled() : PriceBook.withOverrides(pricingData);
    }

    boolean freeTier(Workload w) {
        return w.freeTier() && !noFreeTier;
    }
}
