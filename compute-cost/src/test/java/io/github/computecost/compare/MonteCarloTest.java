package io.github.computecost.compare;

import static io.github.computecost.Decimals.bd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.compute.Architecture;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.lambda.LambdaFunction;
import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MonteCarloTest {

    static final PriceBook BOOK = PriceBook.bundled();
    static final WorkloadPlanner PLANNER = WorkloadPlanner.of(BOOK);

    static List<MonteCarlo.Percentiles> run(NeutralWorkload w, long seed, int trials) {
        return MonteCarlo.run(w, PLANNER.plan(w), BOOK, true, "us-east-1", seed, trials);
    }

    static NeutralWorkload bursty() {
        return NeutralWorkload.of("bursty", 10_000_000, bd("80"), 1024).withUncertainty(new Uncertainty(
                Optional.of(new Uncertainty.LogNormal(bd("80"), bd("900"))), Optional.of(5_000_000L),
                Optional.of(20_000_000L)));
    }

    @Test
    void aFixedSeedReproducesItsPercentilesExactly() {
        List<MonteCarlo.Percentiles> a = run(bursty(), 7, 300);
        List<MonteCarlo.Percentiles> b = run(bursty(), 7, 300);
        assertEquals(a, b);
        assertNotEquals(a, run(bursty(), 8, 300));
        for (MonteCarlo.Percentiles p : a) {
            assertTrue(p.p50().compareTo(p.p90()) <= 0 && p.p90().compareTo(p.p99()) <= 0, p.toString());
        }
        MonteCarlo.Percentiles arm = a.stream().filter(p -> p.option().equals("Lambda (arm64)")).findFirst().orElseThrow();
        assertTrue(arm.p50().compareTo(arm.p99()) < 0, "a spread: " + arm);
    }

    @Test
    void aDegenerateDistributionGivesTheDeterministicEstimate() {
        NeutralWorkload w = NeutralWorkload.of("flat", 3_000_000, bd("120"), 512).withUncertainty(new Uncertainty(
                Optional.of(new Uncertainty.Samples(Collections.nCopies(5, bd("120")))), Optional.empty(),
                Optional.empty()));
        BigDecimal deterministic = Estimator.of(BOOK).estimate(List.of(LambdaFunction.builder("flat")
                .architecture(Architecture.ARM64).memoryMb(512).requestsPerMonth(3_000_000)
                .averageDurationMs(bd("120")).build())).totalExact();
        MonteCarlo.Percentiles arm = run(w, 1, 50).stream().filter(p -> p.option().equals("Lambda (arm64)"))
                .findFirst().orElseThrow();
        assertEquals(0, arm.p50().compareTo(deterministic));
        assertEquals(0, arm.p90().compareTo(deterministic));
        assertEquals(0, arm.p99().compareTo(deterministic));
    }

    @Test
    void eachInvocationIsBilledToTheWholeMillisecond() {
        // Every sample is 80.2 ms: billed 81 ms each, which an average of 80.2 would not give.
        NeutralWorkload w = NeutralWorkload.of("r", 1_000_000, bd("80.2"), 1024).withUncertainty(new Uncertainty(
                Optional.of(new Uncertainty.Samples(List.of(bd("80.2")))), Optional.empty(), Optional.empty()));
        BigDecimal at81 = Estimator.of(BOOK).estimate(List.of(LambdaFunction.builder("r").memoryMb(1024)
                .requestsPerMonth(1_000_000).averageDurationMs(bd("81")).build())).totalExact();
        MonteCarlo.Percentiles x86 = run(w, 3, 10).stream().filter(p -> p.option().equals("Lambda (x86_64)"))
                .findFirst().orElseThrow();
        assertEquals(0, x86.p50().compareTo(at81));
    }

    @Test
    void alwaysOnOptionsDoNotVaryAndBadInputIsRefused() {
        List<MonteCarlo.Percentiles> p = run(bursty(), 1, 20);
        MonteCarlo.Percentiles ec2 = p.stream().filter(x -> x.option().equals("EC2")).findFirst().orElseThrow();
        assertEquals(ec2.p50(), ec2.p99());
        assertThrows(IllegalArgumentException.class, () -> run(bursty(), 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Uncertainty.LogNormal(bd("100"), bd("50")));
        assertThrows(IllegalArgumentException.class, () -> new Uncertainty(Optional.empty(), Optional.of(5L),
                Optional.of(1L)));
    }

    @Test
    void nearestRankPercentiles() {
        List<BigDecimal> v = List.of(bd("1"), bd("2"), bd("3"), bd("4"), bd("5"), bd("6"), bd("7"), bd("8"), bd("9"),
                bd("10"));
        assertEquals(bd("5"), MonteCarlo.nearestRank(v, 50));
        assertEquals(bd("9"), MonteCarlo.nearestRank(v, 90));
        assertEquals(bd("10"), MonteCarlo.nearestRank(v, 99));
    }

    /**
     * A right-skewed duration (lognormal, P99 10 to 30 times its median): the expected cost is never below the
     * point estimate at the median duration (Lambda's cost is convex and non-decreasing in duration, and a
     * lognormal's mean is above its median: Jensen's inequality). "Between P50 and P99" is not a law, and this property found both ways it fails: a mean above P99 when
     * one month in a hundred leaves the free tier, and a mean a hair below P50 when the skew is mild.
     */
    @net.jqwik.api.Property(tries = 25)
    void theExpectedCostOfARightSkewedDurationIsAboveThePointEstimate(
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 20, max = 200) int p50,
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 10, max = 30) int ratio,
            @net.jqwik.api.ForAll long seed) {
        NeutralWorkload w = NeutralWorkload.of("skewed", 10_000_000, bd(Integer.toString(p50)), 1024)
                .withUncertainty(new Uncertainty(Optional.of(new Uncertainty.LogNormal(bd(Integer.toString(p50)),
                        bd(Integer.toString(p50 * ratio)))), Optional.empty(), Optional.empty()));
        WorkloadPlanner.Plan plan = PLANNER.plan(w);
        for (MonteCarlo.Percentiles p : MonteCarlo.run(w, plan, BOOK, true, "us-east-1", seed, 300)) {
            if (!p.option().startsWith("Lambda")) {
                continue;
            }
            BigDecimal point = plan.ranked().stream().filter(o -> o.option().equals(p.option())).findFirst()
                    .orElseThrow().monthlyCost().orElseThrow();
            assertTrue(point.compareTo(p.expected()) <= 0, "the median's cost " + point + " is not above " + p);
            assertTrue(p.expected().signum() > 0, p.toString());
        }
    }

    @Test
    void theRankingIsOnTheExpectedCost() {
        NeutralWorkload w = bursty();
        WorkloadPlanner.Plan plan = PLANNER.plan(w);
        List<MonteCarlo.Ranked> ranked = MonteCarlo.rankByExpected(plan, run(w, 1, 300));
        for (int i = 1; i < ranked.size(); i++) {
            if (ranked.get(i).expected().isPresent()) {
                assertTrue(ranked.get(i - 1).expected().orElseThrow().compareTo(ranked.get(i).expected().get()) <= 0,
                        ranked.toString());
            }
        }
        // Lambda's point estimate (at the median, 80 ms) is below its expected cost, so it ranks lower than it did.
        MonteCarlo.Ranked arm = ranked.stream().filter(r -> r.option().option().equals("Lambda (arm64)")).findFirst()
                .orElseThrow();
        assertTrue(arm.option().monthlyCost().orElseThrow().compareTo(arm.expected().orElseThrow()) < 0, arm.toString());
        int pointRank = plan.ranked().indexOf(arm.option());
        assertTrue(ranked.indexOf(arm) > pointRank, "ranked below its point-estimate place: " + ranked);
    }
}
