package io.github.computecost.pricelist;

import io.github.computecost.ComputeCostException;

/**
 * Price List input that cannot be used: an offer file that is malformed, truncated or not an offer file, a
 * download that fails, sourced data that a bundle cannot be built from. The message names the file (and
 * position, where there is one) and what is wrong.
 */
public final class PriceListException extends ComputeCostException {

    /** @param message one line: the file, what is wrong, what is expected */
    public PriceListException(String message) {
        super(message);
    }

    /**
     * @param message one line: the file, what is wrong, what is expected
     * @param cause the exception that revealed it
     */
    public PriceListException(String message, Throwable cause) {
        super(message, cause);
    }
}
