package io.github.computecost.spec;

import java.util.Optional;

/**
 * A workload file that cannot be used: missing, unreadable, malformed, or with a field of the wrong kind.
 * The one-line message names the file, the resource (when there is one), the JSON path of the field (left out
 * when the file as a whole is at fault: "file not found", a syntax error) and what is allowed.
 */
public final class WorkloadException extends io.github.computecost.ComputeCostException {

    /** The file. */
    private final String file;
    /** The JSON path within it, {@code $} for the whole file. */
    private final String jsonPath;
    /** The resource, if the error is in one. */
    private final Optional<String> resource;

    WorkloadException(String file, String jsonPath, Optional<String> resource, String detail) {
        // The whole file's path ($) says nothing the file name does not: "orders.yaml: file not found".
        super(file + ": " + resource.map(r -> "resource \"" + r + "\", ").orElse("")
                + (jsonPath.equals("$") && resource.isEmpty() ? "" : jsonPath + ": ") + detail);
        this.file = file;
        this.jsonPath = jsonPath;
        this.resource = resource;
    }

    /** @return the file */
    public String file() {
        return file;
    }

    /** @return the JSON path of the offending field ({@code $} for the whole file) */
    public String jsonPath() {
        return jsonPath;
    }

    /** @return the name of the resource the field belongs to, if known */
    public Optional<String> resource() {
        return resource;
    }
}
