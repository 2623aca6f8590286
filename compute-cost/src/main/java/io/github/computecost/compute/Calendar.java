package io.github.computecost.compute;

import java.math.BigDecimal;

/**
 * The month AWS prices in, in one place. AWS's pricing pages and the AWS Pricing Calculator turn hourly prices
 * into monthly ones with a month of 730 hours (365 days × 24 hours / 12 months: "730 hours in a month",
 * https://calculator.aws/#/ and, for example, https://aws.amazon.com/fargate/pricing/); a calendar month has at
 * most 744 hours (31 days × 24). Every default running time is {@link #HOURS_PER_MONTH}; every hours-per-month
 * setting is checked against {@link #MAX_HOURS_PER_MONTH}. A service's own figures (Lightsail's 744-hour plan
 * month, say) are data in its pricing-data table, not here.
 */
public final class Calendar {

    /** AWS's average month, in hours: 730. */
    public static final BigDecimal HOURS_PER_MONTH = BigDecimal.valueOf(730);
    /** The longest calendar month, in hours: 744 (31 days). */
    public static final BigDecimal MAX_HOURS_PER_MONTH = BigDecimal.valueOf(744);
    /**
     * Hours in AWS's year: 8,760 (365 days × 24), the year a one-year Reserved Instance or Savings Plan runs for
     * (https://docs.aws.amazon.com/savingsplans/latest/userguide/sp-types.html: "one-year or three-year term"; AWS's
     * 730-hour month is a twelfth of it).
     */
    public static final BigDecimal HOURS_PER_YEAR = BigDecimal.valueOf(8760);
    /** Seconds in an hour: 3,600. */
    public static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    /** Seconds in AWS's average month: 730 × 3,600 = 2,628,000, for average request rates. */
    public static final BigDecimal SECONDS_PER_MONTH = HOURS_PER_MONTH.multiply(SECONDS_PER_HOUR);

    private Calendar() {
    }

    /**
     * @param d a duration, not negative
     * @return it in milliseconds, exactly (nanoseconds kept: {@code PT0.0000015S} is 0.0015 ms)
     */
    public static BigDecimal millis(java.time.Duration d) {
        return new BigDecimal(d.toNanos()).movePointLeft(6);
    }

    /**
     * @param d a duration, not negative
     * @return it in seconds, exactly, without trailing zeros after the point ({@code PT1.5S} is 1.5, {@code PT40S}
     *     is 40, not 4E+1)
     */
    public static BigDecimal seconds(java.time.Duration d) {
        return io.github.computecost.money.Amounts.exact(
                BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9)));
    }

    /**
     * @param hours hours of running time in a month
     * @return whether {@code hours} is more than 0 and at most {@link #MAX_HOURS_PER_MONTH}
     */
    public static boolean isHoursInMonth(BigDecimal hours) {
        return hours.signum() > 0 && hours.compareTo(MAX_HOURS_PER_MONTH) <= 0;
    }

    /**
     * @param field the field's name
     * @param hours the value given
     * @return {@code "hoursPerMonth must be more than 0 and at most 744: <value>"}, for a constructor's check
     */
    public static String hoursInMonthRule(String field, BigDecimal hours) {
        return field + " must be more than 0 and at most " + MAX_HOURS_PER_MONTH.toPlainString() + ": "
                + hours.toPlainString();
    }
}
