package io.github.computecost;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What a long read has done so far (a bill re-rated, Price List offers imported), for a progress display.
 *
 * @param rows records read: an export's lines, the header not counted; 0 where the reader counts none (an offer's
 *     JSON)
 * @param bytes bytes read from the source (compressed bytes, for a compressed file)
 * @param totalBytes the source's size in bytes, when known (a file's, or the files' together)
 * @param elapsed the time since reading began
 * @param done whether this is the last report, made once the input has been read
 */
public record Progress(long rows, long bytes, OptionalLong totalBytes, Duration elapsed, boolean done) {

    /** @return rows read per second so far, if any were and time has passed (a display figure, not a billable one) */
    public OptionalDouble rowsPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s > 0 && rows > 0 ? OptionalDouble.of(rows / s) : OptionalDouble.empty();
    }

    /** @return bytes read per second so far, if time has passed */
    public OptionalDouble bytesPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s > 0 ? OptionalDouble.of(bytes / s) : OptionalDouble.empty();
    }

    /** @return the time left at the rate so far, if the size is known and some of it has been read */
    public Optional<Duration> remaining() {
        if (totalBytes.isEmpty() || bytes <= 0) {
            return Optional.empty();
        }
        long left = Math.max(0, totalBytes.getAsLong() - bytes);
        return Optional.of(Duration.ofNanos((long) ((double) elapsed.toNanos() * left / bytes)));
    }
}
