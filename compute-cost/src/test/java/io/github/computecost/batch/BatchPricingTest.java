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
        BatchJobs j = BatchJobs.builder("nightly").vcpu(bd("1")).memoryMib(2048).submissionsPerMonth(30).durationSeconds(bd("40")).build().withArraySize(100);
        ResourceEstimate r = ESTIMATOR.estimate(List.of(j)).resource("nightly");
        assertDecimal("50", r.lineItems().get(0).quantity());
        assertDecimal("2.4685", r.monthlyCostExact());
        FargateTask same = FargateTask.builder("same").vcpu(bd("1")).memoryGb(bd("2")).tasks(1).build().withUsage(new FargateTask.Runs(3000, bd("40")));
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
        var onEc2 = BatchJobs.builder("r").platform(BatchJobs.Platform.EC2).instanceType("c6i.2xlarge").vcpu(bd("2")).memoryMib(3072).submissionsPerMonth(60).durationSeconds(bd("1800")).build().withRegion("eu-west-1");
        var refused = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> ESTIMATOR.estimate(List.of(onEc2)));
        assertTrue(refused.getMessage().contains("eu-west-1"), refused.getMessage());
    }

    @Test
    void arrayJobsOnEc2RunOnTheFewestInstancesThatHoldThem() {
        // c6i.2xlarge: 8 vCPU = 8,192 shares, 16 GiB less 5 % (820 MiB) = 15,564 MiB; jobs of 2 vCPU / 3 GiB: CPU
        // allows 4, memory 5, so 4 per instance; an array of 10 needs 3 instances for 30 minutes, 60 times: 90 h.
        BatchJobs j = BatchJobs.builder("render").platform(BatchJobs.Platform.EC2).instanceType("c6i.2xlarge").vcpu(bd("2")).memoryMib(3072).submissionsPerMonth(60).durationSeconds(bd("1800")).build().withArraySize(10);
        ResourceEstimate r = ESTIMATOR.estimate(List.of(j)).resource("render");
        assertDecimal("90", r.lineItems().get(0).quantity());
        Ec2Instance same = Ec2Instance.builder("same").instanceType("c6i.2xlarge").count(3).build().withHoursPerMonth(bd("30"));
        assertDecimal(ESTIMATOR.monthlyCostExact(same).toPlainString(), r.monthlyCostExact());
        // A 10-second job is billed EC2's 60-second minimum per instance run.
        BatchJobs shortJobs = BatchJobs.builder("short").platform(BatchJobs.Platform.EC2).instanceType("c6i.2xlarge").vcpu(bd("8")).memoryMib(1024).submissionsPerMonth(3600).durationSeconds(bd("10")).build();
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
        BatchJobs fargate = BatchJobs.builder("f").vcpu(bd("3")).memoryMib(2048).submissionsPerMonth(1).durationSeconds(bd("60")).build();
        InvalidWorkloadException f = assertThrows(InvalidWorkloadException.class,
                () -> ESTIMATOR.estimate(List.of(fargate)));
        assertTrue(f.getMessage().contains("vcpu"), f.getMessage());
        BatchJobs tooBig = BatchJobs.builder("big").platform(BatchJobs.Platform.EC2).instanceType("c6i.large").vcpu(bd("2")).memoryMib(4096).submissionsPerMonth(1).durationSeconds(bd("60")).build();
        assertEquals("batch.ec2.fit", assertThrows(InvalidWorkloadException.class,
                () -> ESTIMATOR.estimate(List.of(tooBig))).report().errors().get(0).code());
    }
}
