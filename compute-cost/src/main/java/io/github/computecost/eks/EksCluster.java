package io.github.computecost.eks;

import io.github.computecost.compute.Calendar;
import io.github.computecost.service.Resource;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An Amazon EKS cluster's control plane for a month.
 *
 * @param name unique name within an estimate
 * @param region region code, or empty for the estimator's region
 * @param support whether its Kubernetes version is in {@link Support#STANDARD} or {@link Support#EXTENDED} support
 *     this month (a version is in standard support for 14 months after EKS releases it, then in extended support)
 * @param kubernetesVersion its Kubernetes version, if known ({@code "1.31"}), for the estimate's notes
 * @param hoursPerMonth the hours the cluster exists in the month (default 730)
 */
public record EksCluster(String name, Optional<String> region, Support support, Optional<String> kubernetesVersion,
        BigDecimal hoursPerMonth) implements Resource {

    /** Workload type name. */
    public static final String TYPE = "eks";

    /** The support a cluster's Kubernetes version is in, which sets its fee. */
    public enum Support {
        /** The version's first 14 months: the cluster fee alone. */
        STANDARD,
        /** The 12 months after: the cluster fee and the extended-support fee. */
        EXTENDED;

        /**
         * @param s {@code standard} or {@code extended}, any case
         * @return the support
         * @throws IllegalArgumentException naming the allowed values
         */
        public static Support parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("must be STANDARD or EXTENDED, was \"" + s + "\"");
            }
        }
    }

    /**
     * Checks the components.
     *
     * @param name unique name within an estimate
     * @param region region code, or empty for the estimator's region
     * @param support whether its Kubernetes version is in {@link Support#STANDARD} or {@link Support#EXTENDED} support
     *     this month (a version is in standard support for 14 months after EKS releases it, then in extended support)
     * @param kubernetesVersion its Kubernetes version, if known ({@code "1.31"}), for the estimate's notes
     * @param hoursPerMonth the hours the cluster exists in the month (default 730)
     */
    public EksCluster {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(support, "support");
        Objects.requireNonNull(kubernetesVersion, "kubernetesVersion");
        Objects.requireNonNull(hoursPerMonth, "hoursPerMonth");
        if (!Calendar.isHoursInMonth(hoursPerMonth)) {
            throw new IllegalArgumentException(Calendar.hoursInMonthRule("hoursPerMonth", hoursPerMonth));
        }
    }

    /**
     * @param name unique name within an estimate
     * @param support whether its Kubernetes version is in {@link Support#STANDARD} or {@link Support#EXTENDED} support
     *     this month (a version is in standard support for 14 months after EKS releases it, then in extended support)
     * @return a cluster in {@code support} all month
     */
    public static EksCluster of(String name, Support support) {
        return new EksCluster(name, Optional.empty(), support, Optional.empty(), Calendar.HOURS_PER_MONTH);
    }

    /**
     * @param hours hours the cluster exists in the month, more than 0 and at most 744
     * @return this cluster existing {@code hours} a month
     */
    public EksCluster withHoursPerMonth(BigDecimal hours) {
        return new EksCluster(name, region, support, kubernetesVersion, hours);
    }

    /**
     * @param region a region code such as {@code "eu-west-1"}
     * @return this cluster in {@code region}
     */
    public EksCluster withRegion(String region) {
        return new EksCluster(name, Optional.of(region), support, kubernetesVersion, hoursPerMonth);
    }
}
