package io.github.computecost.estimate;

import io.github.computecost.money.Amounts;
import io.github.computecost.pricing.MissingPrice;
import io.github.computecost.pricing.PriceDates;
import io.github.computecost.pricing.Provenance;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.List;
import java.util.Map;
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
 * @param warnings things the reader must know (prices older than the estimator's threshold, ...), said once
 *     each, possibly empty
 * @param priceDates the oldest and newest date of the prices the line items use (see
 *     {@link Provenance#asOf()}); empty when there are no line items
 * @param pricedOn the day the estimate was made, by the estimator's clock: the ages of the prices are counted
 *     to it
 * @param notPriced the prices that resources left out of the estimate need and the price book lacks, each
 *     naming its resource; empty when every resource was priced
 * @param unsupported the input's resources of types no service prices (a template's queues and buckets), listed
 *     as not priced; they do not make the estimate incomplete in {@link #notPriced}'s sense, but its total leaves
 *     them out
 * @param usageBased the names of resources priced at no usage because the input gives none (a template's function
 *     the usage file does not name): their cost depends on usage, and a warning gives their unit prices
 * @param priceDatesByService {@code priceDates} per table, by service code ({@code "AWSLambda"}): the oldest and
 *     newest date of the prices the line items use from it; empty when not known (an estimate
 *     read back from a file that does not give them)
 */
public record Estimate(String currency, String pricingVersion, boolean freeTier, List<ResourceEstimate> resources,
        List<String> warnings, Optional<PriceDates> priceDates, LocalDate pricedOn, List<MissingPrice> notPriced,
        List<UnsupportedResource> unsupported, List<String> usageBased, Map<String, PriceDates> priceDatesByService) {

    /**
     * An estimate whose price dates are not known per table (one read from a file that does not give them).
     *
     * @param currency ISO 4217 code of every amount
     * @param pricingVersion the price book's version, to reproduce the estimate
     * @param freeTier whether the account's free tier was applied
     * @param resources per-resource estimates, in the order the resources were given
     * @param warnings things the reader must know (prices older than the estimator's threshold, ...), said once each,
     *     possibly empty
     * @param priceDates the oldest and newest date of the prices the line items use (see {@link Provenance#asOf()});
     *     empty when there are no line items
     * @param pricedOn the day the estimate was made, by the estimator's clock: the ages of the prices are counted to it
     * @param notPriced the prices that resources left out of the estimate need and the price book lacks, each naming
     *     its resource; empty when every resource was priced
     * @param unsupported the input's resources of types no service prices (a template's queues and buckets), listed as
     *     not priced; they do not make the estimate incomplete in {@link #notPriced}'s sense, but its total leaves them
     *     out
     * @param usageBased the names of resources priced at no usage because the input gives none (a template's function
     *     the usage file does not name): their cost depends on usage, and a warning gives their unit prices
     */
    public Estimate(String currency, String pricingVersion, boolean freeTier, List<ResourceEstimate> resources,
            List<String> warnings, Optional<PriceDates> priceDates, LocalDate pricedOn, List<MissingPrice> notPriced,
            List<UnsupportedResource> unsupported, List<String> usageBased) {
        this(currency, pricingVersion, freeTier, resources, warnings, priceDates, pricedOn, notPriced, unsupported,
                usageBased, Map.of());
    }

    /**
     * An estimate none of whose resources is priced at no usage for want of it.
     *
     * @param currency ISO 4217 code of every amount
     * @param pricingVersion the price book's version, to reproduce the estimate
     * @param freeTier whether the account's free tier was applied
     * @param resources per-resource estimates, in the order the resources were given
     * @param warnings things the reader must know (prices older than the estimator's threshold, ...), said once each,
     *     possibly empty
     * @param priceDates the oldest and newest date of the prices the line items use (see {@link Provenance#asOf()});
     *     empty when there are no line items
     * @param pricedOn the day the estimate was made, by the estimator's clock: the ages of the prices are counted to it
     * @param notPriced the prices that resources left out of the estimate need and the price book lacks, each naming
     *     its resource; empty when every resource was priced
     * @param unsupported the input's resources of types no service prices (a template's queues and buckets), listed as
     *     not priced; they do not make the estimate incomplete in {@link #notPriced}'s sense, but its total leaves them
     *     out
     */
    public Estimate(String currency, String pricingVersion, boolean freeTier, List<ResourceEstimate> resources,
            List<String> warnings, Optional<PriceDates> priceDates, LocalDate pricedOn, List<MissingPrice> notPriced,
            List<UnsupportedResource> unsupported) {
        this(currency, pricingVersion, freeTier, resources, warnings, priceDates, pricedOn, notPriced, unsupported,
                List.of());
    }

    /**
     * An estimate whose input had no resource of an unsupported type.
     *
     * @param currency ISO 4217 code of every amount
     * @param pricingVersion the price book's version, to reproduce the estimate
     * @param freeTier whether the account's free tier was applied
     * @param resources per-resource estimates, in the order the resources were given
     * @param warnings things the reader must know (prices older than the estimator's threshold, ...), said once each,
     *     possibly empty
     * @param priceDates the oldest and newest date of the prices the line items use (see {@link Provenance#asOf()});
     *     empty when there are no line items
     * @param pricedOn the day the estimate was made, by the estimator's clock: the ages of the prices are counted to it
     * @param notPriced the prices that resources left out of the estimate need and the price book lacks, each naming
     *     its resource; empty when every resource was priced
     */
    public Estimate(String currency, String pricingVersion, boolean freeTier, List<ResourceEstimate> resources,
            List<String> warnings, Optional<PriceDates> priceDates, LocalDate pricedOn, List<MissingPrice> notPriced) {
        this(currency, pricingVersion, freeTier, resources, warnings, priceDates, pricedOn, notPriced, List.of());
    }

    /**
     * Checks the components and keeps immutable copies of its collections.
     *
     * @param currency ISO 4217 code of every amount
     * @param pricingVersion the price book's version, to reproduce the estimate
     * @param freeTier whether the account's free tier was applied
     * @param resources per-resource estimates, in the order the resources were given
     * @param warnings things the reader must know (prices older than the estimator's threshold, ...), said once each,
     *     possibly empty
     * @param priceDates the oldest and newest date of the prices the line items use (see {@link Provenance#asOf()});
     *     empty when there are no line items
     * @param pricedOn the day the estimate was made, by the estimator's clock: the ages of the prices are counted to it
     * @param notPriced the prices that resources left out of the estimate need and the price book lacks, each naming
     *     its resource; empty when every resource was priced
     * @param unsupported the input's resources of types no service prices (a template's queues and buckets), listed as
     *     not priced; they do not make the estimate incomplete in {@link #notPriced}'s sense, but its total leaves them
     *     out
     * @param usageBased the names of resources priced at no usage because the input gives none (a template's function
     *     the usage file does not name): their cost depends on usage, and a warning gives their unit prices
     * @param priceDatesByService {@code priceDates} per table, by service code ({@code "AWSLambda"}): the oldest and
     *     newest date of the prices the line items use from it; empty when not known (an estimate read back from a file
     *     that does not give them)
     */
    public Estimate {
        usageBased = List.copyOf(Objects.requireNonNull(usageBased, "usageBased"));
        priceDatesByService = Map.copyOf(priceDatesByService);
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(pricingVersion, "pricingVersion");
        resources = List.copyOf(resources);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(priceDates, "priceDates");
        Objects.requireNonNull(pricedOn, "pricedOn");
        notPriced = List.copyOf(notPriced);
        unsupported = List.copyOf(unsupported);
    }

    /**
     * @param resources the resources of unsupported types
     * @return this estimate with {@code resources} listed as of types no service prices
     */
    public Estimate withUnsupported(List<UnsupportedResource> resources) {
        return new Estimate(currency, pricingVersion, freeTier, this.resources, warnings, priceDates, pricedOn,
                notPriced, resources, usageBased, priceDatesByService);
    }

    /**
     * An estimate of every resource given (none left out as not priced).
     *
     * @param currency ISO 4217 code of every amount
     * @param pricingVersion the price book's version, to reproduce the estimate
     * @param freeTier whether the account's free tier was applied
     * @param resources per-resource estimates, in the order the resources were given
     * @param warnings things the reader must know (prices older than the estimator's threshold, ...), said once each,
     *     possibly empty
     * @param priceDates the oldest and newest date of the prices the line items use (see {@link Provenance#asOf()});
     *     empty when there are no line items
     * @param pricedOn the day the estimate was made, by the estimator's clock: the ages of the prices are counted to it
     */
    public Estimate(String currency, String pricingVersion, boolean freeTier, List<ResourceEstimate> resources,
            List<String> warnings, Optional<PriceDates> priceDates, LocalDate pricedOn) {
        this(currency, pricingVersion, freeTier, resources, warnings, priceDates, pricedOn, List.of());
    }

    /**
     * @param missing the resources not priced, and why
     * @return this estimate with {@code missing} as its resources not priced
     */
    public Estimate withNotPriced(List<MissingPrice> missing) {
        return new Estimate(currency, pricingVersion, freeTier, resources, warnings, priceDates, pricedOn, missing,
                unsupported, usageBased, priceDatesByService);
    }

    /** @return the names of the resources left out as not priced, in order, without repeats */
    public List<String> notPricedResources() {
        return notPriced.stream().flatMap(m -> m.resource().stream()).distinct().toList();
    }

    /**
     * @param warning the warning, one line
     * @return this estimate with one more warning (kept once: a warning already there is not repeated)
     */
    public Estimate withWarning(String warning) {
        if (warnings.contains(warning)) {
            return this;
        }
        List<String> w;
        if (warnings.isEmpty()) {
            w = List.of(warning);
        } else {
            w = new java.util.ArrayList<>(warnings);
            w.add(warning);
        }
        return new Estimate(currency, pricingVersion, freeTier, resources, w, priceDates, pricedOn, notPriced,
                unsupported, usageBased, priceDatesByService);
    }

    /**
     * @param name a resource priced at no usage because its input gives none (a template's function without
     *     traffic in the usage file), with its warning
     * @param warning what the warning says (its unit prices)
     * @return this estimate with the resource listed as usage-based, and the warning
     */
    public Estimate withUsageBased(String name, String warning) {
        List<String> names = new java.util.ArrayList<>(usageBased);
        if (!names.contains(name)) {
            names.add(name);
        }
        Estimate e = withWarning(warning);
        return new Estimate(currency, pricingVersion, freeTier, resources, e.warnings, priceDates, pricedOn, notPriced,
                unsupported, names, priceDatesByService);
    }

    /**
     * @param tagsByResource tags by resource name (a {@code Workload}'s); a resource it does not name keeps its own
     * @return this estimate with each named resource carrying those tags (for policies by tag)
     */
    public Estimate withTags(Map<String, Map<String, String>> tagsByResource) {
        if (tagsByResource.isEmpty()) {
            return this;
        }
        List<ResourceEstimate> tagged = new java.util.ArrayList<>(resources.size());
        for (ResourceEstimate r : resources) {
            Map<String, String> t = tagsByResource.get(r.name());
            tagged.add(t == null ? r : r.withTags(t));
        }
        return new Estimate(currency, pricingVersion, freeTier, tagged, warnings, priceDates, pricedOn, notPriced,
                unsupported, usageBased, priceDatesByService);
    }

    /** @return this estimate without warnings (to replace them with a caller's own wording) */
    public Estimate withoutWarnings() {
        return new Estimate(currency, pricingVersion, freeTier, resources, List.of(), priceDates, pricedOn, notPriced,
                unsupported, usageBased, priceDatesByService);
    }

    /** @return whether any line item's unit price was derived by a rule rather than read from a source */
    public boolean usesDerivedPrices() {
        return resources.stream().flatMap(r -> r.lineItems().stream()).anyMatch(LineItem::isDerived);
    }

    /** @return the age in days of the newest price used, on {@link #pricedOn()}; empty when no price was used */
    public Optional<Long> newestPriceAgeDays() {
        return priceDates.map(d -> d.newestAgeDays(pricedOn));
    }

    /** @return the exact monthly total, unrounded, without trailing zeros (0.4, not 0.40000) */
    public BigDecimal totalExact() {
        BigDecimal sum = BigDecimal.ZERO;
        for (ResourceEstimate r : resources) {
            sum = sum.add(r.monthlyCostExact());
        }
        return Amounts.exact(sum);
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
