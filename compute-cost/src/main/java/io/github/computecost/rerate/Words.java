package io.github.computecost.rerate;

/**
 * Bytes eight at a time: tests of the bytes of a word read little-endian from a byte array ({@link SumTable#LONGS},
 * the first byte lowest), for the line, field and amount scans. One place for the bit tricks they share.
 */
final class Words {

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LOW_7 = 0x7F7F7F7F7F7F7F7FL;

    private Words() {
    }

    /** @return a word of eight bytes {@code c}, to find it by {@code word ^ of(c)}'s zero bytes */
    static long of(char c) {
        return ONES * (c & 0xFF);
    }

    /**
     * @return the high bit of zero bytes of {@code x}: exact for the lowest (a byte above a zero one may be marked
     *     too), so its trailing zeros over 8 are the first zero byte's index. One operation less than
     *     {@link #zeroBytes}, for a scan that wants the first only
     */
    static long firstZero(long x) {
        return (x - ONES) & ~x & HIGHS;
    }

    /** @return the high bit of each zero byte of {@code x}, exactly (no borrow from a byte below) */
    static long zeroBytes(long x) {
        return ~(((x & LOW_7) + LOW_7) | x | LOW_7);
    }
}
