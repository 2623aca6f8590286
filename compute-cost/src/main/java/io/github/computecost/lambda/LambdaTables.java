package io.github.computecost.lambda;

import io.github.computecost.pricing.Limit;
import io.github.computecost.pricing.TableBinder;
import io.github.computecost.pricing.TableSchema;
import io.github.computecost.service.FixedPoint;
import java.math.BigDecimal;

/**
 * What Lambda's checks and meter read from its table, beyond prices: the limits on
 * https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html and the billing rules on
 * https://aws.amazon.com/lambda/pricing/, each with its sources in the table. Bound when the price book loads the
 * table: a table that lacks one fails then, naming its file and JSON path.
 *
 * @param memoryMb configured memory, MB (min and max)
 * @param ephemeralStorageMb configured /tmp, MB (min and max)
 * @param timeoutSeconds configured timeout, s (min and max)
 * @param environmentVariablesBytes all environment variables together, bytes (max)
 * @param layers layers per function (max)
 * @param packageZippedMb .zip package for direct upload, MB (max)
 * @param packageUnzippedMb unzipped code and layers, MB (max)
 * @param containerImageMb container image, MB (max)
 * @param payloadKbSync synchronous request or response payload, KB (max)
 * @param payloadKbAsync asynchronous event payload, KB (max)
 * @param concurrentExecutions the default concurrency quota per account and region (max; adjustable)
 * @param includedEphemeralStorageMb /tmp included in the price, MB
 * @param provisionedConcurrencyIncrementSeconds the block provisioned concurrency time is billed in, s
 * @param snapStartCacheMinimumSeconds the least SnapStart cache time billed per active version, s
 * @param durableRetentionDays a durable function's retention after completion, days (min and max)
 * @param durableKbPerGb the KB in a GB of durable data written, as AWS's example counts them
 * @param managedInstancesFeeRate the management fee of Lambda Managed Instances, as a share of the EC2 on-demand
 *     price (0.15)
 * @param fixed the same limits as {@code long}s, for the fixed-point route (null where one is not a whole number)
 */
public record LambdaTables(Limit memoryMb, Limit ephemeralStorageMb, Limit timeoutSeconds,
        Limit environmentVariablesBytes, Limit layers, Limit packageZippedMb, Limit packageUnzippedMb,
        Limit containerImageMb, Limit payloadKbSync, Limit payloadKbAsync, Limit concurrentExecutions,
        BigDecimal includedEphemeralStorageMb, BigDecimal provisionedConcurrencyIncrementSeconds,
        BigDecimal snapStartCacheMinimumSeconds, Limit durableRetentionDays, BigDecimal durableKbPerGb,
        BigDecimal managedInstancesFeeRate, Fixed fixed) {

    /**
     * The limits the fixed-point route checks, as whole numbers.
     *
     * @param memoryMb configured memory, or null
     * @param ephemeralStorageMb configured /tmp, or null
     * @param includedEphemeralStorageMb included /tmp, or -1 when not whole
     * @param maxTimeoutMs the longest timeout, ms, or -1 when not whole
     * @param maxTimeoutMsExact the longest timeout, ms, exact
     */
    public record Fixed(FixedPoint.Range memoryMb, FixedPoint.Range ephemeralStorageMb, long includedEphemeralStorageMb,
            long maxTimeoutMs, BigDecimal maxTimeoutMsExact) {
    }

    /** Lambda's schema, bound on its table. */
    public static final TableSchema<LambdaTables> SCHEMA = TableSchema.of(LambdaService.TABLE, LambdaTables::bind);

    private static LambdaTables bind(TableBinder t) {
        Limit memory = t.range("memoryMb");
        Limit storage = t.range("ephemeralStorageMb");
        Limit timeout = t.range("timeoutSeconds");
        BigDecimal included = t.billingRule("includedEphemeralStorageMb");
        Fixed fixed = new Fixed(FixedPoint.Range.of(memory), FixedPoint.Range.of(storage), whole(included),
                whole(timeout.max().orElseThrow().movePointRight(3)), timeout.max().orElseThrow().movePointRight(3));
        return new LambdaTables(memory, storage, timeout,
                t.limitWithMax("environmentVariablesBytes"), t.limitWithMax("layers"),
                t.limitWithMax("deploymentPackageZippedMb"), t.limitWithMax("deploymentPackageUnzippedMb"),
                t.limitWithMax("containerImageMb"), t.limitWithMax("payloadKb.sync"), t.limitWithMax("payloadKb.async"),
                t.limitWithMax("concurrentExecutions"), included,
                t.positiveBillingRule("provisionedConcurrencyIncrementSeconds"), t.billingRule("snapStartCacheMinimumSeconds"),
                t.range("durableRetentionDays"), t.positiveBillingRule("durableKbPerGb"),
                t.billingRule("managedInstancesFeeRate"), fixed);
    }

    private static long whole(BigDecimal v) {
        try {
            return v.longValueExact();
        } catch (ArithmeticException e) {
            return -1;
        }
    }

    /** @return the longest timeout, in ms */
    public BigDecimal maxTimeoutMs() {
        return timeoutSeconds.max().orElseThrow().movePointRight(3);
    }
}
