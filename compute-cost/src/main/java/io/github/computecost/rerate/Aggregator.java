package io.github.computecost.rerate;

import io.github.computecost.estimate.BulkUsage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Sums one export's usage per account, month, resource and usage type, a line at a time, on the line's bytes:
 * the hot loop of {@code rate-usage}. A line is split only as far as the last column read, no {@code String} is
 * made for a line, the usage type is found in a small table of the types met so far and the running total in a
 * {@link SumTable}; only a key met for the first time, or an amount that is not a plain decimal, takes a slower
 * path. Not thread-safe.
 */
final class Aggregator {

    private static final byte[] NO_RESOURCE = "(no resource id)".getBytes(StandardCharsets.UTF_8);
    /** A file with endless distinct usage types cannot grow the table of types without bound. */
    private static final int MAX_TYPES = 100_000;

    /**
     * Where an export's columns are, -1 for a column it lacks.
     *
     * @param type usage type (required)
     * @param amount usage amount (required)
     * @param resource resource id
     * @param account usage account
     * @param start usage start date, whose month groups the free tier
     * @param payer payer account, whose billing family shares one free tier and one set of tiers; -1: per account
     * @param lineItemType line item type; without it every row is {@code Usage}
     * @param productCode product code, naming passed-through lines
     * @param unblended unblended cost, for the reconciliation and passed-through lines
     * @param spEffective Savings Plan effective cost of covered usage
     * @param riEffective Reserved Instance effective cost of discounted usage
     * @param tags user tags' columns, whose values go into every sum's key
     * @param tagMaps per tag, null when its column holds its value, else the tag's key, looked up in its column's
     *     JSON map (CUR 2.0's {@code resource_tags}, FOCUS's {@code Tags}; see {@link TagMap})
     * @param focus whether the export is FOCUS: {@code lineItemType} is then its {@code ChargeCategory}, read with
     *     {@code commitmentStatus} and {@code commitmentCategory} ({@link LineItemType#ofFocus})
     * @param commitmentStatus FOCUS's {@code CommitmentDiscountStatus}
     * @param commitmentCategory FOCUS's {@code CommitmentDiscountCategory}
     */
    record Columns(int type, int amount, int resource, int account, int start, int payer, int lineItemType,
            int productCode, int unblended, int spEffective, int riEffective, int[] tags, String[] tagMaps,
            boolean focus, int commitmentStatus, int commitmentCategory) implements java.io.Serializable {

        Columns {
            if (tagMaps.length != tags.length) {
                throw new IllegalArgumentException("one tag map key, or null, per tag");
            }
        }

        Columns(int type, int amount, int resource, int account, int start, int payer) {
            this(type, amount, resource, account, start, payer, -1, -1, -1, -1, -1, new int[0]);
        }

        Columns(int type, int amount, int resource, int account, int start, int payer, int lineItemType,
                int productCode, int unblended, int spEffective, int riEffective, int[] tags) {
            this(type, amount, resource, account, start, payer, lineItemType, productCode, unblended, spEffective,
                    riEffective, tags, new String[tags.length], false, -1, -1);
        }

        /** Equal when every column is: the tags' columns by content. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Columns x && type == x.type && amount == x.amount && resource == x.resource
                    && account == x.account && start == x.start && payer == x.payer && lineItemType == x.lineItemType
                    && productCode == x.productCode && unblended == x.unblended && spEffective == x.spEffective
                    && riEffective == x.riEffective && Arrays.equals(tags, x.tags) && Arrays.equals(tagMaps, x.tagMaps)
                    && focus == x.focus
                    && commitmentStatus == x.commitmentStatus && commitmentCategory == x.commitmentCategory;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(type, amount, resource, account, start, payer, lineItemType, productCode,
                    unblended, spEffective, riEffective, Arrays.hashCode(tags), Arrays.hashCode(tagMaps), focus,
                    commitmentStatus,
                    commitmentCategory);
        }

        /** @return every column read (-1 for one the export lacks): those read as text, then the amounts */
        private int[] read() {
            int[] text = readAsText();
            int[] amounts = amounts();
            int[] all = Arrays.copyOf(text, text.length + amounts.length);
            System.arraycopy(amounts, 0, all, text.length, amounts.length);
            return all;
        }

        /** @return the columns read as text (-1 for one the export lacks), the tags' last */
        private int[] readAsText() {
            int[] text = Arrays.copyOf(new int[] {type, resource, account, start, payer, lineItemType, productCode,
                commitmentStatus, commitmentCategory}, 9 + tags.length);
            System.arraycopy(tags, 0, text, 9, tags.length);
            return text;
        }

        /** @return the columns read as numbers, the usage amount and the costs (-1 for one the export lacks) */
        private int[] amounts() {
            return new int[] {amount, unblended, spEffective, riEffective};
        }

        /** @return whether {@code column} is one of the columns read */
        boolean reads(int column) {
            return column >= 0 && Arrays.stream(read()).anyMatch(c -> c == column);
        }

        /** @return how many columns a row must have: up to the last one read */
        int width() {
            return Arrays.stream(read()).max().orElse(-1) + 1;
        }
    }

