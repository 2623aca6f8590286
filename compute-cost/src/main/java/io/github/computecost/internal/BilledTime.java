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
     * {@link #secondsOfHours} without the minimum, in {@code long}s: a running time given in hours, in seconds
     * rounded up to a whole second.
     *
     * @throws ArithmeticException on overflow or more than 18 decimals
     */
    public static long wholeSecondsOfHours(BigDecimal hours) {
        return ceilDiv(Math.multiplyExact(unscaled(hours), 3600L), hours.scale());
    }

    /**
     * A running time in seconds rounded up to a whole second, in {@code long}s.
     *
     * @throws ArithmeticException on overflow or more than 18 decimals
     */
    public static long wholeSeconds(BigDecimal seconds) {
        return ceilDiv(unscaled(seconds), seconds.scale());
    }

    /**
     * {@link #hours} in {@code long}s: whole seconds as hours rounded half up to {@code scale} decimals, as the digits
     * at that scale.
     *
     * @throws ArithmeticException on overflow
     */
    public static long hoursUnscaled(long seconds, int scale) {
        long scaled = Math.multiplyExact(seconds, pow10(scale));
        return Math.floorDiv(Math.addExact(scaled, 1800L), 3600L);
    }

    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L, 10_000_000_000_000L,
        100_000_000_000_000L, 1_000_000_000_000_000L, 10_000_000_000_000_000L, 100_000_000_000_000_000L,
        1_000_000_000_000_000_000L};

    private static long pow10(int n) {
        if (n < 0 || n >= POW10.length) {
            throw new ArithmeticException("10^" + n + " does not fit a long");
        }
        return POW10[n];
    }

    private static long unscaled(BigDecimal v) {
        if (v.scale() <= 0) {
            return v.longValueExact();
        }
        if (v.scale() > 18) {
            throw new ArithmeticException("more than 18 decimals");
        }
        return v.movePointRight(v.scale()).longValueExact(); // compact: no BigInteger made
    }

    private static long ceilDiv(long unscaled, int scale) {
        if (scale <= 0) {
            return unscaled;
        }
        long p = pow10(scale);
        return Math.floorDiv(Math.addExact(unscaled, p - 1), p);
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
