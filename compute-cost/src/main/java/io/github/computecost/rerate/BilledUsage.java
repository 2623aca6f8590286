package io.github.computecost.rerate;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One line of billed usage, as a Cost and Usage Report has it, for {@link Rerater#rate(java.util.Iterator)}.
 *
 * @param accountId the usage account ({@code lineItem/UsageAccountId}); {@code null} for one unnamed account
 * @param month the month the usage falls in (from {@code lineItem/UsageStartDate}); the free tier is per account
 *     and month; {@code null} for one unnamed month
 * @param usageType the usage type as billed, region prefix included ({@code USE2-Lambda-GB-Second})
 * @param resourceId the resource ({@code lineItem/ResourceId}); {@code null} or empty for none
 * @param amount the usage amount in the usage type's unit ({@code lineItem/UsageAmount}: requests, GB-seconds,
 *     hours…), exact; a negative amount is skipped and counted, as on a CSV line
 */
public record BilledUsage(String accountId, YearMonth month, String usageType, String resourceId, BigDecimal amount) {
    public BilledUsage {
        Objects.requireNonNull(usageType, "usageType");
        Objects.requireNonNull(amount, "amount");
    }
}
