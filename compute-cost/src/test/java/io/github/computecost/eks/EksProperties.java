package io.github.computecost.eks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.estimate.ResourceEstimate;
import io.github.computecost.fargate.EksFargatePods;
import io.github.computecost.fargate.FargateTables;
import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;

/** Invariants of EKS cluster and Fargate pod pricing that any correct implementation keeps. */
class EksProperties {

    static final PriceBook BOOK = PriceBook.bundled();
    static final Estimator ESTIMATOR = Estimator.of(BOOK);

    @Property(tries = 300)
    void largerPodRequestsNeverRunOnASmallerSizeNorCostLess(
            @ForAll @BigRange(min = "0", max = "8") BigDecimal vcpu,
            @ForAll @BigRange(min = "0", max = "50000") BigDecimal memoryMb,
            @ForAll @BigRange(min = "0", max = "4") BigDecimal moreVcpu,
            @ForAll @BigRange(min = "0", max = "10000") BigDecimal moreMb,
            @ForAll @IntRange(min = 0, max = 50) int pods) {
        FargateTables t = BOOK.tables(FargateTables.SCHEMA);
        var small = t.podSize(vcpu, memoryMb).orElseThrow();
        var big = t.podSize(vcpu.add(moreVcpu), memoryMb.add(moreMb));
        if (big.isEmpty()) {
            return; // beyond the largest size: refused, checked in EksPricingTest
        }
        // The size holds the request, memory with the 256 MB overhead.
        assertTrue(small.vcpu().compareTo(vcpu) >= 0);
        assertTrue(small.memoryGb().multiply(BigDecimal.valueOf(1024)).compareTo(memoryMb.add(BigDecimal.valueOf(256))) >= 0);
        BigDecimal a = ESTIMATOR.estimate(List.of(EksFargatePods.builder("p").pods(pods).podVcpu(vcpu).podMemoryMb(memoryMb).build())).totalExact();
        BigDecimal b = ESTIMATOR.estimate(List.of(EksFargatePods.builder("p").pods(pods).podVcpu(vcpu.add(moreVcpu)).podMemoryMb(memoryMb.add(moreMb)).build()))
                .totalExact();
        assertTrue(b.compareTo(a) >= 0, b + " < " + a);
        BigDecimal more = ESTIMATOR.estimate(List.of(EksFargatePods.builder("p").pods(pods + 1).podVcpu(vcpu).podMemoryMb(memoryMb).build())).totalExact();
        assertTrue(more.compareTo(a) > 0);
    }

    @Property(tries = 200)
    void moneyIsConservedAndNeverNegative(@ForAll @IntRange(min = 1, max = 744) int hours,
            @ForAll boolean extended, @ForAll @IntRange(min = 0, max = 20) int pods) {
        EksCluster.Support s = extended ? EksCluster.Support.EXTENDED : EksCluster.Support.STANDARD;
        Estimate e = ESTIMATOR.estimate(List.of(EksCluster.of("c", s).withHoursPerMonth(BigDecimal.valueOf(hours)),
                EksFargatePods.builder("p").pods(pods).podVcpu(BigDecimal.ONE).podMemoryMb(BigDecimal.valueOf(2048)).build()));
        BigDecimal sum = BigDecimal.ZERO;
        for (ResourceEstimate r : e.resources()) {
            assertTrue(r.monthlyCostExact().signum() >= 0);
            sum = sum.add(r.lineItems().stream().map(li -> li.cost()).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        assertEquals(0, sum.compareTo(e.totalExact()));
        // The cluster fee: $0.10 an hour, $0.60 in extended support.
        assertEquals(0, e.resource("c").monthlyCostExact().compareTo(BigDecimal.valueOf(hours)
                .multiply(new BigDecimal(extended ? "0.6" : "0.1"))));
    }
}
