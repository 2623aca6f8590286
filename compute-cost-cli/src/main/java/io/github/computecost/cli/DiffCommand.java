package io.github.computecost.cli;

import io.github.computecost.budget.IncreaseLimit;
import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.EstimateDiff;
import io.github.computecost.report.DiffReport;
import io.github.computecost.spec.Workload;
import io.github.computecost.spec.ConfigReader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code diff BASE HEAD}: how the monthly cost changes between two versions of the same configuration: workload
 * files, SAM/CloudFormation templates or ECS task definitions, read as {@code estimate} reads them.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Compare the monthly cost of two workload files, SAM/CloudFormation templates or ECS task "
                + "definitions (for example a pull request's base and head). Exit 1 when --fail-on-increase is exceeded.")
final class DiffCommand implements Callable<Integer> {

    /** Output formats: a pull or merge request's comment is Markdown with a marker a later run finds. */
    enum Format {
        text, json, markdown, github_comment, gitlab_comment;

        @Override
        public String toString() {
            return name().replace('_', '-');
        }
    }

    /** Reads {@code github-comment} as {@link Format#github_comment}. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            for (Format f : Format.values()) {
                if (f.toString().equalsIgnoreCase(value)) {
                    return f;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("expected one of text, json, markdown, "
                    + "github-comment, gitlab-comment but was '" + value + "'");
        }
    }

    /** The first line of a comment diff writes, by which a later run finds the comment to update. */
    static final String COMMENT_MARKER = "<!-- compute-cost diff -->";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASE", description = "The earlier workload file, template or task definition (- for standard input).")
    Path base;

    @Parameters(index = "1", paramLabel = "HEAD", arity = "0..1", description = "The later one; without it, BASE is a "
            + "Terraform plan and its before is compared with its after.")
    Path head;

    @Option(names = "--usage", paramLabel = "USAGE", description = "For templates and task definitions: the usage file "
            + "(requests, durations, hours by logical id or family) of both sides.")
    Path usage;

    @Option(names = "--base-usage", paramLabel = "USAGE", description = "The base's usage file, when it differs from "
            + "--usage.")
    Path baseUsage;

    @Option(names = "--parameter", paramLabel = "KEY=VALUE", description = "For templates: a parameter's value on "
            + "both sides, winning over its Default (repeatable).")
    java.util.Map<String, String> parameters = new java.util.LinkedHashMap<>();

    @Option(names = "--format", defaultValue = "text", converter = FormatConverter.class,
            description = "Output: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}); the comment formats are "
                    + "Markdown with a marker, so a later run updates the same pull or merge request comment.")
    Format format;

    @Option(names = "--compare-to", paramLabel = "BASE.json", description = "A saved estimate (estimate --format "
            + "json, say the base branch's from an earlier run) to compare the one input with, instead of BASE.")
    Path compareTo;

    @Option(names = "--fail-on-increase", paramLabel = "PERCENT%|AMOUNT",
            description = "Fail (exit 1) when the monthly total grows by more than PERCENT%% of the base, or by more than AMOUNT.")
    String failOnIncrease;

    @Option(names = "--policy", paramLabel = "POLICY", description = "A policy file (ceilings, new resources, the "
            + "increase, confirmed prices only; see the README), checked on HEAD and the change: fail (exit 1) naming "
            + "each resource that breaks a rule.")
    Path policy;

    @Mixin
    PricingOptions pricing;

    @Override
    public Integer call() {
        IncreaseLimit limit = null;
        if (failOnIncrease != null) {
            try {
                limit = IncreaseLimit.parse(failOnIncrease);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--fail-on-increase: " + e.getMessage());
            }
        }
        io.github.computecost.budget.Policy rules = policy == null ? null
                : io.github.computecost.spec.PolicyReader.read(policy);
        Estimate after;
        Estimate before;
        String baseName = base.toString();
        String headName;
        if (compareTo != null) {
            // A saved estimate against the one input: CI need not price the base branch again.
            if (head != null || baseUsage != null) {
                throw new BadInputException("--compare-to takes one input to compare with the saved estimate, and no "
                        + "--base-usage");
            }
            String text;
            try {
                text = java.nio.file.Files.readString(compareTo, java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new BadInputException(compareTo + ": file not found");
            } catch (java.io.IOException e) {
                throw new BadInputException(compareTo + ": cannot be read: " + e.getMessage());
            }
            before = io.github.computecost.report.EstimateReport.readJson(compareTo.toString(), text);
            after = estimate(base, usage);
            baseName = compareTo.toString();
            headName = base.toString();
        } else if (head == null) {
            // One Terraform plan: what exists now (its prior state) against what it will make.
            if (baseUsage != null) {
                throw new BadInputException("--base-usage is for two inputs; one plan's two sides share --usage");
            }
            Workload w = io.github.computecost.spec.ConfigReader.readBefore(base, java.util.Optional.ofNullable(usage));
            before = priced(w, baseName + " (before)");
            after = estimate(base, usage);
            baseName = base + " (before)";
            headName = base + " (after)";
        } else {
            after = estimate(head, usage);
            before = estimate(base, baseUsage != null ? baseUsage : usage);
            headName = head.toString();
        }
        EstimateDiff d = EstimateDiff.between(before, after);
        PriceAgeOutput age = PriceAgeOutput.of(after, pricing);
        var out = spec.commandLine().getOut();
        String from = baseName;
        String to = headName;
        out.print(switch (format) {
            case json -> age.json(DiffReport.json(d));
            case markdown -> DiffReport.markdown(d, from, to) + "\n" + age.text();
            case github_comment, gitlab_comment -> COMMENT_MARKER + "\n" + DiffReport.markdown(d, from, to) + "\n"
                    + age.text();
            case text -> DiffReport.text(d, from, to) + "\n" + age.text();
        });
        out.flush();
        boolean failed = false;
        if (limit != null && limit.exceededBy(d)) {
            spec.commandLine().getErr().println("compute-cost: monthly cost increase "
                    + io.github.computecost.money.Amounts.money(d.totalDifference()) + " " + d.currency()
                    + d.totalPercentChange().map(p -> " (" + p.toPlainString() + "%)").orElse("")
                    + " exceeds the allowed increase of " + limit);
            failed = true;
        }
        if (rules != null) {
            var broken = rules.check(d, after);
            PolicyOutput.print(spec.commandLine().getErr(), policy, broken);
            failed |= !broken.isEmpty();
        }
        spec.commandLine().getErr().flush();
        return failed ? Main.POLICY_FAILURE : Main.OK;
    }

    /** The file's estimate, by the one pipeline {@code estimate} uses: every violation and missing price refused. */
    private Estimate estimate(Path file, Path usageFile) {
        if (head != null && base.toString().equals("-") && head.toString().equals("-")) {
            throw new BadInputException("BASE and HEAD cannot both be standard input (-)");
        }
        return priced(WorkloadOptions.read(file, java.util.Optional.ofNullable(usageFile), parameters),
                file.toString());
    }

    private Estimate priced(Workload w, String name) {
        Questions.refuse(w, name);
        return Hints.estimate(w.assess(pricing.estimator(w)).orThrow());
    }
}
