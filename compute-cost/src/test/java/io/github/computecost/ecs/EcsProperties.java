package io.github.computecost.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.estimate.ResourceEstimate;
import io.github.computecost.estimate.Services;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.service.InstanceHours;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the ECS packing that any correct implementation keeps. */
class EcsProperties {

    static final PriceBook BOOK = PriceBook.bundled();
    static final Estimator ESTIMATOR = Estimator.of(BOOK);
    static final InstanceHours INSTANCES = Services.instanceHours(BOOK).orElseThrow();
    static final EcsTables TABLES = BOOK.tables(EcsTables.SCHEMA);

    @Provide
    Arbitrary<EcsTasksOnEc2> services() {
        Arbitrary<String> type = Arbitraries.of("m6i.large", "m6i.4xlarge", "c7g.xlarge", "r6i.2xlarge", "t3.medium");
        Arbitrary<Integer> cpu = Arbitraries.of(0, 128, 256, 512, 1024, 2048);
        Arbitrary<Integer> memory = Arbitraries.integers().between(128, 3500);
        Arbitrary<Integer> tasks = Arbitraries.integers().between(1, 500);
        return Combinators.combine(type, cpu, memory, tasks).as((t, c, m, n) -> EcsTasksOnEc2.builder("s").instanceType(t).taskCpuUnits(c).taskMemoryMib(m).tasks(n).build());
    }

    @Property
    void theInstancesHoldEveryTaskAndNoneIsIdle(@ForAll("services") EcsTasksOnEc2 s) {
        EcsPacking p = EcsPacking.of(s, INSTANCES.shape(s.instanceType()).orElseThrow(), TABLES);
        assertTrue(p.fits());
        assertTrue(p.instances() * p.tasksPerInstance() >= s.tasks(), "every task has a place");
        assertTrue((p.instances() - 1) * p.tasksPerInstance() < s.tasks(), "no instance is needed less one");
        assertTrue(p.tasksPerInstance() * s.taskMemoryMib() <= p.memoryMibPerInstance());
        assertTrue(p.tasksPerInstance() * s.taskCpuUnits() <= p.cpuUnitsPerInstance());
    }

    @Property
    void costIsMonotoneInTasks(@ForAll("services") EcsTasksOnEc2 s, @ForAll @IntRange(max = 300) int more) {
        EcsTasksOnEc2 bigger = EcsTasksOnEc2.builder("s").instanceType(s.instanceType()).taskCpuUnits(s.taskCpuUnits()).taskMemoryMib(s.taskMemoryMib()).tasks(s.tasks() + more).build();
        assertTrue(ESTIMATOR.monthlyCostExact(bigger).compareTo(ESTIMATOR.monthlyCostExact(s)) >= 0);
    }

    @Property
    void moneyIsConservedAcrossServicesAndNeverNegative(@ForAll("services") EcsTasksOnEc2 a,
            @ForAll("services") EcsTasksOnEc2 b) {
        EcsTasksOnEc2 b2 = EcsTasksOnEc2.builder("t").instanceType(b.instanceType()).taskCpuUnits(b.taskCpuUnits()).taskMemoryMib(b.taskMemoryMib()).tasks(b.tasks()).build();
        Estimate e = ESTIMATOR.estimate(List.of(a, b2));
        BigDecimal sum = BigDecimal.ZERO;
        for (ResourceEstimate r : e.resources()) {
            assertTrue(r.monthlyCostExact().signum() >= 0);
            sum = sum.add(r.monthlyCostExact());
        }
        assertEquals(0, sum.compareTo(e.totalExact()));
        assertEquals(0, ESTIMATOR.monthlyCostExact(a).compareTo(e.resource("s").monthlyCostExact()),
                "EC2 has no tiers: alone or together, the same");
    }
}
