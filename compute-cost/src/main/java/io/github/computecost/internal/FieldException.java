package io.github.computecost.internal;

/**
 * A value in a JSON or YAML document that is missing, of the wrong kind or out of range.
 * Carries the JSON path of the field (for example {@code $.resources[0].memoryMb}).
 */
public final class FieldException extends RuntimeException {

    private final String path;

    public FieldException(String path, String message) {
        super(path + ": " + message);
        this.path = path;
    }

    /** @return the JSON path of the offending field */
    public String path() {
        return path;
    }

    /** @return the message without the path */
    public String detail() {
        return getMessage().substring(path.length() + 2);
    }
}
