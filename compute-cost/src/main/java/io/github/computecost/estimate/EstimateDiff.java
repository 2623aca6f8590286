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

    /**
     * A difference of estimates priced from the same data.
     *
     * @param currency ISO 4217 code of both estimates
     * @param baseTotal the base estimate's exact total
     * @param headTotal the head estimate's exact total
     * @param changes one per resource in either estimate: the head's resources in order, then those removed
     */
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
     * @param lineItems its line items' changes, in the order the estimates give them
     */
    public record ResourceChange(String name, String type, Status status, Optional<BigDecimal> base,
            Optional<BigDecimal> head, List<LineItemChange> lineItems) {
        /**
         * Checks the components and keeps immutable copies of its collections.
         *
         * @param name the resource's name
         * @param type its workload type (the head's, if in both)
         * @param status added, removed, changed or unchanged
         * @param base its exact monthly cost in the base, if there
         * @param head its exact monthly cost in the head, if there
         * @param lineItems its line items' changes, in the order the estimates give them
         */
        public ResourceChange {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(head, "head");
            lineItems = List.copyOf(lineItems);
        }

        /**
         * A change without its line items.
         *
         * @param name the resource's name
         * @param type its workload type (the head's, if in both)
         * @param status added, removed, changed or unchanged
         * @param head its exact monthly cost in the head, if there
         * @param base its exact monthly cost in the base, if there
         */
        public ResourceChange(String name, String type, Status status, Optional<BigDecimal> base,
                Optional<BigDecimal> head) {
            this(name, type, status, base, head, List.of());
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

    /**
     * One line item's change within a resource: matched by its description and usage type (a tier's line is its
     * own), its cost on each side summed when a side has the line more than once.
     *
     * @param description the line's description, {@code "Duration (arm64), first 7.5B"}
     * @param usageType its usage type
     * @param base its exact cost in the base, if there
     * @param head its exact cost in the head, if there
     */
    public record LineItemChange(String description, String usageType, Optional<BigDecimal> base,
            Optional<BigDecimal> head) {
        /**
         * Checks the components.
         *
         * @param description the line's description, {@code "Duration (arm64), first 7.5B"}
         * @param usageType its usage type
         * @param base its exact cost in the base, if there
         * @param head its exact cost in the head, if there
         */
        public LineItemChange {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(usageType, "usageType");
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(head, "head");
        }

        /** @return head minus base, exact (a missing side counts as 0) */
        public BigDecimal difference() {
            return head.orElse(BigDecimal.ZERO).subtract(base.orElse(BigDecimal.ZERO));
        }

        /** @return {@code +} added, {@code -} removed, {@code ~} changed, {@code =} the same */
        public char mark() {
            return base.isEmpty() ? '+' : head.isEmpty() ? '-' : difference().signum() == 0 ? '=' : '~';
        }
    }

    /**
     * @return the line items that differ between the two sides of a resource (either side may be absent), in the
     *     head's order then the base's: their differences add up exactly to the resource's
     */
    static List<LineItemChange> lineItems(Optional<ResourceEstimate> base, Optional<ResourceEstimate> head) {
        Map<List<String>, BigDecimal> before = new LinkedHashMap<>();
        base.ifPresent(b -> b.lineItems().forEach(li -> before.merge(List.of(li.description(), li.usageType()),
                li.cost(), BigDecimal::add)));
        Map<List<String>, BigDecimal> after = new LinkedHashMap<>();
        head.ifPresent(h -> h.lineItems().forEach(li -> after.merge(List.of(li.description(), li.usageType()),
                li.cost(), BigDecimal::add)));
        List<LineItemChange> out = new ArrayList<>();
        after.forEach((k, v) -> {
            LineItemChange c = new LineItemChange(k.get(0), k.get(1), Optional.ofNullable(before.get(k)),
                    Optional.of(v));
            if (c.mark() != '=') {
                out.add(c);
            }
        });
        before.forEach((k, v) -> {
            if (!after.containsKey(k)) {
                out.add(new LineItemChange(k.get(0), k.get(1), Optional.of(v), Optional.empty()));
            }
        });
        return out;
    }

    /**
     * Checks the components and keeps immutable copies of its collections.
     *
     * @param currency ISO 4217 code of both estimates
     * @param baseTotal the base estimate's exact total
     * @param headTotal the head estimate's exact total
     * @param changes one per resource in either estimate: the head's resources in order, then those removed
     * @param basePricingVersion the data the base was priced from ({@link Estimate#pricingVersion()})
     * @param headPricingVersion the data the head was priced from
     */
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
                        Optional.of(h.monthlyCostExact()), lineItems(Optional.empty(), Optional.of(h))));
            } else {
                boolean same = b.monthlyCostExact().compareTo(h.monthlyCostExact()) == 0;
                out.add(new ResourceChange(h.name(), h.type(), same ? Status.UNCHANGED : Status.CHANGED,
                        Optional.of(b.monthlyCostExact()), Optional.of(h.monthlyCostExact()),
                        lineItems(Optional.of(b), Optional.of(h))));
            }
        }
        for (ResourceEstimate b : before.values()) {
            out.add(new ResourceChange(b.name(), b.type(), Status.REMOVED, Optional.of(b.monthlyCostExact()),
                    Optional.empty(), lineItems(Optional.of(b), Optional.empty())));
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
