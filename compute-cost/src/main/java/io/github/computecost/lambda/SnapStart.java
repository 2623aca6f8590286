package io.github.computecost.lambda;

import io.github.computecost.compute.Calendar;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * SnapStart enabled on a function, as billed for the runtimes AWS charges for it (Python, .NET; not Java
 * managed runtimes).
 *
 * @param cachedVersions published versions with a cached snapshot, at least 1
 * @param activeHoursPerMonth hours each version is active in the month, 0 to 744; AWS bills at least 3 hours
 *     per active version
 * @param restoresPerMonth execution environments resumed from a snapshot in the month, at least 0
 */
public record SnapStart(int cachedVersions, BigDecimal activeHoursPerMonth, long restoresPerMonth) {

    /** Hours in AWS's average month, the default active time. */
    public static final BigDecimal DEFAULT_ACTIVE_HOURS = Calendar.HOURS_PER_MONTH;

    /**
     * Checks the components.
     *
     * @param cachedVersions published versions with a cached snapshot, at least 1
     * @param activeHoursPerMonth hours each version is active in the month, 0 to 744; AWS bills at least 3 hours per
     *     active version
     * @param restoresPerMonth execution environments resumed from a snapshot in the month, at least 0
     */
    public SnapStart {
        Objects.requireNonNull(activeHoursPerMonth, "activeHoursPerMonth");
        if (cachedVersions < 1) {
            throw new IllegalArgumentException("snapStart.cachedVersions must be at least 1: " + cachedVersions);
        }
        if (activeHoursPerMonth.signum() < 0 || activeHoursPerMonth.compareTo(Calendar.MAX_HOURS_PER_MONTH) > 0) {
            throw new IllegalArgumentException("snapStart.activeHoursPerMonth must be between 0 and "
                    + Calendar.MAX_HOURS_PER_MONTH + ": " + activeHoursPerMonth.toPlainString());
        }
        if (restoresPerMonth < 0) {
            throw new IllegalArgumentException("snapStart.restoresPerMonth must not be negative: " + restoresPerMonth);
        }
    }
}
