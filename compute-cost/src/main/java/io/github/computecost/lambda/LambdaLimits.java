package io.github.computecost.lambda;

import io.github.computecost.compute.Calendar;
import io.github.computecost.service.LimitChecks;
import io.github.computecost.limits.AccountQuotas;
import io.github.computecost.limits.Severity;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.limits.Violation;
import io.github.computecost.pricing.Limit;
import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a {@link LambdaFunction} against the limits AWS documents for Lambda, read from the price book (so they
 * carry sources and change with the data). Errors: AWS would reject the configuration. Warnings: it deploys, but
 * would need S3 for its package or more concurrency than the account's quota. The estimator runs these checks
 * (through {@link LambdaService}); call them directly to ask "would this fit?" of one function. Stateless and
 * thread-safe.
 */
public final class LambdaLimits {

    private LambdaLimits() {
    }

    /**
     * The form of Lambda's runtime identifiers, family by family
     * (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html: "a unique runtime identifier, such as
     * nodejs24.x or python3.14"), deprecated ones included: a version the list does not know yet still matches, and
     * a misspelt family ({@code jva21}) does not, since it would change whether SnapStart is charged.
     */
    static final java.util.regex.Pattern RUNTIME = java.util.regex.Pattern.compile(
            "nodejs(\\d+\\.x)?|python\\d\\.\\d+|java\\d+(\\.al2)?|dotnet(core)?\\d+(\\.\\d+)?|ruby\\d\\.\\d+"
                    + "|provided(\\.al2(023)?)?|go1\\.x");

    /**
     * Validates against AWS's default quotas.
     *
     * @param fn the function to check
     * @param prices the price book whose limits and quotas it is checked against
     * @return every violation found, possibly none
     */
    public static ValidationReport validate(LambdaFunction fn, PriceBook prices) {
        return validate(fn, prices, AccountQuotas.DEFAULTS);
    }

    /**
     * @param fn the function
     * @param prices the price book whose Lambda limits apply
     * @param quotas the account's raised quotas, if any
     * @return every violation found
     */
    public static ValidationReport validate(LambdaFunction fn, PriceBook prices, AccountQuotas quotas) {
        return check(fn, prices.tables(LambdaTables.SCHEMA), quotas);
    }

