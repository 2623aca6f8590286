package io.github.computecost.report;

import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.LineItem;
import io.github.computecost.estimate.ResourceEstimate;
import io.github.computecost.pricing.DerivationRule;
import io.github.computecost.pricing.PriceDates;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The words every output uses for the age of the prices and for derived prices. Stateless. */
public final class PriceAgeText {

    private PriceAgeText() {
    }

    /**
     * @param dates the oldest and newest dates of the prices used, if any were
     * @param today the date the estimate is made on
     * @return {@code "prices dated 2024-01-01 to 2025-12-01; the newest is 366 days old on 2026-12-02"} (or
     *     {@code "prices dated 2025-12-01, 366 days old on 2026-12-02"} when all share a date), or that no price
     *     was used
     */
    public static String line(Optional<PriceDates> dates, LocalDate today) {
        if (dates.isEmpty()) {
            return "no price used";
        }
        PriceDates d = dates.get();
        long age = d.newestAgeDays(today);
        String days = age + (age == 1 ? " day" : " days") + " old on " + today;
        return d.oldest().equals(d.newest()) ? "prices dated " + d.newest() + ", " + days
                : "prices dated " + d.oldest() + " to " + d.newest() + "; the newest is " + days;
    }

    /**
     * Adds the {@code prices} object of the JSON outputs: {@code pricedOn}, and the {@code oldest} and
     * {@code newest} date and {@code newestAgeDays} when prices were used.
     *
     * @param parent the object to add {@code prices} to
     * @param dates the oldest and newest dates of the prices used, if any were
     * @param today the date the estimate is made on
     * @return the object added, for callers that add more
     */
    public static com.fasterxml.jackson.databind.node.ObjectNode putJson(
            com.fasterxml.jackson.databind.node.ObjectNode parent, Optional<PriceDates> dates, LocalDate today) {
        var age = parent.putObject("prices");
        age.put("pricedOn", today.toString());
        dates.ifPresent(d -> {
            age.put("oldest", d.oldest().toString());
            age.put("newest", d.newest().toString());
            age.put("newestAgeDays", d.newestAgeDays(today));
        });
        return age;
    }

    static String line(Estimate e) {
        return line(e.priceDates(), e.pricedOn());
    }

    /** @return the rules the estimate's derived prices were computed by, by id, in order of first use */
    static Map<String, DerivationRule> rules(Estimate e) {
        Map<String, DerivationRule> out = new LinkedHashMap<>();
        for (ResourceEstimate r : e.resources()) {
            rules(r, out);
        }
        return out;
    }

    static Map<String, DerivationRule> rules(ResourceEstimate r, Map<String, DerivationRule> out) {
        for (LineItem li : r.lineItems()) {
            li.provenance().rule().ifPresent(rule -> out.putIfAbsent(rule.id(), rule));
        }
        return out;
    }

    /** @return the text a derived price is marked with beside its unit price */
    static String marker(LineItem li) {
        return li.isDerived() ? " (derived)" : "";
    }
}
