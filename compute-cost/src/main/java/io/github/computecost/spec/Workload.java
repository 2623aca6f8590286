package io.github.computecost.spec;

import io.github.computecost.budget.Budget;
import io.github.computecost.compare.MemoryTuning;
import io.github.computecost.compare.NeutralWorkload;
import io.github.computecost.estimate.Assessment;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.estimate.Services;
import io.github.computecost.estimate.UnsupportedResource;
import io.github.computecost.limits.AccountQuotas;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.limits.Violation;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.RegionPrices;
import io.github.computecost.service.Resource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
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
 * @param unsupported the template's resources of types no service prices, in template order: listed in the
 *     estimate as not priced
 * @param withoutUsage the names of template resources that are priced by usage and that the usage file does not
 *     name: their cost is shown as usage-based, with its unit prices, not as a bare zero
 * @param stackRegions the region of each resource, by name, whose stack deploys to a region of its own (a CDK
 *     app's stacks, from its manifest): it runs there unless it names its own region; the others run in
 *     {@code region}
 * @param tags the tags of each resource that has any, by name, sorted by key: a workload entry's {@code tags}, a
 *     template's {@code Tags}, a plan's {@code tags_all}; carried to the estimate for policies by tag
 * @param commitments the Reserved Instances and Savings Plans a workload file states ({@code reservedInstances},
 *     {@code savingsPlans}); priced with AWS's commitment rates by {@link io.github.computecost.commitment}
 */
public record Workload(Optional<String> region, boolean freeTier, List<Resource> resources, List<NeutralWorkload> plans,
        List<MemoryTuning> tunings, List<Budget> budgets, AccountQuotas quotas, List<Violation> findings,
        List<UnsupportedResource> unsupported, List<String> withoutUsage, Map<String, String> stackRegions,
        Map<String, Map<String, String>> tags, io.github.computecost.commitment.Commitments commitments) {

    /**
     * A workload without commitments.
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
     * @param unsupported the template's resources of types no service prices, in template order: listed in the estimate
     *     as not priced
     * @param withoutUsage the names of template resources that are priced by usage and that the usage file does not
     *     name: their cost is shown as usage-based, with its unit prices, not as a bare zero
     * @param stackRegions the region of each resource, by name, whose stack deploys to a region of its own (a CDK app's
     *     stacks, from its manifest): it runs there unless it names its own region; the others run in {@code region}
     * @param tags the tags of each resource that has any, by name, sorted by key: a workload entry's {@code tags}, a
     *     template's {@code Tags}, a plan's {@code tags_all}; carried to the estimate for policies by tag
     */
    public Workload(Optional<String> region, boolean freeTier, List<Resource> resources, List<NeutralWorkload> plans,
            List<MemoryTuning> tunings, List<Budget> budgets, AccountQuotas quotas, List<Violation> findings,
            List<UnsupportedResource> unsupported, List<String> withoutUsage, Map<String, String> stackRegions,
            Map<String, Map<String, String>> tags) {
        this(region, freeTier, resources, plans, tunings, budgets, quotas, findings, unsupported, withoutUsage,
                stackRegions, tags, io.github.computecost.commitment.Commitments.NONE);
    }

    /**
     * A workload whose resources carry no tags.
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
     * @param unsupported the template's resources of types no service prices, in template order: listed in the estimate
     *     as not priced
     * @param withoutUsage the names of template resources that are priced by usage and that the usage file does not
     *     name: their cost is shown as usage-based, with its unit prices, not as a bare zero
     * @param stackRegions the region of each resource, by name, whose stack deploys to a region of its own (a CDK app's
     *     stacks, from its manifest): it runs there unless it names its own region; the others run in {@code region}
     */
    public Workload(Optional<String> region, boolean freeTier, List<Resource> resources, List<NeutralWorkload> plans,
            List<MemoryTuning> tunings, List<Budget> budgets, AccountQuotas quotas, List<Violation> findings,
            List<UnsupportedResource> unsupported, List<String> withoutUsage, Map<String, String> stackRegions) {
        this(region, freeTier, resources, plans, tunings, budgets, quotas, findings, unsupported, withoutUsage,
                stackRegions, Map.of());
    }

    /**
     * A workload whose resources all run in {@code region} unless they name their own.
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
     * @param unsupported the template's resources of types no service prices, in template order: listed in the estimate
     *     as not priced
     * @param withoutUsage the names of template resources that are priced by usage and that the usage file does not
     *     name: their cost is shown as usage-based, with its unit prices, not as a bare zero
     */
    public Workload(Optional<String> region, boolean freeTier, List<Resource> resources, List<NeutralWorkload> plans,
            List<MemoryTuning> tunings, List<Budget> budgets, AccountQuotas quotas, List<Violation> findings,
            List<UnsupportedResource> unsupported, List<String> withoutUsage) {
        this(region, freeTier, resources, plans, tunings, budgets, quotas, findings, unsupported, withoutUsage,
                Map.of());
    }

    /**
     * A workload whose input has no unsupported resource and no template resource without usage.
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
    public Workload(Optional<String> region, boolean freeTier, List<Resource> resources, List<NeutralWorkload> plans,
            List<MemoryTuning> tunings, List<Budget> budgets, AccountQuotas quotas, List<Violation> findings) {
        this(region, freeTier, resources, plans, tunings, budgets, quotas, findings, List.of(), List.of());
    }

    /**
     * A workload of resources only.
     *
     * @param region the default region for resources that name none, if given
     * @param freeTier whether the file asks for the account's free tier (default true)
     * @param resources the resources, in file order (which decides how shared allowances are attributed)
     * @param budgets the file's budgets: on the total and on resources, possibly empty
     * @param quotas the account's raised quotas, as the file states them
     */
    public Workload(Optional<String> region, boolean freeTier, List<? extends Resource> resources, List<Budget> budgets,
            AccountQuotas quotas) {
        this(region, freeTier, List.copyOf(resources), List.of(), List.of(), budgets, quotas, List.of());
    }

    /**
     * A workload of resources only, with AWS's default quotas.
     *
     * @param region the default region for resources that name none, if given
     * @param freeTier whether the file asks for the account's free tier (default true)
     * @param resources the resources, in file order (which decides how shared allowances are attributed)
     * @param budgets the file's budgets: on the total and on resources, possibly empty
     */
    public Workload(Optional<String> region, boolean freeTier, List<? extends Resource> resources, List<Budget> budgets) {
        this(region, freeTier, resources, budgets, AccountQuotas.DEFAULTS);
    }

    /**
     * Checks the components and keeps immutable copies of its collections.
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
     * @param unsupported the template's resources of types no service prices, in template order: listed in the estimate
     *     as not priced
     * @param withoutUsage the names of template resources that are priced by usage and that the usage file does not
     *     name: their cost is shown as usage-based, with its unit prices, not as a bare zero
     * @param stackRegions the region of each resource, by name, whose stack deploys to a region of its own (a CDK app's
     *     stacks, from its manifest): it runs there unless it names its own region; the others run in {@code region}
     * @param tags the tags of each resource that has any, by name, sorted by key: a workload entry's {@code tags}, a
     *     template's {@code Tags}, a plan's {@code tags_all}; carried to the estimate for policies by tag
     * @param commitments the Reserved Instances and Savings Plans a workload file states ({@code reservedInstances},
     *     {@code savingsPlans}); priced with AWS's commitment rates by {@link io.github.computecost.commitment}
     */
    public Workload {
        Objects.requireNonNull(region, "region");
        resources = List.copyOf(resources);
        plans = List.copyOf(plans);
        tunings = List.copyOf(tunings);
        budgets = List.copyOf(budgets);
        Objects.requireNonNull(quotas, "quotas");
        findings = List.copyOf(findings);
        unsupported = List.copyOf(unsupported);
        withoutUsage = List.copyOf(withoutUsage);
        stackRegions = Map.copyOf(stackRegions);
        Map<String, Map<String, String>> t = new java.util.LinkedHashMap<>();
        tags.forEach((name, kv) -> t.put(name, java.util.Collections.unmodifiableSortedMap(new TreeMap<>(kv))));
        tags = java.util.Collections.unmodifiableMap(t);
        Objects.requireNonNull(commitments, "commitments");
    }

    /**
     * @return every region the workload's resources run in (a resource naming none runs in the file's region, or
     *     {@link Estimator#DEFAULT_REGION}; one of a service priced once everywhere counts as in that region), sorted
     */
    public SortedSet<String> regions() {
        SortedSet<String> out = new TreeSet<>();
        String fallback = region.orElse(Estimator.DEFAULT_REGION);
        for (Resource r : resources) {
            out.add(Services.of(r).regional() ? r.region().orElse(stackRegions.getOrDefault(r.name(), fallback))
                    : fallback);
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

    /** The words every warning about a template resource given no usage starts with. */
    public static final String USAGE_BASED = "usage-based";

    /**
     * A warning for a template resource the usage file does not name and which costs nothing without usage: its cost
     * depends on usage, so its unit prices are shown rather than a bare zero.
     */
    private Optional<String> usageBased(Estimator estimator, Assessment a, String name) {
        Optional<io.github.computecost.estimate.ResourceEstimate> r = a.estimate().resources().stream()
                .filter(x -> x.name().equals(name)).findFirst();
        if (r.isEmpty() || r.get().monthlyCostExact().signum() != 0) {
            return Optional.empty(); // rejected, not priced, or costing something without usage (an always-on task)
        }
        Resource resource = resources.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        List<io.github.computecost.pricing.PriceTable> tables = estimator.unitPrices(resource);
        List<String> prices = new java.util.ArrayList<>();
        for (io.github.computecost.pricing.PriceTable t : tables) {
            if (t.tiers().isEmpty() || t.tiers().get(0).unitPrice().signum() == 0) {
                continue;
            }
            prices.add(perUnit(t.tiers().get(0).unitPrice(), a.estimate().currency(), t.unit())
                    + (t.isTiered() ? " (first tier)" : "") + " (" + t.usageType() + ")");
        }
        return Optional.of(USAGE_BASED + ": " + name + " (" + r.get().type() + ") has no usage in the usage file, so "
                + "it is priced at none; its cost depends on usage"
                + (prices.isEmpty() ? "" : ": " + String.join(", ", prices))
                + "; give its usage with --usage to price it");
    }

    /** @return {@code 0.20 USD per 1M Requests}: a unit price scaled up until it shows cents */
    static String perUnit(java.math.BigDecimal price, String currency, String unit) {
        java.math.BigDecimal p = price;
        String per = "";
        for (String[] step : new String[][] {{"1000", "1K "}, {"1000", "1M "}, {"1000", "1B "}}) {
            if (p.compareTo(new java.math.BigDecimal("0.01")) >= 0) {
                break;
            }
            p = p.multiply(new java.math.BigDecimal(step[0]));
            per = step[1];
        }
        java.math.BigDecimal shown = p.stripTrailingZeros();
        if (shown.scale() < 2) {
            shown = shown.setScale(2);
        }
        return shown.toPlainString() + " " + currency + " per " + (per.isEmpty() ? "" : per) + unit;
    }

    /**
     * @param prices the price book to rate against
     * @return an estimator with this workload's default region, its stacks' regions, free-tier setting and quotas
     */
    public Estimator estimator(PriceBook prices) {
        Estimator e = Estimator.of(prices).freeTier(freeTier).quotas(quotas).stackRegions(stackRegions);
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
        if (!tags.isEmpty()) {
            a = new Assessment(a.estimate().withTags(tags), a.violations());
        }
        if (!unsupported.isEmpty()) {
            a = new Assessment(a.estimate().withUnsupported(unsupported), a.violations());
        }
        for (String name : withoutUsage) {
            Optional<String> warning = usageBased(estimator, a, name);
            if (warning.isPresent()) {
                a = new Assessment(a.estimate().withUsageBased(name, warning.get()), a.violations());
            }
        }
        if (resources.isEmpty() && unsupported.isEmpty()) {
            a = new Assessment(a.estimate().withWarning("the workload has no resources: its total is 0 because there "
                    + "is nothing to price" + (plans.isEmpty() ? "" : " (its service-neutral workloads are for compare)")),
                    a.violations());
        } else if (withoutUsage.isEmpty() && !a.estimate().resources().isEmpty()
                && a.estimate().totalExact().signum() == 0
                && a.estimate().resources().stream().allMatch(r -> r.lineItems().stream()
                        .allMatch(li -> li.quantity().signum() == 0))) {
            a = new Assessment(a.estimate().withWarning("every resource's usage is zero: the total is 0; give requests, "
                    + "hours or runs to price the month"), a.violations());
        }
        return findings.isEmpty() ? a : new Assessment(a.estimate(), new ValidationReport(findings).and(a.violations()));
    }
}
