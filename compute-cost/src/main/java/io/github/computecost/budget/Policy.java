package io.github.computecost.budget;

import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.EstimateDiff;
import io.github.computecost.estimate.LineItem;
import io.github.computecost.estimate.ResourceEstimate;
import io.github.computecost.money.Amounts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Cost policies as data, checked against an estimate and, for a change, against its diff: a CI gate beside the
 * budgets and {@code --fail-on-increase}. Every amount is monthly, in the estimate's currency, compared exactly.
 * A policy file (YAML or JSON, read by {@code spec.PolicyReader}):
 *
 * <pre>{@code
 * maxMonthlyCost: "500"                      # the whole estimate
 * maxMonthlyCostPerResource: "100"           # any one resource
 * maxMonthlyCostByType: { lambda: "50" }     # the resources of a type together (workload-file type names)
 * maxMonthlyCostByTag:                       # the resources carrying a tag value together
 *   team: { payments: "100", "*": "40" }     # "*": each other value of the tag, one by one
 * requireTags: [team]                        # every priced resource carries these tag keys
 * maxNewResourceMonthlyCost: "25"            # a change: a resource it adds
 * maxIncrease: "10%"                         # a change: the total's growth, a percentage or an amount
 * requireConfirmedPrices: true               # no line item priced from a derived (unconfirmed) price
 * }</pre>
 *
 * @param maxMonthlyCost the most the whole estimate may cost
 * @param maxMonthlyCostPerResource the most any one resource may cost
 * @param maxMonthlyCostByType the most the resources of a type may cost together, by type
 * @param maxNewResourceMonthlyCost the most a resource a change adds may cost
 * @param maxIncrease the most a change may grow the total by
 * @param requireConfirmedPrices whether a price derived by a rule (not read from a source) fails the policy
 * @param maxMonthlyCostByTag the most the resources carrying a tag value may cost together, by tag key and then
 *     value; the value {@link #ANY_VALUE} stands for each value of the key that has no ceiling of its own, one by one.
 *     A resource without the key counts under none of its ceilings ({@code requireTags} finds it)
 * @param requireTags tag keys every priced resource must carry (with any value), in the policy's order
 */
public record Policy(Optional<BigDecimal> maxMonthlyCost, Optional<BigDecimal> maxMonthlyCostPerResource,
        Map<String, BigDecimal> maxMonthlyCostByType, Optional<BigDecimal> maxNewResourceMonthlyCost,
        Optional<IncreaseLimit> maxIncrease, boolean requireConfirmedPrices,
        Map<String, Map<String, BigDecimal>> maxMonthlyCostByTag, List<String> requireTags) {

    /** The keys of a policy file. */
    public static final Set<String> KEYS = Set.of("maxMonthlyCost", "maxMonthlyCostPerResource",
            "maxMonthlyCostByType", "maxMonthlyCostByTag", "requireTags", "maxNewResourceMonthlyCost", "maxIncrease",
            "requireConfirmedPrices");

    /** In {@code maxMonthlyCostByTag}, the value that stands for each value of a tag without a ceiling of its own. */
    public static final String ANY_VALUE = "*";

    /**
     * A policy without rules by tag.
     *
     * @param maxMonthlyCost the most the whole estimate may cost
     * @param maxMonthlyCostPerResource the most any one resource may cost
     * @param maxMonthlyCostByType the most the resources of a type may cost together, by type
     * @param maxNewResourceMonthlyCost the most a resource a change adds may cost
     * @param maxIncrease the most a change may grow the total by
     * @param requireConfirmedPrices whether a price derived by a rule (not read from a source) fails the policy
     */
    public Policy(Optional<BigDecimal> maxMonthlyCost, Optional<BigDecimal> maxMonthlyCostPerResource,
            Map<String, BigDecimal> maxMonthlyCostByType, Optional<BigDecimal> maxNewResourceMonthlyCost,
            Optional<IncreaseLimit> maxIncrease, boolean requireConfirmedPrices) {
        this(maxMonthlyCost, maxMonthlyCostPerResource, maxMonthlyCostByType, maxNewResourceMonthlyCost, maxIncrease,
                requireConfirmedPrices, Map.of(), List.of());
    }

    /**
     * Checks the components and keeps immutable copies of its collections.
     *
     * @param maxMonthlyCost the most the whole estimate may cost
     * @param maxMonthlyCostPerResource the most any one resource may cost
     * @param maxMonthlyCostByType the most the resources of a type may cost together, by type
     * @param maxNewResourceMonthlyCost the most a resource a change adds may cost
     * @param maxIncrease the most a change may grow the total by
     * @param requireConfirmedPrices whether a price derived by a rule (not read from a source) fails the policy
     * @param maxMonthlyCostByTag the most the resources carrying a tag value may cost together, by tag key and then
     *     value; the value {@link #ANY_VALUE} stands for each value of the key that has no ceiling of its own, one by
     *     one. A resource without the key counts under none of its ceilings ({@code requireTags} finds it)
     * @param requireTags tag keys every priced resource must carry (with any value), in the policy's order
     */
    public Policy {
        Objects.requireNonNull(maxMonthlyCost, "maxMonthlyCost");
        Objects.requireNonNull(maxMonthlyCostPerResource, "maxMonthlyCostPerResource");
        maxMonthlyCostByType = Collections.unmodifiableMap(new LinkedHashMap<>(maxMonthlyCostByType));
        Objects.requireNonNull(maxNewResourceMonthlyCost, "maxNewResourceMonthlyCost");
        Objects.requireNonNull(maxIncrease, "maxIncrease");
        Map<String, Map<String, BigDecimal>> byTag = new LinkedHashMap<>();
        maxMonthlyCostByTag.forEach((k, v) -> byTag.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        maxMonthlyCostByTag = Collections.unmodifiableMap(byTag);
        requireTags = List.copyOf(requireTags);
    }

    /**
     * One rule a configuration breaks.
     *
     * @param rule the policy key, {@code "maxMonthlyCostPerResource"}
     * @param resource the resource it names, or empty for the whole estimate
     * @param message one line: the resource, the figure and the limit
     */
    public record Failure(String rule, Optional<String> resource, String message) {
        /**
         * Checks the components.
         *
         * @param rule the policy key, {@code "maxMonthlyCostPerResource"}
         * @param resource the resource it names, or empty for the whole estimate
         * @param message one line: the resource, the figure and the limit
         */
        public Failure {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * @param estimate the configuration's estimate
     * @return every rule it breaks, in the policy's order, resources in the estimate's order; empty if none
     */
    public List<Failure> check(Estimate estimate) {
        List<Failure> out = new ArrayList<>();
        String cur = estimate.currency();
        maxMonthlyCost.ifPresent(max -> {
            if (estimate.totalExact().compareTo(max) > 0) {
                out.add(new Failure("maxMonthlyCost", Optional.empty(), "the monthly total " + money(estimate
                        .totalExact(), cur) + " is above maxMonthlyCost " + money(max, cur)));
            }
        });
        maxMonthlyCostPerResource.ifPresent(max -> {
            for (ResourceEstimate r : estimate.resources()) {
                if (r.monthlyCostExact().compareTo(max) > 0) {
                    out.add(new Failure("maxMonthlyCostPerResource", Optional.of(r.name()), r.name() + " (" + r.type()
                            + ") costs " + money(r.monthlyCostExact(), cur) + " a month, above maxMonthlyCostPerResource "
                            + money(max, cur)));
                }
            }
        });
        for (Map.Entry<String, BigDecimal> e : maxMonthlyCostByType.entrySet()) {
            BigDecimal sum = BigDecimal.ZERO;
            List<String> names = new ArrayList<>();
            for (ResourceEstimate r : estimate.resources()) {
                if (r.type().equals(e.getKey())) {
                    sum = sum.add(r.monthlyCostExact());
                    names.add(r.name());
                }
            }
            if (sum.compareTo(e.getValue()) > 0) {
                out.add(new Failure("maxMonthlyCostByType", Optional.empty(), "the " + e.getKey() + " resources ("
                        + String.join(", ", names) + ") cost " + money(sum, cur) + " a month together, above "
                        + "maxMonthlyCostByType." + e.getKey() + " " + money(e.getValue(), cur)));
            }
        }
        for (Map.Entry<String, Map<String, BigDecimal>> e : maxMonthlyCostByTag.entrySet()) {
            checkTag(estimate, e.getKey(), e.getValue(), out);
        }
        if (!requireTags.isEmpty()) {
            for (ResourceEstimate r : estimate.resources()) {
                List<String> missing = requireTags.stream().filter(k -> !r.tags().containsKey(k)).toList();
                if (!missing.isEmpty()) {
                    out.add(new Failure("requireTags", Optional.of(r.name()), r.name() + " (" + r.type() + ") has no "
                            + "tag " + String.join(", no tag ", missing) + "; requireTags names "
                            + String.join(", ", requireTags) + (r.tags().isEmpty() ? " and it has no tags" : " and it "
                            + "has " + String.join(", ", r.tags().keySet()))));
                }
            }
        }
        if (requireConfirmedPrices) {
            for (ResourceEstimate r : estimate.resources()) {
                for (LineItem li : r.lineItems()) {
                    if (li.provenance().isDerived()) {
                        out.add(new Failure("requireConfirmedPrices", Optional.of(r.name()), r.name() + ": "
                                + li.description() + " (" + li.usageType() + ") is priced from a derived price"
                                + li.provenance().rule().map(d -> " (rule " + d.id() + ")").orElse("")
                                + ", not one a source gives"));
                    }
                }
            }
        }
        return out;
    }

    /**
     * @param diff a change, base to head
     * @param head the head's estimate (what {@link #check(Estimate)} is applied to)
     * @return every rule the head or the change breaks; empty if none
     */
    public List<Failure> check(EstimateDiff diff, Estimate head) {
        List<Failure> out = new ArrayList<>(check(head));
        String cur = diff.currency();
        maxNewResourceMonthlyCost.ifPresent(max -> {
            for (EstimateDiff.ResourceChange c : diff.changes()) {
                if (c.status() == EstimateDiff.Status.ADDED && c.head().orElse(BigDecimal.ZERO).compareTo(max) > 0) {
                    out.add(new Failure("maxNewResourceMonthlyCost", Optional.of(c.name()), c.name() + " (" + c.type()
                            + ") is new and costs " + money(c.head().get(), cur) + " a month, above "
                            + "maxNewResourceMonthlyCost " + money(max, cur)));
                }
            }
        });
        maxIncrease.ifPresent(limit -> {
            if (limit.exceededBy(diff)) {
                out.add(new Failure("maxIncrease", Optional.empty(), "the monthly total grows by "
                        + money(diff.totalDifference(), cur) + diff.totalPercentChange().map(p -> " ("
                        + p.toPlainString() + "%)").orElse("") + ", more than maxIncrease " + limit));
            }
        });
        return out;
    }

    /** The ceilings of one tag key: each value's resources together, in the estimate's order of first appearance. */
    private static void checkTag(Estimate estimate, String key, Map<String, BigDecimal> ceilings, List<Failure> out) {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (ResourceEstimate r : estimate.resources()) {
            String value = r.tags().get(key);
            if (value != null) {
                sums.merge(value, r.monthlyCostExact(), BigDecimal::add);
                names.computeIfAbsent(value, v -> new ArrayList<>()).add(r.name());
            }
        }
        String cur = estimate.currency();
        for (Map.Entry<String, BigDecimal> sum : sums.entrySet()) {
            String value = sum.getKey();
            String rule = ceilings.containsKey(value) ? value : ANY_VALUE;
            BigDecimal max = ceilings.get(rule);
            if (max != null && sum.getValue().compareTo(max) > 0) {
                out.add(new Failure("maxMonthlyCostByTag", Optional.empty(), "the resources tagged " + key + "="
                        + value + " (" + String.join(", ", names.get(value)) + ") cost " + money(sum.getValue(), cur)
                        + " a month together, above maxMonthlyCostByTag." + key + "." + rule + " " + money(max, cur)));
            }
        }
    }

    /** Rounded to the cent as the budgets show it, with the exact figure beside it when they differ. */
    private static String money(BigDecimal v, String currency) {
        BigDecimal cents = Amounts.toCents(v);
        return Amounts.money(cents) + " " + currency + (cents.compareTo(v) == 0 ? "" : " (exact " + Amounts.money(v)
                + ")");
    }
}
