package io.github.computecost.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.computecost.compare.ComputeOption;
import io.github.computecost.compare.MonteCarlo;
import io.github.computecost.compare.WorkloadPlanner.Plan;
import io.github.computecost.money.Amounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders workload plans ({@code compare}): options ranked by monthly cost (by the expected cost, with P50, P90 and
 * P99 beside it, when the workload is uncertain), and the break-even volume.
 */
public final class PlanReport {

    private PlanReport() {
    }

    /** The line that says what an uncertain workload's options are ranked on. */
    public static final String RANKED_ON_EXPECTED = "Ranked on the expected monthly cost: the mean over the simulated "
            + "months (Monte Carlo, each invocation billed to the whole ms), not the point estimate at the median; "
            + "always-on options cost the same every month.";

    private static String cents(java.math.BigDecimal v) {
        return Amounts.money(Amounts.toCents(v));
    }

    /** The limitations a workload may rule out, of each option that has any: {@code "Lightsail: no autoscaling"}. */
    private static final java.util.Set<io.github.computecost.service.Sizing.Property> LIMITS = java.util.EnumSet.of(
            io.github.computecost.service.Sizing.Property.COLD_STARTS,
            io.github.computecost.service.Sizing.Property.FIFTEEN_MINUTE_LIMIT,
            io.github.computecost.service.Sizing.Property.NO_AUTOSCALING);

    private static String limits(Plan p) {
        java.util.Map<String, List<String>> byWords = new java.util.LinkedHashMap<>();
        for (ComputeOption o : p.ranked()) {
            List<String> words = o.properties().stream().filter(LIMITS::contains)
                    .map(io.github.computecost.service.Sizing.Property::words).toList();
            if (!words.isEmpty()) {
                byWords.computeIfAbsent(String.join(", ", words), k -> new ArrayList<>()).add(o.option());
            }
        }
        List<String> out = new ArrayList<>();
        byWords.forEach((words, options) -> out.add(String.join(", ", options) + ": " + words));
        return String.join("; ", out);
    }

    /**
     * @param plans the plans, one per workload
     * @param currency the currency code the costs are in
     * @param source the input's name, for the heading
     * @return a ranked table per workload
     */
    public static String text(List<Plan> plans, String currency, String source) {
        return text(plans, Map.of(), currency, source);
    }

