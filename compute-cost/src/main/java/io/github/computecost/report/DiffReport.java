package io.github.computecost.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.computecost.estimate.EstimateDiff;
import io.github.computecost.estimate.EstimateDiff.ResourceChange;
import io.github.computecost.money.Amounts;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/** Renders an {@link EstimateDiff}: the total change first, then each resource. Stateless and thread-safe. */
public final class DiffReport {

    private static final boolean[] ALIGN = {false, false, true, true, true, true};

    private DiffReport() {
    }

    /** The data both sides were priced from, and a warning when a table they share changed between them. */
    static String pricing(EstimateDiff d) {
        java.util.List<String> changed = d.pricingVersionChanges();
        if (!changed.isEmpty()) {
            return "warning: the two sides were priced from different data (" + String.join("; ", changed)
                    + "): part of the change is AWS's prices, not the workload";
        }
        return "Priced from " + (d.headPricingVersion().isEmpty() ? "the same data" : d.headPricingVersion())
                + " on both sides";
    }

    /**
     * @param d the difference
     * @param base the base's name (a file, a git revision), for the heading
     * @param head the head's name, for the heading
     * @return a readable table
     */
    public static String text(EstimateDiff d, String base, String head) {
        String cur = d.currency();
        StringBuilder sb = new StringBuilder();
        sb.append("Monthly cost change from ").append(base).append(" to ").append(head).append('\n');
        sb.append("Total: ").append(money(d.baseTotal())).append(" -> ").append(money(d.headTotal())).append(' ')
                .append(cur).append(", ").append(signed(d.totalDifference())).append(' ').append(cur)
                .append(percent(d.totalPercentChange())).append("  (exact ").append(signedExact(d.totalDifference()))
                .append(")\n");
        sb.append(pricing(d)).append("\n\n");
        String[] header = {"Resource", "Status", "Before", "After", "Change", "Change %"};
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        rows.add(header);
        long unchanged = 0;
        for (ResourceChange c : d.changes()) {
            if (c.status() == EstimateDiff.Status.UNCHANGED) {
                unchanged++;
                continue; // counted, not listed
            }
            rows.add(new String[] {c.name(), status(c), c.base().map(DiffReport::money).orElse("-"),
                c.head().map(DiffReport::money).orElse("-"), signed(c.difference()),
                c.percentChange().map(p -> signedPlain(p) + "%").orElse("-")});
            for (EstimateDiff.LineItemChange li : c.lineItems()) {
                rows.add(new String[] {"  " + li.mark() + " " + li.description() + " (" + li.usageType() + ")", "",
                    li.base().map(DiffReport::money).orElse("-"), li.head().map(DiffReport::money).orElse("-"),
                    signed(li.difference()), ""});
            }
        }
        if (rows.size() > 1) {
            TextTable.append(sb, rows, ALIGN);
        }
        if (unchanged > 0) {
            sb.append(unchanged).append(unchanged == 1 ? " resource" : " resources")
                    .append(" unchanged, not listed\n");
        }
        return sb.toString();
    }

    /**
     * The version of the diff's JSON contract ({@code schema/diff.schema.json}): a field's meaning never changes
     * within a version; one removed or changed raises it.
     */
    public static final String SCHEMA_VERSION = "1";

    /**
     * @param d the difference
     * @return JSON: exact decimal strings, {@code null} where a side or a percentage is absent
     */
    public static String json(EstimateDiff d) {
        ObjectNode root = JsonOutput.object();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("currency", d.currency());
        root.put("baseTotalExact", Amounts.money(d.baseTotal()));
        root.put("headTotalExact", Amounts.money(d.headTotal()));
        root.put("totalChangeExact", Amounts.money(d.totalDifference()));
        putOptional(root, "totalChangePercent", d.totalPercentChange());
        root.put("basePricingVersion", d.basePricingVersion());
        root.put("headPricingVersion", d.headPricingVersion());
        ArrayNode changes = root.putArray("pricingVersionChanges");
        d.pricingVersionChanges().forEach(changes::add);
        ArrayNode arr = root.putArray("resources");
        for (ResourceChange c : d.changes()) {
            ObjectNode n = arr.addObject();
            n.put("name", c.name());
            n.put("type", c.type());
            n.put("status", c.status().name().toLowerCase(Locale.ROOT));
            putOptional(n, "baseMonthlyCostExact", c.base().map(Amounts::money));
            putOptional(n, "headMonthlyCostExact", c.head().map(Amounts::money));
            n.put("changeExact", Amounts.money(c.difference()));
            putOptional(n, "changePercent", c.percentChange());
            ArrayNode items = n.putArray("lineItems");
            for (EstimateDiff.LineItemChange li : c.lineItems()) {
                ObjectNode ln = items.addObject();
                ln.put("change", String.valueOf(li.mark()));
                ln.put("description", li.description());
                ln.put("usageType", li.usageType());
                putOptional(ln, "baseCostExact", li.base().map(Amounts::money));
                putOptional(ln, "headCostExact", li.head().map(Amounts::money));
                ln.put("changeExact", Amounts.money(li.difference()));
            }
        }
        return JsonOutput.write(root);
    }

