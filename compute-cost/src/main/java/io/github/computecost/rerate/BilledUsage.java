package io.github.computecost.rerate;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a bill, as a Cost and Usage Report has it, for {@link Rerater#rate(java.util.Iterator)}.
 *
 * @param accountId the usage account ({@code lineItem/UsageAccountId}); {@code null} for one unnamed account
 * @param month the month the usage falls in (from {@code lineItem/UsageStartDate}); the free tier is per billing
 *     family (or account) and month; {@code null} for one unnamed month
 * @param usageType the usage type as billed, region prefix included ({@code USE2-Lambda-GB-Second})
 * @param resourceId the resource ({@code lineItem/ResourceId}); {@code null} or empty for none
 * @param amount the usage amount in the usage type's unit ({@code lineItem/UsageAmount}: requests, GB-seconds,
 *     hours…), exact; a negative amount is skipped and counted, as on a CSV line
 * @param payerAccountId the payer account ({@code bill/PayerAccountId}), whose billing family shares one free tier
 *     and one set of tiers; {@code null} to rate each account alone. The first record decides for all: when it names
 *     a payer, every record's family is rated together
 * @param lineItemType how the line was billed ({@code lineItem/LineItemType}); {@link LineItemType#USAGE} by default
 * @param unblendedCost what AWS charged for the line ({@code lineItem/UnblendedCost}), in the bill's currency, for the
 *     reconciliation and for passed-through lines. The first record decides for all: when it has one, a later record
 *     without one is skipped and counted, as a CSV line with an empty cost column is
 * @param effectiveCost what a Savings Plan or reservation charged for covered usage
 *     ({@code savingsPlan/SavingsPlanEffectiveCost}, {@code reservation/EffectiveCost}); empty for other lines
 * @param productCode the product ({@code lineItem/ProductCode}), naming passed-through lines; {@code null} for none
 * @param tags user tags by key, without the {@code user:} prefix ({@code team} for {@code resourceTags/user:team}), of
 *     which the re-rater reads those it was asked to group by
 */
public record BilledUsage(String accountId, YearMonth month, String usageType, String resourceId, BigDecimal amount,
        String payerAccountId, LineItemType lineItemType, Optional<BigDecimal> unblendedCost,
        Optional<BigDecimal> effectiveCost, String productCode, Map<String, String> tags) {

    /**
     * Checks the components and keeps immutable copies of its collections.
     *
     * @param accountId the usage account ({@code lineItem/UsageAccountId}); {@code null} for one unnamed account
     * @param month the month the usage falls in (from {@code lineItem/UsageStartDate}); the free tier is per billing
     *     family (or account) and month; {@code null} for one unnamed month
     * @param usageType the usage type as billed, region prefix included ({@code USE2-Lambda-GB-Second})
     * @param resourceId the resource ({@code lineItem/ResourceId}); {@code null} or empty for none
     * @param amount the usage amount in the usage type's unit ({@code lineItem/UsageAmount}: requests, GB-seconds,
     *     hours…), exact; a negative amount is skipped and counted, as on a CSV line
     * @param payerAccountId the payer account ({@code bill/PayerAccountId}), whose billing family shares one free tier
     *     and one set of tiers; {@code null} to rate each account alone. The first record decides for all: when it
     *     names a payer, every record's family is rated together
     * @param lineItemType how the line was billed ({@code lineItem/LineItemType}); {@link LineItemType#USAGE} by
     *     default
     * @param unblendedCost what AWS charged for the line ({@code lineItem/UnblendedCost}), in the bill's currency, for
     *     the reconciliation and for passed-through lines. The first record decides for all: when it has one, a later
     *     record without one is skipped and counted, as a CSV line with an empty cost column is
     * @param effectiveCost what a Savings Plan or reservation charged for covered usage ({@code
     *     savingsPlan/SavingsPlanEffectiveCost}, {@code reservation/EffectiveCost}); empty for other lines
     * @param productCode the product ({@code lineItem/ProductCode}), naming passed-through lines; {@code null} for none
     * @param tags user tags by key, without the {@code user:} prefix ({@code team} for {@code resourceTags/user:team}),
     *     of which the re-rater reads those it was asked to group by
     */
    public BilledUsage {
        Objects.requireNonNull(usageType, "usageType");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(lineItemType, "lineItemType");
        Objects.requireNonNull(unblendedCost, "unblendedCost");
        Objects.requireNonNull(effectiveCost, "effectiveCost");
        tags = Map.copyOf(Objects.requireNonNull(tags, "tags"));
    }

    /**
     * A usage line at on-demand rates, of no payer, without costs, product or tags.
     *
     * @param accountId the usage account ({@code lineItem/UsageAccountId}); {@code null} for one unnamed account
     * @param month the month the usage falls in (from {@code lineItem/UsageStartDate}); the free tier is per billing
     *     family (or account) and month; {@code null} for one unnamed month
     * @param usageType the usage type as billed, region prefix included ({@code USE2-Lambda-GB-Second})
     * @param resourceId the resource ({@code lineItem/ResourceId}); {@code null} or empty for none
     * @param amount the usage amount in the usage type's unit ({@code lineItem/UsageAmount}: requests, GB-seconds,
     *     hours…), exact; a negative amount is skipped and counted, as on a CSV line
     */
    public BilledUsage(String accountId, YearMonth month, String usageType, String resourceId, BigDecimal amount) {
        this(accountId, month, usageType, resourceId, amount, null, LineItemType.USAGE, Optional.empty(),
                Optional.empty(), null, Map.of());
    }

    /**
     * @param payer the payer account's id
     * @return this line of the billing family of {@code payer}
     */
    public BilledUsage withPayer(String payer) {
        return new BilledUsage(accountId, month, usageType, resourceId, amount, payer, lineItemType, unblendedCost,
                effectiveCost, productCode, tags);
    }

    /**
     * @param type how the line was billed
     * @param unblended what AWS charged ({@code lineItem/UnblendedCost}); {@code null} for unknown
     * @param effective what a Savings Plan or reservation charged, for covered usage; {@code null} for none
     * @return this line, billed so
     */
    public BilledUsage billedAs(LineItemType type, BigDecimal unblended, BigDecimal effective) {
        return new BilledUsage(accountId, month, usageType, resourceId, amount, payerAccountId, type,
                Optional.ofNullable(unblended), Optional.ofNullable(effective), productCode, tags);
    }

    /**
     * @param code the product code, as the export's {@code lineItem/ProductCode} gives it
     * @return this line with its product code ({@code AWSLambda})
     */
    public BilledUsage withProductCode(String code) {
        return new BilledUsage(accountId, month, usageType, resourceId, amount, payerAccountId, lineItemType,
                unblendedCost, effectiveCost, code, tags);
    }

    /**
     * @param userTags tag key (without {@code user:}) to value
     * @return this line with its user tags, by key without the {@code user:} prefix
     */
    public BilledUsage withTags(Map<String, String> userTags) {
        return new BilledUsage(accountId, month, usageType, resourceId, amount, payerAccountId, lineItemType,
                unblendedCost, effectiveCost, productCode, userTags);
    }
}
