package io.github.computecost.rerate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One row's values as UTF-8 ranges of one buffer, reused from row to row, for {@link Partial#add(byte[], int[], int[])}
 * (engines that hold rows as bytes or typed values: Spark, Parquet). Values are written as an export's CSV writes
 * them: text as its UTF-8 bytes, a {@code double} as its shortest decimal. Not thread-safe.
 */
public final class RowBytes {

    private byte[] buffer = new byte[512];
    private final int[] starts;
    private final int[] ends;
    private int size;

    /** @param columns how many values a row has (a partial's {@link Partial#columnsRead()}) */
    public RowBytes(int columns) {
        starts = new int[Math.max(columns, 1)];
        ends = new int[Math.max(columns, 1)];
    }

    /** @return this, empty, for the next row */
    public RowBytes clear() {
        size = 0;
        return this;
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
        return add(decimal(value));
    }

    /**
     * @param value the value
     * @return the shortest decimal that names the double, in plain digits ({@code 1.66667E-5} is
     *     {@code 0.0000166667}), as AWS's CSV writes the costs and amounts CUR 2.0's Parquet keeps as doubles; NaN and
     *     the infinities by their names, which no reader takes for a number
     */
    public static String decimal(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? Double.toString(value)
                : BigDecimal.valueOf(value).toPlainString();
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

    /** @return the buffer the values lie in */
    public byte[] bytes() {
        return buffer;
    }

    /** @return where each value starts */
    public int[] starts() {
        return starts;
    }

    /** @return where each value ends */
    public int[] ends() {
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
