package io.github.computecost.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the typed value of a {@link TableSchema} from one table: each accessor either returns the entry or throws
 * a {@link PricingDataException} that names the file, the JSON path and what the service needs. Not thread-safe;
 * made per binding.
 */
public final class TableBinder {

    private final ServicePrices table;

    TableBinder(ServicePrices table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /** @return the table being bound */
    public ServicePrices table() {
        return table;
    }

    /**
     * @param path the JSON path within the table's file
     * @param detail what is wrong and what is allowed
     * @return a failure at {@code path} of the table's file
     */
    public PricingDataException error(String path, String detail) {
        return new PricingDataException(table.file(), path, detail);
    }

    /**
     * @param name the limit's name
     * @return the named limit
     */
    public Limit limit(String name) {
        Limit l = table.limits().get(name);
        if (l == null) {
            throw error("$.limits." + name, "is missing: the " + table.service() + " table must give this limit");
        }
        return l;
    }

    /**
     * @param name the limit's name
     * @return the named limit, which must state a maximum
     */
    public Limit limitWithMax(String name) {
        Limit l = limit(name);
        if (l.max().isEmpty()) {
            throw error("$.limits." + name + ".max", "is missing: the " + table.service() + " table must give it");
        }
        return l;
    }

    /**
     * @param name the limit's name
     * @return the named limit, which must state a minimum
     */
    public Limit limitWithMin(String name) {
        Limit l = limit(name);
        if (l.min().isEmpty()) {
            throw error("$.limits." + name + ".min", "is missing: the " + table.service() + " table must give it");
        }
        return l;
    }

    /**
     * @param name the limit's name
     * @return the named limit, which must state a minimum and a maximum
     */
    public Limit range(String name) {
        limitWithMax(name);
        return limitWithMin(name);
    }

    /**
     * @param name the billing rule's name
     * @return the named billing rule's value
     */
    public BigDecimal billingRule(String name) {
        BillingRule r = table.billingRules().get(name);
        if (r == null) {
            throw error("$.billingRules." + name, "is missing: the " + table.service() + " table must give this "
                    + "billing rule");
        }
        return r.value();
    }

    /**
     * @param name the billing rule's name
     * @return the named billing rule's value, which must be more than 0
     */
    public BigDecimal positiveBillingRule(String name) {
        BigDecimal v = billingRule(name);
        if (v.signum() <= 0) {
            throw error("$.billingRules." + name + ".value", "must be more than 0, was " + v.toPlainString());
        }
        return v;
    }

    /**
     * @param name the billing rule's name
     * @return the named billing rule's value, which must be a whole number that fits an {@code int}
     */
    public int wholeBillingRule(String name) {
        BigDecimal v = billingRule(name);
        try {
            return v.stripTrailingZeros().intValueExact();
        } catch (ArithmeticException e) {
            throw error("$.billingRules." + name + ".value", "must be a whole number, was " + v.toPlainString());
        }
    }

    /**
     * @param name the list's name
     * @return the named list of allowed values
     */
    public AllowedValues allowedValues(String name) {
        AllowedValues a = table.allowedValues().get(name);
        if (a == null) {
            throw error("$.allowedValues." + name, "is missing: the " + table.service() + " table must give it");
        }
        return a;
    }

    /** One catalog entry's attributes, read with paths. */
    public final class Entry {
        private final String key;
        private final Map<String, String> attributes;

        Entry(String key, Map<String, String> attributes) {
            this.key = key;
            this.attributes = attributes;
        }

        /** @return the entry's key, {@code "t3.medium"} */
        public String key() {
            return key;
        }

        /**
         * @param attribute the attribute's name
         * @return the JSON path of one attribute
         */
        public String pathOf(String attribute) {
            return "$.catalog." + key + "." + attribute;
        }

        /**
         * @param attribute the attribute's name
         * @return a required attribute
         */
        public String string(String attribute) {
            String v = attributes.get(attribute);
            if (v == null || v.isBlank()) {
                throw error(pathOf(attribute), "is missing");
            }
            return v;
        }

        /**
         * @param attribute the attribute's name
         * @return an optional attribute
         */
        public Optional<String> optString(String attribute) {
            return Optional.ofNullable(attributes.get(attribute)).filter(v -> !v.isBlank());
        }

        /**
         * @param attribute the attribute's name
         * @return a required decimal attribute, at least 0
         */
        public BigDecimal decimal(String attribute) {
            return parse(attribute, string(attribute));
        }

        /**
         * @param attribute the attribute's name
         * @return an optional decimal attribute, at least 0
         */
        public Optional<BigDecimal> optDecimal(String attribute) {
            return optString(attribute).map(v -> parse(attribute, v));
        }

        /**
         * @param attribute the attribute's name
         * @return a required list of decimals, at least 0, written separated by spaces ({@code "0.5 1 2"})
         */
        public List<BigDecimal> decimals(String attribute) {
            List<BigDecimal> out = new ArrayList<>();
            for (String part : string(attribute).trim().split("\\s+")) {
                out.add(parse(attribute, part));
            }
            return List.copyOf(out);
        }

        /**
         * @param attribute the attribute's name
         * @return an optional boolean attribute ({@code "true"} or {@code "false"})
         */
        public Optional<Boolean> optBoolean(String attribute) {
            return optString(attribute).map(v -> switch (v) {
                case "true" -> true;
                case "false" -> false;
                default -> throw error(pathOf(attribute), "must be true or false, was \"" + v + "\"");
            });
        }

        private BigDecimal parse(String attribute, String v) {
            try {
                BigDecimal d = new BigDecimal(v.trim());
                if (d.signum() < 0) {
                    throw error(pathOf(attribute), "must not be negative, was " + v);
                }
                return d;
            } catch (NumberFormatException e) {
                throw error(pathOf(attribute), "must be a number, was \"" + v + "\"");
            }
        }
    }

    /** @return every catalog entry, in the table's order */
    public List<Entry> catalog() {
        List<Entry> out = new ArrayList<>();
        table.catalog().forEach((k, v) -> out.add(new Entry(k, v)));
        return out;
    }

    /**
     * @param read reads one entry
     * @param <E> the entries' type
     * @return every catalog entry read, by key, in the table's order
     */
    public <E> Map<String, E> catalog(java.util.function.Function<Entry, E> read) {
        Map<String, E> out = new LinkedHashMap<>();
        for (Entry e : catalog()) {
            out.put(e.key(), read.apply(e));
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
