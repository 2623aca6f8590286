package io.github.computecost.rerate;

import io.github.computecost.service.MeteredResource;
import io.github.computecost.service.UsageRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    private final UsageIndex index;
    private final boolean whatIfArm;
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

    /** Raw usage types as billed → {@link #typeOf} (an index into {@link #targets}, or -1: not priced). */
    private final SumTable rawTypes = new SumTable(64);
    private int[] typeOf = new int[64];
    private final Map<UsageIndex.Target, Integer> targetIds = new HashMap<>();
    /** Where each type is priced, its base usage type after any what-if. */
    final List<UsageIndex.Target> targets = new ArrayList<>();

    /** Keys: account, month, resource (each length-prefixed) and type number; the usage summed. */
    final SumTable keys = new SumTable(1 << 12);

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
    private final long[] nanos = new long[BATCH];
    private final int[] places = new int[BATCH];
    private final BigDecimal[] exact = new BigDecimal[BATCH];
    private int pending;
    /** Where the touched values go, so that the compiler keeps the loads. */
    private long sink;

    final Map<String, Long> skipped = new TreeMap<>();
    long rows;
    long rated;

    Aggregator(UsageIndex index, boolean whatIfArm, int type, int amount, int resource, int account, int start) {
        this(index, whatIfArm, type, amount, resource, account, start, -1);
    }

    /** @param payer the payer account's column, to rate each billing family together; -1 to rate per account */
    Aggregator(UsageIndex index, boolean whatIfArm, int type, int amount, int resource, int account, int start,
            int payer) {
        this.index = index;
        this.whatIfArm = whatIfArm;
        this.type = type;
        this.amount = amount;
        this.resource = resource;
        this.account = account;
        this.start = start;
        this.payer = payer;
        this.width = Math.max(Math.max(Math.max(type, amount), Math.max(resource, Math.max(account, start))),
                payer) + 1;
        this.from = new int[width];
        this.to = new int[width];
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

    /** One record given as values; goes the same way as a line. */
    void record(BilledUsage u) {
        rows++;
        String[] values = new String[width];
        values[type] = u.usageType();
        values[amount] = u.amount().toPlainString();
        if (resource >= 0) {
            values[resource] = u.resourceId();
        }
        if (account >= 0) {
            values[account] = u.accountId();
        }
        if (start >= 0) {
            values[start] = u.month() == null ? null : u.month().toString();
        }
        byte[][] bytes = new byte[width][];
        int length = 0;
        for (int i = 0; i < width; i++) {
            bytes[i] = values[i] == null ? new byte[0] : values[i].getBytes(StandardCharsets.UTF_8);
            length += bytes[i].length;
        }
        byte[] line = new byte[length];
        int p = 0;
        for (int i = 0; i < width; i++) {
            System.arraycopy(bytes[i], 0, line, p, bytes[i].length);
            from[i] = p;
            p += bytes[i].length;
            to[i] = p;
        }
        fields(line, width);
    }

    private void fields(byte[] b, int size) {
        if (size <= Math.max(type, amount)) {
            skip("too few columns");
            return;
        }
        int t = typeOf(b, from[type], to[type]);
        if (t < 0) {
            skip("usage type not priced by compute-cost");
            return;
        }
        int as = from[amount];
        int ae = to[amount];
        long nanos = keys.parse(b, as, ae);
        BigDecimal qty = null;
        if (nanos < 0) { // not a plain decimal of at most 9 places that fits: BigDecimal decides
            try {
                qty = new BigDecimal(new String(b, as, ae - as, StandardCharsets.UTF_8).trim());
            } catch (NumberFormatException e) {
                skip("usage amount is not a number");
                return;
            }
            if (qty.signum() < 0) {
                skip("negative usage amount");
                return;
            }
        }
        int i = pending;
        int keyStart = i == 0 ? 0 : keyEnd[i - 1];
        int keyStop = key(b, size, t, keyStart);
        keyEnd[i] = keyStop;
        keyHash[i] = SumTable.hash(key, keyStart, keyStop);
        this.nanos[i] = nanos;
        this.places[i] = keys.parsedPlaces();
        this.exact[i] = qty;
        pending = i + 1;
        rated++;
        if (pending == BATCH) {
            flush();
        }
    }

    /** Sums the pending rows. Called when the batch is full, and once after the last row. */
    void flush() {
        for (int i = 0; i < pending; i++) {
            slot[i] = keys.slot(keyHash[i]);
        }
        long touched = 0;
        for (int i = 0; i < pending; i++) {
            touched += keys.touch(slot[i]);
        }
        sink += touched;
        int keyStart = 0;
        for (int i = 0; i < pending; i++) {
            int len = keyEnd[i] - keyStart;
            int e = keys.find(key, keyStart, len, keyHash[i]);
            if (e < 0) {
                e = keys.add(key, keyStart, len, keyHash[i]);
            }
            if (exact[i] == null) {
                keys.add(e, nanos[i], places[i]);
            } else {
                keys.add(e, exact[i]);
                exact[i] = null;
            }
            keyStart = keyEnd[i];
        }
        pending = 0;
    }

    /**
     * Writes the key of this line's group (its payer account; empty without one, the account being the group),
     * account, month, resource and type at {@code n}. @return its end
     */
    private int key(byte[] b, int size, int t, int n) {
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
        return putInt(t, n);
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
     * The sums as metered resources, one per account, month, resource, service and region, grouped by account and
     * month (each has its own free tier), in the order they were first met. A resource's key is its sums' key with
     * the usage type replaced by where it is priced, so they are grouped with one more table, and each resource's
     * strings are made once, not once per usage type.
     */
    Collection<List<MeteredResource>> meteredByAccountMonth() {
        flush();
        Map<List<String>, Integer> places = new HashMap<>(); // service and region -> number
        int[] placeOf = new int[targets.size()];
        for (int t = 0; t < targets.size(); t++) {
            UsageIndex.Target target = targets.get(t);
            placeOf[t] = places.computeIfAbsent(List.of(target.service(), target.region()), x -> places.size());
        }
        SumTable resources = new SumTable(keys.size());
        List<String[]> names = new ArrayList<>(); // per resource: label, service, region
        List<List<UsageRecord>> usage = new ArrayList<>();
        Map<String, List<Integer>> byAccountMonth = new LinkedHashMap<>();
        for (int n = 0; n < keys.size(); n++) {
            int entry = keys.entry(n);
            byte[] k = keys.key(entry);
            int typeAt = k.length - 4;
            UsageIndex.Target target = targets.get(getInt(k, typeAt));
            setInt(k, typeAt, placeOf[getInt(k, typeAt)]); // the resource's key: the same parts, its place
            int h = SumTable.hash(k, 0, k.length);
            int found = resources.find(k, k.length, h);
            int r;
            if (found >= 0) {
                r = resources.number(found);
            } else {
                r = resources.number(resources.add(k, k.length, h));
                String[] s = new String[4]; // group, account, month, resource
                int at = 0;
                for (int i = 0; i < 4; i++) {
                    int len = getInt(k, at);
                    s[i] = new String(k, at + 4, len, StandardCharsets.UTF_8);
                    at += 4 + len;
                }
                String shown = s[3] + " [" + target.service() + " " + target.region() + "]";
                // In a billing family, two accounts' resources may share a name (no resource id): each is its own.
                names.add(new String[] {payer >= 0 ? s[1] + "/" + shown : shown, target.service(), target.region(),
                    shown});
                usage.add(new ArrayList<>(2));
                String group = s[0].isEmpty() ? s[1] : s[0]; // the payer's family, else the account alone
                byAccountMonth.computeIfAbsent(group + "|" + s[2], x -> new ArrayList<>()).add(r);
            }
            usage.get(r).add(new UsageRecord(target.baseUsageType(), keys.total(entry), true));
        }
        List<List<MeteredResource>> groups = new ArrayList<>(byAccountMonth.size());
        for (List<Integer> members : byAccountMonth.values()) {
            List<MeteredResource> group = new ArrayList<>(members.size());
            for (int r : members) {
                String[] name = names.get(r);
                group.add(new MeteredResource(name[0], "usage", name[1], name[2], usage.get(r), List.of()));
            }
            groups.add(group);
        }
        return groups;
    }

    /** @return whether accounts are rated together by their payer (billing family) */
    boolean byPayer() {
        return payer >= 0;
    }

    /** @return a metered resource's name as the result shows it: without the account that keeps it apart in a family */
    String shown(String metered) {
        return payer >= 0 ? metered.substring(metered.indexOf('/') + 1) : metered;
    }

    /** @return the number of the billed usage type {@code b[s..e)}'s target, or -1 if it is not priced */
    private int typeOf(byte[] b, int s, int e) {
        int len = e - s;
        int h = SumTable.hash(b, s, e);
        int found = rawTypes.find(b, s, len, h);
        if (found >= 0) {
            return typeOf[rawTypes.number(found)];
        }
        int t = resolve(new String(b, s, len, StandardCharsets.UTF_8));
        if (rawTypes.size() < MAX_TYPES) {
            int added = rawTypes.number(rawTypes.add(b, s, len, h));
            if (added == typeOf.length) {
                typeOf = Arrays.copyOf(typeOf, added * 2);
            }
            typeOf[added] = t;
        }
        return t;
    }

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

    /** Counts a line that was not read at all (too long to hold) as a row skipped for {@code reason}. */
    void skipLine(String reason) {
        rows++;
        skip(reason);
    }

    private void skip(String reason) {
        skipped.merge(reason, 1L, Long::sum);
    }
}
