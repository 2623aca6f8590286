package io.github.computecost.pricelist;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One on-demand price dimension of an offer file.
 *
 * @param sku the product's SKU
 * @param attributes the product's attributes ({@code usagetype}, {@code location}, {@code regionCode},
 *     {@code operation}, ...), with keys in lower case
 * @param unit the unit ({@code Requests}, {@code Lambda-GB-Second}, {@code Hrs}, ...)
 * @param beginRange the tier's first unit
 * @param endRange the tier's first unit past it, empty for {@code Inf}
 * @param priceUsd the price per unit, exactly as written in the file
 */
public record OfferRow(String sku, Map<String, String> attributes, String unit, BigDecimal beginRange,
        Optional<BigDecimal> endRange, BigDecimal priceUsd) {
    /**
     * Checks the components and keeps immutable copies of its collections.
     *
     * @param sku the product's SKU
     * @param attributes the product's attributes ({@code usagetype}, {@code location}, {@code regionCode}, {@code
     *     operation}, ...), with keys in lower case
     * @param unit the unit ({@code Requests}, {@code Lambda-GB-Second}, {@code Hrs}, ...)
     * @param beginRange the tier's first unit
     * @param endRange the tier's first unit past it, empty for {@code Inf}
     * @param priceUsd the price per unit, exactly as written in the file
     */
    public OfferRow {
        Objects.requireNonNull(sku, "sku");
        attributes = Map.copyOf(attributes);
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(beginRange, "beginRange");
        Objects.requireNonNull(endRange, "endRange");
        Objects.requireNonNull(priceUsd, "priceUsd");
    }

    /**
     * @param name the attribute's name, as the offer file spells it ({@code "instanceType"})
     * @return an attribute, or empty text
     */
    public String attribute(String name) {
        return attributes.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), "");
    }
}
