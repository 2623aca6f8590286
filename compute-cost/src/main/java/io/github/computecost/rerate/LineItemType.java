package io.github.computecost.rerate;

import java.util.Locale;
import java.util.Optional;

/**
 * The value of a Cost and Usage Report's line item type ({@code lineItem/LineItemType}, CUR 2.0
 * {@code line_item_line_item_type}), or what a FOCUS row's charge category and commitment say
 * ({@link #ofFocus}), and how the re-rater treats it. AWS documents the values in "Line item
 * details" (https://docs.aws.amazon.com/cur/latest/userguide/Lineitem-columns.html), Savings Plans lines in
 * https://docs.aws.amazon.com/cur/latest/userguide/cur-sp.html and Reserved Instance lines in
 * https://docs.aws.amazon.com/cur/latest/userguide/cur-ri.html.
 */
public enum LineItemType {
    /** Usage at on-demand rates: re-rated. */
    USAGE("Usage", Treatment.RERATED),
    /**
     * Usage a Savings Plan covered. Its {@code UnblendedCost} is the on-demand cost (a {@code SavingsPlanNegation}
     * line takes it off again) and {@code savingsPlan/SavingsPlanEffectiveCost} what the plan charged: re-rated at
     * on-demand prices, with AWS's discount beside it.
     */
    SAVINGS_PLAN_COVERED_USAGE("SavingsPlanCoveredUsage", Treatment.COVERED),
    /**
     * Usage a Reserved Instance covered. Its {@code UnblendedCost} is zero and {@code reservation/EffectiveCost} what
     * the reservation charged: re-rated at on-demand prices, with AWS's discount beside it.
     */
    DISCOUNTED_USAGE("DiscountedUsage", Treatment.COVERED),
    /** A credit applied to the bill (negative): passed through. */
    CREDIT("Credit", Treatment.PASSED_THROUGH),
    /** A refund (negative): passed through. */
    REFUND("Refund", Treatment.PASSED_THROUGH),
    /** Tax: passed through. */
    TAX("Tax", Treatment.PASSED_THROUGH),
    /** A fee, such as a Reserved Instance's upfront fee: passed through. */
    FEE("Fee", Treatment.PASSED_THROUGH),
    /** A Reserved Instance's recurring fee: passed through. */
    RI_FEE("RIFee", Treatment.PASSED_THROUGH),
    /** A Savings Plan's recurring fee: passed through. */
    SAVINGS_PLAN_RECURRING_FEE("SavingsPlanRecurringFee", Treatment.PASSED_THROUGH),
    /** A Savings Plan's upfront fee: passed through. */
    SAVINGS_PLAN_UPFRONT_FEE("SavingsPlanUpfrontFee", Treatment.PASSED_THROUGH),
    /** The negation of covered usage's on-demand cost: passed through. */
    SAVINGS_PLAN_NEGATION("SavingsPlanNegation", Treatment.PASSED_THROUGH),
    /** A bundled discount: passed through. */
    BUNDLED_DISCOUNT("BundledDiscount", Treatment.PASSED_THROUGH),
    /** An Enterprise Discount Program discount: passed through. */
    EDP_DISCOUNT("EdpDiscount", Treatment.PASSED_THROUGH),
    /** A private rate discount: passed through. */
    PRIVATE_RATE_DISCOUNT("PrivateRateDiscount", Treatment.PASSED_THROUGH),
    /** A distributor discount: passed through. */
    DISTRIBUTOR_DISCOUNT("DistributorDiscount", Treatment.PASSED_THROUGH),
    /** Any other discount: passed through. */
    DISCOUNT("Discount", Treatment.PASSED_THROUGH),
    /** FOCUS only: a purchase (a commitment's fee, upfront or recurring, a support plan…): passed through. */
    PURCHASE("Purchase", Treatment.PASSED_THROUGH, true),
    /** FOCUS only: an adjustment (a refund, a correction…): passed through. */
    ADJUSTMENT("Adjustment", Treatment.PASSED_THROUGH, true),
    /** FOCUS only: the unused part of a commitment (usage, commitment discount status {@code Unused}): passed through. */
    UNUSED_COMMITMENT("UnusedCommitment", Treatment.PASSED_THROUGH, true);

