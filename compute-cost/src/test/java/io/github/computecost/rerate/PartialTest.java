package io.github.computecost.rerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.computecost.internal.Csv;
import io.github.computecost.pricing.PriceBook;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An export split into parts, summed apart, carried as bytes and merged, rates as the whole file does. */
class PartialTest {

    private static final Rerater RERATER = Rerater.of(PriceBook.bundled()).tags(List.of("team"));

    private static List<List<String>> rows() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(LineItemTypesTest.TYPES)) {
            rows.add(Csv.split(line));
        }
        return rows;
    }

    @Test
    void partsMergedInAnyOrderRateAsTheWholeExport() throws Exception {
        List<List<String>> rows = rows();
        List<String> header = rows.get(0);
        // Three parts in the file's order: rows 1-4, 5-9, 10-; merged last part first, each after a trip as bytes.
        Partial[] parts = new Partial[3];
        int[] cuts = {1, 5, 10, rows.size()};
        for (int p = 0; p < 3; p++) {
            parts[p] = RERATER.partial(header, "bill", p);
            for (int i = cuts[p]; i < cuts[p + 1]; i++) {
                parts[p].add(rows.get(i));
            }
        }
        Partial merged = trip(parts[2]).merge(trip(parts[0])).merge(trip(parts[1]));
        Rerater.Result whole = RERATER.rate(LineItemTypesTest.TYPES);
        Rerater.Result split = RERATER.rate(merged);
        assertEquals(whole.totalExact(), split.totalExact());
        assertEquals(whole.rows(), split.rows());
        assertEquals(whole.rated(), split.rated());
        assertEquals(whole.skipped(), split.skipped());
        assertEquals(whole.byResource(), split.byResource());
        assertEquals(whole.byTag(), split.byTag());
        assertEquals(whole.covered(), split.covered());
        assertEquals(whole.passedThrough(), split.passedThrough());
        assertEquals(whole.reconciliation(), split.reconciliation());
    }

    @Test
    void aPartialSaysWhichColumnsItReadsAndARatedOneIsDoneWith() {
        List<String> header = List.of("identity/LineItemId", "lineItem/UsageType", "product/region",
                "lineItem/UsageAmount", "resourceTags/user:team", "pricing/term");
        Partial p = RERATER.tags(List.of("team")).partial(header, "bill");
        assertEquals(List.of(false, true, false, true, true, false, false), java.util.stream.IntStream.range(0, 7)
                .mapToObj(p::reads).toList());
        assertEquals(5, p.columnsRead());
        p.add(java.util.Arrays.asList("1", "Request", null, "2000000", "web"));
        Rerater.Result r = RERATER.freeTier(false).tags(List.of("team")).rate(p);
        assertEquals(0, r.totalExact().compareTo(new java.math.BigDecimal("0.4")), r.totalExact().toString());
        // Rated as it was read, without a copy of its sums: it takes nothing more.
        assertThrows(IllegalStateException.class, () -> p.add(List.of("2", "Request", "", "1", "")));
        assertThrows(IllegalStateException.class, () -> RERATER.rate(p));
    }

    @Test
    void aMergedPartialTakesNoRowsAndPartialsOfOtherColumnsDoNotMerge() throws IOException {
        List<List<String>> rows = rows();
        Partial a = RERATER.partial(rows.get(0), "bill");
        Partial b = RERATER.partial(rows.get(0), "bill");
        a.merge(b);
        var e = assertThrows(IllegalStateException.class, () -> a.add(rows.get(1)));
        assertEquals("a partial takes no rows once merged or serialized", e.getMessage());
        Partial other = Rerater.of(PriceBook.bundled()).partial(List.of("lineItem/UsageType", "lineItem/UsageAmount"),
                "other");
        assertThrows(IllegalArgumentException.class, () -> RERATER.partial(rows.get(0), "bill").merge(other));
        assertThrows(UsageExportException.class, () -> RERATER.partial(List.of("a", "b"), "bad"));
        assertThrows(IllegalArgumentException.class, () -> RERATER.partial(rows.get(0), "bill", -1));
    }

    /** @return the partial after a trip as bytes (Java serialization), as between a job's machines */
    static Partial trip(Partial p) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(p);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (Partial) in.readObject();
        }
    }

    @Test
    void rowsGivenAsByteRangesReadAsTheirTextDoes() throws IOException {
        List<List<String>> rows = rows();
        Partial text = RERATER.partial(rows.get(0), "bill");
        Partial bytes = RERATER.partial(rows.get(0), "bill");
        int n = bytes.columnsRead();
        for (List<String> row : rows.subList(1, rows.size())) {
            text.add(row);
            // All values one after another in one buffer, as an engine holding UTF-8 rows would pass them.
            byte[] all = String.join("", row.subList(0, n)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            int[] starts = new int[n];
            int[] ends = new int[n];
            int at = 0;
            for (int i = 0; i < n; i++) {
                starts[i] = at;
                at += row.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                ends[i] = at;
            }
            bytes.add(all, starts, ends);
        }
        Rerater.Result a = RERATER.rate(text);
        Rerater.Result b = RERATER.rate(bytes);
        assertEquals(a.totalExact(), b.totalExact());
        assertEquals(a.byResource(), b.byResource());
        assertEquals(a.skipped(), b.skipped());
        assertEquals(a.reconciliation(), b.reconciliation());
        var e = assertThrows(IllegalArgumentException.class, () -> RERATER.partial(rows.get(0), "bill")
                .add(new byte[0], new int[1], new int[1]));
        assertEquals("bounds for " + n + " columns are needed, were 1", e.getMessage());
    }
}
