package io.github.computecost.testing;

import io.github.computecost.budget.BudgetCheck;
import io.github.computecost.budget.BudgetReport;
import io.github.computecost.estimate.Estimate;
import io.github.computecost.limits.InvalidWorkloadException;
import io.github.computecost.estimate.Assessment;
import io.github.computecost.service.Resource;
import io.github.computecost.limits.Violation;
import io.github.computecost.money.Amounts;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.report.EstimateReport;
import io.github.computecost.spec.Workload;
import io.github.computecost.spec.ConfigReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.opentest4j.AssertionFailedError;
import java.util.Objects;
import java.util.Optional;

/**
 * Fluent assertions on a workload's monthly cost, for unit tests.
 *
 * <pre>{@code
 * CostAssert.assertThatWorkload(Path.of("workload.yaml"))
 *         .hasNoViolations()
 *         .isWithinItsBudgets()
 *         .monthlyCostIsAtMost("25.00")
 *         .resourceCostIsAtMost("orders-api", "5.00");
 * }</pre>
 *
 * <p>Amounts are decimal strings in the pricing currency, compared with the exact (unrounded) cost. A failure
 * throws an opentest4j {@link AssertionFailedError} (an {@link AssertionError}) with the reason, the full
 * breakdown, and the expected and actual values, which IDEs show as a diff. Not thread-safe (it caches the
 * estimate); use one per test.
 */
public final class CostAssert {

    private final String source;
    private final Workload workload;
    private final PriceBook prices;
    private Assessment assessment;

    private CostAssert(String source, Workload workload, PriceBook prices) {
        this.source = source;
        this.workload = workload;
        this.prices = prices;
    }

    /**
     * Loads a workload file (or a SAM/CloudFormation template, or an ECS task definition, without usage) as
     * {@code estimate} reads it, and prices it on the bundled pricing data, with the file's region, free-tier setting
     * and quotas.
     *
     * @param file the workload file, template or task definition
     * @return an assertion on its estimate
     * @throws io.github.computecost.spec.WorkloadException if the file cannot be read
     */
    public static CostAssert assertThatWorkload(Path file) {
        return new CostAssert(file.toString(), ConfigReader.read(file, Optional.empty()), PriceBook.bundled());
    }

    /**
     * A template or task definition with its usage file, as {@code estimate FILE --usage USAGE} reads them.
     *
     * @param file the template or task definition
     * @param usage its usage file
     * @return an assertion on its estimate
     * @throws io.github.computecost.spec.WorkloadException if a file cannot be read
     */
    public static CostAssert assertThatWorkload(Path file, Path usage) {
        return new CostAssert(file.toString(), ConfigReader.read(file, Optional.of(usage)), PriceBook.bundled());
    }

    /**
     * A workload built in code, priced on {@code prices}.
     *
     * @param workload the workload
     * @param prices the price book to price it on
     * @return an assertion on its estimate
     */
    public static CostAssert assertThat(Workload workload, PriceBook prices) {
        return new CostAssert("workload", Objects.requireNonNull(workload, "workload"),
                Objects.requireNonNull(prices, "prices"));
    }

    /**
     * Resources built in code, priced on the bundled data in us-east-1 with the free tier.
     *
     * @param resources the resources, names unique
     * @return an assertion on their estimate
     */
    public static CostAssert assertThat(List<? extends Resource> resources) {
        return assertThat(new Workload(Optional.empty(), true, List.copyOf(resources), List.of()), PriceBook.bundled());
    }

    /** @return the assessment (computed once): the one answer {@code estimate} and {@code validate} give too */
    public Assessment assessment() {
        if (assessment == null) {
            assessment = workload.assess(workload.estimator(prices));
        }
        return assessment;
    }

    /** @return the estimate (computed once) */
    public Estimate estimate() {
        try {
            return assessment().orThrow();
        } catch (InvalidWorkloadException ex) {
            throw new AssertionFailedError(source + " cannot be priced: AWS would reject it: " + ex.getMessage(), ex);
        } catch (io.github.computecost.pricing.PriceUnavailableException ex) {
            throw new AssertionFailedError(source + " cannot be priced: " + ex.getMessage(), ex);
        }
    }

