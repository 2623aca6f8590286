package io.github.computecost.batch;

import static io.github.computecost.Decimals.assertDecimal;
import static io.github.computecost.Decimals.bd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.compute.Architecture;
import io.github.computecost.ec2.Ec2Instance;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.estimate.ResourceEstimate;
import io.github.computecost.fargate.FargateTask;
import io.github.computecost.limits.InvalidWorkloadException;
import io.github.computecost.limits.Violation;
import io.github.computecost.pricing.PriceBook;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * AWS Batch jobs priced as what they run on. AWS publishes no worked example for Batch (it charges nothing itself),
 * so each figure is checked against the same capacity priced directly: the Fargate tasks or the EC2 instances.
 */
class BatchPricingTest {

    static final Estimator ESTIMATOR = Estimator.of(PriceBook.bundled());

    @Test
    void jobsOnFargateCostWhatTheSameFargateRunsCost() {
        // 30 submissions of 100-job arrays, 1 vCPU / 2 GB, 40 s each: 3,000 runs billed the 60-second minimum,
        // 50 vCPU-hours at $0.04048 and 100 GB-hours at $0.004445.
        BatchJobs j = BatchJobs.onFargate("nightly", bd("1"), 2048, 30, bd("40")).withArraySize(100);
        ResourceEstimate r = ESTIMATOR.estimate(List.of(j)).resource("nightly");
        assertDecimal("50", r.lineItems().get(0).quantity());
        assertDecimal("2.4685", r.monthlyCostExact());
        FargateTask same = FargateTask.of("same", bd("1"), bd("2"), 1).withUsage(new FargateTask.Runs(3000, bd("40")));
        assertDecimal(ESTIMATOR.monthlyCostExact(same).toPlainString(), r.monthlyCostExact());
        // On Arm and on Fargate Spot, the same as Fargate prices those tasks.
        BatchJobs arm = j.withArchitecture(Architecture.ARM64);
        FargateTask sameArm = same.withArchitecture(Architecture.ARM64);
        assertDecimal(ESTIMATOR.monthlyCostExact(sameArm).toPlainString(), ESTIMATOR.monthlyCostExact(arm));
        BatchJobs spot = j.onSpot(Optional.empty());
        assertTrue(ESTIMATOR.monthlyCostExact(spot).compareTo(r.monthlyCostExact()) < 0);
        // In another region, as the same Fargate tasks there: jobs on Fargate are priced wherever Fargate is, even
        // where the bundled EC2 table has no prices (eu-west-1).
        assertDecimal(ESTIMATOR.monthlyCostExact(same.withRegion("eu-west-1")).toPlainString(),
                ESTIMATOR.monthlyCostExact(j.withRegion("eu-west-1")));
        assertDecimal(ESTIMATOR.monthlyCostExact(same.withRegion("eu-west-1").withSpot(true)).toPlainString(),
                ESTIMATOR.monthlyCostExact(j.withRegion("eu-west-1").onSpot(Optional.empty())));
        // Jobs on EC2 there are still refused, naming the region EC2 lacks.
        var onEc2 = BatchJobs.onEc2("r", "c6i.2xlarge", bd("2"), 3072, 60, bd("1800")).withRegion("eu-west-1");
        var refused = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> ESTIMATOR.estimate(List.of(onEc2)));
        assertTrue(refused.getMessage().contains("eu-west-1"), refused.getMessage());
    }

    @Test
    void arrayJobsOnEc2RunOnTheFewestInstancesThatHoldThem() {
        // c6i.2xlarge: 8 vCPU = 8,192 shares, 16 GiB less 5 % (820 MiB) = 15,564 MiB; jobs of 2 vCPU / 3 GiB: CPU
        // allows 4, memory 5, so 4 per instance; an array of 10 needs 3 instances for 30 minutes, 60 times: 90 h.
        BatchJobs j = BatchJobs.onEc2("render", "c6i.2xlarge", bd("2"), 3072, 60, bd("1800")).withArraySize(10);
        ResourceEstimate r = ESTIMATOR.estimate(List.of(j)).resource("render");
        assertDecimal("90", r.lineItems().get(0).quantity());
        Ec2Instance same = Ec2Instance.of("same", "c6i.2xlarge", 3).withHoursPerMonth(bd("30"));
        assertDecimal(ESTIMATOR.monthlyCostExact(same).toPlainString(), r.monthlyCostExact());
        // A 10-second job is billed EC2's 60-second minimum per instance run.
        BatchJobs shortJobs = BatchJobs.onEc2("short", "c6i.2xlarge", bd("8"), 1024, 3600, bd("10"));
        assertDecimal("60", ESTIMATOR.estimate(List.of(shortJobs)).resource("short").lineItems().get(0).quantity());
        // Spot: the user's discount, labelled.
        ResourceEstimate spot = ESTIMATOR.estimate(List.of(j.onSpot(Optional.of(bd("65"))))).resource("render");
        assertDecimal(r.monthlyCostExact().multiply(bd("0.35")).toPlainString(), spot.monthlyCostExact());
        assertTrue(spot.lineItems().get(0).description().contains("assumed 65% below on-demand"));
    }

    @Test
    void everyLimitIsReportedAtOnce() {
        BatchJobs bad = new BatchJobs("bad", Optional.empty(), BatchJobs.Platform.EC2_SPOT, Architecture.X86_64,
                bd("0.5"), 2, 1, 1, bd("120"), Optional.of("c6i.large"), Optional.empty(), Optional.of(30));
        InvalidWorkloadException e = assertThrows(InvalidWorkloadException.class, () -> ESTIMATOR.estimate(List.of(bad)));
        assertEquals(List.of("batch.memory", "batch.timeout", "batch.duration.over-timeout", "batch.ec2.vcpu",
                "batch.ec2.vcpu", "batch.spot.discount"), e.report().errors().stream().map(Violation::code).toList(),
                e.getMessage());
        BatchJobs fargate = BatchJobs.onFargate("f", bd("3"), 2048, 1, bd("60"));
        InvalidWorkloadException f = assertThrows(InvalidWorkloadException.class,
                () -> ESTIMATOR.estimate(List.of(fargate)));
        assertTrue(f.getMessage().contains("vcpu"), f.getMessage());
        BatchJobs tooBig = BatchJobs.onEc2("big", "c6i.large", bd("2"), 4096, 1, bd("60"));
        assertEquals("batch.ec2.fit", assertThrows(InvalidWorkloadException.class,
                () -> ESTIMATOR.estimate(List.of(tooBig))).report().errors().get(0).code());
    }
}
