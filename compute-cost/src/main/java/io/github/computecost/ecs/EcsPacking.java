package io.github.computecost.ecs;

import io.github.computecost.service.InstanceHours.InstanceShape;

/**
 * How a service's tasks fit onto instances of one type: what one instance offers, how many tasks it holds, and how
 * many instances the service needs. Exact: CPU units and MiB are whole numbers, the instances a ceiling.
 *
 * @param cpuUnitsPerInstance the CPU units one instance offers (vCPUs × 1,024)
 * @param memoryMibPerInstance the MiB one instance offers tasks (installed less the reservation, whole MiB)
 * @param reservedMemoryMib the MiB per instance not packed
 * @param tasksPerInstance tasks one instance holds, 0 when one task does not fit
 * @param instances the instances the service needs, 0 when one task does not fit
 */
public record EcsPacking(long cpuUnitsPerInstance, long memoryMibPerInstance, long reservedMemoryMib,
        long tasksPerInstance, long instances) {

    /**
     * @param s the tasks
     * @param shape the instance type's vCPUs and memory
     * @param t the ECS tables (the memory the agent reserves, the ENI rules)
     * @return the packing of the tasks on the shape, under the table's rules
     */
    public static EcsPacking of(EcsTasksOnEc2 s, InstanceShape shape, EcsTables t) {
        long reserved = s.reservedMemoryMib().map(Integer::longValue)
                .orElseGet(() -> shape.reservedMib(t.reservedMemoryShare()));
        long perInstance = shape.holds(s.taskCpuUnits(), s.taskMemoryMib(), t.cpuUnitsPerVcpu(), reserved);
        long instances = perInstance == 0 ? 0 : (s.tasks() + perInstance - 1) / perInstance;
        return new EcsPacking(shape.cpuUnits(t.cpuUnitsPerVcpu()), shape.memoryMibFor(reserved), reserved, perInstance,
                instances);
    }

    /** @return whether one task fits on one instance */
    public boolean fits() {
        return tasksPerInstance > 0;
    }
}
