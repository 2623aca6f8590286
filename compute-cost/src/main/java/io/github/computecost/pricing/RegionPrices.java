package io.github.computecost.pricing;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One service's prices in one region. A usage type that no source gives for the region is absent, and
 * {@link #table(String)} refuses it: the price book never copies another region's price.
 *
 * @param service the table's service, {@code "AWSLambda"}
 * @param code region code, {@code "eu-west-1"}
 * @param name AWS's name, {@code "Europe (Ireland)"}
 * @param usageTypePrefix the prefix of the region's usage types for this service ({@code "EU-"}; empty
 *     for Lambda and EC2 in us-east-1)
 * @param note what the sources say of the region's prices and their gaps, possibly empty
 * @param sources ids of the file's sources for the region's name and usage-type prefix
 * @param tables price tables by base usage type (without prefix); only those with a source
 * @param dataVersion the data version of the file the region's prices were read from (a user's override of some
 *     regions leaves the others at the bundled file's version)
 */
public record RegionPrices(String service, String code, String name, String usageTypePrefix, Optional<String> note,
        List<String> sources, Map<String, PriceTable> tables, String dataVersion) {
    /** The region code of services priced once for every location (CloudFront, Lambda@Edge). */
    public static final String GLOBAL = "global";

    /**
     * Checks the components and keeps immutable copies of its collections.
     *
     * @param service the table's service, {@code "AWSLambda"}
     * @param code region code, {@code "eu-west-1"}
     * @param name AWS's name, {@code "Europe (Ireland)"}
     * @param usageTypePrefix the prefix of the region's usage types for this service ({@code "EU-"}; empty for Lambda
     *     and EC2 in us-east-1)
     * @param note what the sources say of the region's prices and their gaps, possibly empty
     * @param sources ids of the file's sources for the region's name and usage-type prefix
     * @param tables price tables by base usage type (without prefix); only those with a source
     * @param dataVersion the data version of the file the region's prices were read from (a user's override of some
     *     regions leaves the others at the bundled file's version)
     */
    public RegionPrices {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(usageTypePrefix, "usageTypePrefix");
        Objects.requireNonNull(note, "note");
        sources = List.copyOf(sources);
        tables = Map.copyOf(tables);
        Objects.requireNonNull(dataVersion, "dataVersion");
    }

    /**
     * @param baseUsageType usage type without region prefix
     * @return its price table
     * @throws PriceUnavailableException if no source gives the region a price for it
     */
    public PriceTable table(String baseUsageType) {
        PriceTable t = tables.get(baseUsageType);
        if (t == null) {
            throw new PriceUnavailableException(List.of(new MissingPrice(Optional.empty(), service, code,
                    usageTypePrefix + baseUsageType)));
        }
        return t;
    }

    /**
     * @param baseUsageType the usage type without its region prefix, {@code "Lambda-GB-Second"}
     * @return the usage type's table, or empty when the region has no price for it
     */
    public Optional<PriceTable> find(String baseUsageType) {
        return Optional.ofNullable(tables.get(baseUsageType));
    }

    /** @return how many of the region's tiers are confirmed and how many derived: {@code [confirmed, derived]} */
    public int[] counts() {
        int[] n = new int[2];
        for (PriceTable t : tables.values()) {
            for (Tier tier : t.tiers()) {
                n[tier.provenance().isDerived() ? 1 : 0]++;
            }
        }
        return n;
    }
}
