package io.github.computecost.ecs;

import io.github.computecost.compute.Calendar;
import io.github.computecost.service.Resource;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * An Amazon ECS service (or a set of identical tasks) on EC2 container instances of one type.
 *
 * @param name unique name within an estimate
 * @param region region code, or empty for the estimator's region
 * @param instanceType the container instances' EC2 type, {@code "m6i.large"}
 * @param taskCpuUnits CPU units one task reserves (1,024 = 1 vCPU), 0 when the task reserves none (the CPU is then
 *     not a packing constraint)
 * @param taskMemoryMib memory one task reserves, MiB, at least 1
 * @param tasks tasks running side by side, at least 1
 * @param hoursPerMonth hours the instances run in the month, more than 0 and at most 744 (default 730)
 * @param reservedMemoryMib memory per instance not packed, MiB (the agent's {@code ECS_RESERVED_MEMORY} and the
 *     system's share); empty for the default, 5 % of the instance's installed memory
 */
public record EcsTasksOnEc2(String name, Optional<String> region, String instanceType, int taskCpuUnits,
        int taskMemoryMib, int tasks, BigDecimal hoursPerMonth, Optional<Integer> reservedMemoryMib)
        implements Resource {

    /** Workload type name. */
    public static final String TYPE = "ecs-ec2";

    /**
     * Checks the components.
     *
     * @param name unique name within an estimate
     * @param region region code, or empty for the estimator's region
     * @param instanceType the container instances' EC2 type, {@code "m6i.large"}
     * @param taskCpuUnits CPU units one task reserves (1,024 = 1 vCPU), 0 when the task reserves none (the CPU is then
     *     not a packing constraint)
     * @param taskMemoryMib memory one task reserves, MiB, at least 1
     * @param tasks tasks running side by side, at least 1
     * @param hoursPerMonth hours the instances run in the month, more than 0 and at most 744 (default 730)
     * @param reservedMemoryMib memory per instance not packed, MiB (the agent's {@code ECS_RESERVED_MEMORY} and the
     *     system's share); empty for the default, 5 % of the instance's installed memory
     */
    public EcsTasksOnEc2 {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(instanceType, "instanceType");
        Objects.requireNonNull(hoursPerMonth, "hoursPerMonth");
        Objects.requireNonNull(reservedMemoryMib, "reservedMemoryMib");
        if (taskCpuUnits < 0) {
            throw new IllegalArgumentException("taskCpuUnits must not be negative: " + taskCpuUnits);
        }
        if (taskMemoryMib < 1) {
            throw new IllegalArgumentException("taskMemoryMib must be at least 1: " + taskMemoryMib);
        }
        if (tasks < 1) {
            throw new IllegalArgumentException("tasks must be at least 1: " + tasks);
        }
        if (!Calendar.isHoursInMonth(hoursPerMonth)) {
            throw new IllegalArgumentException(Calendar.hoursInMonthRule("hoursPerMonth", hoursPerMonth));
        }
        reservedMemoryMib.ifPresent(m -> {
            if (m < 0) {
                throw new IllegalArgumentException("reservedMemoryMib must not be negative: " + m);
            }
        });
    }

    /**
     * @param name unique name within an estimate
     * @param instanceType the container instances' EC2 type, {@code "m6i.large"}
     * @param cpuUnits CPU units one task reserves (1,024 = 1 vCPU), 0 when it reserves none
     * @param memoryMib memory one task reserves, MiB, at least 1
     * @param tasks tasks running side by side, at least 1
     * @return {@code tasks} tasks of {@code cpuUnits} and {@code memoryMib} on {@code instanceType}, all month
     * @deprecated positional arguments of one type are easy to swap: use {@code
     *     builder(name).instanceType(type).taskCpuUnits(cpu).taskMemoryMib(mib).tasks(n).build()}, the same defaults
     */
    @Deprecated
    public static EcsTasksOnEc2 of(String name, String instanceType, int cpuUnits, int memoryMib, int tasks) {
        return builder(name).instanceType(instanceType).taskCpuUnits(cpuUnits).taskMemoryMib(memoryMib).tasks(tasks)
                .build();
    }

    /**
     * @param region a region code such as {@code "eu-west-1"}
     * @return these tasks in {@code region}
     */
    public EcsTasksOnEc2 withRegion(String region) {
        return new EcsTasksOnEc2(name, Optional.of(region), instanceType, taskCpuUnits, taskMemoryMib, tasks,
                hoursPerMonth, reservedMemoryMib);
    }

    /**
     * @param mib memory per instance kept for the agent and the system, in MiB
     * @return these tasks with {@code mib} MiB per instance not packed
     */
    public EcsTasksOnEc2 withReservedMemoryMib(int mib) {
        return new EcsTasksOnEc2(name, region, instanceType, taskCpuUnits, taskMemoryMib, tasks, hoursPerMonth,
                Optional.of(mib));
    }

    /**
     * @param name the resource's name, unique within an estimate
     * @return a builder of tasks: {@code instanceType}, {@code taskCpuUnits} and {@code taskMemoryMib} required, the rest
     *     as the constants and {@code of(…)} default them
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds {@link EcsTasksOnEc2}s; the record checks the values when {@link #build} makes it. */
    public static final class Builder {
        private final String name;
        private Optional<String> region = Optional.empty();
        private String instanceType;
        private Integer taskCpuUnits;
        private Integer taskMemoryMib;
        private int tasks = 1;
        private BigDecimal hoursPerMonth = Calendar.HOURS_PER_MONTH;
        private Optional<Integer> reservedMemoryMib = Optional.empty();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * @param region the region code; default the workload's
         * @return this builder
         */
        public Builder region(String region) {
            this.region = Optional.of(region);
            return this;
        }

        /**
         * @param instanceType the container instances' EC2 type
         * @return this builder
         */
        public Builder instanceType(String instanceType) {
            this.instanceType = instanceType;
            return this;
        }

        /**
         * @param taskCpuUnits CPU units per task (1,024 a vCPU)
         * @return this builder
         */
        public Builder taskCpuUnits(int taskCpuUnits) {
            this.taskCpuUnits = taskCpuUnits;
            return this;
        }

        /**
         * @param taskMemoryMib memory per task in MiB
         * @return this builder
         */
        public Builder taskMemoryMib(int taskMemoryMib) {
            this.taskMemoryMib = taskMemoryMib;
            return this;
        }

        /**
         * @param tasks tasks running side by side (default 1)
         * @return this builder
         */
        public Builder tasks(int tasks) {
            this.tasks = tasks;
            return this;
        }

        /**
         * @param hoursPerMonth hours they run in the month (default 730)
         * @return this builder
         */
        public Builder hoursPerMonth(BigDecimal hoursPerMonth) {
            this.hoursPerMonth = hoursPerMonth;
            return this;
        }

        /**
         * @param reservedMemoryMib memory each instance keeps for itself, in MiB (default ECS's)
         * @return this builder
         */
        public Builder reservedMemoryMib(int reservedMemoryMib) {
            this.reservedMemoryMib = Optional.of(reservedMemoryMib);
            return this;
        }


        /**
         * @return the tasks
         * @throws IllegalArgumentException if a value is out of range, or a required setting was not given
         */
        public EcsTasksOnEc2 build() {
            if (instanceType == null || taskCpuUnits == null || taskMemoryMib == null) {
                throw new IllegalArgumentException(name + ": ECS tasks on EC2 need instanceType, taskCpuUnits and "
                        + "taskMemoryMib");
            }
            return new EcsTasksOnEc2(name, region, instanceType, taskCpuUnits, taskMemoryMib, tasks, hoursPerMonth,
                    reservedMemoryMib);
        }
    }
}
