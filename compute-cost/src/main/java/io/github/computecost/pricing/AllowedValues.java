package io.github.computecost.pricing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An enumerated restriction of a service, as data: the event types a CloudFront Function can run on, the
 * runtimes Lambda@Edge accepts, ...
 *
 * @param name for example {@code "eventTypes"}
 * @param values the accepted values (or, for names ending in {@code Prefixes}, accepted prefixes)
 * @param sources ids of the file's sources
 * @param note AWS's wording or caveats, possibly empty
 */
public record AllowedValues(String name, List<String> values, List<String> sources, Optional<String> note) {
    /**
     * Checks the components and keeps immutable copies of its collections.
     *
     * @param name for example {@code "eventTypes"}
     * @param values the accepted values (or, for names ending in {@code Prefixes}, accepted prefixes)
     * @param sources ids of the file's sources
     * @param note AWS's wording or caveats, possibly empty
     */
    public AllowedValues {
        Objects.requireNonNull(name, "name");
        values = List.copyOf(values);
        sources = List.copyOf(sources);
        Objects.requireNonNull(note, "note");
    }

    /**
     * @param value the value to look for, compared exactly
     * @return whether {@code value} is one of the values
     */
    public boolean contains(String value) {
        return values.contains(value);
    }

    /**
     * @param value the value whose start is compared
     * @return whether {@code value} starts with one of the values (for prefix lists)
     */
    public boolean matchesPrefix(String value) {
        return values.stream().anyMatch(value::startsWith);
    }
}
