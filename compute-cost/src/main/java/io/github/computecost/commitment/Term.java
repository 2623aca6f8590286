package io.github.computecost.commitment;

import io.github.computecost.compute.Calendar;
import java.math.BigDecimal;
import java.util.Locale;

/** The length of a commitment: one or three years. */
public enum Term {
    /** One year: 12 months, 8,760 hours. */
    ONE_YEAR(1),
    /** Three years: 36 months, 26,280 hours. */
    THREE_YEARS(3);

    private final int years;

    Term(int years) {
        this.years = years;
    }

    /** @return the term in years, 1 or 3 */
    public int years() {
        return years;
    }

    /** @return the term in months: 12 or 36 */
    public int months() {
        return 12 * years;
    }

    /** @return the term in hours: {@link Calendar#HOURS_PER_YEAR} per year (AWS's 365-day year) */
    public BigDecimal hours() {
        return Calendar.HOURS_PER_YEAR.multiply(BigDecimal.valueOf(years));
    }

    /** @return the name the offer files use: {@code 1yr}, {@code 3yr} */
    public String awsName() {
        return years + "yr";
    }

    /**
     * @param text {@code 1y}, {@code 1yr}, {@code 3y} or {@code 3yr} (any case), or the years {@code 1} or {@code 3}
     * @return the term
     * @throws IllegalArgumentException for anything else, naming what is allowed
     */
    public static Term parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "1", "1y", "1yr", "1year" -> ONE_YEAR;
            case "3", "3y", "3yr", "3year", "3years" -> THREE_YEARS;
            default -> throw new IllegalArgumentException("must be 1y or 3y, was \"" + text + "\"");
        };
    }
}
