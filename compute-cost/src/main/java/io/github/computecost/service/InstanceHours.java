package io.github.computecost.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Instances rented by the hour, as the one service that rents them (EC2) offers them to the services that run on
 * them: ECS tasks bin-packed onto container instances, AWS Batch jobs on EC2, Lambda Managed Instances. Those
 * services ask their {@link ServiceContext#instances()} for it, and so name neither EC2's table nor its usage types.
 */
public interface InstanceHours {

    /** @return the AWS service code of the table that prices the hours (EC2's) */
    String table();

    /**
     * @param instanceType AWS's name, {@code "m7g.xlarge"}
     * @return its shape, or empty when the catalog lacks the type or no source gives its vCPUs and memory
     */
    Optional<InstanceShape> shape(String instanceType);

    /** @return every type whose shape a source gives, in the catalog's order */
    List<InstanceShape> shapes();

    /**
     * The hours EC2 bills for runs of one instance: each run rounded up to a whole second and to at least EC2's
     * minimum, the total turned into hours as EC2's meter does.
     *
     * @param secondsEach seconds one run lasts, more than 0
     * @param runs instance runs, at least 0
     * @return billed instance-hours
     */
    BigDecimal billedHours(BigDecimal secondsEach, long runs);

    /**
     * The shape of one instance type, as the sourced catalog gives it.
     *
     * @param type AWS's name, {@code "m7g.xlarge"}
     * @param vcpu vCPUs
     * @param memoryGib installed memory, GiB (1 GiB = 1,024 MiB)
     * @param architecture {@code x86_64} or {@code arm64}, where a source says
     * @param gpus GPUs (0 where a source says none or says nothing)
     * @param linuxUsageType the usage type its Linux on-demand hours are billed under, {@code BoxUsage:m7g.xlarge}
     */
    record InstanceShape(String type, BigDecimal vcpu, BigDecimal memoryGib, Optional<String> architecture,
            BigDecimal gpus, String linuxUsageType) {
        /**
         * Checks the components.
         *
         * @param type AWS's name, {@code "m7g.xlarge"}
         * @param vcpu vCPUs
         * @param memoryGib installed memory, GiB (1 GiB = 1,024 MiB)
         * @param architecture {@code x86_64} or {@code arm64}, where a source says
         * @param gpus GPUs (0 where a source says none or says nothing)
         * @param linuxUsageType the usage type its Linux on-demand hours are billed under, {@code BoxUsage:m7g.xlarge}
         */
        public InstanceShape {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(vcpu, "vcpu");
            Objects.requireNonNull(memoryGib, "memoryGib");
            Objects.requireNonNull(architecture, "architecture");
            Objects.requireNonNull(gpus, "gpus");
            Objects.requireNonNull(linuxUsageType, "linuxUsageType");
        }

        /** @return installed memory in MiB, exact */
        public BigDecimal memoryMib() {
            return memoryGib.multiply(BigDecimal.valueOf(1024));
        }

        /**
         * @param cpuUnitsPerVcpu CPU units per vCPU (1,024 for ECS)
         * @return the CPU units (or shares) it offers: its vCPUs times {@code cpuUnitsPerVcpu}, whole units
         */
        public long cpuUnits(BigDecimal cpuUnitsPerVcpu) {
            return vcpu.multiply(cpuUnitsPerVcpu).setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
        }

        /**
         * @param share the share of installed memory kept back, from 0 to 1
         * @return the MiB kept back from tasks when {@code share} of its installed memory is, rounded up
         */
        public long reservedMib(BigDecimal share) {
            return memoryMib().multiply(share).setScale(0, java.math.RoundingMode.CEILING).longValueExact();
        }

        /**
         * @param reservedMemoryMib MiB kept back from tasks
         * @return the whole MiB it offers tasks after {@code reservedMemoryMib} is kept back, at least 0
         */
        public long memoryMibFor(long reservedMemoryMib) {
            return Math.max(0, memoryMib().setScale(0, java.math.RoundingMode.FLOOR).longValueExact()
                    - reservedMemoryMib);
        }

        /**
         * How many identical tasks (or jobs) one instance of this shape holds side by side: as many as both its CPU
         * and its memory allow.
         *
         * @param cpuUnits CPU units one task reserves, 0 for none (the CPU is then no constraint)
         * @param memoryMib MiB one task reserves, at least 1
         * @param cpuUnitsPerVcpu the CPU units of one vCPU (1,024 for ECS and Batch)
         * @param reservedMemoryMib MiB of the instance not given to tasks
         * @return the tasks one instance holds, 0 when one does not fit
         */
        public long holds(long cpuUnits, long memoryMib, BigDecimal cpuUnitsPerVcpu, long reservedMemoryMib) {
            long byMemory = memoryMibFor(reservedMemoryMib) / memoryMib;
            return cpuUnits == 0 ? byMemory : Math.min(byMemory, cpuUnits(cpuUnitsPerVcpu) / cpuUnits);
        }
    }
}
