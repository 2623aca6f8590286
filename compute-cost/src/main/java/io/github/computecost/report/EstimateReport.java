package io.github.computecost.report;

import io.github.computecost.budget.BudgetReport;
import io.github.computecost.estimate.Estimate;
import io.github.computecost.limits.ValidationReport;
import java.util.List;
import java.util.Objects;

/**
 * Renders an {@link Estimate} as the command line prints it. Money is shown rounded to the cent (half up)
 * beside the exact figure; JSON and CSV carry decimal strings.
 *
 * <ul>
 *   <li>{@link #json}: the stable contract of {@code estimate --format json}.</li>
 *   <li>{@link #csv}: one row per line item; the {@code cost} column adds up exactly to the total.</li>
 *   <li>{@link #markdown}: for a pull-request comment: total first, a compact table, line items collapsed.</li>
 *   <li>{@link #text}: for people at a terminal, and for assertion messages.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class EstimateReport {

    private static final BudgetReport NO_BUDGETS = new BudgetReport(List.of());
    private static final ValidationReport NO_VIOLATIONS = new ValidationReport(List.of());

    private EstimateReport() {
    }

    /**
     * @param e the estimate
     * @param source the input's name, for the heading
     * @param budgets the budgets checked against it
     * @return a readable table per resource, with the total, budgets and warnings
     */
    public static String text(Estimate e, String source, BudgetReport budgets) {
        return text(e, source, budgets, NO_VIOLATIONS);
    }

    /**
     * @param e the estimate
     * @param source the input's name, for the heading
     * @return {@link #text(Estimate, String, BudgetReport)} without budgets
     */
    public static String text(Estimate e, String source) {
        return text(e, source, NO_BUDGETS);
    }

    /**
     * @param e the estimate
     * @param budgets the budgets checked against it
     * @return the JSON contract, with a {@code budgets} section
     */
    public static String json(Estimate e, BudgetReport budgets) {
        return json(e, budgets, NO_VIOLATIONS);
    }

    /**
     * @param e the estimate
     * @param budgets the budgets checked against it
     * @param violations the limit checks' findings
     * @return the JSON contract, with {@code budgets} and {@code violations} sections
     */
    public static String json(Estimate e, BudgetReport budgets, ValidationReport violations) {
        return EstimateJson.render(Objects.requireNonNull(e, "e"), budgets, violations);
    }

    /**
     * @param e the estimate (on demand)
     * @param budgets its budgets
     * @param violations its limit violations
     * @param committed the same month priced with the workload's commitments
     * @return the JSON contract, with a {@code commitments} object
     */
    public static String json(Estimate e, BudgetReport budgets, ValidationReport violations,
            io.github.computecost.commitment.CommitmentResult committed) {
        return EstimateJson.render(Objects.requireNonNull(e, "e"), budgets, violations,
                java.util.Optional.of(committed));
    }

    /**
     * @param e the estimate
     * @param source the input's name, for the heading
     * @param budgets the budgets checked against it
     * @param violations the limit checks' findings
     * @return a readable table per resource, with the total, budgets, limit violations and warnings
     */
    public static String text(Estimate e, String source, BudgetReport budgets, ValidationReport violations) {
        return EstimateText.render(Objects.requireNonNull(e, "e"), source, budgets, violations);
    }

    /**
     * Reads back what {@link #json} wrote: a saved estimate (say the base branch's, from an earlier CI run), with
     * its resources, line items, currency, pricing version and date, enough for {@code diff} to compare a new
     * input with it exactly.
     *
     * @param file its name, for messages
     * @param json the document
     * @return the estimate
     * @throws io.github.computecost.ComputeCostException if it is not an estimate's JSON, naming the field
     */
    public static Estimate readJson(String file, String json) {
        return EstimateJsonReader.read(file, json);
    }

    /**
     * @param e the estimate
     * @return the JSON contract without budgets
     */
    public static String json(Estimate e) {
        return json(e, NO_BUDGETS);
    }

    /**
     * @param e the estimate
     * @param source the input's name, for the heading
     * @param budgets the budgets checked against it
     * @return Markdown for a pull-request comment
     */
    public static String markdown(Estimate e, String source, BudgetReport budgets) {
        return EstimateMarkdown.render(Objects.requireNonNull(e, "e"), source, budgets);
    }

    /**
     * @param e the estimate
     * @return CSV, one row per line item, with a header row
     */
    public static String csv(Estimate e) {
        return EstimateCsv.render(Objects.requireNonNull(e, "e"));
    }
}
