package io.github.computecost.edge;

import io.github.computecost.service.FixedPoint;
import io.github.computecost.service.FixedPointMeter;
import io.github.computecost.service.ServiceContext;
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

    /** What a function's shape resolves to in one price book: a loop over one shape skips the lookups and checks. */
    private record Bound(io.github.computecost.pricing.PriceBook prices, String region, EdgeEventType eventType,
            int memoryMb, BigDecimal maxDurationMs, FixedPoint.Rates rates) {
        boolean matches(ServiceContext c, EdgeEventType e, int memory) {
            return prices == c.prices() && eventType == e && memoryMb == memory
                    && (region == c.region() || region.equals(c.region()));
        }
    }

    /** The last shapes priced (immutable values: a race between threads only resolves them again). */
    private static volatile Bound lastLambdaEdge;
    private static volatile Bound lastCloudFront;

    static final FixedPointMeter<LambdaEdgeFunction> LAMBDA_EDGE_ROUTE = (fn, context, freeTier) -> {
        if (fn.needs() != FunctionNeeds.UNKNOWN) {
            return Optional.empty();
        }
        Bound b = lastLambdaEdge;
        if (b == null || !b.matches(context, fn.eventType(), fn.memoryMb())) {
            EdgeTables.LambdaEdge t = context.prices().tablesIfPriced(EdgeTables.LambdaEdge.SCHEMA);
            if (t == null) {
                return Optional.empty();
            }
            FixedPoint.Range memory = t.memoryRange();
            if (memory == null || !memory.accepts(fn.memoryMb())
                    || !t.eventTypes().contains(fn.eventType().awsName())) {
                return Optional.empty(); // the engine reports the violation
            }
            FixedPoint.Rates rates = LAMBDA_EDGE.rates(context);
            if (rates == null) {
                return Optional.empty();
            }
            b = new Bound(context.prices(), context.region(), fn.eventType(), fn.memoryMb(), t.maxTimeoutMs(), rates);
            lastLambdaEdge = b;
        }
        if (fn.averageDurationMs().compareTo(b.maxDurationMs()) > 0) {
            return Optional.empty(); // the engine reports the violation
        }
        try {
            BigDecimal d = fn.averageDurationMs();
            int s = Math.max(0, d.scale());
            long duration = FixedPoint.unscaled(d, s);
            long requests = fn.requestsPerMonth();
            return Optional.of(b.rates().two(requests, 0, 0, Math.multiplyExact(Math.multiplyExact(requests, duration),
                    fn.memoryMb()), s + 3, 10, false, freeTier));
        } catch (ArithmeticException overflow) {
            return Optional.empty();
        }
    };

    static final FixedPointMeter<CloudFrontFunction> CLOUDFRONT_ROUTE = (fn, context, freeTier) -> {
        if (fn.codeSizeKb().isPresent()) {
            return Optional.empty();
        }
        Bound b = lastCloudFront;
        if (b == null || !b.matches(context, fn.eventType(), fn.lambdaEdgeMemoryMb())) {
            EdgeTables.CloudFront t = context.prices().tablesIfPriced(EdgeTables.CloudFront.SCHEMA);
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
            b = new Bound(context.prices(), context.region(), fn.eventType(), fn.lambdaEdgeMemoryMb(), BigDecimal.ZERO,
                    rates);
            lastCloudFront = b;
        }
        try {
            long invocations = fn.invocationsPerMonth();
            return Optional.of(b.rates().two(invocations, 0, 0, Math.multiplyExact(invocations,
                    fn.keyValueStoreReadsPerInvocation()), 0, 0, true, freeTier));
        } catch (ArithmeticException overflow) {
            return Optional.empty();
        }
    };
}
