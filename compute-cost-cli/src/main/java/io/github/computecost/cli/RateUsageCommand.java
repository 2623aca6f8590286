package io.github.computecost.cli;

import io.github.computecost.rerate.Rerater;
import io.github.computecost.report.RerateReport;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rate-usage FILE}: re-rate a billing export's usage (CSV or Parquet) on the price book. */
@Command(name = "rate-usage", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Re-rate a billing export (Cost and Usage Report, legacy or 2.0 columns, or FOCUS 1.x; .csv, "
                + ".csv.gz or .csv.zst, or Parquet: a file or a directory of parts): cost per "
                + "usage type and per resource (or --group-by), the most expensive first; usage that Savings Plans and "
                + "Reserved Instances covered beside AWS's discount; credits, refunds, taxes and fees passed through "
                + "as billed; a reconciliation against the export's unblended cost; rows skipped by reason.")
final class RateUsageCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json, csv }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The export (.csv, .csv.gz or .csv.zst; or Parquet, told "
            + "by its content, or a directory of .parquet parts).")
    Path file;

    @Option(names = "--format", defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--what-if", paramLabel = "arm64", description = "arm64: re-price x86 Lambda and Fargate usage at Arm prices.")
    String whatIf;

    @Option(names = "--per-account", description = "Give every usage account its own free tier and tiers, as if "
            + "standalone; by default each billing family (the export's payer account) shares them, as AWS "
            + "Organizations bills.")
    boolean perAccount;

    @Option(names = "--input-format", paramLabel = "FORMAT", defaultValue = "auto", description = "How the export's "
            + "columns are named: auto (FOCUS if the header has ChargeCategory, else a Cost and Usage Report), cur "
            + "(legacy or CUR 2.0 names) or focus (FOCUS 1.0 with AWS columns, or 1.2); default ${DEFAULT-VALUE}.")
    String inputFormat;

    @Option(names = "--group-by", paramLabel = "DIMENSION", description = "Group the "
            + "cost by resource, account, usage-type, line-item-type or tag:KEY (the export's resourceTags/user:KEY "
            + "column, or user_KEY in CUR 2.0's resource_tags map, or KEY in FOCUS's Tags; default resource). With "
            + "--format csv, one row per group instead of per usage type.")
    String groupBy;

    @Option(names = "--top", paramLabel = "N", description = "Show the N most expensive groups (and, in text, the N "
            + "largest reconciliation variances); the rest are summed in one row.")
    Integer top;

    @Option(names = "--progress", negatable = true, description = "A progress line on standard error (rows, bytes, "
            + "rows per second, time left) while the export is read; by default on a terminal only.")
    Boolean progress;

    @Mixin
    PricingOptions pricing;

    @Override
    public Integer call() {
        if (whatIf != null && !whatIf.equals("arm64")) {
            throw new BadInputException("--what-if must be arm64, was \"" + whatIf + "\"");
        }
        Rerater.GroupBy by;
        try {
            by = groupBy == null ? Rerater.GroupBy.RESOURCE : Rerater.GroupBy.parse(groupBy);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--group-by: " + e.getMessage());
        }
        if (top != null && top < 1) {
            throw new BadInputException("--top must be at least 1, was " + top);
        }
        Rerater.InputFormat input = switch (inputFormat) {
            case "auto" -> Rerater.InputFormat.AUTO;
            case "cur" -> Rerater.InputFormat.CUR;
            case "focus" -> Rerater.InputFormat.FOCUS;
            default -> throw new BadInputException("--input-format must be auto, cur or focus, was \"" + inputFormat
                    + "\"");
        };
        RerateReport.View view = new RerateReport.View(by, top == null ? OptionalInt.empty() : OptionalInt.of(top));
        Rerater.Result r = Rerater.of(pricing.prices()).clock(pricing.clock()).freeTier(!pricing.noFreeTier)
                .whatIfArm(whatIf != null).perAccount(perAccount).tags(by.tagKey().stream().toList()).inputFormat(input)
                .progress(ProgressLine.wanted(progress) ? new ProgressLine("rate-usage", spec.commandLine().getErr())
                        : null).rate(file);
        PriceAgeOutput age = PriceAgeOutput.of(r, pricing);
        var out = spec.commandLine().getOut();
        out.print(switch (format) {
            case json -> age.json(groupBy == null && top == null ? RerateReport.json(r) : RerateReport.json(r, view));
            case csv -> groupBy == null && top == null ? RerateReport.csv(r) : RerateReport.csv(r, view);
            case text -> RerateReport.text(r, file.toString(), view) + age.warning();
        });
        if (format == Format.csv && !age.warning().isEmpty()) {
            spec.commandLine().getErr().print("compute-cost: " + age.warning()); // CSV stays rows only
        }
        out.flush();
        return Main.OK;
    }
}
