package io.github.computecost.commitment;

import io.github.computecost.ComputeCostException;

/** A commitment that cannot be priced: no rate for it in the files given, or a rate that makes no sense. */
public final class CommitmentException extends ComputeCostException {

    /** @param message one line naming the commitment and what is missing */
    public CommitmentException(String message) {
        super(message);
    }
}
