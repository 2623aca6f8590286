package io.github.computecost.lambda;

import io.github.computecost.compute.Calendar;
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

    /**
     * Checks the components.
     *
     * @param concurrency execution environments kept initialised, at least 1
     * @param hoursPerMonth hours it is enabled in the month, more than 0 and at most 744 (31 days); AWS bills the
     *     enabled time rounded up to five minutes
     */
    public ProvisionedConcurrency {
        Objects.requireNonNull(hoursPerMonth, "hoursPerMonth");
        if (concurrency < 1) {
            throw new IllegalArgumentException("provisionedConcurrency.concurrency must be at least 1: " + concurrency);
        }
        if (!Calendar.isHoursInMonth(hoursPerMonth)) {
            throw new IllegalArgumentException(Calendar.hoursInMonthRule("provisionedConcurrency.hoursPerMonth",
                    hoursPerMonth));
        }
    }

    /**
     * @param concurrency execution environments kept initialised, at least 1
     * @param hoursPerMonth hours it is enabled in the month, more than 0 and at most 744 (31 days); AWS bills the
     *     enabled time rounded up to five minutes
     * @return a configuration enabled for {@code hoursPerMonth} hours
     */
    public static ProvisionedConcurrency of(int concurrency, BigDecimal hoursPerMonth) {
        return new ProvisionedConcurrency(concurrency, hoursPerMonth);
    }
}
