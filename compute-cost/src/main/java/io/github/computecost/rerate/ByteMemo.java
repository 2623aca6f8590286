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

    /** @return what {@code b[s..e)} resolves to */
    int get(byte[] b, int s, int e) {
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
