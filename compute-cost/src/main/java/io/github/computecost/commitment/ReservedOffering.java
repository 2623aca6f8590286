package io.github.computecost.commitment;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * One Reserved Instance offering of an EC2 offer file's {@code Reserved} terms: a product (instance type, region,
 * operating system, tenancy) with a term, a class and a payment option, and its two prices, the upfront fee (the
 * {@code Quantity} row, zero for no upfront) and the hourly rate (the {@code Hrs} row, zero for all upfront).
 *
 * @param sku the product's SKU
 * @param offerTermCode the term's code ({@code HU7G6KETJZ})
 * @param usageType the usage type the reservation covers, as the price book names it: the file's {@code usagetype},
 *     followed by {@code /operation} when the operation is a variant ({@code RunInstances:0002}, Windows)
 * @param attributes the product's attributes, keys in lower case without punctuation ({@code instancetype},
 *     {@code location}, {@code regioncode}, {@code operatingsystem}, {@code tenancy}, {@code preinstalledsw})
 * @param term the term
 * @param offeringClass standard or convertible
 * @param payment the payment option
 * @param upfront the upfront fee per instance, exactly as written (zero when the term has none)
 * @param hourly the rate per instance-hour, exactly as written
 * @param currency the prices' currency ({@code USD})
 * @param effectiveDate the term's effective date, as written
 * @param file the offer file it was read from, and its version
 */
public record ReservedOffering(String sku, String offerTermCode, String usageType, Map<String, String> attributes,
        Term term, OfferingClass offeringClass, Payment payment, BigDecimal upfront, BigDecimal hourly,
        String currency, String effectiveDate, String file) {

    /**
     * Checks the components and keeps immutable copies of its collections.
     *
     * @param sku the product's SKU
     * @param offerTermCode the term's code ({@code HU7G6KETJZ})
     * @param usageType the usage type the reservation covers, as the price book names it: the file's {@code usagetype},
     *     followed by {@code /operation} when the operation is a variant ({@code RunInstances:0002}, Windows)
     * @param attributes the product's attributes, keys in lower case without punctuation ({@code instancetype}, {@code
     *     location}, {@code regioncode}, {@code operatingsystem}, {@code tenancy}, {@code preinstalledsw})
     * @param term the term
     * @param offeringClass standard or convertible
     * @param payment the payment option
     * @param upfront the upfront fee per instance, exactly as written (zero when the term has none)
     * @param hourly the rate per instance-hour, exactly as written
     * @param currency the prices' currency ({@code USD})
     * @param effectiveDate the term's effective date, as written
     * @param file the offer file it was read from, and its version
     */
    public ReservedOffering {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(offerTermCode, "offerTermCode");
        Objects.requireNonNull(usageType, "usageType");
        attributes = Map.copyOf(attributes);
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(offeringClass, "offeringClass");
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(upfront, "upfront");
        Objects.requireNonNull(hourly, "hourly");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        Objects.requireNonNull(file, "file");
    }

    /**
     * @param key an attribute's normalised name: {@code instancetype}
     * @return the attribute, or empty text
     */
    public String attribute(String key) {
        return attributes.getOrDefault(key, "");
    }

    /**
     * The cost of one reserved instance for some hours, used or not: the hourly rate for every hour, plus the upfront
     * fee amortised over the term's hours (AWS's 365-day year), so that an all-upfront term never shows as zero. For
     * AWS's 730-hour month, that is the upfront fee ÷ the term's months + the hourly rate × 730.
     *
     * @param hours the hours the reservation runs for (730 for a month)
     * @return the recurring part, exact
     */
    public BigDecimal recurring(BigDecimal hours) {
        return hourly.multiply(hours);
    }

    /**
     * @param hours the hours the reservation runs for (730 for a month)
     * @return the upfront fee's share of those hours: {@code upfront × hours ÷ term hours}, to {@value
     *     CommitmentPricer#AMORTISED_SCALE} decimals (half even), as AWS's cost reports write amortised fees
     */
    public BigDecimal amortisedUpfront(BigDecimal hours) {
        return CommitmentPricer.amortise(upfront.multiply(hours), term.hours());
    }
}
