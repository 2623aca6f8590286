package io.github.computecost.rerate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.ToIntFunction;

/**
 * What a value of a column (a usage type, a line item type) resolves to, kept for each distinct value met, looked up
 * on the line's bytes so that a String is made only for a value met for the first time. At most {@code limit}
 * values are kept: a file of endless distinct values resolves the others each time, without growing the table.
 * Not thread-safe.
 */
final class ByteMemo {

    private final SumTable seen = new SumTable(64);
    private int[] resolved = new int[64];
    private final int limit;
    private final ToIntFunction<String> resolve;

    /** @param resolve what a value (as text) resolves to */
    ByteMemo(int limit, ToIntFunction<String> resolve) {
        this.limit = limit;
        this.resolve = resolve;
    }

    /*
     * In front of the table, a small direct-mapped cache of values of at most 24 bytes held as three words and a
     * length (exactly the value: no comparison of bytes), found by a hash of those words that takes a few
     * independent multiplications: a bill's usage types and line item types are few and short, and each line looks
     * one up. A value that misses, or collides, goes to the table; what a value resolves to never changes, so the
     * cache only saves the look-up.
     */
    private static final int CACHED = 64;
    private final long[] words = new long[CACHED * 3];
    private final int[] lengths = new int[CACHED]; // 0: empty
    private final int[] values = new int[CACHED];

    /** @return what {@code b[s..e)} resolves to */
    int get(byte[] b, int s, int e) {
        int len = e - s;
        if (len == 0 || len > 24 || e < 8) {
            return lookUp(b, s, e);
        }
        // The value's last word, read ending at its last byte: the bytes before the value in it (-len & 7 of them:
        // the value's length up to a whole number of words) are masked off.
        long last = (long) SumTable.LONGS.get(b, e - 8) & ~((1L << ((-len & 7) << 3)) - 1);
        long w0 = len <= 8 ? last : (long) SumTable.LONGS.get(b, s);
        long w1 = len <= 8 ? 0 : len <= 16 ? last : (long) SumTable.LONGS.get(b, s + 8);
        long w2 = len <= 16 ? 0 : last;
        int i = (int) ((w0 * 0x9E3779B97F4A7C15L ^ w1 * 0xBF58476D1CE4E5B9L ^ w2 * 0x94D049BB133111EBL ^ len)
                >>> 58); // 64 = 2^6 entries
        int at = i * 3;
        if (lengths[i] == len && words[at] == w0 && words[at + 1] == w1 && words[at + 2] == w2) {
            return values[i];
        }
        int r = lookUp(b, s, e);
        lengths[i] = len;
        words[at] = w0;
        words[at + 1] = w1;
        words[at + 2] = w2;
        values[i] = r;
        return r;
    }

    private int lookUp(byte[] b, int s, int e) {
        int len = e - s;
        int h = SumTable.hash(b, s, e);
        int found = seen.find(b, s, len, h);
        if (found >= 0) {
            return resolved[seen.number(found)];
        }
        int r = resolve.applyAsInt(new String(b, s, len, StandardCharsets.UTF_8));
        if (seen.size() < limit) {
            int added = seen.number(seen.add(b, s, len, h));
            if (added == resolved.length) {
                resolved = Arrays.copyOf(resolved, added * 2);
            }
            resolved[added] = r;
        }
        return r;
    }
}
