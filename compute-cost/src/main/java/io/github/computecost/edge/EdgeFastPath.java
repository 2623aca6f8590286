package io.github.computecost.edge;

import io.github.computecost.service.FixedPoint;
import io.github.computecost.service.FixedPointMeter;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The edge services' fixed-point routes, in {@code long}s, rated by the engine's fixed-point rater: a Lambda@Edge
 * function (requests and GB-seconds, no free tier) and a CloudFront Function (invocations and KeyValueStore reads,
 * with the account's free allowances). Each vouches only for what its checks would accept without error, with
 * nothing stated that only the full checks read (a Lambda@Edge function's needs, a CloudFront Function's code size);
 * it declines anything else, and overflow. Property tests hold them to the engine.
 */
final class EdgeFastPath {

    private static final FixedPoint.Card LAMBDA_EDGE = FixedPoint.Card.of(LambdaEdgeService.TABLE,
            EdgeMeter.LAMBDA_EDGE_REQUEST, EdgeMeter.LAMBDA_EDGE_DURATION);
    private static final FixedPoint.Card CLOUDFRONT = FixedPoint.Card.of(CloudFrontFunctionService.TABLE,
            EdgeMeter.CLOUDFRONT_INVOCATIONS, EdgeMeter.KEY_VALUE_STORE_READS);

    private EdgeFastPath() {
    }

    static final FixedPointMeter<LambdaEdgeFunction> LAMBDA_EDGE_ROUTE = (fn, context, freeTier) -> {
        EdgeTables.LambdaEdge t = fn.needs() != FunctionNeeds.UNKNOWN ? null
                : context.prices().tablesIfPriced(EdgeTables.LambdaEdge.SCHEMA);
        if (t == null) {
            return Optional.empty();
        }
        FixedPoint.Range memory = t.memoryRange();
        if (memory == null || !memory.accepts(fn.memoryMb()) || !t.eventTypes().contains(fn.eventType().awsName())
                || fn.averageDurationMs().compareTo(t.maxTimeoutMs()) > 0) {
            return Optional.empty(); // the engine reports the violation
        }
        FixedPoint.Rates rates = LAMBDA_EDGE.rates(context);
        if (rates == null) {
            return Optional.empty();
        }
        try {
            BigDecimal d = fn.averageDurationMs();
            int s = Math.max(0, d.scale());
            long duration = FixedPoint.unscaled(d, s);
            long requests = fn.requestsPerMonth();
            return Optional.of(rates.sum(freeTier).set(0, requests, 0, 0, false)
                    .set(1, Math.multiplyExact(Math.multiplyExact(requests, duration), fn.memoryMb()), s + 3, 10, false)
                    .total());
        } catch (ArithmeticException overflow) {
            return Optional.empty();
        }
    };

    static final FixedPointMeter<CloudFrontFunction> CLOUDFRONT_ROUTE = (fn, context, freeTier) -> {
        EdgeTables.CloudFront t = fn.codeSizeKb().isPresent() ? null
                : context.prices().tablesIfPriced(EdgeTables.CloudFront.SCHEMA);
        if (t == null || !t.eventTypes().contains(fn.eventType().awsName())) {
            return Optional.empty();
        }
        EdgeTables.LambdaEdge le = context.prices().tablesIfPriced(EdgeTables.LambdaEdge.SCHEMA);
        if (le != null && (le.memoryRange() == null || !le.memoryRange().accepts(fn.lambdaEdgeMemoryMb()))) {
            return Optional.empty(); // the comparison's memory is checked too: the engine reports it
        }
        FixedPoint.Rates rates = CLOUDFRONT.rates(context);
        if (rates == null) {
            return Optional.empty();
        }
        try {
            long invocations = fn.invocationsPerMonth();
            return Optional.of(rates.sum(freeTier).set(0, invocations, 0, 0, true)
                    .set(1, Math.multiplyExact(invocations, fn.keyValueStoreReadsPerInvocation()), 0, 0, true).total());
        } catch (ArithmeticException overflow) {
            return Optional.empty();
        }
    };
}
