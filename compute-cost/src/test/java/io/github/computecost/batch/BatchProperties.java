package io.github.computecost.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.Estimator;
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

/** Invariants of Batch pricing that any correct implementation keeps. */
class BatchProperties {

    static final Estimator ESTIMATOR = Estimator.of(PriceBook.bundled());

    @Provide
    Arbitrary<BatchJobs> jobs() {
        Arbitrary<Long> submissions = Arbitraries.longs().between(0, 5_000);
        Arbitrary<Integer> array = Arbitraries.integers().between(1, 200);
        Arbitrary<BigDecimal> seconds = Arbitraries.bigDecimals().between(BigDecimal.ONE, new BigDecimal("20000"))
                .ofScale(1);
        Arbitrary<BatchJobs> fargate = Combinators.combine(Arbitraries.of("0.25/1024", "1/2048", "4/16384"),
                submissions, array, seconds).as((size, n, a, s) -> BatchJobs.builder("j").vcpu(new BigDecimal(size.split("/")[0])).memoryMib(Integer.parseInt(size.split("/")[1])).submissionsPerMonth(n).durationSeconds(s).build().withArraySize(a));
        Arbitrary<BatchJobs> ec2 = Combinators.combine(Arbitraries.of("c6i.2xlarge", "m6i.large", "r6i.4xlarge"),
                Arbitraries.integers().between(1, 2), Arbitraries.integers().between(64, 7000), submissions, array,
                seconds).as((type, v, m, n, a, s) -> BatchJobs.builder("j").platform(BatchJobs.Platform.EC2).instanceType(type).vcpu(BigDecimal.valueOf(v)).memoryMib(m).submissionsPerMonth(n).durationSeconds(s).build()
                        .withArraySize(a));
        return Arbitraries.oneOf(fargate, ec2);
    }

    static BigDecimal cost(BatchJobs j) {
        return ESTIMATOR.monthlyCostExact(j);
    }

    static BatchJobs with(BatchJobs j, long submissions, int array, BigDecimal seconds) {
        return new BatchJobs(j.name(), j.region(), j.platform(), j.architecture(), j.vcpu(), j.memoryMib(), submissions,
                array, seconds, j.instanceType(), j.spotDiscountPercent(), j.timeoutSeconds());
    }

    @Property
    void costIsMonotoneInSubmissionsArraySizeAndDuration(@ForAll("jobs") BatchJobs j,
            @ForAll @IntRange(max = 1000) int moreSubmissions, @ForAll @IntRange(max = 50) int moreChildren,
            @ForAll @IntRange(max = 5000) int moreSeconds) {
        BigDecimal base = cost(j);
        assertTrue(cost(with(j, j.submissionsPerMonth() + moreSubmissions, j.arraySize(), j.durationSeconds()))
                .compareTo(base) >= 0);
        assertTrue(cost(with(j, j.submissionsPerMonth(), j.arraySize() + moreChildren, j.durationSeconds()))
                .compareTo(base) >= 0);
        assertTrue(cost(with(j, j.submissionsPerMonth(), j.arraySize(), j.durationSeconds().add(BigDecimal.valueOf(
                moreSeconds)))).compareTo(base) >= 0);
    }

    @Property
    void spotNeverCostsMoreAndMoneyIsConserved(@ForAll("jobs") BatchJobs j, @ForAll @IntRange(max = 100) int discount) {
        BatchJobs spot = j.onSpot(j.platform().ec2() ? Optional.of(BigDecimal.valueOf(discount)) : Optional.empty());
        BatchJobs spotNamed = new BatchJobs("s", spot.region(), spot.platform(), spot.architecture(), spot.vcpu(),
                spot.memoryMib(), spot.submissionsPerMonth(), spot.arraySize(), spot.durationSeconds(),
                spot.instanceType(), spot.spotDiscountPercent(), spot.timeoutSeconds());
        Estimate e = ESTIMATOR.estimate(List.of(j, spotNamed));
        assertTrue(e.resource("s").monthlyCostExact().compareTo(e.resource("j").monthlyCostExact()) <= 0);
        BigDecimal sum = BigDecimal.ZERO;
        for (ResourceEstimate r : e.resources()) {
            assertTrue(r.monthlyCostExact().signum() >= 0, "never below zero");
            sum = sum.add(r.monthlyCostExact());
        }
        assertEquals(0, sum.compareTo(e.totalExact()));
    }
}
