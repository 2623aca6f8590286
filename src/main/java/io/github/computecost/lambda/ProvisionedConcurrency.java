package io.github.computecost.lambda;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Provisioned concurrency configured on a function (version or alias).
 *
 * @param concurrency execution environments kept initialised, at least 1
 * @param hoursPerMonth hours it is enabled in the month, more than 0 and at most 744 (31 days); AWS bills
 *     the enabled time rounded up to five minutes
 */
public record ProvisionedConcurrency(int concurrency, BigDecimal hoursPerMonth) {

    /** The longest month, in hours. */
    public static final BigDecimal MAX_HOURS_PER_MONTH = BigDecimal.valueOf(744);

    public ProvisionedConcurrency {
        Objects.requireNonNull(hoursPerMonth, "hoursPerMonth");
        if (concurrency < 1) {
            throw new IllegalArgumentException("provisionedConcurrency.concurrency must be at least 1: " + concurrency);
        }
        if (hoursPerMonth.signum() <= 0 || hoursPerMonth.compareTo(MAX_HOURS_PER_MONTH) > 0) {
            throw new IllegalArgumentException("provisionedConcurrency.hoursPerMonth must be more than 0 and at most 744: "
                    + hoursPerMonth.toPlainString());
        }
    }

    /** @return a configuration enabled for {@code hoursPerMonth} hours */
    public static ProvisionedConcurrency of(int concurrency, BigDecimal hoursPerMonth) {
        return new ProvisionedConcurrency(concurrency, hoursPerMonth);
    }
}
