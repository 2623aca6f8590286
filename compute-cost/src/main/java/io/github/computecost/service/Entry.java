package io.github.computecost.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.computecost.internal.FieldException;
import io.github.computecost.internal.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One entry of a workload or usage file, as a {@link Service} reads it: typed, strict accessors whose errors name
 * the entry's JSON path ({@code $.resources[2].memoryMb}); the reader of the file adds the file and the resource's
 * name. Numbers are exact decimals, never read through {@code double}; a whole number with a fraction, a negative
 * count, an unknown key are errors. Not thread-safe; made per entry.
 */
public final class Entry {

    /**
     * Keys every resource entry may hold, which the file's reader handles: {@code name}, {@code type}, {@code budget}
     * and {@code tags}.
     */
    public static final Set<String> COMMON_KEYS = Set.of("name", "type", "budget", "tags");

    private final Json.Obj obj;

    private Entry(Json.Obj obj) {
        this.obj = obj;
    }

    /**
     * @param node a JSON object
     * @param path its JSON path, {@code $.resources[0]}
     * @return an entry over it
     */
    public static Entry of(JsonNode node, String path) {
        return new Entry(Json.at(node, path));
    }

    /** @return the entry's JSON path */
    public String path() {
        return obj.path();
    }

    /**
     * @param key the key
     * @return the path of one of its keys
     */
    public String pathOf(String key) {
        return obj.pathOf(key);
    }

    /**
     * @param key the key
     * @param detail what is wrong and what is allowed
     * @return the error to throw for a key: its path and what is wrong
     */
    public RuntimeException error(String key, String detail) {
        return new FieldException(key == null ? obj.path() : obj.pathOf(key), detail);
    }

    /**
     * @param detail what is wrong and what is allowed
     * @return the error to throw for the whole entry
     */
    public RuntimeException error(String detail) {
        return new FieldException(obj.path(), detail);
    }

    /**
     * Fails naming every key that is not one of {@code keys} or {@link #COMMON_KEYS}: a typo must never silently
     * change a result.
     *
     * @param keys the keys allowed
     */
    public void allowOnly(String... keys) {
        allowOnly(new LinkedHashSet<>(Arrays.asList(keys)));
    }

    /**
     * As {@link #allowOnly(String...)}.
     *
     * @param keys the keys allowed
     */
    public void allowOnly(Set<String> keys) {
        Set<String> all = new LinkedHashSet<>(COMMON_KEYS);
        all.addAll(keys);
        obj.allowOnly(all);
    }

    /**
     * @param keys a service's usage keys
     * @param more its own
     * @return both, as one set in that order
     */
    public static Set<String> keysOf(Set<String> keys, String... more) {
        Set<String> all = new LinkedHashSet<>(keys);
        all.addAll(Arrays.asList(more));
        return java.util.Collections.unmodifiableSet(all);
    }

    /**
     * As {@link #allowOnly(String...)}: {@code keys} (a service's usage keys) and {@code more} (its own).
     *
     * @param more its own keys
     * @param keys the service's usage keys
     */
    public void allowOnly(Set<String> keys, String... more) {
        Set<String> all = new LinkedHashSet<>(keys);
        all.addAll(Arrays.asList(more));
        allowOnly(all);
    }

    /**
     * Fails naming every key that is not one of {@code keys} (for nested objects: no common keys).
     *
     * @param keys the keys allowed
     */
    public void allowExactly(String... keys) {
        obj.allowOnly(new LinkedHashSet<>(Arrays.asList(keys)));
    }

    /**
     * @param key the key
     * @return whether the key is present and not null
     */
    public boolean has(String key) {
        return obj.has(key);
    }

    /** @return the keys, in document order */
    public List<String> keys() {
        return obj.keys();
    }

    /**
     * @param key the key
     * @return the raw node of a key (for keys of several shapes); the key is required
     */
    public JsonNode raw(String key) {
        return obj.raw(key);
    }

    /**
     * @param key the key
     * @return a required non-blank string
     */
    public String string(String key) {
        return obj.string(key);
    }

    /**
     * @param key the key
     * @return an optional non-blank string
     */
    public Optional<String> optString(String key) {
        return obj.optString(key);
    }

    /**
     * @param key the key
     * @param fallback the value when the key is absent
     * @return a boolean, or {@code fallback} when absent
     */
    public boolean bool(String key, boolean fallback) {
        return obj.bool(key, fallback);
    }

    /**
     * @param key the key
     * @return an optional boolean
     */
    public Optional<Boolean> optBool(String key) {
        return obj.has(key) ? Optional.of(obj.bool(key, false)) : Optional.empty();
    }

    /**
     * @param key the key
     * @return a required decimal, at least 0
     */
    public BigDecimal nonNegative(String key) {
        BigDecimal v = obj.decimal(key);
        if (v.signum() < 0) {
            throw error(key, "must not be negative, was " + v.toPlainString());
        }
        return v;
    }

    /**
     * @param key the key
     * @return an optional decimal, at least 0
     */
    public Optional<BigDecimal> optNonNegative(String key) {
        return obj.has(key) ? Optional.of(nonNegative(key)) : Optional.empty();
    }

