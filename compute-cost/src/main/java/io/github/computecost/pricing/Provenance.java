package io.github.computecost.pricing;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one price comes from: the sources that give it, whether it was read from them or derived by a stated
 * rule, and the date it is known to hold. A price that no source gives is absent from its table, never
 * filled in from another region or architecture.
 *
 * @param status {@link Status#CONFIRMED} when read from the cited sources, {@link Status#DERIVED} when
 *     computed by {@code rule}
 * @param sources ids of the table's sources (for a derived price: those of its inputs and of the rule)
 * @param rule the rule a derived price was computed by; empty for a confirmed price
 * @param asOf the newest {@link Source#asOf()} of its sources: the date the price is known to hold, from
 *     which its age is counted
 */
public record Provenance(Status status, List<String> sources, Optional<DerivationRule> rule, LocalDate asOf) {

    /** How a price was obtained. */
    public enum Status {
        /** Read from a cited source. */
        CONFIRMED,
        /** Computed by a rule the data states and cites. */
        DERIVED;

        /** @return the lower-case word used in files and outputs: {@code confirmed}, {@code derived} */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Checks the components and keeps immutable copies of its collections.
     *
     * @param status {@link Status#CONFIRMED} when read from the cited sources, {@link Status#DERIVED} when computed by
     *     {@code rule}
     * @param sources ids of the table's sources (for a derived price: those of its inputs and of the rule)
     * @param rule the rule a derived price was computed by; empty for a confirmed price
     * @param asOf the newest {@link Source#asOf()} of its sources: the date the price is known to hold, from which its
     *     age is counted
     */
    public Provenance {
        Objects.requireNonNull(status, "status");
        sources = List.copyOf(sources);
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(asOf, "asOf");
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a price must cite at least one source");
        }
        if ((status == Status.DERIVED) != rule.isPresent()) {
            throw new IllegalArgumentException(status == Status.DERIVED ? "a derived price must name its rule"
                    : "a confirmed price has no derivation rule");
        }
    }

    /** @return whether the price was computed by a rule rather than read from a source */
    public boolean isDerived() {
        return status == Status.DERIVED;
    }
}
