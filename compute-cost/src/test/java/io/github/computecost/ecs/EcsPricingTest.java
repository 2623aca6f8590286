package io.github.computecost.ecs;

import static io.github.computecost.Decimals.assertDecimal;
import static io.github.computecost.Decimals.bd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.estimate.Estimator;
import io.github.computecost.estimate.ResourceEstimate;
import io.github.computecost.estimate.Services;
import io.github.computecost.limits.InvalidWorkloadException;
import io.github.computecost.limits.Violation;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.service.InstanceHours;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * ECS on EC2: tasks packed onto container instances. AWS publishes no worked example for ECS on EC2 (it charges
 * nothing itself); the figures are the packing rule's and EC2's bundled prices (m6i.large $0.096 an hour,
 * us-east-1).
 */
class EcsPricingTest {

    static final PriceBook BOOK = PriceBook.bundled();
    static final Estimator ESTIMATOR = Estimator.of(BOOK);
    static final InstanceHours INSTANCES = Services.instanceHours(BOOK).orElseThrow();
    static final EcsTables TABLES = BOOK.tables(EcsTables.SCHEMA);

    @Test
    void tasksArePackedByCpuAndMemoryAfterTheAgentsReservation() {
        // m6i.large: 2 vCPU = 2,048 CPU units, 8 GiB = 8,192 MiB, less 5 % (410 MiB, rounded up) = 7,782 MiB.
        EcsTasksOnEc2 s = EcsTasksOnEc2.builder("web").instanceType("m6i.large").taskCpuUnits(512).taskMemoryMib(1024).tasks(10).build();
        EcsPacking p = EcsPacking.of(s, INSTANCES.shape("m6i.large").orElseThrow(), TABLES);
        assertEquals(2048, p.cpuUnitsPerInstance());
        assertEquals(410, p.reservedMemoryMib());
        assertEquals(7782, p.memoryMibPerInstance());
        // CPU allows 4 tasks, memory 7: 4 per instance, 3 instances for 10 tasks.
        assertEquals(4, p.tasksPerInstance());
        assertEquals(3, p.instances());
        ResourceEstimate r = ESTIMATOR.estimate(List.of(s)).resource("web");
        assertEquals("BoxUsage:m6i.large", r.lineItems().get(0).usageType());
        assertDecimal("2190", r.lineItems().get(0).quantity());
        assertDecimal("210.24", r.monthlyCostExact());
        assertTrue(r.notes().get(0).contains("3 instances"), r.notes().toString());
    }

    @Test
    void memoryCanBeTheConstraintAndTheReservationTheUsersOwn() {
        // Tasks of no CPU reservation and 2,000 MiB: 3 fit in 7,782 MiB; with ECS_RESERVED_MEMORY = 0, 4 fit in 8,192.
        EcsTasksOnEc2 s = EcsTasksOnEc2.builder("mem").instanceType("m6i.large").taskCpuUnits(0).taskMemoryMib(2000).tasks(12).build();
        assertEquals(4, EcsPacking.of(s, INSTANCES.shape("m6i.large").orElseThrow(), TABLES).instances());
        EcsTasksOnEc2 own = s.withReservedMemoryMib(0);
        EcsPacking p = EcsPacking.of(own, INSTANCES.shape("m6i.large").orElseThrow(), TABLES);
        assertEquals(4, p.tasksPerInstance());
        assertEquals(3, p.instances());
        assertDecimal("210.24", ESTIMATOR.estimate(List.of(own)).totalExact());
    }

    @Test
    void aTaskThatFitsNoInstanceAndACpuOutsideTheRangeAreBothReported() {
        EcsTasksOnEc2 s = new EcsTasksOnEc2("big", Optional.empty(), "m6i.large", 100, 8000, 1, bd("730"),
                Optional.empty());
        InvalidWorkloadException e = assertThrows(InvalidWorkloadException.class,
                () -> ESTIMATOR.estimate(List.of(s)));
        assertEquals(List.of("ecs.task.cpu", "ecs.task.fit"), e.report().errors().stream().map(Violation::code)
                .toList());
        assertTrue(e.getMessage().contains("7782 MiB"), e.getMessage());
        EcsTasksOnEc2 unknown = EcsTasksOnEc2.builder("x").instanceType("m99.huge").taskCpuUnits(256).taskMemoryMib(512).tasks(1).build();
        assertEquals("ecs.instance-type", assertThrows(InvalidWorkloadException.class,
                () -> ESTIMATOR.estimate(List.of(unknown))).report().errors().get(0).code());
    }

    @Test
    void aRegionWithoutEc2PricesIsRefusedByName() {
        EcsTasksOnEc2 s = EcsTasksOnEc2.builder("web").instanceType("m6i.large").taskCpuUnits(512).taskMemoryMib(1024).tasks(1).build().withRegion("xx-nowhere-1");
        InvalidWorkloadException e = assertThrows(InvalidWorkloadException.class,
                () -> ESTIMATOR.estimate(List.of(s)));
        assertEquals("region.unknown", e.report().errors().get(0).code());
    }
}
