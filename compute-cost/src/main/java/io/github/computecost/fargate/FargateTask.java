package io.github.computecost.fargate;

import io.github.computecost.compute.Architecture;
import io.github.computecost.compute.OperatingSystem;
import io.github.computecost.compute.Calendar;
import io.github.computecost.service.Resource;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Fargate tasks of one size: either {@code tasks} running side by side for {@code hoursPerMonth} each, or
 * {@code runsPerMonth} short runs of {@code runDurationSeconds} each (where the minimum charge matters).
 *
 * @param name unique name within an estimate
 * @param region region code, or empty for the estimator's region
 * @param architecture x86_64 (default) or arm64
 * @param operatingSystem linux (default) or windows
 * @param vcpu vCPUs per task (0.25, 0.5, 1, 2, 4, 8, 16)
 * @param memoryGb memory per task in GB (GiB: 1024³ bytes, as AWS uses the word here)
 * @param ephemeralStorageGb ephemeral storage per task in GB, default 20 (included)
 * @param usage how long the tasks run
 * @param spot whether the tasks run on Fargate Spot
 */
public record FargateTask(String name, Optional<String> region, Architecture architecture,
        OperatingSystem operatingSystem, BigDecimal vcpu, BigDecimal memoryGb, int ephemeralStorageGb, Usage usage,
        boolean spot) implements Resource {

    /** Workload type name. */
    public static final String TYPE = "fargate";
    /** Hours in AWS's average month ({@link Calendar#HOURS_PER_MONTH}), the default running time. */
    public static final BigDecimal HOURS_PER_MONTH = Calendar.HOURS_PER_MONTH;

    /** How long tasks run in a month. */
    public sealed interface Usage permits Running, Runs {
    }

    /**
     * {@code tasks} tasks running side by side, each for {@code hoursPerMonth} (one start each).
     *
     * @param tasks at least 0
     * @param hoursPerMonth more than 0, at most {@link Calendar#MAX_HOURS_PER_MONTH}
     */
    public record Running(int tasks, BigDecimal hoursPerMonth) implements Usage {
        /**
         * Checks the components.
         *
         * @param tasks at least 0
         * @param hoursPerMonth more than 0, at most {@link Calendar#MAX_HOURS_PER_MONTH}
         */
        public Running {
            Objects.requireNonNull(hoursPerMonth, "hoursPerMonth");
            if (tasks < 0) {
                throw new IllegalArgumentException("tasks must not be negative: " + tasks);
            }
            if (!Calendar.isHoursInMonth(hoursPerMonth)) {
                throw new IllegalArgumentException(Calendar.hoursInMonthRule("hoursPerMonth", hoursPerMonth));
            }
        }
    }

    /**
     * {@code runsPerMonth} separate task runs of {@code runDurationSeconds} each.
     *
     * @param runsPerMonth at least 0
     * @param runDurationSeconds more than 0
     */
    public record Runs(long runsPerMonth, BigDecimal runDurationSeconds) implements Usage {
        /**
         * Checks the components.
         *
         * @param runsPerMonth at least 0
         * @param runDurationSeconds more than 0
         */
        public Runs {
            Objects.requireNonNull(runDurationSeconds, "runDurationSeconds");
            if (runsPerMonth < 0) {
                throw new IllegalArgumentException("runsPerMonth must not be negative: " + runsPerMonth);
            }
            if (runDurationSeconds.signum() <= 0) {
                throw new IllegalArgumentException("runDurationSeconds must be more than 0: "
                        + runDurationSeconds.toPlainString());
            }
        }
    }

    /**
     * Checks the components.
     *
     * @param name unique name within an estimate
     * @param region region code, or empty for the estimator's region
     * @param architecture x86_64 (default) or arm64
     * @param operatingSystem linux (default) or windows
     * @param vcpu vCPUs per task (0.25, 0.5, 1, 2, 4, 8, 16)
     * @param memoryGb memory per task in GB (GiB: 1024³ bytes, as AWS uses the word here)
     * @param ephemeralStorageGb ephemeral storage per task in GB, default 20 (included)
     * @param usage how long the tasks run
     * @param spot whether the tasks run on Fargate Spot
     */
    public FargateTask {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(operatingSystem, "operatingSystem");
        Objects.requireNonNull(vcpu, "vcpu");
        Objects.requireNonNull(memoryGb, "memoryGb");
        if (vcpu.signum() <= 0) {
            throw new IllegalArgumentException("vcpu must be more than 0: " + vcpu.toPlainString());
        }
        if (memoryGb.signum() <= 0) {
            throw new IllegalArgumentException("memoryGb must be more than 0: " + memoryGb.toPlainString());
        }
        if (ephemeralStorageGb <= 0) {
            throw new IllegalArgumentException("ephemeralStorageGb must be positive: " + ephemeralStorageGb);
        }
        Objects.requireNonNull(usage, "usage");
    }

    /**
     * @param name unique name within an estimate
     * @param vcpu vCPUs per task (0.25, 0.5, 1, 2, 4, 8, 16)
     * @param memoryGb memory per task in GB (GiB: 1024³ bytes, as AWS uses the word here)
     * @param tasks tasks running side by side, at least 0
     * @return a Linux/x86 on-demand task running all month ({@link Calendar#HOURS_PER_MONTH}), 20 GB storage
     * @deprecated positional arguments of one type are easy to swap: use {@code
     *     builder(name).vcpu(v).memoryGb(gb).tasks(n).build()}, the same defaults
     */
    @Deprecated
    public static FargateTask of(String name, BigDecimal vcpu, BigDecimal memoryGb, int tasks) {
        return builder(name).vcpu(vcpu).memoryGb(memoryGb).tasks(tasks).build();
    }

    /**
     * @param newRegion a region code such as {@code "eu-west-1"}
     * @return this task in {@code newRegion} (a region code, {@code "eu-west-1"})
     */
    public FargateTask withRegion(String newRegion) {
        Objects.requireNonNull(newRegion, "newRegion");
        return new FargateTask(name, Optional.of(newRegion), architecture, operatingSystem, vcpu, memoryGb,
                ephemeralStorageGb, usage, spot);
    }

    /**
     * @param a the CPU architecture
     * @return this task with another architecture
     */
    public FargateTask withArchitecture(Architecture a) {
        return new FargateTask(name, region, a, operatingSystem, vcpu, memoryGb, ephemeralStorageGb, usage, spot);
    }

    /**
     * @param os the operating system
     * @return this task with another operating system
     */
    public FargateTask withOperatingSystem(OperatingSystem os) {
        return new FargateTask(name, region, architecture, os, vcpu, memoryGb, ephemeralStorageGb, usage, spot);
    }

    /**
     * @param u how long the tasks run
     * @return this task with another usage
     */
    public FargateTask withUsage(Usage u) {
        return new FargateTask(name, region, architecture, operatingSystem, vcpu, memoryGb, ephemeralStorageGb, u, spot);
    }

    /**
     * @param newVcpu vCPUs per task (0.25, 0.5, 1, 2, 4, 8, 16)
     * @param newMemoryGb memory per task in GB (GiB: 1024³ bytes, as AWS uses the word here)
     * @return this task with another size
     */
    public FargateTask withSize(BigDecimal newVcpu, BigDecimal newMemoryGb) {
        return new FargateTask(name, region, architecture, operatingSystem, newVcpu, newMemoryGb, ephemeralStorageGb,
                usage, spot);
    }

    /**
     * @param gb ephemeral storage per task in GB, default 20 (included)
     * @return this task with another ephemeral storage size
     */
    public FargateTask withEphemeralStorageGb(int gb) {
        return new FargateTask(name, region, architecture, operatingSystem, vcpu, memoryGb, gb, usage, spot);
    }

    /**
     * @param onSpot whether the tasks run on Fargate Spot
     * @return this task on Fargate Spot or not
     */
    public FargateTask withSpot(boolean onSpot) {
        return new FargateTask(name, region, architecture, operatingSystem, vcpu, memoryGb, ephemeralStorageGb, usage,
                onSpot);
    }

    /**
     * @param name the resource's name, unique within an estimate
     * @return a builder of tasks: {@code vcpu} and {@code memoryGb} are required; one Linux/x86 on-demand task
     *     running all month, 20 GB of storage, by default
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds {@link FargateTask}s; the record checks the values when {@link #build} makes it. */
    public static final class Builder {
        private final String name;
        private Optional<String> region = Optional.empty();
        private Architecture architecture = Architecture.X86_64;
        private OperatingSystem operatingSystem = OperatingSystem.LINUX;
        private BigDecimal vcpu;
        private BigDecimal memoryGb;
        private int ephemeralStorageGb = 20;
        private Usage usage = new Running(1, HOURS_PER_MONTH);
        private boolean spot;

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
         * @param architecture x86_64 (default) or arm64
         * @return this builder
         */
        public Builder architecture(Architecture architecture) {
            this.architecture = architecture;
            return this;
        }

        /**
         * @param operatingSystem linux (default) or windows
         * @return this builder
         */
        public Builder operatingSystem(OperatingSystem operatingSystem) {
            this.operatingSystem = operatingSystem;
            return this;
        }

        /**
         * @param vcpu vCPUs per task (0.25 to 16)
         * @return this builder
         */
        public Builder vcpu(BigDecimal vcpu) {
            this.vcpu = vcpu;
            return this;
        }

        /**
         * @param memoryGb memory per task in GB (GiB, as AWS uses the word here)
         * @return this builder
         */
        public Builder memoryGb(BigDecimal memoryGb) {
            this.memoryGb = memoryGb;
            return this;
        }

        /**
         * @param ephemeralStorageGb ephemeral storage per task in GB (default 20, included)
         * @return this builder
         */
        public Builder ephemeralStorageGb(int ephemeralStorageGb) {
            this.ephemeralStorageGb = ephemeralStorageGb;
            return this;
        }

        /**
         * @param tasks tasks running side by side all month (default 1)
         * @return this builder
         */
        public Builder tasks(int tasks) {
            return running(tasks, HOURS_PER_MONTH);
        }

        /**
         * @param tasks tasks running side by side (default 1)
         * @param hoursPerMonth hours each runs in the month (default 730)
         * @return this builder
         */
        public Builder running(int tasks, BigDecimal hoursPerMonth) {
            this.usage = new Running(tasks, hoursPerMonth);
            return this;
        }

        /**
         * @param runsPerMonth separate runs in the month
         * @param eachRun how long each runs (billed per second, with the minimum)
         * @return this builder
         */
        public Builder runs(long runsPerMonth, java.time.Duration eachRun) {
            this.usage = new Runs(runsPerMonth, io.github.computecost.compute.Calendar.seconds(eachRun));
            return this;
        }

        /**
         * @param onSpot whether the tasks run on Fargate Spot (default no)
         * @return this builder
         */
        public Builder spot(boolean onSpot) {
            this.spot = onSpot;
            return this;
        }

        /**
         * @return the tasks
         * @throws IllegalArgumentException if a value is out of range, or vcpu or memoryGb was not given
         */
        public FargateTask build() {
            if (vcpu == null || memoryGb == null) {
                throw new IllegalArgumentException(name + ": a Fargate task needs vcpu and memoryGb");
            }
            return new FargateTask(name, region, architecture, operatingSystem, vcpu, memoryGb, ephemeralStorageGb,
                    usage, spot);
        }
    }
}
