package io.github.computecost.rerate;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a stream as ranges of one reused byte buffer: no copy and no {@code String} per line. Lines end
 * with LF; a CR before it is dropped. The line break is found eight bytes at a time. A line longer than
 * {@link #MAX_LINE} (16 MiB) is passed over (reported by {@link #tooLong}) rather than held. Not thread-safe.
 */
final class LineReader {

    /** The longest line held (bills' lines run to a few kB with many tag columns). */
    static final int MAX_LINE = 16 << 20;
    private static final long NEWLINES = Words.of('\n');

    private final InputStream in;
    private final int maxLine;
    private byte[] buf;
    private int len; // bytes in buf
    private int pos; // start of the next line
    private boolean eof;
    private int start;
    private int end;
    private boolean tooLong;

    LineReader(InputStream in) {
        this(in, MAX_LINE, 1 << 20);
    }

    /** @param maxLine the longest line held, a power of two at least {@code bufferSize} */
    LineReader(InputStream in, int maxLine, int bufferSize) {
        this.in = in;
        this.maxLine = maxLine;
        this.buf = new byte[bufferSize];
    }

    /** @return the buffer holding the next line (see {@link #start}, {@link #end}), or null at the end */
    byte[] next() throws IOException {
        tooLong = false;
        int scan = pos;
        while (true) {
            int nl = newline(buf, scan, len);
            if (nl >= 0) {
                return line(pos, nl, nl + 1);
            }
            scan = len;
            if (eof) {
                if (pos < len) {
                    return line(pos, len, len);
                }
                return null;
            }
            if (pos > 0) { // keep the partial line, at the buffer's start
                System.arraycopy(buf, pos, buf, 0, len - pos);
                len -= pos;
                scan -= pos;
                pos = 0;
            } else if (len == buf.length) {
                if (buf.length >= maxLine) {
                    discardLine();
                    return buf;
                }
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int n = in.read(buf, len, buf.length - len);
            if (n < 0) {
                eof = true;
            } else {
                len += n;
            }
        }
    }

    private byte[] line(int s, int e, int next) {
        start = s;
        end = e > s && buf[e - 1] == '\r' ? e - 1 : e;
        pos = next;
        return buf;
    }

    /** Drops the buffered part of an overlong line and reads on past its line break. */
    private void discardLine() throws IOException {
        tooLong = true;
        start = 0;
        end = 0;
        while (true) {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                eof = true;
                len = 0;
                pos = 0;
                return;
            }
            int nl = newline(buf, 0, n);
            if (nl >= 0) {
                len = n;
                pos = nl + 1;
                return;
            }
        }
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    /** @return whether the line just returned was longer than the longest held and was passed over */
    boolean tooLong() {
        return tooLong;
    }

    /** @return the index of the first LF in {@code b[from..to)}, or -1 */
    static int newline(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long found = Words.firstZero((long) SumTable.LONGS.get(b, i) ^ NEWLINES);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
