package io.github.computecost.lambda;

import io.github.computecost.limits.Severity;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.limits.Violation;
import io.github.computecost.pricing.Limit;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.ServicePrices;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a {@link LambdaFunction} against the limits AWS documents for Lambda, read from the price book
 * (so they carry sources and change with the data). Stateless and thread-safe.
 */
public final class LambdaLimits {

    private LambdaLimits() {
    }

    /**
     * @param fn the function
     * @param prices the price book whose Lambda limits apply
     * @return every violation found
     */
    public static ValidationReport validate(LambdaFunction fn, PriceBook prices) {
        ServicePrices sp = prices.service(LambdaMeter.SERVICE);
        List<Violation> out = new ArrayList<>();
        check(out, fn, sp.requireLimit("memoryMb"), "memoryMb", BigDecimal.valueOf(fn.memoryMb()), "lambda.memory.range");
        check(out, fn, sp.requireLimit("ephemeralStorageMb"), "ephemeralStorageMb",
                BigDecimal.valueOf(fn.ephemeralStorageMb()), "lambda.ephemeral-storage.range");
        Limit timeout = sp.requireLimit("timeoutSeconds");
        timeout.max().ifPresent(max -> {
            BigDecimal maxMs = max.movePointRight(3);
            if (fn.averageDurationMs().compareTo(maxMs) > 0) {
                out.add(new Violation("lambda.duration.timeout", Severity.ERROR, fn.name(), "durationMs",
                        fn.averageDurationMs().toPlainString(), "at most " + maxMs.toPlainString() + " ms",
                        fn.name() + ": durationMs " + fn.averageDurationMs().toPlainString()
                                + " is longer than Lambda's maximum timeout of " + maxMs.toPlainString() + " ms"));
            }
        });
        return new ValidationReport(out);
    }

    private static void check(List<Violation> out, LambdaFunction fn, Limit limit, String field, BigDecimal value,
            String code) {
        if (!limit.accepts(value)) {
            out.add(new Violation(code, Severity.ERROR, fn.name(), field, value.toPlainString(), limit.describe(),
                    fn.name() + ": " + field + " " + value.toPlainString() + " is outside what AWS Lambda accepts: "
                            + limit.describe()));
        }
    }
}
