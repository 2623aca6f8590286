package io.github.computecost.edge;

import io.github.computecost.pricing.RegionPrices;
import io.github.computecost.service.MeteredResource;
import io.github.computecost.service.UsageRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Meters valid edge functions (it validates nothing: the estimator has). Stateless and thread-safe. */
final class EdgeMeter {

    static final String FLAT_RATE_NOTE = "Priced pay-as-you-go; CloudFront's flat-rate plans, which include edge "
            + "compute, are not modelled.";

    static final String LAMBDA_EDGE_REQUEST = "Lambda-Edge-Request";
    static final String LAMBDA_EDGE_DURATION = "Lambda-Edge-GB-Second";
    static final String CLOUDFRONT_INVOCATIONS = "Executions-CloudFrontFunctions";
    static final String KEY_VALUE_STORE_READS = "KeyValueStore-EdgeReads";

    private static final BigDecimal MB_PER_GB = BigDecimal.valueOf(1024);
    private static final BigDecimal MS_PER_S = BigDecimal.valueOf(1000);

    private EdgeMeter() {
    }

    static MeteredResource meter(LambdaEdgeFunction fn) {
        List<String> notes = List.of("Lambda@Edge has no free tier.", FLAT_RATE_NOTE);
        BigDecimal requests = BigDecimal.valueOf(fn.requestsPerMonth());
        List<UsageRecord> usage = List.of(
                new UsageRecord(LAMBDA_EDGE_REQUEST, requests, false),
                new UsageRecord(LAMBDA_EDGE_DURATION, gbSeconds(requests, fn.averageDurationMs(), fn.memoryMb()), false));
        return new MeteredResource(fn.name(), LambdaEdgeFunction.TYPE, LambdaEdgeService.TABLE, RegionPrices.GLOBAL,
                usage, notes);
    }

    static MeteredResource meter(CloudFrontFunction fn) {
        List<UsageRecord> usage = new ArrayList<>(2);
        BigDecimal invocations = BigDecimal.valueOf(fn.invocationsPerMonth());
        usage.add(new UsageRecord(CLOUDFRONT_INVOCATIONS, invocations, true));
        if (fn.keyValueStoreReadsPerInvocation() > 0) {
            usage.add(new UsageRecord(KEY_VALUE_STORE_READS,
                    invocations.multiply(BigDecimal.valueOf(fn.keyValueStoreReadsPerInvocation())), true));
        }
        return new MeteredResource(fn.name(), CloudFrontFunction.TYPE, CloudFrontFunctionService.TABLE,
                RegionPrices.GLOBAL, usage, List.of(FLAT_RATE_NOTE));
    }

    /** GB-seconds of {@code requests} invocations of {@code durationMs} at {@code memoryMb}; exact. */
    static BigDecimal gbSeconds(BigDecimal requests, BigDecimal durationMs, int memoryMb) {
        return requests.multiply(durationMs).divide(MS_PER_S).multiply(BigDecimal.valueOf(memoryMb).divide(MB_PER_GB));
    }
}
