package io.github.computecost.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.computecost.compare.MemoryTuning;
import io.github.computecost.money.Amounts;
import java.util.ArrayList;
import java.util.List;

/** Renders memory-tuning results ({@code tune-memory}). */
public final class TuningReport {

    private TuningReport() {
    }

    /**
     * @param t the tuning
     * @param r its result
     * @param currency the currency code the costs are in
     * @return the picks and every candidate size, costs rounded to cents (exact in {@link #json})
     */
    public static String text(MemoryTuning t, MemoryTuning.Result r, String currency) {
        return text(t, r, currency, MemoryTuning.Strategy.COST);
    }

    /**
     * @param strategy the strategy whose pick is recommended
     * @param t the tuning
     * @param r its result
     * @param currency the currency code the costs are in
     * @return the recommendation, the picks, the sizes near the cheapest and every candidate size, costs rounded
     *     to cents (exact in {@link #json})
     */
    public static String text(MemoryTuning t, MemoryTuning.Result r, String currency, MemoryTuning.Strategy strategy) {
        StringBuilder sb = new StringBuilder();
        sb.append(t.name()).append(" (").append(t.architecture().awsName()).append(")\n");
        sb.append("  recommended (").append(strategy.awsName()).append("): ").append(r.pick(strategy).memoryMb())
                .append(" MB\n");
        sb.append("  cheapest: ").append(pick(r.cheapest(), currency)).append('\n');
        sb.append("  fastest:  ").append(pick(r.fastest(), currency)).append('\n');
        sb.append("  balanced: ").append(pick(r.balanced(), currency)).append("  (weight ")
                .append(r.balancedWeight().toPlainString()).append(": least weight × cost / most cost + (1 − weight) × "
                        + "duration / longest duration)\n");
        List<MemoryTuning.Row> tied = r.nearCheapest().stream().filter(x -> x != r.cheapest()).toList();
        if (!tied.isEmpty()) {
            sb.append("  within ").append(Amounts.plain(r.tolerancePercent())).append(" % of the cheapest: ")
                    .append(String.join(", ", tied.stream().map(x -> x.memoryMb() + " MB ("
                            + Amounts.plain(x.durationMs()) + " ms"
                            + (x.costPerMillion().compareTo(r.cheapest().costPerMillion()) == 0 ? ", the same cost" : "")
                            + ")").toList())).append('\n');
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Memory (MB)", "Duration (ms)", "Source", "Cost per million (" + currency + ")"});
        for (MemoryTuning.Row row : r.rows()) {
            rows.add(new String[] {Integer.toString(row.memoryMb()), Amounts.plain(row.durationMs()),
                row.measured() ? "measured" : "interpolated", Amounts.money(Amounts.toCents(row.costPerMillion()))});
        }
        TextTable.append(sb, rows, new boolean[] {true, true, false, true});
        return sb.toString();
    }

    /**
     * @param tunings the tunings
     * @param results their results, in the same order
     * @param currency the currency code the costs are in
     * @return JSON with exact decimal strings
     */
    public static String json(List<MemoryTuning> tunings, List<MemoryTuning.Result> results, String currency) {
        ObjectNode root = JsonOutput.object();
        root.put("currency", currency);
        ArrayNode arr = root.putArray("tunings");
        for (int i = 0; i < tunings.size(); i++) {
            MemoryTuning t = tunings.get(i);
            MemoryTuning.Result r = results.get(i);
            ObjectNode n = arr.addObject();
            n.put("name", t.name());
            n.put("architecture", t.architecture().awsName());
            n.put("cheapestMemoryMb", r.cheapest().memoryMb());
            n.put("fastestMemoryMb", r.fastest().memoryMb());
            n.put("balancedMemoryMb", r.balanced().memoryMb());
            n.put("balancedWeight", r.balancedWeight().toPlainString());
            n.put("tolerancePercent", Amounts.plain(r.tolerancePercent()));
            ArrayNode near = n.putArray("nearCheapestMemoryMb");
            r.nearCheapest().forEach(x -> near.add(x.memoryMb()));
            ArrayNode rows = n.putArray("sizes");
            for (MemoryTuning.Row row : r.rows()) {
                ObjectNode rn = rows.addObject();
                rn.put("memoryMb", row.memoryMb());
                rn.put("durationMs", Amounts.plain(row.durationMs()));
                rn.put("measured", row.measured());
                rn.put("costPerMillionExact", Amounts.plain(row.costPerMillion()));
            }
        }
        return JsonOutput.write(root);
    }

    private static String pick(MemoryTuning.Row r, String currency) {
        return r.memoryMb() + " MB, " + Amounts.plain(r.durationMs()) + " ms, "
                + Amounts.money(Amounts.toCents(r.costPerMillion())) + " " + currency + " per million invocations"
                + (r.measured() ? "" : " (interpolated)");
    }
}