    /**
     * @param percentiles each simulated option's percentiles, by workload name
     * @param currency the currency code the costs are in
     * @param source the input's name, for the heading
     * @param plans the plans, one per workload
     * @return a ranked table per workload, with Monte Carlo percentiles where there are some
     */
    public static String text(List<Plan> plans, Map<String, List<MonteCarlo.Percentiles>> percentiles, String currency,
            String source) {
        StringBuilder sb = new StringBuilder("Where each workload of ").append(source).append(" costs least\n");
        for (Plan p : plans) {
            sb.append('\n').append(p.workload().name()).append(": ").append(p.workload().requestsPerMonth())
                    .append(" requests per month, ").append(Amounts.plain(p.workload().durationMs())).append(" ms, ")
                    .append(p.workload().memoryMb()).append(" MB\n");
            List<MonteCarlo.Percentiles> pct = percentiles.getOrDefault(p.workload().name(), List.of());
            List<String[]> rows = new ArrayList<>();
            if (pct.isEmpty()) {
                rows.add(new String[] {"#", "Option", "Configuration", "Monthly cost (" + currency + ")"});
                int rank = 1;
                for (ComputeOption o : p.ranked()) {
                    rows.add(new String[] {o.canRun() ? Integer.toString(rank++) : "-", o.option(),
                        o.canRun() ? o.configuration() : "cannot run: " + o.cannotRun().orElseThrow(),
                        o.monthlyCost().map(c -> Amounts.money(Amounts.toCents(c))).orElse("-")});
                }
                TextTable.append(sb, rows, new boolean[] {true, false, false, true});
            } else {
                rows.add(new String[] {"#", "Option", "Configuration", "Expected (" + currency + ")", "P50", "P90",
                    "P99"});
                int rank = 1;
                for (MonteCarlo.Ranked r : MonteCarlo.rankByExpected(p, pct)) {
                    ComputeOption o = r.option();
                    rows.add(new String[] {o.canRun() ? Integer.toString(rank++) : "-", o.option(),
                        o.canRun() ? o.configuration() : "cannot run: " + o.cannotRun().orElseThrow(),
                        r.expected().map(PlanReport::cents).orElse("-"),
                        r.percentiles().map(x -> cents(x.p50())).orElse("-"),
                        r.percentiles().map(x -> cents(x.p90())).orElse("-"),
                        r.percentiles().map(x -> cents(x.p99())).orElse("-")});
                }
                TextTable.append(sb, rows, new boolean[] {true, false, false, true, true, true, true});
                sb.append("  ").append(RANKED_ON_EXPECTED).append('\n');
            }
            String limits = limits(p);
            if (!limits.isEmpty()) {
                sb.append("  Limits: ").append(limits).append(" (needs: { autoscaling: true } or { noColdStarts: true } "
                        + "leaves such options out)\n");
            }
            sb.append("  Break-even: ").append(p.breakEven().map(b -> b.serverless() + " and " + b.alwaysOn()
                    + " cost the same at " + b.requestsPerMonth() + " requests per month (" + b.requestsPerSecond()
                    + " per second on average): " + Amounts.money(Amounts.toCents(b.serverlessCost())) + " against "
                    + Amounts.money(Amounts.toCents(b.alwaysOnCost())) + " " + currency
                    + (b.alwaysOnConfiguration().isEmpty() ? "" : ", " + b.alwaysOn() + " sized for that volume: "
                            + b.alwaysOnConfiguration()))
                    .orElse("none between the serverless and always-on options"))
                    .append(pct.isEmpty() ? "" : " (at the point estimate)").append('\n');
            for (String a : p.assumptions()) {
                sb.append("  assumed: ").append(a).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * @param percentiles each simulated option's percentiles, by workload name
     * @param currency the currency code the costs are in
     * @param plans the plans, one per workload
     * @return Markdown for a pull-request comment or a document: one ranked table per workload
     */
    public static String markdown(List<Plan> plans, Map<String, List<MonteCarlo.Percentiles>> percentiles,
            String currency) {
        StringBuilder sb = new StringBuilder();
        for (Plan p : plans) {
            List<MonteCarlo.Percentiles> pct = percentiles.getOrDefault(p.workload().name(), List.of());
            List<MonteCarlo.Ranked> ranked = MonteCarlo.rankByExpected(p, pct);
            sb.append("### ").append(Markdown.cell(p.workload().name())).append(": cheapest is ")
                    .append(ranked.isEmpty() || !ranked.get(0).option().canRun() ? "nothing that can run it"
                            : Markdown.cell(ranked.get(0).option().option())).append("\n\n");
            if (pct.isEmpty()) {
                Markdown.header(sb, new boolean[] {true, false, false, true}, "#", "Option", "Configuration",
                        "Monthly cost (" + currency + ")");
            } else {
                Markdown.header(sb, new boolean[] {true, false, false, true, true, true, true}, "#", "Option",
                        "Configuration", "Expected (" + currency + ")", "P50", "P90", "P99");
            }
            int rank = 1;
            for (MonteCarlo.Ranked r : ranked) {
                ComputeOption o = r.option();
                String num = o.canRun() ? Integer.toString(rank++) : "-";
                String config = o.canRun() ? o.configuration() : "cannot run: " + o.cannotRun().orElseThrow();
                if (pct.isEmpty()) {
                    Markdown.row(sb, num, o.option(), config, o.monthlyCost().map(PlanReport::cents).orElse("-"));
                } else {
                    Markdown.row(sb, num, o.option(), config, r.expected().map(PlanReport::cents).orElse("-"),
                            r.percentiles().map(x -> cents(x.p50())).orElse("-"),
                            r.percentiles().map(x -> cents(x.p90())).orElse("-"),
                            r.percentiles().map(x -> cents(x.p99())).orElse("-"));
                }
            }
            if (!pct.isEmpty()) {
                sb.append('\n').append(RANKED_ON_EXPECTED).append('\n');
            }
            sb.append("\nBreak-even: ").append(p.breakEven().map(b -> b.requestsPerMonth() + " requests per month ("
                    + b.requestsPerSecond() + " per second) between " + b.serverless() + " and " + b.alwaysOn()
                    + (b.alwaysOnConfiguration().isEmpty() ? "" : " (" + b.alwaysOnConfiguration() + ")"))
                    .orElse("none")).append(pct.isEmpty() ? "" : " (at the point estimate)").append(".\n");
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * @param currency the currency code the costs are in
     * @param plans the plans, one per workload
     * @return the plans as JSON: exact decimal strings, ranked options, break-even
     */
    public static String json(List<Plan> plans, String currency) {
        return json(plans, Map.of(), currency);
    }

    /**
     * @param percentiles each simulated option's percentiles, by workload name
     * @param currency the currency code the costs are in
     * @param plans the plans, one per workload
     * @return the plans as JSON, with Monte Carlo percentiles (exact) where there are some
     */
    public static String json(List<Plan> plans, Map<String, List<MonteCarlo.Percentiles>> percentiles, String currency) {
        ObjectNode root = JsonOutput.object();
        root.put("currency", currency);
        ArrayNode arr = root.putArray("workloads");
        for (Plan p : plans) {
            ObjectNode n = arr.addObject();
            n.put("name", p.workload().name());
            n.put("peakConcurrency", Amounts.plain(p.peakConcurrency().setScale(6, java.math.RoundingMode.HALF_UP)));
            List<MonteCarlo.Percentiles> pct = percentiles.getOrDefault(p.workload().name(), List.of());
            n.put("rankedOn", pct.isEmpty() ? "point estimate" : "expected monthly cost");
            ArrayNode opts = n.putArray("options");
            for (MonteCarlo.Ranked r : MonteCarlo.rankByExpected(p, pct)) {
                ComputeOption o = r.option();
                ObjectNode on = opts.addObject();
                on.put("option", o.option());
                on.put("alwaysOn", o.alwaysOn());
                on.put("canRun", o.canRun());
                on.put("configuration", o.configuration());
                ArrayNode props = on.putArray("properties");
                o.properties().forEach(x -> props.add(x.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
                if (o.canRun()) {
                    on.put("monthlyCost", Amounts.money(Amounts.toCents(o.monthlyCost().orElseThrow())));
                    on.put("monthlyCostExact", Amounts.money(o.monthlyCost().orElseThrow()));
                    if (!pct.isEmpty()) {
                        on.put("expectedMonthlyCostExact", Amounts.money(r.expected().orElseThrow()));
                    }
                } else {
                    on.put("reason", o.cannotRun().orElseThrow());
                }
            }
            if (p.breakEven().isPresent()) {
                var b = p.breakEven().get();
                ObjectNode bn = n.putObject("breakEven");
                bn.put("serverless", b.serverless());
                bn.put("alwaysOn", b.alwaysOn());
                bn.put("requestsPerMonth", Long.toString(b.requestsPerMonth()));
                bn.put("requestsPerSecond", b.requestsPerSecond().toPlainString());
                bn.put("serverlessCostExact", Amounts.money(b.serverlessCost()));
                bn.put("alwaysOnCostExact", Amounts.money(b.alwaysOnCost()));
                bn.put("alwaysOnConfiguration", b.alwaysOnConfiguration());
            } else {
                n.putNull("breakEven");
            }
            if (!pct.isEmpty()) {
                ArrayNode pa = n.putArray("percentiles");
                for (MonteCarlo.Percentiles x : pct) {
                    ObjectNode pn = pa.addObject();
                    pn.put("option", x.option());
                    pn.put("p50Exact", Amounts.money(x.p50()));
                    pn.put("p90Exact", Amounts.money(x.p90()));
                    pn.put("p99Exact", Amounts.money(x.p99()));
                    pn.put("expectedExact", Amounts.money(x.expected()));
                }
            }
            ArrayNode as = n.putArray("assumptions");
            p.assumptions().forEach(as::add);
        }
        return JsonOutput.write(root);
    }
}
