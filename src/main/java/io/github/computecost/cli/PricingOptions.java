package io.github.computecost.cli;

import io.github.computecost.estimate.Estimator;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.spec.Workload;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The pricing options every pricing command shares. */
final class PricingOptions {

    @Option(names = "--no-free-tier", description = "Apply no free tier (worst case; accounts whose free tier is used elsewhere).")
    boolean noFreeTier;

    @Option(names = "--pricing-data", paramLabel = "DIR", description = "Directory of pricing-data files laid over the bundled ones.")
    Path pricingData;

    PriceBook prices() {
        return pricingData == null ? PriceBook.bundled() : PriceBook.withOverrides(pricingData);
    }

    /** @return whether to apply the free tier to a file that asks for it or not */
    boolean freeTier(boolean fileAsks) {
        return fileAsks && !noFreeTier;
    }

    /** @return the workload's estimator on these prices, with --no-free-tier applied */
    Estimator estimator(Workload w) {
        Estimator e = w.estimator(prices());
        return noFreeTier ? e.withoutFreeTier() : e;
    }
}
