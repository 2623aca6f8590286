package io.github.computecost.estimate;

import io.github.computecost.money.Amounts;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import javax.money.MonetaryAmount;

/**
 * One resource's monthly cost.
 *
 * @param name resource name
 * @param type workload type, {@code "lambda"}
 * @param region region code
 * @param currency ISO 4217 code
 * @param lineItems line items, one per usage type and tier in use, free-tier lines included
 * @param notes assumptions made while metering, possibly empty
 */
public record ResourceEstimate(String name, String type, String region, String currency, List<LineItem> lineItems,
        List<String> notes) {

    public ResourceEstimate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(currency, "currency");
        lineItems = List.copyOf(lineItems);
        notes = List.copyOf(notes);
    }

    /** @return the exact monthly cost: the sum of the line items, unrounded, without trailing zeros */
    public BigDecimal monthlyCostExact() {
        BigDecimal sum = BigDecimal.ZERO;
        for (LineItem li : lineItems) {
            sum = sum.add(li.cost());
        }
        return Amounts.exact(sum);
    }

    /** @return the monthly cost rounded to cents, half up (presentation only) */
    public BigDecimal monthlyCostRounded() {
        return Amounts.toCents(monthlyCostExact());
    }

    /** @return the exact monthly cost as a JSR-354 amount */
    public MonetaryAmount monthlyCost() {
        return Amounts.toMonetary(monthlyCostExact(), currency);
    }
}
