package io.github.computecost.rerate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One row's values as UTF-8 ranges of one buffer, reused from row to row, for {@link Partial#add(RowBytes)} or
 * {@link Partial#add(byte[], int[], int[])} (engines that hold rows as bytes or typed values: Spark, Parquet). Values
 * are written as an export's CSV writes them: text as its UTF-8 bytes, a {@code double} as its shortest decimal.
 *
 * <p>A {@code double}'s text is written only when it is asked for ({@link #bytes()}, {@link #starts()},
 * {@link #ends()}): {@link Partial#add(RowBytes)} reads a cost or an amount given as a double from its decimal digits
 * directly, the same exact value its text would give, without writing and parsing it. Not thread-safe.
 */
public final class RowBytes {

    /** Room kept for a double's text: a sign, 17 significant digits, a point and leading zeros fit in 24. */
    private static final int DOUBLE_ROOM = 24;

    private byte[] buffer = new byte[512];
    private final int[] starts;
    private final int[] ends;
    /*
     * What a value was given as, in bit sets of the row's columns (a word per 64), cleared with the row: a row is
     * cleared and filled once per line of a bill, so nothing is written per value beyond what it was given as.
     */
    /** Values given as a double (with {@link #shortest} digits), whose {@link #numbers} hold them. */
    private final long[] doubles;
    /** Doubles whose text is not written yet. */
    private final long[] unwritten;
    /** Values given with a number ({@link Partial#intern}), whose {@link #ids} hold it. */
    private final long[] numbered;
    /**
     * Values given with a number whose bytes are not copied into the buffer yet (room is kept for them): the re-rater
     * reads such a value by its number, and its bytes seldom. They are at {@link #sources} and {@link #sourceFrom}.
     */
    private final long[] uncopied;
    /** Whether any bit is set in the sets above. */
    private boolean marked;
    /** Per double: {@code m << 5 | k}, the sign in the top bit. */
    private final long[] numbers;
    private final int[] ids;
    private final byte[][] sources;
    private final int[] sourceFrom;
    private int size;
    /** The highest number a value of this row was given with, or -1. */
    private int maxId = -1;

    /** @param columns how many values a row has (a partial's {@link Partial#columnsRead()}) */
    public RowBytes(int columns) {
        starts = new int[Math.max(columns, 1)];
        ends = new int[Math.max(columns, 1)];
        numbers = new long[starts.length];
        ids = new int[starts.length];
        sources = new byte[starts.length][];
        sourceFrom = new int[starts.length];
        int words = (starts.length + 63) >>> 6;
        doubles = new long[words];
        unwritten = new long[words];
        numbered = new long[words];
        uncopied = new long[words];
    }

    /** @return this, empty, for the next row */
    public RowBytes clear() {
        if (marked) {
            Arrays.fill(doubles, 0L);
            Arrays.fill(unwritten, 0L);
            Arrays.fill(numbered, 0L);
            Arrays.fill(uncopied, 0L);
            marked = false;
        }
        size = 0;
        maxId = -1;
        return this;
    }

    private static boolean has(long[] set, int i) {
        return (set[i >>> 6] & 1L << i) != 0;
    }

    private static void mark(long[] set, int i) {
        set[i >>> 6] |= 1L << i;
    }

    private static void unmark(long[] set, int i) {
        set[i >>> 6] &= ~(1L << i);
    }

    /**
     * @param utf8 the value's bytes, or {@code null}
     * @return this with the next value, UTF-8 bytes ({@code null}: empty)
     */
    public RowBytes add(byte[] utf8) {
        int at = next();
        if (utf8 != null) {
            room(at, utf8.length);
            System.arraycopy(utf8, 0, buffer, at, utf8.length);
            at += utf8.length;
        }
        ends[size++] = at;
        return this;
    }

    /**
     * @param utf8 a buffer holding the value's UTF-8 bytes
     * @param from where they start
     * @param length how many there are
     * @return this with the next value, those bytes (copied)
     */
    public RowBytes add(byte[] utf8, int from, int length) {
        int at = next();
        room(at, length);
        System.arraycopy(utf8, from, buffer, at, length);
        ends[size++] = at + length;
        return this;
    }

    /**
     * The next value, with the number the partial reading the row gave it: a columnar reader that meets a column's
     * values as numbers into a dictionary (Parquet's dictionary pages) asks for each distinct value's number once
     * ({@link Partial#intern}) and gives it with every row, and the re-rater then keys its sums by the number, not by
     * the bytes. The bytes are the row's value all the same (as {@link #add(byte[], int, int)} takes them), but they are
     * copied only when they are asked for: they must not change until the row has been read.
     *
     * @param utf8 a buffer holding the value's UTF-8 bytes
     * @param from where they start
     * @param length how many there are
     * @param id the value's number from {@link Partial#intern} of the partial that reads this row, for these bytes
     * @return this with the next value
     * @throws IllegalArgumentException if {@code id} is negative
     * @throws IndexOutOfBoundsException if the range is not within the buffer
     */
    public RowBytes add(byte[] utf8, int from, int length, int id) {
        if (id < 0) {
            throw new IllegalArgumentException("a value's number is at least 0, was " + id);
        }
        java.util.Objects.checkFromIndexSize(from, length, utf8.length);
        int at = next();
        room(at, length);
        ids[size] = id;
        sources[size] = utf8;
        sourceFrom[size] = from;
        mark(numbered, size);
        mark(uncopied, size);
        marked = true;
        maxId = Math.max(maxId, id);
        ends[size++] = at + length; // the room, until the bytes are asked for
        return this;
    }

    /** @return the highest number a value of this row was given with, or -1 */
    int maxId() {
        return maxId;
    }

    /** @return the number value {@code column} was given with ({@link #add(byte[], int, int, int)}), or -1 */
    int id(int column) {
        return column < size && has(numbered, column) ? ids[column] : -1;
    }

    /**
     * @param text the value, or {@code null}
     * @return this with the next value, text ({@code null}: empty); ASCII is written without an encoder
     */
    public RowBytes add(String text) {
        if (text == null) {
            return add((byte[]) null);
        }
        int at = next();
        int n = text.length();
        room(at, n);
        int i = 0;
        while (i < n && text.charAt(i) < 0x80) {
            buffer[at + i] = (byte) text.charAt(i);
            i++;
        }
        if (i < n) { // not ASCII: the encoder writes the whole value
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            room(at, utf8.length);
            System.arraycopy(utf8, 0, buffer, at, utf8.length);
            n = utf8.length;
        }
        ends[size++] = at + n;
        return this;
    }

    /**
     * @param value the value
     * @return this with the next value, a double as its shortest decimal ({@link #decimal(double)})
     */
    public RowBytes add(double value) {
        long digits = shortest(value);
        if (digits < 0) {
            return add(decimal(value));
        }
        int at = next();
        room(at, DOUBLE_ROOM);
        numbers[size] = value < 0 ? digits | Long.MIN_VALUE : digits;
        mark(doubles, size);
        mark(unwritten, size);
        marked = true;
        ends[size++] = at + DOUBLE_ROOM; // the room, until the text is asked for
        return this;
    }

    /**
     * @param column a value's place in the row
     * @return the value's digits and places ({@code m << 5 | k}, the value {@code m / 10^k}, the sign in the top bit)
     *     when it was given as a double whose shortest decimal has at most 17 places, else 0
     */
    long number(int column) {
        return column < size && has(doubles, column) ? numbers[column] : 0L;
    }

    /**
     * @param packed a double's digits ({@link #number}, not 0)
     * @param scale the fixed-point scale wanted, at most 17
     * @return the value in units of 10^-{@code scale}, as {@link SumTable#parse} reads its text: -1 where that gives
     *     -1 (a sign, more places than {@code scale}, more than {@code 18 - scale} whole digits, or more than 19
     *     characters), so the value goes to BigDecimal as its text would
     */
    static long fixed(long packed, int scale) {
        if (packed < 0) {
            return -1;
        }
        long m = packed >>> 5;
        int k = (int) (packed & 31);
        // The whole part has more than w digits when m >= 10^(k + w); m < 2^52 < 10^16, so the text has at most 16
        // digits and a point: never more than 19 characters.
        if (k > scale || k + 18 - scale < LONG10.length && m >= LONG10[k + 18 - scale]) {
            return -1;
        }
        return m * LONG10[scale - k];
    }

    /** @return a double's digits ({@link #number}, not 0) as the exact decimal its text is, with its places */
    static BigDecimal exact(long packed) {
        long m = (packed & Long.MAX_VALUE) >>> 5;
        return BigDecimal.valueOf(packed < 0 ? -m : m, (int) (packed & 31));
    }

    /** Writes the text of value {@code column} if it is a double not written yet, or its bytes if not copied yet. */
    void writeText(int column) {
        if (column >= size) {
            return;
        }
        if (has(unwritten, column)) {
            long packed = numbers[column];
            ends[column] = starts[column] + write(packed < 0 ? -1 : 1, packed & Long.MAX_VALUE, buffer,
                    starts[column]);
            unmark(unwritten, column);
        } else if (has(uncopied, column)) {
            System.arraycopy(sources[column], sourceFrom[column], buffer, starts[column],
                    ends[column] - starts[column]);
            unmark(uncopied, column);
        }
    }

    private void writeAll() {
        writeAllBut(null, null, size);
    }

    /**
     * Writes the text of every value before {@code width} not written yet, but a double in a column of
     * {@code keepDoubles} and a numbered value in a column of {@code keepNumbered} (bit sets of columns, or null):
     * a look at a word of bits per 64 columns when there is nothing to write.
     */
    void writeAllBut(long[] keepDoubles, long[] keepNumbered, int width) {
        if (!marked) {
            return;
        }
        for (int w = 0; w < unwritten.length && w << 6 < Math.min(width, size); w++) {
            long todo = unwritten[w] & ~(keepDoubles == null ? 0 : keepDoubles[w])
                    | uncopied[w] & ~(keepNumbered == null ? 0 : keepNumbered[w]);
            while (todo != 0) {
                int i = w << 6 | Long.numberOfTrailingZeros(todo);
                todo &= todo - 1;
                if (i < width) {
                    writeText(i);
                }
            }
        }
    }

    /** @return how many values the row has */
    int size() {
        return size;
    }

    /** @return the buffer, without writing the doubles' text (package readers ask for it by {@link #writeText}) */
    byte[] buffer() {
        return buffer;
    }

    /** @return where each value starts, without writing the doubles' text */
    int[] startsAsIs() {
        return starts;
    }

    /** @return where each value ends; a double's not written yet ends after its room */
    int[] endsAsIs() {
        return ends;
    }

    /**
     * @param value the value
     * @return the shortest decimal that names the double, in plain digits ({@code 1.66667E-5} is
     *     {@code 0.0000166667}), as AWS's CSV writes the costs and amounts CUR 2.0's Parquet keeps as doubles, and
     *     with the digits of {@code BigDecimal.valueOf(value).toPlainString()} (at least one after the point from
     *     0.001 to 10^7); NaN and the infinities by their names, which no reader takes for a number
     */
    public static String decimal(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        long digits = shortest(value);
        if (digits < 0) {
            return BigDecimal.valueOf(value).toPlainString();
        }
        byte[] out = new byte[24];
        return new String(out, 0, write(value, digits, out, 0), StandardCharsets.US_ASCII);
    }

    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final long[] LONG10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L, 10_000_000_000_000L,
        100_000_000_000_000L, 1_000_000_000_000_000L, 10_000_000_000_000_000L, 100_000_000_000_000_000L};

    /**
     * The shortest decimal that rounds to {@code |value|}, with the places {@code BigDecimal.valueOf} shows, without
     * a String: the fewest places {@code k} for which {@code m = rint(|value| 10^k)} divided by {@code 10^k} gives the
     * double back. Both steps are exact while {@code m < 2^52} ({@code 10^k} is a double exactly, IEEE division rounds
     * correctly, and a decimal that rounds to the double lies far nearer to {@code |value| 10^k} than the rounding of
     * that product could move it), so the check proves the decimal names the double.
     *
     * @return {@code m} and {@code k} packed ({@code m << 5 | k}), or -1 where the value needs BigDecimal (too large,
     *     or more than 17 places)
     */
    static long shortest(double value) {
        double a = Math.abs(value);
        if (!(a < 0x1p48)) { // NaN and the infinities too
            return -1;
        }
        if (a == 0) {
            return 1; // 0.0
        }
        int first = 0;
        if (a < 0x1p50 / 1e10) {
            // Ten places first (AWS writes costs with ten): below 2^50 / 10^10 the double's rounding interval is
            // narrower than 10^-10, so at most one decimal of ten places or fewer names it, and rint(a 10^10) is that
            // decimal's digits if it exists (the product is off by far less than a half). The fewest places are then
            // ten less its trailing zeros, as the search below would find; if none exists, no fewer places would do.
            double n = Math.rint(a * 1e10);
            if (n / 1e10 == a) {
                long digits = (long) n;
                int places = tenPlaces(digits);
                return packed(a, digits / LONG10[10 - places], places);
            }
            first = 11;
        }
        for (int k = first; k <= 17; k++) {
            double scaled = a * POW10[k];
            if (scaled >= 0x1p52) {
                return -1;
            }
            double m = Math.rint(scaled);
            // Only a product within 2^-51 of its own size from a whole number can pass the check below (a decimal
            // that names the double lies within half its ulp of it, and the product rounds by at most as much), so
            // the others are passed over without a division (exact: m is scaled's nearest whole, both < 2^52).
            if (Math.abs(scaled - m) > scaled * 0x1p-51) {
                continue;
            }
            if (m / POW10[k] == a) {
                return packed(a, (long) m, k);
            }
        }
        return -1;
    }

    /** Below this, ten places name at most one decimal of a double (see {@link #shortest}). */
    private static final double TEN_PLACES_BELOW = 0x1p50 / 1e10;

    /**
     * {@link #fixed fixed}{@code (}{@link #shortest shortest}{@code (value), scale)} and the places together, for the
     * doubles of a bill's amounts and costs (from 0.001 to about 112,590, of at most ten places), without the digits
     * packed and unpacked: their digits at ten places are {@code rint(value 10^10)}, and the places are ten less their
     * trailing zeros (one at least, as {@code BigDecimal.valueOf} shows a whole number).
     *
     * @param scale the places of the fixed point, at most ten
     * @return the value in units of 10^-{@code scale}, shifted left 5, or'd with its places; -1 if it is not a decimal
     *     of at most {@code scale} places (as {@code fixed} refuses it); -2 if it is outside that range (ask the
     *     general way)
     */
    static long fixedAndPlaces(double value, int scale) {
        if (!(value >= 1e-3 && value < TEN_PLACES_BELOW)) {
            return -2;
        }
        double r = Math.rint(value * 1e10);
        if (r / 1e10 != value) {
            return -1; // no decimal of ten places or fewer names it, so none of scale places
        }
        long d = (long) r; // at least 10^7: the value is at least 0.001
        int places = Math.max(1, tenPlaces(d)); // "123.0": one place at least, as packed() gives below 10^7
        if (places > scale) {
            return -1;
        }
        return d / LONG10[10 - scale] << 5 | places;
    }

    /**
     * @param digits a decimal's digits at ten places (its value times 10^10), not negative
     * @return the fewest places that hold it: ten less its trailing zeros, found in four steps (0 for a whole number)
     */
    private static int tenPlaces(long digits) {
        long q = digits;
        int places = 10;
        if (q % 100_000 == 0) {
            q /= 100_000;
            places = 5;
        }
        if (places >= 2 && q % 100 == 0) {
            q /= 100;
            places -= 2;
        }
        if (places >= 2 && q % 100 == 0) {
            q /= 100;
            places -= 2;
        }
        if (places >= 1 && q % 10 == 0) {
            places--;
        }
        return places;
    }

    /** @return the fewest places' digits and places packed, with the places {@code BigDecimal.valueOf} shows */
    static long packed(double a, long digits, int places) {
        // BigDecimal.valueOf reads Double.toString: one place at least below 10^7, two digits at least below 0.001
        // ("1.0E-5" is 0.000010).
        if (a < 1e7 && places == 0) {
            digits *= 10;
            places = 1;
        } else if (a < 1e-3 && digits < 10) {
            digits *= 10;
            places++;
        }
        return places > 17 ? -1 : digits << 5 | places;
    }

    /** Writes the packed decimal of {@link #shortest} (with the value's sign) at {@code at}. @return its length */
    private static int write(double value, long packed, byte[] out, int at) {
        long m = packed >>> 5;
        int k = (int) (packed & 31);
        int n = at;
        if (value < 0) {
            out[n++] = '-';
        }
        long whole = m / LONG10[k];
        long fraction = m % LONG10[k];
        n = digits(whole, out, n, 1);
        if (k > 0) {
            out[n++] = '.';
            n = digits(fraction, out, n, k);
        }
        return n - at;
    }

    /** Writes {@code v} in decimal, zero-padded to {@code width} digits at least. @return the end */
    private static int digits(long v, byte[] out, int at, int width) {
        int len = 1;
        for (long t = v; t >= 10; t /= 10) {
            len++;
        }
        len = Math.max(len, width);
        for (int i = at + len - 1; i >= at; i--) {
            out[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return at + len;
    }

    /**
     * @param keys a map column's keys (CUR 2.0's {@code resource_tags}, FOCUS's {@code Tags}), in the map's order
     * @param values their values, at the same index ({@code null}: a key without a value)
     * @return the map as the JSON object a CSV export writes for it ({@code {"user_team":"web"}}), which the
     *     re-rater reads a tag from
     * @throws IllegalArgumentException if the lists differ in size
     */
    public static String json(java.util.List<String> keys, java.util.List<String> values) {
        if (keys.size() != values.size()) {
            throw new IllegalArgumentException(keys.size() + " keys but " + values.size() + " values");
        }
        StringBuilder out = new StringBuilder(2 + keys.size() * 24).append('{');
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            quote(out, java.util.Objects.requireNonNull(keys.get(i), "a map key is null")).append(':');
            if (values.get(i) == null) {
                out.append("null");
            } else {
                quote(out, values.get(i));
            }
        }
        return out.append('}').toString();
    }

    private static StringBuilder quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"');
    }

    /** @return the buffer the values lie in, every double's text written */
    public byte[] bytes() {
        writeAll();
        return buffer;
    }

    /** @return where each value starts (values need not follow one another without a gap) */
    public int[] starts() {
        writeAll();
        return starts;
    }

    /** @return where each value ends, every double's text written */
    public int[] ends() {
        writeAll();
        return ends;
    }

    private int next() {
        if (size == starts.length) {
            throw new IllegalStateException("a row of " + starts.length + " values takes no more");
        }
        int at = size == 0 ? 0 : ends[size - 1];
        starts[size] = at;
        return at;
    }

    private void room(int at, int n) {
        if (at + n > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, at + n));
        }
    }
}
