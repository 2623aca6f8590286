package io.github.computecost.budget;

import io.github.computecost.estimate.Estimate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Every budget of a workload checked against its estimate.
 *
 * @param checks one per budget, in the order given
 */
public record BudgetReport(List<BudgetCheck> checks) {
    /**
     * Keeps immutable copies of its collections.
     *
     * @param checks one per budget, in the order given
     */
    public BudgetReport {
        checks = List.copyOf(checks);
    }

    /**
     * Checks budgets against an estimate.
     *
     * @param estimate the estimate
     * @param budgets budgets on its total or on its resources
     * @return the report
     * @throws java.util.NoSuchElementException if a budget names a resource the estimate lacks
     */
    public static BudgetReport check(Estimate estimate, List<Budget> budgets) {
        List<BudgetCheck> out = new ArrayList<>();
        for (Budget b : budgets) {
            BigDecimal cost = b.resource().map(r -> estimate.resource(r).monthlyCostExact()).orElse(estimate.totalExact());
            out.add(new BudgetCheck(b, cost, estimate.currency()));
        }
        return new BudgetReport(out);
    }

    /** @return whether any budget is exceeded */
    public boolean anyOver() {
        return checks.stream().anyMatch(BudgetCheck::over);
    }

    /** @return the exceeded budgets */
    public List<BudgetCheck> over() {
        return checks.stream().filter(BudgetCheck::over).toList();
    }
}
