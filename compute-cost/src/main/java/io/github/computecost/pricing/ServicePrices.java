package io.github.computecost.pricing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One service's pricing-data file: prices per region, free tier, billing rules and limits, with sources.
 *
 * @param service AWS Price List service code, {@code "AWSLambda"}
 * @param title human name
 * @param file the file or bundled resource it was read from
 * @param dataVersion the version of this table (the date its inputs were last changed)
 * @param currency ISO 4217 code of every price in it
 * @param sources sources by id
 * @param rules the rules derived prices are computed by, by id, possibly empty
 * @param freeTier the always-free allowances
 * @param billingRules billing figures by name
 * @param limits limits by setting name
 * @param allowedValues enumerated restrictions (event types, runtimes, ...) by name
 * @param catalog named entries with attributes (EC2 instance types, Lightsail bundles, ...), possibly empty
 * @param regions prices by region code
 */
public record ServicePrices(String service, String title, String file, String dataVersion, String currency,
        Map<String, Source> sources, Map<String, DerivationRule> rules, List<FreeTierAllowance> freeTier,
        Map<String, BillingRule> billingRules, Map<String, Limit> limits, Map<String, AllowedValues> allowedValues,
        Map<String, Map<String, String>> catalog, Map<String, RegionPrices> regions) {

    /**
     * Checks the components and keeps immutable copies of its collections.
     *
     * @param service AWS Price List service code, {@code "AWSLambda"}
     * @param title human name
     * @param file the file or bundled resource it was read from
     * @param dataVersion the version of this table (the date its inputs were last changed)
     * @param currency ISO 4217 code of every price in it
     * @param sources sources by id
     * @param rules the rules derived prices are computed by, by id, possibly empty
     * @param freeTier the always-free allowances
     * @param billingRules billing figures by name
     * @param limits limits by setting name
     * @param allowedValues enumerated restrictions (event types, runtimes, ...) by name
     * @param catalog named entries with attributes (EC2 instance types, Lightsail bundles, ...), possibly empty
     * @param regions prices by region code
     */
    public ServicePrices {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(dataVersion, "dataVersion");
        Objects.requireNonNull(currency, "currency");
        sources = Map.copyOf(sources);
        rules = Map.copyOf(rules);
        freeTier = List.copyOf(freeTier);
        billingRules = Map.copyOf(billingRules);
        limits = Map.copyOf(limits);
        allowedValues = Map.copyOf(allowedValues);
        Map<String, Map<String, String>> copy = new java.util.LinkedHashMap<>();
        catalog.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        catalog = java.util.Collections.unmodifiableMap(copy);
        regions = Map.copyOf(regions);
    }

    /**
     * @param code a region code
     * @return the region's prices
     * @throws UnknownRegionException if the table has no prices for it
     */
    public RegionPrices region(String code) {
        RegionPrices r = regions.get(code);
        if (r == null) {
            throw unknownRegion(code);
        }
        return r;
    }

    /**
     * @param code a region code the table does not price
     * @return the error that says so, naming the regions it does price
     */
    public UnknownRegionException unknownRegion(String code) {
        String hint = code.startsWith("cn-") && !regions.keySet().stream().anyMatch(k -> k.startsWith("cn-"))
                ? "China regions are priced in CNY in their own price book: PriceBook.bundledForRegion(\"" + code
                        + "\")"
                : "";
        return new UnknownRegionException(service, code, regionCodes(), hint);
    }

    /**
     * @param region a region code
     * @return the oldest and newest {@link Provenance#asOf()} of the prices of one region, or empty if the table does
     *     not price it
     */
    public java.util.Optional<PriceDates> priceDates(String region) {
        RegionPrices r = regions.get(region);
        java.util.Optional<PriceDates> out = java.util.Optional.empty();
        if (r == null) {
            return out;
        }
        for (PriceTable t : r.tables().values()) {
            for (Tier tier : t.tiers()) {
                LocalDate d = tier.provenance().asOf();
                out = java.util.Optional.of(out.map(p -> p.including(d)).orElse(PriceDates.of(d)));
            }
        }
        return out;
    }

    /** @return the oldest and newest {@link Provenance#asOf()} of every price in the file, or empty if it has none */
    public java.util.Optional<PriceDates> priceDates() {
        java.util.Optional<PriceDates> out = java.util.Optional.empty();
        for (RegionPrices r : regions.values()) {
            for (PriceTable t : r.tables().values()) {
                for (Tier tier : t.tiers()) {
                    LocalDate d = tier.provenance().asOf();
                    out = java.util.Optional.of(out.map(p -> p.including(d)).orElse(PriceDates.of(d)));
                }
            }
        }
        return out;
    }

    /** @return the region codes priced, sorted */
    public SortedSet<String> regionCodes() {
        return new TreeSet<>(regions.keySet());
    }
}
