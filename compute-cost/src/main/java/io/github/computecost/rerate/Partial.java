package io.github.computecost.rerate;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Usage summed from part of an export, not yet rated: what one worker of a distributed job (a Spark partition)
 * makes of its rows, to be merged with the others' and rated once ({@link Rerater#rate(Partial)}). Rows go through
 * the same reading as an export's lines, so a merged partial rates to the same figures, to the last digit, as the
 * whole export read on one machine: sums are exact decimals, merging adds them in any order, and each sum keeps the
 * place it was first met (its part's place, then its order there), so that the free tier goes to resources in the
 * order the export's lines meet them, as on one machine, when the parts are the export's rows in order.
 *
 * <p>Serializable: a partial travels between machines by value (its sums, counts and columns; never the price book).
 * Like anything read with Java serialization, a partial must come only from the job's own workers, never from an
 * untrusted source. Not thread-safe; {@link #add} only before the partial has been merged or serialized. A partial
 * rated before it was merged or serialized ({@link Rerater#rate(Partial)}) is rated as it was read and is then done
 * with: it takes no more rows, merges or ratings.
 */
public final class Partial implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * A sum's key: its parts before the line item type and usage type (billing family, account, month, resource,
     * tags: length-prefixed bytes as ISO-8859-1 text, so byte for byte), the line item type's number and where the
     * usage type is priced.
     */
    record Key(String prefix, int kind, String service, String region, String baseUsageType) implements Serializable {
    }

    /**
     * A key's sums, and where it was first met: its part's place in the export (high 32 bits) and its order in the
     * part (low bits). Merged, the first place is kept.
     */
    record Sums(long first, BigDecimal[] values) implements Serializable {

        Sums merge(Sums other) {
            BigDecimal[] out = values.clone();
            for (int i = 0; i < out.length; i++) {
                out[i] = out[i].add(other.values[i]);
            }
            return new Sums(Math.min(first, other.first), out);
        }
    }

    /** The columns of the export. */
    private final Aggregator.Columns columns;
    /** How many values a row gives: the columns up to the last one read. */
    private final int width;
    /** The export's name, for error messages. */
    private final String name;
    /** This part's place in the export: its rows come after those of lower parts. */
    private final int part;
    /** Reading rows; null once frozen. */
    private transient Aggregator live;
    /** The frozen sums; null while live. Written by {@link #writeObject} in a compact form of its own. */
    private transient Map<Key, Sums> sums;
    /** Rows read. */
    private long rows;
    /** Rows rated. */
    private long rated;
    /** Rows skipped, by reason. */
    private Map<String, Long> skipped = new TreeMap<>();
    /** Lines passed through, by line item type and product code. */
    private Map<LineItemType, Map<String, Aggregator.Passed>> passed = new TreeMap<>();

    /** The price book and what-if the live aggregator resolves usage types by (not serialized). */
    private transient io.github.computecost.pricing.PriceBook book;
    private transient boolean whatIfArm;

    Partial(Aggregator live, String name, int part, io.github.computecost.pricing.PriceBook book, boolean whatIfArm) {
        if (part < 0) {
            throw new IllegalArgumentException("a part's place is at least 0, was " + part);
        }
        this.book = book;
        this.whatIfArm = whatIfArm;
        this.live = live;
        this.columns = live.columns();
        this.width = columns.width();
        this.name = name;
        this.part = part;
    }

    /**
     * Reads one row, as a line of the export would be read.
     *
     * @param values the row's values in the order of the header the partial was made for ({@code null} for empty);
     *     numbers as their plain decimal text
     * @throws IllegalStateException if the partial has been merged or serialized
     */
    public void add(List<String> values) {
        Aggregator agg = reading();
        String[] v = new String[width];
        for (int i = 0; i < v.length && i < values.size(); i++) {
            v[i] = values.get(i);
        }
        if (values.size() < v.length) {
            agg.skipLine("too few columns");
            return;
        }
        agg.record(v);
    }

    /**
     * Reads one row given as UTF-8 byte ranges of one buffer, as a line of the export would be read, without a
     * {@code String} made for any value (for engines that hold rows as bytes).
     *
     * @param bytes the buffer
     * @param starts where each column's value starts, in the order of the header, at least as many as it has columns
     * @param ends where each ends (a value {@code starts[i] == ends[i]} is empty)
     * @throws IllegalStateException if the partial has been merged or serialized
     * @throws IllegalArgumentException if fewer bounds than columns are given
     */
    public void add(byte[] bytes, int[] starts, int[] ends) {
        Aggregator agg = reading();
        if (starts.length < width || ends.length < width) {
            throw new IllegalArgumentException("bounds for " + width + " columns are needed, were "
                    + Math.min(starts.length, ends.length));
        }
        agg.record(bytes, starts, ends);
    }

    /**
     * Reads one row of values, as a line of the export would be read. A cost or an amount given as a
     * {@code double} ({@link RowBytes#add(double)}) is read from its shortest decimal's digits, without its text
     * being written and parsed: the same exact value, and the same figures, as {@link #add(byte[], int[], int[])}
     * gives for the same row.
     *
     * @param row the row's values, in the order of the header, at least as many as {@link #columnsRead()}
     * @throws IllegalStateException if the partial has been merged or serialized
     * @throws IllegalArgumentException if the row has fewer values than columns read, or a value's number is not one
     *     this partial gave for its bytes ({@link #intern})
     */
    public void add(RowBytes row) {
        Aggregator agg = reading();
        if (row.size() < width) {
            throw new IllegalArgumentException("values for " + width + " columns are needed, were " + row.size());
        }
        agg.record(row);
    }

    /**
     * Reads a batch of rows given column by column, in the batch's order, as {@link #add(RowBytes)} would read each
     * row made of the same values: the same figures, and the same rows skipped by reason. Text values are given by the
     * numbers this partial gave them ({@link #intern}); a row of a bill whose key was met before is summed straight
     * from the columns, without a row of values made for it.
     *
     * @param batch the rows, at least as many columns wide as {@link #columnsRead()}
     * @throws IllegalStateException if the partial has been merged or serialized
     * @throws IllegalArgumentException if the batch is narrower than the columns read, or a value's number is not one
     *     this partial gave ({@link #intern})
     */
    public void add(ColumnBatch batch) {
        Aggregator agg = reading();
        if (batch.width() < width) {
            throw new IllegalArgumentException("values for " + width + " columns are needed, were " + batch.width());
        }
        agg.records(batch);
    }

    /**
     * Numbers a text value, for a columnar reader that meets a column's values as numbers into a dictionary (Parquet's
     * dictionary pages): it asks once per distinct value and gives the number with each row's value
     * ({@link RowBytes#add(byte[], int, int, int)}), and this partial keys its sums by the number, a few bytes, in
     * place of the value's bytes. The same bytes always get the same number, whatever column they come from; the
     * figures are those of the same rows given without numbers. A row given a number this partial did not give is
     * refused ({@link #add(RowBytes)} throws {@code IllegalArgumentException}), and so is a number given with other
     * bytes than those it was given for, the first time a column's values use it.
     *
     * @param utf8 a buffer holding the value's UTF-8 bytes
     * @param from where they start
     * @param length how many there are
     * @return the value's number in this partial, from 0 up in the order values are first given
     * @throws IllegalStateException if the partial has been merged or serialized
     * @throws IndexOutOfBoundsException if the range is not within the buffer
     */
    public int intern(byte[] utf8, int from, int length) {
        Aggregator agg = reading();
        Objects.checkFromIndexSize(from, length, utf8.length);
        return agg.intern(utf8, from, length);
    }

    /** @return how many columns a row must give, from the first: those up to the last one read */
    public int columnsRead() {
        return width;
    }

    /**
     * @param column a column's place in the header
     * @return whether rows' values in that column are read: a columnar reader may leave the others empty, unread
     */
    public boolean reads(int column) {
        return columns.reads(column);
    }

    /** @return rows read so far */
    public long rows() {
        return live != null ? live.rows : rows;
    }

    /**
     * @param other a partial of the same re-rating (the same columns)
     * @return this partial with the other's sums and counts added, exactly; neither takes rows afterwards
     * @throws IllegalArgumentException if the other was made for other columns
     */
    public Partial merge(Partial other) {
        Objects.requireNonNull(other, "other");
        freeze();
        other.freeze();
        if (!columns.equals(other.columns)) {
            throw new IllegalArgumentException("partials of exports with different columns cannot be merged");
        }
        other.sums.forEach((k, v) -> sums.merge(k, v, Sums::merge));
        rows += other.rows;
        rated += other.rated;
        other.skipped.forEach((k, v) -> skipped.merge(k, v, Long::sum));
        Aggregator.mergePassed(passed, other.passed);
        return this;
    }

    /** Whether the live aggregator has been handed to the rating ({@link #take}): nothing more may be done. */
    private transient boolean taken;

    /**
     * @param prices the price book of the re-rater rating it
     * @param arm its what-if
     * @return the live aggregator, for rating it as it is, without copying its sums into a fresh one (a part never
     *     merged nor serialized, read by a re-rater of the same book and what-if: an export read on one machine), or
     *     null; a taken partial is done with (the rating rewrites its sums' keys)
     */
    Aggregator take(io.github.computecost.pricing.PriceBook prices, boolean arm) {
        checkNotTaken();
        Aggregator a = live;
        if (a == null || book != prices || whatIfArm != arm) {
            return null;
        }
        taken = true;
        live = null;
        return a;
    }

    /** @return the aggregator that takes rows; throws if the partial was rated, merged or serialized */
    private Aggregator reading() {
        checkNotTaken();
        if (live == null) {
            throw new IllegalStateException("a partial takes no rows once merged or serialized");
        }
        return live;
    }

    private void checkNotTaken() {
        if (taken) {
            throw new IllegalStateException("this partial has been rated as it was read; it takes no more rows, "
                    + "merges or ratings");
        }
    }

    /** Turns the live aggregator's state into values. */
    private void freeze() {
        checkNotTaken();
        if (live != null) {
            sums = new HashMap<>(live.sums(part));
            rows = live.rows;
            rated = live.rated;
            skipped = new TreeMap<>(live.skipped());
            passed = new TreeMap<>(live.passed);
            live = null;
        }
    }

    /** Puts the sums into a fresh aggregator made with the same columns, for rating. */
    void into(Aggregator agg) {
        freeze();
        agg.absorb(sums);
        agg.absorbCounts(rows, rated, skipped, passed);
    }

    Aggregator.Columns columns() {
        return columns;
    }

    String name() {
        return name;
    }

    /**
     * The sums go between machines in a form of their own, not as objects: a partial holds a sum per distinct key of
     * its part (hundreds of thousands), and default serialization of a map of records spent more time than summing.
     * Per key: its prefix's bytes, its kind, its place (an index into the places written once), where it was first
     * met and its sums, each as its unscaled digits and scale.
     *
     * <p>Writes the columns, counts and passed-through lines by default, then the sums in that form.
     *
     * @param out the stream
     * @throws IOException if writing fails
     * @serialData the places ({@code int} count, then each one's service, region and base usage type as UTF), the
     *     sums ({@code int} count, then per key its prefix's ISO-8859-1 bytes with their length, its kind, its place's
     *     index, where it was first met, and its sums, each as scale, length and unscaled two's-complement digits)
     */
    private void writeObject(ObjectOutputStream out) throws IOException {
        freeze();
        out.defaultWriteObject();
        Map<List<String>, Integer> places = new HashMap<>();
        for (Key k : sums.keySet()) {
            places.putIfAbsent(List.of(k.service(), k.region(), k.baseUsageType()), places.size());
        }
        String[][] byIndex = new String[places.size()][];
        places.forEach((p, i) -> byIndex[i] = p.toArray(new String[0]));
        out.writeInt(byIndex.length);
        for (String[] p : byIndex) {
            out.writeUTF(p[0]);
            out.writeUTF(p[1]);
            out.writeUTF(p[2]);
        }
        out.writeInt(sums.size());
        for (Map.Entry<Key, Sums> e : sums.entrySet()) {
            Key k = e.getKey();
            byte[] prefix = k.prefix().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            out.writeInt(prefix.length);
            out.write(prefix);
            out.writeInt(k.kind());
            out.writeInt(places.get(List.of(k.service(), k.region(), k.baseUsageType())));
            out.writeLong(e.getValue().first());
            BigDecimal[] v = e.getValue().values();
            out.writeByte(v.length);
            for (BigDecimal d : v) {
                byte[] digits = d.unscaledValue().toByteArray();
                out.writeInt(d.scale());
                out.writeInt(digits.length);
                out.write(digits);
            }
        }
    }

    /**
     * Reads what {@link #writeObject} wrote.
     *
     * @param in the stream
     * @throws IOException if reading fails or the data is not a partial's
     * @throws ClassNotFoundException if a class of the default fields is missing
     */
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        String[][] places = new String[in.readInt()][];
        for (int i = 0; i < places.length; i++) {
            places[i] = new String[] {in.readUTF(), in.readUTF(), in.readUTF()};
        }
        int n = in.readInt();
        sums = new HashMap<>(Math.max(16, n * 2));
        for (int i = 0; i < n; i++) {
            byte[] prefix = new byte[in.readInt()];
            in.readFully(prefix);
            int kind = in.readInt();
            String[] place = places[in.readInt()];
            long first = in.readLong();
            BigDecimal[] v = new BigDecimal[in.readUnsignedByte()];
            for (int j = 0; j < v.length; j++) {
                int scale = in.readInt();
                byte[] digits = new byte[in.readInt()];
                in.readFully(digits);
                v[j] = new BigDecimal(new java.math.BigInteger(digits), scale);
            }
            sums.put(new Key(new String(prefix, java.nio.charset.StandardCharsets.ISO_8859_1), kind, place[0],
                    place[1], place[2]), new Sums(first, v));
        }
    }
}
