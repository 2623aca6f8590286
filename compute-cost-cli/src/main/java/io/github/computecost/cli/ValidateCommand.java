package io.github.computecost.cli;

import io.github.computecost.limits.ValidationReport;
import io.github.computecost.report.ValidationReportFormat;
import io.github.computecost.spec.Workload;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code validate FILE}: does every resource fit inside its service's limits? */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Check every resource of a workload file against AWS's limits. Exit 0 when there is no error "
                + "(warnings are printed), 1 when there is at least one, 2 when the file cannot be read.")
final class ValidateCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    WorkloadOptions options;

    @Option(names = "--format", defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        Workload w = options.workload();
        ValidationReport report = w.assess(options.pricing.estimator(w)).violations();
        var out = spec.commandLine().getOut();
        out.print(format == Format.json ? ValidationReportFormat.json(report)
                : ValidationReportFormat.text(report, options.name()));
        out.flush();
        return report.hasErrors() ? Main.POLICY_FAILURE : Main.OK;
    }
}
