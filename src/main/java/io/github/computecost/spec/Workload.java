package io.github.computecost.spec;

import io.github.computecost.budget.Budget;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.estimate.Meterable;
import io.github.computecost.limits.AccountQuotas;
import io.github.computecost.limits.Violation;
import io.github.computecost.pricing.PriceBook;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The content of a workload file.
 *
 * @param region the default region for resources that name none, if given
 * @param freeTier whether the file asks for the account's free tier (default true)
 * @param resources the resources, in file order (which decides how shared allowances are attributed)
 * @param budgets the file's budgets: on the total and on resources, possibly empty
 * @param quotas the account's raised quotas, as the file states them
 * @param findings what reading found but could not use (template values it cannot resolve), as warnings
 */
public record Workload(Optional<String> region, boolean freeTier, List<Meterable> resources, List<Budget> budgets,
        AccountQuotas quotas, List<Violation> findings) {

    /** A workload with nothing left unresolved. */
    public Workload(Optional<String> region, boolean freeTier, List<Meterable> resources, List<Budget> budgets,
            AccountQuotas quotas) {
        this(region, freeTier, resources, budgets, quotas, List.of());
    }

    /** A workload with AWS's default quotas. */
    public Workload(Optional<String> region, boolean freeTier, List<Meterable> resources, List<Budget> budgets) {
        this(region, freeTier, resources, budgets, AccountQuotas.DEFAULTS);
    }

    public Workload {
        Objects.requireNonNull(region, "region");
        resources = List.copyOf(resources);
        budgets = List.copyOf(budgets);
        Objects.requireNonNull(quotas, "quotas");
        findings = List.copyOf(findings);
    }

    /**
     * @return every region the workload's resources run in (a resource naming none runs in the file's region, or
     *     {@link Estimator#DEFAULT_REGION}), sorted
     */
    public java.util.SortedSet<String> regions() {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        String fallback = region.orElse(Estimator.DEFAULT_REGION);
        for (Meterable m : resources) {
            out.add(m.region().orElse(fallback));
        }
        if (resources.isEmpty()) {
            out.add(fallback);
        }
        return out;
    }

    /**
     * @param prices the price book to rate against
     * @return an estimator with this workload's default region and free-tier setting
     */
    public Estimator estimator(PriceBook prices) {
        Estimator e = Estimator.of(prices).freeTier(freeTier);
        return region.map(e::region).orElse(e);
    }
}
