package io.github.computecost.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.compute.Architecture;
import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.estimate.LineItem;
import io.github.computecost.estimate.ResourceEstimate;
import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Invariants of cold starts, durable executions and Managed Instances that any correct implementation keeps. */
class NewestBillingProperties {

    static final Estimator FREE = Estimator.of(PriceBook.bundled());

    @Provide
    Arbitrary<LambdaFunction> durableFunctions() {
        Arbitrary<Long> executions = Arbitraries.longs().between(0, 50_000_000L);
        Arbitrary<Integer> operations = Arbitraries.integers().between(1, 200);
        Arbitrary<BigDecimal> kb = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("256")).ofScale(1);
        Arbitrary<Integer> running = Arbitraries.integers().between(0, 60);
        Arbitrary<Integer> retention = Arbitraries.integers().between(1, 90);
        Arbitrary<Long> coldStarts = Arbitraries.longs().between(0, 1_000_000L);
        return Combinators.combine(executions, operations, kb, running, retention, coldStarts)
                .as((e, o, k, run, ret, cs) -> LambdaFunction.builder("d").architecture(Architecture.ARM64)
                        .memoryMb(1024).requestsPerMonth(2 * e).averageDurationMs(new BigDecimal("250"))
                        .coldStarts(new ColdStarts(cs, new BigDecimal("420.5")))
                        .durable(new DurableExecutions(e, o, k, BigDecimal.valueOf(run), BigDecimal.valueOf(ret)))
                        .build());
    }

    @Property
    void durableCostIsMonotoneInEveryQuantity(@ForAll("durableFunctions") LambdaFunction f,
            @ForAll @LongRange(max = 1_000_000) long moreExecutions, @ForAll @IntRange(max = 30) int moreDays,
            @ForAll @LongRange(max = 100_000) long moreColdStarts) {
        DurableExecutions d = f.durable().get();
        BigDecimal base = FREE.monthlyCostExact(f);
        LambdaFunction more = f.toBuilder().durable(new DurableExecutions(d.executionsPerMonth() + moreExecutions,
                d.operationsPerExecution(), d.dataWrittenKbPerExecution(), d.runningDays().add(BigDecimal.valueOf(
                        moreDays)), d.retentionDays())).build();
        assertTrue(FREE.monthlyCostExact(more).compareTo(base) >= 0);
        ColdStarts cs = f.coldStarts().get();
        LambdaFunction colder = f.toBuilder().coldStarts(new ColdStarts(cs.perMonth() + moreColdStarts,
                cs.initDurationMs())).build();
        assertTrue(FREE.monthlyCostExact(colder).compareTo(base) >= 0);
    }

    @Property
    void freeTierNeverGoesBelowZeroAndLinesSumToTheTotal(@ForAll("durableFunctions") LambdaFunction a,
            @ForAll("durableFunctions") LambdaFunction b) {
        Estimate e = FREE.estimate(List.of(a, b.withName("e")));
        BigDecimal sum = BigDecimal.ZERO;
        for (ResourceEstimate r : e.resources()) {
            for (LineItem li : r.lineItems()) {
                assertTrue(li.cost().signum() >= 0, li.toString());
            }
            BigDecimal lines = r.lineItems().stream().map(LineItem::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, lines.compareTo(r.monthlyCostExact()));
            sum = sum.add(r.monthlyCostExact());
        }
        assertEquals(0, sum.compareTo(e.totalExact()), "money is conserved across resources");
        // The durable lines draw on no free tier: they are the same with it and without.
        assertEquals(0, durable(e, "d").compareTo(durable(FREE.withoutFreeTier().estimate(List.of(a, b.withName("e"))),
                "d")));
    }

    static BigDecimal durable(Estimate e, String name) {
        return e.resource(name).lineItems().stream().filter(li -> li.usageType().startsWith("Lambda-Durable"))
                .map(LineItem::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Property
    void managedInstancesAreHoursAtTheOnDemandPriceAndAFeeOfIt(@ForAll @IntRange(min = 1, max = 20_000) int hours,
            @ForAll @IntRange(max = 100) int discount, @ForAll @LongRange(min = 1, max = 1_000_000_000L) long requests) {
        LambdaFunction f = LambdaFunction.builder("m").architecture(Architecture.ARM64).memoryMb(2048)
                .requestsPerMonth(requests).managedInstances(new ManagedInstances("m7g.xlarge",
                        BigDecimal.valueOf(hours), Optional.of(BigDecimal.valueOf(discount)))).build();
        List<LineItem> items = FREE.estimate(List.of(f)).resource("m").lineItems();
        BigDecimal onDemand = new BigDecimal("0.1632").multiply(BigDecimal.valueOf(hours));
        assertEquals(0, items.get(2).cost().compareTo(onDemand.multiply(new BigDecimal("0.15"))));
        assertEquals(0, items.get(1).cost().compareTo(onDemand.multiply(BigDecimal.valueOf(100 - discount))
                .movePointLeft(2)));
        assertEquals(0, items.get(0).cost().compareTo(BigDecimal.valueOf(requests).multiply(new BigDecimal("0.0000002"))),
                "no free tier on Managed Instances' requests");
    }
}
