package io.github.computecost.commitment;

import java.util.Locale;

/** How a commitment is paid: nothing, part or all of it up front. */
public enum Payment {
    /** Every hour billed as it comes. */
    NO_UPFRONT("No Upfront"),
    /** Part paid at purchase, the rest at a lower hourly rate. */
    PARTIAL_UPFRONT("Partial Upfront"),
    /** All paid at purchase; the hourly rate is zero. */
    ALL_UPFRONT("All Upfront");

    private final String awsName;

    Payment(String awsName) {
        this.awsName = awsName;
    }

    /** @return the offer files' name: {@code "Partial Upfront"} */
    public String awsName() {
        return awsName;
    }

    /** @return the workload files' name: {@code partial-upfront} */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param text {@code no-upfront}, {@code partial-upfront} or {@code all-upfront}, or the offer files' names
     *     ({@code "All Upfront"}), any case
     * @return the payment option
     * @throws IllegalArgumentException for anything else, naming what is allowed
     */
    public static Payment parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace(' ', '-').replace('_', '-');
        for (Payment p : values()) {
            if (p.key().equals(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("must be no-upfront, partial-upfront or all-upfront, was \"" + text
                + "\"");
    }
}
