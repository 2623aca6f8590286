package io.github.computecost.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.computecost.compare.ComputeOption;
import io.github.computecost.compare.MemoryTuning;
import io.github.computecost.compare.MonteCarlo;
import io.github.computecost.compare.WorkloadPlanner;
import java.math.BigDecimal;
import java.util.List;

/**
 * The charts of {@link Charts} as Vega-Lite (v5) specifications, written beside each SVG so that a user can restyle
 * them in their own tools: the same data (exact decimals, as JSON numbers), the same colours per option, the same
 * marks. Deterministic: the same inputs give the same text.
 */
public final class VegaLite {

    /** The Vega-Lite version the specifications name, by its schema. */
    public static final String SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

    private VegaLite() {
    }

    private static ObjectNode spec(String title) {
        ObjectNode root = JsonOutput.object();
        root.put("$schema", SCHEMA);
        root.put("title", title);
        root.put("width", 640);
        root.put("height", 400);
        return root;
    }

    private static ObjectNode field(ObjectNode encoding, String channel, String field, String title) {
        ObjectNode f = encoding.putObject(channel);
        f.put("field", field);
        f.put("type", "quantitative");
        if (title != null) {
            f.put("title", title);
        }
        return f;
    }

    /**
     * Monthly cost against monthly requests, as {@link Charts#costByVolume}: one line per option (always-on options as
     * steps), the simulated P50 to P99 as rules at the workload's volume, the break-even as a labelled point.
     *
     * @param plan the plan whose options are drawn
     * @param curves each option's cost curve
     * @param currency the currency code the costs are in
     * @param percentiles the simulated options' percentiles
     * @return the specification, as JSON text
     */
    public static String costByVolume(WorkloadPlanner.Plan plan, List<WorkloadPlanner.CostCurve> curves,
            String currency, List<MonteCarlo.Percentiles> percentiles) {
        ObjectNode root = spec("Monthly cost of " + plan.workload().name() + " by traffic");
        java.util.Set<String> alwaysOn = new java.util.HashSet<>();
        plan.ranked().stream().filter(ComputeOption::alwaysOn).forEach(o -> alwaysOn.add(o.option()));
        ArrayNode values = root.putObject("data").putArray("values");
        BigDecimal min = null;
        BigDecimal max = BigDecimal.ZERO;
        for (WorkloadPlanner.CostCurve c : curves) {
            for (WorkloadPlanner.CostPoint p : c.points()) {
                ObjectNode v = values.addObject();
                v.put("option", c.option());
                v.put("alwaysOn", alwaysOn.contains(c.option()));
                v.put("requestsPerMonth", p.requestsPerMonth());
                v.put("monthlyCost", p.monthlyCost());
                max = max.max(p.monthlyCost());
                if (p.monthlyCost().signum() > 0) {
                    min = min == null ? p.monthlyCost() : min.min(p.monthlyCost());
                }
            }
        }
        // As the SVG: a logarithmic cost axis (symlog, which keeps 0) when the costs span more than two decades.
        boolean log = min != null && max.compareTo(min.movePointRight(2)) > 0;
        ArrayNode domain = JsonOutput.object().arrayNode();
        ArrayNode range = JsonOutput.object().arrayNode();
        for (int i = 0; i < curves.size(); i++) {
            domain.add(curves.get(i).option());
            range.add(SvgChart.colour(curves.get(i).option(), i));
        }
        ArrayNode layers = root.putArray("layer");
        for (boolean steps : new boolean[] {false, true}) {
            ObjectNode layer = layers.addObject();
            layer.putArray("transform").addObject().put("filter", "datum.alwaysOn == " + steps);
            ObjectNode mark = layer.putObject("mark");
            mark.put("type", "line");
            if (steps) {
                mark.put("interpolate", "step-after");
            }
            ObjectNode enc = layer.putObject("encoding");
            field(enc, "x", "requestsPerMonth", "requests per month");
            ObjectNode y = field(enc, "y", "monthlyCost", "monthly cost (" + currency + ")");
            if (log) {
                y.putObject("scale").put("type", "symlog");
            }
            ObjectNode color = enc.putObject("color");
            color.put("field", "option");
            color.put("type", "nominal");
            ObjectNode scale = color.putObject("scale");
            scale.set("domain", domain.deepCopy());
            scale.set("range", range.deepCopy());
        }
        List<MonteCarlo.Percentiles> spread = percentiles.stream().filter(p -> p.p50().compareTo(p.p99()) != 0).toList();
        if (!spread.isEmpty()) {
            ObjectNode layer = layers.addObject();
            ArrayNode rv = layer.putObject("data").putArray("values");
            for (MonteCarlo.Percentiles p : spread) {
                rv.addObject().put("option", p.option()).put("requestsPerMonth", plan.workload().requestsPerMonth())
                        .put("p50", p.p50()).put("p99", p.p99());
            }
            layer.putObject("mark").put("type", "rule").put("strokeWidth", 3);
            ObjectNode enc = layer.putObject("encoding");
            field(enc, "x", "requestsPerMonth", null);
            field(enc, "y", "p50", null);
            enc.putObject("y2").put("field", "p99");
            ObjectNode color = enc.putObject("color");
            color.put("field", "option");
            color.put("type", "nominal");
        }
        plan.breakEven().ifPresent(b -> {
            for (String kind : new String[] {"point", "text"}) {
                ObjectNode layer = layers.addObject();
                layer.putObject("data").putArray("values").addObject().put("requestsPerMonth", b.requestsPerMonth())
                        .put("monthlyCost", b.alwaysOnCost()).put("label", "break-even "
                                + SvgChart.fmt(b.requestsPerMonth()) + "/month");
                ObjectNode mark = layer.putObject("mark");
                mark.put("type", kind);
                if (kind.equals("point")) {
                    mark.put("filled", true).put("color", "black").put("size", 80);
                } else {
                    mark.put("align", "left").put("dx", 8).put("dy", -8);
                }
                ObjectNode enc = layer.putObject("encoding");
                field(enc, "x", "requestsPerMonth", null);
                field(enc, "y", "monthlyCost", null);
                if (kind.equals("text")) {
                    enc.putObject("text").put("field", "label");
                }
            }
        });
        return JsonOutput.write(root);
    }

