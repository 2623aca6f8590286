package io.github.computecost.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.compute.OperatingSystem;
import io.github.computecost.service.ObservedPrices.Statistic;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the statistics of a Spot price history that any correct implementation keeps. */
class Ec2SpotProperties {

    @Provide
    Arbitrary<List<Ec2SpotPrices.Record>> histories() {
        Arbitrary<Ec2SpotPrices.Record> r = Combinators.combine(Arbitraries.of("us-east-1a", "us-east-1b", "us-east-1c"),
                Arbitraries.integers().between(1, 300_000).map(i -> BigDecimal.valueOf(i, 6)),
                Arbitraries.longs().between(0, 30L * 24 * 3600))
                .as((zone, price, at) -> new Ec2SpotPrices.Record(zone, "us-east-1", "c5.xlarge",
                        OperatingSystem.LINUX, price, Instant.parse("2026-11-01T00:00:00Z").plusSeconds(at)));
        return r.list().ofMinSize(1).ofMaxSize(30);
    }

    static BigDecimal at(List<Ec2SpotPrices.Record> h, Statistic s) {
        return new Ec2SpotPrices(h, List.of("generated"), Map.of()).observed("us-east-1", "c5.xlarge",
                OperatingSystem.LINUX, s).orElseThrow().price();
    }

    @Property(tries = 300)
    void theMeanLiesBetweenTheLowestAndHighestPriceAndAPercentileIsAnObservedPrice(
            @ForAll("histories") List<Ec2SpotPrices.Record> h, @ForAll @IntRange(min = 1, max = 100) int p) {
        BigDecimal min = h.stream().map(Ec2SpotPrices.Record::price).min(BigDecimal::compareTo).orElseThrow();
        BigDecimal max = h.stream().map(Ec2SpotPrices.Record::price).max(BigDecimal::compareTo).orElseThrow();
        BigDecimal mean = at(h, Statistic.MEAN);
        assertTrue(mean.compareTo(min) >= 0 && mean.compareTo(max) <= 0, mean + " not in " + min + ".." + max);
        BigDecimal pct = at(h, new Statistic(Optional.of(p)));
        assertTrue(h.stream().anyMatch(r -> r.price().compareTo(pct) == 0), pct + " is not an observed price");
        if (p < 100) {
            assertTrue(at(h, new Statistic(Optional.of(p + 1))).compareTo(pct) >= 0, "percentiles never fall");
        }
    }

    @Property(tries = 200)
    void aConstantPriceIsItsOwnMeanAndEveryPercentile(@ForAll("histories") List<Ec2SpotPrices.Record> h,
            @ForAll @IntRange(min = 1, max = 300_000) int micros) {
        BigDecimal price = BigDecimal.valueOf(micros, 6);
        List<Ec2SpotPrices.Record> flat = h.stream().map(r -> new Ec2SpotPrices.Record(r.availabilityZone(),
                r.region(), r.instanceType(), r.operatingSystem(), price, r.timestamp())).toList();
        assertEquals(0, price.compareTo(at(flat, Statistic.MEAN)));
        assertEquals(0, price.compareTo(at(flat, Statistic.parse("p90"))));
    }
}
