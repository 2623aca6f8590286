package io.github.computecost.cli;

import io.github.computecost.pricing.PriceBook;
import io.github.computecost.spec.Workload;
import io.github.computecost.spec.ConfigReader;
import java.util.Optional;
import picocli.CommandLine.Option;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The arguments every command that reads one workload file shares. */
final class WorkloadOptions {

    @Parameters(index = "0", paramLabel = "FILE", description = "Workload file (.yaml, .yml or .json), SAM/CloudFormation "
            + "template, ECS task definition (.json), or a CDK app's cdk.out directory; - reads standard input.")
    Path file;

    @Option(names = "--usage", paramLabel = "USAGE", description = "For a SAM/CloudFormation template or an ECS task "
            + "definition: a workload-format file of usage (requests, durations, hours) keyed by logical id or family.")
    Path usage;

    @Option(names = "--parameter", paramLabel = "KEY=VALUE", description = "For a template: a parameter's value, "
            + "winning over its Default, as CloudFormation's --parameter-overrides (repeatable).")
    java.util.Map<String, String> parameters = new java.util.LinkedHashMap<>();

    @Mixin
    PricingOptions pricing;

    private Workload workload;

    /** @return the workload file, read once */
    Workload workload() {
        if (workload == null) {
            workload = read(file, Optional.ofNullable(usage), parameters);
        }
        return workload;
    }

    /** What messages call standard input. */
    static final String STDIN = "<stdin>";

    /** @return the configuration in {@code file}, or on standard input when it is {@code -} */
    static Workload read(java.nio.file.Path file, Optional<java.nio.file.Path> usage,
            java.util.Map<String, String> parameters) {
        if (!file.toString().equals("-")) {
            return ConfigReader.read(file, usage, parameters);
        }
        byte[] bytes;
        try {
            // One byte more than a file may have, so that a larger input is refused rather than cut short.
            bytes = System.in.readNBytes(io.github.computecost.spec.ConfigReader.MAX_BYTES + 1);
        } catch (java.io.IOException e) {
            throw new BadInputException("standard input cannot be read: " + e.getMessage());
        }
        return ConfigReader.read(STDIN, new String(bytes, java.nio.charset.StandardCharsets.UTF_8), usage,
                parameters);
    }

    /** @return the name of the input for messages: the file, or {@value #STDIN} */
    String name() {
        return file.toString().equals("-") ? STDIN : file.toString();
    }

    /** @return the price book for the workload's regions (China's when all of them are in China) */
    PriceBook prices() {
        return pricing.prices(workload().regions());
    }
}
