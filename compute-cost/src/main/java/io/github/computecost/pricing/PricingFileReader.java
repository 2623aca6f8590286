package io.github.computecost.pricing;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.computecost.internal.FieldException;
import io.github.computecost.internal.Json;
import io.github.computecost.internal.Json.Obj;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads and validates one pricing-data file; see {@code pricing-data/README.md} for the format. */
final class PricingFileReader {

    static final int SCHEMA_VERSION = 2;
    /** The region key of services AWS prices once for all locations (CloudFront, Lambda@Edge). */
    static final String GLOBAL = RegionPrices.GLOBAL;

    private static final Set<String> TOP = Set.of("schemaVersion", "service", "title", "dataVersion",
            "currency", "sources", "rules", "usageTypes", "freeTier", "billingRules", "limits", "allowedValues",
            "regions", "priceListServiceCode", "catalog");

    private PricingFileReader() {
    }

    static ServicePrices read(String file, byte[] bytes) {
        JsonNode root;
        try {
            root = Json.readTree(bytes, false);
        } catch (JacksonException e) {
            throw new PricingDataException(file, "$", "is not valid JSON: " + io.github.computecost.internal.Json.problem(e)
                    + location(e));
        } catch (IOException e) {
            throw new PricingDataException(file, "$", "cannot be read: " + e.getMessage());
        }
        try {
            return parse(file, Json.root(root));
        } catch (FieldException e) {
            throw new PricingDataException(file, e.path(), e.detail());
        }
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    private static ServicePrices parse(String file, Obj root) {
        root.allowOnly(TOP);
        long schema = root.wholeNumber("schemaVersion");
        if (schema != SCHEMA_VERSION) {
            throw new FieldException(root.pathOf("schemaVersion"), "must be " + SCHEMA_VERSION
                    + " (the format this version of compute-cost reads" + (schema == 1 ? "; format 1 had one status per "
                            + "region, format 2 gives each price its sources and date: see pricing-data/README.md" : "")
                    + "), was " + schema);
        }
        String service = root.string("service");
        String currency = root.string("currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw new FieldException(root.pathOf("currency"), "must be an ISO 4217 code such as USD, was " + currency);
        }

        Map<String, Source> sources = new LinkedHashMap<>();
        for (Map.Entry<String, Obj> e : root.objMap("sources").entrySet()) {
            Obj s = e.getValue();
            s.allowOnly(Set.of("url", "title", "asOf", "checked", "note"));
            sources.put(e.getKey(), new Source(e.getKey(), s.string("url"), s.string("title"), date(s, "asOf"),
                    date(s, "checked"), s.optString("note")));
        }

        Map<String, DerivationRule> rules = new LinkedHashMap<>();
        if (root.has("rules")) {
            for (Map.Entry<String, Obj> e : root.objMap("rules").entrySet()) {
                Obj r = e.getValue();
                r.allowOnly(Set.of("description", "sources"));
                rules.put(e.getKey(), new DerivationRule(e.getKey(), r.string("description"), checkSources(r, sources)));
            }
        }

        Map<String, Obj> usageTypes = root.objMap("usageTypes");
        for (Obj u : usageTypes.values()) {
            u.allowOnly(Set.of("unit", "description", "note"));
            u.string("unit");
            u.string("description");
        }

        List<FreeTierAllowance> freeTier = new ArrayList<>();
        if (root.has("freeTier")) {
            for (Obj f : root.objArray("freeTier")) {
                f.allowOnly(Set.of("id", "description", "quantity", "unit", "usageTypes", "scope", "sources", "note"));
                List<String> types = f.stringArray("usageTypes");
                for (int i = 0; i < types.size(); i++) {
                    if (!usageTypes.containsKey(types.get(i))) {
                        throw new FieldException(f.pathOf("usageTypes") + "[" + i + "]", "names usage type "
                                + types.get(i) + ", which $.usageTypes does not define");
                    }
                }
                String scope = f.string("scope");
                if (!scope.equals("account")) {
                    throw new FieldException(f.pathOf("scope"), "must be account (the only scope supported), was " + scope);
                }
                List<String> ids = checkSources(f, sources);
                freeTier.add(new FreeTierAllowance(f.string("id"), f.string("description"),
                        nonNegative(f, "quantity"), f.string("unit"), new LinkedHashSet<>(types), f.optString("note"),
                        new Provenance(Provenance.Status.CONFIRMED, ids, Optional.empty(), newest(ids, sources))));
            }
        }

        Map<String, BillingRule> billing = new LinkedHashMap<>();
        if (root.has("billingRules")) {
            for (Map.Entry<String, Obj> e : root.objMap("billingRules").entrySet()) {
                Obj r = e.getValue();
                r.allowOnly(Set.of("value", "unit", "sources", "note"));
                billing.put(e.getKey(), new BillingRule(e.getKey(), nonNegative(r, "value"), r.string("unit"),
                        checkSources(r, sources), r.optString("note")));
            }
        }

        Map<String, Limit> limits = new LinkedHashMap<>();
        if (root.has("limits")) {
            for (Map.Entry<String, Obj> e : root.objMap("limits").entrySet()) {
                Obj l = e.getValue();
                l.allowOnly(Set.of("min", "max", "increment", "unit", "adjustable", "sources", "note"));
                Optional<BigDecimal> min = l.optDecimal("min");
                Optional<BigDecimal> max = l.optDecimal("max");
                if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
                    throw new FieldException(l.pathOf("min"), "must not exceed max " + max.get().toPlainString());
                }
                Optional<BigDecimal> inc = l.optDecimal("increment");
                if (inc.isPresent() && inc.get().signum() <= 0) {
                    throw new FieldException(l.pathOf("increment"), "must be positive, was " + inc.get().toPlainString());
                }
                limits.put(e.getKey(), new Limit(e.getKey(), min, max, inc, l.string("unit"), checkSources(l, sources),
                        l.bool("adjustable", false)));
            }
        }

        Map<String, AllowedValues> allowed = new LinkedHashMap<>();
        if (root.has("allowedValues")) {
            for (Map.Entry<String, Obj> e : root.objMap("allowedValues").entrySet()) {
                Obj a = e.getValue();
                a.allowOnly(Set.of("values", "sources", "note"));
                List<String> values = a.stringArray("values");
                if (values.isEmpty()) {
                    throw new FieldException(a.pathOf("values"), "must list at least one value");
                }
                allowed.put(e.getKey(), new AllowedValues(e.getKey(), values, checkSources(a, sources), a.optString("note")));
            }
        }

        Map<String, Map<String, String>> catalog = new LinkedHashMap<>();
        if (root.has("catalog")) {
            for (Map.Entry<String, Obj> e : root.objMap("catalog").entrySet()) {
                Map<String, String> attributes = new LinkedHashMap<>();
                for (String key : e.getValue().keys()) {
                    JsonNode v = e.getValue().raw(key);
                    if (!v.isValueNode()) {
                        throw new FieldException(e.getValue().pathOf(key), "must be a string or a number");
                    }
                    attributes.put(key, v.asText());
                }
                catalog.put(e.getKey(), attributes);
            }
        }

        Map<String, RegionPrices> regions = new LinkedHashMap<>();
        Map<String, Obj> regionNodes = root.objMap("regions");
        if (regionNodes.isEmpty() && !usageTypes.isEmpty()) {
            // A table of limits and rules alone (a service that charges nothing itself, as ECS on EC2) has no regions.
            throw new FieldException(root.pathOf("regions"), "must price at least one region");
        }
        Context ctx = new Context(service, usageTypes, sources, rules, root.string("dataVersion"));
        for (Map.Entry<String, Obj> e : regionNodes.entrySet()) {
            regions.put(e.getKey(), region(e.getKey(), e.getValue(), ctx));
        }

        return new ServicePrices(service, root.string("title"), file, root.string("dataVersion"), currency, sources,
                rules, freeTier, billing, limits, allowed, catalog, regions);
    }

