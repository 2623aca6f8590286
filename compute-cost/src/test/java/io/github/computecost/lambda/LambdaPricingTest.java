package io.github.computecost.lambda;

import io.github.computecost.compute.Architecture;
import static io.github.computecost.Decimals.assertDecimal;
import static io.github.computecost.Decimals.bd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.limits.InvalidWorkloadException;
import io.github.computecost.estimate.LineItem;
import io.github.computecost.estimate.ResourceEstimate;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import javax.money.MonetaryAmount;
import org.junit.jupiter.api.Test;

/**
 * AWS's own worked examples from https://aws.amazon.com/lambda/pricing/ (us-east-1), to the exact figure
 * behind AWS's rounded cents.
 */
class LambdaPricingTest {

    static final Estimator ESTIMATOR = Estimator.of(PriceBook.bundled());

    static LambdaFunction.Builder fn(String name, int memoryMb, long requests, String durationMs) {
        return LambdaFunction.builder(name).memoryMb(memoryMb).requestsPerMonth(requests)
                .averageDurationMs(bd(durationMs));
    }

    static LineItem line(ResourceEstimate r, String usageType, String descriptionPart) {
        return r.lineItems().stream()
                .filter(l -> l.usageType().equals(usageType) && l.description().contains(descriptionPart))
                .filter(l -> l.isFree() == descriptionPart.contains("free tier"))
                .findFirst().orElseThrow(() -> new AssertionError("no line " + usageType + " / " + descriptionPart
                        + " in " + r.lineItems()));
    }

    @Test
    void oldPricingPageExample1_512MbThreeMillionOneSecond() {
        // AWS shows $18.74 because it rounds the GB-s price to $0.00001667 in that example.
        Estimate e = ESTIMATOR.estimate(List.of(fn("f", 512, 3_000_000, "1000").build()));
        assertDecimal("18.73337", e.totalExact());
        assertDecimal("18.73", e.totalRounded());
        ResourceEstimate r = e.resource("f");
        assertDecimal("1000000", line(r, "Request", "free tier").quantity());
        assertDecimal("2000000", line(r, "Request", "Requests (x86_64)").quantity());
        assertDecimal("0.4", line(r, "Request", "Requests (x86_64)").cost());
        assertDecimal("400000", line(r, "Lambda-GB-Second", "free tier").quantity());
        LineItem billed = line(r, "Lambda-GB-Second", "first 6B");
        assertDecimal("1100000", billed.quantity());
        assertDecimal("18.33337", billed.cost());
        assertEquals(4, r.lineItems().size());
    }

    @Test
    void noFreeTier_1024Mb100MillionRequests250Ms() {
        Estimate e = ESTIMATOR.withoutFreeTier().estimate(List.of(fn("f", 1024, 100_000_000, "250").build()));
        assertDecimal("436.6675", e.totalExact());
        assertTrue(e.resource("f").lineItems().stream().noneMatch(LineItem::isFree));
    }

    @Test
    void ephemeralStorageExample3_4096Mb2048MbStorage() {
        // 6M requests, 280 ms, 4096 MB, 2048 MB /tmp: $105.33 + $1 + $0.08 = $106.41
        Estimate e = ESTIMATOR.estimate(List.of(fn("nlp", 4096, 6_000_000, "280").ephemeralStorageMb(2048).build()));
        ResourceEstimate r = e.resource("nlp");
        assertDecimal("6320000", line(r, "Lambda-GB-Second", "first").quantity());
        assertDecimal("105.333544", line(r, "Lambda-GB-Second", "first").cost());
        assertDecimal("2520000", line(r, "Lambda-Storage-GB-Second", "").quantity());
        assertDecimal("0.077868", line(r, "Lambda-Storage-GB-Second", "").cost());
        assertDecimal("106.411412", e.totalExact());
        assertDecimal("106.41", e.totalRounded());
    }

    @Test
    void mobileBackendExample1_1536Mb120Ms() {
        Estimate e = ESTIMATOR.estimate(List.of(fn("app", 1536, 3_000_000, "120").build()));
        assertDecimal("2.733338", e.totalExact()); // AWS: $2.33 + $0.40 = $2.73
    }

