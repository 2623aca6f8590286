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

    /** @return the picks and every candidate size */
    public static String text(MemoryTuning t, MemoryTuning.Result r, String currency) {
        StringBuilder sb = new StringBuilder();
        sb.append(t.name()).append(" (").append(t.architecture().awsName()).append(")\n");
        sb.append("  cheapest: ").append(pick(r.cheapest(), currency)).append('\n');
        sb.append("  fastest:  ").append(pick(r.fastest(), currency)).append('\n');
        sb.append("  balanced: ").append(pick(r.balanced(), currency)).append("  (least cost × duration)\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Memory (MB)", "Duration (ms)", "Source", "Cost per million (" + currency + ")"});
        for (MemoryTuning.Row row : r.rows()) {
            rows.add(new String[] {Integer.toString(row.memoryMb()), Amounts.plain(row.durationMs()),
                row.measured() ? "measured" : "interpolated", Amounts.plain(row.costPerMillion())});
        }
        TextTable.append(sb, rows, new boolean[] {true, true, false, true});
        return sb.toString();
    }

    /** @return JSON with exact decimal strings */
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
