package io.github.computecost.commitment;

import java.util.Locale;

/** A Reserved Instance's class: standard, or convertible (exchangeable, at a smaller discount). */
public enum OfferingClass {
    /** Standard: the largest discount, for one instance type. */
    STANDARD,
    /** Convertible: exchangeable for another type, at a smaller discount. */
    CONVERTIBLE;

    /** @return the offer files' name: {@code standard} */
    public String awsName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text {@code standard} or {@code convertible}, any case
     * @return the class
     * @throws IllegalArgumentException for anything else, naming what is allowed
     */
    public static OfferingClass parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "standard" -> STANDARD;
            case "convertible" -> CONVERTIBLE;
            default -> throw new IllegalArgumentException("must be standard or convertible, was \"" + text
                    + "\"");
        };
    }
}
