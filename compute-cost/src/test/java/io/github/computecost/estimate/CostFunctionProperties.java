package io.github.computecost.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.compute.Architecture;
import io.github.computecost.lambda.LambdaFunction;
import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/** A cost function is the engine's figure at every whole volume, through free tier and duration tiers. */
class CostFunctionProperties {

    static final PriceBook BOOK = PriceBook.bundled();

    @Provide
    Arbitrary<String> regions() {
        return Arbitraries.of("us-east-1", "eu-west-1", "ap-southeast-2", "sa-east-1");
    }

    /** Uniform, not biased to small numbers: about half the functions reach the second duration tier. */
    @Provide
    Arbitrary<Long> volumes() {
        return Arbitraries.longs().between(0, 2_000_000_000L)
                .withDistribution(net.jqwik.api.RandomDistribution.uniform());
    }

    @Property(tries = 300)
    void lambdaCostFunctionsAreTheEngine(@ForAll @IntRange(min = 128, max = 10_240) int memory,
            @ForAll @IntRange(min = 512, max = 10_240) int storage, @ForAll @IntRange(max = 900_000) int ms,
            @ForAll("volumes") long volume, @ForAll boolean freeTier, @ForAll boolean arm,
            @ForAll("regions") String region) {
        Estimator e = Estimator.of(BOOK).freeTier(freeTier).region(region);
        java.util.function.LongFunction<LambdaFunction> at = v -> LambdaFunction.builder("f").memoryMb(memory)
                .ephemeralStorageMb(storage).architecture(arm ? Architecture.ARM64 : Architecture.X86_64)
                .requestsPerMonth(v).averageDurationMs(BigDecimal.valueOf(ms)).build();
        CostFunction f = e.costFunction(at);
        BigDecimal engine = e.estimate(List.of(at.apply(volume))).totalExact();
        // Where the month's duration passes 6 billion GB-seconds, the second tier is priced too.
        BigDecimal gbs = BigDecimal.valueOf(volume).multiply(BigDecimal.valueOf(ms)).multiply(BigDecimal.valueOf(memory))
                .divide(BigDecimal.valueOf(1_024_000));
        Statistics.label("tier").collect(gbs.compareTo(new BigDecimal("6000000000")) > 0 ? "past the first" : "first");
        assertEquals(0, f.costAt(volume).compareTo(engine), f.costAt(volume) + " vs " + engine);
        // Non-decreasing in the volume.
        assertTrue(f.costAt(volume + 1).compareTo(f.costAt(volume)) >= 0);
        Statistics.label("tier").coverage(c -> c.check("past the first").count(n -> n > 5));
    }
}
