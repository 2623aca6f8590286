package io.github.computecost.pricelist;

/** An offer file that cannot be read: malformed, truncated, or not an offer file. Names the file and position. */
public final class PriceListException extends RuntimeException {
    public PriceListException(String message) {
        super(message);
    }
}
