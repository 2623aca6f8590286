package io.github.computecost.rerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * A double becomes the text an export's CSV has for it: the shortest decimal that rounds to it, with the places
 * {@code BigDecimal.valueOf(d).toPlainString()} shows, written without a String on the row's buffer.
 */
class RowBytesTest {

    private static String written(double d) {
        RowBytes row = new RowBytes(2).add("x").add(d);
        return new String(row.bytes(), row.starts()[1], row.ends()[1] - row.starts()[1], StandardCharsets.US_ASCII);
    }

    @Test
    void costsAndAmountsAsAwsWritesThem() {
        assertEquals("0.0000166667", RowBytes.decimal(1.66667E-5));
        assertEquals("730.0", RowBytes.decimal(730.0));
        assertEquals("18.33337", RowBytes.decimal(18.33337));
        assertEquals("0.0", RowBytes.decimal(0.0));
        assertEquals("0.0", RowBytes.decimal(-0.0));
        assertEquals("-29.5504", RowBytes.decimal(-29.5504));
        assertEquals("10000000", RowBytes.decimal(1e7)); // as BigDecimal.valueOf: "1.0E7" has no place
        assertEquals("12345678.9", RowBytes.decimal(12345678.9));
        assertEquals("0.000010", RowBytes.decimal(1e-5)); // "1.0E-5": two digits
        assertEquals("0.3", RowBytes.decimal(0.1 + 0.2 - 0.00000000000000004)); // the double nearest 0.3
        assertEquals("0.30000000000000004", RowBytes.decimal(0.1 + 0.2));
        assertEquals("NaN", RowBytes.decimal(Double.NaN));
        assertEquals("1000000000000000000000", RowBytes.decimal(1e21)); // BigDecimal's way, beyond the fast one
        for (double d : new double[] {730.0, 1.66667E-5, -0.25, 1e7, 4.9e-324, Double.MAX_VALUE, 123456789012.125}) {
            assertEquals(RowBytes.decimal(d), written(d), Double.toString(d));
        }
    }

    /** Costs as AWS writes them (up to ten places) come back as the same digits. */
    @Property(tries = 3000)
    void aDecimalOfUpToTenPlacesComesBackAsItsDigits(@ForAll @LongRange(min = -10_000_000_000_000L,
            max = 10_000_000_000_000L) long unscaled, @ForAll @IntRange(min = 0, max = 10) int places) {
        BigDecimal cost = BigDecimal.valueOf(unscaled, places);
        double d = cost.doubleValue();
        assertEquals(BigDecimal.valueOf(d).toPlainString(), RowBytes.decimal(d), cost.toPlainString());
        assertEquals(RowBytes.decimal(d), written(d));
        assertEquals(0, cost.compareTo(new BigDecimal(RowBytes.decimal(d))), cost.toPlainString());
    }

    /**
     * Any double: the text names it exactly, with no more significant digits than BigDecimal.valueOf's, and the same
     * text unless that had more (Java 17's Double.toString is not always the shortest; Java 19's is).
     */
    @Property(tries = 5000)
    void anyDoubleIsNamedByItsText(@ForAll double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return;
        }
        String ours = RowBytes.decimal(d);
        assertEquals(d, new BigDecimal(ours).doubleValue(), ours);
        assertEquals(ours, written(d));
        String reference = BigDecimal.valueOf(d).toPlainString();
        if (!ours.equals(reference)) {
            assertTrue(new BigDecimal(ours).stripTrailingZeros().precision()
                    < new BigDecimal(reference).stripTrailingZeros().precision(), ours + " against " + reference);
        }
    }

    /** The same over the magnitudes of costs and amounts, where the digits are written without BigDecimal. */
    @Property(tries = 5000)
    void doublesOfBillMagnitudesGiveBigDecimalsText(@ForAll @LongRange(min = 0x3E112E0BE826D695L,
            max = 0x430C6BF526340000L) long bits, @ForAll boolean negative) {
        double d = Double.longBitsToDouble(bits) * (negative ? -1 : 1); // from 1e-9 to 1e15
        String ours = RowBytes.decimal(d);
        String reference = BigDecimal.valueOf(d).toPlainString();
        assertEquals(d, Double.parseDouble(ours), ours);
        if (!ours.equals(reference)) {
            assertTrue(new BigDecimal(ours).stripTrailingZeros().precision()
                    < new BigDecimal(reference).stripTrailingZeros().precision(), ours + " against " + reference);
        }
    }

    /**
     * The search for the fewest places passes over a product far from a whole number without dividing: it finds what
     * dividing at every place finds, for decimals of up to 17 places, their neighbouring doubles, and any double.
     */
    @Property(tries = 10000)
    void passingOverPlacesWithoutDividingFindsWhatDividingFinds(@ForAll @LongRange(min = 0,
            max = 4_503_599_627_370_495L) long unscaled, @ForAll @IntRange(min = 0, max = 17) int places,
            @ForAll @IntRange(min = -2, max = 2) int ulps, @ForAll long bits) {
        double d = BigDecimal.valueOf(unscaled, places).doubleValue();
        for (int i = 0; i < Math.abs(ulps); i++) {
            d = ulps < 0 ? Math.nextDown(d) : Math.nextUp(d);
        }
        assertEquals(dividingAtEveryPlace(d), RowBytes.shortest(d), Double.toString(d));
        double any = Double.longBitsToDouble(bits);
        assertEquals(dividingAtEveryPlace(any), RowBytes.shortest(any), Double.toString(any));
    }

    /** The search as it was first written: a division at every place. */
    private static long dividingAtEveryPlace(double value) {
        double a = Math.abs(value);
        if (!(a < 0x1p48)) {
            return -1;
        }
        if (a == 0) {
            return 1;
        }
        double p = 1;
        for (int k = 0; k <= 17; k++, p *= 10) {
            double scaled = a * p;
            if (scaled >= 0x1p52) {
                return -1;
            }
            double m = Math.rint(scaled);
            if (m / p == a) {
                return RowBytes.packed(a, (long) m, k); // packed as BigDecimal.valueOf shows the places
            }
        }
        return -1;
    }
}
