package io.github.computecost.spec;

import io.github.computecost.estimate.Estimator;
import io.github.computecost.estimate.Meterable;
import io.github.computecost.lambda.LambdaFunction;
import io.github.computecost.lambda.LambdaLimits;
import io.github.computecost.limits.Severity;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.limits.Violation;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.UnknownRegionException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks every resource of a workload against its service's limits, and the limits resources share: Lambda's
 * concurrency quota is per account and region, so the peak concurrency of all functions in a region is checked
 * against it too. Stateless and thread-safe.
 */
public final class WorkloadValidator {

    private WorkloadValidator() {
    }

    /**
     * @param w the workload
     * @param prices the price book whose limits apply
     * @return every violation, resource by resource, then the shared ones
     */
    public static ValidationReport validate(Workload w, PriceBook prices) {
        List<Violation> out = new ArrayList<>(w.findings());
        Map<String, BigDecimal> lambdaPeakByRegion = new LinkedHashMap<>();
        Map<String, Integer> lambdaCountByRegion = new LinkedHashMap<>();
        String defaultRegion = w.region().orElse(Estimator.DEFAULT_REGION);
        for (Meterable m : w.resources()) {
            if (m instanceof LambdaFunction fn) {
                out.addAll(LambdaLimits.validate(fn, prices, w.quotas()).violations());
                String region = fn.region().orElse(defaultRegion);
                LambdaLimits.peakConcurrency(fn).ifPresent(c -> {
                    lambdaPeakByRegion.merge(region, c, BigDecimal::add);
                    lambdaCountByRegion.merge(region, 1, Integer::sum);
                });
            } else {
                out.addAll(m.validate(prices).violations());
            }
            regionKnown(out, m, defaultRegion, prices);
        }
        BigDecimal quota = w.quotas().lambdaConcurrentExecutions().map(BigDecimal::valueOf)
                .orElse(prices.service("AWSLambda").requireLimit("concurrentExecutions").max().orElseThrow());
        lambdaPeakByRegion.forEach((region, total) -> {
            if (lambdaCountByRegion.get(region) > 1 && total.compareTo(quota) > 0) {
                String needed = total.setScale(0, RoundingMode.CEILING).toPlainString();
                out.add(new Violation("lambda.concurrency.region-quota", Severity.WARNING, region, "peakConcurrency",
                        needed, quota.toPlainString(), region + ": the functions together need about " + needed
                                + " concurrent executions at peak, above the " + quota.toPlainString()
                                + " the account has in the region (one quota shared by all functions)"));
            }
        });
        return new ValidationReport(out);
    }

    /** Reports a region the price book does not price, by metering the resource (limit errors are reported above). */
    private static void regionKnown(List<Violation> out, Meterable m, String defaultRegion, PriceBook prices) {
        try {
            m.meter(prices, defaultRegion);
        } catch (UnknownRegionException e) {
            out.add(new Violation("region.unknown", Severity.ERROR, m.name(), "region", e.region(), "a priced region",
                    m.name() + ": " + e.getMessage()));
        } catch (io.github.computecost.ComputeCostException e) {
            // limit errors and missing price tables: reported by the validators, or by estimate
        }
    }
}
