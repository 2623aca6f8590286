package io.github.computecost.lambda;

import static io.github.computecost.Decimals.assertDecimal;
import static io.github.computecost.Decimals.bd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.compute.Architecture;
import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.estimate.LineItem;
import io.github.computecost.estimate.ResourceEstimate;
import io.github.computecost.limits.InvalidWorkloadException;
import io.github.computecost.limits.Violation;
import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Lambda's newest billing models against AWS's own worked examples (https://aws.amazon.com/lambda/pricing/). */
class NewestBillingTest {

    static final Estimator ESTIMATOR = Estimator.of(PriceBook.bundled());

    /** AWS's durable-functions example: 1M insurance claims a month, 1 GB Arm, 30 s + 2 s of steps, a 7-day wait. */
    static LambdaFunction claims() {
        return LambdaFunction.builder("claims").architecture(Architecture.ARM64).memoryMb(1024)
                // two invocations per execution (the start and the resume after the wait), 32 s of compute in all
                .requestsPerMonth(2_000_000).averageDurationMs(bd("16000"))
                .durable(new DurableExecutions(1_000_000, 4, bd("104"), bd("7"), bd("14"))).build();
    }

    @Test
    void awsDurableFunctionsExampleToTheCent() {
        ResourceEstimate r = ESTIMATOR.estimate(List.of(claims())).resource("claims");
        // Compute 31,600,000 GB-s × $0.0000133334 = $421.34; requests 1M × $0.20/M = $0.20 (after the free tier).
        assertDecimal("421.33544", cost(r, "Lambda-GB-Second-ARM"));
        assertDecimal("0.2", cost(r, "Request-ARM"));
        // Operations 4M × $8.00/M = $32.00; data written 104 GB × $0.25 = $26.00.
        assertDecimal("4000000", quantity(r, LambdaMeter.DURABLE_OPERATIONS));
        assertDecimal("32", cost(r, LambdaMeter.DURABLE_OPERATIONS));
        assertDecimal("104", quantity(r, LambdaMeter.DURABLE_WRITTEN));
        assertDecimal("26", cost(r, LambdaMeter.DURABLE_WRITTEN));
        // Retained (24.27 + 48.53) GB-months × $0.15 = $10.92: 104 GB × 21 days = 2,184 GB-days at $0.15 / 30.
        assertDecimal("2184", quantity(r, LambdaMeter.DURABLE_RETAINED));
        assertDecimal("10.92", cost(r, LambdaMeter.DURABLE_RETAINED));
        assertDecimal("10.92", bd("104").multiply(bd("21")).divide(bd("30")).multiply(bd("0.15")));
        // Total $490.46.
        assertDecimal("490.45544", r.monthlyCostExact());
        assertDecimal("490.46", r.monthlyCostRounded());
    }

    /** AWS's Managed Instances example: 100M requests, ~2,000 m7g.xlarge hours, a 3-year Compute Savings Plan. */
    static LambdaFunction api(Optional<BigDecimal> discount) {
        return LambdaFunction.builder("api").architecture(Architecture.ARM64).memoryMb(2048)
                .requestsPerMonth(100_000_000).averageDurationMs(bd("200"))
                .managedInstances(new ManagedInstances("m7g.xlarge", bd("2000"), discount)).build();
    }

    @Test
    void awsManagedInstancesExample() {
        ResourceEstimate r = ESTIMATOR.estimate(List.of(api(Optional.of(bd("72"))))).resource("api");
        List<LineItem> items = r.lineItems();
        assertEquals(3, items.size(), "requests, instances, fee; no duration");
        // Requests: 100M / 1M × $0.20 = $20 (AWS applies no free tier).
        assertDecimal("20", items.get(0).cost());
        // Instances: EC2 on-demand $0.1632 an hour, 72 % off = $0.045696; AWS rounds it to $0.0457 and prints
        // 2,000 × $0.0457 = $91.40. The exact figure is 91.392 (the README explains the cent).
        assertEquals("BoxUsage:m7g.xlarge", items.get(1).usageType());
        assertDecimal("0.045696", items.get(1).unitPrice());
        assertDecimal("91.392", items.get(1).cost());
        assertDecimal("91.40", bd("2000").multiply(bd("0.0457")));
        // Management fee: 15 % of the on-demand price, $0.1632 × 0.15 = $0.02448 an hour; 2,000 × = $48.96.
        assertDecimal("0.02448", items.get(2).unitPrice());
        assertDecimal("48.96", items.get(2).cost());
        assertTrue(items.get(2).description().contains("management fee"), items.get(2).description());
        // AWS's total $160.36 = $20 + $91.40 + $48.96; ours 160.352, one cent below for the rounded rate.
        assertDecimal("160.352", r.monthlyCostExact());
        assertDecimal("160.36", bd("20").add(bd("91.40")).add(bd("48.96")));
    }

    @Test
    void managedInstancesFeeIsOnTheOnDemandPriceWhateverTheDiscount() {
        for (String p : List.of("0", "30", "100")) {
            ResourceEstimate r = ESTIMATOR.estimate(List.of(api(Optional.of(bd(p))))).resource("api");
            assertDecimal("48.96", r.lineItems().get(2).cost());
            assertDecimal(bd("326.4").multiply(BigDecimal.ONE.subtract(bd(p).movePointLeft(2))).toPlainString(),
                    r.lineItems().get(1).cost());
        }
        ResourceEstimate onDemand = ESTIMATOR.estimate(List.of(api(Optional.empty()))).resource("api");
        assertDecimal("326.4", onDemand.lineItems().get(1).cost());
        Estimate e = ESTIMATOR.estimate(List.of(api(Optional.empty())));
        assertTrue(e.pricingVersion().contains("AmazonEC2@"), e.pricingVersion());
    }

    @Test
    void managedInstancesRefuseWhatAwsPublishesNoPriceFor() {
        LambdaFunction unknown = api(Optional.empty()).toBuilder()
                .managedInstances(new ManagedInstances("m99z.huge", bd("1"), Optional.empty())).build();
        assertCodes(unknown, "lambda.managed-instances.instance-type");
        LambdaFunction wrongArch = api(Optional.empty()).toBuilder().architecture(Architecture.X86_64).build();
        assertCodes(wrongArch, "lambda.managed-instances.architecture");
        LambdaFunction both = api(Optional.empty()).toBuilder()
                .provisionedConcurrency(ProvisionedConcurrency.of(2, bd("730")))
                .coldStarts(new ColdStarts(10, bd("300"))).build();
        assertCodes(both, "lambda.cold-starts.provisioned", "lambda.managed-instances.combination",
                "lambda.managed-instances.combination");
    }

    @Test
    void coldStartsAddTheirInitPhaseAsDuration() {
        // 1M requests of 100 ms at 1,024 MB and 10,000 cold starts of 800 ms: 100,000 + 8,000 GB-s (no free tier).
        LambdaFunction fn = LambdaFunction.builder("fn").memoryMb(1024).requestsPerMonth(1_000_000)
                .averageDurationMs(bd("100")).coldStarts(new ColdStarts(10_000, bd("800"))).build();
        ResourceEstimate r = ESTIMATOR.withoutFreeTier().estimate(List.of(fn)).resource("fn");
        assertDecimal("108000", quantity(r, "Lambda-GB-Second"));
        assertDecimal(bd("108000").multiply(bd("0.0000166667")).add(bd("0.2")).toPlainString(), r.monthlyCostExact());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("INIT")), r.notes().toString());
        // The INIT seconds draw on the free tier and the tiers like any duration: with the free tier, 108,000 GB-s
        // are all free.
        ResourceEstimate free = ESTIMATOR.estimate(List.of(fn)).resource("fn");
        assertDecimal("0", free.monthlyCostExact());
        // The fixed-point route declines and the engine prices it: both routes agree.
        assertDecimal(r.monthlyCostExact().toPlainString(), ESTIMATOR.withoutFreeTier().monthlyCostExact(fn));
    }

    @Test
    void durableRetentionIsCheckedAgainstAwsRange() {
        LambdaFunction tooLong = claims().toBuilder()
                .durable(new DurableExecutions(1, 1, bd("1"), bd("0"), bd("91"))).build();
        assertCodes(tooLong, "lambda.durable.retention");
        LambdaFunction none = claims().toBuilder()
                .durable(new DurableExecutions(1, 1, bd("1"), bd("0"), bd("0"))).build();
        assertCodes(none, "lambda.durable.retention");
    }

    static void assertCodes(LambdaFunction fn, String... codes) {
        InvalidWorkloadException e = assertThrows(InvalidWorkloadException.class,
                () -> ESTIMATOR.estimate(List.of(fn)));
        assertEquals(List.of(codes), e.report().errors().stream().map(Violation::code).toList(), e.getMessage());
    }

    static BigDecimal cost(ResourceEstimate r, String usageType) {
        return r.lineItems().stream().filter(li -> li.usageType().equals(usageType)).map(LineItem::cost)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static BigDecimal quantity(ResourceEstimate r, String usageType) {
        return r.lineItems().stream().filter(li -> li.usageType().equals(usageType)).map(LineItem::quantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static BigDecimal rounded(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
