package io.github.computecost.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.computecost.budget.BudgetCheck;
import io.github.computecost.budget.BudgetReport;
import io.github.computecost.estimate.Estimate;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.estimate.LineItem;
import io.github.computecost.estimate.ResourceEstimate;
import io.github.computecost.internal.Json;
import io.github.computecost.money.Amounts;

/**
 * The JSON contract of {@code estimate --format json}. Money and quantities are decimal strings;
 * {@code ...Exact} values are unrounded, the others rounded to the cent, half up. Field order is fixed.
 */
final class EstimateJson {

    /**
     * The version of this contract: 1 adds, to the fields before it, {@code schemaVersion}, {@code generatedAt} (the
     * estimate's date, UTC), {@code pricing} (the tables and their data versions, as {@code pricingVersion} joins
     * them, each with the dates of the prices used from it: {@code effectiveDate}, the newest, its {@code ageDays}
     * on the estimate's date, and {@code oldestPriceDate}), {@code usageBased} (resources priced at no usage) and
     * {@code summary} (counts). A field's meaning never changes within a version; one removed or changed raises it.
     */
    static final String SCHEMA_VERSION = "1";

    private EstimateJson() {
    }

    static String render(Estimate e, BudgetReport budgets, ValidationReport violations) {
        return render(e, budgets, violations, java.util.Optional.empty());
    }

    /** The same, with the month priced with commitments as {@code commitments} after the other fields. */
    static String render(Estimate e, BudgetReport budgets, ValidationReport violations,
            java.util.Optional<io.github.computecost.commitment.CommitmentResult> committed) {
        ObjectNode root = Json.json().createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("generatedAt", e.pricedOn().toString());
        root.put("currency", e.currency());
        root.put("pricingVersion", e.pricingVersion());
        ArrayNode pricing = root.putArray("pricing");
        for (String part : e.pricingVersion().isEmpty() ? new String[0] : e.pricingVersion().split(",")) {
            int at = part.indexOf('@');
            ObjectNode pn = pricing.addObject();
            String service = at < 0 ? part : part.substring(0, at);
            pn.put("service", service);
            pn.put("version", at < 0 ? "" : part.substring(at + 1));
            io.github.computecost.pricing.PriceDates d = e.priceDatesByService().get(service);
            if (d != null) {
                pn.put("effectiveDate", d.newest().toString());
                pn.put("ageDays", d.newestAgeDays(e.pricedOn()));
                pn.put("oldestPriceDate", d.oldest().toString());
            }
        }
        root.put("freeTier", e.freeTier());
        root.put("totalMonthlyCost", Amounts.money(e.totalRounded()));
        root.put("totalMonthlyCostExact", Amounts.money(e.totalExact()));
        PriceAgeText.putJson(root, e.priceDates(), e.pricedOn()).put("derived", e.usesDerivedPrices());
        ArrayNode resources = root.putArray("resources");
        for (ResourceEstimate r : e.resources()) {
            ObjectNode rn = resources.addObject();
            rn.put("name", r.name());
            rn.put("type", r.type());
            rn.put("region", r.region());
            rn.put("monthlyCost", Amounts.money(r.monthlyCostRounded()));
            rn.put("monthlyCostExact", Amounts.money(r.monthlyCostExact()));
            ArrayNode items = rn.putArray("lineItems");
            for (LineItem li : r.lineItems()) {
                ObjectNode ln = items.addObject();
                ln.put("description", li.description());
                ln.put("usageType", li.usageType());
                ln.put("quantity", Amounts.plain(li.quantity()));
                ln.put("unit", li.unit());
                ln.put("unitPrice", Amounts.plain(li.unitPrice()));
                ln.put("cost", Amounts.plain(li.cost()));
                ln.put("priceStatus", li.provenance().status().id());
                li.provenance().rule().ifPresent(rule -> ln.put("priceRule", rule.id()));
                ArrayNode ps = ln.putArray("priceSources");
                li.provenance().sources().forEach(ps::add);
                ln.put("priceAsOf", li.provenance().asOf().toString());
            }
            ArrayNode notes = rn.putArray("notes");
            r.notes().forEach(notes::add);
            if (!r.tags().isEmpty()) {
                ObjectNode tags = rn.putObject("tags");
                r.tags().forEach(tags::put);
            }
        }
        ArrayNode budgetArray = root.putArray("budgets");
        for (BudgetCheck b : budgets.checks()) {
            ObjectNode bn = budgetArray.addObject();
            bn.put("scope", b.budget().resource().isPresent() ? "resource" : "total");
            b.budget().resource().ifPresent(r -> bn.put("resource", r));
            bn.put("limit", Amounts.money(b.budget().monthlyLimit()));
            bn.put("estimate", Amounts.money(Amounts.toCents(b.estimateExact())));
            bn.put("estimateExact", Amounts.money(b.estimateExact()));
            bn.put("over", b.over());
            bn.put("overByExact", Amounts.money(b.overBy()));
        }
        ValidationReportFormat.putViolations(root, violations);
        ArrayNode notPriced = root.putArray("notPriced");
        for (var m : e.notPriced()) {
            ObjectNode n = notPriced.addObject();
            n.put("kind", "missing-price");
            m.resource().ifPresent(r -> n.put("resource", r));
            n.put("service", m.service());
            n.put("region", m.region());
            n.put("usageType", m.usageType());
            m.beyond().ifPresent(b -> n.put("beyond", Amounts.plain(b)));
            n.put("message", m.message());
        }
        for (var u : e.unsupported()) {
            ObjectNode n = notPriced.addObject();
            n.put("kind", "unsupported-type");
            n.put("resource", u.name());
            n.put("resourceType", u.type());
            n.put("message", u.message());
        }
        root.put("notPricedCount", e.notPricedResources().size() + e.unsupported().size());
        ObjectNode byType = root.putObject("notPricedByType");
        io.github.computecost.estimate.UnsupportedResource.countByType(e.unsupported()).forEach(byType::put);
        ObjectNode rules = root.putObject("derivationRules");
        PriceAgeText.rules(e).forEach((id, rule) -> rules.put(id, rule.description()));
        ArrayNode usageBased = root.putArray("usageBased");
        e.usageBased().forEach(usageBased::add);
        ObjectNode summary = root.putObject("summary");
        summary.put("resources", e.resources().size());
        summary.put("notPriced", e.notPricedResources().size() + e.unsupported().size());
        summary.put("usageBased", e.usageBased().size());
        summary.put("errors", violations.errors().size());
        summary.put("warnings", violations.violations().size() - violations.errors().size());
        summary.put("budgetsOver", budgets.over().size());
        ArrayNode warnings = root.putArray("warnings");
        e.warnings().forEach(warnings::add);
        committed.ifPresent(c -> root.set("commitments", CommitmentReport.json(c)));
        return JsonOutput.write(root);
    }
}
