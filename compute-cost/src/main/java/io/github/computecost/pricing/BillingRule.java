package io.github.computecost.pricing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A figure of a service's billing rules that is data, not code (rounding increments, minimums,
 * included amounts), with its source.
 *
 * @param name for example {@code "provisionedConcurrencyIncrementSeconds"}
 * @param value the figure
 * @param unit its unit
 * @param sources ids of the file's sources
 * @param note AWS's wording, possibly empty
 */
public record BillingRule(String name, BigDecimal value, String unit, List<String> sources, Optional<String> note) {
    /**
     * Checks the components and keeps immutable copies of its collections.
     *
     * @param name for example {@code "provisionedConcurrencyIncrementSeconds"}
     * @param value the figure
     * @param unit its unit
     * @param sources ids of the file's sources
     * @param note AWS's wording, possibly empty
     */
    public BillingRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        sources = List.copyOf(sources);
        Objects.requireNonNull(note, "note");
    }
}
