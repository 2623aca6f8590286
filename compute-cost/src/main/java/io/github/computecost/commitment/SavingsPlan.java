package io.github.computecost.commitment;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A Savings Plan bought: an hourly commitment, in the rates' currency per hour, for a term and payment option. An EC2
 * Instance Savings Plan also names its instance family and region.
 *
 * @param type Compute or EC2 Instance
 * @param term one or three years
 * @param payment no, partial or all upfront: it sets the rates; the commitment is the same per hour whichever is
 *     chosen (an upfront payment is the commitment paid ahead, and is amortised back to it)
 * @param commitmentPerHour the commitment per hour, more than 0 (AWS sells it in steps of 0.001)
 * @param instanceFamily for an EC2 Instance plan, its family ({@code m6i}); empty for Compute
 * @param region for an EC2 Instance plan, its region code; empty for Compute
 */
public record SavingsPlan(SavingsPlanType type, Term term, Payment payment, BigDecimal commitmentPerHour,
        Optional<String> instanceFamily, Optional<String> region) {

    /**
     * Checks the components.
     *
     * @param type Compute or EC2 Instance
     * @param term one or three years
     * @param payment no, partial or all upfront: it sets the rates; the commitment is the same per hour whichever is
     *     chosen (an upfront payment is the commitment paid ahead, and is amortised back to it)
     * @param commitmentPerHour the commitment per hour, more than 0 (AWS sells it in steps of 0.001)
     * @param instanceFamily for an EC2 Instance plan, its family ({@code m6i}); empty for Compute
     * @param region for an EC2 Instance plan, its region code; empty for Compute
     */
    public SavingsPlan {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(commitmentPerHour, "commitmentPerHour");
        Objects.requireNonNull(instanceFamily, "instanceFamily");
        Objects.requireNonNull(region, "region");
        if (commitmentPerHour.signum() <= 0) {
            throw new IllegalArgumentException("commitmentPerHour must be more than 0, was "
                    + commitmentPerHour.toPlainString());
        }
        if (type == SavingsPlanType.EC2_INSTANCE && (instanceFamily.isEmpty() || region.isEmpty())) {
            throw new IllegalArgumentException("an EC2 Instance Savings Plan names its instanceFamily and region");
        }
        if (type == SavingsPlanType.COMPUTE && (instanceFamily.isPresent() || region.isPresent())) {
            throw new IllegalArgumentException("a Compute Savings Plan covers every family and region: it takes no "
                    + "instanceFamily or region");
        }
    }

    /**
     * @param term one or three years
     * @param payment no, partial or all upfront
     * @param commitmentPerHour the commitment per hour, more than 0
     * @return a Compute Savings Plan
     */
    public static SavingsPlan compute(Term term, Payment payment, BigDecimal commitmentPerHour) {
        return new SavingsPlan(SavingsPlanType.COMPUTE, term, payment, commitmentPerHour, Optional.empty(),
                Optional.empty());
    }

    /** @return a short name: {@code Compute Savings Plan 1yr No Upfront at 1.50/hour} */
    public String describe() {
        return (type == SavingsPlanType.COMPUTE ? "Compute" : "EC2 Instance " + instanceFamily.get() + " "
                + region.get()) + " Savings Plan " + term.awsName() + " " + payment.awsName() + " at "
                + commitmentPerHour.toPlainString() + "/hour";
    }
}
