package io.github.computecost.rerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.computecost.pricing.PriceBook;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Costs and amounts given as doubles ({@link RowBytes#add(double)}, as Parquet and Spark hold them) are read by
 * {@link Partial#add(RowBytes)} from their digits, without text: the figures are those of the same rows given as the
 * text a CSV export writes, to the last digit, for any double: negative, tiny, huge, not a number.
 */
class TypedDoublesProperties {

    private static final List<String> HEADER = List.of("bill/PayerAccountId", "lineItem/UsageAccountId",
            "lineItem/LineItemType", "lineItem/UsageStartDate", "lineItem/ProductCode", "lineItem/UsageType",
            "lineItem/ResourceId", "lineItem/UsageAmount", "lineItem/UnblendedCost",
            "savingsPlan/SavingsPlanEffectiveCost");
    private static final Rerater RERATER = Rerater.of(PriceBook.bundled());
    private static final String[] KINDS = {"Usage", "SavingsPlanCoveredUsage", "Credit", "Tax"};
    private static final String[] TYPES = {"Request", "Lambda-GB-Second", "USE1-Fargate-GB-Hours"};

    /** One row: kind, usage type, amount, unblended cost, effective cost. */
    record Row(int kind, int type, double amount, double unblended, double effective) {
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        return row().list().ofMinSize(1).ofMaxSize(12);
    }

    private static Arbitrary<Row> row() {
        Arbitrary<Double> amounts = Arbitraries.oneOf(
                Arbitraries.doubles().between(0, 1e7).ofScale(3).map(d -> d), // as bills have them
                Arbitraries.doubles().between(-1e4, 1e12), // any digits, negative too
                Arbitraries.longs().map(Double::longBitsToDouble), // any double at all: NaN, subnormal, 1e300
                Arbitraries.of(0.0, -0.0, 1e7, 1e-5, 1e-9, 1e-10, 1e-11, 0.1 + 0.2, 9.999999999e8, 1e9, 2.5e14));
        return Combinators.combine(Arbitraries.integers().between(0, KINDS.length - 1),
                Arbitraries.integers().between(0, TYPES.length - 1), amounts, amounts, amounts).as(Row::new);
    }

    @Provide
    Arbitrary<Double> billDoubles() {
        double below = 0x1p50 / 1e10;
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 10).flatMap(places -> Arbitraries.bigDecimals()
                        .between(java.math.BigDecimal.ZERO, new java.math.BigDecimal("120000")).ofScale(places)
                        .map(java.math.BigDecimal::doubleValue)), // decimals of 0 to 10 places, as bills have them
                Arbitraries.doubles().between(0, 2e5), // any digits
                Arbitraries.longs().map(Double::longBitsToDouble), // any double at all
                Arbitraries.of(1e-3, Math.nextDown(1e-3), Math.nextUp(1e-3), below, Math.nextDown(below),
                        Math.nextUp(below), 1.0, 100.0, 0.5, 0.1 + 0.2, 1e-10 + 1e-3, 112589.9, 99999.0000000001));
    }

    /**
     * The fast way to a bill double's fixed point and places ({@link RowBytes#fixedAndPlaces}) gives what the general
     * way ({@link RowBytes#shortest}, then {@link RowBytes#fixed}) gives, wherever it answers.
     */
    @Property(tries = 3000)
    void theFastWayToFixedPointGivesWhatTheGeneralWayGives(@ForAll("billDoubles") double v,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 10) int scale) {
        long fast = RowBytes.fixedAndPlaces(v, scale);
        if (fast == -2) {
            assertEquals(false, v >= 1e-3 && v < 0x1p50 / 1e10, "asks the general way in its range: " + v);
            return;
        }
        long packed = RowBytes.shortest(v);
        long fixed = packed <= 0 ? -1 : RowBytes.fixed(packed, scale);
        if (fast == -1) {
            assertEquals(-1, fixed, v + " at scale " + scale);
        } else {
            assertEquals(fixed, fast >>> 5, v + " at scale " + scale);
            assertEquals(packed & 31, fast & 31, "places of " + v);
        }
    }

    @org.junit.jupiter.api.Test
    void aBillsDoublesInFixedPointWithTheirPlaces() {
        assertEquals(69_970_525_000_000L << 5 | 3, RowBytes.fixedAndPlaces(69970.525, 9)); // usage: billionths, 3 places
        assertEquals(519796918L << 5 | 10, RowBytes.fixedAndPlaces(0.0519796918, 10)); // a cost of ten places
        assertEquals(-1, RowBytes.fixedAndPlaces(0.0519796918, 9)); // ten places do not fit in nine
        assertEquals(5_000_000_000L << 5 | 1, RowBytes.fixedAndPlaces(5.0, 9)); // "5.0": one place
        assertEquals(10_000_000L << 5 | 3, RowBytes.fixedAndPlaces(0.001, 10));
        assertEquals(-2, RowBytes.fixedAndPlaces(0.0009, 10));
        assertEquals(-2, RowBytes.fixedAndPlaces(200000.5, 9));
        assertEquals(-1, RowBytes.fixedAndPlaces(0.1 + 0.2, 10)); // 0.30000000000000004
    }

    @Property(tries = 400)
    void doublesGivenAsNumbersRateAsTheirText(@ForAll("rows") List<Row> rows) {
        Partial typed = RERATER.partial(HEADER, "bill");
        Partial text = RERATER.partial(HEADER, "bill");
        RowBytes values = new RowBytes(HEADER.size());
        int i = 0;
        for (Row r : rows) {
            String resource = "arn:res:" + (i++ % 3);
            typed.add(fill(values.clear(), r, resource));
            // The same row as text: each double as the shortest decimal an export's CSV writes for it.
            RowBytes asText = new RowBytes(HEADER.size());
            fill(asText, r, resource);
            text.add(asText.bytes(), asText.starts(), asText.ends());
            assertEquals(RowBytes.decimal(r.amount()), value(asText, 7));
        }
        Rerater.Result a = RERATER.rate(typed);
        Rerater.Result b = RERATER.rate(text);
        assertEquals(b.totalExact(), a.totalExact());
        assertEquals(b.rated(), a.rated());
        assertEquals(b.skipped(), a.skipped());
        assertEquals(b.byResource(), a.byResource());
        assertEquals(b.quantityByUsageType(), a.quantityByUsageType());
        assertEquals(b.covered(), a.covered());
        assertEquals(b.passedThrough(), a.passedThrough());
        assertEquals(b.reconciliation(), a.reconciliation());
    }

    private static RowBytes fill(RowBytes row, Row r, String resource) {
        return row.add("999999999999").add("111111111111").add(KINDS[r.kind()]).add("2026-10-01T00:00:00Z")
                .add("AWSLambda").add(TYPES[r.type()]).add(resource).add(r.amount()).add(r.unblended())
                .add(r.effective());
    }

    private static String value(RowBytes row, int i) {
        return new String(row.bytes(), row.starts()[i], row.ends()[i] - row.starts()[i], StandardCharsets.US_ASCII);
    }

    @Test
    void aDoubleInAColumnReadAsTextIsReadAsItsText() {
        // The resource column given a double: its text is written for the key, as a CSV line's would be.
        Partial p = RERATER.partial(List.of("lineItem/UsageType", "lineItem/UsageAmount", "lineItem/ResourceId"),
                "bill");
        p.add(new RowBytes(3).add("Request").add(2_000_000.0).add(12.5));
        Rerater.Result r = RERATER.freeTier(false).rate(p);
        assertEquals(List.of("12.5 [AWSLambda us-east-1]"), List.copyOf(r.byResource().keySet()));
        assertEquals(0, r.totalExact().compareTo(new java.math.BigDecimal("0.4")), r.totalExact().toString());
        var e = assertThrows(IllegalArgumentException.class, () -> RERATER.partial(HEADER, "bill")
                .add(new RowBytes(2).add("a")));
        assertEquals("values for " + HEADER.size() + " columns are needed, were 1", e.getMessage());
    }

    @Test
    void aRowsTextIsWrittenWhenAskedForAndGapsAreKeptOutOfTheValues() {
        RowBytes row = new RowBytes(3).add(1.66667E-5).add("x").add(-29.5504);
        assertEquals("0.0000166667", value(row, 0));
        assertEquals("x", value(row, 1));
        assertEquals("-29.5504", value(row, 2));
        assertEquals(0L, row.clear().add("y").number(0));
    }
}