    @Test
    void durableFunctionsExampleComputeOnArm() {
        // 2M invocations of 1 GB Arm, 32,000,000 s of compute in total: 31.6M GB-s × $0.0000133334 = $421.34
        Estimate e = ESTIMATOR.estimate(List.of(fn("claims", 1024, 2_000_000, "16000")
                .architecture(Architecture.ARM64).build()));
        ResourceEstimate r = e.resource("claims");
        assertDecimal("421.33544", line(r, "Lambda-GB-Second-ARM", "first 7.5B").cost());
        assertDecimal("0.2", line(r, "Request-ARM", "Requests (arm64)").cost());
    }

    @Test
    void provisionedConcurrencyExample2_CyberMonday() {
        // 7 × 4096 MB for 24 h, 2M requests × 280 ms: $10.08 + $21.78 + $0.40 = $32.26, no free tier.
        Estimate e = ESTIMATOR.estimate(List.of(fn("bert", 4096, 2_000_000, "280")
                .provisionedConcurrency(ProvisionedConcurrency.of(7, bd("24"))).build()));
        ResourceEstimate r = e.resource("bert");
        assertDecimal("2419200", line(r, "Lambda-Provisioned-Concurrency", "").quantity());
        assertDecimal("10.08008064", line(r, "Lambda-Provisioned-Concurrency", "").cost());
        assertDecimal("2240000", line(r, "Lambda-Provisioned-GB-Second", "").quantity());
        assertDecimal("21.777728", line(r, "Lambda-Provisioned-GB-Second", "").cost());
        assertDecimal("0.4", line(r, "Request", "").cost());
        assertDecimal("32.25780864", e.totalExact());
        assertDecimal("32.26", e.totalRounded());
        assertTrue(r.lineItems().stream().noneMatch(LineItem::isFree));
    }

    @Test
    void provisionedConcurrencyExample1_asTwoFunctions() {
        // AWS's example 1: provisioned concurrency 100 for 8 h with 500,000 requests of 100 ms, and the rest of
        // the month 2.5M requests of 120 ms without it. $18 + $0.40 + $0.73 + $0.83 = $19.96.
        LambdaFunction launch = fn("launch-day", 1536, 500_000, "100")
                .provisionedConcurrency(ProvisionedConcurrency.of(100, bd("8"))).build();
        LambdaFunction rest = fn("rest-of-month", 1536, 2_500_000, "120").build();
        Estimate e = ESTIMATOR.estimate(List.of(launch, rest));
        assertDecimal("18.000144", line(e.resource("launch-day"), "Lambda-Provisioned-Concurrency", "").cost());
        assertDecimal("0.729165", line(e.resource("launch-day"), "Lambda-Provisioned-GB-Second", "").cost());
        assertDecimal("0.833335", line(e.resource("rest-of-month"), "Lambda-GB-Second", "first").cost());
        assertDecimal("19.962644", e.totalExact());
        assertDecimal("19.96", e.totalRounded());
    }

