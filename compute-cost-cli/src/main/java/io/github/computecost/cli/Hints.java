package io.github.computecost.cli;

import io.github.computecost.ComputeCostException;
import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.limits.Violation;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.PriceUnavailableException;
import io.github.computecost.pricing.ServiceNotPricedException;
import io.github.computecost.pricing.UnknownRegionException;

/**
 * What the command line adds to the library's messages: the library states facts (no price for this region),
 * and only the command line knows which of its flags would help. Stateless.
 */
final class Hints {

    /** Said after a missing price: how a user gives one. */
    static final String MISSING_PRICE = "add it with --pricing-data DIR (a table in the pricing-data format), or build "
            + "one from AWS's Price List with update-prices or import-prices";
    /** Said after a region a table does not price: how a user prices it. */
    static final String UNPRICED_REGION = "to price it, give a table for it with --pricing-data DIR, or build one "
            + "from AWS's Price List with update-prices";
    /** Said after a stale-price warning. */
    static final String STALE = "refresh them from AWS's Price List with update-prices and pass the directory with "
            + "--pricing-data DIR";

    private Hints() {
    }

    /**
     * @return one line per resource not priced, each with the flag that would price it: the observed prices to bring
     *     when every price it lacks is of a table made from them (EC2 Spot), else {@link #MISSING_PRICE}
     */
    static java.util.List<String> missingPrices(java.util.List<io.github.computecost.pricing.MissingPrice> missing) {
        java.util.Map<java.util.Optional<String>, java.util.List<io.github.computecost.pricing.MissingPrice>> byResource =
                new java.util.LinkedHashMap<>();
        missing.forEach(m -> byResource.computeIfAbsent(m.resource(), k -> new java.util.ArrayList<>()).add(m));
        java.util.List<String> out = new java.util.ArrayList<>();
        for (var group : byResource.values()) {
            String m = io.github.computecost.pricing.MissingPrice.messages(group).get(0);
            var observed = group.stream().map(x -> io.github.computecost.estimate.Services.observedPricesFor(
                    x.service())).distinct().toList();
            out.add(observed.size() == 1 && observed.get(0).isPresent()
                    ? m + "; no source gives these prices: give " + observed.get(0).get().describe()
                            + " with --spot-prices FILE"
                    : m + "; " + MISSING_PRICE);
        }
        return out;
    }

    /** @return the exception's message, with the flags that would help where there are some */
    static String message(ComputeCostException e) {
        String m = e.getMessage();
        if (e instanceof UnknownRegionException u) {
            return PriceBook.isChina(u.region())
                    ? m + " (the command line picks the aws-cn price book when every resource runs in China; or pass "
                            + "--price-book aws-cn)"
                    : m + "; " + UNPRICED_REGION;
        }
        if (e instanceof PriceUnavailableException) {
            return m + "; " + MISSING_PRICE;
        }
        if (e instanceof ServiceNotPricedException) {
            return m + "; give a table for it with --pricing-data DIR (see pricing-data/README.md)";
        }
        return m;
    }

    /** @return a violation's message, with the flags that would help where there are some */
    static String violation(Violation v) {
        String m = v.message();
        if (!v.field().isEmpty() && !m.contains(v.field())) {
            m = m + " (field " + v.field() + ")"; // every line names the field
        }
        return switch (v.code()) {
            case "region.unknown" -> m + "; " + UNPRICED_REGION;
            case "ec2.price.missing" -> m + "; " + MISSING_PRICE;
            default -> m;
        };
    }

    /** @return a warning with the command line's advice added where it has some */
    static String warning(String w) {
        return w.startsWith(Estimator.STALE_PRICES) ? w + "; " + STALE : w;
    }

    /** @return the estimate with the command line's advice added to its warnings */
    static Estimate estimate(Estimate e) {
        Estimate out = e.withoutWarnings();
        for (String w : e.warnings()) {
            out = out.withWarning(warning(w));
        }
        return out;
    }
}
