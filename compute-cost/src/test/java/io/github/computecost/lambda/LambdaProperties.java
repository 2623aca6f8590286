package io.github.computecost.lambda;

import io.github.computecost.compute.Architecture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.estimate.LineItem;
import io.github.computecost.estimate.ResourceEstimate;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.PriceTable;
import io.github.computecost.pricing.Tier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/** Invariants of Lambda pricing that any correct implementation keeps. */
class LambdaProperties {

    static final PriceBook BOOK = PriceBook.bundled();
    static final Estimator FREE = Estimator.of(BOOK);
    static final Estimator NO_FREE = FREE.withoutFreeTier();
    static final BigDecimal REQUEST_PRICE = new BigDecimal("0.0000002");

    @Provide
    Arbitrary<LambdaFunction> functions() {
        Arbitrary<Integer> memory = Arbitraries.integers().between(128, 10_240);
        Arbitrary<Integer> storage = Arbitraries.integers().between(512, 10_240);
        Arbitrary<Long> requests = Arbitraries.longs().between(0, 2_000_000_000L)
                .edgeCases(c -> c.add(1_000_000L, 999_999L, 1_000_001L));
        Arbitrary<BigDecimal> duration = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("900000"))
                .ofScale(3);
        Arbitrary<Architecture> arch = Arbitraries.of(Architecture.class);
        Arbitrary<String> region = Arbitraries.of("us-east-1", "us-east-1", "eu-west-1", "ap-northeast-1");
        return Combinators.combine(memory, storage, requests, duration, arch, region)
                .as((m, s, r, d, a, reg) -> LambdaFunction.builder("f").memoryMb(m).ephemeralStorageMb(s)
                        .requestsPerMonth(r).averageDurationMs(d).architecture(a).region(reg).build());
    }

    @Provide
    Arbitrary<List<LambdaFunction>> workloads() {
        return functions().list().ofMinSize(1).ofMaxSize(6).map(fs -> {
            List<LambdaFunction> named = new ArrayList<>();
            for (int i = 0; i < fs.size(); i++) {
                named.add(fs.get(i).toBuilder().build().withName("f" + i));
            }
            return named;
        });
    }

    static BigDecimal cost(Estimator e, LambdaFunction f) {
        return e.estimate(List.of(f)).totalExact();
    }

    @Property
    void costIsMonotoneInRequests(@ForAll("functions") LambdaFunction f, @ForAll @LongRange(max = 100_000_000) long more) {
        LambdaFunction bigger = f.toBuilder().requestsPerMonth(f.requestsPerMonth() + more).build();
        assertTrue(cost(FREE, bigger).compareTo(cost(FREE, f)) >= 0);
        assertTrue(cost(NO_FREE, bigger).compareTo(cost(NO_FREE, f)) >= 0);
    }

    @Property
    void costIsMonotoneInDuration(@ForAll("functions") LambdaFunction f, @ForAll @IntRange(max = 100_000) int moreMs) {
        BigDecimal longer = f.averageDurationMs().add(BigDecimal.valueOf(moreMs)).min(new BigDecimal("900000"));
        LambdaFunction bigger = f.toBuilder().averageDurationMs(longer).build();
        assertTrue(cost(FREE, bigger).compareTo(cost(FREE, f)) >= 0);
        assertTrue(cost(NO_FREE, bigger).compareTo(cost(NO_FREE, f)) >= 0);
    }

    @Property
    void costIsMonotoneInMemory(@ForAll("functions") LambdaFunction f, @ForAll @IntRange(max = 10_112) int moreMb) {
        LambdaFunction bigger = f.toBuilder().memoryMb(Math.min(10_240, f.memoryMb() + moreMb)).build();
        assertTrue(cost(FREE, bigger).compareTo(cost(FREE, f)) >= 0);
        assertTrue(cost(NO_FREE, bigger).compareTo(cost(NO_FREE, f)) >= 0);
    }

    @Property
    void freeTierNeverProducesANegativeCostNorARise(@ForAll("workloads") List<LambdaFunction> fs) {
        Estimate free = FREE.estimate(fs);
        for (ResourceEstimate r : free.resources()) {
            for (LineItem li : r.lineItems()) {
                assertTrue(li.cost().signum() >= 0 && li.quantity().signum() >= 0, li.toString());
            }
        }
        assertTrue(free.totalExact().compareTo(NO_FREE.estimate(fs).totalExact()) <= 0);
        // The free tier saves at most its own worth: 1M requests and 400,000 GB-s at the dearest tier-1 price.
        BigDecimal maxSaving = new BigDecimal("1000000").multiply(REQUEST_PRICE)
                .add(new BigDecimal("400000").multiply(new BigDecimal("0.0000166667")));
        assertTrue(NO_FREE.estimate(fs).totalExact().subtract(free.totalExact()).compareTo(maxSaving) <= 0);
    }

    @Property
    void resourceCostsSumExactlyToTheTotal(@ForAll("workloads") List<LambdaFunction> fs) {
        for (Estimator e : List.of(FREE, NO_FREE)) {
            Estimate est = e.estimate(fs);
            BigDecimal sum = BigDecimal.ZERO;
            for (ResourceEstimate r : est.resources()) {
                BigDecimal lines = r.lineItems().stream().map(LineItem::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertEquals(0, lines.compareTo(r.monthlyCostExact()));
                sum = sum.add(r.monthlyCostExact());
            }
            assertEquals(0, sum.compareTo(est.totalExact()));
        }
    }

    /**
     * The naive reference: one function in us-east-1 with 1,024 MB, 1,000 ms and 512 MB /tmp uses exactly
     * {@code requests} GB-seconds. The bill is the tiered cost of the month's GB-seconds with the free tier
     * taking the first units, plus the requests above the free million; tiers walked by their widths
     * ("first 6B, next 9B, over 15B") as AWS's page words them.
     */
    @Property
    void tieredCostEqualsANaiveReference(@ForAll("gbSeconds") long gbSeconds, @ForAll boolean arm, @ForAll boolean freeTier) {
        Architecture a = arm ? Architecture.ARM64 : Architecture.X86_64;
        LambdaFunction f = LambdaFunction.builder("f").architecture(a).memoryMb(1024).requestsPerMonth(gbSeconds)
                .averageDurationMs(new BigDecimal("1000")).build();
        PriceTable table = BOOK.service("AWSLambda").region("us-east-1")
                .table(arm ? "Lambda-GB-Second-ARM" : "Lambda-GB-Second");
        BigDecimal q = BigDecimal.valueOf(gbSeconds);
        BigDecimal freeCompute = freeTier ? q.min(new BigDecimal("400000")) : BigDecimal.ZERO;
        BigDecimal freeRequests = freeTier ? q.min(new BigDecimal("1000000")) : BigDecimal.ZERO;
        BigDecimal expected = naiveTiered(table.tiers(), q).subtract(naiveTiered(table.tiers(), freeCompute))
                .add(q.subtract(freeRequests).multiply(REQUEST_PRICE));
        assertEquals(0, expected.compareTo(cost(freeTier ? FREE : NO_FREE, f)), () -> "expected " + expected);
        Statistics.label("tier reached").collect(q.compareTo(table.tiers().get(2).fromInclusive()) >= 0 ? "3"
                : q.compareTo(table.tiers().get(1).fromInclusive()) >= 0 ? "2" : "1");
        Statistics.label("tier reached").coverage(c -> {
            c.check("1").count(n -> n > 0);
            c.check("2").count(n -> n > 0);
            c.check("3").count(n -> n > 0);
        });
    }

    static BigDecimal naiveTiered(List<Tier> tiers, BigDecimal quantity) {
        BigDecimal remaining = quantity;
        BigDecimal cost = BigDecimal.ZERO;
        for (Tier t : tiers) {
            BigDecimal take = remaining;
            if (t.toExclusive().isPresent()) {
                take = t.toExclusive().get().subtract(t.fromInclusive()).min(remaining);
            }
            cost = cost.add(take.multiply(t.unitPrice()));
            remaining = remaining.subtract(take);
        }
        return cost;
    }

    @Provide
    Arbitrary<Long> gbSeconds() {
        // Below, at and above every x86 and Arm tier bound, and the free tier's.
        long[] bounds = {400_000L, 1_000_000L, 6_000_000_000L, 7_500_000_000L, 15_000_000_000L, 18_750_000_000L};
        Arbitrary<Long> near = Arbitraries.of(bounds[0], bounds[1], bounds[2], bounds[3], bounds[4], bounds[5])
                .flatMap(b -> Arbitraries.longs().between(b - 3, b + 3));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, near),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, 30_000_000_000L)));
    }

    @Property
    void tierBoundariesAreContinuous(@ForAll("boundary") long bound, @ForAll boolean arm) {
        // One more GB-second across a bound costs one unit at the price on the bound's right, never a jump.
        Architecture a = arm ? Architecture.ARM64 : Architecture.X86_64;
        BigDecimal below = cost(NO_FREE, LambdaFunction.builder("f").architecture(a).memoryMb(1024)
                .requestsPerMonth(bound).averageDurationMs(new BigDecimal("1000")).build());
        BigDecimal above = cost(NO_FREE, LambdaFunction.builder("f").architecture(a).memoryMb(1024)
                .requestsPerMonth(bound + 1).averageDurationMs(new BigDecimal("1000")).build());
        BigDecimal step = above.subtract(below).subtract(REQUEST_PRICE);
        PriceTable table = BOOK.service("AWSLambda").region("us-east-1")
                .table(arm ? "Lambda-GB-Second-ARM" : "Lambda-GB-Second");
        BigDecimal marginal = table.slices(BigDecimal.valueOf(bound), BigDecimal.valueOf(bound + 1)).get(0).tier().unitPrice();
        assertEquals(0, step.compareTo(marginal));
    }

    @Provide
    Arbitrary<Long> boundary() {
        return Arbitraries.of(5_999_999_999L, 6_000_000_000L, 7_499_999_999L, 7_500_000_000L, 14_999_999_999L,
                15_000_000_000L, 18_749_999_999L, 18_750_000_000L);
    }

    @Property
    void armIsNeverDearerThanX86(@ForAll("workloads") List<LambdaFunction> fs) {
        List<LambdaFunction> x86 = new ArrayList<>();
        List<LambdaFunction> arm = new ArrayList<>();
        for (LambdaFunction f : fs) {
            x86.add(f.toBuilder().architecture(Architecture.X86_64).build().withName(f.name()));
            arm.add(f.toBuilder().architecture(Architecture.ARM64).build().withName(f.name()));
        }
        for (Estimator e : List.of(FREE, NO_FREE)) {
            assertTrue(e.estimate(arm).totalExact().compareTo(e.estimate(x86).totalExact()) <= 0);
        }
    }

    @Property(tries = 200)
    void orderOfResourcesNeverChangesTheTotal(@ForAll("workloads") @Size(min = 2) List<LambdaFunction> fs) {
        List<LambdaFunction> reversed = new ArrayList<>(fs);
        java.util.Collections.reverse(reversed);
        assertEquals(0, FREE.estimate(fs).totalExact().compareTo(FREE.estimate(reversed).totalExact()));
    }
}
