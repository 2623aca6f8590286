package io.github.computecost.service;

import io.github.computecost.limits.Severity;
import io.github.computecost.limits.Violation;
import io.github.computecost.pricing.AllowedValues;
import io.github.computecost.pricing.Limit;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

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
     * @param out the findings to add to
     * @param limit the limit
     * @param value the value given
     * @param code the finding's code
     * @param resource the resource's name
     * @param field the field checked, for the message
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
     * @param out the findings to add to
     * @param timeoutSeconds the timeout's limit, in seconds
     * @param durationMs the average duration, in ms
     * @param code the finding's code
     * @param resource the resource's name
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

    /**
     * Adds a violation of {@code severity} if {@code value} is above {@code limit}'s maximum.
     *
     * @param out the findings to add to
     * @param limit the limit
     * @param value the value given
     * @param code the finding's code
     * @param severity the finding's severity
     * @param resource the resource's name
     * @param field the field checked, for the message
     * @param message the finding's message
     */
    public static void atMost(List<Violation> out, String resource, Limit limit, String field, BigDecimal value,
            String code, Severity severity, String message) {
        if (limit.max().isPresent() && value.compareTo(limit.max().get()) > 0) {
            out.add(new Violation(code, severity, resource, field, value.toPlainString(),
                    "at most " + limit.max().get().toPlainString() + " " + limit.unit(), resource + ": " + message));
        }
    }

    /**
     * Adds an error if {@code value} does not start with one of {@code allowed}'s prefixes.
     *
     * @param out the findings to add to
     * @param service the service's name for the message
     * @param allowed the prefixes allowed
     * @param code the finding's code
     * @param resource the resource's name
     * @param field the field checked, for the message
     * @param value the value given
     */
    public static void prefix(List<Violation> out, String resource, String service, AllowedValues allowed,
            String field, String value, String code) {
        if (!allowed.matchesPrefix(value)) {
            String accepted = String.join(", ", allowed.values()) + " (prefixes)";
            out.add(new Violation(code, Severity.ERROR, resource, field, value, accepted,
                    resource + ": " + field + " \"" + value + "\" is not supported by " + service + ": "
                            + allowed.note().orElse("accepted: " + accepted)));
        }
    }

    /**
     * Adds an error if {@code value} is not one of {@code allowed}'s values.
     *
     * @param out the findings to add to
     * @param service the service's name for the message
     * @param allowed the values allowed
     * @param code the finding's code
     * @param resource the resource's name
     * @param field the field checked, for the message
     * @param value the value given
     */
    public static void oneOf(List<Violation> out, String resource, String service, AllowedValues allowed,
            String field, String value, String code) {
        if (!allowed.contains(value)) {
            String accepted = String.join(", ", allowed.values());
            out.add(new Violation(code, Severity.ERROR, resource, field, value, accepted,
                    resource + ": " + field + " " + value + " is not supported by " + service + " (supported: "
                            + accepted + ")"));
        }
    }

    /**
     * Adds an error when the instance type is missing, or is not one the EC2 catalog gives the vCPUs and memory of (a
     * service that packs work onto instances needs both).
     *
     * @param code the service's code for the error
     * @param field the field that names the type
     * @param type the instance type, if given
     * @param instances the price book's instance catalog, if it has one
     * @param out the findings to add to
     * @param resource the resource's name
     * @return the type's shape, when it has one
     */
    public static Optional<InstanceHours.InstanceShape> instanceShape(List<Violation> out, String code, String resource,
            String field, Optional<String> type, Optional<InstanceHours> instances) {
        Optional<InstanceHours.InstanceShape> shape = type.flatMap(t -> instances.flatMap(h -> h.shape(t)));
        if (shape.isEmpty()) {
            String why = type.isEmpty() ? field + " is missing: give an EC2 instance type"
                    : instances.isEmpty() ? "the price book has no EC2 instance catalog to place " + type.get() + " in"
                    : field + " " + type.get() + " is not an instance type the EC2 catalog gives the vCPUs and memory of";
            out.add(new Violation(code, Severity.ERROR, resource, field, type.orElse("missing"),
                    "an EC2 instance type of the catalog", resource + ": " + why));
        }
        return shape;
    }
}
