package io.github.computecost.apprunner;

import static io.github.computecost.Decimals.assertDecimal;
import static io.github.computecost.Decimals.bd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.apprunner.AppRunnerService.AppRunnerApp;
import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.estimate.ResourceEstimate;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.PriceUnavailableException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class AppRunnerPricingTest {

    static final Estimator ESTIMATOR = Estimator.of(PriceBook.bundled());

    @Test
    void idleInstancesPayForMemoryActiveOnesForVcpuAndMemory() {
        // 1 vCPU / 2 GB, one instance all month, 80 instance-hours active: 650 idle hours x 2 GB x $0.007,
        // 80 x (1 x $0.064 + 2 x $0.007).
        ResourceEstimate r = ESTIMATOR.estimate(List.of(AppRunnerApp.builder("web").vcpu(bd("1")).memoryGb(bd("2")).instances(1).activeInstanceHoursPerMonth(bd("80")).build()))
                .resource("web");
        assertDecimal("9.1", r.lineItems().get(0).cost());
        assertDecimal("5.12", r.lineItems().get(1).cost());
        assertDecimal("1.12", r.lineItems().get(2).cost());
        assertDecimal("15.34", r.monthlyCostExact());
        assertTrue(r.notes().get(0).contains("ECS Express Mode"), r.notes().toString());
        // withRegion, as every resource has: priced in that region.
        assertEquals("eu-west-1", ESTIMATOR.estimate(List.of(AppRunnerApp.builder("web").vcpu(bd("1")).memoryGb(bd("2")).instances(1).activeInstanceHoursPerMonth(bd("80")).build()
                .withRegion("eu-west-1"))).resource("web").region());
    }

    @Test
    void whatNoSourcePricesIsRefused() {
        AppRunnerApp build = new AppRunnerApp("b", Optional.empty(), bd("1"), bd("2"), 1, bd("730"), bd("0"), bd("10"),
                false);
        var e = assertThrows(PriceUnavailableException.class, () -> ESTIMATOR.estimate(List.of(build)));
        assertTrue(e.getMessage().contains("AppRunner-Build-Minutes"), e.getMessage());
        // Tokyo: memory is sourced, active vCPU is not.
        AppRunnerApp tokyo = new AppRunnerApp("t", Optional.of("ap-northeast-1"), bd("1"), bd("2"), 1, bd("730"),
                bd("1"), bd("0"), false);
        e = assertThrows(PriceUnavailableException.class, () -> ESTIMATOR.estimate(List.of(tokyo)));
        assertTrue(e.getMessage().contains("APN1-AppRunner-Active-vCPU-Hours"), e.getMessage());
    }

    @Property(tries = 200)
    void moreActivityNeverCostsLessAndMoneyIsConserved(@ForAll @IntRange(max = 5000) int active,
            @ForAll @IntRange(max = 1000) int more, @ForAll @IntRange(max = 5) int instances) {
        BigDecimal a = ESTIMATOR.estimate(List.of(AppRunnerApp.builder("w").vcpu(bd("2")).memoryGb(bd("4")).instances(instances).activeInstanceHoursPerMonth(BigDecimal.valueOf(active)).build())).totalExact();
        Estimate e = ESTIMATOR.estimate(List.of(AppRunnerApp.builder("w").vcpu(bd("2")).memoryGb(bd("4")).instances(instances).activeInstanceHoursPerMonth(BigDecimal.valueOf(active + more)).build()));
        assertTrue(e.totalExact().compareTo(a) >= 0);
        assertEquals(0, e.resources().get(0).lineItems().stream().map(li -> li.cost())
                .reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(e.totalExact()));
        assertTrue(a.signum() >= 0);
    }
}
