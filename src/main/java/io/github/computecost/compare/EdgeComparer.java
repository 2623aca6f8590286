package io.github.computecost.compare;

import io.github.computecost.limits.InvalidWorkloadException;
import io.github.computecost.edge.CloudFrontFunction;
import io.github.computecost.edge.EdgeEventType;
import io.github.computecost.edge.FunctionNeeds;
import io.github.computecost.edge.LambdaEdgeFunction;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.estimate.Meterable;
import io.github.computecost.money.Amounts;
import io.github.computecost.pricing.FreeTierAllowance;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.RegionPrices;
import io.github.computecost.pricing.ServicePrices;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares edge functions between Lambda@Edge and CloudFront Functions.
 *
 * <p>Each function is priced <em>alone</em>, as if it were the account's only edge function, with the free
 * tier on or off as asked: its own estimate in a workload is the place to see shared allowances. Costs come
 * from the same {@link Estimator} as {@code estimate}; the break-even volume from the same prices, as exact
 * {@link CostCurve}s.
 *
 * <p>Immutable and thread-safe.
 */
public final class EdgeComparer {

    static final String LAMBDA_EDGE = "AWSLambdaEdge";
    static final String CLOUDFRONT = "AmazonCloudFront";
    private static final BigDecimal ONE_KB_PER_MB = BigDecimal.valueOf(1024);

    private final PriceBook prices;
    private final boolean freeTier;

    private EdgeComparer(PriceBook prices, boolean freeTier) {
        this.prices = prices;
        this.freeTier = freeTier;
    }

    /** @return a comparer with the free tier applied */
    public static EdgeComparer of(PriceBook prices) {
        return new EdgeComparer(Objects.requireNonNull(prices, "prices"), true);
    }

    /** @return a comparer with the free tier on or off */
    public EdgeComparer freeTier(boolean on) {
        return new EdgeComparer(prices, on);
    }

    /**
     * Compares every edge function among {@code resources}, in order; other resources are skipped.
     *
     * @throws io.github.computecost.limits.InvalidWorkloadException if AWS would reject a function
     */
    public List<EdgeComparison> compareAll(List<? extends Meterable> resources) {
        List<EdgeComparison> out = new ArrayList<>();
        for (Meterable m : resources) {
            if (m instanceof LambdaEdgeFunction le) {
                out.add(compare(le));
            } else if (m instanceof CloudFrontFunction cf) {
                out.add(compare(cf));
            }
        }
        return out;
    }

    /**
     * A Lambda@Edge function against a CloudFront Function with the same traffic (no KeyValueStore reads).
     *
     * @throws io.github.computecost.limits.InvalidWorkloadException if AWS would reject the function
     */
    public EdgeComparison compare(LambdaEdgeFunction fn) {
        CloudFrontFunction asCff = CloudFrontFunction.of(fn.name(), fn.eventType(), fn.requestsPerMonth());
        BigDecimal leCost = cost(fn);
        List<String> assumptions = new ArrayList<>();
        assumptions.add("CloudFront Functions priced for the same " + fn.requestsPerMonth()
                + " invocations per month, with no KeyValueStore reads.");
        BigDecimal cffCost;
        if (fn.eventType().isViewer()) {
            cffCost = cost(asCff);
        } else {
            // CloudFront Functions have no origin events; price the invocations anyway, for the figure.
            cffCost = cost(CloudFrontFunction.of(fn.name(), EdgeEventType.VIEWER_REQUEST, fn.requestsPerMonth()));
            assumptions.add("CloudFront Functions cannot run on " + fn.eventType() + " events; its figure prices the "
                    + "same number of viewer-event invocations.");
        }
        CostCurve le = lambdaEdgeCurve(fn.memoryMb(), fn.averageDurationMs());
        CostCurve cff = cloudFrontCurve(0);
        return new EdgeComparison(fn.name(), LambdaEdgeFunction.TYPE, fn.eventType().awsName(), fn.requestsPerMonth(),
                prices.currency(), leCost, cffCost, breakEven(le, cff), breakEvenNote(le, cff),
                fit(fn), commonAssumptions(assumptions));
    }

