package io.github.computecost.lambda;

import io.github.computecost.compute.Architecture;
import io.github.computecost.service.Resource;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An AWS Lambda function's configuration and monthly traffic.
 *
 * <p>A plain record: {@link LambdaService} prices it. The constructor checks physical validity only (names
 * present, no negative quantities). Whether AWS accepts the configuration (memory 128 to 10,240 MB, ...) is a
 * question for {@link LambdaLimits}; the estimator refuses configurations AWS would reject.
 *
 * <pre>{@code
 * LambdaFunction api = LambdaFunction.builder("orders-api")
 *         .architecture(Architecture.ARM64).memoryMb(512)
 *         .requestsPerMonth(3_000_000).averageDuration(Duration.ofMillis(120))
 *         .build();
 * }</pre>
 *
 * @param name unique name within an estimate
 * @param region region code, or empty for the estimator's region
 * @param architecture x86_64 (default) or arm64
 * @param memoryMb configured memory in MB (MiB, as AWS uses the word: GB-seconds = MB / 1024 × s)
 * @param ephemeralStorageMb configured /tmp in MB, default 512 (included in the price)
 * @param requestsPerMonth invocations per month
 * @param averageDurationMs average <em>billed</em> duration of one invocation in milliseconds, fractions
 *     allowed (see the package description for what that means)
 * @param provisionedConcurrency provisioned concurrency, if configured
 * @param snapStart SnapStart, if enabled
 * @param runtime the Lambda runtime identifier ({@code "python3.12"}, {@code "java21"}), if known; decides
 *     whether SnapStart is charged
 * @param configuration settings checked against AWS's limits (timeout, package sizes, peak traffic, ...)
 * @param coldStarts cold starts and their INIT phase, billed as duration (since 2025-08-01), if given
 * @param durable durable executions (operations, data written and retained), if it is a durable function
 * @param managedInstances the EC2 instances it runs on, if it is on Lambda Managed Instances (then it has no
 *     duration charge)
 */
