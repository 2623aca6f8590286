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

        /**
         * @param kind a {@link LineItemType} ordinal
         * @return the column of a row's effective cost: Savings Plans' for covered usage, the reservation's for
         *     discounted usage; -1 for any other kind, or when the export lacks the column
         */
        int effective(int kind) {
            return kind == SP_COVERED ? spEffective : kind == DISCOUNTED ? riEffective : -1;
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
    static final LineItemType[] KINDS = LineItemType.values();

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
        this.numericColumns = bits(numeric(columns, width));
        this.byNumberColumns = bits(byNumber(columns, width));
        this.keyForm = new byte[width];
        this.seenIn = new long[width][];
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
        if (values.maxId() >= interned.size()) {
            for (int col = 0; col < values.size(); col++) {
                if (values.id(col) >= interned.size()) {
                    throw new IllegalArgumentException("column " + col + "'s value was given with number "
                            + values.id(col) + ", which this partial did not give (see Partial.intern)");
                }
            }
        }
        // The text of a double read as a number, and of a value read by its number, is written when it is needed.
        values.writeAllBut(numericColumns, byNumberColumns, width);
        typed = values;
        try {
            record(values.buffer(), values.startsAsIs(), values.endsAsIs());
        } finally {
            typed = null;
        }
    }

    /** The row being read when it came as {@link RowBytes}, whose doubles are read as numbers; else null. */
    private RowBytes typed;

    /**
     * Rows given column by column. A row whose parts all came as numbers and whose key was met before, its amounts
     * and costs doubles of a plain decimal that fits (nearly every row of a bill after its first rows) is summed here
     * from the batch's columns: its kind, usage type and month resolved by number, its key found by numbers
     * ({@link #byNumbers}), its amounts read from their digits. Any other row (its key's first row, a row skipped,
     * passed through, or read with tags or as FOCUS) is made a row of values and read as {@link #record(RowBytes)}
     * reads it, in its turn: the figures, and the order keys are first met, are those of the same rows given one by
     * one.
     */
    void records(ColumnBatch batch) {
        numberedKeys = NUMBERED_KEYS_BY_COLUMNS; // no row-by-row reading between: its table grows with the keys
        boolean summable = !c.focus() && c.tags().length == 0 && batch.hasDoubles(amount) && batch.hasNumbers(type)
                && (c.lineItemType() < 0 || batch.hasNumbers(c.lineItemType()))
                && (c.unblended() < 0 || batch.hasDoubles(c.unblended()))
                && partOk(batch, payer) && partOk(batch, account) && partOk(batch, resource)
                && (start < 0 || start >= batch.width() || batch.hasNumbers(start));
        checkNumbers(batch);
        if (summable) {
            columnsOf(batch);
        }
        int count = batch.rows();
        for (int from = 0; from < count; from += BATCH) {
            int to = Math.min(count, from + BATCH);
            if (!summable || numberedOff) {
                for (int i = from; i < to; i++) {
                    recordOf(batch, i);
                }
                continue;
            }
            // Each row's key and amounts, and its slot touched; then each entry found, its sums touched; then each
            // row summed, or read as a row, in order: the waits on memory of a batch's rows overlap.
            long[] table = numbered;
            int mask = table.length / 3 - 1;
            long touched = 0;
            for (int i = from; i < to; i++) {
                int j = i - from;
                if (prepared(i, j)) {
                    int s = slotOf(batchX[j], batchY[j], mask);
                    batchSlot[j] = s;
                    touched += table[3 * s + 2];
                }
            }
            for (int j = 0; j < to - from; j++) {
                if (batchSums[j] > 0) {
                    int e = find(table, mask, batchX[j], batchY[j], batchSlot[j]);
                    batchEntry[j] = e;
                    if (e >= 0) {
                        touched += keys.touchSums(e);
                    }
                }
            }
            sink += touched;
            for (int i = from; i < to; i++) {
                int j = i - from;
                if (batchSums[j] == NOT_PRICED_ROW) {
                    rows++;
                    skip(NOT_PRICED);
                    continue;
                }
                int e = batchSums[j] > 0 ? batchEntry[j] : -1;
                if (e < 0) {
                    recordOf(batch, i); // its key's first row (it adds the key), or not summed from the columns
                    continue;
                }
                numberedHits++;
                rows++;
                rated++;
                int at = 3 * j;
                keys.add(e, USAGE, batchFixed[at], batchPlaces[at]);
                for (int sum = 1; sum < batchSums[j]; sum++) {
                    keys.add(e, sum, batchFixed[at + sum], batchPlaces[at + sum]);
                }
            }
        }
    }

    /** The skip reason of a row whose usage type is not priced, as a row read as a row gives it. */
    private static final String NOT_PRICED = "usage type not priced by compute-cost";
    /** A row of the batch skipped because its usage type is not priced: nothing of it is read as a row. */
    private static final int NOT_PRICED_ROW = -1;

    /** Table size for keys found by numbers when rows come by columns, whose table is not read row by row. */
    private static final int NUMBERED_KEYS_BY_COLUMNS = 1 << 24;

    /** Per row of the batch being summed: its key's numbers, slot and entry, its sums' amounts and places. */
    private final long[] batchX = new long[BATCH];
    private final long[] batchY = new long[BATCH];
    private final int[] batchSlot = new int[BATCH];
    private final int[] batchEntry = new int[BATCH];
    /** How many sums the row adds to (0: it is read as a row; {@link #NOT_PRICED_ROW}: it is skipped). */
    private final int[] batchSums = new int[BATCH];
    private final long[] batchFixed = new long[BATCH * 3];
    private final int[] batchPlaces = new int[BATCH * 3];

    /** @return whether a key part's column is absent, or holds numbers in the batch */
    private static boolean partOk(ColumnBatch batch, int col) {
        return col < 0 || col >= batch.width() || batch.hasNumbers(col);
    }

    /** Refuses a batch holding a number this aggregator did not give. */
    private void checkNumbers(ColumnBatch batch) {
        int limit = interned.size();
        for (int col = 0; col < width; col++) {
            if (batch.hasNumbers(col)) {
                for (int i = 0, rows = batch.rows(); i < rows; i++) {
                    int id = batch.number(col, i);
                    if (id < -1 || id >= limit) {
                        throw new IllegalArgumentException("column " + col + "'s value in row " + i + " of the batch "
                                + "was given with number " + id + ", which this partial did not give "
                                + "(see Partial.intern)");
                    }
                }
            }
        }
    }

    /** @return the entry of the key of numbers {@code x, y} from slot {@code s} on, or -1 (not in the table) */
    private static int find(long[] table, int mask, long x, long y, int s) {
        while (true) {
            long v = table[3 * s + 2];
            if (v == 0) {
                return -1;
            }
            if (table[3 * s] == x && table[3 * s + 1] == y) {
                return (int) v - 1;
            }
            s = (s + 1) & mask;
        }
    }

    /**
     * Reads row {@code i} of the batch into place {@code j} if its parts all came as numbers and its amounts and costs
     * are doubles of a plain decimal that fits: its kind, usage type and month resolved by number, its key's numbers
     * as {@link #byNumbers} packs them. @return whether it did (else place {@code j} says the row is read as a row)
     */
    private boolean prepared(int i, int j) {
        batchSums[j] = 0;
        int kind = LineItemType.USAGE.ordinal();
        if (kindNumbers != null) {
            int id = kindNumbers[i];
            if (id < 0) {
                return false;
            }
            kind = kinds.ofNumber(id);
            if (kind < 0 || KINDS[kind].treatment() == LineItemType.Treatment.PASSED_THROUGH) {
                return false;
            }
        }
        int typeId = typeNumbers[i];
        int t = typeId < 0 ? -1 : types.ofNumber(typeId);
        if (t < 0) {
            if (typeId >= 0) {
                batchSums[j] = NOT_PRICED_ROW; // skipped as a row would be: its kind is known, its type not priced
            }
            return false;
        }
        int at = 3 * j;
        if (!fixedAt(usageDoubles, usageEmpty, i, SumTable.SCALE, at + USAGE)) {
            return false;
        }
        int sums = 1;
        if (unblendedDoubles != null) {
            if (!fixedAt(unblendedDoubles, unblendedEmpty, i, SumTable.COST_SCALE, at + UNBLENDED)) {
                return false;
            }
            sums = 2;
            if (c.effective(kind) >= 0) { // its effective cost, when the export has the column, as a double
                double[] doubles = kind == SP_COVERED ? spDoubles : riDoubles;
                if (doubles == null || !fixedAt(doubles, kind == SP_COVERED ? spEmpty : riEmpty, i,
                        SumTable.COST_SCALE, at + EFFECTIVE)) {
                    return false;
                }
                sums = 3;
            }
        }
        int month = 0;
        if (startNumbers != null) {
            int id = startNumbers[i];
            month = id < 0 ? 0 : monthOfNumber(id);
        }
        if (!packs(month, kind, t)) {
            return false;
        }
        batchX[j] = packedX(payerNumbers == null ? 0 : payerNumbers[i] + 1L,
                accountNumbers == null ? 0 : accountNumbers[i] + 1L);
        batchY[j] = packedY(resourceNumbers == null ? 0 : resourceNumbers[i] + 1L, month, kind, t);
        batchSums[j] = sums;
        return true;
    }

    private static final int SP_COVERED = LineItemType.SAVINGS_PLAN_COVERED_USAGE.ordinal();
    private static final int DISCOUNTED = LineItemType.DISCOUNTED_USAGE.ordinal();

    /** The batch's columns a row summed from the columns reads (null for a column the export lacks). */
    private int[] kindNumbers;
    private int[] typeNumbers;
    private int[] payerNumbers;
    private int[] accountNumbers;
    private int[] resourceNumbers;
    private int[] startNumbers;
    private double[] usageDoubles;
    private long[] usageEmpty;
    private double[] unblendedDoubles;
    private long[] unblendedEmpty;
    private double[] spDoubles;
    private long[] spEmpty;
    private double[] riDoubles;
    private long[] riEmpty;

    private void columnsOf(ColumnBatch batch) {
        kindNumbers = batch.numbersOf(c.lineItemType());
        typeNumbers = batch.numbersOf(type);
        payerNumbers = batch.numbersOf(payer);
        accountNumbers = batch.numbersOf(account);
        resourceNumbers = batch.numbersOf(resource);
        startNumbers = batch.numbersOf(start);
        usageDoubles = batch.doublesOf(amount);
        usageEmpty = batch.emptyOf(amount);
        unblendedDoubles = batch.doublesOf(c.unblended());
        unblendedEmpty = batch.emptyOf(c.unblended());
        spDoubles = batch.doublesOf(c.spEffective());
        spEmpty = batch.emptyOf(c.spEffective());
        riDoubles = batch.doublesOf(c.riEffective());
        riEmpty = batch.emptyOf(c.riEffective());
    }

    /**
     * Reads row {@code i}'s double of a column into pending place {@code at}, in units of 10^-{@code scale} as
     * {@link #amount} reads it from its digits, with its places. @return false if it is empty, negative or not a
     * plain decimal that fits: the row is then read as a row
     */
    private boolean fixedAt(double[] doubles, long[] empty, int i, int scale, int at) {
        if ((empty[i >>> 6] & 1L << i) != 0) {
            return false;
        }
        double v = doubles[i];
        long fast = RowBytes.fixedAndPlaces(v, scale);
        if (fast != -2) {
            if (fast < 0) {
                return false;
            }
            batchFixed[at] = fast >>> 5;
            batchPlaces[at] = (int) (fast & 31);
            return true;
        }
        long packed = RowBytes.shortest(v);
        if (packed <= 0 || v < 0) {
            return false;
        }
        long n = RowBytes.fixed(packed, scale);
        if (n < 0) {
            return false;
        }
        batchFixed[at] = n;
        batchPlaces[at] = (int) (packed & 31);
        return true;
    }

    /** @return the place + 1 among the months met of the month of the start numbered {@code id} (0: under 7 bytes) */
    private int monthOfNumber(int id) {
        if (id >= monthOf.length) {
            monthOf = grown(monthOf, id);
        }
        int m = monthOf[id];
        if (m == -2) {
            int e = interned.entry(id);
            if (interned.keyLength(e) < 7) {
                return 0; // as in a row: a start under 7 bytes has no month
            }
            String text = new String(interned.keyArena(), interned.keyStart(e), 7, StandardCharsets.ISO_8859_1);
            m = months.computeIfAbsent(text, x -> months.size()) + 1;
            monthOf[id] = m;
        }
        return m;
    }

    /** The row of values a batch's row is read as when it is not summed from the columns. */
    private RowBytes batchRow;

    /** Reads row {@code i} of the batch as the row of values it holds, as {@link #record(RowBytes)}. */
    private void recordOf(ColumnBatch batch, int i) {
        if (batchRow == null) {
            batchRow = new RowBytes(width);
        }
        RowBytes row = batchRow;
        row.clear();
        for (int col = 0; col < width; col++) {
            if (batch.hasNumbers(col)) {
                int id = batch.number(col, i); // checked for the batch
                if (id < 0) {
                    row.add((byte[]) null);
                } else {
                    int e = interned.entry(id);
                    row.add(interned.keyArena(), interned.keyStart(e), interned.keyLength(e), id);
                }
            } else if (batch.hasDoubles(col) && !batch.isEmpty(col, i)) {
                row.add(batch.doubleAt(col, i));
            } else {
                row.add((byte[]) null);
            }
        }
        record(row);
    }

    /*
     * Values of text columns that a columnar reader gives with a number (Parquet's dictionary pages: a column chunk's
     * few distinct values, each asked for once, see intern): a sum's key then holds the number, four bytes, in place
     * of the value's bytes (a shorter key to build, hash and compare, and a smaller table), and the line item and
     * usage types are resolved once per number. A key part holding a number has the top bit of its length set; no
     * length has it. So that one value never makes two keys, a column's values go into keys in one form, the form of
     * the first value met: after a number, a value given as bytes is numbered here; after bytes, a number is written
     * as its bytes (the row holds them either way). An empty value is always an empty part, as in a line.
     */
    static final int NUMBERED = 0x8000_0000;
    private final SumTable interned = new SumTable(256);
    /** Per number, its value as text, made when a result needs it. */
    private String[] internedText = new String[256];
    /** Per column: how its values go into keys (0: none yet, {@link #AS_BYTES} or {@link #AS_NUMBERS}). */
    private final byte[] keyForm;
    private static final byte AS_BYTES = 1;
    private static final byte AS_NUMBERS = 2;

    /**
     * @return the number of the value {@code b[from..from+length)}: the same bytes, the same number, from 0 up in the
     *     order first given (see {@link Partial#intern})
     */
    int intern(byte[] b, int from, int length) {
        int h = SumTable.hash(b, from, from + length);
        int e = interned.find(b, from, length, h);
        if (e < 0) {
            if (interned.size() == Integer.MAX_VALUE >>> 1) {
                throw new IllegalStateException("more distinct values than can be numbered");
            }
            e = interned.add(b, from, length, h);
        }
        return interned.number(e);
    }

    /** @return the text of value number {@code id} */
    private String internedText(int id) {
        if (id >= internedText.length) {
            internedText = Arrays.copyOf(internedText, Math.max(id + 1, internedText.length * 2));
        }
        String t = internedText[id];
        if (t == null) {
            t = new String(internedBytes(id), StandardCharsets.UTF_8);
            internedText[id] = t;
        }
        return t;
    }

    /** @return the bytes of value number {@code id}, as a copy */
    private byte[] internedBytes(int id) {
        return interned.key(interned.entry(id));
    }

    /** @return the number the row gave column {@code col}'s value with, or -1 */
    private int idOf(byte[] b, int col) {
        int id = typed == null ? -1 : typed.id(col); // below interned.size(): checked in record(RowBytes)
        if (id >= 0) {
            long[] seen = seenIn[col];
            if (seen == null || id >= seen.length << 6 || (seen[id >>> 6] & 1L << id) == 0) {
                see(b, col, id);
            }
        }
        return id;
    }

    /** Per column, the numbers whose bytes were compared with a value of the column once: each number's first use. */
    private final long[][] seenIn;

    /**
     * Compares the bytes of number {@code id} with column {@code col}'s value the first time the column's values use
     * the number: a number another partial gave, or given with other bytes, is refused, not summed under other bytes.
     */
    private void see(byte[] b, int col, int id) {
        bytesOf(col);
        byte[] v = internedBytes(id);
        if (!Arrays.equals(v, 0, v.length, b, from[col], to[col])) {
            throw new IllegalArgumentException("column " + col + "'s value was given with number " + id
                    + ", which this partial gave to other bytes (see Partial.intern)");
        }
        long[] seen = seenIn[col];
        if (seen == null || id >= seen.length << 6) {
            seen = Arrays.copyOf(seen == null ? new long[0] : seen, Math.max((id >>> 6) + 1,
                    seen == null ? 4 : seen.length * 2));
            seenIn[col] = seen;
        }
        seen[id >>> 6] |= 1L << id;
    }

    /**
     * What a column's values resolve to (by one of the memos), kept per number for values given with one, so that such
     * a value is resolved, and its bytes read, once per number.
     */
    private final class ByNumber {
        private final ByteMemo memo;
        private int[] byId = new int[0]; // -2: not resolved yet

        ByNumber(ByteMemo memo) {
            this.memo = memo;
        }

        /** @return what column {@code col}'s value resolves to */
        int of(byte[] b, int col) {
            int id = idOf(b, col);
            return id < 0 ? memo.get(b, from[col], to[col]) : ofNumber(id);
        }

        /** @return what the value numbered {@code id} (one this aggregator gave) resolves to */
        int ofNumber(int id) {
            if (id >= byId.length) {
                byId = grown(byId, id);
            }
            int r = byId[id];
            if (r == -2) {
                int e = interned.entry(id);
                r = memo.get(interned.keyArena(), interned.keyStart(e), interned.keyStart(e) + interned.keyLength(e));
                byId[id] = r;
            }
            return r;
        }
    }

    /** Line item types' ordinals (or -1) and usage types' targets (or -1), by number where rows give them. */
    private final ByNumber kinds = new ByNumber(kindOf);
    private final ByNumber types = new ByNumber(typeOf);

    private static int[] grown(int[] a, int id) {
        int[] g = Arrays.copyOf(a, Math.max(id + 1, Math.max(64, a.length * 2)));
        Arrays.fill(g, a.length, g.length, -2);
        return g;
    }

    /**
     * Appends column {@code col}'s value as a key part, in the column's form (see {@link #NUMBERED}). @return the end
     */
    private int putValue(byte[] b, int col, int n) {
        int s = from[col];
        int e = to[col];
        if (e == s) {
            return putInt(0, n);
        }
        int id = idOf(b, col);
        byte form = keyForm[col];
        if (form == 0) {
            form = id >= 0 ? AS_NUMBERS : AS_BYTES;
            keyForm[col] = form;
        }
        if (form == AS_BYTES) {
            bytesOf(col);
            return put(b, s, e, n);
        }
        return putInt(NUMBERED | (id >= 0 ? id : intern(b, s, e - s)), n);
    }

    /**
     * Bit sets of columns, a word per 64 ({@link RowBytes#writeAllBut}): those read only as a cost or an amount (a
     * double there needs no text), and those whose value given with a number is read by its number, its bytes only
     * when that number is first met (see {@link #bytesOf}).
     */
    private final long[] numericColumns;
    private final long[] byNumberColumns;

    private static long[] bits(boolean[] columns) {
        long[] set = new long[(columns.length + 63) >>> 6];
        for (int i = 0; i < columns.length; i++) {
            if (columns[i]) {
                set[i >>> 6] |= 1L << i;
            }
        }
        return set;
    }

    /**
     * @return per column, whether it is read by number: the payer, account, resource, start, usage type and (but in
     *     FOCUS, whose three kind columns are read as bytes) line item type, when no other role reads the same column
     */
    private static boolean[] byNumber(Columns c, int width) {
        int[] roles = new int[width];
        for (int col : c.read()) {
            if (col >= 0) {
                roles[col]++;
            }
        }
        boolean[] by = new boolean[width];
        for (int col : new int[] {c.payer(), c.account(), c.resource(), c.start(), c.type(),
            c.focus() ? -1 : c.lineItemType()}) {
            if (col >= 0 && roles[col] == 1) {
                by[col] = true;
            }
        }
        return by;
    }

    /** Makes sure column {@code col}'s bytes are in the row (a value given with a number has them copied late). */
    private void bytesOf(int col) {
        if (typed != null) {
            typed.writeText(col);
        }
    }

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
            kind = c.focus() ? focusKind(b, size) : kinds.of(b, kc);
            if (kind < 0) {
                skip("line item type not known to compute-cost");
                return;
            }
            if (KINDS[kind].treatment() == LineItemType.Treatment.PASSED_THROUGH) {
                passThrough(b, size, KINDS[kind]);
                return;
            }
        }
        int t = types.of(b, type);
        if (t < 0) {
            skip(NOT_PRICED);
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
            int ec = c.effective(kind);
            if (ec >= 0) {
                if (!cost(b, size, ec, at + EFFECTIVE, "effective cost")) {
                    return;
                }
                sums = 3;
            }
        }
        sumsOf[i] = sums;
        if (typed != null && !numberedOff && c.tags().length == 0) {
            int e = byNumbers(b, size, kind, t);
            if (e >= 0) { // summed now: the key was met before, or has just been added in its turn
                for (int sum = 0; sum < sums; sum++) {
                    addPending(e, sum, at + sum);
                }
                rated++;
                return;
            }
        }
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

    /** Adds pending slot {@code at}'s amount to sum {@code sum} of the key at {@code entry}. */
    private void addPending(int entry, int sum, int at) {
        if (exact[at] == null) {
            keys.add(entry, sum, nanos[at], places[at]);
        } else {
            keys.add(entry, sum, exact[at]);
            exact[at] = null;
        }
    }

    /*
     * A row whose key's parts all came with numbers (a Parquet dictionary's values; a start's day, see intern) finds
     * its key's entry by those numbers, packed in two longs, in a small table of its own: no key built, hashed nor
     * compared byte by byte, and no batch. The bytes' key is built once, the first time those numbers are met (after
     * the pending batch is summed, so that keys are still numbered in the order rows first meet them), and many numbers
     * may lead to one entry (a resource named as the one without any), never one number to two. Bills read with tags
     * go by bytes.
     */
    /** Per slot: the two longs of numbers, then the entry + 1 (0: an empty slot), side by side: one wait a row. */
    private long[] numbered = new long[3 << 10];
    private int numberedSize;
    /**
     * The most keys found by numbers: their table stays in the processor's cache (about 200 kB). A bill of more keys
     * finds the others by bytes, in batches whose waits on memory overlap (see {@link #flush}).
     */
    private static final int NUMBERED_KEYS = 1 << 12;
    /** The most keys found by numbers in this bill: {@link #NUMBERED_KEYS} while rows come one by one. */
    private int numberedKeys = NUMBERED_KEYS;
    /** Rows found, and rows not found in the full table; once most are not, the table is not looked in. */
    private long numberedHits;
    private long numberedMisses;
    private boolean numberedOff;

    /** @return how many rows found their keys by numbers, summed from a batch's columns or given one by one */
    long rowsSummedByNumbers() {
        return numberedHits;
    }

    /** @return whether rows no longer look for their keys by numbers (the table is full and most rows missed it) */
    boolean numberedTableOff() {
        return numberedOff;
    }

    /** Per number of a start's value: its month's place among the months met, + 1 (0: under 7 bytes), or -2. */
    private int[] monthOf = new int[0];
    private final Map<String, Integer> months = new HashMap<>();
    /** Months the packed numbers have room for (more go by bytes). */
    private static final int MONTHS = 1 << 10;

    /**
     * @return the entry of the row's key found by its parts' numbers (added if new and there is room), or -1 if a part
     *     came without one, or the key is new and the table full: the row then goes by bytes
     */
    private int byNumbers(byte[] b, int size, int kind, int t) {
        long payerPart = numberedPart(b, payer, size);
        long accountPart = numberedPart(b, account, size);
        long resourcePart = numberedPart(b, resource, size);
        int month = 0;
        if (start >= 0 && start < size && to[start] - from[start] >= 7) {
            int id = idOf(b, start);
            if (id < 0) {
                return -1;
            }
            month = monthOfNumber(id);
        }
        if ((payerPart | accountPart | resourcePart) < 0 || !packs(month, kind, t)) {
            return -1;
        }
        long x = packedX(payerPart, accountPart);
        long y = packedY(resourcePart, month, kind, t);
        long[] table = numbered;
        int mask = table.length / 3 - 1;
        int found = find(table, mask, x, y, slotOf(x, y, mask));
        if (found >= 0) {
            numberedHits++;
            return found;
        }
        if (numberedSize >= numberedKeys) {
            if (++numberedMisses > NUMBERED_KEYS * 16L && numberedMisses > numberedHits) {
                numberedOff = true; // most of this bill's rows have keys the table has no room for: bytes alone
            }
            return -1;
        }
        flush(); // the rows before this one meet their keys first
        int stop = key(b, size, kind, t, 0);
        int hash = SumTable.hash(key, 0, stop);
        int e = keys.find(key, 0, stop, hash);
        if (e < 0) {
            e = keys.add(key, 0, stop, hash);
        }
        int i = emptySlot(table, mask, x, y);
        table[3 * i] = x;
        table[3 * i + 1] = y;
        table[3 * i + 2] = e + 1L;
        if (++numberedSize * 2 > mask + 1) {
            growNumbered();
        }
        return e;
    }

    /** @return whether a key's month, kind and usage type fit the packed numbers ({@link #packedY}) */
    private static boolean packs(int month, int kind, int t) {
        return month < MONTHS && t < 1 << 17 && kind < 32;
    }

    /** @return a key's payer and account parts (number + 1, or 0 for none) packed, the first of its two longs */
    private static long packedX(long payerPart, long accountPart) {
        return payerPart << 32 | accountPart;
    }

    /** @return a key's resource part, month, kind and usage type packed, the second of its two longs */
    private static long packedY(long resourcePart, int month, int kind, int t) {
        return resourcePart << 32 | (long) month << 22 | (long) kind << 17 | t;
    }

    private static int slotOf(long x, long y, int mask) {
        long h = (x * 0x9E3779B97F4A7C15L) ^ (y * 0xBF58476D1CE4E5B9L);
        return (int) (h ^ h >>> 29) & mask;
    }

    /** @return the first free slot from the home slot of key {@code x, y} on, where the key is added */
    private static int emptySlot(long[] table, int mask, long x, long y) {
        int i = slotOf(x, y, mask);
        while (table[3 * i + 2] != 0) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void growNumbered() {
        long[] old = numbered;
        long[] table = new long[old.length * 2];
        int mask = table.length / 3 - 1;
        for (int j = 0; j < old.length; j += 3) {
            if (old[j + 2] != 0) {
                System.arraycopy(old, j, table, 3 * emptySlot(table, mask, old[j], old[j + 1]), 3);
            }
        }
        numbered = table;
    }

    /** @return column {@code col}'s number + 1 as a key part (0: absent or empty), or -1 if it came without one */
    private long numberedPart(byte[] b, int col, int size) {
        if (col < 0 || col >= size || to[col] == from[col]) {
            return 0;
        }
        int id = idOf(b, col);
        return id < 0 ? -1 : id + 1L;
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
            n = putValue(b, payer, n);
        } else {
            n = putInt(0, n);
        }
        if (account >= 0 && account < size) {
            n = putValue(b, account, n);
        } else {
            n = putInt(0, n);
        }
        if (start >= 0 && start < size && to[start] - from[start] >= 7) {
            bytesOf(start);
            n = put(b, from[start], from[start] + 7, n);
        } else {
            n = putInt(0, n);
        }
        if (resource >= 0 && resource < size && to[resource] > from[resource]) {
            n = putValue(b, resource, n);
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
                n = tag < size ? putValue(b, tag, n) : putInt(0, n);
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

    /** Key parts' lengths and numbers: big-endian ints, one store or load each. */
    private static final java.lang.invoke.VarHandle BIG_ENDIAN_INTS = java.lang.invoke.MethodHandles
            .byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.BIG_ENDIAN);

    static void setInt(byte[] k, int n, int v) {
        BIG_ENDIAN_INTS.set(k, n, v);
    }

    static int getInt(byte[] k, int n) {
        return (int) BIG_ENDIAN_INTS.get(k, n);
    }

    /**
     * One metered resource's context: who used it, as which line item type, with which tag values. Its name, unique in
     * its group, is the resource as shown and a number (one string per resource: there may be millions); {@code shown}
     * numbers the resource as the result shows it, among the groups' {@link Group#shown} names.
     */
    record Meta(String account, String name, int shown, LineItemType kind, List<String> tags) {
    }

    /**
     * A billing family's (or account's) month: its resources' usage in columns, rated together (one free tier, one set
     * of tiers), each resource with its context at the same index.
     */
    record Group(BulkUsage usage, List<Meta> meta, List<String> shown) {
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
        return new ResourceGroups(keys, targets, index, c, this::internedText, billed).all();
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
            p = commaOrQuote(b, p, end);
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

    private static final long COMMAS = Words.of(',');
    private static final long QUOTES = Words.of('"');

    /**
     * @return the index of the first comma or quote in {@code b[p..end)}, or {@code end}: eight bytes at a time (a
     *     field of a bill is a dozen bytes or more), reading past {@code end} within the buffer and ignoring what is
     *     found there
     */
    static int commaOrQuote(byte[] b, int p, int end) {
        while (p < end) {
            if (p + 8 > b.length) {
                while (p < end && b[p] != ',' && b[p] != '"') {
                    p++;
                }
                return p;
            }
            long x = (long) SumTable.LONGS.get(b, p);
            // Exact for the lowest zero byte of each, so the lowest bit of either is the first comma or quote.
            long found = Words.firstZero(x ^ COMMAS) | Words.firstZero(x ^ QUOTES);
            if (found != 0) {
                return Math.min(end, p + (Long.numberOfTrailingZeros(found) >>> 3));
            }
            p += 8;
        }
        return end;
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
            byte[] k = spelledOut(keys.key(entry));
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

    /** @return the key with each numbered part (see {@link #NUMBERED}) written as its value's bytes */
    private byte[] spelledOut(byte[] k) {
        int parts = 4 + c.tags().length;
        int at = 0;
        boolean numbered = false;
        for (int i = 0; i < parts; i++) {
            int len = getInt(k, at);
            numbered |= (len & NUMBERED) != 0;
            at += (len & NUMBERED) != 0 ? 4 : 4 + len;
        }
        if (!numbered) {
            return k;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(k.length + 64);
        at = 0;
        byte[] four = new byte[4];
        for (int i = 0; i < parts; i++) {
            int len = getInt(k, at);
            if ((len & NUMBERED) != 0) {
                byte[] v = internedBytes(len & ~NUMBERED);
                setInt(four, 0, v.length);
                out.write(four, 0, 4);
                out.write(v, 0, v.length);
                at += 4;
            } else {
                out.write(k, at, 4 + len);
                at += 4 + len;
            }
        }
        out.write(k, at, k.length - at); // the kind and the type
        return out.toByteArray();
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
