package io.github.computecost.service;

import io.github.computecost.limits.Severity;
import io.github.computecost.limits.Violation;
import io.github.computecost.pricing.AllowedValues;
import io.github.computecost.pricing.Limit;
import java.math.BigDecimal;
import java.util.List;

/**
 * Checks of a value against a {@link Limit} or {@link AllowedValues} from the price book, worded alike for every
 * service: a service's {@link Service#check} builds its report from them. Stateless.
 */
public final class LimitChecks {

    private LimitChecks() {
    }

    /**
     * Adds an error to {@code out} if {@code value} is outside {@code limit}.
     *
     * @param service the service's name for the message, {@code "AWS Lambda"}
     */
    public static void range(List<Violation> out, String resource, String service, Limit limit, String field,
            BigDecimal value, String code) {
        if (!limit.accepts(value)) {
            out.add(new Violation(code, Severity.ERROR, resource, field, value.toPlainString(), limit.describe(),
                    resource + ": " + field + " " + value.toPlainString() + " is outside what " + service
                            + " accepts: " + limit.describe()));
        }
    }

    /**
     * Adds an error if an average duration in ms is longer than a timeout limit given in seconds.
     *
     * @param service the service's name for the message
     */
    public static void timeout(List<Violation> out, String resource, String service, Limit timeoutSeconds,
            BigDecimal durationMs, String code) {
        timeoutSeconds.max().ifPresent(max -> {
            BigDecimal maxMs = max.movePointRight(3);
            if (durationMs.compareTo(maxMs) > 0) {
                out.add(new Violation(code, Severity.ERROR, resource, "durationMs", durationMs.toPlainString(),
                        "at most " + maxMs.toPlainString() + " ms", resource + ": durationMs "
                                + durationMs.toPlainString() + " is longer than " + service
                                + "'s maximum timeout of " + maxMs.toPlainString() + " ms"));
            }
        });
    }

    /** Adds a violation of {@code severity} if {@code value} is above {@code limit}'s maximum. */
    public static void atMost(List<Violation> out, String resource, Limit limit, String field, BigDecimal value,
            String code, Severity severity, String message) {
        if (limit.max().isPresent() && value.compareTo(limit.max().get()) > 0) {
            out.add(new Violation(code, severity, resource, field, value.toPlainString(),
                    "at most " + limit.max().get().toPlainString() + " " + limit.unit(), resource + ": " + message));
        }
    }

    /** Adds an error if {@code value} does not start with one of {@code allowed}'s prefixes. */
    public static void prefix(List<Violation> out, String resource, String service, AllowedValues allowed,
            String field, String value, String code) {
        if (!allowed.matchesPrefix(value)) {
            String accepted = String.join(", ", allowed.values()) + " (prefixes)";
            out.add(new Violation(code, Severity.ERROR, resource, field, value, accepted,
                    resource + ": " + field + " \"" + value + "\" is not supported by " + service + ": "
                            + allowed.note().orElse("accepted: " + accepted)));
        }
    }

    /** Adds an error if {@code value} is not one of {@code allowed}'s values. */
    public static void oneOf(List<Violation> out, String resource, String service, AllowedValues allowed,
            String field, String value, String code) {
        if (!allowed.contains(value)) {
            String accepted = String.join(", ", allowed.values());
            out.add(new Violation(code, Severity.ERROR, resource, field, value, accepted,
                    resource + ": " + field + " " + value + " is not supported by " + service + " (supported: "
                            + accepted + ")"));
        }
    }
}