    /** Sums per key: the usage, AWS's unblended cost, AWS's effective cost (Savings Plan or reservation). */
    static final int USAGE = 0;
    static final int UNBLENDED = 1;
    static final int EFFECTIVE = 2;
    private static final LineItemType[] KINDS = LineItemType.values();

    private final UsageIndex index;
    private final boolean whatIfArm;
    private final Columns c;
    private final int type;
    private final int amount;
    private final int resource;
    private final int account;
    private final int start;
    /** The payer account's column, whose billing family shares one free tier and one set of tiers; -1: per account. */
    private final int payer;
    private final int width;
    /** The bounds of the fields of the line being read, up to {@link #width}. */
    final int[] from;
    final int[] to;

    /** Raw usage types as billed → an index into {@link #targets}, or -1: not priced. */
    private final ByteMemo typeOf = new ByteMemo(MAX_TYPES, this::resolve);
    private final Map<UsageIndex.Target, Integer> targetIds = new HashMap<>();
    /** Where each type is priced, its base usage type after any what-if. */
    final List<UsageIndex.Target> targets = new ArrayList<>();
    /** Line item types as billed (for FOCUS, its three columns) → their {@link LineItemType} ordinal, or -1. */
    private final ByteMemo kindOf = new ByteMemo(1_000, v -> LineItemType.of(v).map(Enum::ordinal).orElse(-1));
    private final ByteMemo focusKindOf = new ByteMemo(1_000, v -> {
        String[] parts = v.split("\u001F", -1);
        return LineItemType.ofFocus(parts[0], parts[1], parts[2]).map(Enum::ordinal).orElse(-1);
    });

    /**
     * Keys: group, account, month, resource, tags (each length-prefixed), kind and type number; the usage's sum, and
     * the costs' when the export has them (a smaller entry otherwise: the table is most of the memory).
     */
    final SumTable keys;

    /*
     * Rows are summed in batches. On a bill with many resources the table is larger than the cache, and a row's
     * lookup waits on memory twice (its slot, then its entry). Touching the slots of a whole batch, then their
     * entries, before summing lets those waits overlap (a profile put them at most of the time per row before).
     */
    private static final int BATCH = 32;
    private byte[] key = new byte[BATCH * 128]; // the pending rows' keys, one after another
    private final int[] keyEnd = new int[BATCH];
    private final int[] keyHash = new int[BATCH];
    private final long[] slot = new long[BATCH];
    /** Per pending row and sum: the amount in billionths and its places, or the exact amount (then non-null). */
    private final long[] nanos = new long[BATCH * 3];
    private final int[] places = new int[BATCH * 3];
    private final BigDecimal[] exact = new BigDecimal[BATCH * 3];
    /** Per pending row: how many of the sums it adds to (1: usage; 2: and unblended; 3: and effective cost). */
    private final int[] sumsOf = new int[BATCH];
    private int pending;
    /** Where the touched values go, so that the compiler keeps the loads. */
    private long sink;

    private final Map<String, Long> skipped = new TreeMap<>();
    /** The reason of the last rows skipped and how many since it was counted in {@link #skipped}: a bill skips runs
     * of rows for one reason (an unpriced service's usage), and a tree lookup per row showed in a profile. */
    private String lastSkip;
    private long lastSkipRows;

    /** @return rows skipped, by reason */
    Map<String, Long> skipped() {
        if (lastSkip != null) {
            skipped.merge(lastSkip, lastSkipRows, Long::sum);
            lastSkip = null;
            lastSkipRows = 0;
        }
        return skipped;
    }
    /** Passed-through lines of one line item type and product: how many, and their unblended cost, exact. */
    record Passed(long rows, BigDecimal cost) implements java.io.Serializable {
        Passed plus(Passed other) {
            return new Passed(rows + other.rows, cost.add(other.cost));
        }
    }

