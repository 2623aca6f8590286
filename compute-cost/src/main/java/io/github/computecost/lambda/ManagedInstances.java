package io.github.computecost.lambda;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A function on Lambda Managed Instances: it runs on EC2 instances that Lambda provisions and manages in the
 * account (https://aws.amazon.com/lambda/pricing/, "Lambda Managed Instances"). AWS bills requests ($0.20 per
 * million), the EC2 instances at EC2's prices, and a management fee of 15 % of the instances' EC2 on-demand price;
 * there is no duration charge.
 *
 * @param instanceType the capacity provider's EC2 instance type, {@code "m7g.xlarge"}
 * @param instanceHoursPerMonth instance-hours in the month, all instances together, at least 0 (AWS's example:
 *     about 2,000); how many instances Lambda keeps depends on the traffic and its scaling, which AWS does not
 *     publish a rule for, so the hours are the user's
 * @param ec2DiscountPercent the user's assumed discount on the EC2 instance charge (a Savings Plan or Reserved
 *     Instances the account has), 0 to 100, labelled as an assumption; the management fee stays 15 % of the
 *     on-demand price, as AWS states
 */
public record ManagedInstances(String instanceType, BigDecimal instanceHoursPerMonth,
        Optional<BigDecimal> ec2DiscountPercent) {

    /**
     * Checks the components.
     *
     * @param instanceType the capacity provider's EC2 instance type, {@code "m7g.xlarge"}
     * @param instanceHoursPerMonth instance-hours in the month, all instances together, at least 0 (AWS's example:
     *     about 2,000); how many instances Lambda keeps depends on the traffic and its scaling, which AWS does not
     *     publish a rule for, so the hours are the user's
     * @param ec2DiscountPercent the user's assumed discount on the EC2 instance charge (a Savings Plan or Reserved
     *     Instances the account has), 0 to 100, labelled as an assumption; the management fee stays 15 % of the
     *     on-demand price, as AWS states
     */
    public ManagedInstances {
        Objects.requireNonNull(instanceType, "instanceType");
        Objects.requireNonNull(instanceHoursPerMonth, "instanceHoursPerMonth");
        Objects.requireNonNull(ec2DiscountPercent, "ec2DiscountPercent");
        if (instanceType.isBlank()) {
            throw new IllegalArgumentException("managedInstances.instanceType must not be blank");
        }
        if (instanceHoursPerMonth.signum() < 0) {
            throw new IllegalArgumentException("managedInstances.instanceHoursPerMonth must not be negative: "
                    + instanceHoursPerMonth.toPlainString());
        }
        ec2DiscountPercent.ifPresent(p -> {
            if (p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("managedInstances.ec2DiscountPercent must be between 0 and 100: "
                        + p.toPlainString());
            }
        });
    }
}
