package io.github.computecost.limits;

/** How serious a {@link Violation} is. */
public enum Severity {
    /** AWS would reject the configuration. */
    ERROR,
    /** AWS accepts it, but it will throttle, cost more than needed, or needs a quota increase. */
    WARNING
}
