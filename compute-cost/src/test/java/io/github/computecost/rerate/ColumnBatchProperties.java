package io.github.computecost.rerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.pricing.PriceBook;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Rows given column by column ({@link Partial#add(ColumnBatch)}, as the Parquet reader gives a row group's) rate as
 * the same rows given one by one ({@link Partial#add(RowBytes)}), to the last digit, in batches of any size: rows
 * summed from the columns (a key met before) and rows read as rows (a key's first row, a row skipped or passed
 * through, an amount that is not a plain decimal) alike, and the keys are first met in the same order.
 */
class ColumnBatchProperties {

    private static final List<String> HEADER = List.of("bill/PayerAccountId", "lineItem/UsageAccountId",
            "lineItem/LineItemType", "lineItem/UsageStartDate", "lineItem/ProductCode", "lineItem/UsageType",
            "lineItem/ResourceId", "lineItem/UsageAmount", "lineItem/UnblendedCost",
            "savingsPlan/SavingsPlanEffectiveCost");
    private static final PriceBook BOOK = PriceBook.bundled();
    private static final Rerater RERATER = Rerater.of(BOOK);
    /** The text columns' values ("" is empty); the last three columns are doubles. */
    private static final String[][] TEXT = {
        {"", "999999999999", "888888888888"},
        {"111111111111", "222222222222", ""},
        {"Usage", "Usage", "SavingsPlanCoveredUsage", "DiscountedUsage", "Credit", "Tax", "NotAType", ""},
        {"2026-10-01", "2026-10-17", "2026-11-03", "2026-1", ""},
        {"AWSLambda", ""},
        {"Request", "Lambda-GB-Second", "USE1-Fargate-GB-Hours", "Not-Priced-Usage", ""},
        {"", "arn:res:1", "arn:res:2", "arn:res:10"},
    };
    /** Per text column, the value most rows have. */
    private static final int[] USUAL = {1, 0, 0, 0, 0, 0, 1};
    private static final int DOUBLES = 3;
    /** Doubles as bills have them, and the others: negative, not a number, too many places, too large. */
    private static final double[] AMOUNTS = {3_000_000, 0.5, 12.125, 1.66667E-5, 0.0519796918, 0, -1, Double.NaN,
        1e-11, 2.5e14, 123456789.123456789};

    /** One row: per text column which value, then per column of doubles which amount (-1: empty). */
    record Row(int[] text, int[] amount) {
        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            for (int c = 0; c < text.length; c++) {
                out.append(TEXT[c][text[c]]).append(", ");
            }
            for (int a : amount) {
                out.append(a < 0 ? "(empty)" : Double.toString(AMOUNTS[a])).append(", ");
            }
            return out.toString();
        }
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        // Mostly a bill's usual values, so that keys recur and their later rows are summed from the columns.
        Arbitrary<int[]> text = Combinators.combine(java.util.stream.IntStream.range(0, TEXT.length)
                .mapToObj(c -> Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(3, Arbitraries.just(USUAL[c])),
                        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, TEXT[c].length - 1)))).toList())
                .as(l -> l.stream().mapToInt(Integer::intValue).toArray());
        // Mostly the amounts bills have, so that many rows are summed from the columns.
        Arbitrary<Integer> amount = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(0, 4)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(-1, AMOUNTS.length - 1)));
        Arbitrary<int[]> amounts = amount.list().ofSize(DOUBLES)
                .map(l -> l.stream().mapToInt(Integer::intValue).toArray());
        return Combinators.combine(text, amounts).as(Row::new).list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 300)
    void rowsGivenByColumnsRateAsRowsGivenOneByOne(@ForAll("rows") List<Row> rows,
            @ForAll @IntRange(min = 1, max = 9) int batchRows) {
        Partial byColumns = RERATER.partial(HEADER, "bill");
        Partial byRows = RERATER.partial(HEADER, "bill");
        addByColumns(rows, byColumns, batchRows);
        addByRows(rows, byRows);
        same(RERATER.rate(byRows), RERATER.rate(byColumns));
        Partial byColumnsAgain = RERATER.partial(HEADER, "bill");
        Partial byRowsAgain = RERATER.partial(HEADER, "bill");
        addByColumns(rows, byColumnsAgain, batchRows);
        addByRows(rows, byRowsAgain);
        Aggregator a = byRowsAgain.take(BOOK, false);
        Aggregator b = byColumnsAgain.take(BOOK, false);
        a.flush();
        b.flush();
        assertEquals(keys(a), keys(b), "the keys, in the order first met");
    }

    /** With tags, or as FOCUS, every row of a batch is read as a row: the same figures all the same. */
    @Property(tries = 60)
    void aBillReadWithTagsRatesAsItsRows(@ForAll("rows") List<Row> rows) {
        List<String> header = new ArrayList<>(HEADER);
        header.set(4, "resourceTags/user:team"); // the product code's values, read as a tag
        Rerater tagged = RERATER.tags(List.of("team"));
        Partial byColumns = tagged.partial(header, "bill");
        Partial byRows = tagged.partial(header, "bill");
        addByColumns(rows, byColumns, 4);
        addByRows(rows, byRows);
        same(tagged.rate(byRows), tagged.rate(byColumns));
    }

    /** Rows summed from the columns: beyond the 4,096 keys a row-by-row bill finds by numbers, every key is. */
    @Test
    void aBillOfManyKeysIsSummedFromItsColumnsAsItsRows() {
        List<String> header = List.of("lineItem/UsageAccountId", "lineItem/UsageType", "lineItem/ResourceId",
                "lineItem/UsageAmount");
        Rerater rerater = Rerater.of(BOOK);
        Partial byColumns = rerater.partial(header, "bill");
        Partial byColumnsAgain = rerater.partial(header, "bill");
        Partial byRows = rerater.partial(header, "bill");
        java.util.Random random = new java.util.Random(11);
        byte[] account = "111111111111".getBytes(StandardCharsets.UTF_8);
        byte[] request = "Request".getBytes(StandardCharsets.UTF_8);
        ColumnBatch batch = new ColumnBatch(4);
        for (int done = 0; done < 60_000; done += 1_000) {
            byte[][] resource = new byte[1_000][];
            double[] amount = new double[1_000];
            for (int i = 0; i < 1_000; i++) {
                resource[i] = ("arn:res:" + random.nextInt(10_000)).getBytes(StandardCharsets.UTF_8);
                amount[i] = 1 + random.nextInt(1_000_000);
                byRows.add(new RowBytes(4).add(account).add(request).add(resource[i]).add(amount[i]));
            }
            for (Partial p : new Partial[] {byColumns, byColumnsAgain}) {
                batch.clear(1_000);
                int[] accounts = batch.numbers(0);
                int[] types = batch.numbers(1);
                int[] resources = batch.numbers(2);
                double[] amounts = batch.doubles(3);
                for (int i = 0; i < 1_000; i++) {
                    accounts[i] = p.intern(account, 0, account.length);
                    types[i] = p.intern(request, 0, request.length);
                    resources[i] = p.intern(resource[i], 0, resource[i].length);
                    amounts[i] = amount[i];
                }
                p.add(batch);
            }
        }
        Aggregator a = byColumns.take(BOOK, false);
        assertTrue(a.keys.size() > 4_096, "keys: " + a.keys.size());
        assertTrue(!a.numberedTableOff());
        assertTrue(a.rows == 60_000 && a.rowsSummedByNumbers() > 40_000, "summed from the columns: "
                + a.rowsSummedByNumbers());
        same(rerater.rate(byRows), rerater.rate(byColumnsAgain));
    }

    @Test
    void aNumberThePartialDidNotGiveAndANarrowBatchAreRefused() {
        Partial p = RERATER.partial(HEADER, "bill");
        ColumnBatch batch = new ColumnBatch(HEADER.size());
        batch.clear(2);
        for (int c = 0; c < TEXT.length; c++) {
            byte[] v = TEXT[c][1].getBytes(StandardCharsets.UTF_8);
            java.util.Arrays.fill(batch.numbers(c), 0, 2, p.intern(v, 0, v.length));
        }
        for (int c = TEXT.length; c < HEADER.size(); c++) {
            java.util.Arrays.fill(batch.doubles(c), 0, 2, 1.5);
        }
        batch.numbers(6)[1] = 99;
        var e = assertThrows(IllegalArgumentException.class, () -> p.add(batch));
        assertEquals("column 6's value in row 1 of the batch was given with number 99, which this partial did not give "
                + "(see Partial.intern)", e.getMessage());
        var narrow = assertThrows(IllegalArgumentException.class, () -> p.add(new ColumnBatch(3)));
        assertEquals("values for " + HEADER.size() + " columns are needed, were 3", narrow.getMessage());
        var notDoubles = assertThrows(IllegalStateException.class, () -> batch.empty(0, 0));
        assertEquals("column 0 holds no doubles in this batch", notDoubles.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> batch.empty(7, 2));
        assertThrows(IllegalArgumentException.class, () -> batch.clear(-1));
    }

    /** Adds the rows in batches of {@code batchRows}: text by numbers, empty text as -1, the amounts as doubles. */
    private static void addByColumns(List<Row> rows, Partial p, int batchRows) {
        // Numbered row by row first, as addByRows numbers them: the keys then hold the same numbers, byte for byte.
        for (Row r : rows) {
            for (int c = 0; c < TEXT.length; c++) {
                byte[] v = TEXT[c][r.text()[c]].getBytes(StandardCharsets.UTF_8);
                if (v.length > 0) {
                    p.intern(v, 0, v.length);
                }
            }
        }
        ColumnBatch batch = new ColumnBatch(HEADER.size());
        for (int from = 0; from < rows.size(); from += batchRows) {
            int n = Math.min(batchRows, rows.size() - from);
            batch.clear(n);
            for (int c = 0; c < TEXT.length; c++) {
                int[] numbers = batch.numbers(c);
                for (int i = 0; i < n; i++) {
                    byte[] v = TEXT[c][rows.get(from + i).text()[c]].getBytes(StandardCharsets.UTF_8);
                    numbers[i] = v.length == 0 ? -1 : p.intern(v, 0, v.length);
                }
            }
            for (int d = 0; d < DOUBLES; d++) {
                int c = TEXT.length + d;
                double[] doubles = batch.doubles(c);
                for (int i = 0; i < n; i++) {
                    int a = rows.get(from + i).amount()[d];
                    if (a < 0) {
                        batch.empty(c, i);
                    } else {
                        doubles[i] = AMOUNTS[a];
                    }
                }
            }
            p.add(batch);
        }
    }

    /** Adds the rows one by one, as the Parquet reader did: text with its number, the amounts as doubles. */
    private static void addByRows(List<Row> rows, Partial p) {
        for (Row r : rows) {
            RowBytes row = new RowBytes(HEADER.size());
            for (int c = 0; c < TEXT.length; c++) {
                byte[] v = TEXT[c][r.text()[c]].getBytes(StandardCharsets.UTF_8);
                if (v.length == 0) {
                    row.add((byte[]) null);
                } else {
                    row.add(v, 0, v.length, p.intern(v, 0, v.length));
                }
            }
            for (int a : r.amount()) {
                if (a < 0) {
                    row.add((byte[]) null);
                } else {
                    row.add(AMOUNTS[a]);
                }
            }
            p.add(row);
        }
    }

    /** @return the aggregator's keys' bytes, in their numbers' order */
    private static List<String> keys(Aggregator a) {
        List<String> out = new ArrayList<>();
        for (int n = 0; n < a.keys.size(); n++) {
            out.add(java.util.HexFormat.of().formatHex(a.keys.key(a.keys.entry(n))));
        }
        return out;
    }

    private static void same(Rerater.Result expected, Rerater.Result actual) {
        assertEquals(expected.totalExact(), actual.totalExact());
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.rated(), actual.rated());
        assertEquals(expected.skipped(), actual.skipped());
        assertEquals(List.copyOf(expected.byResource().entrySet()), List.copyOf(actual.byResource().entrySet()));
        assertEquals(expected.byTag(), actual.byTag());
        assertEquals(expected.groupBy(Rerater.GroupBy.ACCOUNT), actual.groupBy(Rerater.GroupBy.ACCOUNT));
        assertEquals(expected.byUsageType(), actual.byUsageType());
        assertEquals(expected.quantityByUsageType(), actual.quantityByUsageType());
        assertEquals(expected.covered(), actual.covered());
        assertEquals(expected.passedThrough(), actual.passedThrough());
        assertEquals(expected.reconciliation(), actual.reconciliation());
    }
}
