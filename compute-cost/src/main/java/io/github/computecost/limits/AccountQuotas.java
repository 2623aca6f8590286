package io.github.computecost.limits;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The account's own values of quotas AWS raises on request, as the user states them, by the name the service
 * gives each (Lambda's {@code lambdaConcurrentExecutions}); where one is not stated, the documented default from
 * the price book applies. Immutable.
 *
 * @param values quota name to value, each at least 1
 */
public record AccountQuotas(Map<String, Long> values) {

    /** AWS's defaults everywhere. */
    public static final AccountQuotas DEFAULTS = new AccountQuotas(Map.of());

    /**
     * Checks the components and keeps immutable copies of its collections.
     *
     * @param values quota name to value, each at least 1
     */
    public AccountQuotas {
        values = java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(values, "values")));
        values.forEach((k, v) -> {
            if (v == null || v < 1) {
                throw new IllegalArgumentException(k + " must be at least 1: " + v);
            }
        });
    }

    /**
     * @param values quota name to value, each at least 1
     * @return the quotas given, by name
     */
    public static AccountQuotas of(Map<String, Long> values) {
        return new AccountQuotas(values);
    }

    /**
     * @param name the quota's name, as its service gives it ({@code lambdaConcurrentExecutions})
     * @return the value the account states for a quota, if it states one
     */
    public Optional<Long> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /**
     * @param name the quota's name, as its service gives it
     * @param value the account's value, at least 1
     * @return these quotas with one more (or another value for it)
     */
    public AccountQuotas with(String name, long value) {
        Map<String, Long> m = new TreeMap<>(values);
        m.put(name, value);
        return new AccountQuotas(m);
    }
}
