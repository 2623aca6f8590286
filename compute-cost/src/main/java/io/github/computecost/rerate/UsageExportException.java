package io.github.computecost.rerate;

import io.github.computecost.ComputeCostException;

/**
 * A billing export that cannot be re-rated: missing, unreadable, empty, or without the usage-type and amount
 * columns. The message names the file and what is expected. (A malformed <em>row</em> is not an error: it is
 * skipped and counted by reason in the result.)
 */
public final class UsageExportException extends ComputeCostException {

    /** @param message one line: the file, what is wrong, what is expected */
    public UsageExportException(String message) {
        super(message);
    }
}
