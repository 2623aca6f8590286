package io.github.computecost.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.LineItem;
import io.github.computecost.estimate.ResourceEstimate;
import io.github.computecost.internal.Json;
import io.github.computecost.money.Amounts;

/**
 * The JSON contract of {@code estimate --format json}. Money and quantities are decimal strings;
 * {@code ...Exact} values are unrounded, the others rounded to the cent, half up. Field order is fixed.
 */
final class EstimateJson {

    /** Two-space indent, {@code "key": value}, one array element per line. */
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withArrayEmptySeparator("")
            .withObjectEmptySeparator(""))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
            .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));

    private EstimateJson() {
    }

    static String render(Estimate e) {
        ObjectNode root = Json.json().createObjectNode();
        root.put("currency", e.currency());
        root.put("pricingVersion", e.pricingVersion());
        root.put("freeTier", e.freeTier());
        root.put("totalMonthlyCost", Amounts.money(e.totalRounded()));
        root.put("totalMonthlyCostExact", Amounts.money(e.totalExact()));
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
            }
            ArrayNode notes = rn.putArray("notes");
            r.notes().forEach(notes::add);
        }
        ArrayNode warnings = root.putArray("warnings");
        e.warnings().forEach(warnings::add);
        return write(root);
    }

    /** Writes a tree in the command line's JSON layout, with a final newline. */
    static String write(ObjectNode root) {
        try {
            return Json.json().writer(PRETTY).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write JSON", ex);
        }
    }
}