    /**
     * A CloudFront Function against a Lambda@Edge function with the same traffic, of the memory and duration
     * the CloudFront Function names for it (128 MB and 1 ms unless it says otherwise).
     *
     * @throws io.github.computecost.limits.InvalidWorkloadException if AWS would reject the function
     */
    public EdgeComparison compare(CloudFrontFunction fn) {
        LambdaEdgeFunction asLe = LambdaEdgeFunction.of(fn.name(), fn.eventType(), fn.lambdaEdgeMemoryMb(),
                fn.invocationsPerMonth(), fn.lambdaEdgeDurationMs());
        List<String> assumptions = new ArrayList<>();
        assumptions.add("Lambda@Edge priced for the same " + fn.invocationsPerMonth() + " requests per month at "
                + fn.lambdaEdgeMemoryMb() + " MB and " + Amounts.plain(fn.lambdaEdgeDurationMs())
                + " ms billed per request (set lambdaEdgeMemoryMb and lambdaEdgeDurationMs to change this).");
        CostCurve le = lambdaEdgeCurve(fn.lambdaEdgeMemoryMb(), fn.lambdaEdgeDurationMs());
        CostCurve cff = cloudFrontCurve(fn.keyValueStoreReadsPerInvocation());
        BigDecimal cffCost = cost(fn);
        FitVerdict fit = FitVerdict.of(List.of(new FitVerdict.Check("service", Fit.FITS,
                "It already runs as a CloudFront Function.")));
        return new EdgeComparison(fn.name(), CloudFrontFunction.TYPE, fn.eventType().awsName(), fn.invocationsPerMonth(),
                prices.currency(), cost(asLe), cffCost, breakEven(le, cff), breakEvenNote(le, cff), fit,
                commonAssumptions(assumptions));
    }

    private List<String> commonAssumptions(List<String> assumptions) {
        assumptions.add("Priced alone, as the account's only edge function, free tier " + (freeTier ? "on" : "off")
                + "; pay-as-you-go (CloudFront flat-rate plans are not modelled).");
        return assumptions;
    }

    private BigDecimal cost(Meterable m) {
        return Estimator.of(prices).freeTier(freeTier).monthlyCostExact(m);
    }

    /** Lambda@Edge's cost per month as a function of requests: no free tier. */
    CostCurve lambdaEdgeCurve(int memoryMb, BigDecimal durationMs) {
        RegionPrices r = prices.service(LAMBDA_EDGE).region(RegionPrices.GLOBAL);
        BigDecimal gbSecondsPerRequest = durationMs.divide(BigDecimal.valueOf(1000))
                .multiply(BigDecimal.valueOf(memoryMb).divide(ONE_KB_PER_MB));
        return new CostCurve(List.of(
                term(r, "Lambda-Edge-Request", BigDecimal.ONE, BigDecimal.ZERO),
                term(r, "Lambda-Edge-GB-Second", gbSecondsPerRequest, BigDecimal.ZERO)));
    }

    /** CloudFront Functions' cost per month as a function of invocations, with the free allowances if on. */
    CostCurve cloudFrontCurve(long kvsReadsPerInvocation) {
        ServicePrices sp = prices.service(CLOUDFRONT);
        RegionPrices r = sp.region(RegionPrices.GLOBAL);
        List<CostCurve.Term> terms = new ArrayList<>();
        terms.add(term(r, "Executions-CloudFrontFunctions", BigDecimal.ONE, free(sp, "Executions-CloudFrontFunctions")));
        if (kvsReadsPerInvocation > 0) {
            terms.add(term(r, "KeyValueStore-EdgeReads", BigDecimal.valueOf(kvsReadsPerInvocation),
                    free(sp, "KeyValueStore-EdgeReads")));
        }
        return new CostCurve(terms);
    }

    private static CostCurve.Term term(RegionPrices r, String usageType, BigDecimal perRequest, BigDecimal free) {
        var table = r.table(usageType);
        if (table.isTiered()) {
            // Edge prices are flat today; a tiered table would need a curve with more kinks.
            throw new IllegalStateException("tiered prices are not supported in comparisons: " + usageType);
        }
        return new CostCurve.Term(table.usageType(), perRequest, free, table.tiers().get(0).unitPrice());
    }

    private BigDecimal free(ServicePrices sp, String usageType) {
        if (!freeTier) {
            return BigDecimal.ZERO;
        }
        return sp.freeTier().stream().filter(a -> a.baseUsageTypes().contains(usageType))
                .map(FreeTierAllowance::quantity).findFirst().orElse(BigDecimal.ZERO);
    }

    private static Optional<BigDecimal> breakEven(CostCurve le, CostCurve cff) {
        return BreakEven.solve(le, cff);
    }

    private static String breakEvenNote(CostCurve le, CostCurve cff) {
        Optional<BigDecimal> v = breakEven(le, cff);
        if (v.isPresent()) {
            return "the two cost the same at " + Amounts.plain(v.get().setScale(2, java.math.RoundingMode.HALF_UP))
                    + " requests per month";
        }
        // No crossing: the sign far out is the sign everywhere the costs differ.
        BigDecimal far = BigDecimal.TEN.pow(15);
        int c = le.cost(far).compareTo(cff.cost(far));
        String cheaper = c < 0 ? "Lambda@Edge" : "CloudFront Functions";
        return c == 0 ? "none: the two cost the same at every volume"
                : "none: " + cheaper + " is cheaper at every volume above 0";
    }

