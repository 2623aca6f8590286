package io.github.computecost.compare;

import io.github.computecost.limits.InvalidWorkloadException;
import io.github.computecost.edge.CloudFrontFunction;
import io.github.computecost.edge.EdgeEventType;
import io.github.computecost.edge.EdgeTables;
import io.github.computecost.edge.FunctionNeeds;
import io.github.computecost.edge.LambdaEdgeFunction;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.estimate.CostFunction;
import io.github.computecost.service.Resource;
import io.github.computecost.money.Amounts;
import io.github.computecost.pricing.PriceBook;
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
 * from the same {@link Estimator} as {@code estimate}; the break-even volume from the two functions'
 * {@link CostFunction}s, derived from the same engine.
 *
 * <p>Immutable and thread-safe.
 */
public final class EdgeComparer {


    /** The Price List service codes of the tables an edge comparison prices from. */
    public static final List<String> TABLES = List.of(io.github.computecost.edge.LambdaEdgeService.TABLE,
            io.github.computecost.edge.CloudFrontFunctionService.TABLE);

    private final PriceBook prices;
    private final boolean freeTier;

    private EdgeComparer(PriceBook prices, boolean freeTier) {
        this.prices = prices;
        this.freeTier = freeTier;
    }

    /**
     * @param prices the price book to rate against
     * @return a comparer with the free tier applied
     */
    public static EdgeComparer of(PriceBook prices) {
        return new EdgeComparer(Objects.requireNonNull(prices, "prices"), true);
    }

    /**
     * @param on whether the account-wide free tier applies
     * @return a comparer with the free tier on or off
     */
    public EdgeComparer freeTier(boolean on) {
        return new EdgeComparer(prices, on);
    }

