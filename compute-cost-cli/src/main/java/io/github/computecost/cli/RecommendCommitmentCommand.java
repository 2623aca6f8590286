package io.github.computecost.cli;

import io.github.computecost.commitment.CommitmentException;
import io.github.computecost.commitment.CommitmentPricer;
import io.github.computecost.commitment.CommitmentRates;
import io.github.computecost.commitment.CommitmentRecommender;
import io.github.computecost.commitment.CostReportUsage;
import io.github.computecost.commitment.HourlyUsage;
import io.github.computecost.commitment.Payment;
import io.github.computecost.commitment.ReservedInstance;
import io.github.computecost.commitment.SavingsPlan;
import io.github.computecost.commitment.SavingsPlanType;
import io.github.computecost.commitment.Term;
import io.github.computecost.estimate.Assessment;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.report.Charts;
import io.github.computecost.report.CommitmentReport;
import io.github.computecost.report.JsonOutput;
import io.github.computecost.report.VegaLite;
import io.github.computecost.spec.Workload;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code recommend-commitment FILE}: the Savings Plans commitment per hour with the least total cost. */
@Command(name = "recommend-commitment", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "The Savings Plans commitment per hour that minimises the total cost (commitment plus the "
                + "on-demand rest) of hourly usage: a Cost and Usage Report (.csv, .csv.gz: its Usage lines at their "
                + "public on-demand rates, hour by hour) or a workload file (its month, flat or by its "
                + "usageProfiles, after its reservedInstances).")
final class RecommendCommitmentCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A Cost and Usage Report (.csv or .csv.gz, legacy or "
            + "CUR 2.0 column names) or a workload file (.yaml, .yml, .json).")
    Path file;

    @Option(names = "--commitment-rates", paramLabel = "OFFER_FILE", description = "AWS's Savings Plans offer file "
            + "(JSON, optionally gzipped), and for a workload's reservedInstances its EC2 offer file; repeatable. "
            + "Or the rates import-prices --commitment-offer wrote into the --pricing-data directory.")
    List<Path> rates = new ArrayList<>();

    @Option(names = "--type", defaultValue = "compute", description = "compute or ec2-instance (default "
            + "${DEFAULT-VALUE}).")
    String type;

    @Option(names = "--term", defaultValue = "1y", description = "1y or 3y (default ${DEFAULT-VALUE}).")
    String term;

    @Option(names = "--payment", defaultValue = "no-upfront", description = "no-upfront, partial-upfront or "
            + "all-upfront (default ${DEFAULT-VALUE}).")
    String payment;

    @Option(names = "--instance-family", paramLabel = "FAMILY", description = "For --type ec2-instance: the family "
            + "(m6i).")
    String family;

    @Option(names = "--plan-region", paramLabel = "REGION", description = "For --type ec2-instance: the region code.")
    String planRegion;

    @Option(names = "--format", defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} (default "
            + "${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    PricingOptions pricing;

    @Mixin
    ChartOptions charts;

    @Override
    public Integer call() {
        SavingsPlan template;
        try {
            template = new SavingsPlan(SavingsPlanType.parse(type), Term.parse(term), Payment.parse(payment),
                    BigDecimal.ONE, Optional.ofNullable(family), Optional.ofNullable(planRegion));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--type, --term, --payment, --instance-family, --plan-region: "
                    + e.getMessage());
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean report = name.endsWith(".csv") || name.endsWith(".csv.gz");
        HourlyUsage usage;
        List<ReservedInstance> reservations = List.of();
        PriceBook book;
        String currency;
        String source;
        if (report) {
            CostReportUsage cur = CostReportUsage.read(file);
            // A plan's optimum depends on each hour's usage types and rates, not on which resource used them.
            usage = cur.usage().byUsageType();
            book = pricing.prices();
            currency = "USD";
            source = cur.hours() + " hours from " + cur.firstHour() + " (" + file + ")" + (cur.skipped().isEmpty() ? ""
                    : "; lines other than Usage left out: " + new java.util.TreeMap<>(cur.skipped()).entrySet()
                            .stream().map(e -> e.getValue() + " " + e.getKey()).collect(
                                    java.util.stream.Collectors.joining(", ")));
        } else {
            Workload w = WorkloadOptions.read(file, Optional.empty(), java.util.Map.of());
            Questions.refuse(w, file.toString());
            io.github.computecost.estimate.Estimator estimator = pricing.estimator(w);
            Assessment a = w.assess(estimator);
            if (a.violations().hasErrors() || !a.estimate().notPriced().isEmpty()) {
                throw new BadInputException(file + ": does not pass validation or has resources not priced; run "
                        + "estimate on it first");
            }
            book = estimator.prices();
            try {
                usage = HourlyUsage.of(a.estimate(), book, w.commitments().profiles());
            } catch (CommitmentException e) {
                throw new BadInputException(file + ": " + e.getMessage());
            }
            reservations = w.commitments().reservedInstances();
            currency = a.estimate().currency();
            source = (w.commitments().profiles().isEmpty() ? "a flat month of " : "a month of ") + file
                    + (w.commitments().profiles().isEmpty() ? "" : ", spread by its usageProfiles");
        }
        List<Path> rateFiles = pricing.commitmentRates(rates);
        if (rateFiles.isEmpty()) {
            throw new BadInputException("recommend-commitment: no commitment rates: give AWS's Savings Plans offer file "
                    + "with --commitment-rates, or import it with import-prices --commitment-offer into a "
                    + "--pricing-data directory");
        }
        CommitmentRecommender.Recommendation rec;
        try {
            rec = CommitmentRecommender.recommend(CommitmentPricer.of(CommitmentRates.read(rateFiles), book), usage,
                    reservations, template);
        } catch (CommitmentException e) {
            throw new BadInputException(file + ": " + e.getMessage());
        }
        charts.write("commitment", Charts.commitment(rec, currency), VegaLite.commitment(rec, currency));
        var out = spec.commandLine().getOut();
        if (format == Format.json) {
            var root = CommitmentReport.recommendationJson(rec);
            root.put("usage", source);
            out.print(JsonOutput.write(root));
        } else {
            out.print("Savings Plans commitment for " + source + "\n" + CommitmentReport.recommendation(rec, currency));
        }
        out.flush();
        return Main.OK;
    }
}
