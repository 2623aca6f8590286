package io.github.computecost.fargate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.computecost.ComputeCostException;
import io.github.computecost.internal.Json;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.PriceTable;
import io.github.computecost.pricing.RegionPrices;
import io.github.computecost.pricing.ServicePrices;
import io.github.computecost.pricing.Tier;
import io.github.computecost.service.ObservedPrices;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fargate Spot prices as AWS publishes them in its Spot price feed (the JSON behind the Fargate pricing page: a
 * {@code metadata} block with {@code source:version}, and {@code prices}, each a unit, a price per currency and an
 * {@code aws:region}), laid over the bundled Fargate Spot table: the feed's vCPU-hour and GB-hour prices replace the
 * bundled snapshot's in the regions it gives, dated by the feed's version, and labelled as what they are, the
 * market price AWS observed at that time. Its other prices (Arm, ephemeral storage) stay as bundled. A feed is one
 * moment, so the statistic of a history does not apply to it.
 */
final class FargateSpotFeed implements ObservedPrices {

    static final FargateSpotFeed INSTANCE = new FargateSpotFeed();

    /** The feed's units, and the usage types of the Spot table they price. */
    private static final Map<String, String> UNITS = Map.of("vCPU-Hours", "SpotUsage-Fargate-vCPU-Hours:perCPU",
            "GB-Hours", "SpotUsage-Fargate-GB-Hours");

    private FargateSpotFeed() {
    }

    @Override
    public String table() {
        return FargateService.SPOT_TABLE;
    }

    @Override
    public String describe() {
        return "AWS's Fargate Spot price feed (JSON with metadata and prices)";
    }

    @Override
    public boolean recognises(JsonNode root) {
        return root != null && root.isObject() && root.path("prices").isArray()
                && root.path("metadata").has("source:version");
    }

    @Override
    public ServicePrices table(Map<Path, JsonNode> files, PriceBook book, Statistic statistic) {
        ServicePrices bundled = book.service(FargateService.SPOT_TABLE);
        Map<String, Map<String, BigDecimal>> byRegion = new TreeMap<>();
        String version = "";
        String file = "";
        for (Map.Entry<Path, JsonNode> in : files.entrySet()) {
            Path f = in.getKey();
            JsonNode root = in.getValue();
            String v = root.path("metadata").path("source:version").asText();
            if (v.compareTo(version) < 0) {
                continue; // an older feed than one already read
            }
            version = v;
            file = f.toString();
            JsonNode prices = root.path("prices");
            for (int i = 0; i < prices.size(); i++) {
                JsonNode p = prices.get(i);
                String where = f + ": $.prices[" + i + "]";
                String ut = UNITS.get(p.path("unit").asText());
                String region = p.path("attributes").path("aws:region").asText();
                if (ut == null || region.isEmpty()) {
                    continue; // a unit the Spot table does not price
                }
                JsonNode price = p.path("price").path(book.currency());
                try {
                    BigDecimal value = new BigDecimal(price.asText());
                    if (value.signum() < 0 || value.precision() - value.scale() > 6) {
                        throw new NumberFormatException();
                    }
                    byRegion.computeIfAbsent(region, k -> new TreeMap<>()).put(ut, value);
                } catch (NumberFormatException e) {
                    throw new ComputeCostException(where + ".price." + book.currency() + ": must be a price of at "
                            + "least 0, was \"" + price.asText() + "\"");
                }
            }
        }
        LocalDateTime at;
        try {
            at = LocalDateTime.parse(version, DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        } catch (DateTimeParseException e) {
            throw new ComputeCostException(file + ": $.metadata.source:version: not a version of the form "
                    + "yyyyMMddHHmmss: \"" + version + "\"");
        }
        ObjectNode root = Json.json().createObjectNode();
        root.put("schemaVersion", 2);
        root.put("service", FargateService.SPOT_TABLE);
        root.put("priceListServiceCode", FargateService.OFFER);
        root.put("title", bundled.title() + ", with AWS's Spot price feed of " + at + " UTC");
        root.put("dataVersion", at.toLocalDate().toString());
        root.put("currency", book.currency());
        ObjectNode sources = root.putObject("sources");
        ObjectNode feed = sources.putObject("fargate-spot-feed");
        feed.put("url", Path.of(file).toUri().toString());
        feed.put("title", "AWS Fargate Spot price feed, version " + version + ": " + file);
        feed.put("asOf", at.toLocalDate().toString());
        feed.put("checked", at.toLocalDate().toString());
        feed.put("note", "Observed market prices at " + at + " UTC (AWS adjusts them gradually), not list prices.");
        ObjectNode types = root.putObject("usageTypes");
        ObjectNode regions = root.putObject("regions");
        for (Map.Entry<String, Map<String, BigDecimal>> e : byRegion.entrySet()) {
            RegionPrices base = bundled.regions().get(e.getKey());
            if (base == null) {
                continue; // a region without a bundled Spot table: no name or prefix to give it
            }
            ObjectNode prices = ObservedPrices.putRegion(regions, sources, base, bundled);
            for (PriceTable t : base.tables().values()) {
                types.putObject(t.baseUsageType()).put("unit", t.unit()).put("description", t.description());
                BigDecimal observed = e.getValue().get(t.baseUsageType());
                ObjectNode p = prices.putObject(t.baseUsageType());
                if (observed != null) {
                    p.put("price", observed.toPlainString()).put("status", "confirmed").putArray("sources")
                            .add("fargate-spot-feed");
                } else if (t.tiers().size() == 1 && t.tiers().get(0).toExclusive().isEmpty()) {
                    Tier tier = t.tiers().get(0); // kept as bundled, with its provenance
                    p.put("price", tier.unitPrice().toPlainString()).put("status", tier.provenance().status().id());
                    ArrayNode ps = p.putArray("sources");
                    tier.provenance().sources().forEach(s -> {
                        ps.add(s);
                        ObservedPrices.putSource(sources, s, bundled.sources().get(s));
                    });
                    tier.provenance().rule().ifPresent(r -> p.put("rule", r.id()));
                } else {
                    prices.remove(t.baseUsageType());
                }
            }
        }
        if (regions.isEmpty()) {
            throw new ComputeCostException(file + ": no vCPU-Hours or GB-Hours price in a region the bundled Fargate "
                    + "Spot table has");
        }
        if (!bundled.rules().isEmpty()) {
            ObjectNode rules = root.putObject("rules");
            bundled.rules().forEach((id, r) -> {
                ObjectNode n = rules.putObject(id);
                n.put("description", r.description());
                ArrayNode s = n.putArray("sources");
                r.sources().forEach(x -> {
                    s.add(x);
                    ObservedPrices.putSource(sources, x, bundled.sources().get(x));
                });
            });
        }
        return ObservedPrices.parse(file + " (Fargate Spot price feed)", root);
    }
}
