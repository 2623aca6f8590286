package io.github.computecost.limits;

import java.util.Objects;

/**
 * One configuration value outside a service limit.
 *
 * @param code stable machine-readable code, {@code "lambda.memory.range"}
 * @param severity error or warning
 * @param resource the resource's name
 * @param field the setting, {@code "memoryMb"}
 * @param value the configured value as text
 * @param limit what AWS accepts, in words, {@code "128 to 10240 MB"}
 * @param message a sentence for people
 */
public record Violation(String code, Severity severity, String resource, String field, String value, String limit,
        String message) {
    /**
     * Checks the components.
     *
     * @param code stable machine-readable code, {@code "lambda.memory.range"}
     * @param severity error or warning
     * @param resource the resource's name
     * @param field the setting, {@code "memoryMb"}
     * @param value the configured value as text
     * @param limit what AWS accepts, in words, {@code "128 to 10240 MB"}
     * @param message a sentence for people
     */
    public Violation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(message, "message");
    }
}
