package io.github.computecost.lightsail;

import io.github.computecost.compute.Calendar;
import io.github.computecost.service.Resource;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Lightsail instances of one plan.
 *
 * @param name unique name within an estimate
 * @param region region code, or empty for the estimator's region
 * @param bundle AWS's bundle id ({@code "medium_3_0"}) or the catalog's readable name ({@code "Linux 4 GB"})
 * @param count instances, at least 0
 * @param hoursPerMonth hours each instance exists in the month, or empty for the whole month (the plan price)
 * @param dataTransferOutGb data out to the internet per instance per month, in GB
 * @param dataTransferInGb data in per instance per month, in GB (counts against the allowance, is never charged)
 */
public record LightsailInstance(String name, Optional<String> region, String bundle, int count,
        Optional<BigDecimal> hoursPerMonth, BigDecimal dataTransferOutGb, BigDecimal dataTransferInGb)
        implements Resource {

    /** Workload type name. */
    public static final String TYPE = "lightsail";

    /**
     * Checks the components.
     *
     * @param name unique name within an estimate
     * @param region region code, or empty for the estimator's region
     * @param bundle AWS's bundle id ({@code "medium_3_0"}) or the catalog's readable name ({@code "Linux 4 GB"})
     * @param count instances, at least 0
     * @param hoursPerMonth hours each instance exists in the month, or empty for the whole month (the plan price)
     * @param dataTransferOutGb data out to the internet per instance per month, in GB
     * @param dataTransferInGb data in per instance per month, in GB (counts against the allowance, is never charged)
     */
    public LightsailInstance {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(bundle, "bundle");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        Objects.requireNonNull(hoursPerMonth, "hoursPerMonth");
        hoursPerMonth.ifPresent(h -> {
            if (h.signum() < 0 || h.compareTo(Calendar.MAX_HOURS_PER_MONTH) > 0) {
                throw new IllegalArgumentException("hoursPerMonth must be between 0 and " + Calendar.MAX_HOURS_PER_MONTH
                        + ": " + h.toPlainString());
            }
        });
        Objects.requireNonNull(dataTransferOutGb, "dataTransferOutGb");
        Objects.requireNonNull(dataTransferInGb, "dataTransferInGb");
        if (dataTransferOutGb.signum() < 0 || dataTransferInGb.signum() < 0) {
            throw new IllegalArgumentException("data transfer must not be negative");
        }
    }

    /**
     * @param name unique name within an estimate
     * @param bundle AWS's bundle id ({@code "medium_3_0"}) or the catalog's readable name ({@code "Linux 4 GB"})
     * @param count instances, at least 0
     * @return {@code count} instances kept all month, with no data transfer
     * @deprecated positional arguments of one type are easy to swap: use {@code
     *     builder(name).bundle(b).count(n).build()}, the same defaults
     */
    @Deprecated
    public static LightsailInstance of(String name, String bundle, int count) {
        return builder(name).bundle(bundle).count(count).build();
    }

    /**
     * @param hours hours each instance exists in the month, or empty for the whole month (the plan price)
     * @return these instances kept {@code hours} a month
     */
    public LightsailInstance withHoursPerMonth(BigDecimal hours) {
        return new LightsailInstance(name, region, bundle, count, Optional.of(hours), dataTransferOutGb, dataTransferInGb);
    }

    /**
     * @param outGb data out to the internet per instance per month, in GB
     * @param inGb data in per instance per month, in GB (counts against the allowance, is never charged)
     * @return these instances with data transfer per instance
     */
    public LightsailInstance withDataTransferGb(BigDecimal outGb, BigDecimal inGb) {
        return new LightsailInstance(name, region, bundle, count, hoursPerMonth, outGb, inGb);
    }

    /**
     * @param region a region code such as {@code "eu-central-1"}
     * @return these instances in {@code region} (a region code such as {@code "eu-central-1"})
     */
    public LightsailInstance withRegion(String region) {
        return new LightsailInstance(name, Optional.of(region), bundle, count, hoursPerMonth, dataTransferOutGb,
                dataTransferInGb);
    }

    /**
     * @param n instances, at least 0
     * @return {@code n} of these instances
     */
    public LightsailInstance withCount(int n) {
        return new LightsailInstance(name, region, bundle, n, hoursPerMonth, dataTransferOutGb, dataTransferInGb);
    }

    /**
     * @param name the resource's name, unique within an estimate
     * @return a builder of instances: {@code bundle} is required; one instance kept all month, no data transfer, by
     *     default
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds {@link LightsailInstance}s; the record checks the values when {@link #build} makes it. */
    public static final class Builder {
        private final String name;
        private Optional<String> region = Optional.empty();
        private String bundle;
        private int count = 1;
        private Optional<BigDecimal> hoursPerMonth = Optional.empty();
        private BigDecimal dataTransferOutGb = BigDecimal.ZERO;
        private BigDecimal dataTransferInGb = BigDecimal.ZERO;

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
         * @param bundle the bundle id ({@code medium_3_0}) or plan name ({@code "Linux 4 GB"})
         * @return this builder
         */
        public Builder bundle(String bundle) {
            this.bundle = bundle;
            return this;
        }

        /**
         * @param count instances, at least 0 (default 1)
         * @return this builder
         */
        public Builder count(int count) {
            this.count = count;
            return this;
        }

        /**
         * @param hoursPerMonth hours each instance is kept in the month (default: all month, the plan price)
         * @return this builder
         */
        public Builder hoursPerMonth(BigDecimal hoursPerMonth) {
            this.hoursPerMonth = Optional.of(hoursPerMonth);
            return this;
        }

        /**
         * @param dataTransferOutGb GB out per instance in the month (default 0)
         * @return this builder
         */
        public Builder dataTransferOutGb(BigDecimal dataTransferOutGb) {
            this.dataTransferOutGb = dataTransferOutGb;
            return this;
        }

        /**
         * @param dataTransferInGb GB in per instance in the month (default 0; counts against the allowance)
         * @return this builder
         */
        public Builder dataTransferInGb(BigDecimal dataTransferInGb) {
            this.dataTransferInGb = dataTransferInGb;
            return this;
        }

        /**
         * @return the instances
         * @throws IllegalArgumentException if a value is out of range, or no bundle was given
         */
        public LightsailInstance build() {
            if (bundle == null) {
                throw new IllegalArgumentException(name + ": a Lightsail instance needs a bundle");
            }
            return new LightsailInstance(name, region, bundle, count, hoursPerMonth, dataTransferOutGb,
                    dataTransferInGb);
        }
    }
}
