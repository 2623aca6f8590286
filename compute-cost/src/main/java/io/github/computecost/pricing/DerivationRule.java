package io.github.computecost.pricing;

import java.util.List;
import java.util.Objects;

/**
 * A stated rule by which a price that no source gives directly is computed from prices that sources do
 * give, for example "Lambda duration tier 2 is tier 1 less 10 %, rounded to 10 decimals (AWS Compute Blog)".
 * A price derived by a rule is marked {@link Provenance.Status#DERIVED}, and every estimate that uses it
 * says so on the line item.
 *
 * @param id the id prices cite it by
 * @param description the rule in words, with the arithmetic
 * @param sources ids of the sources that state or support the rule, at least one
 */
public record DerivationRule(String id, String description, List<String> sources) {
    /**
     * Checks the components and keeps immutable copies of its collections.
     *
     * @param id the id prices cite it by
     * @param description the rule in words, with the arithmetic
     * @param sources ids of the sources that state or support the rule, at least one
     */
    public DerivationRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a derivation rule must cite a source: " + id);
        }
    }
}
