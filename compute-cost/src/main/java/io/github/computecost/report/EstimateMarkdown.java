package io.github.computecost.report;

import io.github.computecost.budget.BudgetCheck;
import io.github.computecost.budget.BudgetReport;
import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.LineItem;
import io.github.computecost.estimate.ResourceEstimate;
import io.github.computecost.money.Amounts;

/** An estimate as Markdown: the total first, one row per resource, line items in a collapsed section. */
final class EstimateMarkdown {

    private static final boolean[] RESOURCE_ALIGN = {false, false, false, true};
    private static final boolean[] LINE_ALIGN = {false, false, false, true, false, true, true};

    private EstimateMarkdown() {
    }

    static String render(Estimate e, String source, BudgetReport budgets) {
        String cur = e.currency();
        StringBuilder sb = new StringBuilder();
        sb.append("### Monthly estimate: ").append(Amounts.money(e.totalRounded())).append(' ').append(cur)
                .append("\n\n");
        sb.append("`").append(Markdown.cell(source)).append("`, exact total ").append(Amounts.money(e.totalExact()))
                .append(' ').append(cur).append(", free tier ").append(e.freeTier() ? "on" : "off")
                .append(", pricing data ").append(e.pricingVersion()).append(", ").append(PriceAgeText.line(e))
                .append("\n\n");
        for (String m : io.github.computecost.pricing.MissingPrice.messages(e.notPriced())) {
            sb.append("- :warning: **Not priced:** ").append(Markdown.cell(m)).append('\n');
        }
        for (var u : e.unsupported()) {
            sb.append("- **Not priced:** ").append(Markdown.cell(u.message())).append('\n');
        }
        if (!e.unsupported().isEmpty()) {
            sb.append("- **Not priced, by type:** ").append(Markdown.cell(
                    io.github.computecost.estimate.UnsupportedResource.countLine(e.unsupported()))).append('\n');
        }
        if (!e.notPriced().isEmpty() || !e.unsupported().isEmpty()) {
            sb.append('\n');
        }
        for (BudgetCheck b : budgets.checks()) {
            sb.append(b.over() ? "- :x: **Over budget:** " : "- :white_check_mark: ").append(b.message()).append('\n');
        }
        if (!budgets.checks().isEmpty()) {
            sb.append('\n');
        }
        Markdown.header(sb, RESOURCE_ALIGN, "Resource", "Type", "Region", "Monthly cost (" + cur + ")");
        for (ResourceEstimate r : e.resources()) {
            Markdown.row(sb, r.name(), r.type(), r.region(), Amounts.money(r.monthlyCostRounded()));
        }
        Markdown.row(sb, "**Total**", "", "", "**" + Amounts.money(e.totalRounded()) + "**");
        sb.append("\n<details><summary>Line items</summary>\n\n");
        Markdown.header(sb, LINE_ALIGN, "Resource", "Line item", "Usage type", "Quantity", "Unit", "Unit price", "Cost");
        for (ResourceEstimate r : e.resources()) {
            for (LineItem li : r.lineItems()) {
                Markdown.row(sb, r.name(), li.description(), li.usageType(), Amounts.plain(li.quantity()), li.unit(),
                        Amounts.plain(li.unitPrice()) + PriceAgeText.marker(li), Amounts.plain(li.cost()));
            }
        }
        var rules = PriceAgeText.rules(e);
        if (!rules.isEmpty()) {
            sb.append('\n');
            rules.forEach((id, rule) -> sb.append("Derived price (`").append(id).append("`): ")
                    .append(Markdown.cell(rule.description())).append("\n\n"));
        }
        sb.append("\n</details>\n");
        for (String w : e.warnings()) {
            sb.append("\n> **Warning:** ").append(Markdown.cell(w)).append('\n');
        }
        return sb.toString();
    }
}
