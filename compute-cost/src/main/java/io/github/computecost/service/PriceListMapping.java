package io.github.computecost.service;

import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which AWS Price List offer feeds one of a service's tables, for {@code import-prices} and {@code update-prices}.
 *
 * @param offerCode the offer's code, as in {@code offers/v1.0/aws/<offerCode>/}, {@code "AWSLambda"}
 * @param table the Price List service code of the table it feeds (one offer may feed several tables)
 * @param global whether AWS publishes one offer file for every location (no region index)
 * @param partial whether the offer lacks some of the table's prices (which an import keeps as bundled, each with
 *     its own sources, rather than leaving the region incomplete)
 * @param product which products of the offer to keep, by their normalised attributes ({@code operation},
 *     {@code tenancy}, ...); checked as the offer is read
 */
public record PriceListMapping(String offerCode, String table, boolean global, boolean partial,
        Predicate<Map<String, String>> product) {

    /**
     * Checks the components.
     *
     * @param offerCode the offer's code, as in {@code offers/v1.0/aws/<offerCode>/}, {@code "AWSLambda"}
     * @param table the Price List service code of the table it feeds (one offer may feed several tables)
     * @param global whether AWS publishes one offer file for every location (no region index)
     * @param partial whether the offer lacks some of the table's prices (which an import keeps as bundled, each with
     *     its own sources, rather than leaving the region incomplete)
     * @param product which products of the offer to keep, by their normalised attributes ({@code operation}, {@code
     *     tenancy}, ...); checked as the offer is read
     */
    public PriceListMapping {
        Objects.requireNonNull(offerCode, "offerCode");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(product, "product");
    }

    /**
     * @param offerCode the Price List offer code, {@code "AWSLambda"}
     * @param table the price table it feeds
     * @return a regional offer that feeds {@code table} with every product it has
     */
    public static PriceListMapping of(String offerCode, String table) {
        return new PriceListMapping(offerCode, table, false, false, attributes -> true);
    }
}
