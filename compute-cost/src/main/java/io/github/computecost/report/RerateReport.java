package io.github.computecost.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.computecost.money.Amounts;
import io.github.computecost.rerate.Rerater;
import io.github.computecost.rerate.Rerater.GroupBy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Renders a re-rating ({@code rate-usage}): every table sorted by cost, the most expensive first. Text and CSV show
 * exact amounts as computed; nothing is rounded but the total's headline figure, which shows the exact one beside it.
 */
public final class RerateReport {

    /**
     * What to show of a result.
     *
     * @param groupBy what the second table groups the cost by (by default, resources)
     * @param top how many rows of that table, and of the reconciliation in text, to show; the rest are summed in one
     *     row, so the rows still add up to the total; empty for all
     */
    public record View(GroupBy groupBy, OptionalInt top) {

        /** Every resource. */
        public static final View DEFAULT = new View(GroupBy.RESOURCE, OptionalInt.empty());

        /**
         * Checks the components.
         *
         * @param groupBy what the second table groups the cost by (by default, resources)
         * @param top how many rows of that table, and of the reconciliation in text, to show; the rest are summed in
         *     one row, so the rows still add up to the total; empty for all
         */
        public View {
            Objects.requireNonNull(groupBy, "groupBy");
            Objects.requireNonNull(top, "top");
            if (top.isPresent() && top.getAsInt() < 1) {
                throw new IllegalArgumentException("top must be at least 1, was " + top.getAsInt());
            }
        }
    }

    private RerateReport() {
    }

    /**
     * @param r the re-rating's result
     * @param source the export's name, for the heading
     * @return the text report, every resource shown
     */
    public static String text(Rerater.Result r, String source) {
        return text(r, source, View.DEFAULT);
    }

    /**
     * @param r the re-rating's result
     * @param view the grouping and top asked for
     * @param source the export's name, for the heading
     * @return totals, cost per usage type and per group, covered usage, passed-through lines, reconciliation, skips
     */
    public static String text(Rerater.Result r, String source, View view) {
        String age = PriceAgeText.line(r.priceDates(), r.pricedOn());
        StringBuilder sb = new StringBuilder("Re-rated ").append(source).append(": ").append(r.rated()).append(" of ")
                .append(r.rows()).append(" rows, total ").append(Amounts.money(Amounts.toCents(r.totalExact()))).append(' ')
                .append(r.currency()).append("  (exact ").append(Amounts.money(r.totalExact())).append(")\n")
                .append(Character.toUpperCase(age.charAt(0))).append(age.substring(1)).append('\n')
                .append(r.byBillingFamily() ? "Free tier and tiers per billing family (payer account) and month, as AWS "
                        + "Organizations bills\n"
                        : "Free tier and tiers per usage account and month\n")
                .append(r.inputFormat() == Rerater.InputFormat.FOCUS ? "Read as FOCUS\n" : "").append('\n');
        String cur = " (" + r.currency() + ")";
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Usage type", "Quantity", "Cost" + cur});
        byCost(r.byUsageType()).forEach(e -> rows.add(new String[] {e.getKey()
            + (r.derivedUsageTypes().contains(e.getKey()) ? " (derived price)" : ""),
            Amounts.plain(r.quantityByUsageType().get(e.getKey())), Amounts.plain(e.getValue())}));
        TextTable.append(sb, rows, new boolean[] {false, true, true});
        sb.append('\n');
        List<String[]> groups = new ArrayList<>();
        groups.add(new String[] {heading(view.groupBy()), "Cost" + cur});
        Shown shown = shown(r.groupBy(view.groupBy()), view.top());
        shown.rows.forEach(g -> groups.add(new String[] {g.key().isEmpty() ? none(view.groupBy()) : g.key(),
            Amounts.plain(g.cost())}));
        if (shown.others > 0) {
            groups.add(new String[] {"(" + shown.others + " more)", Amounts.plain(shown.othersCost)});
        }
        TextTable.append(sb, groups, new boolean[] {false, true});
        if (!r.covered().isEmpty()) {
            sb.append("\nUsage that commitments covered, re-rated at on-demand prices (in the total), beside what AWS "
                    + "charged\n");
            List<String[]> cov = new ArrayList<>();
            cov.add(new String[] {"Line item type", "Usage type", "Quantity", "On-demand" + cur, "Effective" + cur,
                "Discount" + cur});
            r.covered().stream().sorted(Comparator.comparing(Rerater.CoveredUsage::onDemandCost).reversed())
                    .forEach(c -> cov.add(new String[] {c.lineItemType().billed(), c.usageType(),
                        Amounts.plain(c.quantity()), Amounts.plain(c.onDemandCost()),
                        c.effectiveCost().map(Amounts::plain).orElse("(not in export)"),
                        c.discount().map(Amounts::plain).orElse("")}));
            TextTable.append(sb, cov, new boolean[] {false, false, true, true, true, true});
        }
        if (!r.passedThrough().isEmpty()) {
            sb.append("\nPassed through as billed (never re-rated, not in the total): ")
                    .append(Amounts.plain(r.passedThroughTotal())).append(' ').append(r.currency()).append('\n');
            List<String[]> pass = new ArrayList<>();
            pass.add(new String[] {"Line item type", "Product", "Rows", "Cost" + cur});
            r.passedThrough().forEach(p -> pass.add(new String[] {p.lineItemType().billed(),
                p.productCode().isEmpty() ? "(no product code)" : p.productCode(), Long.toString(p.rows()),
                Amounts.plain(p.cost())}));
            TextTable.append(sb, pass, new boolean[] {false, false, true, true});
        }
        r.reconciliation().ifPresent(rec -> {
            sb.append(r.inputFormat() == Rerater.InputFormat.FOCUS
                    ? "\nReconciliation against FOCUS's BilledCost (usage without a commitment): variance "
                    : "\nReconciliation against AWS's unblended cost (usage and Savings Plans covered usage): variance ").append(Amounts.plain(rec.variance())).append(' ').append(r.currency())
                    .append(rec.share().map(s -> ", " + percent(s) + " of billed").orElse("")).append('\n');
            List<String[]> rr = new ArrayList<>();
            rr.add(new String[] {"Account", "Usage type", "Re-rated" + cur, "Billed" + cur, "Variance" + cur,
                "Share"});
            List<Rerater.Reconciliation.Row> byVariance = new ArrayList<>(rec.rows());
            byVariance.sort(Comparator.comparing((Rerater.Reconciliation.Row x) -> x.variance().abs()).reversed());
            int limit = view.top().orElse(Integer.MAX_VALUE);
            for (int i = 0; i < byVariance.size() && i < limit; i++) {
                Rerater.Reconciliation.Row x = byVariance.get(i);
                rr.add(new String[] {x.account().isEmpty() ? "(no account)" : x.account(), x.usageType(),
                    Amounts.plain(x.reRated()), Amounts.plain(x.billed()), Amounts.plain(x.variance()),
                    x.share().map(RerateReport::percent).orElse("")});
            }
            if (byVariance.size() > limit) {
                rr.add(new String[] {"(" + (byVariance.size() - limit) + " more)", "", "", "", "", ""});
            }
            rr.add(new String[] {"Total", "", Amounts.plain(rec.reRated()), Amounts.plain(rec.billed()),
                Amounts.plain(rec.variance()), rec.share().map(RerateReport::percent).orElse("")});
            TextTable.append(sb, rr, new boolean[] {false, false, true, true, true, true});
        });
        r.skipped().forEach((reason, n) -> sb.append("skipped ").append(n).append(": ").append(reason).append('\n'));
        return sb.toString();
    }