    /**
     * @param d the difference
     * @param base the base's name (a file, a git revision), for the heading
     * @param head the head's name, for the heading
     * @return Markdown for a pull-request comment: the total change first, details collapsed
     */
    public static String markdown(EstimateDiff d, String base, String head) {
        String cur = d.currency();
        StringBuilder sb = new StringBuilder();
        BigDecimal change = d.totalDifference();
        String arrow = change.signum() > 0 ? ":arrow_up:" : change.signum() < 0 ? ":arrow_down:" : ":heavy_minus_sign:";
        sb.append("### ").append(arrow).append(" Monthly cost ").append(signed(change)).append(' ').append(cur)
                .append(percent(d.totalPercentChange())).append("\n\n");
        sb.append(money(d.baseTotal())).append(" ").append(cur).append(" -> **").append(money(d.headTotal()))
                .append(" ").append(cur).append("** per month (exact change ").append(signedExact(change))
                .append(")\n\n").append(pricing(d)).append("\n\n");
        long changed = d.changes().stream().filter(c -> c.status() != EstimateDiff.Status.UNCHANGED).count();
        sb.append("<details><summary>").append(changed).append(" of ").append(d.changes().size())
                .append(" resources changed</summary>\n\n");
        Markdown.header(sb, ALIGN, "Resource", "Status", "Before (" + cur + ")", "After (" + cur + ")",
                "Change (" + cur + ")", "Change %");
        long unchanged = 0;
        for (ResourceChange c : d.changes()) {
            if (c.status() == EstimateDiff.Status.UNCHANGED) {
                unchanged++;
                continue;
            }
            Markdown.row(sb, c.name(), status(c), c.base().map(DiffReport::money).orElse("-"),
                    c.head().map(DiffReport::money).orElse("-"), signed(c.difference()),
                    c.percentChange().map(p -> signedPlain(p) + "%").orElse("-"));
            for (EstimateDiff.LineItemChange li : c.lineItems()) {
                Markdown.row(sb, "`" + li.mark() + "` " + li.description(), "",
                        li.base().map(DiffReport::money).orElse("-"), li.head().map(DiffReport::money).orElse("-"),
                        signed(li.difference()), "");
            }
        }
        if (unchanged > 0) {
            sb.append('\n').append(unchanged).append(unchanged == 1 ? " resource" : " resources")
                    .append(" unchanged, not listed.\n");
        }
        sb.append("\n<sub>From `").append(Markdown.cell(base)).append("` to `").append(Markdown.cell(head))
                .append("`; amounts rounded to the cent, changes computed exactly.</sub>\n\n</details>\n");
        return sb.toString();
    }

    private static String status(ResourceChange c) {
        return c.status().name().toLowerCase(Locale.ROOT);
    }

    private static void putOptional(ObjectNode n, String key, Optional<?> value) {
        if (value.isPresent()) {
            Object v = value.get();
            n.put(key, v instanceof BigDecimal b ? Amounts.plain(b) : v.toString());
        } else {
            n.putNull(key);
        }
    }

    private static String money(BigDecimal exact) {
        return Amounts.money(Amounts.toCents(exact));
    }

    private static String signed(BigDecimal exact) {
        String m = money(exact);
        return exact.signum() > 0 ? "+" + m : m;
    }

    private static String signedExact(BigDecimal exact) {
        String m = Amounts.money(exact);
        return exact.signum() > 0 ? "+" + m : m;
    }

    private static String signedPlain(BigDecimal v) {
        String m = Amounts.money(v);
        return v.signum() > 0 ? "+" + m : m;
    }

    private static String percent(Optional<BigDecimal> p) {
        return p.map(v -> " (" + signedPlain(v) + "%)").orElse("");
    }
}
