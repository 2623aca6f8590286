package io.github.computecost.pricing;

import java.util.SortedSet;

/**
 * A region for which the price book has no prices for a service. The message lists the regions it has and
 * says how to add others.
 */
public final class UnknownRegionException extends io.github.computecost.ComputeCostException {

    /** The region code asked for. */
    private final String region;

    UnknownRegionException(String service, String region, SortedSet<String> known, String hint) {
        super("no " + service + " prices for region \"" + io.github.computecost.internal.Json.excerpt(region) + "\" (priced regions: " + String.join(", ", known)
                + ")" + (hint.isEmpty() ? "" : "; " + hint));
        this.region = region;
    }

    /** @return the region asked for */
    public String region() {
        return region;
    }
}
