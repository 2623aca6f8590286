package io.github.computecost.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.computecost.ComputeCostException;
import io.github.computecost.compute.OperatingSystem;
import io.github.computecost.internal.Json;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.RegionPrices;
import io.github.computecost.pricing.ServicePrices;
import io.github.computecost.service.ObservedPrices.Statistic;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EC2 Spot prices as AWS observed them: the output of {@code aws ec2 describe-spot-price-history} (JSON, one file or
 * the pages of one query), and the price book table of {@code SpotUsage} prices made from it
 * ({@value Ec2Service#SPOT_TABLE}), one price per instance type, operating system and region at a statistic of the
 * history.
 *
 * <p>Each record's price holds in its Availability Zone from its timestamp until the next record of that zone, type
 * and product; the last until the newest timestamp in the history. A region's price pools its zones (a fleet may run
 * in any of them), each price weighed by how long it held:
 * <ul>
 *   <li>{@link Statistic#MEAN}: the time-weighted mean, rounded half up to {@value #SCALE} decimals;</li>
 *   <li>a percentile ({@code p90}): the lowest observed price at or above which the price stood for that share of
 *       the time (an observed price, not rounded).</li>
 * </ul>
 * Every price of the table says so: it is derived by that rule from the history file, dated the newest timestamp,
 * with the time range and the zones in the source's note. It is a market price that was, not a list price that holds.
 * Linux/UNIX and Windows products are read; others (SUSE, Red Hat) are counted and left out.
 */
public final class Ec2SpotPrices {

    /** Decimals of a time-weighted mean. */
    public static final int SCALE = 10;

    /** EC2's observed prices, for the registry: a Spot price history turned into the Spot table. */
    static final io.github.computecost.service.ObservedPrices OBSERVED = new io.github.computecost.service
            .ObservedPrices() {
        @Override
        public String table() {
            return Ec2Service.SPOT_TABLE;
        }

        @Override
        public String describe() {
            return "the JSON output of aws ec2 describe-spot-price-history";
        }

        @Override
        public boolean recognises(JsonNode root) {
            return Ec2SpotPrices.recognises(root);
        }

        @Override
        public ServicePrices table(Map<Path, JsonNode> files, PriceBook book, Statistic statistic) {
            return read(files).table(book, statistic);
        }
    };

    private static final Pattern REGION = Pattern.compile("^([a-z]{2}(?:-gov)?-[a-z]+-\\d+)");

    /**
     * One record of the history.
     *
     * @param availabilityZone the zone, {@code us-east-1a}
     * @param region its region, {@code us-east-1}
     * @param instanceType the instance type
     * @param operatingSystem Linux/UNIX or Windows
     * @param price the Spot price per hour, as written
     * @param timestamp from when it held
     */
    public record Record(String availabilityZone, String region, String instanceType, OperatingSystem operatingSystem,
            BigDecimal price, Instant timestamp) {
    }

    /**
     * One observed price.
     *
     * @param price the figure
     * @param statistic how it was taken
     * @param from the first timestamp it draws on
     * @param to the newest timestamp of the history
     * @param zones the zones it pools
     * @param records how many records it draws on
     */
    public record Observed(BigDecimal price, Statistic statistic, Instant from, Instant to, List<String> zones,
            int records) {

        /** @return {@code "time-weighted mean of 12 prices in us-east-1a, us-east-1b from … to …"} */
        public String describe() {
            return statistic.describe() + " of " + records + " observed Spot prices in " + String.join(", ", zones)
                    + " from " + from + " to " + to;
        }
    }

    private final List<Record> records;
    private final List<String> files;
    private final Map<String, Long> skipped;
    private final Instant newest;

    Ec2SpotPrices(List<Record> records, List<String> files, Map<String, Long> skipped) {
        this.records = List.copyOf(records);
        this.files = List.copyOf(files);
        this.skipped = Map.copyOf(skipped);
        this.newest = records.stream().map(Record::timestamp).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }

    /** @return the records read */
    public List<Record> records() {
        return records;
    }

    /** @return the records left out, by product description */
    public Map<String, Long> skipped() {
        return skipped;
    }

    /**
     * @param root a JSON document
     * @return whether it is a Spot price history ({@code {"SpotPriceHistory": [...]}})
     */
    public static boolean recognises(JsonNode root) {
        return root != null && root.isObject() && root.path("SpotPriceHistory").isArray();
    }

    /**
     * @param files {@code aws ec2 describe-spot-price-history} output, JSON (the pages of one query, or several)
     * @return the history
     * @throws ComputeCostException if a file is missing, is not such output, or has a record without a zone, type,
     *     product, price or timestamp, naming the file and the record
     */
    public static Ec2SpotPrices read(List<Path> files) {
        Map<Path, JsonNode> roots = new java.util.LinkedHashMap<>();
        files.forEach(f -> roots.put(f, io.github.computecost.service.ObservedPrices.readJson(f)));
        return read(roots);
    }

    /** The same, from files whose JSON is already read. */
    static Ec2SpotPrices read(Map<Path, JsonNode> files) {
        List<Record> records = new ArrayList<>();
        Map<String, Long> skipped = new TreeMap<>();
        List<String> names = new ArrayList<>();
        for (Map.Entry<Path, JsonNode> file : files.entrySet()) {
            Path f = file.getKey();
            JsonNode root = file.getValue();
            if (!recognises(root)) {
                throw new ComputeCostException(f + ": not the output of aws ec2 describe-spot-price-history (no "
                        + "SpotPriceHistory list)");
            }
            JsonNode list = root.path("SpotPriceHistory");
            for (int i = 0; i < list.size(); i++) {
                JsonNode r = list.get(i);
                String where = f + ": $.SpotPriceHistory[" + i + "]";
                String zone = text(r, "AvailabilityZone", where);
                String product = text(r, "ProductDescription", where);
                Optional<OperatingSystem> os = product.startsWith("Linux/UNIX") ? Optional.of(OperatingSystem.LINUX)
                        : product.startsWith("Windows") ? Optional.of(OperatingSystem.WINDOWS) : Optional.empty();
                if (os.isEmpty()) {
                    skipped.merge(product, 1L, Long::sum);
                    continue;
                }
                Matcher m = REGION.matcher(zone);
                if (!m.find()) {
                    throw new ComputeCostException(where + ".AvailabilityZone: not a zone of a region: \"" + zone
                            + "\"");
                }
                BigDecimal price;
                try {
                    price = new BigDecimal(text(r, "SpotPrice", where));
                } catch (NumberFormatException e) {
                    throw new ComputeCostException(where + ".SpotPrice: not a number: \"" + r.path("SpotPrice").asText()
                            + "\"");
                }
                if (price.signum() < 0 || price.precision() - price.scale() > 6) {
                    throw new ComputeCostException(where + ".SpotPrice: must be at least 0 and below a million, was "
                            + price.toPlainString());
                }
                Instant at;
                try {
                    at = OffsetDateTime.parse(text(r, "Timestamp", where)).toInstant();
                } catch (DateTimeParseException e) {
                    throw new ComputeCostException(where + ".Timestamp: not an ISO-8601 time: \""
                            + r.path("Timestamp").asText() + "\"");
                }
                records.add(new Record(zone, m.group(1), text(r, "InstanceType", where), os.get(), price, at));
            }
            names.add(f.toString());
        }
        if (records.isEmpty()) {
            throw new ComputeCostException(String.join(", ", names) + ": no Linux/UNIX or Windows Spot prices"
                    + (skipped.isEmpty() ? "" : " (left out: " + skipped + ")"));
        }
        return new Ec2SpotPrices(records, names, skipped);
    }

    private static String text(JsonNode r, String field, String where) {
        JsonNode v = r.path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new ComputeCostException(where + "." + field + ": required, as text");
        }
        return v.asText();
    }

    /**
     * @param region the region code
     * @param instanceType the instance type
     * @param os Linux/UNIX or Windows
     * @param statistic the mean or a percentile
     * @return the price of an instance type on an operating system in a region at a statistic, or empty when the
     *     history has none
     */
    public Optional<Observed> observed(String region, String instanceType, OperatingSystem os, Statistic statistic) {
        List<Record> rs = records.stream().filter(r -> r.region().equals(region)
                && r.instanceType().equals(instanceType) && r.operatingSystem() == os).toList();
        return rs.isEmpty() ? Optional.empty() : Optional.of(observed(rs, statistic));
    }

    /** The statistic of one instance type's records in one region, on one operating system (at least one). */
    private Observed observed(List<Record> rs, Statistic statistic) {
        // Each price weighs the seconds until the next record of its zone (the last: until the history's newest).
        Map<String, List<Record>> byZone = new TreeMap<>();
        rs.forEach(r -> byZone.computeIfAbsent(r.availabilityZone(), k -> new ArrayList<>()).add(r));
        List<BigDecimal[]> weighed = new ArrayList<>(); // {price, seconds}
        for (List<Record> z : byZone.values()) {
            z.sort(Comparator.comparing(Record::timestamp));
            for (int i = 0; i < z.size(); i++) {
                Instant until = i + 1 < z.size() ? z.get(i + 1).timestamp() : newest;
                weighed.add(new BigDecimal[] {z.get(i).price(),
                    BigDecimal.valueOf(until.getEpochSecond() - z.get(i).timestamp().getEpochSecond())});
            }
        }
        BigDecimal total = weighed.stream().map(w -> w[1]).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.signum() == 0) {
            weighed.forEach(w -> w[1] = BigDecimal.ONE); // one instant only: each record counts once
            total = BigDecimal.valueOf(weighed.size());
        }
        BigDecimal price;
        if (statistic.percentile().isEmpty()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (BigDecimal[] w : weighed) {
                sum = sum.add(w[0].multiply(w[1]));
            }
            price = sum.divide(total, SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
        } else {
            weighed.sort(Comparator.comparing(w -> w[0]));
            BigDecimal need = total.multiply(BigDecimal.valueOf(statistic.percentile().get()));
            BigDecimal cum = BigDecimal.ZERO;
            price = weighed.get(weighed.size() - 1)[0];
            for (BigDecimal[] w : weighed) {
                cum = cum.add(w[1]);
                if (cum.multiply(BigDecimal.valueOf(100)).compareTo(need) >= 0) {
                    price = w[0];
                    break;
                }
            }
        }
        Instant from = rs.stream().map(Record::timestamp).min(Comparator.naturalOrder()).orElseThrow();
        return new Observed(price, statistic, from, newest, List.copyOf(byZone.keySet()), rs.size());
    }

    /**
     * The price book table of these observed prices, at a statistic: {@code SpotUsage} prices of every instance type,
     * operating system and region the history has and the price book's EC2 table names, each derived by the
     * statistic's rule from this history.
     *
     * @param book the price book the table goes with (its EC2 table gives the regions' names and usage type prefixes)
     * @param statistic the statistic
     * @return the table, read back through the pricing-data reader (so it is checked as any table is)
     */
    public ServicePrices table(PriceBook book, Statistic statistic) {
        ServicePrices ec2 = book.service(Ec2Service.TABLE);
        ObjectNode root = Json.json().createObjectNode();
        root.put("schemaVersion", 2);
        root.put("service", Ec2Service.SPOT_TABLE);
        root.put("priceListServiceCode", Ec2Service.TABLE);
        root.put("title", "Amazon EC2 Spot: observed market prices (" + statistic.describe() + ")");
        LocalDate day = LocalDate.ofInstant(newest, ZoneOffset.UTC);
        root.put("dataVersion", day.toString());
        root.put("currency", book.currency());
        ObjectNode sources = root.putObject("sources");
        ObjectNode history = sources.putObject("ec2-spot-history");
        history.put("url", Path.of(files.get(0)).toUri().toString());
        history.put("title", "aws ec2 describe-spot-price-history output: " + String.join(", ", files));
        history.put("asOf", day.toString());
        history.put("checked", day.toString());
        String rule = "ec2-spot-" + statistic.id();
        ObjectNode rules = root.putObject("rules");
        rules.putObject(rule).put("description", "The " + statistic.describe() + " of the Spot prices the history "
                + "observed in the region's zones, each price weighed by how long it held (until the zone's next "
                + "price, the last until the history's newest timestamp)" + (statistic.percentile().isEmpty()
                        ? ", rounded half up to " + SCALE + " decimals" : "") + "; a market price that was, not a "
                + "list price.").putArray("sources").add("ec2-spot-history");
        ObjectNode types = root.putObject("usageTypes");
        ObjectNode regions = root.putObject("regions");
        TreeSet<String> notes = new TreeSet<>();
        Map<String, List<Record>> keys = new TreeMap<>();
        for (Record r : records) {
            keys.computeIfAbsent(r.region() + "|" + r.instanceType() + "|" + r.operatingSystem(),
                    k -> new ArrayList<>()).add(r);
        }
        for (List<Record> group : keys.values()) {
            Record any = group.get(0);
            RegionPrices rp = ec2.regions().get(any.region());
            if (rp == null) {
                continue; // a region the price book does not know: no name or prefix to give it
            }
            Observed o = observed(group, statistic);
            String ut = Ec2Catalog.spotUsageType(any.instanceType(), any.operatingSystem());
            types.putObject(ut).put("unit", "Hrs").put("description", any.instanceType() + " "
                    + (any.operatingSystem() == OperatingSystem.WINDOWS ? "Windows" : "Linux") + " Spot hours");
            ObjectNode prices = regions.has(any.region()) ? (ObjectNode) regions.get(any.region()).get("prices")
                    : io.github.computecost.service.ObservedPrices.putRegion(regions, sources, rp, ec2);
            ObjectNode price = prices.putObject(ut);
            price.put("price", o.price().toPlainString());
            price.put("status", "derived");
            price.putArray("sources").add("ec2-spot-history");
            price.put("rule", rule);
            notes.add(any.region() + " " + any.instanceType() + " " + any.operatingSystem().name().toLowerCase(
                    Locale.ROOT) + ": " + o.describe());
        }
        if (!skipped.isEmpty()) {
            notes.add("left out, products other than Linux/UNIX and Windows: " + skipped);
        }
        history.put("note", String.join("; ", notes));
        if (regions.isEmpty()) {
            throw new ComputeCostException(String.join(", ", files) + ": no Spot price in a region the price book "
                    + "knows");
        }
        return io.github.computecost.service.ObservedPrices.parse(files.get(0) + " (Spot prices, " + statistic.id()
                + ")", root);
    }
}
