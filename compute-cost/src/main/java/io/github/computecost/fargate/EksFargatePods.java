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

    /** @return {@code pods} pods of these requests running all month */
    public static EksFargatePods of(String name, int pods, BigDecimal podVcpu, BigDecimal podMemoryMb) {
        return new EksFargatePods(name, Optional.empty(), pods, podVcpu, podMemoryMb, Calendar.HOURS_PER_MONTH);
    }

    /** @return these pods, {@code n} of them */
    public EksFargatePods withPods(int n) {
        return new EksFargatePods(name, region, n, podVcpu, podMemoryMb, hoursPerMonth);
    }

    /** @return these pods in {@code region} */
    public EksFargatePods withRegion(String region) {
        return new EksFargatePods(name, Optional.of(region), pods, podVcpu, podMemoryMb, hoursPerMonth);
    }
}
