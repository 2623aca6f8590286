package io.github.computecost.estimate;

import io.github.computecost.money.Amounts;
import java.math.BigDecimal;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import javax.money.MonetaryAmount;

/**
 * A month's estimated cost for a set of resources.
 *
 * <p>{@link #totalExact()} is exactly the sum of every resource's {@link ResourceEstimate#monthlyCostExact()},
 * which is exactly the sum of its line items. Rounded figures are for presentation only.
 *
 * @param currency ISO 4217 code of every amount
 * @param pricingVersion the price book's version, to reproduce the estimate
 * @param freeTier whether the account's free tier was applied
 * @param resources per-resource estimates, in the order the resources were given
 * @param warnings things the reader must know (unconfirmed prices, ...), possibly empty
 */
public record Estimate(String currency, String pricingVersion, boolean freeTier, List<ResourceEstimate> resources,
        List<String> warnings) {

    public Estimate {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(pricingVersion, "pricingVersion");
        resources = List.copyOf(resources);
        warnings = List.copyOf(warnings);
    }

    /** @return the exact monthly total, unrounded */
    public BigDecimal totalExact() {
        BigDecimal sum = BigDecimal.ZERO;
        for (ResourceEstimate r : resources) {
            sum = sum.add(r.monthlyCostExact());
        }
        return sum;
    }

    /** @return the monthly total rounded to cents, half up (presentation only) */
    public BigDecimal totalRounded() {
        return Amounts.toCents(totalExact());
    }

    /** @return the exact monthly total as a JSR-354 amount */
    public MonetaryAmount total() {
        return Amounts.toMonetary(totalExact(), currency);
    }

    /**
     * @param name a resource name
     * @return that resource's estimate
     * @throws NoSuchElementException if there is none
     */
    public ResourceEstimate resource(String name) {
        return resources.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no resource named " + name + " in the estimate"));
    }
}
