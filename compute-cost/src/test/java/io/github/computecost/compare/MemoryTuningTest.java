package io.github.computecost.compare;

import static io.github.computecost.Decimals.bd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.compute.Architecture;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.lambda.LambdaFunction;
import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemoryTuningTest {

    static final PriceBook BOOK = PriceBook.bundled();

    static MemoryTuning tuning(int[] mb, String[] ms) {
        List<MemoryTuning.Measurement> m = new java.util.ArrayList<>();
        for (int i = 0; i < mb.length; i++) {
            m.add(new MemoryTuning.Measurement(mb[i], bd(ms[i])));
        }
        return new MemoryTuning("fn", Optional.empty(), Architecture.X86_64, m);
    }

    static BigDecimal perMillion(int mb, String ms) {
        return Estimator.of(BOOK).withoutFreeTier().estimate(List.of(LambdaFunction.builder("fn").memoryMb(mb)
                .requestsPerMonth(1_000_000).averageDurationMs(bd(ms)).build())).totalExact();
    }

    @Test
    void picksTheSizeWithTheLowestExactCostPerInvocation() {
        MemoryTuning t = tuning(new int[] {128, 256, 512, 1024}, new String[] {"1000", "400", "210", "120"});
        MemoryTuning.Result r = t.tune(BOOK, "us-east-1", 64);
        // Exact costs at the measured sizes: 256 MB × 400 ms is the cheapest of them.
        assertEquals(0, perMillion(256, "400").compareTo(r.rows().stream().filter(x -> x.memoryMb() == 256)
                .findFirst().orElseThrow().costPerMillion()));
        for (MemoryTuning.Row row : r.rows()) {
            assertTrue(r.cheapest().costPerMillion().compareTo(row.costPerMillion()) <= 0);
        }
        assertEquals(256, r.cheapest().memoryMb());
        assertTrue(r.cheapest().measured());
        assertEquals(1024, r.fastest().memoryMb());
        assertTrue(r.rows().stream().anyMatch(x -> !x.measured()), "interpolated sizes between measurements");
        // Interpolated durations fall between their neighbours (a power law between points).
        MemoryTuning.Row mid = r.rows().stream().filter(x -> x.memoryMb() == 384).findFirst().orElseThrow();
        assertTrue(mid.durationMs().compareTo(bd("210")) > 0 && mid.durationMs().compareTo(bd("400")) < 0);
    }

    @Test
    void refusesTooFewOrRepeatedMeasurements() {
        assertThrows(IllegalArgumentException.class, () -> tuning(new int[] {128}, new String[] {"10"}));
        assertThrows(IllegalArgumentException.class, () -> tuning(new int[] {128, 128}, new String[] {"10", "9"}));
        assertThrows(IllegalArgumentException.class, () -> tuning(new int[] {128, 256}, new String[] {"10", "0"}));
    }

    @Test
    void tiesOnCostGoToTheFasterSizeAsPowerTuningsOwnExampleSays() {
        // The power-tuning tool's README: 128 MB at 2,400 ms and 1,024 MB at 300 ms cost the same (0.3 GB-s each).
        MemoryTuning t = tuning(new int[] {128, 1024}, new String[] {"2400", "300"});
        MemoryTuning.Result r = t.tune(BOOK, "us-east-1", 1024);
        assertEquals(0, perMillion(128, "2400").compareTo(perMillion(1024, "300")), "the same exact cost");
        assertEquals(1024, r.cheapest().memoryMb(), "cheapest and fastest");
        assertEquals(1024, r.fastest().memoryMb());
        assertEquals(1024, r.pick(MemoryTuning.Strategy.COST).memoryMb());
        assertTrue(r.nearCheapest().stream().anyMatch(x -> x.memoryMb() == 128), "128 MB is tied on cost");
        // No tolerance: only the sizes that cost exactly the cheapest's.
        MemoryTuning.Result exact = t.tune(BOOK, "us-east-1", 1024, BigDecimal.ZERO);
        assertEquals(List.of(128, 1024), exact.nearCheapest().stream().map(MemoryTuning.Row::memoryMb).toList());
    }

    @net.jqwik.api.Property(tries = 60)
    void thePicksAreWhatTheyClaim(@net.jqwik.api.ForAll("durations") List<Integer> durations) {
        int[] mb = {128, 256, 512, 1024, 2048};
        String[] ms = durations.stream().map(String::valueOf).toArray(String[]::new);
        MemoryTuning.Result r = tuning(mb, ms).tune(BOOK, "us-east-1", 128);
        for (MemoryTuning.Row row : r.rows()) {
            int c = r.cheapest().costPerMillion().compareTo(row.costPerMillion());
            assertTrue(c < 0 || c == 0 && r.cheapest().durationMs().compareTo(row.durationMs()) <= 0,
                    "nothing cheaper, and nothing as cheap and faster: " + row);
            int f = r.fastest().durationMs().compareTo(row.durationMs());
            assertTrue(f < 0 || f == 0 && r.fastest().costPerMillion().compareTo(row.costPerMillion()) <= 0, row.toString());
            assertTrue(r.balanced().costPerMillion().multiply(r.balanced().durationMs())
                    .compareTo(row.costPerMillion().multiply(row.durationMs())) <= 0, row.toString());
        }
        BigDecimal bound = r.cheapest().costPerMillion().multiply(new BigDecimal("1.01"));
        assertEquals(r.rows().stream().filter(x -> x.costPerMillion().compareTo(bound) <= 0).toList(), r.nearCheapest());
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<List<Integer>> durations() {
        return net.jqwik.api.Arbitraries.integers().between(1, 5000).list().ofSize(5)
                .map(l -> l.stream().sorted(java.util.Comparator.reverseOrder()).toList());
    }
}
