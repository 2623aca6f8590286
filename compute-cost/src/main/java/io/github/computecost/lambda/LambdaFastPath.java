package io.github.computecost.lambda;

import io.github.computecost.compute.Architecture;
import io.github.computecost.service.FixedPoint;
import io.github.computecost.service.FixedPointMeter;
import io.github.computecost.service.ServiceContext;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Lambda's fixed-point route: one plain function (requests, tiered duration, ephemeral storage, free tier) metered in
 * {@code long}s and rated by the engine's fixed-point rater ({@link FixedPoint}). A duration of s decimals makes
 * GB-seconds the integer N = requests × duration × 10^s × memoryMb over 10^(s+3) × 2^10, exactly. It declines (and
 * the estimator uses the engine) for anything it does not vouch for: provisioned concurrency, SnapStart, cold starts, durable executions, Managed Instances, any setting
 * only the full check reads (timeout, packages, peak traffic), a limit outside the table's, a duration of more than
 * 6 decimals, an unpriced region or price, and overflow. A property test holds it to the engine to the last digit.
 */
final class LambdaFastPath implements FixedPointMeter<LambdaFunction> {

    static final LambdaFastPath INSTANCE = new LambdaFastPath();

    private static final FixedPoint.Card X86 = card(false);
    private static final FixedPoint.Card ARM = card(true);

    /** Requests, duration and storage: the slots of the meter's usage types on one architecture. */
    private static FixedPoint.Card card(boolean arm64) {
        return FixedPoint.Card.of(LambdaService.TABLE, LambdaMeter.usageType(LambdaMeter.REQUEST, arm64),
                LambdaMeter.usageType(LambdaMeter.DURATION, arm64), LambdaMeter.usageType(LambdaMeter.STORAGE, arm64));
    }

    private LambdaFastPath() {
    }

    @Override
    public Optional<BigDecimal> monthlyCost(LambdaFunction fn, ServiceContext context, boolean freeTier) {
        if (fn.provisionedConcurrency().isPresent() || fn.snapStart().isPresent()
                || fn.configuration() != LambdaConfiguration.NONE || fn.coldStarts().isPresent()
                || fn.durable().isPresent() || fn.managedInstances().isPresent()
                || fn.runtime().isPresent() && !LambdaLimits.RUNTIME.matcher(fn.runtime().get()).matches()) {
            return Optional.empty();
        }
        LambdaTables tables = context.prices().tablesIfPriced(LambdaTables.SCHEMA);
        if (tables == null) {
            return Optional.empty();
        }
        LambdaTables.Fixed limits = tables.fixed();
        if (limits.memoryMb() == null || limits.ephemeralStorageMb() == null || limits.maxTimeoutMs() < 0
                || limits.includedEphemeralStorageMb() < 0 || !limits.memoryMb().accepts(fn.memoryMb())
                || !limits.ephemeralStorageMb().accepts(fn.ephemeralStorageMb())) {
            return Optional.empty(); // the engine reports the violation
        }
        FixedPoint.Rates rates = (fn.architecture() == Architecture.ARM64 ? ARM : X86).rates(context);
        if (rates == null) {
            return Optional.empty(); // an unpriced region or price: the engine names it
        }
        BigDecimal d = fn.averageDurationMs();
        if (d.scale() > 0) {
            d = d.stripTrailingZeros(); // "120.000" is 120: three fewer digits to carry
        }
        if (d.scale() < 0) {
            d = d.setScale(0);
        }
        int s = d.scale();
        if (s > 6 || d.precision() > 18) {
            return Optional.empty();
        }
        try {
            long duration = s == 0 ? d.longValueExact() : d.movePointRight(s).longValueExact();
            if (duration > Math.multiplyExact(limits.maxTimeoutMs(), FixedPoint.pow10(s))) {
                return Optional.empty(); // longer than Lambda's timeout: the engine reports it
            }
            long requests = fn.requestsPerMonth();
            long perRequest = Math.multiplyExact(requests, duration);
            FixedPoint.Sum sum = rates.sum(freeTier)
                    .set(0, requests, 0, 0, true)
                    .set(1, Math.multiplyExact(perRequest, fn.memoryMb()), s + 3, 10, true);
            long extraMb = fn.ephemeralStorageMb() - limits.includedEphemeralStorageMb();
            if (extraMb > 0) {
                sum.set(2, Math.multiplyExact(perRequest, extraMb), s + 3, 10, true);
            }
            return Optional.of(sum.total());
        } catch (ArithmeticException overflow) {
            return Optional.empty();
        }
    }
}
