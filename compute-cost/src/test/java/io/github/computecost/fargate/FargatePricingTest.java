package io.github.computecost.fargate;

import static io.github.computecost.Decimals.assertDecimal;
import static io.github.computecost.Decimals.bd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.compute.Architecture;
import io.github.computecost.compute.OperatingSystem;
import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.limits.InvalidWorkloadException;
import io.github.computecost.estimate.LineItem;
import io.github.computecost.estimate.ResourceEstimate;
import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fargate against AWS's worked examples (https://aws.amazon.com/fargate/pricing/) and the cases. */
class FargatePricingTest {

    static final PriceBook BOOK = PriceBook.bundled();
    static final Estimator ESTIMATOR = Estimator.of(BOOK);

    static FargateTask task(String vcpu, String gb) {
        return FargateTask.builder("t").vcpu(bd(vcpu)).memoryGb(bd(gb)).tasks(1).build();
    }

    static ResourceEstimate price(FargateTask t) {
        return ESTIMATOR.estimate(List.of(t)).resource(t.name());
    }

    static LineItem line(ResourceEstimate r, String usageType) {
        return r.lineItems().stream().filter(l -> l.usageType().equals(usageType)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + usageType + " in " + r.lineItems()));
    }

    @Test
    void linuxX86OneVcpuTwoGbAllMonth() {
        ResourceEstimate r = price(task("1", "2"));
        assertEquals(2, r.lineItems().size());
        assertDecimal("730", line(r, "USE1-Fargate-vCPU-Hours:perCPU").quantity());
        assertDecimal("0.04048", line(r, "USE1-Fargate-vCPU-Hours:perCPU").unitPrice());
        assertDecimal("29.5504", line(r, "USE1-Fargate-vCPU-Hours:perCPU").cost());
        assertDecimal("1460", line(r, "USE1-Fargate-GB-Hours").quantity());
        assertDecimal("6.4897", line(r, "USE1-Fargate-GB-Hours").cost());
        assertDecimal("36.0401", r.monthlyCostExact());
    }

    @Test
    void armIsCheaperAndWindowsAddsItsLicence() {
        BigDecimal x86 = price(task("1", "2")).monthlyCostExact();
        BigDecimal arm = price(task("1", "2").withArchitecture(Architecture.ARM64)).monthlyCostExact();
        ResourceEstimate windows = price(task("1", "2").withOperatingSystem(OperatingSystem.WINDOWS));
        assertTrue(arm.compareTo(x86) < 0);
        assertDecimal("28.835", arm); // 730 × 0.03238 + 1460 × 0.00356
        assertDecimal("33.58", line(windows, "USE1-Fargate-Windows-OS-Hours:perCPU").cost()); // 730 × 0.046
        assertTrue(windows.monthlyCostExact().compareTo(x86) > 0);
    }

    @Test
    void awsExample1LinuxShortTasksWithStorage() {
        // 5 tasks × 600 s × 30 days, 1 vCPU, 2 GB, 30 GB storage: $1.01 + $0.22 + $0.03 = $1.26
        FargateTask t = task("1", "2").withEphemeralStorageGb(30).withUsage(new FargateTask.Runs(150, bd("600")));
        ResourceEstimate r = price(t);
        assertDecimal("25", line(r, "USE1-Fargate-vCPU-Hours:perCPU").quantity());
        assertDecimal("1.012", line(r, "USE1-Fargate-vCPU-Hours:perCPU").cost());
        assertDecimal("0.22225", line(r, "USE1-Fargate-GB-Hours").cost());
        assertDecimal("0.02775", line(r, "USE1-Fargate-EphemeralStorage-GB-Hours").cost());
        assertDecimal("1.26", ESTIMATOR.estimate(List.of(t)).totalRounded());
    }

    @Test
    void awsExample2ArmAndExample3EksPods() {
        FargateTask arm = task("1", "2").withEphemeralStorageGb(30).withArchitecture(Architecture.ARM64)
                .withUsage(new FargateTask.Runs(150, bd("600")));
        assertDecimal("1.02", ESTIMATOR.estimate(List.of(arm)).totalRounded()); // $0.81 + $0.18 + $0.03
        FargateTask pods = task("0.25", "1").withUsage(new FargateTask.Runs(300, bd("3600")));
        Estimate e = ESTIMATOR.estimate(List.of(pods));
        assertDecimal("4.3695", e.totalExact()); // $3.04 + $1.33 = $4.37
    }

    @Test
    void awsExample4WindowsDiffersOnlyByTheRoundedPerSecondRates() {
        // AWS's example uses per-second rates rounded from older hourly prices ($0.0915, $0.0100) and shows
        // $27.45 + $13.80 + $6.00 = $47.25; with the Price List's $0.09148 and $0.01005: 27.444 + 13.8 + 6.03.
        FargateTask t = task("1", "2").withOperatingSystem(OperatingSystem.WINDOWS)
                .withUsage(new FargateTask.Runs(300, bd("3600")));
        ResourceEstimate r = price(t);
        assertDecimal("13.8", line(r, "USE1-Fargate-Windows-OS-Hours:perCPU").cost());
        assertDecimal("27.444", line(r, "USE1-Fargate-Windows-vCPU-Hours:perCPU").cost());
        assertDecimal("47.274", r.monthlyCostExact());
    }

    @Test
    void aTenSecondTaskIsChargedTheMinimum() {
        ResourceEstimate ten = price(task("1", "2").withUsage(new FargateTask.Runs(1, bd("10"))));
        ResourceEstimate minute = price(task("1", "2").withUsage(new FargateTask.Runs(1, bd("60"))));
        assertDecimal(minute.monthlyCostExact().toPlainString(), ten.monthlyCostExact());
        assertDecimal("0.0166666667", line(ten, "USE1-Fargate-vCPU-Hours:perCPU").quantity()); // 60 s, 10 decimals
        assertTrue(ten.notes().get(0).contains("60-second minimum"));
        ResourceEstimate windows = price(task("1", "2").withOperatingSystem(OperatingSystem.WINDOWS)
                .withUsage(new FargateTask.Runs(1, bd("10"))));
        assertDecimal("0.0833333333", line(windows, "USE1-Fargate-Windows-vCPU-Hours:perCPU").quantity()); // 5 min
        ResourceEstimate roundedUp = price(task("1", "2").withUsage(new FargateTask.Runs(1, bd("61.2"))));
        assertDecimal("0.0172222222", line(roundedUp, "USE1-Fargate-vCPU-Hours:perCPU").quantity()); // 62 s
    }

    @Test
    void invalidTaskSizesNameWhatIsAllowed() {
        InvalidWorkloadException e = assertThrows(InvalidWorkloadException.class,
                () -> ESTIMATOR.estimate(List.of(task("1", "16"))));
        assertEquals("t: memoryGb 16 is not offered with 1 vCPU (allowed: 2-8 GB in 1 GB steps)", e.getMessage());
        assertTrue(FargateLimits.validate(task("4", "30"), BOOK).violations().isEmpty());
        assertTrue(FargateLimits.validate(task("3", "6"), BOOK).errors().get(0).message()
                .contains("vcpu 3 is not a Fargate task size (allowed: 0.25, 0.5, 1, 2, 4, 8, 16)"));
        assertEquals(List.of("fargate.windows.architecture", "fargate.windows.cpu"), FargateLimits.validate(
                task("0.5", "1").withOperatingSystem(OperatingSystem.WINDOWS).withArchitecture(Architecture.ARM64), BOOK)
                .errors().stream().map(v -> v.code()).toList());
        assertEquals("fargate.ephemeral-storage.range", FargateLimits.validate(task("1", "2").withEphemeralStorageGb(201),
                BOOK).errors().get(0).code());
    }

    @Test
    void spotIsPricedFromTheBundledSnapshotOrAUsersTable() {
        FargateTask spot = task("1", "2").withSpot(true);
        ResourceEstimate bundled = ESTIMATOR.estimate(List.of(spot)).resource("t");
        // fgcalc's 2021-01 Spot snapshot for us-east-1, dated so that estimates say how old it is.
        assertDecimal("730", line(bundled, "USE1-SpotUsage-Fargate-vCPU-Hours:perCPU").quantity());
        assertTrue(bundled.monthlyCostExact().compareTo(price(task("1", "2")).monthlyCostExact()) < 0);
        assertEquals(java.time.LocalDate.parse("2021-01-14"),
                line(bundled, "USE1-SpotUsage-Fargate-vCPU-Hours:perCPU").provenance().asOf());
        PriceBook withSpot = PriceBook.withOverrides(Path.of("compute-cost/src/test/resources/pricing-spot"));
        ResourceEstimate r = Estimator.of(withSpot).estimate(List.of(spot)).resource("t");
        assertDecimal("0.012", line(r, "USE1-SpotUsage-Fargate-vCPU-Hours:perCPU").unitPrice()); // the user's table
        // Arm Spot has no source: refused, not priced at the x86 Spot rate.
        var e = assertThrows(io.github.computecost.pricing.PriceUnavailableException.class,
                () -> ESTIMATOR.estimate(List.of(spot.withArchitecture(Architecture.ARM64))));
        assertTrue(e.getMessage().contains("USE1-SpotUsage-Fargate-ARM-vCPU-Hours:perCPU"), e.getMessage());
    }

    @Test
    void aRealSingaporeBillAgreesToTheCent() {
        // 0.5 vCPU / 1 GB for 729.347 hours in ap-southeast-1: the bill shows $18.44 (vCPU) and $4.03 (GB).
        FargateTask t = new FargateTask("t", java.util.Optional.of("ap-southeast-1"), Architecture.X86_64,
                OperatingSystem.LINUX, bd("0.5"), bd("1"), 20, new FargateTask.Running(1, bd("729.347")), false);
        ResourceEstimate r = ESTIMATOR.estimate(List.of(t)).resource("t");
        assertDecimal("18.44", io.github.computecost.money.Amounts.toCents(line(r, "APS1-Fargate-vCPU-Hours:perCPU").cost()));
        assertDecimal("4.03", io.github.computecost.money.Amounts.toCents(line(r, "APS1-Fargate-GB-Hours").cost()));
        assertDecimal("0.05056", line(r, "APS1-Fargate-vCPU-Hours:perCPU").unitPrice()); // Singapore's own rate
    }

    @Test
    void withRegionPricesTheTaskAtThatRegionsRates() {
        FargateTask task = FargateTask.builder("web").vcpu(bd("1")).memoryGb(bd("2")).tasks(1).build();
        Estimate frankfurt = ESTIMATOR.estimate(List.of(task.withRegion("eu-central-1")));
        assertEquals("eu-central-1", frankfurt.resources().get(0).region());
        // 730 h of 1 vCPU at 0.04656 and 2 GB at 0.00511 (Frankfurt, not Virginia's 0.04048 and 0.004445).
        assertDecimal("41.4494", frankfurt.totalExact()); // 33.9888 + 7.4606
        assertEquals(java.util.Optional.of("eu-central-1"), task.withRegion("eu-central-1").region());
    }
}
