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

    static final int SCHEMA_VERSION = 1;
    /** The region key of services AWS prices once for all locations (CloudFront, Lambda@Edge). */
    static final String GLOBAL = RegionPrices.GLOBAL;

    private static final Set<String> TOP = Set.of("schemaVersion", "service", "title", "dataVersion", "effectiveDate",
            "currency", "sources", "usageTypes", "freeTier", "billingRules", "limits", "allowedValues", "regions",
            "priceListServiceCode", "catalog");

    private PricingFileReader() {
    }

    static ServicePrices read(String file, byte[] bytes) {
        JsonNode root;
        try {
            root = Json.readTree(bytes, false);
        } catch (JacksonException e) {
            throw new PricingDataException(file, "$", "is not valid JSON: " + e.getOriginalMessage()
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
                    + " (the format this version of compute-cost reads), was " + schema);
        }
        String service = root.string("service");
        String currency = root.string("currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw new FieldException(root.pathOf("currency"), "must be an ISO 4217 code such as USD, was " + currency);
        }

        Map<String, Source> sources = new LinkedHashMap<>();
        for (Map.Entry<String, Obj> e : root.objMap("sources").entrySet()) {
            Obj s = e.getValue();
            s.allowOnly(Set.of("url", "title", "checked", "note"));
            sources.put(e.getKey(), new Source(e.getKey(), s.string("url"), s.string("title"), date(s, "checked"),
                    s.optString("note")));
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
                checkSources(f, sources);
                freeTier.add(new FreeTierAllowance(f.string("id"), f.string("description"),
                        nonNegative(f, "quantity"), f.string("unit"), new LinkedHashSet<>(types), f.optString("note")));
            }
        }

        Map<String, BillingRule> rules = new LinkedHashMap<>();
        if (root.has("billingRules")) {
            for (Map.Entry<String, Obj> e : root.objMap("billingRules").entrySet()) {
                Obj r = e.getValue();
                r.allowOnly(Set.of("value", "unit", "sources", "note"));
                rules.put(e.getKey(), new BillingRule(e.getKey(), nonNegative(r, "value"), r.string("unit"),
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
        if (regionNodes.isEmpty()) {
            throw new FieldException(root.pathOf("regions"), "must price at least one region");
        }
        for (Map.Entry<String, Obj> e : regionNodes.entrySet()) {
            regions.put(e.getKey(), region(e.getKey(), e.getValue(), usageTypes, sources));
        }

        return new ServicePrices(service, root.string("title"), file, root.string("dataVersion"),
                date(root, "effectiveDate"), currency, sources, freeTier, rules, limits, allowed, catalog, regions);
    }

    private static RegionPrices region(String code, Obj r, Map<String, Obj> usageTypes, Map<String, Source> sources) {
        r.allowOnly(Set.of("name", "usageTypePrefix", "status", "checked", "sources", "note", "prices"));
        if (!code.equals(GLOBAL) && !code.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
            throw new FieldException(r.path(), "is not a region code like us-east-1, nor " + GLOBAL);
        }
        String status = r.string("status");
        if (!status.equals("confirmed") && !status.equals("unconfirmed")) {
            throw new FieldException(r.pathOf("status"), "must be confirmed or unconfirmed, was " + status);
        }
        String prefix = r.has("usageTypePrefix") ? r.raw("usageTypePrefix").asText() : "";
        Map<String, List<Obj>> priceNodes = r.objArrayMap("prices");
        for (String ut : priceNodes.keySet()) {
            if (!usageTypes.containsKey(ut)) {
                throw new FieldException(r.pathOf("prices") + "." + ut, "is not a usage type defined in $.usageTypes");
            }
        }
        Map<String, PriceTable> tables = new LinkedHashMap<>();
        for (Map.Entry<String, Obj> ut : usageTypes.entrySet()) {
            String base = ut.getKey();
            if (!priceNodes.containsKey(base)) {
                throw new FieldException(r.pathOf("prices"), "has no price for usage type " + base
                        + " (every region must price every usage type of the file)");
            }
            tables.put(base, new PriceTable(prefix + base, base, ut.getValue().string("unit"),
                    ut.getValue().string("description"), tiers(r.pathOf("prices") + "." + base, priceNodes.get(base))));
        }
        return new RegionPrices(code, r.string("name"), prefix, status.equals("confirmed"), date(r, "checked"),
                r.optString("note"), checkSources(r, sources), tables);
    }

    private static List<Tier> tiers(String path, List<Obj> nodes) {
        if (nodes.isEmpty()) {
            throw new FieldException(path, "must list at least one tier");
        }
        List<Tier> tiers = new ArrayList<>();
        BigDecimal expectedFrom = BigDecimal.ZERO;
        for (int i = 0; i < nodes.size(); i++) {
            Obj t = nodes.get(i);
            t.allowOnly(Set.of("fromInclusive", "toExclusive", "price"));
            BigDecimal from = t.decimal("fromInclusive");
            if (from.compareTo(expectedFrom) != 0) {
                throw new FieldException(t.pathOf("fromInclusive"), i == 0
                        ? "the first tier must start at 0, was " + from.toPlainString()
                        : "must equal the previous tier's toExclusive " + expectedFrom.toPlainString()
                                + " (tiers abut: no gap, no overlap), was " + from.toPlainString());
            }
            Optional<BigDecimal> to = t.optDecimal("toExclusive");
            boolean last = i == nodes.size() - 1;
            if (last && to.isPresent()) {
                throw new FieldException(t.pathOf("toExclusive"), "must be absent on the last tier (it is open)");
            }
            if (!last && to.isEmpty()) {
                throw new FieldException(t.pathOf("toExclusive"), "is required on every tier but the last");
            }
            if (to.isPresent() && to.get().compareTo(from) <= 0) {
                throw new FieldException(t.pathOf("toExclusive"), "must be greater than fromInclusive "
                        + from.toPlainString() + ", was " + to.get().toPlainString());
            }
            tiers.add(new Tier(from, to, nonNegative(t, "price")));
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
