package io.github.computecost.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.ServicePrices;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Market prices a user brings, as AWS observed them (Spot prices), turned into a price book table of the service's:
 * no source gives such a price that holds, so none is bundled, and each price of the table is derived from the
 * user's file by a {@link Statistic} of it, and says so.
 */
public interface ObservedPrices {

    /** @return the table's service code, the one a resource on these prices is metered against */
    String table();

    /** @return what file to bring, for messages: {@code "the JSON output of aws ec2 describe-spot-price-history"} */
    String describe();

    /**
     * @param root a JSON document
     * @return whether it is this service's kind of observed prices
     */
    boolean recognises(JsonNode root);

    /**
     * @param files the files, each recognised, with their JSON as already read, in the order given
     * @param book the price book the table goes with
     * @param statistic which figure of the observations prices the month
     * @return the table, checked as any pricing-data table is
     * @throws io.github.computecost.ComputeCostException if a file is malformed, naming it
     */
    ServicePrices table(java.util.Map<Path, JsonNode> files, PriceBook book, Statistic statistic);

    /**
     * @param file a user's file
     * @return it as JSON
     * @throws io.github.computecost.ComputeCostException if it is missing or not JSON, naming it
     */
    static JsonNode readJson(Path file) {
        try {
            return io.github.computecost.internal.Json.json().readTree(java.nio.file.Files.readAllBytes(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new io.github.computecost.ComputeCostException(file + ": file not found");
        } catch (java.io.IOException e) {
            throw new io.github.computecost.ComputeCostException(file + ": not JSON: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    /**
     * Writes a source into a pricing-data file's {@code sources} object, unless it is there already or null.
     *
     * @param sources the {@code sources} object
     * @param id the source's id
     * @param s the source, or null
     */
    static void putSource(com.fasterxml.jackson.databind.node.ObjectNode sources, String id,
            io.github.computecost.pricing.Source s) {
        if (s == null || sources.has(id)) {
            return;
        }
        com.fasterxml.jackson.databind.node.ObjectNode n = sources.putObject(id);
        n.put("url", s.url());
        n.put("title", s.title());
        n.put("asOf", s.asOf().toString());
        n.put("checked", s.checked().toString());
        s.note().ifPresent(t -> n.put("note", t));
    }

    /**
     * Writes a region into a pricing-data file made in code as the table it comes from has it: its name, usage type
     * prefix and sources (written into {@code sources} too), with an empty {@code prices} object.
     *
     * @param regions the file's {@code regions} object
     * @param sources the file's {@code sources} object
     * @param from the region as its table has it
     * @param table that table, for its sources
     * @return the region's {@code prices} object, to write its prices into
     */
    static com.fasterxml.jackson.databind.node.ObjectNode putRegion(
            com.fasterxml.jackson.databind.node.ObjectNode regions, com.fasterxml.jackson.databind.node.ObjectNode sources,
            io.github.computecost.pricing.RegionPrices from, ServicePrices table) {
        com.fasterxml.jackson.databind.node.ObjectNode region = regions.putObject(from.code());
        region.put("name", from.name());
        region.put("usageTypePrefix", from.usageTypePrefix());
        com.fasterxml.jackson.databind.node.ArrayNode ids = region.putArray("sources");
        for (String id : from.sources()) {
            ids.add(id);
            putSource(sources, id, table.sources().get(id));
        }
        return region.putObject("prices");
    }

    /**
     * @param name the name for messages
     * @param root a pricing-data file made in code
     * @return it read back through the pricing-data reader
     */
    static ServicePrices parse(String name, com.fasterxml.jackson.databind.node.ObjectNode root) {
        try {
            return PriceBook.parse(name, io.github.computecost.internal.Json.json().writeValueAsBytes(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Which figure of observed prices prices the month: the time-weighted mean, or a time-weighted percentile.
     *
     * @param percentile empty for the time-weighted mean, else 1 to 100
     */
    record Statistic(Optional<Integer> percentile) {
        /** The time-weighted mean. */
        public static final Statistic MEAN = new Statistic(Optional.empty());

        /**
         * Checks the components.
         *
         * @param percentile empty for the time-weighted mean, else 1 to 100
         */
        public Statistic {
            Objects.requireNonNull(percentile, "percentile");
            percentile.ifPresent(p -> {
                if (p < 1 || p > 100) {
                    throw new IllegalArgumentException("a percentile is 1 to 100, was " + p);
                }
            });
        }

        /**
         * @param text {@code mean}, {@code median} (p50) or {@code pNN} ({@code p90}), any case
         * @return the statistic
         * @throws IllegalArgumentException for anything else, naming what is allowed
         */
        public static Statistic parse(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            if (t.equals("mean")) {
                return MEAN;
            }
            if (t.equals("median")) {
                return new Statistic(Optional.of(50));
            }
            if (t.matches("p\\d{1,3}")) {
                int p = Integer.parseInt(t.substring(1));
                if (p >= 1 && p <= 100) {
                    return new Statistic(Optional.of(p));
                }
            }
            throw new IllegalArgumentException("must be mean, median or a percentile p1 to p100 (p90), was \"" + text
                    + "\"");
        }

        /** @return {@code mean} or {@code p90} */
        public String id() {
            return percentile.map(p -> "p" + p).orElse("mean");
        }

        /** @return how the figure is taken, for labels */
        public String describe() {
            return percentile.map(p -> p + "th percentile (time-weighted)").orElse("time-weighted mean");
        }
    }
}
