package io.github.computecost.lambda;

import io.github.computecost.internal.LimitChecks;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.limits.Violation;
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

    private static final String SERVICE_NAME = "AWS Lambda";

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
        LimitChecks.range(out, fn.name(), SERVICE_NAME, sp.requireLimit("memoryMb"), "memoryMb",
                BigDecimal.valueOf(fn.memoryMb()), "lambda.memory.range");
        LimitChecks.range(out, fn.name(), SERVICE_NAME, sp.requireLimit("ephemeralStorageMb"), "ephemeralStorageMb",
                BigDecimal.valueOf(fn.ephemeralStorageMb()), "lambda.ephemeral-storage.range");
        LimitChecks.timeout(out, fn.name(), SERVICE_NAME, sp.requireLimit("timeoutSeconds"), fn.averageDurationMs(),
                "lambda.duration.timeout");
        return new ValidationReport(out);
    }
}