    /**
     * A memory tuning as one chart with two y axes, as {@link Charts#tuning}: cost per million invocations (left) and
     * average duration (right, dashed) against memory, the measured sizes as dots.
     *
     * @param tuning the tuning whose sizes are drawn
     * @param r its result
     * @param currency the currency code the costs are in
     * @return the specification, as JSON text
     */
    public static String tuning(MemoryTuning tuning, MemoryTuning.Result r, String currency) {
        ObjectNode root = spec("Cost and duration of " + tuning.name() + " by memory");
        ArrayNode values = root.putObject("data").putArray("values");
        for (MemoryTuning.Row row : r.rows()) {
            values.addObject().put("memoryMb", row.memoryMb()).put("costPerMillion", row.costPerMillion())
                    .put("durationMs", row.durationMs()).put("measured", row.measured());
        }
        root.putObject("encoding").set("x", JsonOutput.object().put("field", "memoryMb").put("type", "quantitative")
                .put("title", "memory (MB)"));
        ArrayNode layers = root.putArray("layer");
        String[][] sides = {{"costPerMillion", "cost per million invocations (" + currency + ")", "0"},
            {"durationMs", "average duration (ms)", "1"}};
        for (String[] side : sides) {
            String color = SvgChart.colour(side[0], Integer.parseInt(side[2]));
            ObjectNode group = layers.addObject();
            ArrayNode inner = group.putArray("layer");
            ObjectNode line = inner.addObject();
            ObjectNode mark = line.putObject("mark").put("type", "line").put("color", color);
            if (side[2].equals("1")) {
                mark.putArray("strokeDash").add(6).add(4);
            }
            field(line.putObject("encoding"), "y", side[0], side[1]).putObject("axis").put("titleColor", color);
            ObjectNode dots = inner.addObject();
            dots.putArray("transform").addObject().put("filter", "datum.measured");
            dots.putObject("mark").put("type", "point").put("filled", true).put("color", color).put("size", 60);
            field(dots.putObject("encoding"), "y", side[0], side[1]);
        }
        root.putObject("resolve").putObject("scale").put("y", "independent");
        return JsonOutput.write(root);
    }

    /**
     * The total cost against the Savings Plans commitment per hour, as {@link Charts#commitment}: the curve, and the
     * recommended commitment as a labelled point.
     *
     * @param rec a recommendation
     * @param currency the currency its figures are in
     * @return the specification, as JSON text
     */
    public static String commitment(io.github.computecost.commitment.CommitmentRecommender.Recommendation rec,
            String currency) {
        ObjectNode root = spec("Total cost by Savings Plans commitment");
        ArrayNode values = root.putObject("data").putArray("values");
        for (var pt : rec.curve()) {
            values.addObject().put("commitmentPerHour", pt.commitmentPerHour()).put("total", pt.totalExact());
        }
        ArrayNode layers = root.putArray("layer");
        ObjectNode line = layers.addObject();
        line.putObject("mark").put("type", "line").put("color", SvgChart.colour("total", 0));
        ObjectNode enc = line.putObject("encoding");
        field(enc, "x", "commitmentPerHour", "commitment per hour (" + currency + ")");
        field(enc, "y", "total", "total cost over the usage (" + currency + ")");
        if (rec.plan().isPresent()) {
            ObjectNode best = layers.addObject();
            best.putObject("data").putArray("values").addObject().put("commitmentPerHour",
                    rec.plan().get().commitmentPerHour()).put("total", rec.best().totalExact()).put("label", "best "
                            + rec.plan().get().commitmentPerHour().toPlainString() + "/hour");
            ArrayNode marks = best.putArray("layer");
            marks.addObject().putObject("mark").put("type", "point").put("filled", true).put("color", "black");
            marks.addObject().putObject("mark").put("type", "text").put("dx", 8).put("align", "left");
            best.putObject("encoding");
            field((ObjectNode) best.get("encoding"), "x", "commitmentPerHour", null);
            field((ObjectNode) best.get("encoding"), "y", "total", null);
            ((ObjectNode) best.get("encoding")).putObject("text").put("field", "label");
        }
        return JsonOutput.write(root);
    }
}
