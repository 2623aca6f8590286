package io.github.computecost.limits;

import java.util.Objects;

/**
 * A resource whose configuration AWS would reject (memory outside the accepted range, ...), so it cannot
 * be priced. Carries the full {@link ValidationReport}; the message lists every error.
 */
public final class InvalidWorkloadException extends io.github.computecost.ComputeCostException {

    private final transient ValidationReport report;

    /** @param report a report with at least one error */
    public InvalidWorkloadException(ValidationReport report) {
        super(Objects.requireNonNull(report, "report").errorSummary());
        this.report = report;
    }

    /** @return the validation report */
    public ValidationReport report() {
        return report;
    }
}
