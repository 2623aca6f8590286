package io.github.computecost.spec;

import io.github.computecost.budget.Budget;
import io.github.computecost.compare.MemoryTuning;
import io.github.computecost.compare.NeutralWorkload;
import io.github.computecost.estimate.Assessment;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.estimate.Services;
import io.github.computecost.limits.AccountQuotas;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.limits.Violation;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.RegionPrices;
import io.github.computecost.service.Resource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The content of a workload file, template or task definition, typed: the resources services price, apart from
 * the service-neutral plans {@code compare} prices and the memory tunings {@code tune-memory} reads.
 *
 * @param region the default region for resources that name none, if given
 * @param freeTier whether the file asks for the account's free tier (default true)
 * @param resources the resources, in file order (which decides how shared allowances are attributed)
 * @param plans the service-neutral workloads ({@code type: workload}), in file order
 * @param tunings the memory tunings ({@code type: memory-tuning}), in file order
 * @param budgets the file's budgets: on the total and on resources, possibly empty
 * @param quotas the account's raised quotas, as the file states them
 * @param findings what reading found but could not use (template values it cannot resolve, a task definition that
 *     is not for Fargate), as violations
 */
public record Workload(Optional<String> region, boolean freeTier, List<Resource> resources, List<NeutralWorkload> plans,
        List<MemoryTuning> tunings, List<Budget> budgets, AccountQuotas quotas, List<Violation> findings) {

    /** A workload of resources only. */
    public Workload(Optional<String> region, boolean freeTier, List<? extends Resource> resources, List<Budget> budgets,
            AccountQuotas quotas) {
        this(region, freeTier, List.copyOf(resources), List.of(), List.of(), budgets, quotas, List.of());
    }

    /** A workload of resources only, with AWS's default quotas. */
    public Workload(Optional<String> region, boolean freeTier, List<? extends Resource> resources, List<Budget> budgets) {
        this(region, freeTier, resources, budgets, AccountQuotas.DEFAULTS);
    }

    public Workload {
        Objects.requireNonNull(region, "region");
        resources = List.copyOf(resources);
        plans = List.copyOf(plans);
        tunings = List.copyOf(tunings);
        budgets = List.copyOf(budgets);
        Objects.requireNonNull(quotas, "quotas");
        findings = List.copyOf(findings);
    }

    /**
     * @return every region the workload's resources run in (a resource naming none runs in the file's region, or
     *     {@link Estimator#DEFAULT_REGION}; one of a service priced once everywhere counts as in that region), sorted
     */
    public SortedSet<String> regions() {
        SortedSet<String> out = new TreeSet<>();
        String fallback = region.orElse(Estimator.DEFAULT_REGION);
        for (Resource r : resources) {
            out.add(Services.of(r).regional() ? r.region().orElse(fallback) : fallback);
        }
        for (NeutralWorkload p : plans) {
            out.add(p.region().orElse(fallback));
        }
        for (MemoryTuning t : tunings) {
            out.add(t.region().orElse(fallback));
        }
        if (out.isEmpty()) {
            out.add(fallback);
        }
        out.remove(RegionPrices.GLOBAL);
        return out;
    }

    /**
     * @param prices the price book to rate against
     * @return an estimator with this workload's default region, free-tier setting and quotas
     */
    public Estimator estimator(PriceBook prices) {
        Estimator e = Estimator.of(prices).freeTier(freeTier).quotas(quotas);
        return region.map(e::region).orElse(e);
    }

    /**
     * The one answer for this workload: what reading it found, then every violation, and the estimate of what AWS
     * would accept.
     *
     * @param estimator the estimator to assess with (usually {@link #estimator(PriceBook)}, with a caller's changes)
     * @return the assessment
     */
    public Assessment assess(Estimator estimator) {
        Assessment a = estimator.assess(resources);
        return findings.isEmpty() ? a : new Assessment(a.estimate(), new ValidationReport(findings).and(a.violations()));
    }
}
