package io.github.computecost.compare;

import java.util.List;
import java.util.Objects;

/**
 * Whether a function could run as a CloudFront Function, with every check's outcome.
 *
 * @param fit {@link Fit#DOES_NOT_FIT} if any check fails, else {@link Fit#CANNOT_TELL} if any check cannot
 *     tell, else {@link Fit#FITS}
 * @param checks every check, in a fixed order
 */
public record FitVerdict(Fit fit, List<Check> checks) {

    /**
     * One check.
     *
     * @param name what was checked, {@code "network"}
     * @param fit its outcome
     * @param reason why, in a sentence
     */
    public record Check(String name, Fit fit, String reason) {
        /**
         * Checks the components.
         *
         * @param name what was checked, {@code "network"}
         * @param fit its outcome
         * @param reason why, in a sentence
         */
        public Check {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(fit, "fit");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Checks the components and keeps immutable copies of its collections.
     *
     * @param fit {@link Fit#DOES_NOT_FIT} if any check fails, else {@link Fit#CANNOT_TELL} if any check cannot tell,
     *     else {@link Fit#FITS}
     * @param checks every check, in a fixed order
     */
    public FitVerdict {
        Objects.requireNonNull(fit, "fit");
        checks = List.copyOf(checks);
    }

    /**
     * @param checks the checks, in the order to report them
     * @return a verdict whose overall fit follows from the checks
     */
    public static FitVerdict of(List<Check> checks) {
        Fit overall = Fit.FITS;
        for (Check c : checks) {
            if (c.fit() == Fit.DOES_NOT_FIT) {
                overall = Fit.DOES_NOT_FIT;
                break;
            }
            if (c.fit() == Fit.CANNOT_TELL) {
                overall = Fit.CANNOT_TELL;
            }
        }
        return new FitVerdict(overall, checks);
    }

    /** @return the checks that did not pass (does not fit or cannot tell) */
    public List<Check> reasons() {
        return checks.stream().filter(c -> c.fit() != Fit.FITS).toList();
    }
}
