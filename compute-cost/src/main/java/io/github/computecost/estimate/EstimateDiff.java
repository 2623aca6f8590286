package io.github.computecost.estimate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the monthly cost changes between two estimates (a base and a head, say two versions of a workload
 * file), resource by resource, matched by name.
 *
 * @param currency ISO 4217 code of both estimates
 * @param baseTotal the base estimate's exact total
 * @param headTotal the head estimate's exact total
 * @param changes one per resource in either estimate: the head's resources in order, then those removed
 * @param basePricingVersion the data the base was priced from ({@link Estimate#pricingVersion()})
 * @param headPricingVersion the data the head was priced from
 */
public record EstimateDiff(String currency, BigDecimal baseTotal, BigDecimal headTotal, List<ResourceChange> changes,
        String basePricingVersion, String headPricingVersion) {

    /** A difference of estimates priced from the same data. */
    public EstimateDiff(String currency, BigDecimal baseTotal, BigDecimal headTotal, List<ResourceChange> changes) {
        this(currency, baseTotal, headTotal, changes, "", "");
    }

    /**
     * @return the tables both estimates use at different versions ({@code AWSLambda: 2026-11-01 -> 2026-12-02}):
     *     where non-empty, part of the difference is AWS's prices, not the workload; empty when they agree
     */
    public List<String> pricingVersionChanges() {
        Map<String, String> before = versions(basePricingVersion);
        Map<String, String> after = versions(headPricingVersion);
        List<String> out = new ArrayList<>(0);
        before.forEach((table, v) -> {
            String w = after.get(table);
            if (w != null && !w.equals(v)) {
                out.add(table + ": " + v + " -> " + w);
            }
        });
        return out;
    }

    /** @return table -> version of a pricing-version label, {@code AWSLambda@2026-12-02,AmazonEC2@...} */
    private static Map<String, String> versions(String label) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : label.split(",")) {
            int at = part.indexOf('@');
            if (at > 0) {
                out.put(part.substring(0, at), part.substring(at + 1));
            }
        }
        return out;
    }

    /** What happened to a resource. */
    public enum Status {
        /** Only in the head. */
        ADDED,
        /** Only in the base. */
        REMOVED,
        /** In both, with another monthly cost. */
        CHANGED,
        /** In both, with the same monthly cost. */
        UNCHANGED
    }

    /**
     * One resource's change.
     *
     * @param name the resource's name
     * @param type its workload type (the head's, if in both)
     * @param status added, removed, changed or unchanged
     * @param base its exact monthly cost in the base, if there
     * @param head its exact monthly cost in the head, if there
     */
    public record ResourceChange(String name, String type, Status status, Optional<BigDecimal> base,
            Optional<BigDecimal> head) {
        public ResourceChange {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(head, "head");
        }

        /** @return head minus base, exact (a missing side counts as 0) */
        public BigDecimal difference() {
            return head.orElse(BigDecimal.ZERO).subtract(base.orElse(BigDecimal.ZERO));
        }

        /** @return the change in percent of the base, to 2 decimals half up; empty when the base is absent or 0 */
        public Optional<BigDecimal> percentChange() {
            return percent(base.orElse(BigDecimal.ZERO), difference());
        }
    }

    public EstimateDiff {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(baseTotal, "baseTotal");
        Objects.requireNonNull(headTotal, "headTotal");
        changes = List.copyOf(changes);
    }

    /**
     * @param base the earlier estimate
     * @param head the later estimate
     * @return the differences
     * @throws IllegalArgumentException if the estimates are in different currencies
     */
    public static EstimateDiff between(Estimate base, Estimate head) {
        if (!base.currency().equals(head.currency())) {
            throw new IllegalArgumentException("cannot compare estimates in " + base.currency() + " and " + head.currency());
        }
        Map<String, ResourceEstimate> before = new LinkedHashMap<>();
        base.resources().forEach(r -> before.put(r.name(), r));
        List<ResourceChange> out = new ArrayList<>();
        for (ResourceEstimate h : head.resources()) {
            ResourceEstimate b = before.remove(h.name());
            if (b == null) {
                out.add(new ResourceChange(h.name(), h.type(), Status.ADDED, Optional.empty(),
                        Optional.of(h.monthlyCostExact())));
            } else {
                boolean same = b.monthlyCostExact().compareTo(h.monthlyCostExact()) == 0;
                out.add(new ResourceChange(h.name(), h.type(), same ? Status.UNCHANGED : Status.CHANGED,
                        Optional.of(b.monthlyCostExact()), Optional.of(h.monthlyCostExact())));
            }
        }
        for (ResourceEstimate b : before.values()) {
            out.add(new ResourceChange(b.name(), b.type(), Status.REMOVED, Optional.of(b.monthlyCostExact()),
                    Optional.empty()));
        }
        return new EstimateDiff(head.currency(), base.totalExact(), head.totalExact(), out, base.pricingVersion(),
                head.pricingVersion());
    }

    /** @return head total minus base total, exact */
    public BigDecimal totalDifference() {
        return headTotal.subtract(baseTotal);
    }

    /** @return the total's change in percent of the base total, 2 decimals half up; empty when the base is 0 */
    public Optional<BigDecimal> totalPercentChange() {
        return percent(baseTotal, totalDifference());
    }

    static Optional<BigDecimal> percent(BigDecimal base, BigDecimal difference) {
        if (base.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(difference.multiply(BigDecimal.valueOf(100)).divide(base, 2, RoundingMode.HALF_UP));
    }
}
