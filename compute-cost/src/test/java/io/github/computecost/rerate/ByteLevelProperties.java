package io.github.computecost.rerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.internal.Csv;
import io.github.computecost.pricing.PriceBook;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The re-rater's byte-level parts (lines, fields, key table) against plain, obviously right versions. */
class ByteLevelProperties {

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().withChars("ab,\"\r\n\u00e9").ofMaxLength(300);
    }

    /** Reads in chunks of a few bytes at most: a line is split across reads at every place. */
    private static InputStream trickle(byte[] bytes, int chunk) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    @Property(tries = 400)
    void linesAreTheTextSplitAtLineFeedsWithoutTrailingCarriageReturns(@ForAll("text") String text,
            @ForAll @IntRange(min = 1, max = 9) int chunk) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<String> expected = new ArrayList<>();
        String[] parts = text.split("\n", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i == parts.length - 1 && parts[i].isEmpty()) {
                break; // no line after the last line feed
            }
            expected.add(parts[i].endsWith("\r") ? parts[i].substring(0, parts[i].length() - 1) : parts[i]);
        }
        LineReader r = new LineReader(trickle(bytes, chunk), 1 << 10, 8);
        List<String> actual = new ArrayList<>();
        byte[] b;
        while ((b = r.next()) != null) {
            actual.add(new String(b, r.start(), r.end() - r.start(), StandardCharsets.UTF_8));
        }
        assertEquals(expected, actual);
    }

    @Test
    void aLineLongerThanTheLimitIsPassedOverAndTheNextIsRead() throws IOException {
        String longLine = "x".repeat(100);
        byte[] bytes = ("a\n" + longLine + "\nb\n" + longLine).getBytes(StandardCharsets.UTF_8);
        LineReader r = new LineReader(trickle(bytes, 7), 32, 8);
        List<String> seen = new ArrayList<>();
        byte[] b;
        while ((b = r.next()) != null) {
            seen.add(r.tooLong() ? "(too long)" : new String(b, r.start(), r.end() - r.start(), StandardCharsets.UTF_8));
        }
        assertEquals(List.of("a", "(too long)", "b", "(too long)"), seen);
    }

    @Provide
    Arbitrary<String> csvLine() {
        // Beside the delimiters, the bytes one above and below them (+ - ! #), and UTF-8 continuation bytes: the
        // splitter tests eight bytes at a time, where a borrow could mark a neighbour.
        return Arbitraries.strings().withChars("ab,\"\u00e9+-!#\u00ac\u012c").ofMaxLength(60);
    }

    @Property(tries = 1000)
    void fieldsAreCsvSplitsFieldsUpToTheLastColumnRead(@ForAll("csvLine") String line,
            @ForAll @IntRange(min = 2, max = 6) int width) {
        Aggregator agg = new Aggregator(new UsageIndex(PriceBook.bundled()), false, 0, width - 1, -1, -1, -1);
        byte[] b = ("#" + line).getBytes(StandardCharsets.UTF_8); // an offset, as in a shared buffer
        int n = agg.split(b, 1, b.length);
        List<String> all;
        try {
            all = Csv.split(line);
        } catch (IllegalArgumentException unclosed) {
            // Only the first fields are read: an unclosed quote after them is not seen.
            if (n >= 0) {
                assertEquals(width, n, line);
            }
            return;
        }
        assertEquals(Math.min(width, all.size()), n, line);
        for (int i = 0; i < n; i++) {
            assertEquals(all.get(i), new String(b, agg.from[i], agg.to[i] - agg.from[i], StandardCharsets.UTF_8), line);
        }
    }

    @Property(tries = 200)
    void theKeyTableIsAMapOfKeysToExactSums(@ForAll("keys") List<String> keys, @ForAll boolean oneHash) {
        SumTable table = new SumTable(1); // small: it grows many times
        Map<String, Long> expected = new HashMap<>();
        Map<String, Integer> numbers = new HashMap<>();
        for (String k : keys) {
            byte[] b = ("<" + k + ">").getBytes(StandardCharsets.UTF_8);
            int h = oneHash ? 42 : SumTable.hash(b, 1, b.length - 1); // one hash for all: every lookup probes
            int e = table.find(b, 1, b.length - 2, h);
            assertEquals(numbers.containsKey(k), e >= 0, k);
            if (e < 0) {
                e = table.add(b, 1, b.length - 2, h);
                numbers.put(k, table.number(e));
            }
            assertEquals(numbers.get(k), table.number(e));
            table.add(e, 1_000_000_000L, 0); // one, in billionths
            expected.merge(k, 1L, Long::sum);
        }
        assertEquals(expected.size(), table.size());
        for (Map.Entry<String, Integer> n : numbers.entrySet()) {
            int e = table.entry(n.getValue());
            assertTrue(Arrays.equals(n.getKey().getBytes(StandardCharsets.UTF_8), table.key(e)));
            assertEquals(expected.get(n.getKey()).longValue(), table.total(e).longValueExact());
        }
    }

    @Provide
    Arbitrary<List<String>> keys() {
        return Arbitraries.strings().withChars("abc\u00e9").ofMaxLength(12).list().ofMaxSize(400);
    }

    @Test
    void theHashDependsOnlyOnTheKeysBytesNotOnWhatFollowsThem() {
        byte[] a = "arn:aws:lambda:f1XXXXXXXX".getBytes(StandardCharsets.US_ASCII);
        byte[] b = "arn:aws:lambda:f1YYYYYYYY".getBytes(StandardCharsets.US_ASCII);
        assertEquals(SumTable.hash(a, 0, 17), SumTable.hash(b, 0, 17));
        assertEquals(SumTable.hash(a, 0, 17), SumTable.hash(Arrays.copyOf(a, 17), 0, 17)); // no bytes after it
    }

    /**
     * Values a column holds, short and long, many alike: a value and others one byte apart from it, or a byte shorter
     * or longer (a zero byte among them).
     */
    @Provide
    Arbitrary<List<String>> values() {
        Arbitrary<String> base = Arbitraries.strings().withChars("aA0\u0000-").ofMaxLength(30);
        return base.flatMap(v -> {
            Arbitrary<String> oneApart = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 30),
                    Arbitraries.of('a', 'b', '\u0000'), Arbitraries.integers().between(0, 2)).as((at, c, how) -> {
                        int p = v.isEmpty() ? 0 : at % v.length();
                        return switch (how) {
                            case 0 -> v.isEmpty() ? String.valueOf(c) : v.substring(0, p) + c + v.substring(p + 1);
                            case 1 -> v + c;
                            default -> v.isEmpty() ? v : v.substring(0, v.length() - 1);
                        };
                    });
            return Arbitraries.oneOf(Arbitraries.just(v), oneApart).list().ofMinSize(1).ofMaxSize(200);
        });
    }

    /**
     * A memo gives what each value resolves to, as resolving it afresh would, wherever the value lies in a line and
     * whatever bytes are around it; over its limit too, and with more values than its cache holds.
     */
    @Property(tries = 200)
    void aMemoGivesWhatEachValueResolvesTo(@ForAll("values") List<String> values, @ForAll byte filler,
            @ForAll @IntRange(min = 0, max = 12) int before, @ForAll @IntRange(min = 1, max = 50) int limit) {
        Map<String, Integer> ids = new HashMap<>();
        ByteMemo memo = new ByteMemo(limit, v -> ids.computeIfAbsent(v, x -> ids.size()));
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
            int at = before + i % 9; // a different place in a line each time
            byte[] line = new byte[at + bytes.length + i % 4];
            Arrays.fill(line, (byte) (filler + i)); // the bytes around a value must not count
            System.arraycopy(bytes, 0, line, at, bytes.length);
            int want = expected.computeIfAbsent(v, x -> expected.size());
            assertEquals(want, memo.get(line, at, at + bytes.length), v);
        }
    }
}
