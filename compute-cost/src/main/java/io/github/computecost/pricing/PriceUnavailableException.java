package io.github.computecost.pricing;

import java.util.List;

/**
 * An estimate needs prices the price book does not have (see {@link MissingPrice}). Nothing is priced at a
 * guessed rate: the resources that need them are refused. {@link #missing()} lists every one, so a caller
 * can price the others and report these as not priced.
 */
public final class PriceUnavailableException extends io.github.computecost.ComputeCostException {

    private final transient List<MissingPrice> missing;

    /** @param missing what is missing, at least one */
    public PriceUnavailableException(List<MissingPrice> missing) {
        super(String.join("; ", MissingPrice.messages(missing)));
        if (missing.isEmpty()) {
            throw new IllegalArgumentException("missing must not be empty");
        }
        this.missing = List.copyOf(missing);
    }

    /** @return every missing price, each with the resource that needs it where known */
    public List<MissingPrice> missing() {
        return missing;
    }

    /** @return the names of the resources refused, in order, without repeats */
    public List<String> resources() {
        return missing.stream().flatMap(m -> m.resource().stream()).distinct().toList();
    }
}
