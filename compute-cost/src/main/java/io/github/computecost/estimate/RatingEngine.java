package io.github.computecost.estimate;

import io.github.computecost.pricing.FreeTierAllowance;
import io.github.computecost.pricing.MissingPrice;
import io.github.computecost.pricing.PriceDates;
import io.github.computecost.pricing.PriceUnavailableException;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.PriceTable;
import io.github.computecost.pricing.Provenance;
import io.github.computecost.pricing.RegionPrices;
import io.github.computecost.pricing.ServicePrices;
import io.github.computecost.pricing.Tier;
import io.github.computecost.service.MeteredResource;
import io.github.computecost.service.UsageRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ObjIntConsumer;

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

    /**
     * @param prices the price book
     * @return the engine rating against {@code prices} (one per price book, kept with it)
     */
    public static RatingEngine of(PriceBook prices) {
        return Objects.requireNonNull(prices, "prices").derived(RatingEngine.class, RatingEngine::new);
    }

    /** @return the descriptions of a table's tiers, and of its free-tier line last */
    private static String[] descriptions(PriceTable table, FreeTierAllowance free) {
        int n = table.tiers().size();
        String[] made = new String[n + 1];
        for (int i = 0; i < n; i++) {
            String label = table.tierLabel(i);
            made[i] = label.isEmpty() ? table.description() : table.description() + ", " + label;
        }
        made[n] = free == null ? table.description() : table.description() + ", " + free.description();
        return made;
    }

    /** One resource's merged usage of one usage type, with its place on the group's axis. */
    private static final class Entry {
        final int resource;
        final String baseUsageType;
        final boolean eligible;
        /** The table that prices it when not its resource's, else null. */
        final String table;
        /** Its own price factor, else null (the resource's adjustments apply). */
        final MeteredResource.Adjustment adjustment;
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal free = BigDecimal.ZERO;
        List<LineItem> lines = List.of();

        Entry(int resource, UsageRecord u) {
            this(resource, u.baseUsageType(), u.freeTierEligible(), u.table().orElse(null),
                    u.adjustment().orElse(null));
        }

        Entry(int resource, String baseUsageType, boolean eligible, String table,
                MeteredResource.Adjustment adjustment) {
            this.resource = resource;
            this.baseUsageType = baseUsageType;
            this.eligible = eligible;
            this.table = table;
            this.adjustment = adjustment;
        }

        boolean holds(UsageRecord u) {
            return holds(u.baseUsageType(), u.freeTierEligible(), u.table().orElse(null), u.adjustment().orElse(null));
        }

        boolean holds(String type, boolean isEligible, String ownTable, MeteredResource.Adjustment ownAdjustment) {
            return eligible == isEligible && baseUsageType.equals(type) && java.util.Objects.equals(table, ownTable)
                    && java.util.Objects.equals(adjustment, ownAdjustment);
        }

        String service(Rated r) {
            return table == null ? r.service(resource) : table;
        }
    }

    /** The resources being rated, as the engine reads them: {@link MeteredResource} objects or {@link BulkUsage}. */
    private interface Rated {
        String name(int i);

        String service(int i);

        String region(int i);

        List<MeteredResource.Adjustment> adjustments(int i);
    }

    private static Rated of(List<MeteredResource> resources) {
        return new Rated() {
            @Override
            public String name(int i) {
                return resources.get(i).name();
            }

            @Override
            public String service(int i) {
                return resources.get(i).service();
            }

            @Override
            public String region(int i) {
                return resources.get(i).region();
            }

            @Override
            public List<MeteredResource.Adjustment> adjustments(int i) {
                return resources.get(i).adjustments();
            }
        };
    }

    private record GroupKey(String service, String region, String baseUsageType) {
    }

    /**
     * What the price book says of one usage type in one region of one table, looked up once per price book: its table,
     * region and price (null where the book lacks them: refused), its free-tier pool, its line descriptions, and the
     * version label of the data it comes from ({@code AWSLambda@2026-12-02}; null without the region).
     */
    private record Resolved(ServicePrices table, RegionPrices prices, PriceTable price, FreeTierAllowance pool,
            String[] descriptions, String version) {
    }

    private final Map<GroupKey, Resolved> resolved = new java.util.concurrent.ConcurrentHashMap<>();

    /** The account's usage of one usage type in one region of one table, with its prices looked up once. */
    private static final class Group {
        final GroupKey key;
        final ArrayList<Entry> entries = new ArrayList<>(2);
        /** How many entries it gets: counted before they are added, so its list is made once to its size. */
        int count;
        /** Its prices; their parts are null when the price book lacks the table, the region or the price: refused. */
        final Resolved r;

        Group(GroupKey key, Resolved r) {
            this.key = key;
            this.r = r;
        }

        boolean is(String s, String region, String b) {
            return key.baseUsageType().equals(b) && key.region().equals(region) && key.service().equals(s);
        }

        BigDecimal firstPrice() {
            return r.price() == null ? BigDecimal.ZERO : r.price().tiers().get(0).unitPrice(); // absent: refused below
        }
    }

    private static final Comparator<Group> DEAREST_FIRST = Comparator.comparing(Group::firstPrice).reversed();

    /** Groups are found by a scan while they are few (one estimate has a handful), by a map when many (a bill). */
    private static final int SCAN = 16;

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
        requireUniqueNames(resources, MeteredResource::name);

        List<List<Entry>> perResource = merge(resources);
        Rated rated = of(resources);
        List<Group> groups = groups(rated, perResource);
        if (freeTier) {
            allocateFree(groups);
        }
        Dates dates = new Dates();
        List<MissingPrice> missing = price(rated, groups, dates, (e, description, usageType, quantity, unit,
                unitPrice, provenance) -> {
            if (e.lines.isEmpty()) { // its first line: the list the estimate keeps (copied into it)
                e.lines = new ArrayList<>(2);
            }
            e.lines.add(LineItem.of(description, usageType, quantity, unit, unitPrice, provenance));
        });
        if (!missing.isEmpty()) {
            throw new PriceUnavailableException(missing);
        }

        List<ResourceEstimate> out = new ArrayList<>(resources.size());
        for (int i = 0; i < resources.size(); i++) {
            MeteredResource r = resources.get(i);
            List<Entry> entries = perResource.get(i);
            List<LineItem> items;
            if (entries.size() == 1) {
                items = entries.get(0).lines;
            } else {
                items = new ArrayList<>(entries.size() * 2);
                for (int ei = 0; ei < entries.size(); ei++) {
                    items.addAll(entries.get(ei).lines);
                }
            }
            out.add(new ResourceEstimate(r.name(), r.type(), r.region(), prices.currency(), items, r.notes()));
        }
        return new Estimate(prices.currency(), version(groups), freeTier, out, List.of(), dates.all(), pricedOn,
                List.of(), List.of(), List.of(), dates.byService);
    }

    /**
     * Rates a month of usage of many resources given in columns, as {@link #rate(List, boolean, LocalDate)} rates
     * them (the same groups, free tier, tiers and line items, to the last digit), without an object per resource or
     * an estimate: each line item goes to {@code lines} with the index of its resource, and nothing is kept. For a
     * whole bill's month (a re-rating rates hundreds of thousands of resources at once).
     *
     * @param usage the resources and their usage, in workload order
     * @param freeTier whether to apply the account's free-tier allowances
     * @param lines takes each line item and its resource's index in {@code usage}, in no particular order: a
     *     resource's cost is the exact sum of its line items' costs
     * @return the oldest and newest date of the prices the line items use; empty without line items
     * @throws PriceUnavailableException if a resource uses a usage type the price book has no price for in its
     *     region (it lists every such resource and usage type); the line items already given are then to be
     *     discarded
     */
    public Optional<PriceDates> rate(BulkUsage usage, boolean freeTier, ObjIntConsumer<LineItem> lines) {
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(lines, "lines");
        return rateInto(usage, freeTier, (e, description, usageType, quantity, unit, unitPrice, provenance) ->
                lines.accept(LineItem.of(description, usageType, quantity, unit, unitPrice, provenance), e.resource));
    }

    /**
     * Rates a month of usage in columns as {@link #rate(BulkUsage, boolean, ObjIntConsumer)} does, giving each line
     * item as its parts, without a {@link LineItem} made for it: for re-rating a bill, whose hundreds of thousands of
     * line items are summed and dropped.
     *
     * @param usage the resources and their usage, in workload order
     * @param freeTier whether to apply the account's free-tier allowances
     * @param costs takes each line item's parts and its resource's index in {@code usage}, in no particular order
     * @return the oldest and newest date of the prices the line items use; empty without line items
     * @throws PriceUnavailableException as {@link #rate(BulkUsage, boolean, ObjIntConsumer)} throws it; the line items
     *     already given are then to be discarded
     */
    public Optional<PriceDates> rate(BulkUsage usage, boolean freeTier, Costs costs) {
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(costs, "costs");
        return rateInto(usage, freeTier, (e, description, usageType, quantity, unit, unitPrice, provenance) ->
                costs.line(e.resource, usageType, quantity, unitPrice, quantity.multiply(unitPrice), provenance));
    }

    /**
     * A line item of a bulk rating, given as its parts ({@link #rate(BulkUsage, boolean, Costs)}): the same values a
     * {@link LineItem} of it would hold.
     */
    @FunctionalInterface
    public interface Costs {
        /**
         * @param resource the index of the line's resource in the usage rated
         * @param usageType AWS usage type with region prefix, {@code "Lambda-GB-Second"}
         * @param quantity units in the month, in the price table's unit, exact
         * @param unitPrice price per unit, AWS's full precision (zero on a free-tier line)
         * @param cost exactly {@code quantity × unitPrice}, unrounded, at the scale {@code BigDecimal.multiply} gives
         * @param provenance where the unit price comes from (for a free-tier line: the allowance's sources)
         */
        void line(int resource, String usageType, BigDecimal quantity, BigDecimal unitPrice, BigDecimal cost,
                Provenance provenance);
    }

    /** Where the engine puts each line item of an entry, as its parts. */
    @FunctionalInterface
    private interface Sink {
        void line(Entry e, String description, String usageType, BigDecimal quantity, String unit,
                BigDecimal unitPrice, Provenance provenance);
    }

    private Optional<PriceDates> rateInto(BulkUsage usage, boolean freeTier, Sink sink) {
        Rated rated = new Rated() {
            @Override
            public String name(int i) {
                return usage.name(i);
            }

            @Override
            public String service(int i) {
                return usage.service(i);
            }

            @Override
            public String region(int i) {
                return usage.region(i);
            }

            @Override
            public List<MeteredResource.Adjustment> adjustments(int i) {
                return List.of();
            }
        };
        List<Group> groups = groups(rated, merge(usage));
        if (freeTier) {
            allocateFree(groups);
        }
        Dates dates = new Dates();
        List<MissingPrice> missing = price(rated, groups, dates, sink);
        if (!missing.isEmpty()) {
            throw new PriceUnavailableException(missing);
        }
        return dates.all();
    }

    /** @throws IllegalArgumentException if two of the items share a name */
    static <T> void requireUniqueNames(List<? extends T> items, java.util.function.Function<T, String> name) {
        if (items.size() < 2) {
            return;
        }
        Set<String> names = new HashSet<>();
        for (T item : items) {
            if (!names.add(name.apply(item))) {
                throw new IllegalArgumentException("resource names must be unique: " + name.apply(item)
                        + " appears twice");
            }
        }
    }

    /** Each resource's records merged per (usage type, eligibility, table, own factor), in first-seen order. */
    private static List<List<Entry>> merge(List<MeteredResource> resources) {
        // Merge each resource's records per (usage type, eligibility, table, own factor), keeping first-seen order.
        List<List<Entry>> perResource = new ArrayList<>(resources.size());
        for (int i = 0; i < resources.size(); i++) {
            // A resource has a handful of usage types: a linear search beats a map (this runs per resource of a
            // whole bill when rate-usage rates one).
            List<UsageRecord> usage = resources.get(i).usage();
            List<Entry> merged = new ArrayList<>(usage.size());
            for (int ui = 0; ui < usage.size(); ui++) {
                UsageRecord u = usage.get(ui);
                Entry e = null;
                for (int mi = 0; mi < merged.size(); mi++) {
                    Entry m = merged.get(mi);
                    if (m.holds(u)) {
                        e = m;
                        break;
                    }
                }
                if (e == null) {
                    e = new Entry(i, u);
                    merged.add(e);
                }
                e.quantity = plus(e.quantity, u.quantity());
            }
            perResource.add(merged);
        }

        return perResource;
    }

    /** The same for usage in columns: each resource's records merged per usage type, in the order they were given. */
    private static List<List<Entry>> merge(BulkUsage usage) {
        int[] records = new int[usage.size()]; // each resource's list made to its size: a bill's lists never grow
        for (int u = 0; u < usage.records(); u++) {
            records[usage.resourceOf(u)]++;
        }
        List<List<Entry>> perResource = new ArrayList<>(usage.size());
        for (int i = 0; i < usage.size(); i++) {
            perResource.add(new ArrayList<>(Math.max(1, records[i])));
        }
        for (int u = 0; u < usage.records(); u++) {
            int i = usage.resourceOf(u);
            List<Entry> merged = perResource.get(i);
            String type = usage.baseUsageType(u);
            Entry e = null;
            for (int mi = 0; mi < merged.size(); mi++) {
                Entry m = merged.get(mi);
                if (m.holds(type, true, null, null)) {
                    e = m;
                    break;
                }
            }
            if (e == null) {
                e = new Entry(i, type, true, null, null);
                merged.add(e);
            }
            e.quantity = plus(e.quantity, usage.quantity(u));
        }
        return perResource;
    }

    /** The groups of usage (service, region, usage type), eligible entries first in each. */
    private List<Group> groups(Rated resources, List<List<Entry>> perResource) {
        // Groups: eligible entries first, each part in workload order, so free units are the group's first. Each
        // entry's group is found first, then each group's list made to its size and filled in the same order (a
        // bill's groups hold hundreds of thousands of entries: lists grown one by one took a tenth of its rating).
        List<Group> groups = new ArrayList<>();
        Map<GroupKey, Group> index = null;
        int all = 0;
        for (int i = 0; i < perResource.size(); i++) {
            all += perResource.get(i).size();
        }
        Group[] groupOf = new Group[all];
        Entry[] entryOf = new Entry[all];
        int n = 0;
        for (int pass = 0; pass < 2; pass++) {
            boolean eligiblePass = pass == 0;
            for (int i = 0; i < perResource.size(); i++) {
                String region = resources.region(i);
                List<Entry> mine = perResource.get(i);
                for (int ei = 0; ei < mine.size(); ei++) {
                    Entry e = mine.get(ei);
                    if (e.eligible != eligiblePass) {
                        continue;
                    }
                    Group g = null;
                    if (index == null) {
                        for (int gi = 0; gi < groups.size(); gi++) {
                            Group x = groups.get(gi);
                            if (x.is(e.service(resources), region, e.baseUsageType)) {
                                g = x;
                                break;
                            }
                        }
                    } else {
                        g = index.get(new GroupKey(e.service(resources), region, e.baseUsageType));
                    }
                    if (g == null) {
                        g = group(e.service(resources), region, e.baseUsageType);
                        groups.add(g);
                        if (index != null) {
                            index.put(g.key, g);
                        } else if (groups.size() > SCAN) {
                            index = new HashMap<>();
                            for (Group x : groups) {
                                index.put(x.key, x);
                            }
                        }
                    }
                    g.count++;
                    groupOf[n] = g;
                    entryOf[n++] = e;
                }
            }
        }
        for (Group g : groups) {
            g.entries.ensureCapacity(g.count);
        }
        for (int i = 0; i < n; i++) {
            groupOf[i].entries.add(entryOf[i]);
        }
        return groups;
    }

    /** The oldest and newest date of the prices the line items use. */
    private static final class Dates {
        /** One group's oldest and newest price date, while it is priced. */
        LocalDate oldest;
        LocalDate newest;
        /** Each table's (service code's), its groups' together; an estimate uses a handful. */
        Map<String, PriceDates> byService = Map.of();

        /** @return the dates of every table's prices together; empty without any */
        Optional<PriceDates> all() {
            Optional<PriceDates> used = Optional.empty();
            for (PriceDates d : byService.values()) {
                used = PriceDates.merge(used, Optional.of(d));
            }
            return used;
        }

        void add(LocalDate d) {
            oldest = oldest == null || d.isBefore(oldest) ? d : oldest;
            newest = newest == null || d.isAfter(newest) ? d : newest;
        }

        /** Adds one group's dates to its table's. */
        void add(String service, Dates group) {
            if (group.oldest == null) {
                return;
            }
            PriceDates d = byService.get(service);
            d = d == null ? new PriceDates(group.oldest, group.newest)
                    : d.including(group.oldest).including(group.newest);
            if (byService.isEmpty()) {
                byService = Map.of(service, d); // the common case: one table
            } else {
                if (!(byService instanceof java.util.HashMap)) {
                    byService = new java.util.HashMap<>(byService);
                }
                byService.put(service, d);
            }
            group.oldest = null; // ready for the next group
            group.newest = null;
        }
    }

    private static void allocateFree(List<Group> groups) {
        // Free tier: each pool goes to its groups dearest first (by the group's first-tier price), groups of
        // equal price in workload order, and within a group to eligible usage in workload order. A free unit
        // saves its group's first-tier price, so this order makes the total independent of workload order.
        List<Group> byPrice = groups;
        if (groups.size() > 1) {
            byPrice = new ArrayList<>(groups);
            byPrice.sort(DEAREST_FIRST); // stable: equal prices keep workload order
        }
        // Each pool by the allowance that defines it (each table's allowances are its own objects); an account's
        // estimate draws on a handful, so a list searched by identity beats a map.
        List<FreeTierAllowance> pools = new ArrayList<>(4);
        List<BigDecimal> remaining = new ArrayList<>(4);
        for (int gi = 0; gi < byPrice.size(); gi++) {
            Group g = byPrice.get(gi);
            FreeTierAllowance a = g.r.pool();
            if (a == null) {
                continue;
            }
            int p = -1;
            for (int i = 0; i < pools.size(); i++) {
                if (pools.get(i) == a) {
                    p = i;
                    break;
                }
            }
            if (p < 0) {
                pools.add(a);
                remaining.add(a.quantity());
                p = pools.size() - 1;
            }
            BigDecimal left = remaining.get(p);
            for (int ei = 0; ei < g.entries.size() && left.signum() > 0; ei++) { // none left: no entry gets any
                Entry e = g.entries.get(ei);
                if (e.eligible) {
                    e.free = left.min(e.quantity);
                    left = left.subtract(e.free);
                }
            }
            remaining.set(p, left);
        }
    }

    /**
     * Prices every group's entries into line items; returns what no source prices.
     *
     * @param sink takes each line item of an entry not refused
     */
    private static List<MissingPrice> price(Rated resources, List<Group> groups, Dates dates, Sink sink) {
        List<MissingPrice> missing = new ArrayList<>(0);
        Dates used = new Dates(); // one group's, added to the estimate's and its table's after each group
        for (int gi = 0; gi < groups.size(); gi++) {
            Group g = groups.get(gi);
            GroupKey k = g.key;
            Resolved r = g.r;
            if (r.price() == null) {
                // No source gives this price (or the price book lacks the table or the region): refuse every resource
                // that uses any of it, never guess it.
                for (Entry e : g.entries) {
                    if (e.quantity.signum() > 0) {
                        String name = resources.name(e.resource);
                        missing.add(r.table() == null ? MissingPrice.table(name, k.service(), k.region())
                                : new MissingPrice(Optional.of(name), k.service(), k.region(),
                                        (r.prices() == null ? "" : r.prices().usageTypePrefix()) + k.baseUsageType()));
                    }
                }
                continue;
            }
            BigDecimal position = BigDecimal.ZERO;
            for (int ei = 0; ei < g.entries.size(); ei++) {
                Entry e = g.entries.get(ei);
                position = price(resources, g, e, position, used, missing, sink);
            }
            dates.add(k.service(), used);
        }
        return missing;
    }

    /**
     * Prices one entry of a group whose usage so far ends at {@code position} on the group's axis into {@code sink}.
     * A method of its own, apart from what is done with its line items: the rating of a bill runs once, and two
     * middling methods are compiled while it runs much sooner than one that holds both.
     *
     * @return where the entry's usage ends; if that is past the last tier any source prices, the entry is added to
     *     {@code missing} instead of being priced, and gives no line item
     */
    private static BigDecimal price(Rated resources, Group g, Entry e, BigDecimal position, Dates used,
            List<MissingPrice> missing, Sink sink) {
        GroupKey k = g.key;
        Resolved r = g.r;
        PriceTable table = r.price();
        String[] tierDescriptions = r.descriptions();
        List<Tier> tiers = table.tiers();
        Optional<BigDecimal> bound = table.pricedUpTo();
        MeteredResource.Adjustment adj = e.adjustment;
        List<MeteredResource.Adjustment> adjustments = resources.adjustments(e.resource);
        for (int ai = 0; adj == null && ai < adjustments.size(); ai++) {
            if (adjustments.get(ai).baseUsageType().equals(k.baseUsageType())) {
                adj = adjustments.get(ai);
                break;
            }
        }
        BigDecimal start = plus(position, e.free);
        BigDecimal end = plus(position, e.quantity);
        if (bound.isPresent() && end.compareTo(bound.get()) > 0) {
            // The group's usage runs past the last tier any source prices: refuse, never extrapolate.
            missing.add(new MissingPrice(Optional.of(resources.name(e.resource)), k.service(), k.region(),
                    table.usageType(), bound));
            return end;
        }
        if (e.free.signum() > 0) {
            sink.line(e, tierDescriptions[tiers.size()], table.usageType(), e.free, table.unit(), BigDecimal.ZERO,
                    r.pool().provenance());
            used.add(r.pool().provenance().asOf());
        }
        // The range [start, end) of the group's axis, tier by tier (as PriceTable.slices, without a list).
        for (int ti = 0; ti < tiers.size(); ti++) {
            Tier tier = tiers.get(ti);
            BigDecimal lo = start.max(tier.fromInclusive());
            BigDecimal hi = tier.toExclusive().isPresent() ? end.min(tier.toExclusive().get()) : end;
            if (hi.compareTo(lo) <= 0) {
                if (tier.toExclusive().isEmpty() || end.compareTo(tier.toExclusive().get()) <= 0) {
                    break; // the tiers above are not reached
                }
                continue;
            }
            String description = tierDescriptions[ti];
            BigDecimal unitPrice = tier.unitPrice();
            if (adj != null) {
                description = description + " (" + adj.label() + ")";
                unitPrice = unitPrice.multiply(adj.factor());
            }
            sink.line(e, description, table.usageType(), hi.subtract(lo), table.unit(), unitPrice, tier.provenance());
            used.add(tier.provenance().asOf());
        }
        return end;
    }

    /** @return {@code a + b}, exact; a zero term adds nothing, so its sum is the other (no new object) */
    private static BigDecimal plus(BigDecimal a, BigDecimal b) {
        return a.signum() == 0 ? b : b.signum() == 0 ? a : a.add(b);
    }

    /** A group of usage, with its table, region, price and free-tier pool (looked up once per price book). */
    private Group group(String service, String region, String baseUsageType) {
        GroupKey key = new GroupKey(service, region, baseUsageType);
        Resolved r = resolved.get(key);
        if (r == null) {
            r = resolve(key);
            resolved.putIfAbsent(key, r);
        }
        return new Group(key, r);
    }

    private Resolved resolve(GroupKey k) {
        if (!prices.has(k.service())) {
            return new Resolved(null, null, null, null, null, null);
        }
        ServicePrices table = prices.service(k.service());
        RegionPrices region = table.regions().get(k.region());
        PriceTable price = region == null ? null : region.find(k.baseUsageType()).orElse(null);
        FreeTierAllowance pool = null;
        for (FreeTierAllowance a : table.freeTier()) {
            if (a.baseUsageTypes().contains(k.baseUsageType())) {
                pool = a;
                break;
            }
        }
        return new Resolved(table, region, price, pool, price == null ? null : descriptions(price, pool),
                region == null ? null : k.service() + "@" + region.dataVersion());
    }

    /**
     * The version of the data the estimate was priced from: {@code service@version} for each table it used, the
     * version being that of the files its regions were read from (a user's file for the regions it overrides, the
     * bundled file's for the others), so the label names the data the figures come from.
     */
    private String version(List<Group> used) {
        Group single = null; // one table at one version, the common case: its label as resolved, no maps
        java.util.SortedMap<String, java.util.SortedSet<String>> versions = null;
        for (Group g : used) {
            String label = g.r.version();
            if (label == null || single != null && label.equals(single.r.version())) {
                continue;
            }
            if (single == null) {
                single = g;
                continue;
            }
            if (versions == null) {
                versions = new java.util.TreeMap<>();
                versions.computeIfAbsent(single.key.service(), x -> new java.util.TreeSet<>())
                        .add(single.r.prices().dataVersion());
            }
            versions.computeIfAbsent(g.key.service(), x -> new java.util.TreeSet<>()).add(g.r.prices().dataVersion());
        }
        if (versions == null) {
            return single == null ? prices.version() : single.r.version();
        }
        List<String> parts = new ArrayList<>();
        versions.forEach((s, v) -> parts.add(s + "@" + String.join("+", v)));
        return String.join(",", parts);
    }


}