    /** Whether a Lambda@Edge function could run as a CloudFront Function; unknown needs are "cannot tell". */
    FitVerdict fit(LambdaEdgeFunction fn) {
        ServicePrices cf = prices.service(CLOUDFRONT);
        FunctionNeeds n = fn.needs();
        List<FitVerdict.Check> checks = new ArrayList<>();
        checks.add(cf.requireAllowedValues("eventTypes").contains(fn.eventType().awsName())
                ? new FitVerdict.Check("eventType", Fit.FITS, "CloudFront Functions run on " + fn.eventType() + " events.")
                : new FitVerdict.Check("eventType", Fit.DOES_NOT_FIT, "CloudFront Functions run only on viewer-request "
                        + "and viewer-response events, not " + fn.eventType() + "."));
        checks.add(n.runtime().map(rt -> rt.toLowerCase(Locale.ROOT).startsWith("nodejs")
                ? new FitVerdict.Check("runtime", Fit.FITS, "JavaScript (" + rt + ") can be ported to the CloudFront "
                        + "Functions runtime, a restricted JavaScript (cloudfront-js-2.0).")
                : new FitVerdict.Check("runtime", Fit.DOES_NOT_FIT, "CloudFront Functions run JavaScript only; " + rt
                        + " code must be rewritten."))
                .orElse(new FitVerdict.Check("runtime", Fit.CANNOT_TELL, "runtime not given; CloudFront Functions "
                        + "run JavaScript only.")));
        checks.add(need("network", n.needsNetwork(), "network access", "CloudFront Functions cannot make network calls."));
        checks.add(need("body", n.needsBody(), "the request body", "CloudFront Functions cannot read the request body."));
        checks.add(need("fileSystem", n.needsFileSystem(), "a file system", "CloudFront Functions have no file system."));
        checks.add(atMost("codeSize", n.codeSizeKb(), cf.requireLimit("functionSizeKb").max().orElseThrow(), "KB",
                "of code", "codeSizeKb", " (not adjustable)"));
        checks.add(atMost("memory", n.memoryUsedMb(), cf.requireLimit("functionMemoryMb").max().orElseThrow(), "MB",
                "used", "memoryUsedMb", ""));
        checks.add(fn.averageDurationMs().compareTo(BigDecimal.ONE) <= 0
                ? new FitVerdict.Check("executionTime", Fit.FITS, "At most 1 ms on Lambda@Edge; CloudFront "
                        + "Functions' limit is unpublished (AWS reports compute utilization), about 1 ms by "
                        + "third-party accounts: confirm with the ComputeUtilization metric.")
                : new FitVerdict.Check("executionTime", Fit.CANNOT_TELL, Amounts.plain(fn.averageDurationMs())
                        + " ms on Lambda@Edge; CloudFront Functions must finish within an unpublished, "
                        + "sub-millisecond-scale budget: test it with the CloudFront Functions test API."));
        return FitVerdict.of(checks);
    }

    private static FitVerdict.Check atMost(String name, Optional<BigDecimal> value, BigDecimal max, String unit,
            String what, String field, String aside) {
        String limit = Amounts.plain(max) + " " + unit;
        return value.map(v -> v.compareTo(max) <= 0
                ? new FitVerdict.Check(name, Fit.FITS, Amounts.plain(v) + " " + unit + " " + what + " is within the "
                        + limit + " limit.")
                : new FitVerdict.Check(name, Fit.DOES_NOT_FIT, Amounts.plain(v) + " " + unit + " " + what
                        + " is above CloudFront Functions' " + limit + " limit" + aside + "."))
                .orElse(new FitVerdict.Check(name, Fit.CANNOT_TELL, field + " not given; CloudFront Functions allow "
                        + limit + "."));
    }

    private static FitVerdict.Check need(String name, Optional<Boolean> needs, String what, String rule) {
        if (needs.isEmpty()) {
            return new FitVerdict.Check(name, Fit.CANNOT_TELL, "not said whether it needs " + what + "; " + rule);
        }
        return needs.get()
                ? new FitVerdict.Check(name, Fit.DOES_NOT_FIT, "It needs " + what + ": " + rule)
                : new FitVerdict.Check(name, Fit.FITS, "It does not need " + what + ".");
    }
}
