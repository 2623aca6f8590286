package io.github.computecost.commitment;

import java.util.Objects;

/**
 * Reserved Instances bought: a number of one instance type in one region, with a term, class and payment option.
 *
 * @param instanceType the instance type ({@code m6i.large})
 * @param region the region code ({@code us-east-1})
 * @param count how many, at least 1
 * @param term one or three years
 * @param offeringClass standard or convertible
 * @param payment no, partial or all upfront
 * @param operatingSystem the offer files' operating system ({@code Linux}, {@code Windows})
 * @param tenancy the offer files' tenancy ({@code Shared}, {@code Dedicated})
 */
public record ReservedInstance(String instanceType, String region, int count, Term term, OfferingClass offeringClass,
        Payment payment, String operatingSystem, String tenancy) {

    /**
     * Checks the components.
     *
     * @param instanceType the instance type ({@code m6i.large})
     * @param region the region code ({@code us-east-1})
     * @param count how many, at least 1
     * @param term one or three years
     * @param offeringClass standard or convertible
     * @param payment no, partial or all upfront
     * @param operatingSystem the offer files' operating system ({@code Linux}, {@code Windows})
     * @param tenancy the offer files' tenancy ({@code Shared}, {@code Dedicated})
     */
    public ReservedInstance {
        Objects.requireNonNull(instanceType, "instanceType");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(offeringClass, "offeringClass");
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(operatingSystem, "operatingSystem");
        Objects.requireNonNull(tenancy, "tenancy");
        if (instanceType.isBlank() || region.isBlank()) {
            throw new IllegalArgumentException("a reserved instance needs an instance type and a region");
        }
        if (count < 1) {
            throw new IllegalArgumentException("a reserved instance's count must be at least 1, was " + count);
        }
    }

    /**
     * @param instanceType the instance type ({@code m6i.large})
     * @param region the region code
     * @param count how many, at least 1
     * @param term one or three years
     * @param offeringClass standard or convertible
     * @param payment no, partial or all upfront
     * @return Linux instances on shared tenancy, the common case
     */
    public static ReservedInstance of(String instanceType, String region, int count, Term term,
            OfferingClass offeringClass, Payment payment) {
        return new ReservedInstance(instanceType, region, count, term, offeringClass, payment, "Linux", "Shared");
    }

    /** @return a short name: {@code 4 × m6i.large us-east-1 3yr standard Partial Upfront} */
    public String describe() {
        return count + " × " + instanceType + " " + region + " " + operatingSystem + " " + term.awsName() + " "
                + offeringClass.awsName() + " " + payment.awsName();
    }
}