    /**
     * @param fallback the value when the key is absent
     * @param key the key
     * @return a decimal, at least 0, or {@code fallback} when absent
     */
    public BigDecimal nonNegative(String key, BigDecimal fallback) {
        return obj.has(key) ? nonNegative(key) : fallback;
    }

    /**
     * @param key the key
     * @return a required decimal, more than 0
     */
    public BigDecimal positive(String key) {
        BigDecimal v = obj.decimal(key);
        if (v.signum() <= 0) {
            throw error(key, "must be more than 0, was " + v.toPlainString());
        }
        return v;
    }

    /**
     * @param key the key
     * @return a required whole number, at least 1, that fits an {@code int}
     */
    public int positiveInt(String key) {
        long v = obj.wholeNumber(key);
        if (v <= 0 || v > Integer.MAX_VALUE) {
            throw error(key, "must be a positive whole number, was " + v);
        }
        return (int) v;
    }

    /**
     * @param fallback the value when the key is absent
     * @param key the key
     * @return a whole number, at least 1, or {@code fallback} when absent
     */
    public int positiveInt(String key, int fallback) {
        return obj.has(key) ? positiveInt(key) : fallback;
    }

    /**
     * @param key the key
     * @return a required whole number, at least 0
     */
    public long nonNegativeLong(String key) {
        long v = obj.wholeNumber(key);
        if (v < 0) {
            throw error(key, "must not be negative, was " + v);
        }
        return v;
    }

    /**
     * @param fallback the value when the key is absent
     * @param key the key
     * @return a whole number, at least 0, or {@code fallback} when absent
     */
    public long nonNegativeLong(String key, long fallback) {
        return obj.has(key) ? nonNegativeLong(key) : fallback;
    }

    /**
     * @param key the key
     * @return a required whole number, at least 0, that fits an {@code int}
     */
    public int nonNegativeInt(String key) {
        long v = nonNegativeLong(key);
        if (v > Integer.MAX_VALUE) {
            throw error(key, "must be at most " + Integer.MAX_VALUE + ", was " + v);
        }
        return (int) v;
    }

    /**
     * @param fallback the value when the key is absent
     * @param key the key
     * @return a whole number, at least 0, or {@code fallback} when absent
     */
    public int nonNegativeInt(String key, int fallback) {
        return obj.has(key) ? nonNegativeInt(key) : fallback;
    }

    /**
     * @param parser turns the string into a value, throwing {@link IllegalArgumentException} naming what is allowed
     * @param <T> the value's type
     * @param key the key of a required string
     * @return the parsed value of a required string
     */
    public <T> T parse(String key, Function<String, T> parser) {
        String v = obj.string(key);
        try {
            return parser.apply(v);
        } catch (IllegalArgumentException e) {
            throw error(key, e.getMessage());
        }
    }

    /**
     * @param <T> the value's type
     * @param fallback the value when the key is absent
     * @param key the key
     * @param parser turns the string into a value, throwing {@link IllegalArgumentException} naming what is allowed
     * @return the parsed value of a string, or {@code fallback} when absent
     */
    public <T> T parse(String key, Function<String, T> parser, T fallback) {
        return obj.has(key) ? parse(key, parser) : fallback;
    }

    /**
     * @param key the key
     * @param allowed the values allowed
     * @return one of {@code allowed} (exactly as written), naming them all when it is not
     */
    public String oneOf(String key, String... allowed) {
        String v = obj.string(key);
        for (String a : allowed) {
            if (a.equals(v)) {
                return v;
            }
        }
        throw error(key, "must be " + String.join(" or ", allowed) + ", was \"" + v + "\"");
    }

    /**
     * Runs a constructor and reports its {@link IllegalArgumentException} against {@code key}: a record checks its
     * own invariants, and the file's reader says where the value came from.
     *
     * @param <T> the constructed type
     * @param make the constructor's call
     * @param key the key the value was read from
     * @return what {@code make} returns
     */
    public <T> T step(String key, Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw error(key, e.getMessage());
        }
    }

    /**
     * @param key the key
     * @return a required nested object
     */
    public Entry obj(String key) {
        return new Entry(obj.obj(key));
    }

    /**
     * @param key the key
     * @return an optional nested object
     */
    public Optional<Entry> optObj(String key) {
        return obj.optObj(key).map(Entry::new);
    }

    /**
     * @param key the key
     * @return the elements of a required list of objects
     */
    public List<Entry> objArray(String key) {
        List<Entry> out = new ArrayList<>();
        for (Json.Obj o : obj.objArray(key)) {
            out.add(new Entry(o));
        }
        return out;
    }

    /**
     * @param key the key
     * @return a required object of strings (numbers and booleans as written), in document order
     */
    public Map<String, String> stringMap(String key) {
        Json.Obj m = obj.obj(key);
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : m.keys()) {
            JsonNode v = m.raw(k);
            if (!v.isValueNode()) {
                throw new FieldException(m.pathOf(k), "must be a string, was " + (v.isArray() ? "a list" : "an object"));
            }
            out.put(k, v.asText());
        }
        return out;
    }
}
