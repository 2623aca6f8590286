package io.github.computecost.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.compute.Architecture;
import io.github.computecost.estimate.Estimator;
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
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/** The exact fast path agrees with the rating engine to the last digit, including where it must decline. */
class FastPathProperties {

    static final PriceBook BOOK = PriceBook.bundled();

    @Provide
    Arbitrary<LambdaFunction> functions() {
        // Typical workloads (whole or tenth milliseconds, up to 100M requests) take the fast path; fine-grained
        // durations with many requests overflow 63 bits, and nine decimals are beyond what it covers: the engine
        // answers those, and the property checks both answers.
        Arbitrary<Long> requests = Arbitraries.oneOf(Arbitraries.longs().between(0, 10_000_000),
                Arbitraries.longs().between(0, 100_000_000), Arbitraries.longs().between(0, Long.MAX_VALUE / 1000));
        Arbitrary<BigDecimal> duration = Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("900000")).ofScale(0),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("30000")).ofScale(1),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("900000")).ofScale(3),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1000")).ofScale(9));
        return Combinators.combine(requests, duration, Arbitraries.integers().between(128, 10_240),
                Arbitraries.integers().between(512, 10_240), Arbitraries.of(Architecture.class),
                Arbitraries.of("us-east-1", "eu-west-2", "ap-northeast-1"))
                .as((r, d, m, st, a, reg) -> LambdaFunction.builder("f").requestsPerMonth(r).averageDurationMs(d)
                        .memoryMb(m).ephemeralStorageMb(st).architecture(a).region(reg).build());
    }

    @Property(tries = 1000)
    void agreesWithTheEngine(@ForAll("functions") LambdaFunction fn, @ForAll boolean freeTier) {
        Estimator e = Estimator.of(BOOK).freeTier(freeTier);
        BigDecimal engine = e.estimate(List.of(fn)).totalExact();
        Optional<BigDecimal> fast = fast(fn, BOOK, freeTier);
        Statistics.label("fast path").collect(fast.isPresent() ? "taken" : "declined");
        fast.ifPresent(v -> assertEquals(0, v.compareTo(engine), "fast " + v + " engine " + engine));
        fast.ifPresent(v -> assertTrue(LambdaLimits.validate(fn, BOOK).isValid(), "vouches only for valid functions"));
        assertEquals(0, e.monthlyCostExact(fn).compareTo(engine));
        Statistics.label("fast path").coverage(c -> {
            c.check("taken").count(n -> n > 100);
            c.check("declined").count(n -> n > 10);
        });
    }

    @Test
    void theFoundationExampleByTheFastPath() {
        LambdaFunction fn = LambdaFunction.builder("f").memoryMb(512).requestsPerMonth(3_000_000)
                .averageDurationMs(new BigDecimal("1000")).build();
        Optional<BigDecimal> fast = fast(fn, BOOK, true);
        assertTrue(fast.isPresent());
        assertEquals(0, fast.get().compareTo(new BigDecimal("18.73337")));
        LambdaFunction pc = fn.toBuilder().provisionedConcurrency(ProvisionedConcurrency.of(1, BigDecimal.ONE)).build();
        assertTrue(fast(pc, BOOK, true).isEmpty(), "declines what it does not cover");
    }

    @Test
    void whatTheFastPathCannotPriceTheEngineReports() {
        LambdaFunction unknownRegion = LambdaFunction.builder("f").region("us-east-9").build();
        assertTrue(fast(unknownRegion, BOOK, true).isEmpty());
        Estimator e = Estimator.of(BOOK);
        RuntimeException viaEngine = assertThrows(RuntimeException.class, () -> e.estimate(List.of(unknownRegion)));
        RuntimeException viaFast = assertThrows(RuntimeException.class, () -> e.monthlyCostExact(unknownRegion));
        assertEquals(viaEngine.getMessage(), viaFast.getMessage());
        assertTrue(viaFast.getMessage().contains("us-east-9"), viaFast.getMessage());
    }

    @Test
    void aPriceBookWithOtherLimitsIsHonoured(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String data = new String(PriceBook.bundledFile(LambdaService.TABLE).orElseThrow(),
                java.nio.charset.StandardCharsets.UTF_8);
        String capped = data.replaceFirst("(\"memoryMb\": \\{\\s*\"min\": \"128\",\\s*\"max\": )\"10240\"", "$1\"3008\"");
        assertTrue(!capped.equals(data), "the override changes the memory limit");
        java.nio.file.Files.writeString(dir.resolve("lambda.json"), capped);
        PriceBook book = PriceBook.withOverrides(dir);
        LambdaFunction fn = LambdaFunction.builder("f").memoryMb(5000).requestsPerMonth(3_000_000)
                .averageDurationMs(new BigDecimal("100")).build();
        assertTrue(fast(fn, BOOK, true).isPresent(), "fits the bundled limits");
        assertTrue(fast(fn, book, true).isEmpty(), "not the override's");
        assertThrows(RuntimeException.class, () -> Estimator.of(book).monthlyCostExact(fn));
    }

    /**
     * A price book whose us-east-1 duration tiers end at low volumes, at odd prices (as a user's {@code --pricing-data}
     * may have them), so that the fast path's tier arithmetic is reached, not only its first tier.
     */
    static PriceBook lowTiers(long firstEnd, long secondLength, String p1, String p2, String p3) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode)
                io.github.computecost.internal.Json.readTree(PriceBook.bundledFile(LambdaService.TABLE).orElseThrow(),
                        false);
        com.fasterxml.jackson.databind.node.ObjectNode region = (com.fasterxml.jackson.databind.node.ObjectNode) root
                .path("regions").path("us-east-1");
        for (String ut : List.of("Lambda-GB-Second", "Lambda-GB-Second-ARM")) {
            com.fasterxml.jackson.databind.node.ArrayNode tiers = (com.fasterxml.jackson.databind.node.ArrayNode)
                    region.path("prices").path(ut).path("tiers");
            String[][] bounds = {{"0", Long.toString(firstEnd), p1},
                    {Long.toString(firstEnd), Long.toString(firstEnd + secondLength), p2},
                    {Long.toString(firstEnd + secondLength), null, p3}};
            for (int i = 0; i < 3; i++) {
                com.fasterxml.jackson.databind.node.ObjectNode t = (com.fasterxml.jackson.databind.node.ObjectNode)
                        tiers.get(i);
                t.put("fromInclusive", bounds[i][0]);
                if (bounds[i][1] == null) {
                    t.remove("toExclusive");
                } else {
                    t.put("toExclusive", bounds[i][1]);
                }
                t.put("price", bounds[i][2]);
            }
        }
        com.fasterxml.jackson.databind.node.ObjectNode regions = root.putObject("regions");
        regions.set("us-east-1", region);
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("low-tiers");
        java.nio.file.Files.writeString(dir.resolve("lambda.json"), root.toString());
        try {
            return PriceBook.withOverrides(dir);
        } finally {
            java.nio.file.Files.delete(dir.resolve("lambda.json"));
            java.nio.file.Files.delete(dir);
        }
    }

    @Provide
    Arbitrary<PriceBook> lowTierBooks() {
        Arbitrary<Long> first = Arbitraries.longs().between(1, 2_000_000);
        Arbitrary<Long> second = Arbitraries.longs().between(1, 5_000_000);
        Arbitrary<String> price = Arbitraries.bigDecimals().between(new BigDecimal("0.0000000001"),
                new BigDecimal("0.001")).ofScale(10).map(BigDecimal::toPlainString);
        return Combinators.combine(first, second, price, price, price).as((f, sl, a, b, c) -> {
            try {
                return lowTiers(f, sl, a, b, c);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Every tier of the fast path is reached: it agrees with the engine where the tiers end at low volumes. */
    @Property(tries = 150)
    void agreesWithTheEngineAcrossLowTierBounds(@ForAll("lowTierBooks") PriceBook book,
            @ForAll @net.jqwik.api.constraints.LongRange(max = 50_000_000) long requests,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 3000) int durationMs,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 128, max = 4096) int memoryMb, @ForAll boolean arm,
            @ForAll boolean freeTier) {
        LambdaFunction fn = LambdaFunction.builder("f").requestsPerMonth(requests).memoryMb(memoryMb)
                .averageDurationMs(BigDecimal.valueOf(durationMs)).region("us-east-1")
                .architecture(arm ? Architecture.ARM64 : Architecture.X86_64).build();
        BigDecimal engine = Estimator.of(book).freeTier(freeTier).estimate(List.of(fn)).totalExact();
        Optional<BigDecimal> fast = fast(fn, book, freeTier);
        Statistics.label("fast path").collect(fast.isPresent() ? "taken" : "declined");
        fast.ifPresent(v -> assertEquals(0, v.compareTo(engine), "fast " + v + " engine " + engine));
        Statistics.label("fast path").coverage(c -> c.check("taken").count(n -> n > 50));
    }

    static Optional<BigDecimal> fast(LambdaFunction fn, PriceBook book, boolean freeTier) {
        return LambdaFastPath.INSTANCE.monthlyCost(fn, new io.github.computecost.service.ServiceContext(book,
                fn.region().orElse("us-east-1"), io.github.computecost.limits.AccountQuotas.DEFAULTS), freeTier);
    }
}
