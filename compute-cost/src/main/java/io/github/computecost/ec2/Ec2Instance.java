package io.github.computecost.ec2;

import io.github.computecost.compute.OperatingSystem;
import io.github.computecost.compute.Calendar;
import io.github.computecost.service.Resource;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * EC2 instances of one type.
 *
 * @param name unique name within an estimate
 * @param region region code, or empty for the estimator's region
 * @param instanceType AWS's instance type, {@code "t3.medium"}
 * @param operatingSystem linux (default) or windows
 * @param count instances, at least 0
 * @param hoursPerMonth hours each runs in the month, more than 0 and at most {@link Calendar#MAX_HOURS_PER_MONTH}
 *     (default {@link Calendar#HOURS_PER_MONTH})
 * @param spotDiscountPercent the user's assumed Spot discount off on-demand, 0 to 100, if any
 * @param spot whether the instances run on Spot at its observed market price ({@code SpotUsage} hours, priced from the
 *     price book's {@value Ec2Service#SPOT_TABLE} table, which {@link Ec2SpotPrices} makes from AWS's Spot price
 *     history; none is bundled); not with {@code spotDiscountPercent}
 */
public record Ec2Instance(String name, Optional<String> region, String instanceType, OperatingSystem operatingSystem,
        int count, BigDecimal hoursPerMonth, Optional<BigDecimal> spotDiscountPercent, boolean spot)
        implements Resource {

    /**
     * On-demand instances, or Spot at an assumed discount.
     *
     * @param name the resource's name
     * @param region its region, if not the workload's
     * @param instanceType AWS's instance type
     * @param operatingSystem linux or windows
     * @param count instances, at least 0
     * @param hoursPerMonth hours each runs in the month
     * @param spotDiscountPercent the user's assumed Spot discount, 0 to 100, if any
     */
    public Ec2Instance(String name, Optional<String> region, String instanceType, OperatingSystem operatingSystem,
            int count, BigDecimal hoursPerMonth, Optional<BigDecimal> spotDiscountPercent) {
        this(name, region, instanceType, operatingSystem, count, hoursPerMonth, spotDiscountPercent, false);
    }

    /** Workload type name. */
    public static final String TYPE = "ec2";
    /** Hours in AWS's average month ({@link Calendar#HOURS_PER_MONTH}), the default. */
    public static final BigDecimal HOURS_PER_MONTH = Calendar.HOURS_PER_MONTH;

    /**
     * Checks the components.
     *
     * @param name unique name within an estimate
     * @param region region code, or empty for the estimator's region
     * @param instanceType AWS's instance type, {@code "t3.medium"}
     * @param operatingSystem linux (default) or windows
     * @param count instances, at least 0
     * @param hoursPerMonth hours each runs in the month, more than 0 and at most {@link Calendar#MAX_HOURS_PER_MONTH}
     *     (default {@link Calendar#HOURS_PER_MONTH})
     * @param spotDiscountPercent the user's assumed Spot discount off on-demand, 0 to 100, if any
     * @param spot whether the instances run on Spot at its observed market price ({@code SpotUsage} hours, priced from
     *     the price book's {@value Ec2Service#SPOT_TABLE} table, which {@link Ec2SpotPrices} makes from AWS's Spot
     *     price history; none is bundled); not with {@code spotDiscountPercent}
     */
    public Ec2Instance {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(instanceType, "instanceType");
        Objects.requireNonNull(operatingSystem, "operatingSystem");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        Objects.requireNonNull(hoursPerMonth, "hoursPerMonth");
        if (!Calendar.isHoursInMonth(hoursPerMonth)) {
            throw new IllegalArgumentException(Calendar.hoursInMonthRule("hoursPerMonth", hoursPerMonth));
        }
        Objects.requireNonNull(spotDiscountPercent, "spotDiscountPercent");
        spotDiscountPercent.ifPresent(p -> {
            if (p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("spotDiscountPercent must be between 0 and 100: " + p.toPlainString());
            }
        });
        if (spot && spotDiscountPercent.isPresent()) {
            throw new IllegalArgumentException("spot prices the instances at observed Spot prices and "
                    + "spotDiscountPercent at an assumed discount: give one of them");
        }
    }

    /**
     * @param name unique name within an estimate
     * @param instanceType AWS's instance type, {@code "t3.medium"}
     * @param count instances, at least 0
     * @return {@code count} Linux instances running all month ({@link Calendar#HOURS_PER_MONTH})
     * @deprecated positional arguments of one type are easy to swap: use {@code
     *     builder(name).instanceType(type).count(n).build()}, the same defaults
     */
    @Deprecated
    public static Ec2Instance of(String name, String instanceType, int count) {
        return builder(name).instanceType(instanceType).count(count).build();
    }

    /**
     * @param hours hours each instance runs in the month, more than 0 and at most 744
     * @return these instances running {@code hours} a month
     */
    public Ec2Instance withHoursPerMonth(BigDecimal hours) {
        return new Ec2Instance(name, region, instanceType, operatingSystem, count, hours, spotDiscountPercent, spot);
    }

    /**
     * @param n instances, at least 0
     * @return {@code n} of these instances
     */
    public Ec2Instance withCount(int n) {
        return new Ec2Instance(name, region, instanceType, operatingSystem, n, hoursPerMonth, spotDiscountPercent,
                spot);
    }

    /**
     * @param os the operating system
     * @return these instances on another operating system
     */
    public Ec2Instance withOperatingSystem(OperatingSystem os) {
        return new Ec2Instance(name, region, instanceType, os, count, hoursPerMonth, spotDiscountPercent, spot);
    }

    /**
     * @param r a region code such as {@code "eu-west-1"}
     * @return these instances in a region
     */
    public Ec2Instance withRegion(String r) {
        return new Ec2Instance(name, Optional.of(r), instanceType, operatingSystem, count, hoursPerMonth,
                spotDiscountPercent, spot);
    }

    /**
     * @param percent the user's assumed Spot discount off on-demand, 0 to 100
     * @return these instances at an assumed Spot discount
     */
    public Ec2Instance withSpotDiscountPercent(BigDecimal percent) {
        return new Ec2Instance(name, region, instanceType, operatingSystem, count, hoursPerMonth, Optional.of(percent));
    }

    /**
     * @return these instances on Spot, at the observed market price of the price book's Spot table; not priced
     *     without one
     */
    public Ec2Instance onSpot() {
        return new Ec2Instance(name, region, instanceType, operatingSystem, count, hoursPerMonth, Optional.empty(),
                true);
    }

    /**
     * @param name the resource's name, unique within an estimate
     * @return a builder of instances: {@code instanceType} is required; one Linux instance all month by default
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds {@link Ec2Instance}s; the record checks the values when {@link #build} makes it. */
    public static final class Builder {
        private final String name;
        private Optional<String> region = Optional.empty();
        private String instanceType;
        private OperatingSystem operatingSystem = OperatingSystem.LINUX;
        private int count = 1;
        private BigDecimal hoursPerMonth = HOURS_PER_MONTH;
        private Optional<BigDecimal> spotDiscountPercent = Optional.empty();
        private boolean spot;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * @param r the region code; default the workload's
         * @return this builder
         */
        public Builder region(String r) {
            this.region = Optional.of(r);
            return this;
        }

        /**
         * @param type AWS's instance type, {@code m6i.large}
         * @return this builder
         */
        public Builder instanceType(String type) {
            this.instanceType = type;
            return this;
        }

        /**
         * @param os linux (default) or windows
         * @return this builder
         */
        public Builder operatingSystem(OperatingSystem os) {
            this.operatingSystem = os;
            return this;
        }

        /**
         * @param n instances, at least 0 (default 1)
         * @return this builder
         */
        public Builder count(int n) {
            this.count = n;
            return this;
        }

        /**
         * @param hours hours each instance runs in the month (default 730)
         * @return this builder
         */
        public Builder hoursPerMonth(BigDecimal hours) {
            this.hoursPerMonth = hours;
            return this;
        }

        /**
         * @param percent the user's assumed Spot discount, 0 to 100
         * @return this builder
         */
        public Builder spotDiscountPercent(BigDecimal percent) {
            this.spotDiscountPercent = Optional.of(percent);
            return this;
        }

        /** @return this builder, on Spot at the observed market price (see {@link Ec2Instance#onSpot}) */
        public Builder spot() {
            this.spot = true;
            return this;
        }

        /**
         * @return the instances
         * @throws IllegalArgumentException if a value is out of range, or no instance type was given
         */
        public Ec2Instance build() {
            if (instanceType == null) {
                throw new IllegalArgumentException(name + ": an EC2 instance needs an instanceType");
            }
            return new Ec2Instance(name, region, instanceType, operatingSystem, count, hoursPerMonth,
                    spotDiscountPercent, spot);
        }
    }
}
