package io.github.computecost.commitment;

import java.util.Locale;

/** The two Savings Plans for compute. */
public enum SavingsPlanType {
    /** Compute Savings Plans: EC2 in any family and region, Fargate and Lambda. */
    COMPUTE("ComputeSavingsPlans"),
    /** EC2 Instance Savings Plans: one instance family in one region, at a larger discount. */
    EC2_INSTANCE("EC2InstanceSavingsPlans");

    private final String productFamily;

    SavingsPlanType(String productFamily) {
        this.productFamily = productFamily;
    }

    /** @return the offer files' product family: {@code ComputeSavingsPlans} */
    public String productFamily() {
        return productFamily;
    }

    /** @return the workload files' name: {@code compute}, {@code ec2-instance} */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param text {@code compute} or {@code ec2-instance} (any case), or an offer file's product family
     * @return the type
     * @throws IllegalArgumentException for anything else, naming what is allowed
     */
    public static SavingsPlanType parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (SavingsPlanType s : values()) {
            if (s.key().equals(t) || s.productFamily.equalsIgnoreCase(text.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("must be compute or ec2-instance, was \"" + text + "\"");
    }
}