    /**
     * @param r the re-rating's result
     * @return JSON with exact decimal strings, every resource's cost ({@code byResource}), no {@code groups}
     */
    public static String json(Rerater.Result r) {
        return json(r, (View) null);
    }

    /**
     * @param r the re-rating's result
     * @param view the grouping and top asked for, or {@code null}
     * @return JSON with exact decimal strings, and {@code groups} as the view asks ({@code null}: none)
     */
    public static String json(Rerater.Result r, View view) {
        ObjectNode root = JsonOutput.object();
        root.put("currency", r.currency());
        root.put("rows", r.rows());
        root.put("rated", r.rated());
        root.put("totalExact", Amounts.money(r.totalExact()));
        root.put("ratedPer", r.byBillingFamily() ? "billing family" : "usage account");
        root.put("inputFormat", r.inputFormat().name().toLowerCase(java.util.Locale.ROOT));
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
        if (view != null) {
            ObjectNode groups = root.putObject("groups");
            groups.put("by", name(view.groupBy()));
            Shown shown = shown(r.groupBy(view.groupBy()), view.top());
            ArrayNode gr = groups.putArray("rows");
            shown.rows.forEach(g -> gr.addObject().put("key", g.key()).put("costExact", Amounts.plain(g.cost())));
            if (shown.others > 0) {
                groups.putObject("others").put("count", shown.others).put("costExact", Amounts.plain(shown.othersCost));
            }
        }
        ArrayNode cov = root.putArray("coveredUsage");
        r.covered().forEach(c -> {
            ObjectNode n = cov.addObject().put("lineItemType", c.lineItemType().billed()).put("usageType", c.usageType())
                    .put("quantity", Amounts.plain(c.quantity())).put("onDemandCostExact", Amounts.plain(c.onDemandCost()));
            c.effectiveCost().ifPresent(e -> n.put("effectiveCostExact", Amounts.plain(e)));
            c.discount().ifPresent(d -> n.put("discountExact", Amounts.plain(d)));
        });
        ArrayNode pass = root.putArray("passedThrough");
        r.passedThrough().forEach(p -> pass.addObject().put("lineItemType", p.lineItemType().billed())
                .put("productCode", p.productCode()).put("rows", p.rows()).put("costExact", Amounts.plain(p.cost())));
        root.put("passedThroughTotalExact", Amounts.plain(r.passedThroughTotal()));
        r.reconciliation().ifPresent(rec -> {
            ObjectNode n = root.putObject("reconciliation");
            n.put("reRatedExact", Amounts.plain(rec.reRated()));
            n.put("billedExact", Amounts.plain(rec.billed()));
            n.put("varianceExact", Amounts.plain(rec.variance()));
            rec.share().ifPresent(s -> n.put("shareOfBilled", s.toPlainString()));
            ArrayNode rows = n.putArray("rows");
            rec.rows().forEach(x -> {
                ObjectNode row = rows.addObject().put("account", x.account()).put("usageType", x.usageType())
                        .put("reRatedExact", Amounts.plain(x.reRated())).put("billedExact", Amounts.plain(x.billed()))
                        .put("varianceExact", Amounts.plain(x.variance()));
                x.share().ifPresent(s -> row.put("shareOfBilled", s.toPlainString()));
            });
        });
        ObjectNode sk = root.putObject("skipped");
        r.skipped().forEach(sk::put);
        return JsonOutput.write(root);
    }

