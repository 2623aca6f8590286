package io.github.computecost.estimate;

import io.github.computecost.pricing.FreeTierAllowance;
import io.github.computecost.pricing.MissingPrice;
import io.github.computecost.pricing.PriceDates;
import io.github.computecost.pricing.PriceUnavailableException;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.PriceTable;
import io.github.computecost.pricing.RegionPrices;
import io.github.computecost.pricing.ServicePrices;
import io.github.computecost.service.MeteredResource;
import io.github.computecost.service.UsageRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Rates metered usage against a {@link PriceBook}: free tier once per account, volume tiers on each
 * group's aggregate, exact attribution back to resources. See the package description for the allocation
 * policy.
 *
 * <p>Immutable and thread-safe.
 */
public final class RatingEngine {

    private final PriceBook prices;

    private RatingEngine(PriceBook prices) {
        this.prices = prices;
    }

    /** @return an engine rating against {@code prices} */
    public static RatingEngine of(PriceBook prices) {
        return new RatingEngine(Objects.requireNonNull(prices, "prices"));
    }

    /** One resource's merged usage of one usage type, with its place on the group's axis. */
    private static final class Entry {
        final int resource;
        final String baseUsageType;
        final boolean eligible;
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal free = BigDecimal.ZERO;
        List<LineItem> lines = List.of();

        Entry(int resource, String baseUsageType, boolean eligible) {
            this.resource = resource;
            this.baseUsageType = baseUsageType;
            this.eligible = eligible;
        }
    }

    private record GroupKey(String service, String region, String baseUsageType) {
    }