    static ValidationReport check(LambdaFunction fn, LambdaTables t, AccountQuotas quotas) {
        List<Violation> out = new ArrayList<>(0); // no array until a violation is found
        String name = fn.name();
        String service = LambdaService.INSTANCE.title();
        LambdaConfiguration c = fn.configuration();
        LambdaTables.Fixed f = t.fixed();
        // The whole-number limits are checked as longs first; only a value outside them builds a message.
        if (f.memoryMb() == null || !f.memoryMb().accepts(fn.memoryMb())) {
            LimitChecks.range(out, name, service, t.memoryMb(), "memoryMb", BigDecimal.valueOf(fn.memoryMb()),
                    "lambda.memory.range");
        }
        if (f.ephemeralStorageMb() == null || !f.ephemeralStorageMb().accepts(fn.ephemeralStorageMb())) {
            LimitChecks.range(out, name, service, t.ephemeralStorageMb(), "ephemeralStorageMb",
                    BigDecimal.valueOf(fn.ephemeralStorageMb()), "lambda.ephemeral-storage.range");
        }
        fn.runtime().ifPresent(r -> {
            if (!RUNTIME.matcher(r).matches()) {
                out.add(new Violation("lambda.runtime.unknown", Severity.ERROR, name, "runtime",
                        io.github.computecost.internal.Json.excerpt(r), "a Lambda runtime identifier", name
                                + ": runtime \"" + io.github.computecost.internal.Json.excerpt(r) + "\" is not a Lambda "
                                + "runtime identifier (nodejs22.x, python3.13, java21, dotnet8, ruby3.4, "
                                + "provided.al2023, ...); it decides whether SnapStart is charged"));
            }
        });
        Limit timeout = t.timeoutSeconds();
        if (c.timeoutSeconds().isPresent()) {
            BigDecimal s = BigDecimal.valueOf(c.timeoutSeconds().get());
            LimitChecks.range(out, name, service, timeout, "timeoutSeconds", s, "lambda.timeout.range");
            if (timeout.accepts(s) && fn.averageDurationMs().compareTo(s.movePointRight(3)) > 0) {
                out.add(new Violation("lambda.duration.over-timeout", Severity.ERROR, name, "durationMs",
                        fn.averageDurationMs().toPlainString(), "at most timeoutSeconds × 1000 = "
                                + s.movePointRight(3).toPlainString() + " ms", name + ": durationMs "
                                + fn.averageDurationMs().toPlainString() + " is longer than the function's timeout of "
                                + s.toPlainString() + " s: invocations would time out"));
            }
        } else if (fn.averageDurationMs().compareTo(f.maxTimeoutMsExact()) > 0) {
            LimitChecks.timeout(out, name, "Lambda", timeout, fn.averageDurationMs(), "lambda.duration.timeout");
        }
        if (c == LambdaConfiguration.NONE) {
            return out.isEmpty() ? ValidationReport.EMPTY : new ValidationReport(out); // nothing more to check
        }
        c.environmentVariablesBytes().ifPresent(b -> LimitChecks.atMost(out, name, t.environmentVariablesBytes(),
                "environmentVariables", BigDecimal.valueOf(b), "lambda.environment.size", Severity.ERROR,
                "environment variables take " + b + " bytes, above Lambda's " + max(t.environmentVariablesBytes())
                        + " bytes for all variables together"));
        c.layers().ifPresent(l -> LimitChecks.atMost(out, name, t.layers(), "layers", BigDecimal.valueOf(l),
                "lambda.layers", Severity.ERROR, l + " layers, above Lambda's " + max(t.layers())));
        c.packageZippedMb().ifPresent(v -> LimitChecks.atMost(out, name, t.packageZippedMb(), "packageZippedMb", v,
                "lambda.package.zipped", Severity.WARNING, "a " + v.toPlainString() + " MB .zip is above the "
                        + max(t.packageZippedMb()) + " MB direct-upload limit: upload it through Amazon S3"));
        c.packageUnzippedMb().ifPresent(v -> LimitChecks.atMost(out, name, t.packageUnzippedMb(), "packageUnzippedMb",
                v, "lambda.package.unzipped", Severity.ERROR, v.toPlainString() + " MB unzipped (code and layers) is "
                        + "above Lambda's " + max(t.packageUnzippedMb()) + " MB"));
        c.containerImageMb().ifPresent(v -> LimitChecks.atMost(out, name, t.containerImageMb(), "containerImageMb", v,
                "lambda.image.size", Severity.ERROR, "a " + v.toPlainString() + " MB container image is above "
                        + "Lambda's " + max(t.containerImageMb()) + " MB"));
        boolean async = c.invocation() == LambdaConfiguration.Invocation.ASYNC;
        Limit payload = async ? t.payloadKbAsync() : t.payloadKbSync();
        c.payloadKb().ifPresent(v -> LimitChecks.atMost(out, name, payload, "payloadKb", v, "lambda.payload",
                Severity.ERROR, "a " + v.toPlainString() + " KB payload is above Lambda's " + max(payload) + " KB for "
                        + (async ? "asynchronous" : "synchronous") + " invocations"));
        peakConcurrency(fn).ifPresent(needed -> {
            Optional<Long> stated = quotas.get(LambdaService.CONCURRENT_EXECUTIONS);
            BigDecimal quota = stated.map(BigDecimal::valueOf).orElse(t.concurrentExecutions().max().orElseThrow());
            if (needed.compareTo(quota) > 0) {
                String whose = stated.isPresent() ? "the account's stated quota of " : "the default quota of ";
                out.add(new Violation("lambda.concurrency.quota", Severity.WARNING, name, "peakConcurrency",
                        whole(needed), whose + quota.toPlainString(), name + ": needs about " + whole(needed)
                                + " concurrent executions at peak (peak requests per second × duration), above "
                                + whose + quota.toPlainString() + " per region; requests above it are throttled "
                                + "unless AWS raises the quota"));
            }
        });
        return new ValidationReport(out);
    }

