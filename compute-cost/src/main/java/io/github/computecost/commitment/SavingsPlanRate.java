package io.github.computecost.commitment;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One rate of a Savings Plans offer file: what a plan charges for one unit of a usage type it covers.
 *
 * @param planSku the plan's SKU
 * @param type Compute or EC2 Instance
 * @param term the plan's term
 * @param payment the plan's payment option
 * @param instanceFamily for an EC2 Instance Savings Plan, its instance family ({@code c5}); empty for Compute
 * @param location for an EC2 Instance Savings Plan, its region's name; empty for Compute (any region)
 * @param serviceCode the covered usage's service code, as written ({@code discountedServiceCode})
 * @param usageType the covered usage type, as the price book names it: the file's {@code discountedUsageType},
 *     followed by {@code /operation} when the operation is a variant ({@code RunInstances:0002})
 * @param rate the rate per unit, exactly as written
 * @param unit the unit, as written ({@code Hrs}, {@code Lambda-GB-Second}), empty when the file gives none
 * @param currency the currency ({@code USD} when the file gives none)
 * @param rateCode the rate's code
 * @param file the offer file it was read from, and its version
 */
public record SavingsPlanRate(String planSku, SavingsPlanType type, Term term, Payment payment,
        Optional<String> instanceFamily, Optional<String> location, String serviceCode, String usageType,
        BigDecimal rate, String unit, String currency, String rateCode, String file) {

    /**
     * Checks the components.
     *
     * @param planSku the plan's SKU
     * @param type Compute or EC2 Instance
     * @param term the plan's term
     * @param payment the plan's payment option
     * @param instanceFamily for an EC2 Instance Savings Plan, its instance family ({@code c5}); empty for Compute
     * @param location for an EC2 Instance Savings Plan, its region's name; empty for Compute (any region)
     * @param serviceCode the covered usage's service code, as written ({@code discountedServiceCode})
     * @param usageType the covered usage type, as the price book names it: the file's {@code discountedUsageType},
     *     followed by {@code /operation} when the operation is a variant ({@code RunInstances:0002})
     * @param rate the rate per unit, exactly as written
     * @param unit the unit, as written ({@code Hrs}, {@code Lambda-GB-Second}), empty when the file gives none
     * @param currency the currency ({@code USD} when the file gives none)
     * @param rateCode the rate's code
     * @param file the offer file it was read from, and its version
     */
    public SavingsPlanRate {
        Objects.requireNonNull(planSku, "planSku");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(instanceFamily, "instanceFamily");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(usageType, "usageType");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(rateCode, "rateCode");
        Objects.requireNonNull(file, "file");
    }
}