    /**
     * Rates a month of usage for one account.
     *
     * @param resources metered resources, names unique, in workload order
     * @param freeTier whether to apply the account's free-tier allowances
     * @param pricedOn the day of the estimate, to which the ages of its prices are counted
     * @return the estimate, resources in the given order
     * @throws IllegalArgumentException if two resources share a name
     * @throws PriceUnavailableException if a resource uses a usage type the price book has no price for in its
     *     region; it lists every such resource and usage type
     */
    public Estimate rate(List<MeteredResource> resources, boolean freeTier, LocalDate pricedOn) {
        Set<String> names = new HashSet<>();
        for (MeteredResource r : resources) {
            if (!names.add(r.name())) {
                throw new IllegalArgumentException("resource names must be unique: " + r.name() + " appears twice");
            }
        }

        // Merge each resource's records per (usage type, eligibility), keeping first-seen order.
        List<List<Entry>> perResource = new ArrayList<>();
        for (int i = 0; i < resources.size(); i++) {
            // A resource has a handful of usage types: a linear search beats a map (this runs per resource of a
            // whole bill when rate-usage rates one).
            List<Entry> merged = new ArrayList<>(4);
            for (UsageRecord u : resources.get(i).usage()) {
                Entry e = null;
                for (Entry m : merged) {
                    if (m.eligible == u.freeTierEligible() && m.baseUsageType.equals(u.baseUsageType())) {
                        e = m;
                        break;
                    }
                }
                if (e == null) {
                    e = new Entry(i, u.baseUsageType(), u.freeTierEligible());
                    merged.add(e);
                }
                e.quantity = e.quantity.add(u.quantity());
            }
            perResource.add(merged);
        }

        // Groups: eligible entries first, each part in workload order, so free units are the group's first.
        Map<GroupKey, List<Entry>> groups = new LinkedHashMap<>();
        for (boolean eligiblePass : new boolean[] {true, false}) {
            for (int i = 0; i < resources.size(); i++) {
                MeteredResource r = resources.get(i);
                for (Entry e : perResource.get(i)) {
                    if (e.eligible == eligiblePass) {
                        groups.computeIfAbsent(new GroupKey(r.service(), r.region(), e.baseUsageType),
                                k -> new ArrayList<>()).add(e);
                    }
                }
            }
        }

        // Free tier: each pool goes to its groups dearest first (by the group's first-tier price), groups of
        // equal price in workload order, and within a group to eligible usage in workload order. A free unit
        // saves its group's first-tier price, so this order makes the total independent of workload order.
        if (freeTier) {
            List<GroupKey> byPrice = new ArrayList<>(groups.keySet());
            byPrice.sort(Comparator.comparing((GroupKey k) -> firstTierPrice(k)).reversed());
            Map<String, BigDecimal> remaining = new HashMap<>();
            for (GroupKey key : byPrice) {
                if (!prices.has(key.service())) {
                    continue; // refused below
                }
                ServicePrices sp = prices.service(key.service());
                for (FreeTierAllowance a : sp.freeTier()) {
                    if (!a.baseUsageTypes().contains(key.baseUsageType())) {
                        continue;
                    }
                    String pool = sp.service() + "/" + a.id();
                    for (Entry e : groups.get(key)) {
                        if (e.eligible) {
                            BigDecimal left = remaining.computeIfAbsent(pool, k -> a.quantity());
                            e.free = left.min(e.quantity);
                            remaining.put(pool, left.subtract(e.free));
                        }
                    }
                }
            }
        }

        List<MissingPrice> missing = new ArrayList<>();
        LocalDate oldest = null; // the dates of the prices used, tracked without an object per line
        LocalDate newest = null;
        for (Map.Entry<GroupKey, List<Entry>> g : groups.entrySet()) {
            GroupKey key = g.getKey();
            if (!prices.has(key.service())) {
                // A table the price book lacks (Fargate Spot in a book without it): refuse, naming it.
                for (Entry e : g.getValue()) {
                    if (e.quantity.signum() > 0) {
                        missing.add(MissingPrice.table(resources.get(e.resource).name(), key.service(), key.region()));
                    }
                }
                continue;
            }
            ServicePrices sp = prices.service(key.service());
            RegionPrices rp = sp.regions().get(key.region());
            if (rp == null) {
                // A region this table does not price (the main table's region was checked before metering).
                for (Entry e : g.getValue()) {
                    if (e.quantity.signum() > 0) {
                        missing.add(new MissingPrice(Optional.of(resources.get(e.resource).name()), sp.service(),
                                key.region(), key.baseUsageType()));
                    }
                }
                continue;
            }
            Optional<PriceTable> found = rp.find(key.baseUsageType());
            if (found.isEmpty()) {
                // No source gives this price: refuse every resource that uses any of it, never guess it.
                for (Entry e : g.getValue()) {
                    if (e.quantity.signum() > 0) {
                        missing.add(new MissingPrice(Optional.of(resources.get(e.resource).name()), sp.service(),
                                rp.code(), rp.usageTypePrefix() + key.baseUsageType()));
                    }
                }
                continue;
            }
            PriceTable table = found.get();
            String[] tierDescriptions = new String[table.tiers().size()]; // made once per group, not per line
            BigDecimal position = BigDecimal.ZERO;
            for (Entry e : g.getValue()) {
                MeteredResource.Adjustment adj = null;
                for (MeteredResource.Adjustment a : resources.get(e.resource).adjustments()) {
                    if (a.baseUsageType().equals(key.baseUsageType())) {
                        adj = a;
                        break;
                    }
                }
                List<LineItem> out = new ArrayList<>();
                if (e.free.signum() > 0) {
                    FreeTierAllowance a = allowance(sp, key.baseUsageType());
                    out.add(LineItem.of(table.description() + ", " + a.description(), table.usageType(), e.free,
                            table.unit(), BigDecimal.ZERO, a.provenance()));
                    LocalDate d = a.provenance().asOf();
                    oldest = oldest == null || d.isBefore(oldest) ? d : oldest;
                    newest = newest == null || d.isAfter(newest) ? d : newest;
                }
                BigDecimal start = position.add(e.free);
                BigDecimal end = position.add(e.quantity);
                Optional<BigDecimal> bound = table.pricedUpTo();
                if (bound.isPresent() && end.compareTo(bound.get()) > 0) {
                    // The group's usage runs past the last tier any source prices: refuse, never extrapolate.
                    missing.add(new MissingPrice(Optional.of(resources.get(e.resource).name()), sp.service(), rp.code(),
                            table.usageType(), bound));
                    position = end;
                    continue;
                }
                for (PriceTable.Slice s : table.slices(start, end)) {
                    String description = tierDescriptions[s.tierIndex()];
                    if (description == null) {
                        String label = table.tierLabel(s.tierIndex());
                        description = label.isEmpty() ? table.description() : table.description() + ", " + label;
                        tierDescriptions[s.tierIndex()] = description;
                    }
                    BigDecimal unitPrice = s.tier().unitPrice();
                    if (adj != null) {
                        description = description + " (" + adj.label() + ")";
                        unitPrice = unitPrice.multiply(adj.factor());
                    }
                    out.add(LineItem.of(description, table.usageType(), s.quantity(), table.unit(), unitPrice,
                            s.tier().provenance()));
                    LocalDate d = s.tier().provenance().asOf();
                    oldest = oldest == null || d.isBefore(oldest) ? d : oldest;
                    newest = newest == null || d.isAfter(newest) ? d : newest;
                }
                e.lines = out;
                position = end;
            }
        }
        if (!missing.isEmpty()) {
            throw new PriceUnavailableException(missing);
        }

        List<ResourceEstimate> out = new ArrayList<>();
        for (int i = 0; i < resources.size(); i++) {
            MeteredResource r = resources.get(i);
            List<LineItem> items = new ArrayList<>();
            for (Entry e : perResource.get(i)) {
                items.addAll(e.lines);
            }
            out.add(new ResourceEstimate(r.name(), r.type(), r.region(), prices.currency(), items, r.notes()));
        }
        Optional<PriceDates> dates = oldest == null ? Optional.empty() : Optional.of(new PriceDates(oldest, newest));
        return new Estimate(prices.currency(), version(groups.keySet()), freeTier, out, List.of(), dates, pricedOn);
    }

