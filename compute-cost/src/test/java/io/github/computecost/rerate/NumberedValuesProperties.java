package io.github.computecost.rerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Text values given with their numbers ({@link Partial#intern}, {@link RowBytes#add(byte[], int, int, int)}: a
 * Parquet dictionary page's values) rate as the same rows given as bytes alone, to the last digit, whichever values
 * of a column come with a number and whichever come without, empty values included; and a numbered partial merges,
 * and travels as bytes, as an unnumbered one does.
 */
class NumberedValuesProperties {

    private static final List<String> HEADER = List.of("bill/PayerAccountId", "lineItem/UsageAccountId",
            "lineItem/LineItemType", "lineItem/UsageStartDate", "lineItem/ProductCode", "lineItem/UsageType",
            "lineItem/ResourceId", "lineItem/UsageAmount", "lineItem/UnblendedCost",
            "savingsPlan/SavingsPlanEffectiveCost", "resourceTags/user:team");
    private static final PriceBook BOOK = PriceBook.bundled();
    private static final Rerater RERATER = Rerater.of(BOOK).tags(List.of("team"));
    private static final String[][] VALUES = {
        {"", "999999999999", "888888888888"},
        {"111111111111", "222222222222", ""},
        {"Usage", "SavingsPlanCoveredUsage", "Credit", "Tax", "NotAType"},
        {"2026-10-01T00:00:00Z", "2026-11-03T05:00:00Z"},
        {"AWSLambda", ""},
        {"Request", "Lambda-GB-Second", "USE1-Fargate-GB-Hours", "Not-Priced-Usage"},
        {"", "arn:res:1", "arn:res:2", "arn:res:10"},
        {"3000000", "0.5", "12.125", "-1", "x"},
        {"0.0000000001", "1.5", "0.2500000000", ""},
        {"0.1", "", "0.0100000000"},
        {"", "web", "db"},
    };

    /** One row: per column, which of its values, and whether it is given with its number. */
    record Row(int[] value, boolean[] numbered) {
        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            for (int c = 0; c < value.length; c++) {
                out.append(c == 0 ? "" : ", ").append(VALUES[c][value[c]]).append(numbered[c] ? "#" : "");
            }
            return out.toString();
        }
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        Arbitrary<int[]> values = Combinators.combine(java.util.stream.IntStream.range(0, VALUES.length)
                .mapToObj(c -> Arbitraries.integers().between(0, VALUES[c].length - 1)).toList())
                .as(l -> l.stream().mapToInt(Integer::intValue).toArray());
        Arbitrary<boolean[]> numbered = Arbitraries.of(true, false).array(boolean[].class).ofSize(VALUES.length);
        return Combinators.combine(values, numbered).as(Row::new).list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 300)
    void numberedValuesRateAsTheirBytes(@ForAll("rows") List<Row> rows) {
        Partial numbered = RERATER.partial(HEADER, "bill");
        Partial plain = RERATER.partial(HEADER, "bill");
        add(rows, numbered, plain, 0, rows.size());
        same(RERATER.rate(plain), RERATER.rate(numbered));
        // One value, one key: a resource is never split between its bytes and its number.
        Partial numberedAgain = RERATER.partial(HEADER, "bill");
        Partial plainAgain = RERATER.partial(HEADER, "bill");
        add(rows, numberedAgain, plainAgain, 0, rows.size());
        Aggregator a = plainAgain.take(BOOK, false);
        Aggregator b = numberedAgain.take(BOOK, false);
        a.flush();
        b.flush();
        assertEquals(a.keys.size(), b.keys.size());
    }

    @Property(tries = 100)
    void numberedPartsMergeAndTravelAsPlainOnes(@ForAll("rows") List<Row> rows) throws Exception {
        int cut = rows.size() / 2;
        Partial[] numbered = {RERATER.partial(HEADER, "bill", 0), RERATER.partial(HEADER, "bill", 1)};
        Partial whole = RERATER.partial(HEADER, "bill");
        add(rows, numbered[0], whole, 0, cut);
        add(rows, numbered[1], null, cut, rows.size());
        add(rows, null, whole, cut, rows.size());
        same(RERATER.rate(whole), RERATER.rate(PartialTest.trip(numbered[1]).merge(PartialTest.trip(numbered[0]))));
    }

    /**
     * Adds rows {@code from..to} to {@code numbered} and {@code plain}, each twice: to {@code numbered} once with
     * numbers where the row says and once with numbers where it does not, so that each value is met in both forms.
     */
    private static void add(List<Row> rows, Partial numbered, Partial plain, int from, int to) {
        for (Row r : rows.subList(from, to)) {
            for (boolean flip : new boolean[] {false, true}) {
                RowBytes a = new RowBytes(HEADER.size());
                RowBytes b = new RowBytes(HEADER.size());
                for (int c = 0; c < VALUES.length; c++) {
                    // A value amid other bytes, as a dictionary's values lie in one buffer.
                    byte[] v = ("<" + VALUES[c][r.value()[c]] + ">").getBytes(StandardCharsets.UTF_8);
                    if (numbered != null && r.numbered()[c] != flip) {
                        a.add(v, 1, v.length - 2, numbered.intern(v, 1, v.length - 2));
                    } else {
                        a.add(v, 1, v.length - 2);
                    }
                    b.add(v, 1, v.length - 2);
                }
                if (numbered != null) {
                    numbered.add(a);
                }
                if (plain != null) {
                    plain.add(b);
                }
            }
        }
    }

    private static void same(Rerater.Result expected, Rerater.Result actual) {
        assertEquals(expected.totalExact(), actual.totalExact());
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.rated(), actual.rated());
        assertEquals(expected.skipped(), actual.skipped());
        assertEquals(expected.byResource(), actual.byResource());
        assertEquals(expected.byTag(), actual.byTag());
        assertEquals(expected.groupBy(Rerater.GroupBy.ACCOUNT), actual.groupBy(Rerater.GroupBy.ACCOUNT));
        assertEquals(expected.quantityByUsageType(), actual.quantityByUsageType());
        assertEquals(expected.covered(), actual.covered());
        assertEquals(expected.passedThrough(), actual.passedThrough());
        assertEquals(expected.reconciliation(), actual.reconciliation());
    }

    /**
     * A bill of more keys than the table of numbers holds (4,096): the keys it has no room for are found by bytes, and
     * once most rows miss it, every row is; the figures stay those of the rows as bytes.
     */
    /**
     * A resource named as the one without an id, given by number, and rows without a resource id (whose key holds
     * that name's bytes) are two keys, but one resource as shown, as when both come as bytes: one entry, both costs.
     */
    @Test
    void aResourceNamedAsTheOneWithoutAnIdIsOneResourceAsShown() {
        List<String> header = List.of("lineItem/UsageAccountId", "lineItem/UsageType", "lineItem/ResourceId",
                "lineItem/UsageAmount");
        Rerater rerater = Rerater.of(BOOK).freeTier(false);
        Partial numbered = rerater.partial(header, "bill");
        Partial plain = rerater.partial(header, "bill");
        byte[] account = "111111111111".getBytes(StandardCharsets.UTF_8);
        byte[] request = "Request".getBytes(StandardCharsets.UTF_8);
        byte[] named = "(no resource id)".getBytes(StandardCharsets.UTF_8);
        for (byte[] resource : new byte[][] {named, null}) {
            RowBytes row = new RowBytes(4).add(account, 0, account.length, numbered.intern(account, 0, account.length))
                    .add(request, 0, request.length, numbered.intern(request, 0, request.length));
            numbered.add((resource == null ? row.add((byte[]) null) : row.add(resource, 0, resource.length,
                    numbered.intern(resource, 0, resource.length))).add(1_000_000.0));
            plain.add(new RowBytes(4).add(account).add(request).add(resource).add(1_000_000.0));
        }
        Rerater.Result result = rerater.rate(numbered);
        same(rerater.rate(plain), result);
        assertEquals(java.util.Map.of("(no resource id) [AWSLambda us-east-1]", new java.math.BigDecimal("0.4")),
                result.byResource()); // 2,000,000 requests at 0.0000002
    }

    @Test
    void keysBeyondTheTableOfNumbersAreFoundByBytes() {
        List<String> header = List.of("lineItem/UsageAccountId", "lineItem/UsageType", "lineItem/ResourceId",
                "lineItem/UsageAmount");
        Rerater rerater = Rerater.of(BOOK);
        Partial numbered = rerater.partial(header, "bill");
        Partial plain = rerater.partial(header, "bill");
        Partial numberedAgain = rerater.partial(header, "bill");
        java.util.Random random = new java.util.Random(7);
        byte[] account = "111111111111".getBytes(StandardCharsets.UTF_8);
        byte[] request = "Request".getBytes(StandardCharsets.UTF_8);
        for (int row = 0; row < 120_000; row++) {
            byte[] resource = ("arn:res:" + random.nextInt(40_000)).getBytes(StandardCharsets.UTF_8);
            double amount = 1 + random.nextInt(1_000_000);
            for (Partial p : new Partial[] {numbered, numberedAgain}) {
                p.add(new RowBytes(4).add(account, 0, account.length, p.intern(account, 0, account.length))
                        .add(request, 0, request.length, p.intern(request, 0, request.length))
                        .add(resource, 0, resource.length, p.intern(resource, 0, resource.length)).add(amount));
            }
            plain.add(new RowBytes(4).add(account).add(request).add(resource).add(amount));
        }
        same(rerater.rate(plain), rerater.rate(numbered));
        Aggregator a = numberedAgain.take(BOOK, false);
        a.flush();
        assertEquals(true, a.numberedTableOff());
    }

    @Test
    void theSameBytesGetTheSameNumberAndANumberNotGivenIsRefused() {
        Partial p = RERATER.partial(HEADER, "bill");
        byte[] a = "xarn:res:1".getBytes(StandardCharsets.UTF_8);
        byte[] b = "arn:res:1yy".getBytes(StandardCharsets.UTF_8);
        int n = p.intern(a, 1, 9);
        assertEquals(n, p.intern(b, 0, 9));
        assertNotEquals(n, p.intern(b, 0, 10));
        assertThrows(IndexOutOfBoundsException.class, () -> p.intern(a, 5, 9));
        RowBytes row = new RowBytes(HEADER.size());
        for (int c = 0; c < HEADER.size(); c++) {
            byte[] v = VALUES[c][c == 9 ? 0 : 1].getBytes(StandardCharsets.UTF_8); // a row rated, not skipped
            if (c == 6) {
                row.add(v, 0, v.length, 7);
            } else {
                row.add(v, 0, v.length);
            }
        }
        var e = assertThrows(IllegalArgumentException.class, () -> p.add(row));
        assertEquals("column 6's value was given with number 7, which this partial did not give (see Partial.intern)",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RowBytes(1).add(a, 0, 1, -1));
        // A number the partial gave to other bytes (another partial's, say) is refused, not summed under them.
        Partial other = RERATER.partial(HEADER, "bill");
        RowBytes borrowed = new RowBytes(HEADER.size());
        for (int c = 0; c < HEADER.size(); c++) {
            byte[] v = VALUES[c][c == 9 ? 0 : 1].getBytes(StandardCharsets.UTF_8);
            int number = other.intern(v, 0, v.length);
            if (c == 6) {
                number = other.intern(a, 1, 9) == 0 ? 1 : 0; // given to the first value, the payer's bytes
            }
            borrowed.add(v, 0, v.length, number);
        }
        var wrong = assertThrows(IllegalArgumentException.class, () -> other.add(borrowed));
        assertTrue(wrong.getMessage().endsWith("which this partial gave to other bytes (see Partial.intern)"),
                wrong.getMessage());
    }
}
