package io.github.computecost.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.computecost.compare.EdgeComparison;
import io.github.computecost.compare.FitVerdict;
import io.github.computecost.internal.Json;
import io.github.computecost.money.Amounts;
import java.util.List;
import java.util.Locale;

/** Text and JSON output of edge comparisons ({@code compare-edge}). Money and volumes are decimal strings in JSON. */
public final class ComparisonReport {

    private ComparisonReport() {
    }

    /**
     * @param comparisons the comparisons, in the order to write them
     * @return the comparisons as JSON (the {@code compare-edge --format json} contract)
     */
    public static String json(List<EdgeComparison> comparisons) {
        ObjectNode root = Json.json().createObjectNode();
        root.put("currency", comparisons.get(0).currency());
        ArrayNode arr = root.putArray("comparisons");
        for (EdgeComparison c : comparisons) {
            ObjectNode n = arr.addObject();
            n.put("name", c.name());
            n.put("type", c.type());
            n.put("eventType", c.eventType());
            n.put("requestsPerMonth", Long.toString(c.requestsPerMonth()));
            n.put("lambdaEdgeMonthlyCost", Amounts.money(Amounts.toCents(c.lambdaEdgeCost())));
            n.put("lambdaEdgeMonthlyCostExact", Amounts.money(c.lambdaEdgeCost()));
            n.put("cloudFrontFunctionsMonthlyCost", Amounts.money(Amounts.toCents(c.cloudFrontFunctionsCost())));
            n.put("cloudFrontFunctionsMonthlyCostExact", Amounts.money(c.cloudFrontFunctionsCost()));
            n.put("differenceExact", Amounts.money(c.difference()));
            n.put("cheaper", c.cheaper().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            if (c.breakEvenRequestsPerMonth().isPresent()) {
                n.put("breakEvenRequestsPerMonth", Amounts.plain(c.breakEvenRequestsPerMonth().get()));
            } else {
                n.putNull("breakEvenRequestsPerMonth");
            }
            n.put("breakEven", c.breakEvenNote());
            if (c.regionalBehindApiCost().isPresent()) {
                n.put("regionalLambdaBehindHttpApiMonthlyCostExact", Amounts.money(c.regionalBehindApiCost().get()));
            }
            ObjectNode fit = n.putObject("fitsCloudFrontFunctions");
            fit.put("verdict", c.fit().fit().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            ArrayNode checks = fit.putArray("checks");
            for (FitVerdict.Check check : c.fit().checks()) {
                ObjectNode cn = checks.addObject();
                cn.put("check", check.name());
                cn.put("result", check.fit().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                cn.put("reason", check.reason());
            }
            ArrayNode assumptions = n.putArray("assumptions");
            c.assumptions().forEach(assumptions::add);
        }
        return JsonOutput.write(root);
    }

    /**
     * @param source the input's name, for the heading
     * @param comparisons the comparisons, in the order to write them
     * @return the comparisons as a readable text
     */
    public static String text(List<EdgeComparison> comparisons, String source) {
        StringBuilder sb = new StringBuilder("Lambda@Edge against CloudFront Functions for ").append(source).append('\n');
        for (EdgeComparison c : comparisons) {
            String cur = c.currency();
            sb.append('\n').append(c.name()).append(" (").append(c.type()).append(", ").append(c.eventType())
                    .append(", ").append(c.requestsPerMonth()).append(" requests per month)\n");
            sb.append("  Lambda@Edge:          ").append(Amounts.money(Amounts.toCents(c.lambdaEdgeCost()))).append(' ')
                    .append(cur).append("  (exact ").append(Amounts.money(c.lambdaEdgeCost())).append(")\n");
            sb.append("  CloudFront Functions: ").append(Amounts.money(Amounts.toCents(c.cloudFrontFunctionsCost())))
                    .append(' ').append(cur).append("  (exact ").append(Amounts.money(c.cloudFrontFunctionsCost()))
                    .append(")\n");
            c.regionalBehindApiCost().ifPresent(r -> sb.append("  Regional Lambda + HTTP API: ")
                    .append(Amounts.money(Amounts.toCents(r))).append(' ').append(cur).append("  (exact ")
                    .append(Amounts.money(r)).append(", for reference)\n"));
            sb.append("  Cheaper: ").append(c.cheaper().label());
            if (c.difference().signum() != 0) {
                sb.append(", by ").append(Amounts.money(c.difference().abs())).append(' ').append(cur).append(" per month");
            }
            sb.append('\n');
            sb.append("  Break-even: ").append(c.breakEvenNote()).append('\n');
            sb.append("  Fits CloudFront Functions: ").append(verdict(c.fit())).append('\n');
            for (FitVerdict.Check check : c.fit().reasons()) {
                sb.append("    - ").append(check.fit() == io.github.computecost.compare.Fit.DOES_NOT_FIT
                        ? "does not fit" : "cannot tell").append(" (").append(check.name()).append("): ")
                        .append(check.reason()).append('\n');
            }
            for (String a : c.assumptions()) {
                sb.append("  assumed: ").append(a).append('\n');
            }
        }
        return sb.toString();
    }

    private static String verdict(FitVerdict v) {
        switch (v.fit()) {
            case FITS:
                return "yes";
            case DOES_NOT_FIT:
                return "no";
            default:
                return "cannot tell";
        }
    }
}
