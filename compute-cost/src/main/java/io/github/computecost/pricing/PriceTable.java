package io.github.computecost.pricing;

import io.github.computecost.money.Amounts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The price of one AWS usage type in one region: its unit and its volume tiers.
 *
 * @param usageType AWS's usage type as it appears in the Price List and in bills, with the region prefix
 *     ({@code "EU-Lambda-GB-Second-ARM"}; us-east-1 Lambda usage types have none)
 * @param baseUsageType the usage type without region prefix ({@code "Lambda-GB-Second-ARM"})
 * @param unit the billing unit ({@code "GB-Seconds"}, {@code "Requests"})
 * @param description a short human description ({@code "Duration (arm64)"})
 * @param tiers tiers starting at zero, abutting; one tier for a flat price. The last is open unless no source
 *     gives a price beyond it: then quantities past its {@code toExclusive} have no price (see
 *     {@link #pricedUpTo()}) and are refused, never priced at the last known rate
 */
public record PriceTable(String usageType, String baseUsageType, String unit, String description, List<Tier> tiers) {

    /**
     * Checks the components and keeps immutable copies of its collections.
     *
     * @param usageType AWS's usage type as it appears in the Price List and in bills, with the region prefix ({@code
     *     "EU-Lambda-GB-Second-ARM"}; us-east-1 Lambda usage types have none)
     * @param baseUsageType the usage type without region prefix ({@code "Lambda-GB-Second-ARM"})
     * @param unit the billing unit ({@code "GB-Seconds"}, {@code "Requests"})
     * @param description a short human description ({@code "Duration (arm64)"})
     * @param tiers tiers starting at zero, abutting; one tier for a flat price. The last is open unless no source gives
     *     a price beyond it: then quantities past its {@code toExclusive} have no price (see {@link #pricedUpTo()}) and
     *     are refused, never priced at the last known rate
     */
    public PriceTable {
        Objects.requireNonNull(usageType, "usageType");
        Objects.requireNonNull(baseUsageType, "baseUsageType");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(description, "description");
        tiers = List.copyOf(tiers);
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("tiers must not be empty for " + usageType);
        }
        if (tiers.get(0).fromInclusive().signum() != 0) {
            throw new IllegalArgumentException("tiers must start at 0 for " + usageType + ": "
                    + tiers.get(0).fromInclusive().toPlainString());
        }
        for (int i = 0; i + 1 < tiers.size(); i++) {
            BigDecimal end = tiers.get(i).toExclusive().orElseThrow(() -> new IllegalArgumentException(
                    "only the last tier may be open for " + usageType));
            if (end.compareTo(tiers.get(i + 1).fromInclusive()) != 0) {
                throw new IllegalArgumentException("tiers must abut for " + usageType + ": tier ends at "
                        + end.toPlainString() + ", next starts at " + tiers.get(i + 1).fromInclusive().toPlainString());
            }
        }
    }

    /** @return the first unit without a price, when the last tier is bounded; empty when every quantity has one */
    public Optional<BigDecimal> pricedUpTo() {
        return tiers.get(tiers.size() - 1).toExclusive();
    }

    /** The part of a quantity range that falls in one tier. */
    public record Slice(int tierIndex, Tier tier, BigDecimal quantity) {
        /** @return {@code quantity × unitPrice}, exact */
        public BigDecimal cost() {
            return quantity.multiply(tier.unitPrice());
        }
    }

    /**
     * Splits the half-open range {@code [from, to)} of the month's aggregate quantity across the tiers.
     *
     * @param from first unit, at least zero
     * @param to first unit past the range, at least {@code from}
     * @return the non-empty slices in tier order; empty when {@code from == to}. Units past
     *     {@link #pricedUpTo()} fall in no slice: check it first
     */
    public List<Slice> slices(BigDecimal from, BigDecimal to) {
        if (from.signum() < 0 || to.compareTo(from) < 0) {
            throw new IllegalArgumentException("range must satisfy 0 <= from <= to: [" + from.toPlainString()
                    + ", " + to.toPlainString() + ")");
        }
        List<Slice> out = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            Tier t = tiers.get(i);
            BigDecimal lo = from.max(t.fromInclusive());
            BigDecimal hi = t.toExclusive().map(to::min).orElse(to);
            if (hi.compareTo(lo) > 0) {
                out.add(new Slice(i, t, hi.subtract(lo)));
            }
        }
        return out;
    }

    /**
     * The exact cost of the range {@code [from, to)} of the month's aggregate quantity.
     *
     * @param from the range's start, in the table's unit, at least 0
     * @param to the range's end, at least {@code from}
     * @return the cost, exact
     * @see #slices
     */
    public BigDecimal cost(BigDecimal from, BigDecimal to) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Slice s : slices(from, to)) {
            sum = sum.add(s.cost());
        }
        return sum;
    }

    /** @return whether the table has more than one tier */
    public boolean isTiered() {
        return tiers.size() > 1;
    }

    /**
     * A short label for a tier in the words of AWS's pricing page: {@code "first 6B"}, {@code "next 9B"},
     * {@code "over 15B"}; empty for a table with a single tier.
     *
     * @param tierIndex the tier's place, from 0
     * @return the label
     */
    public String tierLabel(int tierIndex) {
        if (!isTiered()) {
            return "";
        }
        Tier t = tiers.get(tierIndex);
        if (tierIndex == 0) {
            return "first " + shortNumber(t.toExclusive().orElseThrow());
        }
        if (t.isOpen()) {
            return "over " + shortNumber(t.fromInclusive());
        }
        return "next " + shortNumber(t.toExclusive().orElseThrow().subtract(t.fromInclusive()));
    }

    private static String shortNumber(BigDecimal n) {
        if (n.compareTo(BigDecimal.valueOf(1_000_000_000L)) >= 0) {
            return Amounts.plain(n.movePointLeft(9)) + "B";
        }
        if (n.compareTo(BigDecimal.valueOf(1_000_000L)) >= 0) {
            return Amounts.plain(n.movePointLeft(6)) + "M";
        }
        return Amounts.plain(n);
    }
}