    /** What a region's prices are checked against. */
    private record Context(String service, Map<String, Obj> usageTypes, Map<String, Source> sources,
            Map<String, DerivationRule> rules, String dataVersion) {
    }

    /** Provenance fields as given at one level (region defaults, price, tier); each may be absent. */
    private record Given(Optional<String> status, Optional<List<String>> sources, Optional<String> rule) {
        static final Given NONE = new Given(Optional.empty(), Optional.empty(), Optional.empty());

        static Given of(Obj o) {
            return new Given(o.optString("status"), o.has("sources") ? Optional.of(o.stringArray("sources"))
                    : Optional.empty(), o.optString("rule"));
        }

        /** @return these fields, each falling back to {@code outer}'s */
        Given over(Given outer) {
            return new Given(status.or(outer::status), sources.or(outer::sources), rule.or(outer::rule));
        }
    }

    private static final Set<String> PROVENANCE_KEYS = Set.of("status", "sources", "rule");

    private static RegionPrices region(String code, Obj r, Context ctx) {
        r.allowOnly(Set.of("name", "usageTypePrefix", "sources", "note", "defaults", "prices"));
        if (!code.equals(GLOBAL) && !code.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
            throw new FieldException(r.path(), "is not a region code like us-east-1, nor " + GLOBAL);
        }
        String prefix = r.has("usageTypePrefix") ? r.raw("usageTypePrefix").asText() : "";
        Given defaults = Given.NONE;
        if (r.has("defaults")) {
            Obj d = r.obj("defaults");
            d.allowOnly(PROVENANCE_KEYS);
            defaults = Given.of(d);
        }
        Map<String, PriceTable> tables = new LinkedHashMap<>();
        for (String ut : r.obj("prices").keys()) {
            Obj usageType = ctx.usageTypes().get(ut);
            String path = r.pathOf("prices") + "." + ut;
            if (usageType == null) {
                throw new FieldException(path, "is not a usage type defined in $.usageTypes");
            }
            JsonNode node = r.obj("prices").raw(ut);
            List<Tier> tiers;
            if (node.isValueNode()) { // shorthand: one open tier at this price, the region's provenance
                BigDecimal price = priceOf(node, path);
                tiers = List.of(new Tier(BigDecimal.ZERO, Optional.empty(), price, provenance(path, defaults, ctx)));
            } else {
                Obj p = r.obj("prices").obj(ut);
                p.allowOnly(Set.of("status", "sources", "rule", "note", "price", "tiers"));
                Given given = Given.of(p).over(defaults);
                if (p.has("price") == p.has("tiers")) {
                    throw new FieldException(path, "must give either price (one open tier) or tiers");
                }
                tiers = p.has("price")
                        ? List.of(new Tier(BigDecimal.ZERO, Optional.empty(), priceOf(p.raw("price"), p.pathOf("price")),
                                provenance(path, given, ctx)))
                        : tiers(p.pathOf("tiers"), p.objArray("tiers"), given, ctx);
            }
            tables.put(ut, new PriceTable(prefix + ut, ut, usageType.string("unit"), usageType.string("description"),
                    tiers));
        }
        List<String> regionSources = checkSources(r, ctx.sources());
        return new RegionPrices(ctx.service(), code, r.string("name"), prefix, r.optString("note"), regionSources, tables,
                ctx.dataVersion());
    }

