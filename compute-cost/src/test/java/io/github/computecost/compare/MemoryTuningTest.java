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
            assertTrue(balancedValue(r, r.balanced(), new BigDecimal("0.5"))
                    .compareTo(balancedValue(r, row, new BigDecimal("0.5"))) <= 0, row.toString());
        }
        BigDecimal bound = r.cheapest().costPerMillion().multiply(new BigDecimal("1.01"));
        assertEquals(r.rows().stream().filter(x -> x.costPerMillion().compareTo(bound) <= 0).toList(), r.nearCheapest());
    }

    /** Power-tuning's balanced value of a row, computed apart from the tuning: divided to 34 digits. */
    static BigDecimal balancedValue(MemoryTuning.Result r, MemoryTuning.Row row, BigDecimal weight) {
        java.math.MathContext mc = java.math.MathContext.DECIMAL128;
        BigDecimal maxCost = r.rows().stream().map(MemoryTuning.Row::costPerMillion).max(BigDecimal::compareTo)
                .orElseThrow();
        BigDecimal maxDuration = r.rows().stream().map(MemoryTuning.Row::durationMs).max(BigDecimal::compareTo)
                .orElseThrow();
        return weight.multiply(row.costPerMillion().divide(maxCost, mc)).add(BigDecimal.ONE.subtract(weight)
                .multiply(row.durationMs().divide(maxDuration, mc)));
    }

    /** The balanced pick at the weights' ends is the cheapest (1) and the fastest (0), and the least value between. */
    @net.jqwik.api.Property(tries = 40)
    void theBalancedWeightRunsFromSpeedToCost(@net.jqwik.api.ForAll("durations") List<Integer> durations,
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 100) int percent) {
        int[] mb = {128, 256, 512, 1024, 2048};
        MemoryTuning t = tuning(mb, durations.stream().map(String::valueOf).toArray(String[]::new));
        MemoryTuning.Result costOnly = t.tune(BOOK, "us-east-1", 128, BigDecimal.ONE, BigDecimal.ONE);
        assertEquals(costOnly.cheapest().costPerMillion(), costOnly.balanced().costPerMillion());
        MemoryTuning.Result speedOnly = t.tune(BOOK, "us-east-1", 128, BigDecimal.ONE, BigDecimal.ZERO);
        assertEquals(speedOnly.fastest(), speedOnly.balanced());
        BigDecimal w = BigDecimal.valueOf(percent).movePointLeft(2);
        MemoryTuning.Result r = t.tune(BOOK, "us-east-1", 128, BigDecimal.ONE, w);
        assertEquals(w, r.balancedWeight());
        for (MemoryTuning.Row row : r.rows()) {
            assertTrue(balancedValue(r, r.balanced(), w).compareTo(balancedValue(r, row, w)) <= 0, row + " at " + w);
        }
        assertThrows(IllegalArgumentException.class, () -> t.tune(BOOK, "us-east-1", 128, BigDecimal.ONE,
                new BigDecimal("1.01")));
    }

    @Test
    void theBalancedPickIsPowerTuningsNotTheLeastProduct() {
        // 128 MB at 1,000 ms, 256 MB at 600 ms, 1,024 MB at 300 ms (2.28, 2.70 and 5.20 USD per million): the tool's
        // balanced value at weight 0.5, each against the most cost and the longest duration, is least at 256 MB
        // (0.56 against 0.72 and 0.65), where the least cost × duration would pick 1,024 MB; at weight 0.2 (speed
        // counts more) the tool picks 1,024 MB.
        MemoryTuning t = tuning(new int[] {128, 256, 1024}, new String[] {"1000", "600", "300"});
        MemoryTuning.Result half = t.tune(BOOK, "us-east-1", 4096, BigDecimal.ONE, new BigDecimal("0.5"));
        MemoryTuning.Result speedy = t.tune(BOOK, "us-east-1", 4096, BigDecimal.ONE, new BigDecimal("0.2"));
        for (MemoryTuning.Result r : List.of(half, speedy)) {
            MemoryTuning.Row least = r.rows().stream().min(java.util.Comparator.comparing(x -> balancedValue(r, x,
                    r.balancedWeight()))).orElseThrow();
            assertEquals(least.memoryMb(), r.balanced().memoryMb(), "weight " + r.balancedWeight());
        }
        assertEquals(256, half.balanced().memoryMb(), half.rows().toString());
        MemoryTuning.Row leastProduct = half.rows().stream().min(java.util.Comparator.comparing(x -> x.costPerMillion()
                .multiply(x.durationMs()))).orElseThrow();
        assertEquals(1024, leastProduct.memoryMb(), "the old pick differs");
        assertEquals(1024, speedy.balanced().memoryMb(), speedy.rows().toString());
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<List<Integer>> durations() {
        return net.jqwik.api.Arbitraries.integers().between(1, 5000).list().ofSize(5)
                .map(l -> l.stream().sorted(java.util.Comparator.reverseOrder()).toList());
    }
}
