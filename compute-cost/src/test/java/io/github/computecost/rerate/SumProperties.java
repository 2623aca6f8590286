package io.github.computecost.rerate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The re-rater's running totals (billionths in a long, BigDecimal for the rest) equal BigDecimal sums exactly. */
class SumProperties {

    @Provide
    Arbitrary<List<String>> amounts() {
        return amount().list().ofMaxSize(60);
    }

    static Arbitrary<String> amount() {
        return Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("999999999")).ofScale(3)
                        .map(BigDecimal::toPlainString),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("999999999")).ofScale(9)
                        .map(BigDecimal::toPlainString),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("99999999")).ofScale(10)
                        .map(BigDecimal::toPlainString), // a cost as AWS writes it
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1E+15")).ofScale(12)
                        .map(BigDecimal::toPlainString), // too many places or digits: the BigDecimal side
                Arbitraries.longs().between(0, 9_999_999_999_999L).map(l -> Long.toString(l)),
                Arbitraries.of("1E+3", "2.5e-4", " 7.25 ", "5.", "0", "000.100"));
    }

    @Property(tries = 300)
    void aSumIsTheExactSumOfItsAmounts(@ForAll("amounts") List<String> amounts) {
        SumTable sums = new SumTable(1);
        int sum = sums.add(new byte[] {1}, 1, SumTable.hash(new byte[] {1}, 0, 1));
        BigDecimal expected = BigDecimal.ZERO;
        for (String a : amounts) {
            long nanos = nanos(a);
            BigDecimal exact = new BigDecimal(a.trim());
            if (nanos >= 0) {
                assertEquals(0, BigDecimal.valueOf(nanos, 9).compareTo(exact), a);
                sums.add(sum, nanos, places(a));
            } else {
                sums.add(sum, exact);
            }
            expected = expected.add(exact);
        }
        assertEquals(0, sums.total(sum).compareTo(expected), amounts.toString());
        // At the scale adding them gives: the most places among the amounts (never fewer than none).
        assertEquals(expected.scale() < 0 ? expected.setScale(0) : expected, sums.total(sum), amounts.toString());
    }

    /**
     * Three sums per key (usage in billionths, unblended and effective cost in 10^-10) stay apart, exact, negative
     * amounts too, across growth.
     */
    @Property(tries = 200)
    void aKeysSumsAreIndependentAndExact(@ForAll("amounts") List<String> amounts, @ForAll boolean negative) {
        SumTable table = new SumTable(1, 3);
        BigDecimal[][] expected = new BigDecimal[5][3];
        for (int i = 0; i < amounts.size(); i++) {
            byte[] k = {(byte) (i % 5)};
            int h = SumTable.hash(k, 0, 1);
            int e = table.find(k, 1, h);
            if (e < 0) {
                e = table.add(k, 1, h); // five keys in a table made for one: it grows, the sums move with it
            }
            int sum = i % 3;
            String a = amounts.get(i);
            byte[] ascii = a.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            long units = table.parse(ascii, 0, ascii.length, table.scale(sum)); // billionths, or 10^-10 for costs
            BigDecimal exact = new BigDecimal(a.trim());
            if (sum > 0 && negative) {
                table.add(e, sum, exact.negate()); // costs may be negative: the BigDecimal side
                exact = exact.negate();
            } else if (units >= 0) {
                assertEquals(0, BigDecimal.valueOf(units, table.scale(sum)).compareTo(exact), a);
                table.add(e, sum, units, table.parsedPlaces());
            } else {
                table.add(e, sum, exact);
            }
            BigDecimal[] x = expected[i % 5];
            x[sum] = x[sum] == null ? exact : x[sum].add(exact);
        }
        for (int key = 0; key < 5 && key < amounts.size(); key++) {
            byte[] k = {(byte) key};
            int e = table.find(k, 1, SumTable.hash(k, 0, 1));
            for (int sum = 0; sum < 3; sum++) {
                BigDecimal want = expected[key][sum] == null ? BigDecimal.ZERO : expected[key][sum];
                assertEquals(0, table.total(e, sum).compareTo(want), key + "/" + sum + " " + amounts);
            }
        }
    }

    /** {@link SumTable#parse} of a string's ASCII bytes (anything else is not a plain decimal). */
    private static long nanos(String s) {
        byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) {
            char ch = s.charAt(i);
            b[i] = ch < 128 ? (byte) ch : (byte) '?';
        }
        return new SumTable(1).parse(b, 0, b.length);
    }

    private static int places(String a) {
        byte[] b = a.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        SumTable t = new SumTable(1);
        t.parse(b, 0, b.length);
        return t.parsedPlaces();
    }

    /** Text near an amount: digits, dots and the characters that make an amount not plain. */
    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789.").ofMinLength(1).ofMaxLength(20),
                Arbitraries.strings().withChars("0123456789.").withChars("-+eE ,/\"x\u00e9").ofMinLength(1).ofMaxLength(20),
                amount());
    }

    /**
     * However an amount lies in its buffer (at its start or not, with any bytes after it, near the buffer's end or
     * not), {@code parse} gives its units at the scale exactly when it is digits with at most one inner dot, at most
     * {@code scale} places and {@code 18 - scale} whole digits, and -1 otherwise; and the places it notes.
     */
    @Property(tries = 3000)
    void parseReadsExactlyThePlainDecimalsThatFit(@ForAll("text") String amount, @ForAll("text") String after,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 9) int before,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 20) int room, @ForAll boolean cost,
            @ForAll boolean wide) {
        byte[] a = amount.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] tail = after.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        int kept = Math.min(room, tail.length);
        byte[] b = new byte[before + a.length + kept + (wide ? 16 : 0)];
        java.util.Arrays.fill(b, 0, before, (byte) '7');
        System.arraycopy(a, 0, b, before, a.length);
        System.arraycopy(tail, 0, b, before + a.length, kept);
        java.util.Arrays.fill(b, before + a.length + kept, b.length, (byte) '5');
        SumTable table = new SumTable(1, 2);
        int scale = table.scale(cost ? 1 : 0);
        long units = table.parse(b, before, before + a.length, scale);
        long expected = -1;
        int places = 0;
        if (amount.matches("[0-9]+(\\.[0-9]+)?")) {
            BigDecimal v = new BigDecimal(amount);
            places = v.scale();
            int whole = amount.indexOf('.') < 0 ? amount.length() : amount.indexOf('.');
            if (places <= scale && whole <= 18 - scale) {
                expected = v.movePointRight(scale).longValueExact();
            }
        }
        assertEquals(expected, units, amount + " then " + after + " at scale " + scale);
        if (expected >= 0) {
            assertEquals(places, table.parsedPlaces(), amount);
        }
        if (a.length <= 16 && before + 16 <= b.length) { // the word-wise reading decides alone, and declines nothing
            SumTable words = new SumTable(1, 2);
            assertEquals(expected, words.parseWords(b, before, a.length, scale), amount + " then " + after);
            if (expected >= 0) {
                assertEquals(places, words.parsedPlaces(), amount);
            }
        }
    }

    @Test
    void parseReadsAmountsOfEveryLengthInAWideBuffer() {
        SumTable table = new SumTable(1);
        byte[] b = "123456789.1234567890.5.5,0099.".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] wide = java.util.Arrays.copyOf(b, b.length + 16);
        assertEquals(123_456_789_123_456_789L, table.parse(wide, 0, 19)); // 19 bytes: the loop
        assertEquals(9, table.parsedPlaces());
        assertEquals(123_456_789_123_456_700L, table.parse(wide, 0, 17)); // 17 bytes: the loop
        assertEquals(123_456_789_123_456_000L, table.parse(wide, 0, 16)); // 16 bytes, the dot in the second word
        assertEquals(6, table.parsedPlaces());
        assertEquals(3_456_789_120_000_000L, table.parse(wide, 2, 12)); // "3456789.12": the dot in the first word
        assertEquals(2, table.parsedPlaces());
        assertEquals(-1, table.parse(wide, 9, 9)); // empty
        assertEquals(99_000_000_000L, table.parse(wide, 25, 29)); // "0099"
        assertEquals(0, table.parsedPlaces());
        assertEquals(-1, table.parse(wide, 25, 30)); // "0099.": a dot last
        assertEquals(-1, table.parse(wide, 9, 13)); // ".123": a dot first
        assertEquals(-1, table.parse(wide, 18, 24)); // "90.5.5": two dots
        assertEquals(-1, table.parse(wide, 21, 25)); // "5.5,": a comma
        assertEquals(5_500_000_000L, table.parse(wide, 21, 24)); // "5.5"
        assertEquals(1, table.parsedPlaces());
    }

    @Test
    void nanosTakesOnlyPlainDecimalsThatFit() {
        assertEquals(1_500_000_000L, nanos("1.5"));
        assertEquals(999_999_999_999_999_999L, nanos("999999999.999999999"));
        assertEquals(-1, nanos("1000000000.0")); // ten whole digits
        assertEquals(-1, nanos("0.0000000001")); // ten places
        assertEquals(-1, nanos("-1"));
        assertEquals(-1, nanos("1e3"));
        assertEquals(-1, nanos(".5"));
        assertEquals(-1, nanos("1.2.3"));
        assertEquals(-1, nanos(""));
    }

    @Test
    void aTotalNearTheLongLimitCarriesIntoTheBigDecimal() {
        SumTable sums = new SumTable(1);
        int sum = sums.add(new byte[0], 0, 0);
        BigDecimal expected = BigDecimal.ZERO;
        for (int i = 0; i < 100; i++) { // 100 × 999,999,999.5 billionths: far past 2^63
            sums.add(sum, nanos("999999999.5"), 1);
            expected = expected.add(new BigDecimal("999999999.5"));
        }
        assertEquals(expected, sums.total(sum));
    }
}
