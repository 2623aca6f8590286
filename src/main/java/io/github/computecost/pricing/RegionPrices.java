package io.github.computecost.pricing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One service's prices in one region.
 *
 * @param code region code, {@code "eu-west-1"}
 * @param name AWS's name, {@code "Europe (Ireland)"}
 * @param usageTypePrefix the prefix of the region's usage types for this service ({@code "EU-"}; empty
 *     for Lambda in us-east-1)
 * @param confirmed whether every figure was confirmed against an AWS source
 * @param checked when the figures were last checked
 * @param note what was confirmed and how, possibly empty
 * @param sources ids of the file's sources
 * @param tables price tables by base usage type (without prefix)
 */
public record RegionPrices(String code, String name, String usageTypePrefix, boolean confirmed, LocalDate checked,
        Optional<String> note, List<String> sources, Map<String, PriceTable> tables) {
    /** The region code of services priced once for every location (CloudFront, Lambda@Edge). */
    public static final String GLOBAL = "global";

    public RegionPrices {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(usageTypePrefix, "usageTypePrefix");
        Objects.requireNonNull(checked, "checked");
        Objects.requireNonNull(note, "note");
        sources = List.copyOf(sources);
        tables = Map.copyOf(tables);
    }

    /**
     * @param baseUsageType usage type without region prefix
     * @return its price table
     * @throws IllegalArgumentException if the region has no such table (loading guarantees every region
     *     has every usage type of its service, so this is a caller error)
     */
    public PriceTable table(String baseUsageType) {
        PriceTable t = tables.get(baseUsageType);
        if (t == null) {
            throw new IllegalArgumentException("no price for usage type " + baseUsageType + " in " + code);
        }
        return t;
    }
}
