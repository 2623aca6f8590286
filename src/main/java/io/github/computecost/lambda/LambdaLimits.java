package io.github.computecost.lambda;

import io.github.computecost.internal.LimitChecks;
import io.github.computecost.limits.AccountQuotas;
import io.github.computecost.limits.Severity;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.limits.Violation;
import io.github.computecost.pricing.Limit;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.ServicePrices;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a {@link LambdaFunction} against the limits AWS documents for Lambda, read from the price book
 * (so they carry sources and change with the data). Errors: AWS would reject the configuration. Warnings:
 * it deploys, but would need S3 for its package or more concurrency than the account's quota.
 * Stateless and thread-safe.
 */
public final class LambdaLimits {

    private static final String SERVICE_NAME = "AWS Lambda";
    /** Seconds in AWS's 730-hour month, for average request rates. */
    private static final BigDecimal SECONDS_PER_MONTH = BigDecimal.valueOf(730L * 3600);

    private LambdaLimits() {
    }

    /** Validates against AWS's default quotas. */
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
        ServicePrices sp = prices.service(LambdaMeter.SERVICE);
        List<Violation> out = new ArrayList<>();
        String name = fn.name();
        LambdaConfiguration c = fn.configuration();
        LimitChecks.range(out, name, SERVICE_NAME, sp.requireLimit("memoryMb"), "memoryMb",
                BigDecimal.valueOf(fn.memoryMb()), "lambda.memory.range");
        LimitChecks.range(out, name, SERVICE_NAME, sp.requireLimit("ephemeralStorageMb"), "ephemeralStorageMb",
                BigDecimal.valueOf(fn.ephemeralStorageMb()), "lambda.ephemeral-storage.range");
        Limit timeout = sp.requireLimit("timeoutSeconds");
        if (c.timeoutSeconds().isPresent()) {
            BigDecimal t = BigDecimal.valueOf(c.timeoutSeconds().get());
            LimitChecks.range(out, name, SERVICE_NAME, timeout, "timeoutSeconds", t, "lambda.timeout.range");
            if (timeout.accepts(t) && fn.averageDurationMs().compareTo(t.movePointRight(3)) > 0) {
                out.add(new Violation("lambda.duration.over-timeout", Severity.ERROR, name, "durationMs",
                        fn.averageDurationMs().toPlainString(), "at most timeoutSeconds × 1000 = "
                                + t.movePointRight(3).toPlainString() + " ms", name + ": durationMs "
                                + fn.averageDurationMs().toPlainString() + " is longer than the function's timeout of "
                                + t.toPlainString() + " s: invocations would time out"));
            }
        } else {
            LimitChecks.timeout(out, name, "Lambda", timeout, fn.averageDurationMs(), "lambda.duration.timeout");
        }
        c.environmentVariablesBytes().ifPresent(b -> atMost(out, name, sp.requireLimit("environmentVariablesBytes"),
                "environmentVariables", BigDecimal.valueOf(b), "lambda.environment.size", Severity.ERROR,
                "environment variables take " + b + " bytes, above Lambda's " + max(sp, "environmentVariablesBytes")
                        + " bytes for all variables together"));
        c.layers().ifPresent(l -> atMost(out, name, sp.requireLimit("layers"), "layers", BigDecimal.valueOf(l),
                "lambda.layers", Severity.ERROR, l + " layers, above Lambda's " + max(sp, "layers")));
        c.packageZippedMb().ifPresent(v -> atMost(out, name, sp.requireLimit("deploymentPackageZippedMb"),
                "packageZippedMb", v, "lambda.package.zipped", Severity.WARNING, "a " + v.toPlainString()
                        + " MB .zip is above the " + max(sp, "deploymentPackageZippedMb") + " MB direct-upload limit: "
                        + "upload it through Amazon S3"));
        c.packageUnzippedMb().ifPresent(v -> atMost(out, name, sp.requireLimit("deploymentPackageUnzippedMb"),
                "packageUnzippedMb", v, "lambda.package.unzipped", Severity.ERROR, v.toPlainString()
                        + " MB unzipped (code and layers) is above Lambda's " + max(sp, "deploymentPackageUnzippedMb")
                        + " MB"));
        c.containerImageMb().ifPresent(v -> atMost(out, name, sp.requireLimit("containerImageMb"), "containerImageMb",
                v, "lambda.image.size", Severity.ERROR, "a " + v.toPlainString() + " MB container image is above "
                        + "Lambda's " + max(sp, "containerImageMb") + " MB"));
        String payloadLimit = c.invocation() == LambdaConfiguration.Invocation.ASYNC ? "payloadKb.async" : "payloadKb.sync";
        c.payloadKb().ifPresent(v -> atMost(out, name, sp.requireLimit(payloadLimit), "payloadKb", v,
                "lambda.payload", Severity.ERROR, "a " + v.toPlainString() + " KB payload is above Lambda's "
                        + max(sp, payloadLimit) + " KB for " + (c.invocation() == LambdaConfiguration.Invocation.ASYNC
                                ? "asynchronous" : "synchronous") + " invocations"));
        peakConcurrency(fn).ifPresent(needed -> {
            Limit q = sp.requireLimit("concurrentExecutions");
            BigDecimal quota = quotas.lambdaConcurrentExecutions().map(BigDecimal::valueOf)
                    .orElse(q.max().orElseThrow());
            if (needed.compareTo(quota) > 0) {
                String whose = quotas.lambdaConcurrentExecutions().isPresent() ? "the account's stated quota of "
                        : "the default quota of ";
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
     * The concurrency a function needs at peak: peak requests per second × average duration in seconds; the
     * peak comes from {@code peakRequestsPerSecond}, or from the monthly average (730-hour month) times
     * {@code peakFactor}. Exact (the average rate is not rounded).
     *
     * @return the concurrency, or empty when the workload states no peak
     */
    public static Optional<BigDecimal> peakConcurrency(LambdaFunction fn) {
        LambdaConfiguration c = fn.configuration();
        BigDecimal seconds = fn.averageDurationMs().movePointLeft(3);
        if (c.peakRequestsPerSecond().isPresent()) {
            return Optional.of(c.peakRequestsPerSecond().get().multiply(seconds));
        }
        return c.peakFactor().map(f -> BigDecimal.valueOf(fn.requestsPerMonth()).multiply(f).multiply(seconds)
                .divide(SECONDS_PER_MONTH, java.math.MathContext.DECIMAL128));
    }

    static String whole(BigDecimal v) {
        return v.setScale(0, RoundingMode.CEILING).toPlainString();
    }

    private static String max(ServicePrices sp, String limit) {
        return sp.requireLimit(limit).max().orElseThrow().toPlainString();
    }

    private static void atMost(List<Violation> out, String name, Limit limit, String field, BigDecimal value,
            String code, Severity severity, String message) {
        LimitChecks.atMost(out, name, limit, field, value, code, severity, message);
    }
}