    /** Passed-through lines, by line item type and product code. */
    final Map<LineItemType, Map<String, Passed>> passed = new TreeMap<>();
    long rows;
    long rated;

    Aggregator(UsageIndex index, boolean whatIfArm, int type, int amount, int resource, int account, int start) {
        this(index, whatIfArm, new Columns(type, amount, resource, account, start, -1));
    }

    Aggregator(UsageIndex index, boolean whatIfArm, Columns columns) {
        this.index = index;
        this.whatIfArm = whatIfArm;
        this.c = columns;
        this.type = columns.type();
        this.amount = columns.amount();
        this.resource = columns.resource();
        this.account = columns.account();
        this.start = columns.start();
        this.payer = columns.payer();
        this.width = columns.width();
        this.from = new int[width];
        this.to = new int[width];
        this.keys = new SumTable(1 << 12, keysSums());
        this.recordBytes = new RowBytes(width);
        this.numeric = numeric(columns, width);
        this.tagMaps = new TagMap[columns.tags().length];
        for (int i = 0; i < tagMaps.length; i++) {
            String k = columns.tagMaps()[i];
            if (k != null) {
                tagMaps[i] = columns.focus() ? TagMap.focus(k) : TagMap.cur(k);
            }
        }
    }

    /** Per tag, its reader when it is looked up in a map column, else null. */
    private final TagMap[] tagMaps;

    /** @return the columns read */
    Columns columns() {
        return c;
    }

    /** One line, {@code b[p..end)}, without its line break. May rewrite those bytes (quotes are undone in place). */
    void line(byte[] b, int p, int end) {
        rows++;
        int size = split(b, p, end);
        if (size < 0) {
            skip("a quoted field is not closed");
            return;
        }
        fields(b, size);
    }

    /** The record being read, reused from one record to the next. */
    private final RowBytes recordBytes;

    /** One record given as its columns' values ({@code null} for empty); goes the same way as a line. */
    void record(String[] values) {
        recordBytes.clear();
        for (int i = 0; i < width; i++) {
            recordBytes.add(values[i]);
        }
        record(recordBytes.bytes(), recordBytes.starts(), recordBytes.ends());
    }

    /**
     * One record given as byte ranges of one buffer, {@code b[starts[i]..ends[i])} for column {@code i} (empty for
     * none), UTF-8; goes the same way as a line, without a String made for a value. The bytes are only read.
     */
    void record(byte[] b, int[] starts, int[] ends) {
        rows++;
        System.arraycopy(starts, 0, from, 0, width);
        System.arraycopy(ends, 0, to, 0, width);
        fields(b, width);
    }

    /**
     * One record as a row of values: a cost or an amount given as a double is read from its digits
     * ({@link RowBytes#number}), the exact value its text gives; any other double's text is written first.
     */
    void record(RowBytes values) {
        for (int i = 0; i < width; i++) {
            if (!numeric[i]) {
                values.writeText(i);
            }
        }
        typed = values;
        try {
            record(values.buffer(), values.startsAsIs(), values.endsAsIs());
        } finally {
            typed = null;
        }
    }

    /** The row being read when it came as {@link RowBytes}, whose doubles are read as numbers; else null. */
    private RowBytes typed;
    /** Per column: whether it is read only as a cost or an amount (a double there needs no text). */
    private final boolean[] numeric;

    private static boolean[] numeric(Columns c, int width) {
        boolean[] numeric = new boolean[width];
        for (int col : c.amounts()) {
            if (col >= 0) {
                numeric[col] = true;
            }
        }
        for (int col : c.readAsText()) { // a column also read as text is not numeric only
            if (col >= 0) {
                numeric[col] = false;
            }
        }
        return numeric;
    }

