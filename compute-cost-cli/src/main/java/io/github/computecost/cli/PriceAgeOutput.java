package io.github.computecost.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.PriceDates;
import io.github.computecost.report.JsonOutput;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Optional;

/**
 * States the age of the prices a planning command (compare, tune-memory, compare-edge) used: those of the tables
 * and regions it priced from. Estimates state their own, line by line.
 */
final class PriceAgeOutput {

    private final Optional<PriceDates> dates;
    private final LocalDate today;
    private final int maxAgeDays;

    private PriceAgeOutput(Optional<PriceDates> dates, LocalDate today, int maxAgeDays) {
        this.dates = dates;
        this.today = today;
        this.maxAgeDays = maxAgeDays;
    }

    /** @return the dates of the prices of {@code services} in {@code regions} that the price book has */
    static PriceAgeOutput of(PriceBook prices, Collection<String> services, Collection<String> regions,
            PricingOptions options) {
        Optional<PriceDates> d = Optional.empty();
        for (String s : services) {
            if (!prices.has(s)) {
                continue;
            }
            for (String r : regions) {
                d = PriceDates.merge(d, prices.service(s).priceDates(r));
            }
        }
        return new PriceAgeOutput(d, LocalDate.now(options.clock()), options.maxPriceAgeDays);
    }

    /** @return the dates of the prices an estimate used */
    static PriceAgeOutput of(io.github.computecost.estimate.Estimate e, PricingOptions options) {
        return new PriceAgeOutput(e.priceDates(), e.pricedOn(), options.maxPriceAgeDays);
    }

    /** @return the dates of the prices a re-rating used */
    static PriceAgeOutput of(io.github.computecost.rerate.Rerater.Result r, PricingOptions options) {
        return new PriceAgeOutput(r.priceDates(), r.pricedOn(), options.maxPriceAgeDays);
    }

    /** @return the warning line when even the newest price is older than the threshold, else nothing */
    String warning() {
        return dates.filter(d -> ChronoUnit.DAYS.between(d.newest(), today) > maxAgeDays)
                .map(d -> "warning: " + Hints.warning(Estimator.staleWarning(d.newest(), today, maxAgeDays)) + "\n").orElse("");
    }

    /** @return one line for a text or Markdown output, with the warning when even the newest price is too old */
    String text() {
        if (dates.isEmpty()) {
            return "Prices: none used\n";
        }
        PriceDates d = dates.get();
        long age = ChronoUnit.DAYS.between(d.newest(), today);
        String words = io.github.computecost.report.PriceAgeText.line(dates, today);
        String line = Character.toUpperCase(words.charAt(0)) + words.substring(1) + "\n";
        return age > maxAgeDays ? line + "warning: " + Hints.warning(Estimator.staleWarning(d.newest(), today, maxAgeDays)) + "\n" : line;
    }

    /** @return the JSON output with a {@code prices} object (dates, age, warning) added at its top level */
    String json(String json) {
        ObjectNode root = JsonOutput.parse(json); // a report's own output: an object
        ObjectNode p = io.github.computecost.report.PriceAgeText.putJson(root, dates, today);
        dates.filter(d -> ChronoUnit.DAYS.between(d.newest(), today) > maxAgeDays)
                .ifPresent(d -> p.put("warning", Hints.warning(Estimator.staleWarning(d.newest(), today, maxAgeDays))));
        return JsonOutput.write(root);
    }
}
