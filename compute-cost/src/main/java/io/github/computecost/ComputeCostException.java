package io.github.computecost;

/**
 * The base of every exception compute-cost throws for a problem in what it was given: a pricing-data file, a
 * workload file or template, an offer file, a configuration AWS would reject, a price the price book does not
 * have. Its message is one line that names the file, resource or field at fault and what is allowed. Anything
 * else compute-cost throws ({@link IllegalArgumentException} for a caller's wrong argument,
 * {@link IllegalStateException}) is a programming error, in the caller's code or in compute-cost's.
 */
public class ComputeCostException extends RuntimeException {

    /** @param message one line: what is wrong, where, and what is allowed */
    public ComputeCostException(String message) {
        super(message);
    }

    /**
     * @param message one line: what is wrong, where, and what is allowed
     * @param cause the exception that revealed it
     */
    public ComputeCostException(String message, Throwable cause) {
        super(message, cause);
    }
}
