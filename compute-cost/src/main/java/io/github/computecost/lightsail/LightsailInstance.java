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

    /** @return {@code count} instances kept all month, with no data transfer */
    public static LightsailInstance of(String name, String bundle, int count) {
        return new LightsailInstance(name, Optional.empty(), bundle, count, Optional.empty(), BigDecimal.ZERO,
                BigDecimal.ZERO);
    }

    /** @return these instances kept {@code hours} a month */
    public LightsailInstance withHoursPerMonth(BigDecimal hours) {
        return new LightsailInstance(name, region, bundle, count, Optional.of(hours), dataTransferOutGb, dataTransferInGb);
    }

    /** @return these instances with data transfer per instance */
    public LightsailInstance withDataTransferGb(BigDecimal outGb, BigDecimal inGb) {
        return new LightsailInstance(name, region, bundle, count, hoursPerMonth, outGb, inGb);
    }

    /** @return these instances in {@code region} (a region code such as {@code "eu-central-1"}) */
    public LightsailInstance withRegion(String region) {
        return new LightsailInstance(name, Optional.of(region), bundle, count, hoursPerMonth, dataTransferOutGb,
                dataTransferInGb);
    }

    /** @return {@code n} of these instances */
    public LightsailInstance withCount(int n) {
        return new LightsailInstance(name, region, bundle, n, hoursPerMonth, dataTransferOutGb, dataTransferInGb);
    }
}
