package io.github.computecost.pricelist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.computecost.pricelist.TableDraft.TierDraft;
import io.github.computecost.pricing.PriceTable;
import io.github.computecost.pricing.Provenance;
import io.github.computecost.pricing.Tier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The one writer of pricing-data tables, the mirror of the reader ({@code PricingFileReader}): a {@link TableDraft}
 * (the table's fixed sections, then per region its header and each usage type's tiers with their provenance) in,
 * the table's canonical text out. {@code build-prices} and {@code import-prices} both write through it, so an
 * imported table has the layout, key order and provenance rules of a bundled one, and neither edits JSON trees
 * by hand.
 *
 * <p>The layout: the skeleton's header and sections in a fixed order, then {@code regions} sorted by code, each
 * with its name, usage-type prefix, sources and notes; its {@code defaults} are the commonest provenance of its flat
 * prices, so most prices are one line; usage types in the order the table declares them; a flat price with the
 * region's provenance written as its text alone.
 */
final class TableWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> HEADER = List.of("schemaVersion", "service", "priceListServiceCode", "title",
            "dataVersion", "currency");
    private static final List<String> SECTIONS = List.of("rules", "usageTypes", "freeTier", "billingRules", "limits",
            "allowedValues", "catalog");

    private TableWriter() {
    }

    /**
     * @param t the table; every region with prices has a header
     * @param sourceById a source the regions cite that the skeleton does not define (the bundle's shared sources)
     * @return the table's text, canonical (two-space indents, final newline)
     * @throws PriceListException if a region has no header, or a price is of a usage type the table does not declare
     */
    static String write(TableDraft t, Function<String, JsonNode> sourceById) {
        return CanonicalJson.write(render(t, sourceById));
    }

    /**
     * The tiers of a table as read, with their provenance, as the writer takes them: what a table read from a file
     * gives to be written again (an import keeps a region's prices the offers lack this way).
     */
    static List<TierDraft> tiersOf(PriceTable table) {
        List<TierDraft> out = new ArrayList<>();
        for (Tier tier : table.tiers()) {
            Provenance p = tier.provenance();
            out.add(new TierDraft(tier.fromInclusive(), tier.toExclusive(), tier.unitPrice(),
                    p.status().name().toLowerCase(Locale.ROOT), p.sources(),
                    p.rule().map(io.github.computecost.pricing.DerivationRule::id)));
        }
        return out;
    }

    private static ObjectNode render(TableDraft t, Function<String, JsonNode> sourceById) {
        ObjectNode s = t.skeleton;
        ObjectNode out = NODES.objectNode();
        for (String k : HEADER) {
            if (s.has(k)) {
                out.set(k, s.get(k));
            }
        }
        out.put("schemaVersion", 2);
        ObjectNode srcs = out.putObject("sources");
        s.path("sources").fields().forEachRemaining(e -> srcs.set(e.getKey(), e.getValue()));
        Set<String> cited = new LinkedHashSet<>();
        for (String region : t.prices.keySet()) {
            cited.addAll(header(t, region).sources());
        }
        for (String id : cited) {
            if (!srcs.has(id)) {
                srcs.set(id, sourceById.apply(id));
            }
        }
        for (String k : SECTIONS) {
            if (s.has(k) && !(s.get(k).isEmpty() && k.equals("rules"))) {
                out.set(k, s.get(k));
            }
        }
        Map<String, Integer> declared = new HashMap<>();
        s.path("usageTypes").fieldNames().forEachRemaining(u -> declared.put(u, declared.size()));
        ObjectNode regionsOut = out.putObject("regions");
        for (Map.Entry<String, Map<String, List<TierDraft>>> r : t.prices.entrySet()) {
            String code = r.getKey();
            TableDraft.RegionHeader h = header(t, code);
            ObjectNode rn = regionsOut.putObject(code);
            rn.put("name", h.name());
            rn.put("usageTypePrefix", h.usageTypePrefix());
            ArrayNode rs = rn.putArray("sources");
            h.sources().forEach(rs::add);
            List<String> regionNotes = t.regionNotes.getOrDefault(code, List.of());
            if (!regionNotes.isEmpty()) {
                rn.put("note", String.join(" ", regionNotes));
            }
            String defaults = commonestFlat(r.getValue());
            if (!defaults.isEmpty()) {
                rn.set("defaults", provenance(defaults));
            }
            ObjectNode prices = rn.putObject("prices");
            List<String> order = new ArrayList<>(r.getValue().keySet());
            for (String ut : order) {
                if (!declared.containsKey(ut)) {
                    throw new PriceListException(t.file + ": " + code + " has a price for " + ut
                            + ", a usage type the table does not declare");
                }
            }
            order.sort(Comparator.comparingInt(declared::get));
            for (String ut : order) {
                price(prices, ut, r.getValue().get(ut), defaults);
            }
        }
        return out;
    }

    private static TableDraft.RegionHeader header(TableDraft t, String code) {
        TableDraft.RegionHeader h = t.headers.get(code);
        if (h == null) {
            throw new PriceListException(t.file + ": region " + code + " has prices but no name, prefix or sources");
        }
        return h;
    }

    /** The commonest provenance of a region's flat prices (ties: the smaller key), or "" when it has none. */
    private static String commonestFlat(Map<String, List<TierDraft>> prices) {
        Map<String, Integer> counts = new TreeMap<>();
        for (List<TierDraft> tiers : prices.values()) {
            if (tiers.size() == 1) {
                counts.merge(key(tiers.get(0)), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey)
                .orElse("");
    }

    private static void price(ObjectNode prices, String ut, List<TierDraft> tiers, String defaults) {
        if (tiers.size() == 1 && tiers.get(0).to().isEmpty() && key(tiers.get(0)).equals(defaults)) {
            prices.put(ut, tiers.get(0).price().toPlainString());
            return;
        }
        ObjectNode p = prices.putObject(ut);
        if (tiers.size() == 1 && tiers.get(0).to().isEmpty()) {
            p.setAll(provenance(key(tiers.get(0))));
            p.put("price", tiers.get(0).price().toPlainString());
            return;
        }
        ArrayNode ta = p.putArray("tiers");
        for (TierDraft tier : tiers) {
            ObjectNode tn = ta.addObject();
            tn.put("fromInclusive", tier.from().toPlainString());
            tier.to().ifPresent(x -> tn.put("toExclusive", x.toPlainString()));
            tn.put("price", tier.price().toPlainString());
            if (!key(tier).equals(defaults)) {
                tn.setAll(provenance(key(tier)));
            }
        }
    }

    private static String key(TierDraft t) {
        return t.status() + "|" + String.join(",", t.sources()) + "|" + t.rule().orElse("");
    }

    private static ObjectNode provenance(String key) {
        String[] k = key.split("\\|", -1);
        ObjectNode n = NODES.objectNode();
        n.put("status", k[0]);
        ArrayNode s = n.putArray("sources");
        for (String id : k[1].split(",")) {
            s.add(id);
        }
        if (!k[2].isEmpty()) {
            n.put("rule", k[2]);
        }
        return n;
    }
}