    /**
     * Compares every edge function among {@code resources}, in order; other resources are skipped.
     *
     * @param resources the resources of a workload
     * @return one comparison per edge function, in order
     * @throws io.github.computecost.limits.InvalidWorkloadException if AWS would reject a function
     */
    public List<EdgeComparison> compareAll(List<? extends Resource> resources) {
        List<EdgeComparison> out = new ArrayList<>();
        for (Resource m : resources) {
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
     * @param fn the Lambda@Edge function
     * @return the comparison
     * @throws io.github.computecost.limits.InvalidWorkloadException if AWS would reject the function
     */
    public EdgeComparison compare(LambdaEdgeFunction fn) {
        CloudFrontFunction asCff = CloudFrontFunction.builder(fn.name()).eventType(fn.eventType()).invocationsPerMonth(fn.requestsPerMonth()).build();
        BigDecimal leCost = cost(fn);
        List<String> assumptions = new ArrayList<>();
        assumptions.add("CloudFront Functions priced for the same " + fn.requestsPerMonth()
                + " invocations per month, with no KeyValueStore reads.");
        BigDecimal cffCost;
        if (fn.eventType().isViewer()) {
            cffCost = cost(asCff);
        } else {
            // CloudFront Functions have no origin events; price the invocations anyway, for the figure.
            cffCost = cost(CloudFrontFunction.builder(fn.name()).eventType(EdgeEventType.VIEWER_REQUEST).invocationsPerMonth(fn.requestsPerMonth()).build());
            assumptions.add("CloudFront Functions cannot run on " + fn.eventType() + " events; its figure prices the "
                    + "same number of viewer-event invocations.");
        }
        CostFunction le = estimator().costFunction(fn::withRequestsPerMonth);
        CostFunction cff = estimator().costFunction(v -> CloudFrontFunction.builder(fn.name()).eventType(EdgeEventType.VIEWER_REQUEST).invocationsPerMonth(v).build());
        Optional<BigDecimal> regional = regionalBehindApi(fn.name(), fn.memoryMb(), fn.requestsPerMonth(),
                fn.averageDurationMs());
        regional.ifPresent(c -> assumptions.add("For reference, the same function as a regional Lambda (" + REGIONAL
                + ", x86_64, " + fn.memoryMb() + " MB) behind an API Gateway HTTP API costs both: the function and the "
                + "API's requests, without CloudFront's edge."));
        return new EdgeComparison(fn.name(), LambdaEdgeFunction.TYPE, fn.eventType().awsName(), fn.requestsPerMonth(),
                prices.currency(), leCost, cffCost, breakEven(le, cff), breakEvenNote(le, cff),
                fit(fn), commonAssumptions(assumptions), regional);
    }

    /**
     * A CloudFront Function against a Lambda@Edge function with the same traffic, of the memory and duration
     * the CloudFront Function names for it (128 MB and 1 ms unless it says otherwise).
     *
     * @param fn the CloudFront Function
     * @return the comparison
     * @throws io.github.computecost.limits.InvalidWorkloadException if AWS would reject the function
     */
    public EdgeComparison compare(CloudFrontFunction fn) {
        LambdaEdgeFunction asLe = LambdaEdgeFunction.builder(fn.name()).eventType(fn.eventType()).memoryMb(fn.lambdaEdgeMemoryMb()).requestsPerMonth(fn.invocationsPerMonth()).averageDurationMs(fn.lambdaEdgeDurationMs()).build();
        List<String> assumptions = new ArrayList<>();
        assumptions.add("Lambda@Edge priced for the same " + fn.invocationsPerMonth() + " requests per month at "
                + fn.lambdaEdgeMemoryMb() + " MB and " + Amounts.plain(fn.lambdaEdgeDurationMs())
                + " ms billed per request (set lambdaEdgeMemoryMb and lambdaEdgeDurationMs to change this).");
        CostFunction le = estimator().costFunction(asLe::withRequestsPerMonth);
        CostFunction cff = estimator().costFunction(fn::withInvocationsPerMonth);
        BigDecimal cffCost = cost(fn);
        FitVerdict fit = FitVerdict.of(List.of(new FitVerdict.Check("service", Fit.FITS,
                "It already runs as a CloudFront Function.")));
        return new EdgeComparison(fn.name(), CloudFrontFunction.TYPE, fn.eventType().awsName(), fn.invocationsPerMonth(),
                prices.currency(), cost(asLe), cffCost, breakEven(le, cff), breakEvenNote(le, cff), fit,
                commonAssumptions(assumptions));
    }

    /** The region the regional reference is priced in: Lambda@Edge is replicated from it. */
    static final String REGIONAL = "us-east-1";

    /**
     * The same function as a regional Lambda function behind an API Gateway HTTP API (the front door the registry
     * offers), both priced together; empty where either has no price.
     */
    private Optional<BigDecimal> regionalBehindApi(String name, int memoryMb, long requests, BigDecimal durationMs) {
        Optional<io.github.computecost.service.FrontDoor> door = io.github.computecost.estimate.Services
                .frontDoor("api-gateway-http");
        if (door.isEmpty()) {
            return Optional.empty();
        }
        Resource fn = io.github.computecost.lambda.LambdaFunction.builder(name).region(REGIONAL).memoryMb(memoryMb)
                .requestsPerMonth(requests).averageDurationMs(durationMs).build();
        try {
            return Optional.of(estimator().estimate(List.of(fn, door.get().at("api-gateway-http", name + "-api",
                    REGIONAL, requests))).totalExact());
        } catch (io.github.computecost.ComputeCostException e) {
            return Optional.empty(); // a price book without Lambda or API Gateway prices: no reference
        }
    }

    private List<String> commonAssumptions(List<String> assumptions) {
        assumptions.add("Priced alone, as the account's only edge function, free tier " + (freeTier ? "on" : "off")
                + "; pay-as-you-go (CloudFront flat-rate plans are not modelled).");
        return assumptions;
    }

    private Estimator estimator() {
        return Estimator.of(prices).freeTier(freeTier);
    }

    private BigDecimal cost(Resource m) {
        return estimator().monthlyCostExact(m);
    }

    private static Optional<BigDecimal> breakEven(CostFunction le, CostFunction cff) {
        return le.breakEven(cff);
    }

    private static String breakEvenNote(CostFunction le, CostFunction cff) {
        Optional<BigDecimal> v = breakEven(le, cff);
        if (v.isPresent()) {
            return "the two cost the same at " + Amounts.plain(v.get().setScale(2, java.math.RoundingMode.HALF_UP))
                    + " requests per month";
        }
        // No crossing: the sign far out is the sign everywhere the costs differ.
        BigDecimal far = BigDecimal.TEN.pow(15);
        int c = le.costAt(far).compareTo(cff.costAt(far));
        String cheaper = c < 0 ? "Lambda@Edge" : "CloudFront Functions";
        return c == 0 ? "none: the two cost the same at every volume"
                : "none: " + cheaper + " is cheaper at every volume above 0";
    }

    /** Whether a Lambda@Edge function could run as a CloudFront Function; unknown needs are "cannot tell". */
    FitVerdict fit(LambdaEdgeFunction fn) {
        EdgeTables.CloudFront cf = prices.tables(EdgeTables.CloudFront.SCHEMA);
        FunctionNeeds n = fn.needs();
        List<FitVerdict.Check> checks = new ArrayList<>();
        checks.add(cf.eventTypes().contains(fn.eventType().awsName())
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
        checks.add(atMost("codeSize", n.codeSizeKb(), cf.functionSizeKb().max().orElseThrow(), "KB",
                "of code", "codeSizeKb", " (not adjustable)"));
        checks.add(atMost("memory", n.memoryUsedMb(), cf.functionMemoryMb().max().orElseThrow(), "MB",
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