    private void fields(byte[] b, int size) {
        if (size <= Math.max(type, amount)) {
            skip("too few columns");
            return;
        }
        int kind = LineItemType.USAGE.ordinal();
        int kc = c.lineItemType();
        if (kc >= 0) {
            if (kc >= size) {
                skip("too few columns");
                return;
            }
            kind = c.focus() ? focusKind(b, size) : kindOf.get(b, from[kc], to[kc]);
            if (kind < 0) {
                skip("line item type not known to compute-cost");
                return;
            }
            if (KINDS[kind].treatment() == LineItemType.Treatment.PASSED_THROUGH) {
                passThrough(b, size, KINDS[kind]);
                return;
            }
        }
        int t = typeOf.get(b, from[type], to[type]);
        if (t < 0) {
            skip("usage type not priced by compute-cost");
            return;
        }
        int i = pending;
        int at = i * 3;
        if (!amount(b, amount, at + USAGE, "usage amount", false)) {
            return;
        }
        int sums = 1;
        if (c.unblended() >= 0) {
            if (!cost(b, size, c.unblended(), at + UNBLENDED, "unblended cost")) {
                return;
            }
            sums = 2;
            int ec = kind == LineItemType.SAVINGS_PLAN_COVERED_USAGE.ordinal() ? c.spEffective()
                    : kind == LineItemType.DISCOUNTED_USAGE.ordinal() ? c.riEffective() : -1;
            if (ec >= 0) {
                if (!cost(b, size, ec, at + EFFECTIVE, "effective cost")) {
                    return;
                }
                sums = 3;
            }
        }
        sumsOf[i] = sums;
        int keyStart = i == 0 ? 0 : keyEnd[i - 1];
        int keyStop = key(b, size, kind, t, keyStart);
        keyEnd[i] = keyStop;
        keyHash[i] = SumTable.hash(key, keyStart, keyStop);
        pending = i + 1;
        rated++;
        if (pending == BATCH) {
            flush();
        }
    }

    /** Reads a cost column into pending slot {@code at}; skips the row (and returns false) if it is not a number. */
    private boolean cost(byte[] b, int size, int column, int at, String what) {
        if (column >= size || to[column] == from[column]) {
            skip(what + " is empty");
            forget(at);
            return false;
        }
        return amount(b, column, at, what, true);
    }

    /**
     * Reads the amount in {@code column} into pending slot {@code at}, as billionths (usage) or 10^-10 (costs) when it
     * is a plain decimal, else exactly. @return false, the row skipped and counted, if it is not a number (or, unless
     * {@code signed}, negative)
     */
    private boolean amount(byte[] b, int column, int at, String what, boolean signed) {
        int scale = keys.scale(at % 3);
        long packed = number(column);
        long n = packed != 0 ? RowBytes.fixed(packed, scale) : keys.parse(b, from[column], to[column], scale);
        if (n >= 0) {
            nanos[at] = n;
            places[at] = packed != 0 ? (int) (packed & 31) : keys.parsedPlaces();
            exact[at] = null;
            return true;
        }
        BigDecimal v = decimal(b, column, packed); // not a plain decimal that fits: BigDecimal decides
        if (v == null || !signed && v.signum() < 0) {
            skip(v == null ? what + " is not a number" : "negative " + what);
            forget(at);
            return false;
        }
        exact[at] = v;
        return true;
    }

    /** @return the column's double as {@link RowBytes#number} gives it, or 0 for text (and for a line's rows) */
    private long number(int column) {
        return typed == null ? 0L : typed.number(column);
    }

    /**
     * @param packed the column's double as {@link RowBytes#number} gives it, or 0 for text
     * @return the column's value exactly: the double's decimal, or its text read by BigDecimal; null if the text is
     *     not a number
     */
    private BigDecimal decimal(byte[] b, int column, long packed) {
        if (packed != 0) {
            return RowBytes.exact(packed);
        }
        try {
            return new BigDecimal(new String(b, from[column], to[column] - from[column], StandardCharsets.UTF_8)
                    .trim());
        } catch (NumberFormatException x) {
            return null;
        }
    }

    /** A row skipped after its first sums were read leaves nothing behind in the slots before {@code at}. */
    private void forget(int at) {
        for (int k = at - at % 3; k < at; k++) {
            exact[k] = null;
        }
    }

    /** A line never re-rated: its unblended cost, summed by line item type and product code. */
    private void passThrough(byte[] b, int size, LineItemType kind) {
        int uc = c.unblended();
        if (uc < 0) {
            skip(kind.billed() + " line passed through, but the export has no unblended cost column");
            return;
        }
        if (uc >= size || to[uc] == from[uc]) {
            skip("unblended cost is empty");
            return;
        }
        BigDecimal cost = decimal(b, uc, number(uc));
        if (cost == null) {
            skip("unblended cost is not a number");
            return;
        }
        int pc = c.productCode();
        String product = pc >= 0 && pc < size ? new String(b, from[pc], to[pc] - from[pc], StandardCharsets.UTF_8)
                .trim() : "";
        passed.computeIfAbsent(kind, x -> new TreeMap<>()).merge(product, new Passed(1, cost), Passed::plus);
    }

