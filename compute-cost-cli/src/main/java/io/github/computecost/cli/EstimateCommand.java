package io.github.computecost.cli;

import io.github.computecost.budget.Budget;
import io.github.computecost.budget.BudgetCheck;
import io.github.computecost.budget.BudgetReport;
import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.Assessment;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.limits.Violation;
import io.github.computecost.report.EstimateReport;
import java.util.Set;
import io.github.computecost.spec.Workload;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code estimate FILE}: the monthly cost of a workload file, checked against its budgets. */
@Command(name = "estimate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Estimate the monthly cost of the resources in a workload file (YAML or JSON). "
                + "Exit 1 when a budget (in the file or --max-monthly-cost) is exceeded.")
final class EstimateCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json, markdown, csv }

    @Spec
    CommandSpec spec;

    @Mixin
    WorkloadOptions options;

    @Option(names = "--format", defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--max-monthly-cost", paramLabel = "AMOUNT",
            description = "Fail (exit 1) when the exact monthly total is above AMOUNT, in the pricing currency.")
    String maxMonthlyCost;

    @Option(names = "--policy", paramLabel = "POLICY", description = "A policy file (ceilings per resource and type, "
            + "confirmed prices only; see the README): fail (exit 1) naming each resource that breaks a rule.")
    Path policy;

    @Option(names = "--commitment-rates", paramLabel = "OFFER_FILE", description = "AWS's offer files with the rates of "
            + "the file's reservedInstances and savingsPlans: an EC2 offer file (its Reserved terms) and a Savings "
            + "Plans offer file, JSON, optionally gzipped; repeatable. The estimate then adds the month with them.")
    List<Path> commitmentRates = new ArrayList<>();

    @Override
    public Integer call() {
        Budget cap = null;
        if (maxMonthlyCost != null) {
            try {
                cap = Budget.total(Budget.parseLimit(maxMonthlyCost));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--max-monthly-cost: " + e.getMessage());
            }
        }
        io.github.computecost.budget.Policy rules = policy == null ? null
                : io.github.computecost.spec.PolicyReader.read(policy);
        Workload w = options.workload();
        Questions.refuse(w, options.name());
        // The one pipeline: every limit violation reported; what AWS would reject, and what needs a price no source
        // gives, left out and named; the rest priced.
        io.github.computecost.estimate.Estimator estimator = options.pricing.estimator(w);
        Assessment a = w.assess(estimator);
        ValidationReport violations = a.violations();
        Set<String> rejected = Set.copyOf(a.rejected());
        Estimate e = Hints.estimate(a.estimate());
        Set<String> notPriced = Set.copyOf(e.notPricedResources());
        List<Budget> budgets = new ArrayList<>();
        for (Budget b : w.budgets()) {
            if (b.resource().map(r -> !rejected.contains(r) && !notPriced.contains(r)).orElse(true)) {
                budgets.add(b);
            }
        }
        if (cap != null) {
            budgets.add(cap);
        }
        BudgetReport report = BudgetReport.check(e, budgets);
        io.github.computecost.commitment.CommitmentResult committed = commitments(w, e, estimator.prices());
        var out = spec.commandLine().getOut();
        String source = options.name();
        out.print(switch (format) {
            case json -> committed == null ? EstimateReport.json(e, report, violations)
                    : EstimateReport.json(e, report, violations, committed);
            case markdown -> EstimateReport.markdown(e, source, report);
            case csv -> EstimateReport.csv(e);
            case text -> EstimateReport.text(e, source, report, violations) + (committed == null ? ""
                    : io.github.computecost.report.CommitmentReport.text(committed, e.currency()));
        });
        out.flush();
        if (violations.hasErrors() || !e.notPriced().isEmpty()) {
            var err = spec.commandLine().getErr();
            for (Violation v : violations.errors()) {
                err.println("compute-cost: " + options.name() + ": " + Hints.violation(v));
            }
            for (String m : Hints.missingPrices(e.notPriced())) {
                err.println("compute-cost: " + options.name() + ": " + m);
            }
            err.flush();
            return Main.BAD_INPUT;
        }
        List<io.github.computecost.budget.Policy.Failure> broken = rules == null ? List.of() : rules.check(e);
        if (report.anyOver() || !broken.isEmpty()) {
            var err = spec.commandLine().getErr();
            for (BudgetCheck b : report.over()) {
                err.println("compute-cost: over budget: " + b.message());
            }
            PolicyOutput.print(err, policy, broken);
            err.flush();
            return Main.POLICY_FAILURE;
        }
        return Main.OK;
    }

    /** @return the month priced with the file's commitments, or null when it states none */
    private io.github.computecost.commitment.CommitmentResult commitments(Workload w, Estimate e,
            io.github.computecost.pricing.PriceBook book) {
        if (w.commitments().isEmpty()) {
            return null;
        }
        List<Path> rateFiles = options.pricing.commitmentRates(commitmentRates);
        if (rateFiles.isEmpty()) {
            throw new BadInputException(options.name() + ": reservedInstances / savingsPlans: "
                    + (w.commitments().reservedInstances().size() + w.commitments().savingsPlans().size())
                    + " commitments stated, and no rates for them: give AWS's offer files with --commitment-rates "
                    + "(an EC2 offer file for Reserved Instances, a Savings Plans offer file), or import them with "
                    + "import-prices --commitment-offer into a --pricing-data directory (see the README)");
        }
        if (format == Format.markdown || format == Format.csv) {
            throw new BadInputException("--commitment-rates: the month with commitments is shown in text and json "
                    + "output, not " + format);
        }
        var rates = io.github.computecost.commitment.CommitmentRates.read(rateFiles);
        try {
            return io.github.computecost.commitment.CommitmentPricer.of(rates, book).price(e, w.commitments());
        } catch (io.github.computecost.commitment.CommitmentException ex) {
            throw new BadInputException(options.name() + ": " + ex.getMessage());
        }
    }
}
