package io.github.computecost.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.compute.Architecture;
import io.github.computecost.compute.OperatingSystem;
import io.github.computecost.ec2.Ec2Instance;
import io.github.computecost.fargate.FargateTask;
import io.github.computecost.lightsail.LightsailInstance;
import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The builders of the API's grammar make the same resources as the records' constructors, and refuse what is missing. */
class BuildersTest {

    static final Estimator ESTIMATOR = Estimator.of(PriceBook.bundled());

    @Test
    void ec2() {
        Ec2Instance built = Ec2Instance.builder("app").instanceType("m5.large").count(2).region("us-east-1")
                .operatingSystem(OperatingSystem.WINDOWS).hoursPerMonth(new BigDecimal("100")).build();
        assertEquals(new Ec2Instance("app", Optional.of("us-east-1"), "m5.large", OperatingSystem.WINDOWS, 2,
                new BigDecimal("100"), Optional.empty()), built);
        assertEquals(Ec2Instance.of("app", "m5.large", 1), Ec2Instance.builder("app").instanceType("m5.large").build(),
                "one Linux instance all month by default");
        assertTrue(Ec2Instance.builder("b").instanceType("c5.xlarge").spot().build().spot());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> Ec2Instance.builder("x").build());
        assertTrue(none.getMessage().contains("instanceType"), none.getMessage());
    }

    @Test
    void fargate() {
        FargateTask built = FargateTask.builder("web").vcpu(BigDecimal.ONE).memoryGb(new BigDecimal("2"))
                .running(3, FargateTask.HOURS_PER_MONTH).build();
        assertEquals(FargateTask.of("web", BigDecimal.ONE, new BigDecimal("2"), 3), built);
        assertEquals(0, ESTIMATOR.monthlyCostExact(built).compareTo(ESTIMATOR.monthlyCostExact(
                FargateTask.of("web", BigDecimal.ONE, new BigDecimal("2"), 3))));
        FargateTask runs = FargateTask.builder("job").vcpu(BigDecimal.ONE).memoryGb(new BigDecimal("2"))
                .runs(3000, Duration.ofMillis(40_500)).architecture(Architecture.ARM64).spot(true).build();
        assertEquals(new FargateTask.Runs(3000, new BigDecimal("40.5")), runs.usage());
        assertTrue(runs.spot());
        assertThrows(IllegalArgumentException.class, () -> FargateTask.builder("x").vcpu(BigDecimal.ONE).build());
    }

    @Test
    void lightsail() {
        LightsailInstance built = LightsailInstance.builder("blog").bundle("medium_3_0").count(2)
                .dataTransferOutGb(new BigDecimal("5000")).build();
        assertEquals(LightsailInstance.of("blog", "medium_3_0", 2).withDataTransferGb(new BigDecimal("5000"),
                BigDecimal.ZERO), built);
        assertThrows(IllegalArgumentException.class, () -> LightsailInstance.builder("x").build());
    }
}
