package io.github.computecost.budget;

import io.github.computecost.money.Amounts;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One budget against the estimate it limits.
 *
 * @param budget the budget
 * @param estimateExact the exact monthly cost it limits
 * @param currency ISO 4217 code
 */
public record BudgetCheck(Budget budget, BigDecimal estimateExact, String currency) {
    /**
     * Checks the components.
     *
     * @param budget the budget
     * @param estimateExact the exact monthly cost it limits
     * @param currency ISO 4217 code
     */
    public BudgetCheck {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(estimateExact, "estimateExact");
        Objects.requireNonNull(currency, "currency");
    }

    /** @return whether the exact cost is greater than the limit */
    public boolean over() {
        return estimateExact.compareTo(budget.monthlyLimit()) > 0;
    }

    /** @return how far the exact cost is above the limit (negative when under), exact */
    public BigDecimal overBy() {
        return estimateExact.subtract(budget.monthlyLimit());
    }

    /** @return a sentence, for example "total monthly cost 18.73 USD exceeds the budget of 10.00 USD by 8.73 USD" */
    public String message() {
        String what = budget.resource().map(r -> "monthly cost of " + r).orElse("total monthly cost");
        String cost = Amounts.money(Amounts.toCents(estimateExact)) + " " + currency;
        String limit = Amounts.money(budget.monthlyLimit()) + " " + currency;
        if (over()) {
            return what + " " + cost + " (exact " + Amounts.money(estimateExact) + ") exceeds the budget of " + limit
                    + " by " + Amounts.money(Amounts.toCents(overBy())) + " " + currency + " (exact "
                    + Amounts.money(overBy()) + ")";
        }
        return what + " " + cost + " is within the budget of " + limit;
    }
}
