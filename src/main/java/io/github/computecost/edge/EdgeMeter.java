package io.github.computecost.edge;

import io.github.computecost.limits.InvalidWorkloadException;
import io.github.computecost.estimate.MeteredResource;
import io.github.computecost.estimate.UsageRecord;
import io.github.computecost.limits.Severity;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.limits.Violation;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.RegionPrices;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Meters edge functions. Stateless and thread-safe. */
final class EdgeMeter {

    /** Price-book service of Lambda@Edge. */
    static final String LAMBDA_EDGE = "AWSLambdaEdge";
    /** Price-book service of CloudFront Functions. */
    static final String CLOUDFRONT = "AmazonCloudFront";

    static final String FLAT_RATE_NOTE = "Priced pay-as-you-go; CloudFront's flat-rate plans, which include edge "
            + "compute, are not modelled.";

    private static final BigDecimal MB_PER_GB = BigDecimal.valueOf(1024);
    private static final BigDecimal MS_PER_S = BigDecimal.valueOf(1000);

    private EdgeMeter() {
    }

    static MeteredResource meter(LambdaEdgeFunction fn, PriceBook prices) {
        ValidationReport report = EdgeLimits.validate(fn, prices);
        List<String> notes = checked(report);
        notes.add("Lambda@Edge has no free tier.");
        notes.add(FLAT_RATE_NOTE);
        BigDecimal requests = BigDecimal.valueOf(fn.requestsPerMonth());
        List<UsageRecord> usage = List.of(
                new UsageRecord("Lambda-Edge-Request", requests, false),
                new UsageRecord("Lambda-Edge-GB-Second", gbSeconds(requests, fn.averageDurationMs(), fn.memoryMb()), false));
        return new MeteredResource(fn.name(), LambdaEdgeFunction.TYPE, LAMBDA_EDGE, RegionPrices.GLOBAL, usage, notes);
    }

    static MeteredResource meter(CloudFrontFunction fn, PriceBook prices) {
        ValidationReport report = EdgeLimits.validate(fn, prices);
        List<String> notes = checked(report);
        notes.add(FLAT_RATE_NOTE);
        List<UsageRecord> usage = new ArrayList<>();
        BigDecimal invocations = BigDecimal.valueOf(fn.invocationsPerMonth());
        usage.add(new UsageRecord("Executions-CloudFrontFunctions", invocations, true));
        if (fn.keyValueStoreReadsPerInvocation() > 0) {
            usage.add(new UsageRecord("KeyValueStore-EdgeReads",
                    invocations.multiply(BigDecimal.valueOf(fn.keyValueStoreReadsPerInvocation())), true));
        }
        return new MeteredResource(fn.name(), CloudFrontFunction.TYPE, CLOUDFRONT, RegionPrices.GLOBAL, usage, notes);
    }

    /** GB-seconds of {@code requests} invocations of {@code durationMs} at {@code memoryMb}; exact. */
    static BigDecimal gbSeconds(BigDecimal requests, BigDecimal durationMs, int memoryMb) {
        return requests.multiply(durationMs).divide(MS_PER_S).multiply(BigDecimal.valueOf(memoryMb).divide(MB_PER_GB));
    }

    /** Throws on errors; returns the warnings as notes. */
    private static List<String> checked(ValidationReport report) {
        if (report.hasErrors()) {
            throw new InvalidWorkloadException(report);
        }
        List<String> notes = new ArrayList<>();
        for (Violation v : report.violations()) {
            if (v.severity() == Severity.WARNING) {
                notes.add("Warning: " + v.message() + ".");
            }
        }
        return notes;
    }
}
