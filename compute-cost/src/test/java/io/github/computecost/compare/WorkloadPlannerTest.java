package io.github.computecost.compare;

import static io.github.computecost.Decimals.bd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.estimate.Estimator;
import io.github.computecost.lambda.LambdaFunction;
import io.github.computecost.compute.Architecture;
import io.github.computecost.money.Amounts;
import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class WorkloadPlannerTest {

    static final WorkloadPlanner PLANNER = WorkloadPlanner.of(PriceBook.bundled());

    @Test
    void aSmallApiRanksLambdaFirst() {
        WorkloadPlanner.Plan p = PLANNER.plan(NeutralWorkload.of("api", 2_000_000, bd("100"), 512));
        assertTrue(p.ranked().get(0).option().startsWith("Lambda"), p.ranked().toString());
        assertFalse(p.ranked().get(0).alwaysOn());
        assertEquals(7, p.ranked().size());
        // ECS on EC2 is ranked beside the others: its tasks packed on the cheapest instance type that holds them.
        ComputeOption ecs = p.ranked().stream().filter(o -> o.option().equals("ECS on EC2")).findFirst().orElseThrow();
        assertTrue(ecs.canRun() && ecs.alwaysOn() && ecs.configuration().contains(" on 1 × "), ecs.toString());
    }

    @Test
    void eksOnFargateIsPricedWithItsClusterAndLambdaWithTheApiInFrontOfIt() {
        NeutralWorkload w = NeutralWorkload.of("api", 2_000_000, bd("100"), 512);
        WorkloadPlanner.Plan p = PLANNER.plan(w);
        ComputeOption eks = p.ranked().stream().filter(o -> o.option().equals("EKS on Fargate")).findFirst()
                .orElseThrow();
        // One pod requesting 0.25 vCPU / 768 MB runs on 0.25 vCPU / 1 GB: 182.5 vCPU-h and 730 GB-h at Fargate's
        // Linux/x86 prices, plus the cluster's 730 hours at $0.10.
        BigDecimal pods = bd("182.5").multiply(bd("0.04048")).add(bd("730").multiply(bd("0.004445")));
        assertEquals(0, eks.monthlyCost().orElseThrow().compareTo(pods.add(bd("73"))), eks.toString());
        assertTrue(eks.configuration().endsWith("+ 1 EKS cluster"), eks.configuration());
        assertTrue(p.assumptions().stream().anyMatch(a -> a.contains("EKS on Fargate is priced with one cluster")));
        // Behind an HTTP API, Lambda pays the API's requests too ($1.00 per million): 0.20 + 2.00.
        WorkloadPlanner.Plan api = PLANNER.plan(w.withFrontDoor("api-gateway-http"));
        ComputeOption lambda = api.ranked().get(0);
        assertTrue(lambda.option().startsWith("Lambda"), api.ranked().toString());
        assertEquals(0, lambda.monthlyCost().orElseThrow().compareTo(bd("2.2")), lambda.toString());
        assertTrue(lambda.configuration().endsWith("+ API Gateway HTTP API"));
        // The break-even moves: the function and its API together against the cheapest always-on option.
        WorkloadPlanner.BreakEvenVolume b = api.breakEven().orElseThrow();
        assertTrue(b.requestsPerMonth() < p.breakEven().orElseThrow().requestsPerMonth());
        assertEquals(Amounts.toCents(b.alwaysOnCost()), Amounts.toCents(b.serverlessCost()));
        // Always-on options are not charged for the API.
        assertEquals(p.ranked().stream().filter(o -> o.option().equals("EC2")).findFirst().orElseThrow().monthlyCost(),
                api.ranked().stream().filter(o -> o.option().equals("EC2")).findFirst().orElseThrow().monthlyCost());
    }

    @Test
    void aSteadyTwoThousandRequestsPerSecondRanksAnAlwaysOnOptionFirst() {
        NeutralWorkload w = NeutralWorkload.of("stream", 5_256_000_000L, bd("50"), 512)
                .withPeakRequestsPerSecond(bd("2000"));
        WorkloadPlanner.Plan p = PLANNER.plan(w);
        assertTrue(p.ranked().get(0).alwaysOn(), p.ranked().toString());
        assertEquals(0, p.peakConcurrency().compareTo(bd("100")));
    }

    @Test
    void theBreakEvenVolumePricedOnBothOptionsCostsTheSameToTheCent() {
        NeutralWorkload w = NeutralWorkload.of("api", 2_000_000, bd("100"), 512);
        WorkloadPlanner.BreakEvenVolume b = PLANNER.plan(w).breakEven().orElseThrow();
        LambdaFunction at = LambdaFunction.builder("api").architecture(b.serverless().contains("arm64")
                ? Architecture.ARM64 : Architecture.X86_64).memoryMb(512).requestsPerMonth(b.requestsPerMonth())
                .averageDurationMs(bd("100")).build();
        BigDecimal serverless = Estimator.of(PriceBook.bundled()).estimate(List.of(at)).totalExact();
        assertEquals(0, serverless.compareTo(b.serverlessCost()));
        assertEquals(Amounts.toCents(b.alwaysOnCost()), Amounts.toCents(serverless));
    }

    @Test
    void needsRuleOptionsOut() {
        NeutralWorkload gpu = new NeutralWorkload("ml", Optional.empty(), 1000, bd("100"), 1024, Optional.empty(), false,
                true, false);
        // Only EC2 has GPUs: the whole catalog's GPU types are candidates, and the cheapest that fits is chosen.
        WorkloadPlanner.Plan g = PLANNER.plan(gpu);
        assertEquals(java.util.List.of("EC2"), g.ranked().stream().filter(ComputeOption::canRun).map(ComputeOption::option)
                .toList(), g.ranked().toString());
        assertTrue(g.ranked().get(0).configuration().contains("GPU"), g.ranked().get(0).configuration());
        assertTrue(g.ranked().stream().filter(o -> o.option().equals("ECS on EC2")).findFirst().orElseThrow()
                .cannotRun().orElseThrow().contains("without GPUs"), g.ranked().toString());
        NeutralWorkload longRuns = new NeutralWorkload("etl", Optional.empty(), 1000, bd("1200000"), 1024,
                Optional.empty(), true, false, false);
        WorkloadPlanner.Plan p = PLANNER.plan(longRuns);
        assertTrue(p.ranked().stream().filter(o -> o.option().startsWith("Lambda"))
                .allMatch(o -> o.cannotRun().orElseThrow().contains("15 minutes")));
        assertTrue(p.ranked().get(0).canRun());
        assertTrue(p.breakEven().isEmpty());
        NeutralWorkload windows = new NeutralWorkload("win", Optional.empty(), 1000, bd("100"), 1024, Optional.empty(),
                false, false, true);
        WorkloadPlanner.Plan wp = PLANNER.plan(windows);
        assertTrue(wp.ranked().stream().filter(ComputeOption::canRun).allMatch(o -> o.alwaysOn()), wp.ranked().toString());
        assertTrue(wp.ranked().stream().filter(o -> o.option().equals("Fargate")).findFirst().orElseThrow()
                .configuration().contains("windows/x86_64"));
        assertTrue(wp.ranked().stream().filter(o -> o.option().equals("ECS on EC2")).findFirst().orElseThrow()
                .cannotRun().orElseThrow().contains("Linux"), wp.ranked().toString());
        assertTrue(wp.ranked().stream().filter(o -> o.option().equals("EKS on Fargate")).findFirst().orElseThrow()
                .cannotRun().orElseThrow().contains("Linux pods only"), wp.ranked().toString());
    }

    @Test
    void unitsCoverCpuAndMemory() {
        // 100 concurrent × 512 MB: 28.94 vCPU at 1,769 MB per vCPU, 50 GB
        assertEquals(15L, units(bd("100"), 512, bd("2"), bd("4"))); // CPU-bound: ceil(28.94 / 2)
        assertEquals(25L, units(bd("100"), 512, bd("64"), bd("2"))); // memory-bound: 50 / 2
        assertEquals(1L, units(bd("0"), 512, bd("1"), bd("1")));
        assertEquals(Long.MAX_VALUE, units(bd("0.3"), 1024, bd("2"), bd("0.5")), "cannot hold one request");
    }

    /**
     * The steady stream: 2,000 requests a second at 50 ms and 512 MB. Its fleet, sized for that peak, is 25
     * Lightsail plans; sized for the break-even volume's peak (the same peak-to-average ratio) it is far smaller, and
     * the break-even is where those two step functions cross: priced on both sides at it and one request below.
     */
    @Test
    void theSteadyStreamsBreakEvenIsWhereTheResizedFleetAndLambdaCross() {
        NeutralWorkload w = NeutralWorkload.of("stream", 5_256_000_000L, bd("50"), 512)
                .withPeakRequestsPerSecond(bd("2000"));
        WorkloadPlanner.Plan p = PLANNER.plan(w);
        WorkloadPlanner.BreakEvenVolume b = p.breakEven().orElseThrow();
        BigDecimal fleetForTheWorkload = p.ranked().stream().filter(o -> o.canRun() && o.alwaysOn()).findFirst()
                .orElseThrow().monthlyCost().orElseThrow();
        assertTrue(b.alwaysOnCost().compareTo(fleetForTheWorkload) < 0, "resized: " + b);
        assertTrue(b.requestsPerMonth() < 100_000_000L, "not the 573M a fleet held at today's peak gives: " + b);
        Architecture a = b.serverless().contains("arm64") ? Architecture.ARM64 : Architecture.X86_64;
        LambdaFunction fn = LambdaFunction.builder("stream").architecture(a).memoryMb(512)
                .averageDurationMs(bd("50")).build();
        Estimator e = Estimator.of(PriceBook.bundled());
        long v = b.requestsPerMonth();
        BigDecimal lambdaAt = e.estimate(List.of(fn.toBuilder().requestsPerMonth(v).build())).totalExact();
        BigDecimal lambdaBelow = e.estimate(List.of(fn.toBuilder().requestsPerMonth(v - 1).build())).totalExact();
        ComputeOption fleetAt = PLANNER.cheapestAlwaysOnAt(p, v).orElseThrow();
        ComputeOption fleetBelow = PLANNER.cheapestAlwaysOnAt(p, v - 1).orElseThrow();
        assertEquals(0, lambdaAt.compareTo(b.serverlessCost()));
        assertEquals(0, fleetAt.monthlyCost().orElseThrow().compareTo(b.alwaysOnCost()));
        assertEquals(fleetAt.configuration(), b.alwaysOnConfiguration());
        assertTrue(lambdaAt.compareTo(fleetAt.monthlyCost().orElseThrow()) >= 0, "crossed at " + v);
        assertTrue(lambdaBelow.compareTo(fleetBelow.monthlyCost().orElseThrow()) < 0, "not yet one request below");
        // The fleet at that volume is the one a workload of that volume and the same peak ratio is sized to.
        BigDecimal ratio = BigDecimal.valueOf(v).divide(BigDecimal.valueOf(5_256_000_000L), java.math.MathContext
                .DECIMAL128);
        WorkloadPlanner.Plan there = PLANNER.plan(NeutralWorkload.of("stream", v, bd("50"), 512)
                .withPeakRequestsPerSecond(bd("2000").multiply(ratio)));
        assertEquals(fleetAt.monthlyCost(), there.ranked().stream().filter(o -> o.canRun() && o.alwaysOn())
                .findFirst().orElseThrow().monthlyCost());
        // The fleet grows with volume, a step at a time, and never shrinks.
        BigDecimal last = BigDecimal.ZERO;
        for (long x = 0; x <= 5_256_000_000L; x += 525_600_000L) {
            BigDecimal c = PLANNER.cheapestAlwaysOnAt(p, x).orElseThrow().monthlyCost().orElseThrow();
            assertTrue(c.compareTo(last) >= 0, x + ": " + c + " < " + last);
            last = c;
        }
        assertEquals(0, last.compareTo(fleetForTheWorkload), "at the workload's own volume, its own fleet");
    }

    /** The break-even point lies between the volumes where each option is cheaper. */
    @Property(tries = 60)
    void breakEvenLiesBetweenTheVolumesWhereEachIsCheaper(@ForAll @LongRange(min = 0, max = 50_000_000) long requests,
            @ForAll @IntRange(min = 1, max = 3000) int durationMs, @ForAll @IntRange(min = 128, max = 4096) int memoryMb,
            @ForAll @IntRange(min = 1, max = 500) int peak) {
        NeutralWorkload w = NeutralWorkload.of("w", requests, BigDecimal.valueOf(durationMs), memoryMb)
                .withPeakRequestsPerSecond(BigDecimal.valueOf(peak));
        WorkloadPlanner.Plan p = PLANNER.plan(w);
        p.breakEven().ifPresent(b -> {
            Architecture a = b.serverless().contains("arm64") ? Architecture.ARM64 : Architecture.X86_64;
            LambdaFunction fn = LambdaFunction.builder("w").architecture(a).memoryMb(memoryMb)
                    .averageDurationMs(BigDecimal.valueOf(durationMs)).build();
            Estimator e = Estimator.of(PriceBook.bundled());
            BigDecimal below = e.estimate(List.of(fn.toBuilder().requestsPerMonth(b.requestsPerMonth() - 1).build()))
                    .totalExact();
            BigDecimal at = e.estimate(List.of(fn.toBuilder().requestsPerMonth(b.requestsPerMonth()).build())).totalExact();
            assertTrue(at.compareTo(b.alwaysOnCost()) >= 0, "always-on no dearer at the break-even");
            // Against the fleet sized for each volume: cheaper serverless one request below, the fleet at it.
            BigDecimal fleetBelow = PLANNER.cheapestAlwaysOnAt(p, b.requestsPerMonth() - 1).orElseThrow()
                    .monthlyCost().orElseThrow();
            assertTrue(below.compareTo(fleetBelow) < 0, "serverless cheaper just below: " + below + " " + fleetBelow);
            assertEquals(0, PLANNER.cheapestAlwaysOnAt(p, b.requestsPerMonth()).orElseThrow().monthlyCost()
                    .orElseThrow().compareTo(b.alwaysOnCost()));
        });
    }

    private static long units(java.math.BigDecimal peak, int memoryMb, java.math.BigDecimal vcpu,
            java.math.BigDecimal memoryGb) {
        return new io.github.computecost.service.SizingRequest("w", "us-east-1", 0, java.math.BigDecimal.ONE, memoryMb,
                peak, false, false, false).units(vcpu, memoryGb);
    }

    @Test
    void optionsCarryTheirPropertiesAndAWorkloadRulesOutWhatItCannotAccept() {
        NeutralWorkload api = NeutralWorkload.of("api", 2_000_000, bd("100"), 512);
        WorkloadPlanner.Plan p = PLANNER.plan(api);
        java.util.function.Function<WorkloadPlanner.Plan, java.util.Map<String, ComputeOption>> byName = plan -> {
            java.util.Map<String, ComputeOption> m = new java.util.LinkedHashMap<>();
            plan.ranked().forEach(o -> m.put(o.option(), o));
            return m;
        };
        var all = byName.apply(p);
        assertEquals(java.util.EnumSet.of(io.github.computecost.service.Sizing.Property.COLD_STARTS,
                io.github.computecost.service.Sizing.Property.FIFTEEN_MINUTE_LIMIT), all.get("Lambda (arm64)")
                        .properties());
        assertEquals(java.util.Set.of(io.github.computecost.service.Sizing.Property.NO_AUTOSCALING),
                all.get("Lightsail").properties());
        assertTrue(all.get("EC2").properties().contains(io.github.computecost.service.Sizing.Property.GPU));
        assertTrue(all.values().stream().allMatch(ComputeOption::canRun), "by default a web API accepts them all");
        // Needing autoscaling leaves the fixed plans out, saying why; the rest is priced as before.
        var scaling = byName.apply(PLANNER.plan(api.withNeeds(true, false)));
        assertFalse(scaling.get("Lightsail").canRun());
        assertTrue(scaling.get("Lightsail").cannotRun().orElseThrow().contains("does not autoscale"),
                scaling.get("Lightsail").toString());
        assertEquals(all.get("EC2").monthlyCost(), scaling.get("EC2").monthlyCost());
        // Needing no cold starts leaves Lambda out: no serverless option, so no break-even.
        WorkloadPlanner.Plan warm = PLANNER.plan(api.withNeeds(false, true));
        var noCold = byName.apply(warm);
        assertTrue(noCold.get("Lambda (x86_64)").cannotRun().orElseThrow().contains("cold starts"));
        assertTrue(noCold.get("Lambda (arm64)").cannotRun().orElseThrow().contains("provisioned concurrency"));
        assertTrue(warm.ranked().get(0).alwaysOn(), warm.ranked().toString());
        assertTrue(warm.breakEven().isEmpty());
    }

    @Test
    void ipv6OnlyLightsailPlansOnlyWhereTheWorkloadAllowsThem() {
        NeutralWorkload api = NeutralWorkload.of("api", 2_000_000, bd("100"), 512);
        WorkloadPlanner planner = WorkloadPlanner.of(PriceBook.bundled());
        ComputeOption dual = planner.plan(api).ranked().stream().filter(o -> o.option().equals("Lightsail"))
                .findFirst().orElseThrow();
        assertTrue(!dual.configuration().contains("IPv6-only"), "a public web API needs IPv4 by default: " + dual);
        assertTrue(planner.plan(api).assumptions().stream().anyMatch(a -> a.startsWith("Lightsail's IPv6-only plans "
                + "are left out")), "and it says so");
        ComputeOption v6 = planner.plan(api.withIpv6OnlyAllowed(true)).ranked().stream()
                .filter(o -> o.option().equals("Lightsail")).findFirst().orElseThrow();
        assertTrue(v6.configuration().contains("IPv6-only"), v6.toString());
        assertTrue(v6.monthlyCost().orElseThrow().compareTo(dual.monthlyCost().orElseThrow()) < 0,
                "the IPv6-only plan is the cheaper, when allowed");
    }
}