    /** What the re-rater does with a line of a type. */
    public enum Treatment {
        /** Re-rated at on-demand prices, in the total and the reconciliation. */
        RERATED,
        /**
         * Re-rated at on-demand prices and in the total (it counts toward the free tier and tiers as any usage does),
         * reported beside AWS's effective cost and the discount.
         */
        COVERED,
        /** Its unblended cost reported as billed, never re-rated and not in the total. */
        PASSED_THROUGH
    }

    private final String billed;
    private final Treatment treatment;
    /** A FOCUS charge a Cost and Usage Report does not write. */
    private final boolean focusOnly;

    LineItemType(String billed, Treatment treatment) {
        this(billed, treatment, false);
    }

    LineItemType(String billed, Treatment treatment, boolean focusOnly) {
        this.billed = billed;
        this.treatment = treatment;
        this.focusOnly = focusOnly;
    }

    /** @return the value as a Cost and Usage Report writes it ({@code "SavingsPlanCoveredUsage"}) */
    public String billed() {
        return billed;
    }

    /** @return what the re-rater does with lines of this type */
    public Treatment treatment() {
        return treatment;
    }

    /**
     * The type of a FOCUS row (https://focus.finops.org/), from its {@code ChargeCategory} and, for usage, its
     * {@code CommitmentDiscountStatus} and {@code CommitmentDiscountCategory}: usage without a commitment is
     * {@link #USAGE}; used by a spend commitment (Savings Plans) {@link #SAVINGS_PLAN_COVERED_USAGE}, by a usage
     * commitment (Reserved Instances) {@link #DISCOUNTED_USAGE}; {@code Unused} is {@link #UNUSED_COMMITMENT};
     * {@code Purchase}, {@code Tax}, {@code Credit} and {@code Adjustment} are passed through. Case and surrounding
     * spaces are ignored.
     *
     * @param chargeCategory the row's {@code ChargeCategory}
     * @param commitmentStatus the row's {@code CommitmentDiscountStatus}, empty when it has none
     * @param commitmentCategory the row's {@code CommitmentDiscountCategory}, empty when it has none
     * @return the type, or empty if the values are not FOCUS's
     */
    public static Optional<LineItemType> ofFocus(String chargeCategory, String commitmentStatus,
            String commitmentCategory) {
        String status = commitmentStatus.trim().toLowerCase(Locale.ROOT);
        String category = commitmentCategory.trim().toLowerCase(Locale.ROOT);
        return switch (chargeCategory.trim().toLowerCase(Locale.ROOT)) {
            case "usage" -> switch (status) {
                case "" -> Optional.of(USAGE);
                case "unused" -> Optional.of(UNUSED_COMMITMENT);
                case "used" -> category.equals("spend") ? Optional.of(SAVINGS_PLAN_COVERED_USAGE)
                        : category.equals("usage") ? Optional.of(DISCOUNTED_USAGE) : Optional.empty();
                default -> Optional.empty();
            };
            case "purchase" -> Optional.of(PURCHASE);
            case "tax" -> Optional.of(TAX);
            case "credit" -> Optional.of(CREDIT);
            case "adjustment" -> Optional.of(ADJUSTMENT);
            default -> Optional.empty();
        };
    }

    /**
     * @param value the {@code lineItem/LineItemType} value
     * @return the type a Cost and Usage Report's value names, ignoring case and surrounding spaces, if it is one AWS
     *     documents (FOCUS's own charges are not)
     */
    public static Optional<LineItemType> of(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (LineItemType t : values()) {
            if (!t.focusOnly && t.billed.toLowerCase(Locale.ROOT).equals(v)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
