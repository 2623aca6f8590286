package io.github.computecost.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.computecost.money.Amounts;
import io.github.computecost.rerate.Rerater;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders a re-rating ({@code rate-usage}). */
public final class RerateReport {

    private RerateReport() {
    }

    /** @return totals, cost per usage type and per resource, rows skipped by reason */
    public static String text(Rerater.Result r, String source) {
        StringBuilder sb = new StringBuilder("Re-rated ").append(source).append(": ").append(r.rated()).append(" of ")
                .append(r.rows()).append(" rows, total ").append(Amounts.money(Amounts.toCents(r.total()))).append(' ')
                .append(r.currency()).append("  (exact ").append(Amounts.money(r.total())).append(")\n")
                .append(Character.toUpperCase(PriceAgeText.line(r.priceDates(), r.pricedOn()).charAt(0)))
                .append(PriceAgeText.line(r.priceDates(), r.pricedOn()).substring(1)).append('\n')
                .append(r.byBillingFamily() ? "Free tier and tiers per billing family (payer account) and month, as AWS "
                        + "Organizations bills\n"
                        : "Free tier and tiers per usage account and month\n").append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Usage type", "Quantity", "Cost (" + r.currency() + ")"});
        r.byUsageType().forEach((u, c) -> rows.add(new String[] {u + (r.derivedUsageTypes().contains(u) ? " (derived price)"
            : ""), Amounts.plain(r.quantityByUsageType().get(u)), Amounts.plain(c)}));
        TextTable.append(sb, rows, new boolean[] {false, true, true});
        sb.append('\n');
        List<String[]> res = new ArrayList<>();
        res.add(new String[] {"Resource", "Cost (" + r.currency() + ")"});
        r.byResource().forEach((k, c) -> res.add(new String[] {k, Amounts.plain(c)}));
        TextTable.append(sb, res, new boolean[] {false, true});
        r.skipped().forEach((reason, n) -> sb.append("skipped ").append(n).append(": ").append(reason).append('\n'));
        return sb.toString();
    }

    /** @return JSON with exact decimal strings */
    public static String json(Rerater.Result r) {
        ObjectNode root = JsonOutput.object();
        root.put("currency", r.currency());
        root.put("rows", r.rows());
        root.put("rated", r.rated());
        root.put("totalExact", Amounts.money(r.total()));
        root.put("ratedPer", r.byBillingFamily() ? "billing family" : "usage account");
        PriceAgeText.putJson(root, r.priceDates(), r.pricedOn());
        ObjectNode ut = root.putObject("byUsageType");
        r.byUsageType().forEach((u, c) -> {
            ObjectNode n = ut.putObject(u);
            n.put("quantity", Amounts.plain(r.quantityByUsageType().get(u)));
            n.put("costExact", Amounts.plain(c));
            n.put("priceStatus", r.derivedUsageTypes().contains(u) ? "derived" : "confirmed");
        });
        ObjectNode res = root.putObject("byResource");
        r.byResource().forEach((k, c) -> res.put(k, Amounts.plain(c)));
        ObjectNode sk = root.putObject("skipped");
        r.skipped().forEach(sk::put);
        return JsonOutput.write(root);
    }

    /** @return one row per usage type: usage type, quantity, exact cost */
    public static String csv(Rerater.Result r) {
        StringBuilder sb = new StringBuilder("usageType,quantity,cost,currency,priceStatus\r\n");
        for (Map.Entry<String, BigDecimal> e : r.byUsageType().entrySet()) {
            sb.append(EstimateCsv.quote(e.getKey())).append(',').append(Amounts.plain(r.quantityByUsageType()
                    .get(e.getKey()))).append(',').append(Amounts.plain(e.getValue())).append(',').append(r.currency())
                    .append(',').append(r.derivedUsageTypes().contains(e.getKey()) ? "derived" : "confirmed").append("\r\n");
        }
        return sb.toString();
    }
}
