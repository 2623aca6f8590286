package io.github.computecost.batch;

import io.github.computecost.compute.Architecture;
import io.github.computecost.service.Resource;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An AWS Batch job definition's runs in a month.
 *
 * @param name unique name within an estimate
 * @param region region code, or empty for the estimator's region
 * @param platform the compute environment the jobs run in
 * @param architecture x86_64 or arm64 (on Fargate; on EC2 the instance type decides)
 * @param vcpu vCPUs per job (on EC2 a whole number, at least 1; on Fargate a Fargate size)
 * @param memoryMib memory per job, MiB, at least 4
 * @param submissionsPerMonth jobs submitted in the month, at least 0
 * @param arraySize child jobs per submission (an array job), 1 for a plain job
 * @param durationSeconds how long one (child) job runs, seconds, more than 0
 * @param instanceType the EC2 instance type, on EC2 and EC2 Spot
 * @param spotDiscountPercent the user's assumed Spot discount off on-demand, 0 to 100, on EC2 Spot
 * @param timeoutSeconds the job's timeout (attempt duration), seconds, if set
 */
public record BatchJobs(String name, Optional<String> region, Platform platform, Architecture architecture,
        BigDecimal vcpu, int memoryMib, long submissionsPerMonth, int arraySize, BigDecimal durationSeconds,
        Optional<String> instanceType, Optional<BigDecimal> spotDiscountPercent, Optional<Integer> timeoutSeconds)
        implements Resource {

    /** Workload type name. */
    public static final String TYPE = "batch";

    /** Where a compute environment runs its jobs. */
    public enum Platform {
        /** Fargate, on-demand. */
        FARGATE("fargate"),
        /** Fargate Spot. */
        FARGATE_SPOT("fargate-spot"),
        /** EC2 on-demand instances. */
        EC2("ec2"),
        /** EC2 Spot instances. */
        EC2_SPOT("ec2-spot");

        private final String key;

        Platform(String key) {
            this.key = key;
        }

        /** @return its name in workload files, {@code "fargate-spot"} */
        public String key() {
            return key;
        }

        /** @return whether the jobs run on EC2 instances */
        public boolean ec2() {
            return this == EC2 || this == EC2_SPOT;
        }

        /** @return whether the jobs run on spare capacity */
        public boolean spot() {
            return this == FARGATE_SPOT || this == EC2_SPOT;
        }

        /**
         * @param key {@code fargate}, {@code fargateSpot}, {@code ec2} or {@code ec2Spot}
         * @return the platform named {@code key} in a workload file
         */
        public static Platform parse(String key) {
            for (Platform p : values()) {
                if (p.key.equals(key.toLowerCase(Locale.ROOT))) {
                    return p;
                }
            }
            throw new IllegalArgumentException("must be one of fargate, fargate-spot, ec2, ec2-spot, was " + key);
        }
    }

    /**
     * Checks the components.
     *
     * @param name unique name within an estimate
     * @param region region code, or empty for the estimator's region
     * @param platform the compute environment the jobs run in
     * @param architecture x86_64 or arm64 (on Fargate; on EC2 the instance type decides)
     * @param vcpu vCPUs per job (on EC2 a whole number, at least 1; on Fargate a Fargate size)
     * @param memoryMib memory per job, MiB, at least 4
     * @param submissionsPerMonth jobs submitted in the month, at least 0
     * @param arraySize child jobs per submission (an array job), 1 for a plain job
     * @param durationSeconds how long one (child) job runs, seconds, more than 0
     * @param instanceType the EC2 instance type, on EC2 and EC2 Spot
     * @param spotDiscountPercent the user's assumed Spot discount off on-demand, 0 to 100, on EC2 Spot
     * @param timeoutSeconds the job's timeout (attempt duration), seconds, if set
     */
    public BatchJobs {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(vcpu, "vcpu");
        Objects.requireNonNull(durationSeconds, "durationSeconds");
        Objects.requireNonNull(instanceType, "instanceType");
        Objects.requireNonNull(spotDiscountPercent, "spotDiscountPercent");
        Objects.requireNonNull(timeoutSeconds, "timeoutSeconds");
        if (vcpu.signum() <= 0) {
            throw new IllegalArgumentException("vcpu must be more than 0: " + vcpu.toPlainString());
        }
        if (memoryMib < 1) {
            throw new IllegalArgumentException("memoryMib must be positive: " + memoryMib);
        }
        if (submissionsPerMonth < 0) {
            throw new IllegalArgumentException("submissionsPerMonth must not be negative: " + submissionsPerMonth);
        }
        if (arraySize < 1) {
            throw new IllegalArgumentException("arraySize must be at least 1: " + arraySize);
        }
        if (durationSeconds.signum() <= 0) {
            throw new IllegalArgumentException("durationSeconds must be more than 0: " + durationSeconds.toPlainString());
        }
        spotDiscountPercent.ifPresent(p -> {
            if (p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("spotDiscountPercent must be between 0 and 100: " + p.toPlainString());
            }
        });
    }

    /**
     * @param name unique name within an estimate
     * @param vcpu vCPUs per job (on EC2 a whole number, at least 1; on Fargate a Fargate size)
     * @param memoryMib memory per job, MiB, at least 4
     * @param submissions jobs submitted in the month, at least 0
     * @param durationSeconds how long one (child) job runs, seconds, more than 0
     * @return jobs of {@code vcpu} and {@code memoryMib} on Fargate (x86_64), {@code submissions} plain jobs a month
     * @deprecated positional arguments of one type are easy to swap: use {@code
     *     builder(name).vcpu(v).memoryMib(mib).submissionsPerMonth(n).durationSeconds(s).build()}, the same defaults
     */
    @Deprecated
    public static BatchJobs onFargate(String name, BigDecimal vcpu, int memoryMib, long submissions,
            BigDecimal durationSeconds) {
        return builder(name).vcpu(vcpu).memoryMib(memoryMib).submissionsPerMonth(submissions)
                .durationSeconds(durationSeconds).build();
    }

    /**
     * @param name unique name within an estimate
     * @param vcpu vCPUs per job (on EC2 a whole number, at least 1; on Fargate a Fargate size)
     * @param memoryMib memory per job, MiB, at least 4
     * @param submissions jobs submitted in the month, at least 0
     * @param durationSeconds how long one (child) job runs, seconds, more than 0
     * @param instanceType the EC2 instance type, on EC2 and EC2 Spot
     * @return jobs of {@code vcpu} and {@code memoryMib} on EC2 instances of {@code instanceType}, on-demand
     * @deprecated positional arguments of one type are easy to swap: use {@code
     *     builder(name).platform(Platform.EC2).instanceType(type).vcpu(v).memoryMib(mib).submissionsPerMonth(n).durationSeconds(s).build()},
     *     the same defaults
     */
    @Deprecated
    public static BatchJobs onEc2(String name, String instanceType, BigDecimal vcpu, int memoryMib, long submissions,
            BigDecimal durationSeconds) {
        return builder(name).platform(Platform.EC2).instanceType(instanceType).vcpu(vcpu).memoryMib(memoryMib)
                .submissionsPerMonth(submissions).durationSeconds(durationSeconds).build();
    }

    /**
     * @param r a region code
     * @return these jobs in that region
     */
    public BatchJobs withRegion(String r) {
        return new BatchJobs(name, Optional.of(r), platform, architecture, vcpu, memoryMib, submissionsPerMonth,
                arraySize, durationSeconds, instanceType, spotDiscountPercent, timeoutSeconds);
    }

    /**
     * @param size the children of each array job, from 2 to 10,000
     * @return these jobs as array jobs of {@code size} children each
     */
    public BatchJobs withArraySize(int size) {
        return new BatchJobs(name, region, platform, architecture, vcpu, memoryMib, submissionsPerMonth, size,
                durationSeconds, instanceType, spotDiscountPercent, timeoutSeconds);
    }

    /**
     * @param discountPercent the Spot discount the user assumes, in percent off on-demand (EC2 Spot only); empty for
     *     Fargate Spot's published prices
     * @return these jobs on Spot capacity ({@code discountPercent}: the user's assumption, for EC2 Spot)
     */
    public BatchJobs onSpot(Optional<BigDecimal> discountPercent) {
        return new BatchJobs(name, region, platform.ec2() ? Platform.EC2_SPOT : Platform.FARGATE_SPOT, architecture,
                vcpu, memoryMib, submissionsPerMonth, arraySize, durationSeconds, instanceType, discountPercent,
                timeoutSeconds);
    }

    /**
     * @param seconds the job timeout, in seconds
     * @return these jobs with a timeout of {@code seconds}
     */
    public BatchJobs withTimeoutSeconds(int seconds) {
        return new BatchJobs(name, region, platform, architecture, vcpu, memoryMib, submissionsPerMonth, arraySize,
                durationSeconds, instanceType, spotDiscountPercent, Optional.of(seconds));
    }

    /**
     * @param a the CPU architecture
     * @return these jobs on {@code a} (Fargate)
     */
    public BatchJobs withArchitecture(Architecture a) {
        return new BatchJobs(name, region, platform, a, vcpu, memoryMib, submissionsPerMonth, arraySize,
                durationSeconds, instanceType, spotDiscountPercent, timeoutSeconds);
    }

    /** @return the (child) jobs run in the month: submissions × array size */
    public BigDecimal jobsPerMonth() {
        return BigDecimal.valueOf(submissionsPerMonth).multiply(BigDecimal.valueOf(arraySize));
    }

    /**
     * @param name the resource's name, unique within an estimate
     * @return a builder of jobs: {@code vcpu}, {@code memoryMib} and {@code durationSeconds} required, the rest
     *     as the constants and {@code of(…)} default them
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds {@link BatchJobs}s; the record checks the values when {@link #build} makes it. */
    public static final class Builder {
        private final String name;
        private Optional<String> region = Optional.empty();
        private Platform platform = Platform.FARGATE;
        private Architecture architecture = Architecture.X86_64;
        private BigDecimal vcpu;
        private Integer memoryMib;
        private long submissionsPerMonth = 1;
        private int arraySize = 1;
        private BigDecimal durationSeconds;
        private Optional<String> instanceType = Optional.empty();
        private Optional<BigDecimal> spotDiscountPercent = Optional.empty();
        private Optional<Integer> timeoutSeconds = Optional.empty();

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
         * @param platform the capacity the jobs run on (default Fargate)
         * @return this builder
         */
        public Builder platform(Platform platform) {
            this.platform = platform;
            return this;
        }

        /**
         * @param architecture x86_64 (default) or arm64, on Fargate
         * @return this builder
         */
        public Builder architecture(Architecture architecture) {
            this.architecture = architecture;
            return this;
        }

        /**
         * @param vcpu vCPUs per job
         * @return this builder
         */
        public Builder vcpu(BigDecimal vcpu) {
            this.vcpu = vcpu;
            return this;
        }

        /**
         * @param memoryMib memory per job in MiB
         * @return this builder
         */
        public Builder memoryMib(int memoryMib) {
            this.memoryMib = memoryMib;
            return this;
        }

        /**
         * @param submissionsPerMonth jobs submitted in the month (default 1)
         * @return this builder
         */
        public Builder submissionsPerMonth(long submissionsPerMonth) {
            this.submissionsPerMonth = submissionsPerMonth;
            return this;
        }

        /**
         * @param arraySize children per submission, for array jobs (default 1)
         * @return this builder
         */
        public Builder arraySize(int arraySize) {
            this.arraySize = arraySize;
            return this;
        }

        /**
         * @param duration how long each (child) job runs
         * @return this builder
         */
        public Builder duration(java.time.Duration duration) {
            return durationSeconds(io.github.computecost.compute.Calendar.seconds(duration));
        }

        /**
         * @param durationSeconds how long each (child) job runs, in seconds, more than 0
         * @return this builder
         */
        public Builder durationSeconds(BigDecimal durationSeconds) {
            this.durationSeconds = durationSeconds;
            return this;
        }

        /**
         * @param instanceType the compute environment's instance type, on EC2
         * @return this builder
         */
        public Builder instanceType(String instanceType) {
            this.instanceType = Optional.of(instanceType);
            return this;
        }

        /**
         * @param spotDiscountPercent the user's assumed Spot discount, on EC2 Spot, 0 to 100
         * @return this builder
         */
        public Builder spotDiscountPercent(BigDecimal spotDiscountPercent) {
            this.spotDiscountPercent = Optional.of(spotDiscountPercent);
            return this;
        }

        /**
         * @param timeoutSeconds the job timeout in seconds, if any
         * @return this builder
         */
        public Builder timeoutSeconds(int timeoutSeconds) {
            this.timeoutSeconds = Optional.of(timeoutSeconds);
            return this;
        }


        /**
         * @return the jobs
         * @throws IllegalArgumentException if a value is out of range, or a required setting was not given
         */
        public BatchJobs build() {
            if (vcpu == null || memoryMib == null || durationSeconds == null) {
                throw new IllegalArgumentException(name + ": Batch jobs need vcpu, memoryMib and durationSeconds");
            }
            return new BatchJobs(name, region, platform, architecture, vcpu, memoryMib, submissionsPerMonth, arraySize,
                    durationSeconds, instanceType, spotDiscountPercent, timeoutSeconds);
        }
    }
}
