package io.github.computecost.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.computecost.compute.OperatingSystem;
import io.github.computecost.fargate.FargateLimits;
import io.github.computecost.fargate.FargateTask;
import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Every Fargate task size AWS documents validates, and every other combination is rejected. The reference
 * table is written out here from AWS's ECS documentation, independently of the bundled data.
 */
class FargateSizeProperties {

    static boolean documented(BigDecimal vcpu, BigDecimal gb) {
        double v = vcpu.doubleValue(); // test oracle only: not on a money path
        if (gb.stripTrailingZeros().scale() > 0 && gb.compareTo(new BigDecimal("0.5")) != 0) {
            return false;
        }
        int m = gb.compareTo(new BigDecimal("0.5")) == 0 ? -1 : gb.intValue();
        if (v == 0.25) {
            return m == -1 || m == 1 || m == 2;
        }
        if (v == 0.5) {
            return m >= 1 && m <= 4;
        }
        if (v == 1) {
            return m >= 2 && m <= 8;
        }
        if (v == 2) {
            return m >= 4 && m <= 16;
        }
        if (v == 4) {
            return m >= 8 && m <= 30;
        }
        if (v == 8) {
            return m >= 16 && m <= 60 && m % 4 == 0;
        }
        if (v == 16) {
            return m >= 32 && m <= 120 && m % 8 == 0;
        }
        return false;
    }

    @Provide
    Arbitrary<BigDecimal> vcpus() {
        return Arbitraries.of("0.25", "0.5", "1", "2", "3", "4", "8", "12", "16", "32", "0.75").map(BigDecimal::new);
    }

    @Provide
    Arbitrary<BigDecimal> memories() {
        List<BigDecimal> all = new ArrayList<>();
        for (int half = 1; half <= 260; half++) {
            all.add(BigDecimal.valueOf(half).divide(BigDecimal.valueOf(2)));
        }
        return Arbitraries.of(all);
    }

    @Property(tries = 2000)
    void documentedSizesAndOnlyThoseValidate(@ForAll("vcpus") BigDecimal vcpu, @ForAll("memories") BigDecimal gb) {
        FargateTask t = FargateTask.builder("t").vcpu(vcpu).memoryGb(gb).tasks(1).build();
        boolean valid = !FargateLimits.validate(t, PriceBook.bundled()).hasErrors();
        Statistics.label("documented").collect(documented(vcpu, gb));
        assertEquals(documented(vcpu, gb), valid, vcpu + " vCPU, " + gb + " GB");
        Statistics.label("documented").coverage(c -> {
            c.check(true).count(n -> n > 10); // about 70 of 2,000 expected
            c.check(false).count(n -> n > 1000);
        });
    }

    @Property(tries = 200)
    void windowsNeedsAtLeastOneVcpu(@ForAll("vcpus") BigDecimal vcpu, @ForAll("memories") BigDecimal gb) {
        FargateTask t = FargateTask.builder("t").vcpu(vcpu).memoryGb(gb).tasks(1).build().withOperatingSystem(OperatingSystem.WINDOWS);
        boolean valid = !FargateLimits.validate(t, PriceBook.bundled()).hasErrors();
        assertEquals(documented(vcpu, gb) && vcpu.compareTo(BigDecimal.ONE) >= 0, valid, vcpu + " vCPU, " + gb + " GB");
    }
}