    @Test
    void provisionedConcurrencySpillsOverToOnDemandAndRoundsTimeUpToFiveMinutes() {
        // 1 × 1024 MB for 1 h 1 min (billed 65 min = 3900 s); 10,000 requests × 1 s = 10,000 s of execution,
        // of which 3,660 s fit the capacity and 6,340 s spill to on-demand rates (no free tier).
        LambdaFunction f = fn("spiky", 1024, 10_000, "1000")
                .provisionedConcurrency(ProvisionedConcurrency.of(1, new BigDecimal("1.0166666666666666666666666667")))
                .build();
        ResourceEstimate r = ESTIMATOR.estimate(List.of(f)).resource("spiky");
        assertDecimal("3900", line(r, "Lambda-Provisioned-Concurrency", "").quantity());
        LineItem pcDuration = line(r, "Lambda-Provisioned-GB-Second", "");
        LineItem spill = line(r, "Lambda-GB-Second", "first");
        assertDecimal("10000", pcDuration.quantity().add(spill.quantity()));
        assertTrue(spill.quantity().compareTo(bd("6339")) > 0 && spill.quantity().compareTo(bd("6341")) < 0);
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("beyond the provisioned capacity")), r.notes().toString());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("rounded up")), r.notes().toString());
    }

    @Test
    void provisionedConcurrencyFunctionsDoNotConsumeTheFreeTier() {
        LambdaFunction pc = fn("pc", 1024, 1_000_000, "100")
                .provisionedConcurrency(ProvisionedConcurrency.of(1, bd("730"))).build();
        LambdaFunction plain = fn("plain", 1024, 1_000_000, "100").build();
        Estimate e = ESTIMATOR.estimate(List.of(pc, plain));
        assertDecimal("0", e.resource("plain").monthlyCostExact());
        assertDecimal("0.2", line(e.resource("pc"), "Request", "").cost());
    }

    @Test
    void snapStartTelemetryExample() {
        // 7.44M × 2 s at 1 GB, version active 744 h, 74,400 restores: $1.49 + $248.00 + $4.03 + $10.40
        LambdaFunction f = fn("telemetry", 1024, 7_440_000, "2000").runtime("python3.12")
                .snapStart(new SnapStart(1, bd("744"), 74_400)).build();
        ResourceEstimate r = Estimator.of(PriceBook.bundled()).withoutFreeTier().estimate(List.of(f)).resource("telemetry");
        assertDecimal("2678400", line(r, "Lambda-SnapStart-Cached-GB-S", "").quantity());
        assertDecimal("4.02992064", line(r, "Lambda-SnapStart-Cached-GB-S", "").cost());
        assertDecimal("10.40110512", line(r, "Lambda-SnapStart-Restored-GB", "").cost());
        assertDecimal("248.000496", line(r, "Lambda-GB-Second", "first").cost());
        assertDecimal("1.488", line(r, "Request", "").cost());
    }

    @Test
    void snapStartIsFreeForJavaAndHasAThreeHourMinimum() {
        LambdaFunction java = fn("j", 1024, 0, "0").runtime("java21").snapStart(new SnapStart(1, bd("744"), 100)).build();
        ResourceEstimate r = ESTIMATOR.estimate(List.of(java)).resource("j");
        assertDecimal("0", r.monthlyCostExact());
        assertTrue(r.notes().get(0).contains("not charged for Java"));
        LambdaFunction py = fn("p", 2048, 0, "0").runtime("python3.13").snapStart(new SnapStart(2, bd("1"), 0)).build();
        // 2 versions × 2 GB × 10,800 s minimum
        assertDecimal("43200", line(ESTIMATOR.estimate(List.of(py)).resource("p"), "Lambda-SnapStart-Cached-GB-S", "")
                .quantity());
    }

    @Test
    void arbitraryDurationsStayExact() {
        // 120.5 ms average billed duration: no rounding of the average.
        Estimate e = ESTIMATOR.withoutFreeTier().estimate(List.of(fn("f", 128, 1, "120.5").build()));
        assertDecimal("0.0150625", line(e.resource("f"), "Lambda-GB-Second", "").quantity());
        LambdaFunction viaDuration = LambdaFunction.builder("g").memoryMb(128).requestsPerMonth(1)
                .averageDuration(Duration.ofNanos(120_500_000)).build();
        assertDecimal("120.5", viaDuration.averageDurationMs());
    }

    @Test
    void otherRegionsUseTheirOwnUsageTypesAndPrices() {
        Estimate e = ESTIMATOR.estimate(List.of(fn("f", 512, 3_000_000, "1000").region("ap-northeast-1")
                .ephemeralStorageMb(1024).build()));
        assertTrue(e.resource("f").lineItems().stream().allMatch(l -> l.usageType().startsWith("APN1-")));
        // ap-northeast-1's storage is its own 0.000000037, not us-east-1's 0.0000000309.
        assertDecimal("0.000000037", e.resource("f").lineItems().stream()
                .filter(l -> l.usageType().equals("APN1-Lambda-Storage-GB-Second")).findFirst().orElseThrow().unitPrice());
    }

    @Test
    void oldPricesWarnOnceWhenEvenTheNewestIsPastTheThreshold() {
        var two = List.of(fn("a", 512, 3_000_000, "1000").build(), fn("b", 512, 3_000_000, "1000").build());
        java.time.Clock dec2026 = java.time.Clock.fixed(java.time.Instant.parse("2026-12-02T00:00:00Z"),
                java.time.ZoneOffset.UTC);
        Estimate late = ESTIMATOR.clock(dec2026).estimate(two);
        assertEquals(java.time.LocalDate.parse("2026-12-02"), late.pricedOn());
        assertEquals(java.time.LocalDate.parse("2025-12-01"), late.priceDates().orElseThrow().newest());
        assertEquals(366L, late.newestPriceAgeDays().orElseThrow());
        assertEquals(1, late.warnings().size(), late.warnings().toString()); // once, not once per resource
        assertTrue(late.warnings().get(0).contains("from 2025-12-01, 366 days before 2026-12-02 (more than 180 days)"),
                late.warnings().get(0));
        assertTrue(ESTIMATOR.clock(dec2026).maxPriceAgeDays(366).estimate(two).warnings().isEmpty());
        assertEquals(1, ESTIMATOR.clock(dec2026).maxPriceAgeDays(365).estimate(two).warnings().size());
        java.time.Clock mar2026 = java.time.Clock.fixed(java.time.Instant.parse("2026-03-01T00:00:00Z"),
                java.time.ZoneOffset.UTC);
        assertTrue(ESTIMATOR.clock(mar2026).estimate(two).warnings().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> ESTIMATOR.maxPriceAgeDays(-1));
    }

    @Test
    void awsLimitsAreCheckedBeforePricing() {
        InvalidWorkloadException e = assertThrows(InvalidWorkloadException.class,
                () -> ESTIMATOR.estimate(List.of(fn("big", 10_241, 1, "1").ephemeralStorageMb(100).build())));
        assertEquals(2, e.report().errors().size());
        assertTrue(e.getMessage().contains("memoryMb 10241"), e.getMessage());
        assertTrue(e.getMessage().contains("128 to 10240 MB"), e.getMessage());
        assertTrue(e.getMessage().contains("ephemeralStorageMb 100"), e.getMessage());
        ValidationReport ok = LambdaLimits.validate(fn("ok", 10_240, 1, "900000").build(), PriceBook.bundled());
        assertTrue(ok.violations().isEmpty());
        ValidationReport slow = LambdaLimits.validate(fn("slow", 128, 1, "900001").build(), PriceBook.bundled());
        assertEquals("lambda.duration.timeout", slow.violations().get(0).code());
    }

    @Test
    void unknownRegionIsAnError() {
        InvalidWorkloadException e = assertThrows(InvalidWorkloadException.class,
                () -> ESTIMATOR.region("mars-1").estimate(List.of(fn("f", 128, 1, "1").build())));
        assertEquals("region.unknown", e.report().errors().get(0).code());
        assertTrue(e.getMessage().contains("no AWSLambda prices for region \"mars-1\""), e.getMessage());
    }

    @Test
    void physicallyImpossibleValuesAreRejectedAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fn("f", -5, 1, "1").build());
        assertEquals("memoryMb must be positive: -5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> fn("f", 128, -1, "1").build());
        assertThrows(IllegalArgumentException.class, () -> fn("f", 128, 1, "-0.1").build());
        assertThrows(IllegalArgumentException.class, () -> ProvisionedConcurrency.of(0, bd("1")));
        assertThrows(IllegalArgumentException.class, () -> ProvisionedConcurrency.of(1, bd("745")));
        assertThrows(IllegalArgumentException.class, () -> new SnapStart(1, bd("1"), -1));
    }

    @Test
    void totalIsAJsr354Amount() {
        MonetaryAmount total = ESTIMATOR.estimate(List.of(fn("f", 512, 3_000_000, "1000").build())).total();
        assertEquals("USD", total.getCurrency().getCurrencyCode());
        assertDecimal("18.73337", total.getNumber().numberValueExact(BigDecimal.class));
    }
}
