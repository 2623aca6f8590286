package io.github.computecost.fargate;

import io.github.computecost.compute.Calendar;
import io.github.computecost.service.Resource;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Kubernetes pods of one shape that an Amazon EKS Fargate profile runs, each on its own Fargate capacity: billed
 * as Fargate bills a task of the size Fargate rounds the pod's requests up to (Linux, x86_64; EKS pods have no Arm,
 * Windows or Spot on Fargate).
 *
 * @param name unique name within an estimate
 * @param region region code, or empty for the estimator's region
 * @param pods pods running side by side, at least 0
 * @param podVcpu a pod's vCPU request: the larger of its largest init container's and the sum of its long-running
 *     containers' (Kubernetes {@code requests.cpu}, {@code 500m} = 0.5)
 * @param podMemoryMb a pod's memory request, MB (MiB: Kubernetes {@code 512Mi} = 512), the same way
 * @param hoursPerMonth the hours each pod runs in the month (default 730)
 */
public record EksFargatePods(String name, Optional<String> region, int pods, BigDecimal podVcpu,
        BigDecimal podMemoryMb, BigDecimal hoursPerMonth) implements Resource {

    /** Workload type name. */
    public static final String TYPE = "eks-fargate";

    /**
     * Checks the components.
     *
     * @param name unique name within an estimate
     * @param region region code, or empty for the estimator's region
     * @param pods pods running side by side, at least 0
     * @param podVcpu a pod's vCPU request: the larger of its largest init container's and the sum of its long-running
     *     containers' (Kubernetes {@code requests.cpu}, {@code 500m} = 0.5)
     * @param podMemoryMb a pod's memory request, MB (MiB: Kubernetes {@code 512Mi} = 512), the same way
     * @param hoursPerMonth the hours each pod runs in the month (default 730)
     */
    public EksFargatePods {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Objects.requireNonNull(region, "region");
        if (pods < 0) {
            throw new IllegalArgumentException("pods must not be negative: " + pods);
        }
        Objects.requireNonNull(podVcpu, "podVcpu");
        Objects.requireNonNull(podMemoryMb, "podMemoryMb");
        if (podVcpu.signum() < 0 || podMemoryMb.signum() < 0) {
            throw new IllegalArgumentException("pod requests must not be negative");
        }
        Objects.requireNonNull(hoursPerMonth, "hoursPerMonth");
        if (!Calendar.isHoursInMonth(hoursPerMonth)) {
            throw new IllegalArgumentException(Calendar.hoursInMonthRule("hoursPerMonth", hoursPerMonth));
        }
    }

    /**
     * @param name unique name within an estimate
     * @param podVcpu a pod's vCPU request: the larger of its largest init container's and the sum of its long-running
     *     containers' (Kubernetes {@code requests.cpu}, {@code 500m} = 0.5)
     * @param podMemoryMb a pod's memory request, MB (MiB: Kubernetes {@code 512Mi} = 512), the same way
     * @param pods pods running side by side, at least 0
     * @return {@code pods} pods of these requests running all month
     * @deprecated positional arguments of one type are easy to swap: use {@code
     *     builder(name).pods(n).podVcpu(v).podMemoryMb(mb).build()}, the same defaults
     */
    @Deprecated
    public static EksFargatePods of(String name, int pods, BigDecimal podVcpu, BigDecimal podMemoryMb) {
        return builder(name).pods(pods).podVcpu(podVcpu).podMemoryMb(podMemoryMb).build();
    }

    /**
     * @param n pods running side by side, at least 0
     * @return these pods, {@code n} of them
     */
    public EksFargatePods withPods(int n) {
        return new EksFargatePods(name, region, n, podVcpu, podMemoryMb, hoursPerMonth);
    }

    /**
     * @param region a region code such as {@code "eu-west-1"}
     * @return these pods in {@code region}
     */
    public EksFargatePods withRegion(String region) {
        return new EksFargatePods(name, Optional.of(region), pods, podVcpu, podMemoryMb, hoursPerMonth);
    }

    /**
     * @param name the resource's name, unique within an estimate
     * @return a builder of pods: {@code podVcpu}, {@code podMemoryMb} required, the rest
     *     as the constants and {@code of(…)} default them
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds {@link EksFargatePods}s; the record checks the values when {@link #build} makes it. */
    public static final class Builder {
        private final String name;
        private Optional<String> region = Optional.empty();
        private int pods = 1;
        private BigDecimal podVcpu;
        private BigDecimal podMemoryMb;
        private BigDecimal hoursPerMonth = Calendar.HOURS_PER_MONTH;

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
         * @param pods pods running side by side (default 1)
         * @return this builder
         */
        public Builder pods(int pods) {
            this.pods = pods;
            return this;
        }

        /**
         * @param podVcpu vCPUs each pod requests
         * @return this builder
         */
        public Builder podVcpu(BigDecimal podVcpu) {
            this.podVcpu = podVcpu;
            return this;
        }

        /**
         * @param podMemoryMb memory each pod requests, in MB (MiB, as Kubernetes counts it)
         * @return this builder
         */
        public Builder podMemoryMb(BigDecimal podMemoryMb) {
            this.podMemoryMb = podMemoryMb;
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
         * @return the pods
         * @throws IllegalArgumentException if a value is out of range, or podVcpu or podMemoryMb was not given
         */
        public EksFargatePods build() {
            if (podVcpu == null || podMemoryMb == null) {
                throw new IllegalArgumentException(name + ": EKS pods on Fargate need podVcpu and podMemoryMb");
            }
            return new EksFargatePods(name, region, pods, podVcpu, podMemoryMb, hoursPerMonth);
        }
    }
}
