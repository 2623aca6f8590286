package io.github.computecost.lambda;

import static io.github.computecost.Decimals.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.estimate.LineItem;
import io.github.computecost.estimate.ResourceEstimate;
import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The edges of Lambda's meter and of the engine's tier axis that the mutation run found untested: each test names
 * the wrong implementation it rules out.
 */
class LambdaMeterEdgesTest {

    static final Estimator ENGINE = Estimator.of(PriceBook.bundled());

    static List<LineItem> items(Estimate e, String resource, String usageType) {
        return e.resources().stream().filter(r -> r.name().equals(resource))
                .flatMap(r -> r.lineItems().stream()).filter(l -> l.usageType().equals(usageType)).toList();
    }

    static BigDecimal cost(Estimate e, String usageType) {
        return e.resources().stream().flatMap(r -> r.lineItems().stream()).filter(l -> l.usageType().equals(usageType))
                .map(LineItem::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A function within the /tmp AWS includes has no storage line, not one of zero (a {@code >= 0} test adds it). */
    @Test
    void theIncludedStorageAddsNoLine() {
        LambdaFunction fn = LambdaFunction.builder("f").memoryMb(1024).ephemeralStorageMb(512)
                .requestsPerMonth(1_000_000).averageDurationMs(new BigDecimal("100")).build();
        ResourceEstimate r = ENGINE.estimate(List.of(fn)).resources().get(0);
        assertTrue(r.lineItems().stream().noneMatch(l -> l.usageType().equals("Lambda-Storage-GB-Second")),
                r.lineItems().toString());
        LambdaFunction more = LambdaFunction.builder("g").memoryMb(1024).ephemeralStorageMb(513)
                .requestsPerMonth(1_000_000).averageDurationMs(new BigDecimal("100")).build();
        // 1 MB above 512 for 100,000 s: 100,000 / 1024 GB-s, exactly.
        assertDecimal("97.65625", ENGINE.estimate(List.of(more)).resources().get(0).lineItems().stream()
                .filter(l -> l.usageType().equals("Lambda-Storage-GB-Second")).findFirst().orElseThrow().quantity());
    }

    /** Execution within the provisioned capacity spills nothing, and says nothing about a spill. */
    @Test
    void noSpillNoteWithinTheProvisionedCapacity() {
        LambdaFunction within = LambdaFunction.builder("pc").memoryMb(1024).requestsPerMonth(1000)
                .averageDurationMs(new BigDecimal("1000"))
                .provisionedConcurrency(ProvisionedConcurrency.of(1, BigDecimal.ONE)).build();
        ResourceEstimate r = ENGINE.estimate(List.of(within)).resources().get(0);
        assertTrue(r.notes().stream().noneMatch(n -> n.contains("beyond the provisioned capacity")), r.notes().toString());
        LambdaFunction over = LambdaFunction.builder("pc").memoryMb(1024).requestsPerMonth(1000)
                .averageDurationMs(new BigDecimal("4000"))
                .provisionedConcurrency(ProvisionedConcurrency.of(1, BigDecimal.ONE)).build();
        ResourceEstimate o = ENGINE.estimate(List.of(over)).resources().get(0);
        assertTrue(o.notes().stream().anyMatch(n -> n.contains("beyond the provisioned capacity")), o.notes().toString());
        assertDecimal("400", o.lineItems().stream().filter(l -> l.usageType().equals("Lambda-GB-Second"))
                .map(LineItem::quantity).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** A SnapStart cache active for no hour costs nothing: the 3-hour minimum applies only to time it was active. */
    @Test
    void anInactiveSnapStartCacheIsNotBilledTheMinimum() {
        LambdaFunction idle = LambdaFunction.builder("s").memoryMb(1024).runtime("python3.12").requestsPerMonth(0)
                .averageDurationMs(BigDecimal.ONE).snapStart(new SnapStart(1, BigDecimal.ZERO, 0)).build();
        Estimate e = ENGINE.withoutFreeTier().estimate(List.of(idle));
        for (LineItem l : items(e, "s", "Lambda-SnapStart-Cached-GB-S")) {
            assertEquals(0, l.quantity().signum(), l.toString());
        }
        LambdaFunction brief = LambdaFunction.builder("s").memoryMb(1024).runtime("python3.12").requestsPerMonth(0)
                .averageDurationMs(BigDecimal.ONE).snapStart(new SnapStart(1, new BigDecimal("0.5"), 0)).build();
        List<LineItem> billed = items(ENGINE.withoutFreeTier().estimate(List.of(brief)), "s",
                "Lambda-SnapStart-Cached-GB-S");
        // Half an hour is billed as the 10,800-second minimum, at 1 GB.
        assertDecimal("10800", billed.stream().map(LineItem::quantity).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /**
     * The free tier sits at the bottom of a group's tier axis, before usage the free tier does not cover (a
     * provisioned-concurrency function's spill): the free units take the cheap first tier, and the spill is priced
     * above them. With the ineligible spill first on the axis instead, part of it would be priced at the first tier.
     */
    @Test
    void freeUnitsComeFirstOnTheTierAxis() throws Exception {
        // Duration tiers: [0, 300,000) at 0.00002, [300,000, 1,300,000) at 0.00001, above at 0.000005 per GB-s.
        PriceBook book = FastPathProperties.lowTiers(300_000, 1_000_000, "0.00002", "0.00001", "0.000005");
        LambdaFunction spill = LambdaFunction.builder("pc").memoryMb(1024).requestsPerMonth(1000)
                .averageDurationMs(new BigDecimal("103600")) // 103,600 s, 3,600 of them in the capacity
                .provisionedConcurrency(ProvisionedConcurrency.of(1, BigDecimal.ONE)).build();
        LambdaFunction onDemand = LambdaFunction.builder("od").memoryMb(1024).requestsPerMonth(450_000)
                .averageDurationMs(new BigDecimal("1000")).build(); // 450,000 GB-s, 400,000 of them free
        for (List<LambdaFunction> order : List.of(List.of(spill, onDemand), List.of(onDemand, spill))) {
            Estimate e = Estimator.of(book).estimate(order);
            // Billed: [400,000, 550,000) of the axis, all in the second tier.
            assertDecimal("1.5", cost(e, "Lambda-GB-Second"));
            assertFalse(e.resources().stream().flatMap(r -> r.lineItems().stream())
                    .anyMatch(l -> l.usageType().equals("Lambda-GB-Second") && l.cost().signum() > 0
                            && l.unitPrice().compareTo(new BigDecimal("0.00002")) == 0), "no billed unit in tier one");
        }
    }
}
