package io.github.computecost.limits;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every violation found in a configuration.
 *
 * @param violations all violations, errors and warnings, in the order found
 */
public record ValidationReport(List<Violation> violations) {
    public ValidationReport {
        violations = List.copyOf(violations);
    }

    /** @return whether any violation is an {@link Severity#ERROR} */
    public boolean hasErrors() {
        return violations.stream().anyMatch(v -> v.severity() == Severity.ERROR);
    }

    /** @return the errors only */
    public List<Violation> errors() {
        return violations.stream().filter(v -> v.severity() == Severity.ERROR).collect(Collectors.toList());
    }

    /** @return the error messages joined with "; ", for an exception message */
    public String errorSummary() {
        return errors().stream().map(Violation::message).collect(Collectors.joining("; "));
    }
}
