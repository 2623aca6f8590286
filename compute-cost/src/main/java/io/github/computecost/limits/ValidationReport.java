package io.github.computecost.limits;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every violation found in a configuration.
 *
 * @param violations all violations, errors and warnings, in the order found
 */
public record ValidationReport(List<Violation> violations) {

    /** A report with nothing in it. */
    public static final ValidationReport EMPTY = new ValidationReport(List.of());

    /**
     * Keeps immutable copies of its collections.
     *
     * @param violations all violations, errors and warnings, in the order found
     */
    public ValidationReport {
        violations = List.copyOf(violations);
    }

    /** @return whether AWS would accept the configuration: no {@link Severity#ERROR} (warnings allowed) */
    public boolean isValid() {
        return !hasErrors();
    }

    /** @return whether there is nothing at all: no error and no warning */
    public boolean isClean() {
        return violations.isEmpty();
    }

    /**
     * @return this report, when it has no error
     * @throws InvalidWorkloadException listing every error, when it has one
     */
    public ValidationReport orThrow() {
        if (hasErrors()) {
            throw new InvalidWorkloadException(this);
        }
        return this;
    }

    /** @return the warnings only */
    public List<Violation> warnings() {
        return violations.stream().filter(v -> v.severity() == Severity.WARNING).collect(Collectors.toList());
    }

    /**
     * @param other another report
     * @return this report followed by {@code other}'s violations
     */
    public ValidationReport and(ValidationReport other) {
        if (other.violations.isEmpty()) {
            return this;
        }
        List<Violation> all = new java.util.ArrayList<>(violations);
        all.addAll(other.violations);
        return new ValidationReport(all);
    }

    /** @return whether any violation is an {@link Severity#ERROR} */
    public boolean hasErrors() {
        for (Violation v : violations) {
            if (v.severity() == Severity.ERROR) {
                return true;
            }
        }
        return false;
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
