package io.github.computecost.pricelist;

import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.PriceTable;
import io.github.computecost.pricing.RegionPrices;
import io.github.computecost.pricing.ServicePrices;
import io.github.computecost.pricing.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Which prices changed, appeared or disappeared between two sets of pricing-data tables. */
public final class PriceDiff {

    /** What happened to a price. */
    public enum Kind {
        /** Only in the new tables. */
        ADDED,
        /** Only in the old tables. */
        REMOVED,
        /** In both, with other tiers or prices. */
        CHANGED
    }

    /**
     * One changed row.
     *
     * @param kind added, removed or changed
     * @param service the table's service
     * @param region region code
     * @param usageType the usage type, with its region prefix
     * @param before the old tiers in words, empty when added
     * @param after the new tiers in words, empty when removed
     */
    public record Change(Kind kind, String service, String region, String usageType, String before, String after) {
        /**
         * Checks the components.
         *
         * @param kind added, removed or changed
         * @param service the table's service
         * @param region region code
         * @param usageType the usage type, with its region prefix
         * @param before the old tiers in words, empty when added
         * @param after the new tiers in words, empty when removed
         */
        public Change {
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public String toString() {
            return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + service + " " + region + " " + usageType
                    + (kind == Kind.ADDED ? ": " + after : kind == Kind.REMOVED ? ": " + before : ": " + before + " -> " + after);
        }
    }

    private PriceDiff() {
    }

    /**
     * @param before the price book before
     * @param after the price book after
     * @return every change, by service, region and usage type
     */
    public static List<Change> between(PriceBook before, PriceBook after) {
        List<Change> out = new ArrayList<>();
        TreeSet<String> services = new TreeSet<>(before.services().keySet());
        services.addAll(after.services().keySet());
        for (String s : services) {
            ServicePrices a = before.services().get(s);
            ServicePrices b = after.services().get(s);
            Map<String, RegionPrices> ra = a == null ? Map.of() : a.regions();
            Map<String, RegionPrices> rb = b == null ? Map.of() : b.regions();
            TreeSet<String> regions = new TreeSet<>(ra.keySet());
            regions.addAll(rb.keySet());
            for (String r : regions) {
                Map<String, PriceTable> ta = ra.containsKey(r) ? ra.get(r).tables() : Map.of();
                Map<String, PriceTable> tb = rb.containsKey(r) ? rb.get(r).tables() : Map.of();
                TreeSet<String> types = new TreeSet<>(ta.keySet());
                types.addAll(tb.keySet());
                for (String t : types) {
                    PriceTable x = ta.get(t);
                    PriceTable y = tb.get(t);
                    if (x == null) {
                        out.add(new Change(Kind.ADDED, s, r, y.usageType(), "", words(y)));
                    } else if (y == null) {
                        out.add(new Change(Kind.REMOVED, s, r, x.usageType(), words(x), ""));
                    } else if (!same(x, y)) {
                        out.add(new Change(Kind.CHANGED, s, r, y.usageType(), words(x), words(y)));
                    }
                }
            }
        }
        return out;
    }

    private static boolean same(PriceTable x, PriceTable y) {
        if (x.tiers().size() != y.tiers().size() || !x.usageType().equals(y.usageType())) {
            return false;
        }
        for (int i = 0; i < x.tiers().size(); i++) {
            Tier a = x.tiers().get(i);
            Tier b = y.tiers().get(i);
            if (a.fromInclusive().compareTo(b.fromInclusive()) != 0 || a.unitPrice().compareTo(b.unitPrice()) != 0
                    || a.toExclusive().isPresent() != b.toExclusive().isPresent()
                    || (a.toExclusive().isPresent() && a.toExclusive().get().compareTo(b.toExclusive().get()) != 0)) {
                return false;
            }
        }
        return true;
    }

    private static String words(PriceTable t) {
        List<String> parts = new ArrayList<>();
        for (Tier tier : t.tiers()) {
            parts.add((t.isTiered() ? "from " + tier.fromInclusive().toPlainString() + " " : "")
                    + tier.unitPrice().stripTrailingZeros().toPlainString() + " per " + t.unit());
        }
        return String.join("; ", parts);
    }
}
