package io.github.computecost.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.computecost.ComputeCostException;
import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.LineItem;
import io.github.computecost.estimate.ResourceEstimate;
import io.github.computecost.internal.Json;
import io.github.computecost.pricing.DerivationRule;
import io.github.computecost.pricing.Provenance;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads an estimate back from the JSON contract {@link EstimateJson} writes. */
final class EstimateJsonReader {

    private EstimateJsonReader() {
    }

    static Estimate read(String file, String json) {
        JsonNode root;
        try {
            root = Json.readTree(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new ComputeCostException(file + ": is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new ComputeCostException(file + ": cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject() || !root.has("resources") || !root.has("totalMonthlyCostExact")) {
            throw new ComputeCostException(file + ": is not a compute-cost estimate (estimate --format json): it has no "
                    + "resources and totalMonthlyCostExact");
        }
        List<ResourceEstimate> resources = new ArrayList<>();
        JsonNode rules = root.path("derivationRules");
        for (int i = 0; i < root.get("resources").size(); i++) {
            JsonNode r = root.get("resources").get(i);
            String at = "$.resources[" + i + "]";
            List<LineItem> items = new ArrayList<>();
            for (int k = 0; k < r.path("lineItems").size(); k++) {
                JsonNode li = r.path("lineItems").get(k);
                String where = at + ".lineItems[" + k + "]";
                List<String> sources = new ArrayList<>();
                li.path("priceSources").forEach(x -> sources.add(x.asText()));
                Optional<DerivationRule> rule = li.has("priceRule") ? Optional.of(new DerivationRule(
                        li.get("priceRule").asText(), rules.path(li.get("priceRule").asText()).asText(""), sources))
                        : Optional.empty();
                try {
                    Provenance p = new Provenance(rule.isPresent() ? Provenance.Status.DERIVED
                            : Provenance.Status.CONFIRMED, sources, rule, LocalDate.parse(text(file, li, "priceAsOf",
                                    where)));
                    items.add(new LineItem(text(file, li, "description", where), text(file, li, "usageType", where),
                            decimal(file, li, "quantity", where), text(file, li, "unit", where),
                            decimal(file, li, "unitPrice", where), decimal(file, li, "cost", where), p));
                } catch (IllegalArgumentException | java.time.DateTimeException e) {
                    throw new ComputeCostException(file + ": " + where + ": " + e.getMessage());
                }
            }
            List<String> notes = new ArrayList<>();
            r.path("notes").forEach(n -> notes.add(n.asText()));
            java.util.Map<String, String> tags = new java.util.TreeMap<>();
            if (r.has("tags") && !r.get("tags").isObject()) {
                throw new ComputeCostException(file + ": " + at + ".tags: must be an object of tag keys to values, as "
                        + "estimate --format json writes it");
            }
            r.path("tags").fields().forEachRemaining(t -> tags.put(t.getKey(), t.getValue().asText()));
            resources.add(new ResourceEstimate(text(file, r, "name", at), text(file, r, "type", at),
                    text(file, r, "region", at), text(file, root, "currency", "$"), items, notes, tags));
        }
        LocalDate on = LocalDate.parse(root.path("prices").path("pricedOn").asText(
                root.path("generatedAt").asText("1970-01-01")));
        Estimate e = new Estimate(text(file, root, "currency", "$"), root.path("pricingVersion").asText(""),
                root.path("freeTier").asBoolean(true), resources, List.of(), Optional.empty(), on);
        BigDecimal stated = decimal(file, root, "totalMonthlyCostExact", "$");
        if (stated.compareTo(e.totalExact()) != 0) {
            throw new ComputeCostException(file + ": $.totalMonthlyCostExact: is " + stated.toPlainString()
                    + ", but its line items add up to " + e.totalExact().toPlainString() + "; it has been edited");
        }
        return e;
    }

    private static String text(String file, JsonNode n, String key, String at) {
        if (!n.path(key).isTextual()) {
            throw new ComputeCostException(file + ": " + at + "." + key + ": must be a string, as estimate --format "
                    + "json writes it");
        }
        return n.get(key).asText();
    }

    private static BigDecimal decimal(String file, JsonNode n, String key, String at) {
        try {
            return new BigDecimal(text(file, n, key, at));
        } catch (NumberFormatException e) {
            throw new ComputeCostException(file + ": " + at + "." + key + ": must be a decimal string, was \""
                    + Json.excerpt(n.get(key).asText()) + "\"");
        }
    }
}