    /**
     * The version of the data the estimate was priced from: {@code service@version} for each table it used, the
     * version being that of the files its regions were read from (a user's file for the regions it overrides, the
     * bundled file's for the others), so the label names the data the figures come from.
     */
    private String version(java.util.Collection<GroupKey> used) {
        java.util.SortedMap<String, java.util.SortedSet<String>> versions = new java.util.TreeMap<>();
        for (GroupKey k : used) {
            if (prices.has(k.service())) {
                RegionPrices r = prices.service(k.service()).regions().get(k.region());
                if (r != null) {
                    versions.computeIfAbsent(k.service(), x -> new java.util.TreeSet<>()).add(r.dataVersion());
                }
            }
        }
        List<String> parts = new ArrayList<>();
        versions.forEach((service, v) -> parts.add(service + "@" + String.join("+", v)));
        return parts.isEmpty() ? prices.version() : String.join(",", parts);
    }

    private BigDecimal firstTierPrice(GroupKey k) {
        if (!prices.has(k.service())) {
            return BigDecimal.ZERO; // refused below
        }
        RegionPrices r = prices.service(k.service()).regions().get(k.region());
        return r == null ? BigDecimal.ZERO : r.find(k.baseUsageType()).map(t -> t.tiers().get(0).unitPrice())
                .orElse(BigDecimal.ZERO); // absent: refused below
    }

    private static FreeTierAllowance allowance(ServicePrices sp, String baseUsageType) {
        for (FreeTierAllowance a : sp.freeTier()) {
            if (a.baseUsageTypes().contains(baseUsageType)) {
                return a;
            }
        }
        throw new IllegalStateException("free units without an allowance for " + baseUsageType);
    }
}
