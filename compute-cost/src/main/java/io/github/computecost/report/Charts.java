package io.github.computecost.report;

import io.github.computecost.compare.MemoryTuning;
import io.github.computecost.compare.WorkloadPlanner;
import java.util.ArrayList;
import java.util.List;

/** The charts the command line writes: cost against volume for a plan, cost and duration against memory. */
public final class Charts {

    private Charts() {
    }

    /**
     * Monthly cost of each option against monthly requests, with the break-even volume marked.
     *
     * @param plan the plan whose options are drawn
     * @param curves each option's cost curve
     * @param currency the currency code the costs are in
     * @return the chart, as an SVG document
     */
    public static String costByVolume(WorkloadPlanner.Plan plan, List<WorkloadPlanner.CostCurve> curves,
            String currency) {
        return costByVolume(plan, curves, currency, List.of());
    }

    /**
     * As {@link #costByVolume(WorkloadPlanner.Plan, List, String)}, with each simulated option's P50 to P99 drawn as a
     * bar at the workload's volume.
     *
     * @param plan the plan whose options are drawn
     * @param curves each option's cost curve
     * @param currency the currency code the costs are in
     * @param percentiles each simulated option's percentiles, by option name
     * @return the chart, as an SVG document
     */
    public static String costByVolume(WorkloadPlanner.Plan plan, List<WorkloadPlanner.CostCurve> curves,
            String currency, List<io.github.computecost.compare.MonteCarlo.Percentiles> percentiles) {
        SvgChart chart = new SvgChart("Monthly cost of " + plan.workload().name() + " by traffic",
                "requests per month", "monthly cost (" + currency + ")");
        java.util.Set<String> alwaysOn = new java.util.HashSet<>();
        plan.ranked().stream().filter(io.github.computecost.compare.ComputeOption::alwaysOn)
                .forEach(o -> alwaysOn.add(o.option()));
        curves.forEach(c -> chart.add(new SvgChart.Series(c.option(), toDoubles(c.points(),
                alwaysOn.contains(c.option())))));
        for (io.github.computecost.compare.MonteCarlo.Percentiles p : percentiles) {
            if (p.p50().compareTo(p.p99()) != 0) {
                chart.range(new SvgChart.Range(p.option(), plan.workload().requestsPerMonth(), p.p50().doubleValue(),
                        p.p99().doubleValue(), p.option() + ": P50 " + p.p50().toPlainString() + " to P99 "
                                + p.p99().toPlainString() + " " + currency));
            }
        }
        plan.breakEven().ifPresent(b -> chart.mark(new SvgChart.Marker(b.requestsPerMonth(),
                b.alwaysOnCost().doubleValue(), "break-even " + SvgChart.fmt(b.requestsPerMonth()) + "/month")));
        return chart.render();
    }

    /**
     * A memory tuning in one chart: cost per million invocations (left axis) and average duration (right axis,
     * dashed) against memory size, the measured sizes as dots, the cheapest, fastest and balanced sizes marked.
     *
     * @param tuning the tuning whose sizes are drawn
     * @param r its result
     * @param currency the currency code the costs are in
     * @return the chart, as an SVG document
     */
    public static String tuning(MemoryTuning tuning, MemoryTuning.Result r, String currency) {
        List<double[]> cost = new ArrayList<>();
        List<double[]> duration = new ArrayList<>();
        r.rows().forEach(row -> {
            cost.add(new double[] {row.memoryMb(), row.costPerMillion().doubleValue()});
            duration.add(new double[] {row.memoryMb(), row.durationMs().doubleValue()});
        });
        SvgChart chart = new SvgChart("Cost and duration of " + tuning.name() + " by memory", "memory (MB)",
                "cost per million invocations (" + currency + ")")
                .add(new SvgChart.Series("cost per million (" + tuning.architecture().awsName() + ")", cost,
                        measured(r, true)))
                .addRight(new SvgChart.Series("average duration", duration, measured(r, false)),
                        "average duration (ms)");
        chart.mark(new SvgChart.Marker(r.cheapest().memoryMb(), r.cheapest().costPerMillion().doubleValue(),
                "cheapest " + r.cheapest().memoryMb() + " MB"));
        if (r.balanced().memoryMb() != r.cheapest().memoryMb()) {
            chart.mark(new SvgChart.Marker(r.balanced().memoryMb(), r.balanced().costPerMillion().doubleValue(),
                    "balanced " + r.balanced().memoryMb() + " MB"));
        }
        if (r.fastest().memoryMb() != r.cheapest().memoryMb() && r.fastest().memoryMb() != r.balanced().memoryMb()) {
            chart.mark(new SvgChart.Marker(r.fastest().memoryMb(), r.fastest().costPerMillion().doubleValue(),
                    "fastest " + r.fastest().memoryMb() + " MB"));
        }
        return chart.render();
    }

    /** @return the measured sizes, as dots: their cost per million, or their duration */
    private static List<double[]> measured(MemoryTuning.Result r, boolean cost) {
        List<double[]> out = new ArrayList<>();
        r.rows().stream().filter(MemoryTuning.Row::measured).forEach(row -> out.add(new double[] {row.memoryMb(),
            (cost ? row.costPerMillion() : row.durationMs()).doubleValue()}));
        return out;
    }

    /**
     * Chart coordinates only: the figures themselves stay exact in the plan. An always-on fleet's cost is a step
     * function of volume: drawn as steps (level to the next volume, then up), not as ramps between the samples.
     */
    private static List<double[]> toDoubles(List<WorkloadPlanner.CostPoint> pts, boolean steps) {
        List<double[]> out = new ArrayList<>();
        for (WorkloadPlanner.CostPoint p : pts) {
            double y = p.monthlyCost().doubleValue();
            if (steps && !out.isEmpty() && out.get(out.size() - 1)[1] != y) {
                out.add(new double[] {p.requestsPerMonth(), out.get(out.size() - 1)[1]});
            }
            out.add(new double[] {p.requestsPerMonth(), y});
        }
        return out;
    }

    /**
     * The total cost against the Savings Plans commitment per hour, from the recommendation's curve, the recommended
     * commitment marked (or none, when no commitment saves anything).
     *
     * @param rec a recommendation
     * @param currency the currency its figures are in
     * @return the chart, as SVG text
     */
    public static String commitment(io.github.computecost.commitment.CommitmentRecommender.Recommendation rec,
            String currency) {
        List<double[]> curve = new ArrayList<>();
        for (var pt : rec.curve()) {
            curve.add(new double[] {pt.commitmentPerHour().doubleValue(), pt.totalExact().doubleValue()});
        }
        SvgChart chart = new SvgChart("Total cost by Savings Plans commitment", "commitment per hour (" + currency + ")",
                "total cost over the usage (" + currency + ")").add(new SvgChart.Series("total", curve));
        rec.plan().ifPresent(p -> chart.mark(new SvgChart.Marker(p.commitmentPerHour().doubleValue(),
                rec.best().totalExact().doubleValue(), "best " + p.commitmentPerHour().toPlainString() + "/hour")));
        return chart.render();
    }
}