    private static BigDecimal priceOf(JsonNode node, String path) {
        BigDecimal v = Json.decimal(node, path);
        if (v.signum() < 0) {
            throw new FieldException(path, "must not be negative, was " + v.toPlainString());
        }
        return v;
    }

    private static Provenance provenance(String path, Given g, Context ctx) {
        String status = g.status().orElseThrow(() -> new FieldException(path,
                "has no status: give status confirmed or derived on the price or in the region's defaults"));
        List<String> ids = g.sources().orElseThrow(() -> new FieldException(path,
                "names no source: give sources on the price or in the region's defaults (a price without a source is "
                        + "left out, never guessed)"));
        if (ids.isEmpty()) {
            throw new FieldException(path + ".sources", "must name at least one source");
        }
        for (String id : ids) {
            if (!ctx.sources().containsKey(id)) {
                throw new FieldException(path + ".sources", "names source " + id + ", which $.sources does not define");
            }
        }
        Optional<DerivationRule> rule;
        switch (status) {
            case "confirmed" -> {
                if (g.rule().isPresent()) {
                    throw new FieldException(path + ".rule", "is only for derived prices; this one is confirmed");
                }
                rule = Optional.empty();
            }
            case "derived" -> {
                String id = g.rule().orElseThrow(() -> new FieldException(path,
                        "is derived but names no rule: give rule, an id of $.rules"));
                DerivationRule dr = ctx.rules().get(id);
                if (dr == null) {
                    throw new FieldException(path + ".rule", "names rule " + id + ", which $.rules does not define");
                }
                rule = Optional.of(dr);
            }
            default -> throw new FieldException(path + ".status", "must be confirmed or derived, was " + status);
        }
        return new Provenance(status.equals("confirmed") ? Provenance.Status.CONFIRMED : Provenance.Status.DERIVED, ids,
                rule, newest(ids, ctx.sources()));
    }

