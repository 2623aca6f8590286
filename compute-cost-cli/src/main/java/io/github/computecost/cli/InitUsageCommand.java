package io.github.computecost.cli;

import io.github.computecost.spec.UsageSkeleton;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code init-usage INPUT}: a usage file's skeleton, every usage key of every priced resource with its unit. */
@Command(name = "init-usage", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Write a usage file's skeleton for a SAM/CloudFormation template, an ECS task definition, a CDK "
                + "cloud assembly or a Terraform plan: one entry per resource compute-cost prices, named as --usage "
                + "names it, with every usage key its reader reads commented out beside its unit. The file is valid "
                + "as it is; set the keys you know and pass it with --usage.")
final class InitUsageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INPUT", description = "Template, task definition, cloud assembly "
            + "directory or Terraform plan (terraform show -json); - reads standard input.")
    Path file;

    @Option(names = "--parameter", paramLabel = "KEY=VALUE", description = "For a template: a parameter's value, "
            + "as CloudFormation would be given it (repeatable).")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Override
    public Integer call() {
        String name = file.toString().equals("-") ? WorkloadOptions.STDIN : file.toString();
        UsageSkeleton skeleton = UsageSkeleton.of(name, () -> WorkloadOptions.read(file, Optional.empty(),
                parameters));
        var out = spec.commandLine().getOut();
        out.print(skeleton.yaml());
        out.flush();
        return Main.OK;
    }
}