    /** Sums the pending rows. Called when the batch is full, and once after the last row. */
    void flush() {
        for (int i = 0; i < pending; i++) {
            slot[i] = keys.slot(keyHash[i]);
        }
        long touched = 0;
        for (int i = 0, keyStart = 0; i < pending; i++) {
            touched += keys.touch(slot[i], keyEnd[i] - keyStart);
            keyStart = keyEnd[i];
        }
        sink += touched;
        int keyStart = 0;
        for (int i = 0; i < pending; i++) {
            int len = keyEnd[i] - keyStart;
            int e = keys.find(key, keyStart, len, keyHash[i]);
            if (e < 0) {
                e = keys.add(key, keyStart, len, keyHash[i]);
            }
            for (int sum = 0, at = i * 3; sum < sumsOf[i]; sum++, at++) {
                if (exact[at] == null) {
                    keys.add(e, sum, nanos[at], places[at]);
                } else {
                    keys.add(e, sum, exact[at]);
                    exact[at] = null;
                }
            }
            keyStart = keyEnd[i];
        }
        pending = 0;
    }

    /**
     * Writes the key of this line's group (its payer account; empty without one, the account being the group),
     * account, month, resource, tags, kind and type at {@code n}. @return its end
     */
    private int key(byte[] b, int size, int kind, int t, int n) {
        if (payer >= 0 && payer < size) { // empty without a payer: the account is the group, not written twice
            n = put(b, from[payer], to[payer], n);
        } else {
            n = putInt(0, n);
        }
        if (account >= 0 && account < size) {
            n = put(b, from[account], to[account], n);
        } else {
            n = putInt(0, n);
        }
        if (start >= 0 && start < size && to[start] - from[start] >= 7) {
            n = put(b, from[start], from[start] + 7, n);
        } else {
            n = putInt(0, n);
        }
        if (resource >= 0 && resource < size && to[resource] > from[resource]) {
            n = put(b, from[resource], to[resource], n);
        } else {
            n = put(NO_RESOURCE, 0, NO_RESOURCE.length, n);
        }
        int[] tags = c.tags();
        for (int i = 0; i < tags.length; i++) {
            int tag = tags[i];
            TagMap m = tagMaps[i];
            if (m != null) {
                // A map that is not a JSON object of strings gives the tag TagMap.NOT_A_MAP: the row is still
                // rated, and its cost shows under that value, not lost nor untagged.
                if (!(tag >= size ? m.find(b, 0, 0) : m.find(b, from[tag], to[tag]))) {
                    m.notAMap();
                }
                n = put(m.value(), 0, m.valueLength(), n);
            } else {
                n = tag < size ? put(b, from[tag], to[tag], n) : putInt(0, n);
            }
        }
        return putInt(t, putInt(kind, n));
    }

    /** Appends a length-prefixed part: no two different rows' parts make the same key, whatever their bytes. */
    private int put(byte[] b, int s, int e, int n) {
        int len = e - s;
        if (n + len + 16 > key.length) {
            key = Arrays.copyOf(key, Math.max(key.length * 2, n + len + 16));
        }
        n = putInt(len, n);
        System.arraycopy(b, s, key, n, len);
        return n + len;
    }

    private int putInt(int v, int n) {
        if (n + 12 > key.length) { // 8 bytes to spare after a key: the hash may read them
            key = Arrays.copyOf(key, key.length * 2);
        }
        setInt(key, n, v);
        return n + 4;
    }

    private static void setInt(byte[] k, int n, int v) {
        k[n] = (byte) (v >>> 24);
        k[n + 1] = (byte) (v >>> 16);
        k[n + 2] = (byte) (v >>> 8);
        k[n + 3] = (byte) v;
    }

    private static int getInt(byte[] k, int n) {
        return (k[n] & 0xFF) << 24 | (k[n + 1] & 0xFF) << 16 | (k[n + 2] & 0xFF) << 8 | (k[n + 3] & 0xFF);
    }

    /**
     * One metered resource's context: who used it, as which line item type, with which tag values. Its name, unique in
     * its group, is the resource as shown and a number (one string per resource: there may be millions).
     */
    record Meta(String account, String name, int shownLength, LineItemType kind, List<String> tags) {

        /** @return the resource and where it is priced, as the result shows it */
        String resource() {
            return name.substring(0, shownLength);
        }
    }

    /**
     * A billing family's (or account's) month: its resources' usage in columns, rated together (one free tier, one set
     * of tiers), each resource with its context at the same index.
     */
    record Group(BulkUsage usage, List<Meta> meta) {
    }

    /** AWS's costs for one account, line item type and priced usage type. */
    record Billed(String account, LineItemType kind, String usageType) {
    }

