package io.github.computecost.internal;

import io.github.computecost.Progress;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Counts the bytes read through it and tells a listener about twice a second, from the reading thread, so that no
 * reader's loop needs a clock (a JSON parser's loop is not even ours). Several streams read one after another can share a count.
 */
public final class ProgressStream extends FilterInputStream {

    private static final long EVERY = 500_000_000L;

    /** The count and clock that streams over several files share. */
    public static final class Tally {
        private final Consumer<Progress> listener;
        private final OptionalLong total;
        private final long started = System.nanoTime();
        private long next = started + EVERY;
        private long bytes;
        private java.util.function.LongSupplier rows = () -> 0;

        /** @param total the files' size together, when known */
        public Tally(Consumer<Progress> listener, OptionalLong total) {
            this.listener = listener;
            this.total = total;
        }

        /** @param counted the records read so far, asked at each report (by default none are counted) */
        public void rows(java.util.function.LongSupplier counted) {
            this.rows = counted;
        }

        void add(long n) {
            bytes += n;
            long now = System.nanoTime();
            if (now >= next) {
                next = now + EVERY;
                listener.accept(new Progress(rows.getAsLong(), bytes, total, Duration.ofNanos(now - started), false));
            }
        }

        /** Tells the listener that everything has been read. */
        public void done() {
            listener.accept(new Progress(rows.getAsLong(), bytes, total, Duration.ofNanos(System.nanoTime() - started),
                    true));
        }
    }

    private final Tally tally;

    public ProgressStream(InputStream in, Tally tally) {
        super(in);
        this.tally = tally;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            tally.add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            tally.add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long k = super.skip(n);
        tally.add(k);
        return k;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