    /**
     * The checks of the newer billing models: cold starts, durable executions, Managed Instances. Each combination AWS
     * publishes no price for is refused, never guessed.
     *
     * @param instances the instance catalog Managed Instances are placed on, where the price book has one
     */
    static List<Violation> billingModels(LambdaFunction fn, LambdaTables t,
            Optional<io.github.computecost.service.InstanceHours> instances) {
        List<Violation> out = new ArrayList<>(0);
        String name = fn.name();
        if (fn.coldStarts().isPresent() && fn.provisionedConcurrency().isPresent()) {
            out.add(new Violation("lambda.cold-starts.provisioned", Severity.ERROR, name, "coldStarts", "given",
                    "only on functions without provisioned concurrency", name + ": coldStarts is for on-demand "
                            + "functions; provisioned environments are initialised ahead and billed as provisioned "
                            + "concurrency"));
        }
        fn.durable().ifPresent(d -> LimitChecks.range(out, name, "Lambda durable functions", t.durableRetentionDays(),
                "durable.retentionDays", d.retentionDays(), "lambda.durable.retention"));
        if (fn.managedInstances().isEmpty()) {
            return out;
        }
        ManagedInstances mi = fn.managedInstances().get();
        Map<String, Boolean> others = new java.util.LinkedHashMap<>();
        others.put("provisionedConcurrency", fn.provisionedConcurrency().isPresent());
        others.put("snapStart", fn.snapStart().isPresent());
        others.put("coldStarts", fn.coldStarts().isPresent());
        others.forEach((field, given) -> {
            if (given) {
                out.add(new Violation("lambda.managed-instances.combination", Severity.ERROR, name, field, "given",
                        "not with managedInstances", name + ": " + field + " with managedInstances: AWS publishes no "
                                + "price for the combination (Managed Instances bill instances, not duration)"));
            }
        });
        if (instances.isEmpty()) {
            out.add(new Violation("lambda.managed-instances.catalog", Severity.ERROR, name,
                    "managedInstances.instanceType", mi.instanceType(), "a price book with EC2 instances",
                    name + ": the price book has no EC2 instance catalog to price Managed Instances with"));
            return out;
        }
        Optional<io.github.computecost.service.InstanceHours.InstanceShape> shape = LimitChecks.instanceShape(out,
                "lambda.managed-instances.instance-type", name, "managedInstances.instanceType",
                Optional.of(mi.instanceType()), instances);
        if (shape.isPresent() && shape.get().architecture().isPresent()
                && !shape.get().architecture().get().equals(fn.architecture().awsName())) {
            out.add(new Violation("lambda.managed-instances.architecture", Severity.ERROR, name, "architecture",
                    fn.architecture().awsName(), shape.get().architecture().get(), name + ": architecture "
                            + fn.architecture().awsName() + " does not run on " + mi.instanceType() + " ("
                            + shape.get().architecture().get() + ")"));
        }
        return out;
    }

    /**
     * The concurrency a function needs at peak: peak requests per second × average duration in seconds; the
     * peak comes from {@code peakRequestsPerSecond}, or from the monthly average (AWS's 730-hour month,
     * {@link Calendar#SECONDS_PER_MONTH}) times {@code peakFactor}. Exact (the average rate is not rounded).
     *
     * @param fn the function
     * @return the concurrency, or empty when the workload states no peak
     */
    public static Optional<BigDecimal> peakConcurrency(LambdaFunction fn) {
        LambdaConfiguration c = fn.configuration();
        BigDecimal seconds = fn.averageDurationMs().movePointLeft(3);
        if (c.peakRequestsPerSecond().isPresent()) {
            return Optional.of(c.peakRequestsPerSecond().get().multiply(seconds));
        }
        return c.peakFactor().map(f -> BigDecimal.valueOf(fn.requestsPerMonth()).multiply(f).multiply(seconds)
                .divide(Calendar.SECONDS_PER_MONTH, MathContext.DECIMAL128));
    }

    static String whole(BigDecimal v) {
        return v.setScale(0, RoundingMode.CEILING).toPlainString();
    }

    private static String max(Limit limit) {
        return limit.max().orElseThrow().toPlainString();
    }
}
