package io.github.computecost.report;

import io.github.computecost.budget.BudgetCheck;
import io.github.computecost.budget.BudgetReport;
import io.github.computecost.estimate.Estimate;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.estimate.LineItem;
import io.github.computecost.estimate.ResourceEstimate;
import io.github.computecost.money.Amounts;
import java.util.ArrayList;
import java.util.List;

/** The human-readable table of {@code estimate --format text}. */
final class EstimateText {

    private static final String[] HEADER = {"Line item", "Usage type", "Quantity", "Unit", "Unit price", "Cost"};
    private static final boolean[] NUMERIC = {false, false, true, false, true, true};

    private EstimateText() {
    }

    static String render(Estimate e, String source, BudgetReport budgets, ValidationReport violations) {
        StringBuilder sb = new StringBuilder();
        sb.append("Monthly estimate for ").append(source).append('\n');
        sb.append("Pricing data ").append(e.pricingVersion()).append(", ").append(e.currency())
                .append(", free tier ").append(e.freeTier() ? "on" : "off").append('\n');
        sb.append(Character.toUpperCase(PriceAgeText.line(e).charAt(0))).append(PriceAgeText.line(e).substring(1))
                .append('\n');
        for (ResourceEstimate r : e.resources()) {
            sb.append('\n').append(r.name()).append(" (").append(r.type()).append(", ").append(r.region())
                    .append("): ").append(Amounts.money(r.monthlyCostRounded())).append(' ').append(e.currency())
                    .append("  (exact ").append(Amounts.money(r.monthlyCostExact())).append(")\n");
            List<String[]> rows = new ArrayList<>();
            rows.add(HEADER);
            for (LineItem li : r.lineItems()) {
                rows.add(new String[] {li.description(), li.usageType(), Amounts.plain(li.quantity()), li.unit(),
                    Amounts.plain(li.unitPrice()) + PriceAgeText.marker(li), Amounts.plain(li.cost())});
            }
            TextTable.append(sb, rows, NUMERIC);
            for (var rule : PriceAgeText.rules(r, new java.util.LinkedHashMap<>()).values()) {
                sb.append("  derived price (").append(rule.id()).append("): ").append(rule.description()).append('\n');
            }
            for (String n : r.notes()) {
                sb.append("  note: ").append(n).append('\n');
            }
        }
        sb.append("\nTotal: ").append(Amounts.money(e.totalRounded())).append(' ').append(e.currency())
                .append(" per month  (exact ").append(Amounts.money(e.totalExact())).append(")\n");
        for (BudgetCheck b : budgets.checks()) {
            sb.append(b.over() ? "OVER BUDGET: " : "budget: ").append(b.message()).append('\n');
        }
        ValidationReportFormat.lines(sb, violations);
        for (String m : io.github.computecost.pricing.MissingPrice.messages(e.notPriced())) {
            sb.append("NOT PRICED: ").append(m).append('\n');
        }
        for (var u : e.unsupported()) {
            sb.append("not priced: ").append(u.message()).append('\n');
        }
        if (!e.unsupported().isEmpty()) {
            sb.append("not priced, by type: ").append(io.github.computecost.estimate.UnsupportedResource.countLine(
                    e.unsupported())).append('\n');
        }
        for (String w : e.warnings()) {
            sb.append("warning: ").append(w).append('\n');
        }
        return sb.toString();
    }
}
