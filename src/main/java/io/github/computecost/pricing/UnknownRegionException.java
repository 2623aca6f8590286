package io.github.computecost.pricing;

import java.util.SortedSet;

/** A region for which the price book has no prices for a service. The message lists the regions it has. */
public final class UnknownRegionException extends IllegalArgumentException {

    private final String region;

    UnknownRegionException(String service, String region, SortedSet<String> known) {
        super("unknown region \"" + region + "\" for " + service + " (priced regions: " + String.join(", ", known) + ")");
        this.region = region;
    }

    /** @return the region asked for */
    public String region() {
        return region;
    }
}