public record LambdaFunction(String name, Optional<String> region, Architecture architecture, int memoryMb,
        int ephemeralStorageMb, long requestsPerMonth, BigDecimal averageDurationMs,
        Optional<ProvisionedConcurrency> provisionedConcurrency, Optional<SnapStart> snapStart,
        Optional<String> runtime, LambdaConfiguration configuration, Optional<ColdStarts> coldStarts,
        Optional<DurableExecutions> durable, Optional<ManagedInstances> managedInstances) implements Resource {

    /** Workload type name, as in workload files. */
    public static final String TYPE = "lambda";
    /** Default /tmp size in MB. */
    public static final int DEFAULT_EPHEMERAL_STORAGE_MB = 512;

    /**
     * Checks the components.
     *
     * @param name unique name within an estimate
     * @param region region code, or empty for the estimator's region
     * @param architecture x86_64 (default) or arm64
     * @param memoryMb configured memory in MB (MiB, as AWS uses the word: GB-seconds = MB / 1024 × s)
     * @param ephemeralStorageMb configured /tmp in MB, default 512 (included in the price)
     * @param requestsPerMonth invocations per month
     * @param averageDurationMs average <em>billed</em> duration of one invocation in milliseconds, fractions allowed
     *     (see the package description for what that means)
     * @param provisionedConcurrency provisioned concurrency, if configured
     * @param snapStart SnapStart, if enabled
     * @param runtime the Lambda runtime identifier ({@code "python3.12"}, {@code "java21"}), if known; decides whether
     *     SnapStart is charged
     * @param configuration settings checked against AWS's limits (timeout, package sizes, peak traffic, ...)
     * @param coldStarts cold starts and their INIT phase, billed as duration (since 2025-08-01), if given
     * @param durable durable executions (operations, data written and retained), if it is a durable function
     * @param managedInstances the EC2 instances it runs on, if it is on Lambda Managed Instances (then it has no
     *     duration charge)
     */
    public LambdaFunction {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(architecture, "architecture");
        if (memoryMb <= 0) {
            throw new IllegalArgumentException("memoryMb must be positive: " + memoryMb);
        }
        if (ephemeralStorageMb <= 0) {
            throw new IllegalArgumentException("ephemeralStorageMb must be positive: " + ephemeralStorageMb);
        }
        if (requestsPerMonth < 0) {
            throw new IllegalArgumentException("requestsPerMonth must not be negative: " + requestsPerMonth);
        }
        Objects.requireNonNull(averageDurationMs, "averageDurationMs");
        if (averageDurationMs.signum() < 0) {
            throw new IllegalArgumentException("durationMs must not be negative: " + averageDurationMs.toPlainString());
        }
        Objects.requireNonNull(provisionedConcurrency, "provisionedConcurrency");
        Objects.requireNonNull(snapStart, "snapStart");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(coldStarts, "coldStarts");
        Objects.requireNonNull(durable, "durable");
        Objects.requireNonNull(managedInstances, "managedInstances");
    }

    /**
     * @param name unique name within an estimate
     * @return a builder with AWS's defaults: x86_64, 128 MB memory, 512 MB /tmp, no traffic
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return a builder holding this function's values */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.region = region;
        b.architecture = architecture;
        b.memoryMb = memoryMb;
        b.ephemeralStorageMb = ephemeralStorageMb;
        b.requestsPerMonth = requestsPerMonth;
        b.averageDurationMs = averageDurationMs;
        b.provisionedConcurrency = provisionedConcurrency;
        b.snapStart = snapStart;
        b.runtime = runtime;
        b.configuration = configuration;
        b.coldStarts = coldStarts;
        b.durable = durable;
        b.managedInstances = managedInstances;
        return b;
    }

    /**
     * @param newName the other name
     * @return a copy of this function under another name
     */
    public LambdaFunction withName(String newName) {
        return toBuilder().renamed(newName).build();
    }

    /** Builds a {@link LambdaFunction}. Not thread-safe; each setter checks its value at once. */
    public static final class Builder {
        private String name;
        private Optional<String> region = Optional.empty();
        private Architecture architecture = Architecture.X86_64;
        private int memoryMb = 128;
        private int ephemeralStorageMb = DEFAULT_EPHEMERAL_STORAGE_MB;
        private long requestsPerMonth;
        private BigDecimal averageDurationMs = BigDecimal.ZERO;
        private Optional<ProvisionedConcurrency> provisionedConcurrency = Optional.empty();
        private Optional<SnapStart> snapStart = Optional.empty();
        private Optional<String> runtime = Optional.empty();
        private LambdaConfiguration configuration = LambdaConfiguration.NONE;
        private Optional<ColdStarts> coldStarts = Optional.empty();
        private Optional<DurableExecutions> durable = Optional.empty();
        private Optional<ManagedInstances> managedInstances = Optional.empty();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * @param region region code such as {@code "eu-west-1"}
         * @return this builder
         */
        public Builder region(String region) {
            this.region = Optional.of(Objects.requireNonNull(region, "region"));
            return this;
        }

        /**
         * @param architecture x86_64 or arm64
         * @return this builder
         */
        public Builder architecture(Architecture architecture) {
            this.architecture = Objects.requireNonNull(architecture, "architecture");
            return this;
        }

        /**
         * @param memoryMb configured memory in MB
         * @return this builder
         */
        public Builder memoryMb(int memoryMb) {
            this.memoryMb = memoryMb;
            return this;
        }

        /**
         * @param ephemeralStorageMb configured /tmp in MB
         * @return this builder
         */
        public Builder ephemeralStorageMb(int ephemeralStorageMb) {
            this.ephemeralStorageMb = ephemeralStorageMb;
            return this;
        }

        /**
         * @param requestsPerMonth invocations per month
         * @return this builder
         */
        public Builder requestsPerMonth(long requestsPerMonth) {
            this.requestsPerMonth = requestsPerMonth;
            return this;
        }

        /**
         * @param averageDurationMs average billed duration per invocation, in ms
         * @return this builder
         */
        public Builder averageDurationMs(BigDecimal averageDurationMs) {
            this.averageDurationMs = Objects.requireNonNull(averageDurationMs, "averageDurationMs");
            return this;
        }

        /**
         * @param averageDuration average billed duration per invocation (nanosecond precision kept)
         * @return this builder
         */
        public Builder averageDuration(Duration averageDuration) {
            Objects.requireNonNull(averageDuration, "averageDuration");
            if (averageDuration.isNegative()) {
                throw new IllegalArgumentException("averageDuration must not be negative: " + averageDuration);
            }
            this.averageDurationMs = io.github.computecost.compute.Calendar.millis(averageDuration);
            return this;
        }

        /**
         * @param pc provisioned concurrency
         * @return this builder
         */
        public Builder provisionedConcurrency(ProvisionedConcurrency pc) {
            this.provisionedConcurrency = Optional.of(Objects.requireNonNull(pc, "provisionedConcurrency"));
            return this;
        }

        /**
         * @param snapStart SnapStart configuration
         * @return this builder
         */
        public Builder snapStart(SnapStart snapStart) {
            this.snapStart = Optional.of(Objects.requireNonNull(snapStart, "snapStart"));
            return this;
        }

        /**
         * @param runtime Lambda runtime identifier, {@code "python3.12"}
         * @return this builder
         */
        public Builder runtime(String runtime) {
            this.runtime = Optional.of(Objects.requireNonNull(runtime, "runtime"));
            return this;
        }

        /**
         * @param configuration settings checked against AWS's limits
         * @return this builder
         */
        public Builder configuration(LambdaConfiguration configuration) {
            this.configuration = Objects.requireNonNull(configuration, "configuration");
            return this;
        }

        /**
         * @param timeoutSeconds the configured timeout in seconds
         * @return this builder
         */
        public Builder timeoutSeconds(int timeoutSeconds) {
            this.configuration = configuration.toBuilder().timeoutSeconds(timeoutSeconds).build();
            return this;
        }

        /**
         * @param rps the peak request rate, requests per second
         * @return this builder
         */
        public Builder peakRequestsPerSecond(BigDecimal rps) {
            this.configuration = configuration.toBuilder().peakRequestsPerSecond(rps).build();
            return this;
        }

        private Builder renamed(String newName) {
            this.name = Objects.requireNonNull(newName, "name");
            return this;
        }

        /**
         * @param coldStarts cold starts and their INIT phase, billed as duration
         * @return this builder
         */
        public Builder coldStarts(ColdStarts coldStarts) {
            this.coldStarts = Optional.of(Objects.requireNonNull(coldStarts, "coldStarts"));
            return this;
        }

        /**
         * @param durable the durable executions of a durable function
         * @return this builder
         */
        public Builder durable(DurableExecutions durable) {
            this.durable = Optional.of(Objects.requireNonNull(durable, "durable"));
            return this;
        }

        /**
         * @param managedInstances the EC2 instances of a function on Lambda Managed Instances
         * @return this builder
         */
        public Builder managedInstances(ManagedInstances managedInstances) {
            this.managedInstances = Optional.of(Objects.requireNonNull(managedInstances, "managedInstances"));
            return this;
        }

        /** @return the function */
        public LambdaFunction build() {
            return new LambdaFunction(name, region, architecture, memoryMb, ephemeralStorageMb, requestsPerMonth,
                    averageDurationMs, provisionedConcurrency, snapStart, runtime, configuration, coldStarts, durable,
                    managedInstances);
        }
    }
}