    /**
     * The sums as resources' usage, a resource per group, account, month, resource, tags, kind, service and region,
     * grouped by billing family (or account) and month, in the order they were first met. A resource's key is its
     * sums' key with the usage type replaced by where it is priced, so they are grouped with one more table, and each
     * resource's strings are made once, not once per usage type. AWS's costs are summed into {@code billed}: per
     * account, kind and priced usage type, the unblended and the effective cost (null where the export has none).
     * Called once: the sums' table is released.
     */
    List<Group> groups(Map<Billed, BigDecimal[]> billed) {
        flush();
        Map<List<String>, Integer> places = new HashMap<>(); // service and region -> number
        int[] placeOf = new int[targets.size()];
        String[] usageTypeOf = new String[targets.size()];
        for (int t = 0; t < targets.size(); t++) {
            UsageIndex.Target target = targets.get(t);
            placeOf[t] = places.computeIfAbsent(List.of(target.service(), target.region()), x -> places.size());
            usageTypeOf[t] = index.usageType(target);
        }
        SumTable resources = new SumTable(keys.size());
        List<Meta> metas = new ArrayList<>();
        List<UsageIndex.Target> where = new ArrayList<>(); // per resource: a target at its service and region
        int[] resourceOf = new int[keys.size()]; // per key: its resource, base usage type and usage
        String[] typeOfKey = new String[keys.size()];
        BigDecimal[] usageOfKey = new BigDecimal[keys.size()];
        Map<String, Integer> byAccountMonth = new HashMap<>(); // group and month -> number, in the order first met
        int[] groupOf = new int[Math.max(16, keys.size() / 2)]; // per resource: its group's number
        int parts = 4 + c.tags().length; // group, account, month, resource, tags
        Map<String, String> strings = new HashMap<>(); // accounts and tag values, each kept once
        for (int n = 0; n < keys.size(); n++) {
            int entry = keys.entry(n);
            byte[] k = keys.key(entry);
            int typeAt = k.length - 4;
            int t = getInt(k, typeAt);
            UsageIndex.Target target = targets.get(t);
            setInt(k, typeAt, placeOf[t]); // the resource's key: the same parts, its place
            int h = SumTable.hash(k, 0, k.length);
            int found = resources.find(k, k.length, h);
            int r;
            if (found >= 0) {
                r = resources.number(found);
            } else {
                r = resources.number(resources.add(k, k.length, h));
                String[] s = new String[parts];
                int at = 0;
                for (int i = 0; i < parts; i++) {
                    int len = getInt(k, at);
                    s[i] = new String(k, at + 4, len, StandardCharsets.UTF_8);
                    at += 4 + len;
                }
                LineItemType kind = KINDS[getInt(k, at)];
                String shown = s[3] + " [" + target.service() + " " + target.region() + "]";
                String[] tags = Arrays.copyOfRange(s, 4, parts);
                for (int i = 0; i < tags.length; i++) {
                    tags[i] = strings.computeIfAbsent(tags[i], x -> x);
                }
                // Unique in its group whatever the parts hold (two accounts' resources may share a name).
                metas.add(new Meta(strings.computeIfAbsent(s[1], x -> x), shown + " #" + r, shown.length(), kind,
                        List.of(tags)));
                where.add(target);
                String group = s[0].isEmpty() ? s[1] : s[0]; // the payer's family, else the account alone
                if (r == groupOf.length) {
                    groupOf = Arrays.copyOf(groupOf, r * 2);
                }
                groupOf[r] = byAccountMonth.computeIfAbsent(group + "|" + s[2], x -> byAccountMonth.size());
            }
            resourceOf[n] = r;
            typeOfKey[n] = target.baseUsageType();
            usageOfKey[n] = keys.total(entry, USAGE);
            if (c.unblended() >= 0) {
                Meta m = metas.get(r);
                BigDecimal[] sums = billed.computeIfAbsent(new Billed(m.account(), m.kind(), usageTypeOf[t]),
                        x -> new BigDecimal[2]);
                sums[0] = sums[0] == null ? keys.total(entry, UNBLENDED) : sums[0].add(keys.total(entry, UNBLENDED));
                boolean effective = m.kind() == LineItemType.SAVINGS_PLAN_COVERED_USAGE && c.spEffective() >= 0
                        || m.kind() == LineItemType.DISCOUNTED_USAGE && c.riEffective() >= 0;
                if (effective) {
                    BigDecimal e = keys.total(entry, EFFECTIVE);
                    sums[1] = sums[1] == null ? e : sums[1].add(e);
                }
            }
        }
        int keyCount = keys.size();
        keys.release(); // read once: its memory goes to the rating that follows
        // Each group's resources in the order first met, then their usage in the keys' order (a resource's records
        // in the order its keys were first met, as the rating engine lays them out).
        List<BulkUsage.Builder> builders = new ArrayList<>(byAccountMonth.size());
        List<List<Meta>> groupMetas = new ArrayList<>(byAccountMonth.size());
        for (int g = 0; g < byAccountMonth.size(); g++) {
            builders.add(BulkUsage.builder());
            groupMetas.add(new ArrayList<>());
        }
        int[] localOf = new int[metas.size()];
        for (int r = 0; r < metas.size(); r++) { // each group's resources in the order first met
            UsageIndex.Target place = where.get(r);
            localOf[r] = builders.get(groupOf[r]).resource(metas.get(r).name(), place.service(), place.region());
            groupMetas.get(groupOf[r]).add(metas.get(r));
        }
        for (int n = 0; n < keyCount; n++) {
            int r = resourceOf[n];
            builders.get(groupOf[r]).usage(localOf[r], typeOfKey[n], usageOfKey[n]);
        }
        List<Group> groups = new ArrayList<>(builders.size());
        for (int g = 0; g < builders.size(); g++) {
            groups.add(new Group(builders.get(g).build(), groupMetas.get(g)));
        }
        return groups;
    }

