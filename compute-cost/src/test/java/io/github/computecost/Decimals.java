package io.github.computecost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

/** Test helpers for exact decimals: compare by value, never by scale. */
public final class Decimals {

    private Decimals() {
    }

    public static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    /** Asserts {@code actual} equals {@code expected} by value ({@code compareTo}). */
    public static void assertDecimal(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual),
                () -> "expected " + expected + " but was " + actual.toPlainString());
    }
}
