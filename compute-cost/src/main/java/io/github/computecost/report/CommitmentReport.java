package io.github.computecost.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.computecost.commitment.CommitmentRecommender;
import io.github.computecost.commitment.CommitmentResult;
import io.github.computecost.internal.Json;
import io.github.computecost.money.Amounts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Usage priced with commitments, as text and as JSON: money rounded to the cent (half up) with the exact figure
 * beside it ({@code ...Exact} in JSON).
 */
public final class CommitmentReport {

    private static final boolean[] NUMERIC = {false, true, true, true, true, true};

    private CommitmentReport() {
    }

    /**
     * @param r usage priced with commitments
     * @param currency the currency its figures are in
     * @return the text section: the totals, each commitment, each resource
     */
    public static String text(CommitmentResult r, String currency) {
        StringBuilder sb = new StringBuilder();
        sb.append("\nWith commitments (").append(r.hours()).append(" hours): ").append(money(r.totalExact())).append(' ')
                .append(currency).append(" per month  (exact ").append(Amounts.money(r.totalExact()))
                .append("); on-demand ").append(money(r.onDemandExact())).append(", saving ").append(money(r.savingExact()))
                .append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"commitment", "charged", "used", "unused", "on-demand covered", "saving"});
        for (CommitmentResult.ReservationCost ri : r.reservations()) {
            rows.add(new String[] {ri.reservation().describe(), money(ri.charged()), Amounts.plain(ri.usedHours())
                    + " of " + Amounts.plain(ri.instanceHours()) + " h", money(ri.unused()),
                money(ri.coveredOnDemand()),
                money(ri.saving())});
        }
        for (CommitmentResult.PlanCost p : r.plans()) {
            rows.add(new String[] {p.plan().describe(), money(p.commitment()), money(p.used()) + " ("
                    + p.utilisation().movePointRight(2).stripTrailingZeros().toPlainString() + " %)", money(p.unused())
                    + " in " + p.unusedHours() + " h", money(p.coveredOnDemand()), money(p.saving())});
        }
        TextTable.append(sb, rows, NUMERIC);
        for (CommitmentResult.ReservationCost ri : r.reservations()) {
            sb.append("  ").append(ri.reservation().describe()).append(": hourly ")
                    .append(Amounts.plain(ri.offering().hourly())).append(" × ")
                    .append(Amounts.plain(ri.instanceHours()))
                    .append(" h = ").append(Amounts.money(ri.recurring())).append(", upfront ")
                    .append(Amounts.plain(ri.offering().upfront())).append(" amortised = ")
                    .append(Amounts.money(ri.amortisedUpfront())).append(" (offering ").append(ri.offering().sku())
                    .append('.').append(ri.offering().offerTermCode()).append(", ").append(ri.offering().file())
                    .append(")\n");
        }
        List<String[]> res = new ArrayList<>();
        res.add(new String[] {"resource", "on-demand", "reserved (on-demand)", "savings plans (on-demand)",
            "on-demand rest", "cost", "saving"});
        for (CommitmentResult.ResourceCost c : r.resources()) {
            res.add(new String[] {c.resource(), money(c.onDemand()), money(c.reservedCost()) + " ("
                    + money(c.reservedCoveredOnDemand()) + ")", money(c.planCost()) + " ("
                    + money(c.planCoveredOnDemand()) + ")", money(c.rest()), money(c.cost()), money(c.saving())});
        }
        TextTable.append(sb, res, new boolean[] {false, true, true, true, true, true, true});
        for (CommitmentResult.ResourceCost c : r.resources()) {
            for (CommitmentResult.LineCost l : c.lines()) {
                if (l.reservedQuantity().signum() == 0 && l.planQuantity().signum() == 0) {
                    continue;
                }
                sb.append("  ").append(c.resource()).append(' ').append(l.usageType()).append(": ")
                        .append(Amounts.plain(l.reservedQuantity())).append(" reserved (")
                        .append(money(l.reservedCost())).append("), ")
                        .append(Amounts.plain(l.planQuantity().setScale(4, java.math.RoundingMode.HALF_UP)))
                        .append(" by savings plans (").append(money(l.planCost())).append("), ")
                        .append(Amounts.plain(l.restQuantity().setScale(4, java.math.RoundingMode.HALF_UP)))
                        .append(" at ").append(Amounts.plain(l.onDemandRate())).append(" (").append(money(l.rest()))
                        .append(") ").append(l.unit()).append("; on-demand ").append(money(l.onDemand()))
                        .append(", saving ").append(money(l.saving())).append('\n');
            }
        }
        for (String n : r.notes()) {
            sb.append("  note: ").append(n).append('\n');
        }
        return sb.toString();
    }

    /**
     * @param r usage priced with commitments
     * @return the JSON object of {@link #text}'s figures
     */
    public static ObjectNode json(CommitmentResult r) {
        ObjectNode root = Json.json().createObjectNode();
        root.put("hours", r.hours());
        put(root, "totalMonthlyCost", r.totalExact());
        put(root, "onDemandMonthlyCost", r.onDemandExact());
        put(root, "saving", r.savingExact());
        put(root, "unused", r.unusedExact());
        ArrayNode ris = root.putArray("reservedInstances");
        for (CommitmentResult.ReservationCost ri : r.reservations()) {
            ObjectNode n = ris.addObject();
            n.put("reservation", ri.reservation().describe());
            n.put("offering", ri.offering().sku() + "." + ri.offering().offerTermCode());
            n.put("usageType", ri.offering().usageType());
            n.put("upfront", Amounts.plain(ri.offering().upfront()));
            n.put("hourly", Amounts.plain(ri.offering().hourly()));
            n.put("source", ri.offering().file());
            n.put("instanceHours", Amounts.plain(ri.instanceHours()));
            n.put("usedHours", Amounts.plain(ri.usedHours()));
            put(n, "recurring", ri.recurring());
            put(n, "amortisedUpfront", ri.amortisedUpfront());
            put(n, "charged", ri.charged());
            put(n, "unused", ri.unused());
            put(n, "coveredOnDemand", ri.coveredOnDemand());
            put(n, "saving", ri.saving());
        }
        ArrayNode sps = root.putArray("savingsPlans");
        for (CommitmentResult.PlanCost p : r.plans()) {
            ObjectNode n = sps.addObject();
            n.put("plan", p.plan().describe());
            n.put("commitmentPerHour", Amounts.plain(p.plan().commitmentPerHour()));
            put(n, "commitment", p.commitment());
            put(n, "used", p.used());
            put(n, "unused", p.unused());
            n.put("unusedHours", p.unusedHours());
            n.put("utilisation", Amounts.plain(p.utilisation()));
            put(n, "coveredOnDemand", p.coveredOnDemand());
            put(n, "saving", p.saving());
        }
        ArrayNode res = root.putArray("resources");
        for (CommitmentResult.ResourceCost c : r.resources()) {
            ObjectNode n = res.addObject();
            n.put("name", c.resource());
            put(n, "onDemand", c.onDemand());
            n.put("reservedHours", Amounts.plain(c.reservedQuantity()));
            put(n, "reserved", c.reservedCost());
            put(n, "reservedCoveredOnDemand", c.reservedCoveredOnDemand());
            put(n, "savingsPlansCoveredOnDemand", c.planCoveredOnDemand());
            put(n, "savingsPlans", c.planCost());
            put(n, "onDemandRest", c.rest());
            put(n, "cost", c.cost());
            ArrayNode lines = n.putArray("lines");
            for (CommitmentResult.LineCost l : c.lines()) {
                ObjectNode ln = lines.addObject();
                ln.put("usageType", l.usageType());
                ln.put("unit", l.unit());
                ln.put("onDemandRate", Amounts.plain(l.onDemandRate()));
                ln.put("quantity", Amounts.plain(l.quantity()));
                ln.put("reservedQuantity", Amounts.plain(l.reservedQuantity()));
                put(ln, "reserved", l.reservedCost());
                ln.put("savingsPlansQuantity", Amounts.plain(l.planQuantity()));
                put(ln, "savingsPlans", l.planCost());
                ln.put("onDemandQuantity", Amounts.plain(l.restQuantity()));
                put(ln, "onDemandRest", l.rest());
                put(ln, "onDemand", l.onDemand());
                put(ln, "saving", l.saving());
            }
        }
        ArrayNode notes = root.putArray("notes");
        r.notes().forEach(notes::add);
        return root;
    }

    /**
     * @param rec a recommendation
     * @param currency the currency its figures are in
     * @return it as text: the plan, its saving and break-even
     */
    public static String recommendation(CommitmentRecommender.Recommendation rec, String currency) {
        StringBuilder sb = new StringBuilder();
        if (rec.plan().isEmpty()) {
            sb.append("No commitment saves anything on this usage: on-demand (after the reservations given) costs ")
                    .append(money(rec.onDemand().totalExact())).append(' ').append(currency).append(".\n");
        } else {
            var p = rec.best().plans().get(0);
            sb.append("Recommended: ").append(rec.plan().get().describe()).append('\n');
            sb.append("  total ").append(money(rec.best().totalExact())).append(' ').append(currency).append(" (exact ")
                    .append(Amounts.money(rec.best().totalExact())).append(") against ")
                    .append(money(rec.onDemand().totalExact()))
                    .append(" without it: saving ").append(money(rec.savingExact())).append(" over ")
                    .append(rec.best().hours()).append(" hours\n");
            sb.append("  commitment ").append(money(p.commitment())).append(", used ").append(money(p.used()))
                    .append(" (").append(p.utilisation().movePointRight(2).stripTrailingZeros().toPlainString())
                    .append(" %), unused ").append(money(p.unused())).append(" in ").append(p.unusedHours())
                    .append(" hours\n");
            sb.append("  break-even utilisation ").append(rec.breakEvenUtilisation().get().movePointRight(2)
                    .stripTrailingZeros().toPlainString()).append(" %: below it the plan costs more than on-demand for "
                    + "what it covers\n");
        }
        for (String n : rec.best().notes()) {
            sb.append("  note: ").append(n).append('\n');
        }
        return sb.toString();
    }

    /**
     * @param rec a recommendation
     * @return it as JSON, with the cost curve
     */
    public static ObjectNode recommendationJson(CommitmentRecommender.Recommendation rec) {
        ObjectNode root = Json.json().createObjectNode();
        if (rec.plan().isPresent()) {
            root.put("commitmentPerHour", Amounts.plain(rec.plan().get().commitmentPerHour()));
            root.put("plan", rec.plan().get().describe());
        } else {
            root.putNull("commitmentPerHour");
        }
        put(root, "saving", rec.savingExact());
        rec.breakEvenUtilisation().ifPresent(u -> root.put("breakEvenUtilisation", Amounts.plain(u)));
        root.set("withPlan", json(rec.best()));
        root.set("withoutPlan", json(rec.onDemand()));
        ArrayNode curve = root.putArray("curve");
        for (CommitmentRecommender.Point pt : rec.curve()) {
            ObjectNode n = curve.addObject();
            n.put("commitmentPerHour", Amounts.plain(pt.commitmentPerHour()));
            put(n, "total", pt.totalExact());
        }
        return root;
    }

    private static void put(ObjectNode n, String field, BigDecimal v) {
        n.put(field, money(v));
        n.put(field + "Exact", Amounts.money(v));
    }

    private static String money(BigDecimal v) {
        return Amounts.money(Amounts.toCents(v));
    }
}
