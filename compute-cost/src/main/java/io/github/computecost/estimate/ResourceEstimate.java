package io.github.computecost.estimate;

import io.github.computecost.money.Amounts;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.money.MonetaryAmount;

/**
 * One resource's monthly cost.
 *
 * @param name resource name
 * @param type workload type, {@code "lambda"}
 * @param region region code
 * @param currency ISO 4217 code
 * @param lineItems line items, one per usage type and tier in use, free-tier lines included
 * @param notes assumptions made while metering, possibly empty
 * @param tags the resource's tags as its input states them (a workload file's {@code tags}, a template's
 *     {@code Tags}, a plan's {@code tags_all}), sorted by key; empty when it has none
 */
public record ResourceEstimate(String name, String type, String region, String currency, List<LineItem> lineItems,
        List<String> notes, Map<String, String> tags) {

    /**
     * A resource estimate without tags.
     *
     * @param name resource name
     * @param type workload type, {@code "lambda"}
     * @param region region code
     * @param currency ISO 4217 code
     * @param lineItems line items, one per usage type and tier in use, free-tier lines included
     * @param notes assumptions made while metering, possibly empty
     */
    public ResourceEstimate(String name, String type, String region, String currency, List<LineItem> lineItems,
            List<String> notes) {
        this(name, type, region, currency, lineItems, notes, Map.of());
    }

    /**
     * Checks the components and keeps immutable copies of its collections.
     *
     * @param name resource name
     * @param type workload type, {@code "lambda"}
     * @param region region code
     * @param currency ISO 4217 code
     * @param lineItems line items, one per usage type and tier in use, free-tier lines included
     * @param notes assumptions made while metering, possibly empty
     * @param tags the resource's tags as its input states them (a workload file's {@code tags}, a template's {@code
     *     Tags}, a plan's {@code tags_all}), sorted by key; empty when it has none
     */
    public ResourceEstimate {
        tags = tags.isEmpty() ? Map.of() : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(tags));
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(currency, "currency");
        lineItems = List.copyOf(lineItems);
        notes = List.copyOf(notes);
    }

    /**
     * @param newTags the resource's tags
     * @return this estimate with those tags in place of its own
     */
    public ResourceEstimate withTags(Map<String, String> newTags) {
        return new ResourceEstimate(name, type, region, currency, lineItems, notes, newTags);
    }

    /** @return the exact monthly cost: the sum of the line items, unrounded, without trailing zeros */
    public BigDecimal monthlyCostExact() {
        BigDecimal sum = BigDecimal.ZERO;
        for (LineItem li : lineItems) {
            sum = sum.add(li.cost());
        }
        return Amounts.exact(sum);
    }

    /** @return the monthly cost rounded to cents, half up (presentation only) */
    public BigDecimal monthlyCostRounded() {
        return Amounts.toCents(monthlyCostExact());
    }

    /** @return the exact monthly cost as a JSR-354 amount */
    public MonetaryAmount monthlyCost() {
        return Amounts.toMonetary(monthlyCostExact(), currency);
    }
}
