package io.github.computecost.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.compute.Architecture;
import io.github.computecost.compute.OperatingSystem;
import io.github.computecost.ec2.Ec2Instance;
import io.github.computecost.ec2.Ec2Tables;
import io.github.computecost.edge.CloudFrontFunction;
import io.github.computecost.edge.EdgeEventType;
import io.github.computecost.edge.LambdaEdgeFunction;
import io.github.computecost.fargate.FargateTask;
import io.github.computecost.lightsail.LightsailInstance;
import io.github.computecost.lightsail.LightsailTables;
import io.github.computecost.limits.AccountQuotas;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.RegionPrices;
import io.github.computecost.service.FixedPointMeter;
import io.github.computecost.service.Resource;
import io.github.computecost.service.Service;
import io.github.computecost.service.ServiceContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Every service's fixed-point route gives the engine's figure to the last digit, and vouches only for resources the
 * engine accepts: where it answers, the resource has no error and the engine prices it the same.
 */
class FixedPointProperties {

    static final PriceBook BOOK = PriceBook.bundled();

    /** The route's answer and the engine's; the route's may be empty (declined). */
    static void agrees(Resource r, boolean freeTier, String region) {
        Estimator e = Estimator.of(BOOK).freeTier(freeTier).region(region);
        @SuppressWarnings("unchecked")
        Service<Resource> service = (Service<Resource>) Services.of(r);
        FixedPointMeter<Resource> route = service.fixedPoint().orElseThrow();
        String where = service.regional() ? r.region().orElse(region) : RegionPrices.GLOBAL;
        Optional<BigDecimal> fast = route.monthlyCost(r, new ServiceContext(BOOK, where, AccountQuotas.DEFAULTS),
                freeTier);
        Statistics.label("route").collect(fast.isPresent() ? "taken" : "declined");
        if (fast.isPresent()) {
            Assessment a = e.assess(List.of(r));
            assertTrue(a.isComplete(), "the route vouched for " + r + " but the engine says " + a.violations()
                    + " " + a.estimate().notPriced());
            BigDecimal engine = a.estimate().totalExact();
            assertEquals(0, fast.get().compareTo(engine), r + ": fast " + fast.get() + ", engine " + engine);
        }
        Statistics.label("route").coverage(c -> c.check("taken").count(n -> n > 50));
    }

    @Provide
    Arbitrary<FargateTask> tasks() {
        // Mostly the sizes Fargate offers, some it does not (the route must decline those).
        List<BigDecimal[]> offered = new ArrayList<>();
        for (var s : BOOK.tables(io.github.computecost.fargate.FargateTables.SCHEMA).sizes()) {
            s.memoryGb().forEach(m -> offered.add(new BigDecimal[] {s.vcpu(), m}));
        }
        Arbitrary<BigDecimal[]> size = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.of(offered)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(Arbitraries.of("0.25", "3", "0.125", "1"),
                        Arbitraries.of("0.5", "7.5", "64", "2")).as((v, m) -> new BigDecimal[] {new BigDecimal(v),
                        new BigDecimal(m)})));
        Arbitrary<FargateTask.Usage> usage = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.integers().between(0, 50),
                        Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("744")).ofScale(3))
                        .as((n, h) -> (FargateTask.Usage) new FargateTask.Running(n, h)),
                Combinators.combine(Arbitraries.longs().between(0, 100_000),
                        Arbitraries.bigDecimals().between(new BigDecimal("0.5"), new BigDecimal("7200")).ofScale(1))
                        .as((n, s) -> (FargateTask.Usage) new FargateTask.Runs(n, s)));
        return Combinators.combine(size, Arbitraries.of(Architecture.class),
                Arbitraries.of(OperatingSystem.LINUX, OperatingSystem.LINUX, OperatingSystem.WINDOWS),
                Arbitraries.of(20, 20, 21, 50, 200, 201), usage, Arbitraries.of(false, false, true),
                Arbitraries.of("us-east-1", "us-east-1", "eu-west-1", "ap-south-1"))
                .as((s, a, os, st, u, spot, reg) -> new FargateTask("t", Optional.of(reg), a, os, s[0], s[1], st, u, spot));
    }

    @Property(tries = 600)
    void fargate(@ForAll("tasks") FargateTask t, @ForAll boolean freeTier) {
        agrees(t, freeTier, "us-east-1");
    }

    @Provide
    Arbitrary<Ec2Instance> instances() {
        List<String> types = new ArrayList<>(BOOK.tables(Ec2Tables.SCHEMA).instanceTypes().keySet());
        types.add("t3.medum");
        return Combinators.combine(Arbitraries.of(types), Arbitraries.of(OperatingSystem.class),
                Arbitraries.integers().between(0, 100),
                Arbitraries.bigDecimals().between(new BigDecimal("0.0001"), new BigDecimal("744")).ofScale(4),
                Arbitraries.of("us-east-1", "us-east-1", "us-east-1", "af-south-1", "us-gov-west-1", "eu-west-1"))
                .as((type, os, n, h, reg) -> new Ec2Instance("i", Optional.of(reg), type, os, n, h, Optional.empty()));
    }

    @Property(tries = 600)
    void ec2(@ForAll("instances") Ec2Instance i, @ForAll boolean freeTier) {
        agrees(i, freeTier, "us-east-1");
    }

    @Provide
    Arbitrary<LightsailInstance> plans() {
        List<String> bundles = new ArrayList<>(BOOK.tables(LightsailTables.SCHEMA).plans().keySet());
        bundles.add("Linux 4 GB");
        return Combinators.combine(Arbitraries.of(bundles), Arbitraries.integers().between(0, 20),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("744")).ofScale(2).optional(0.6),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("20000")).ofScale(1),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("5000")).ofScale(0),
                Arbitraries.of("us-east-1", "eu-central-1", "ap-southeast-2"))
                .as((b, n, h, out, in, reg) -> new LightsailInstance("l", Optional.of(reg), b, n, h, out, in));
    }

    @Property(tries = 600)
    void lightsail(@ForAll("plans") LightsailInstance l, @ForAll boolean freeTier) {
        agrees(l, freeTier, "us-east-1");
    }

    @Provide
    Arbitrary<Resource> edgeFunctions() {
        Arbitrary<Resource> le = Combinators.combine(Arbitraries.of(EdgeEventType.class),
                Arbitraries.integers().between(64, 12_000), Arbitraries.longs().between(0, 10_000_000_000L),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("40000")).ofScale(2))
                .as((ev, m, r, d) -> LambdaEdgeFunction.builder("e").eventType(ev).memoryMb(m).requestsPerMonth(r).averageDurationMs(d).build());
        Arbitrary<Resource> cf = Combinators.combine(Arbitraries.of(EdgeEventType.class),
                Arbitraries.longs().between(0, 10_000_000_000L), Arbitraries.longs().between(0, 40))
                .as((ev, n, reads) -> CloudFrontFunction.builder("c").eventType(ev).invocationsPerMonth(n).build().withKeyValueStoreReadsPerInvocation(reads));
        return Arbitraries.oneOf(le, cf);
    }

    @Property(tries = 600)
    void edge(@ForAll("edgeFunctions") Resource f, @ForAll boolean freeTier) {
        agrees(f, freeTier, "us-east-1");
    }
}