    /**
     * @param r the re-rating's result
     * @return one row per usage type: usage type, quantity, exact cost
     */
    public static String csv(Rerater.Result r) {
        StringBuilder sb = new StringBuilder("usageType,quantity,cost,currency,priceStatus\r\n");
        for (Map.Entry<String, BigDecimal> e : r.byUsageType().entrySet()) {
            sb.append(EstimateCsv.quote(e.getKey())).append(',').append(Amounts.plain(r.quantityByUsageType()
                    .get(e.getKey()))).append(',').append(Amounts.plain(e.getValue())).append(',').append(r.currency())
                    .append(',').append(r.derivedUsageTypes().contains(e.getKey()) ? "derived" : "confirmed").append("\r\n");
        }
        return sb.toString();
    }

    /**
     * @param r the re-rating's result
     * @param view the grouping and top asked for
     * @return one row per group, the most expensive first: the group's key, exact cost, currency; with a top, one
     *     last row {@code (N more)} holds the rest, so the rows add up to the total
     */
    public static String csv(Rerater.Result r, View view) {
        StringBuilder sb = new StringBuilder(name(view.groupBy()).replace('-', '_').replace(':', '_'))
                .append(",cost,currency\r\n");
        Shown shown = shown(r.groupBy(view.groupBy()), view.top());
        shown.rows.forEach(g -> sb.append(EstimateCsv.quote(g.key())).append(',').append(Amounts.plain(g.cost()))
                .append(',').append(r.currency()).append("\r\n"));
        if (shown.others > 0) {
            sb.append("(").append(shown.others).append(" more),").append(Amounts.plain(shown.othersCost)).append(',')
                    .append(r.currency()).append("\r\n");
        }
        return sb.toString();
    }

    private record Shown(List<Rerater.Group> rows, int others, BigDecimal othersCost) {
    }

    private static Shown shown(List<Rerater.Group> all, OptionalInt top) {
        int n = Math.min(all.size(), top.orElse(Integer.MAX_VALUE));
        BigDecimal rest = BigDecimal.ZERO;
        for (int i = n; i < all.size(); i++) {
            rest = rest.add(all.get(i).cost());
        }
        return new Shown(all.subList(0, n), all.size() - n, rest);
    }

    private static List<Map.Entry<String, BigDecimal>> byCost(Map<String, BigDecimal> costs) {
        List<Map.Entry<String, BigDecimal>> out = new ArrayList<>(costs.entrySet());
        out.sort(Map.Entry.<String, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return out;
    }

    /** @return how the CLI names a grouping ({@code usage-type}, {@code tag:team}) */
    static String name(GroupBy by) {
        return switch (by.dimension()) {
            case RESOURCE -> "resource";
            case ACCOUNT -> "account";
            case USAGE_TYPE -> "usage-type";
            case LINE_ITEM_TYPE -> "line-item-type";
            case TAG -> "tag:" + by.tagKey().orElseThrow();
        };
    }

    private static String heading(GroupBy by) {
        return switch (by.dimension()) {
            case RESOURCE -> "Resource";
            case ACCOUNT -> "Account";
            case USAGE_TYPE -> "Usage type";
            case LINE_ITEM_TYPE -> "Line item type";
            case TAG -> "Tag " + by.tagKey().orElseThrow();
        };
    }

    private static String none(GroupBy by) {
        return switch (by.dimension()) {
            case ACCOUNT -> "(no account)";
            case TAG -> "(untagged)";
            default -> "(none)";
        };
    }

    /** A share (a ratio, to 6 places) as a percentage to 4 places ({@code -0.0125} is {@code -1.2500 %}). */
    private static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(4, java.math.RoundingMode.UNNECESSARY).toPlainString() + " %";
    }
}