    private static LocalDate newest(List<String> ids, Map<String, Source> sources) {
        LocalDate out = null;
        for (String id : ids) {
            LocalDate d = sources.get(id).asOf();
            out = out == null || d.isAfter(out) ? d : out;
        }
        return out;
    }

    private static List<Tier> tiers(String path, List<Obj> nodes, Given outer, Context ctx) {
        if (nodes.isEmpty()) {
            throw new FieldException(path, "must list at least one tier");
        }
        List<Tier> tiers = new ArrayList<>();
        BigDecimal expectedFrom = BigDecimal.ZERO;
        for (int i = 0; i < nodes.size(); i++) {
            Obj t = nodes.get(i);
            t.allowOnly(Set.of("fromInclusive", "toExclusive", "price", "status", "sources", "rule"));
            BigDecimal from = t.decimal("fromInclusive");
            if (from.compareTo(expectedFrom) != 0) {
                throw new FieldException(t.pathOf("fromInclusive"), i == 0
                        ? "the first tier must start at 0, was " + from.toPlainString()
                        : "must equal the previous tier's toExclusive " + expectedFrom.toPlainString()
                                + " (tiers abut: no gap, no overlap), was " + from.toPlainString());
            }
            Optional<BigDecimal> to = t.optDecimal("toExclusive");
            boolean last = i == nodes.size() - 1;
            // A bounded last tier: no source gives a price beyond it, so usage beyond it is refused.
            if (!last && to.isEmpty()) {
                throw new FieldException(t.pathOf("toExclusive"), "is required on every tier but the last");
            }
            if (to.isPresent() && to.get().compareTo(from) <= 0) {
                throw new FieldException(t.pathOf("toExclusive"), "must be greater than fromInclusive "
                        + from.toPlainString() + ", was " + to.get().toPlainString());
            }
            tiers.add(new Tier(from, to, nonNegative(t, "price"), provenance(t.path(), Given.of(t).over(outer), ctx)));
            expectedFrom = to.orElse(null);
        }
        return tiers;
    }

    private static BigDecimal nonNegative(Obj o, String key) {
        BigDecimal v = o.decimal(key);
        if (v.signum() < 0) {
            throw new FieldException(o.pathOf(key), "must not be negative, was " + v.toPlainString());
        }
        return v;
    }

    private static List<String> checkSources(Obj o, Map<String, Source> sources) {
        List<String> ids = o.stringArray("sources");
        if (ids.isEmpty()) {
            throw new FieldException(o.pathOf("sources"), "must name at least one source");
        }
        for (int i = 0; i < ids.size(); i++) {
            if (!sources.containsKey(ids.get(i))) {
                throw new FieldException(o.pathOf("sources") + "[" + i + "]", "names source " + ids.get(i)
                        + ", which $.sources does not define");
            }
        }
        return ids;
    }

    private static LocalDate date(Obj o, String key) {
        String s = o.string(key);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new FieldException(o.pathOf(key), "must be a date like 2026-11-22, was " + s);
        }
    }
}
