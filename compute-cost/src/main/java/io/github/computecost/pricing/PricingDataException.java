package io.github.computecost.pricing;

/**
 * A pricing-data file that cannot be used: unreadable, malformed, or failing validation (tiers that do
 * not start at zero or do not abut, negative prices, an incomplete region, ...). The message names the
 * file and the JSON path of the offending field.
 */
public final class PricingDataException extends io.github.computecost.ComputeCostException {

    /** The file, as the price book names it. */
    private final String file;
    /** The JSON path within it, {@code $} for the whole file. */
    private final String jsonPath;

    /**
     * @param file the file (or bundled resource) name
     * @param jsonPath the JSON path of the problem, {@code $} for the whole document
     * @param message what is wrong
     */
    public PricingDataException(String file, String jsonPath, String message) {
        super(file + ": " + jsonPath + ": " + message);
        this.file = file;
        this.jsonPath = jsonPath;
    }

    /** @return the file or bundled resource the problem is in */
    public String file() {
        return file;
    }

    /** @return the JSON path of the problem */
    public String jsonPath() {
        return jsonPath;
    }
}