    /** @return whether accounts are rated together by their payer (billing family) */
    boolean byPayer() {
        return payer >= 0;
    }

    /** FOCUS's charge category, commitment status and category, one after another, unit separators between. */
    private byte[] focusKey = new byte[64];

    /** @return the {@link LineItemType} ordinal of a FOCUS row, from its three columns, or -1 if it is none */
    private int focusKind(byte[] b, int size) {
        int n = focusPart(b, size, c.lineItemType(), 0);
        n = focusPart(b, size, c.commitmentStatus(), n);
        n = focusPart(b, size, c.commitmentCategory(), n);
        return focusKindOf.get(focusKey, 0, n - 1);
    }

    /** Appends column {@code col}'s value (empty if absent) and a unit separator at {@code n}. @return the end */
    private int focusPart(byte[] b, int size, int col, int n) {
        int len = col >= 0 && col < size ? to[col] - from[col] : 0;
        if (n + len + 9 > focusKey.length) { // 8 bytes to spare: the hash may read them
            focusKey = Arrays.copyOf(focusKey, Math.max(focusKey.length * 2, n + len + 9));
        }
        System.arraycopy(b, col >= 0 && col < size ? from[col] : 0, focusKey, n, len);
        focusKey[n + len] = 0x1F;
        return n + len + 1;
    }

    /** @return the number of a billed usage type's target, or -1 if it is not priced */
    private int resolve(String usageType) {
        Optional<UsageIndex.Target> found = index.find(usageType);
        if (found.isEmpty()) {
            return -1;
        }
        UsageIndex.Target t = found.get();
        UsageIndex.Target billed = whatIfArm ? new UsageIndex.Target(t.service(), t.region(),
                io.github.computecost.estimate.Services.armEquivalent(t.service(), t.baseUsageType())) : t;
        return targetIds.computeIfAbsent(billed, x -> {
            targets.add(x);
            return targets.size() - 1;
        });
    }

    /**
     * Splits {@code b[p..end)} into its first {@link #width} fields, into {@link #from} and {@link #to}, as
     * {@code Csv.split} would (quotes may open and close anywhere in a field; a doubled quote inside quotes is
     * one quote). A field with quotes is rewritten in place without them.
     *
     * @return the number of fields found, or -1 if a quoted field is not closed
     */
    int split(byte[] b, int p, int end) {
        int n = 0;
        while (true) {
            int s = p;
            while (p < end && b[p] != ',' && b[p] != '"') {
                p++;
            }
            if (p < end && b[p] == '"') {
                p = unquote(b, n, p, end);
                if (p < 0) {
                    return -1;
                }
            } else {
                to[n] = p;
            }
            from[n] = s;
            n++;
            if (n == width || p >= end) {
                return n;
            }
            p++; // the comma
        }
    }

