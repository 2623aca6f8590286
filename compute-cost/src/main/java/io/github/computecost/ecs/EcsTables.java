package io.github.computecost.ecs;

import io.github.computecost.pricing.Limit;
import io.github.computecost.pricing.TableBinder;
import io.github.computecost.pricing.TableSchema;
import java.math.BigDecimal;

/**
 * What ECS's checks and packing read from its table ({@code pricing-src/ecs.json}): the task limits of the EC2
 * launch type and the packing rules, each with its sources. ECS has no prices of its own.
 *
 * @param taskCpuUnits task-level CPU on EC2, CPU units (min and max)
 * @param cpuUnitsPerVcpu the CPU units of one vCPU
 * @param reservedMemoryShare the share of an instance's installed memory not packed by default
 */
public record EcsTables(Limit taskCpuUnits, BigDecimal cpuUnitsPerVcpu, BigDecimal reservedMemoryShare) {

    /** ECS's schema, bound on its table. */
    public static final TableSchema<EcsTables> SCHEMA = TableSchema.of(EcsOnEc2Service.TABLE, EcsTables::bind);

    private static EcsTables bind(TableBinder t) {
        return new EcsTables(t.range("taskCpuUnits"), t.positiveBillingRule("cpuUnitsPerVcpu"),
                t.billingRule("reservedMemoryShare"));
    }
}
