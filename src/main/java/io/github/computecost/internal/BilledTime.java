package io.github.computecost.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Per-second billing: whole seconds rounded up, a minimum per start, and the conversion to hours. */
public final class BilledTime {

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private BilledTime() {
    }

    /**
     * Billed seconds of one run: rounded up to a whole second, at least {@code minimumSeconds}.
     *
     * @param seconds the run's length in seconds, at least 0
     */
    public static BigDecimal seconds(BigDecimal seconds, BigDecimal minimumSeconds) {
        return seconds.setScale(0, RoundingMode.CEILING).max(minimumSeconds);
    }

    /** Billed seconds of a run given in hours; see {@link #seconds}. */
    public static BigDecimal secondsOfHours(BigDecimal hours, BigDecimal minimumSeconds) {
        return seconds(hours.multiply(SECONDS_PER_HOUR), minimumSeconds);
    }

    /**
     * Seconds as hours, rounded half up to {@code scale} decimal places: the one inexact step of per-second
     * billing, since 1/3600 has no finite decimal. Whole hours stay exact.
     */
    public static BigDecimal hours(BigDecimal seconds, int scale) {
        BigDecimal h = seconds.divide(SECONDS_PER_HOUR, scale, RoundingMode.HALF_UP).stripTrailingZeros();
        return h.scale() < 0 ? h.setScale(0) : h;
    }
}