    /**
     * The rest of field {@code n}, which has a quote at {@code q}, rewritten from {@code q} on.
     *
     * @return where the field ends in the line (its comma or the line's end), or -1 if a quote is not closed
     */
    private int unquote(byte[] b, int n, int q, int end) {
        int w = q;
        boolean quoted = false;
        int p = q;
        for (; p < end; p++) {
            byte c = b[p];
            if (quoted) {
                if (c == '"' && p + 1 < end && b[p + 1] == '"') {
                    b[w++] = '"';
                    p++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    b[w++] = c;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                break;
            } else {
                b[w++] = c;
            }
        }
        if (quoted) {
            return -1;
        }
        to[n] = w;
        return p;
    }

    /**
     * The sums so far, by value: each key's parts before its kind and type (as ISO-8859-1 text, byte for byte), its
     * kind, where its type is priced, its sums and the place it was first met ({@code part} in the high bits, its
     * number here in the low ones), for {@link Partial} to carry to another machine and merge.
     */
    Map<Partial.Key, Partial.Sums> sums(int part) {
        flush();
        Map<Partial.Key, Partial.Sums> out = new HashMap<>(keys.size() * 2);
        int n = keysSums();
        for (int i = 0; i < keys.size(); i++) {
            int entry = keys.entry(i);
            byte[] k = keys.key(entry);
            UsageIndex.Target t = targets.get(getInt(k, k.length - 4));
            BigDecimal[] v = new BigDecimal[n];
            for (int sum = 0; sum < n; sum++) {
                v[sum] = keys.total(entry, sum);
            }
            out.put(new Partial.Key(new String(k, 0, k.length - 8, StandardCharsets.ISO_8859_1),
                    getInt(k, k.length - 8), t.service(), t.region(), t.baseUsageType()),
                    new Partial.Sums((long) part << 32 | i, v));
        }
        return out;
    }

    /**
     * Adds sums another aggregator made with the same columns (see {@link #sums}), exactly, in the order they were
     * first met: resources are then rated in the order an export's lines would have met them.
     */
    void absorb(Map<Partial.Key, Partial.Sums> sums) {
        List<Map.Entry<Partial.Key, Partial.Sums>> ordered = new ArrayList<>(sums.entrySet());
        ordered.sort(Map.Entry.comparingByValue(java.util.Comparator.comparingLong(Partial.Sums::first)));
        for (Map.Entry<Partial.Key, Partial.Sums> e : ordered) {
            Partial.Key k = e.getKey();
            int t = targetIds.computeIfAbsent(new UsageIndex.Target(k.service(), k.region(), k.baseUsageType()), x -> {
                targets.add(x);
                return targets.size() - 1;
            });
            byte[] prefix = k.prefix().getBytes(StandardCharsets.ISO_8859_1);
            byte[] full = Arrays.copyOf(prefix, prefix.length + 16); // 8 bytes to spare: the hash may read them
            setInt(full, prefix.length, k.kind());
            setInt(full, prefix.length + 4, t);
            int len = prefix.length + 8;
            int h = SumTable.hash(full, 0, len);
            int entry = keys.find(full, len, h);
            if (entry < 0) {
                entry = keys.add(full, len, h);
            }
            BigDecimal[] v = e.getValue().values();
            for (int sum = 0; sum < v.length && sum < keysSums(); sum++) {
                keys.add(entry, sum, v[sum]);
            }
        }
    }

    /** @return how many sums each key has */
    int keysSums() {
        return c.unblended() >= 0 ? 3 : 1;
    }

    /** Adds another aggregator's counts: rows, rows rated, skipped and passed-through lines. */
    void absorbCounts(long moreRows, long moreRated, Map<String, Long> moreSkipped,
            Map<LineItemType, Map<String, Passed>> morePassed) {
        rows += moreRows;
        rated += moreRated;
        moreSkipped.forEach((k, v) -> skipped().merge(k, v, Long::sum));
        mergePassed(passed, morePassed);
    }

    /** Adds {@code more}'s passed-through lines into {@code into}, per line item type and product code. */
    static void mergePassed(Map<LineItemType, Map<String, Passed>> into, Map<LineItemType, Map<String, Passed>> more) {
        more.forEach((k, m) -> m.forEach((p, v) -> into.computeIfAbsent(k, x -> new TreeMap<>()).merge(p, v,
                Passed::plus)));
    }

    /** Counts a line that was not read at all (too long to hold) as a row skipped for {@code reason}. */
    void skipLine(String reason) {
        rows++;
        skip(reason);
    }

    private void skip(String reason) {
        if (reason != lastSkip) { // the reasons are constants, or made once per row: identity is enough to batch
            skipped();
            lastSkip = reason;
        }
        lastSkipRows++;
    }
}