    /**
     * Asserts the exact monthly total is at most {@code amount}.
     *
     * @param amount the most the month may cost, a decimal in the estimate's currency ({@code "25.00"})
     * @return this assertion, to chain another
     */
    public CostAssert monthlyCostIsAtMost(String amount) {
        BigDecimal limit = new BigDecimal(amount);
        BigDecimal total = estimate().totalExact();
        if (total.compareTo(limit) > 0) {
            fail("expected a monthly cost of at most " + Amounts.money(limit) + " " + estimate().currency()
                    + " but it is " + Amounts.money(total) + " (over by " + Amounts.money(total.subtract(limit)) + ")",
                    "at most " + Amounts.money(limit), Amounts.money(total));
        }
        return this;
    }

    /**
     * Asserts the exact monthly total equals {@code amount} (by value: "18.7333700" equals "18.73337").
     *
     * @param amount the expected exact cost, a decimal in the estimate's currency
     * @return this assertion, to chain another
     */
    public CostAssert monthlyCostIs(String amount) {
        BigDecimal expected = new BigDecimal(amount);
        BigDecimal total = estimate().totalExact();
        if (total.compareTo(expected) != 0) {
            fail("expected an exact monthly cost of " + Amounts.money(expected) + " but it is " + Amounts.money(total),
                    Amounts.money(expected), Amounts.money(total));
        }
        return this;
    }

    /**
     * Asserts one resource's exact monthly cost is at most {@code amount}.
     *
     * @param amount the most it may cost a month, a decimal in the estimate's currency
     * @param resource the resource's name
     * @return this assertion, to chain another
     */
    public CostAssert resourceCostIsAtMost(String resource, String amount) {
        BigDecimal limit = new BigDecimal(amount);
        BigDecimal cost = estimate().resource(resource).monthlyCostExact();
        if (cost.compareTo(limit) > 0) {
            fail("expected " + resource + " to cost at most " + Amounts.money(limit) + " a month but it costs "
                    + Amounts.money(cost) + " (over by " + Amounts.money(cost.subtract(limit)) + ")",
                    "at most " + Amounts.money(limit), Amounts.money(cost));
        }
        return this;
    }

    /**
     * Asserts every budget the workload declares holds.
     *
     * @return this assertion, to chain another
     */
    public CostAssert isWithinItsBudgets() {
        BudgetReport report = BudgetReport.check(estimate(), workload.budgets());
        if (report.anyOver()) {
            fail("over budget: " + String.join("; ", report.over().stream().map(BudgetCheck::message).toList()),
                    null, null);
        }
        return this;
    }

    /**
     * Asserts no resource breaks a limit: no errors and no warnings, of each resource and of what resources share,
     * against the quotas the workload states (as {@code validate} checks them).
     *
     * @return this assertion, to chain another
     */
    public CostAssert hasNoViolations() {
        List<Violation> all = assessment().violations().violations();
        if (!all.isEmpty()) {
            StringBuilder sb = new StringBuilder("expected no limit violations but found " + all.size() + ":");
            for (Violation v : all) {
                sb.append("\n  - ").append(v.severity().name().toLowerCase(java.util.Locale.ROOT)).append(' ')
                        .append(v.code()).append(": ").append(v.message());
            }
            throw new AssertionFailedError(source + ": " + sb, List.of(), all.stream().map(Violation::message)
                    .toList());
        }
        return this;
    }

    /** @param expected what was expected, and {@code actual} what was found, for a diff; null when none applies */
    private void fail(String message, Object expected, Object actual) {
        String full = source + ": " + message + "\n\n"
                + EstimateReport.text(estimate(), source, BudgetReport.check(estimate(), workload.budgets()));
        throw expected == null ? new AssertionFailedError(full) : new AssertionFailedError(full, expected, actual);
    }
}
