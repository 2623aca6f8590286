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
}
