package io.github.computecost.compare;

import io.github.computecost.compute.Architecture;
import io.github.computecost.compute.OperatingSystem;
import io.github.computecost.ec2.Ec2Instance;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.estimate.Meterable;
import io.github.computecost.fargate.FargateTask;
import io.github.computecost.lambda.LambdaFunction;
import io.github.computecost.lightsail.LightsailInstance;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.money.Amounts;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.UnknownRegionException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * Prices a {@link NeutralWorkload} on every option that can run it, ranks them, and finds the monthly volume
 * where the cheapest serverless and the cheapest always-on option cost the same.
 *
 * <p>Sizing (stated in every result as assumptions): serverless options are billed per request. Always-on
 * options (Fargate tasks, EC2 instances, Lightsail plans, all month) are sized for the peak concurrency, peak
 * requests per second × duration (the stated peak, or the month's average over 730 hours): each concurrent
 * request needs its memory and the CPU share Lambda gives that memory, one vCPU per 1,769 MB (AWS: "at 1,769 MB,
 * a function has the equivalent of one vCPU"). The cheapest size or type and the count that covers both are
 * chosen, among those that hold at least one request's memory. Each option is priced alone through the
 * {@link Estimator}.
 *
 * <p>Immutable and thread-safe.
 */
public final class WorkloadPlanner {

    /** Lambda's memory per vCPU, in MB. */
    static final BigDecimal MB_PER_VCPU = BigDecimal.valueOf(1769);
    static final BigDecimal SECONDS_PER_MONTH = BigDecimal.valueOf(730L * 3600);
    private static final BigDecimal HOURS = BigDecimal.valueOf(730);

    private final PriceBook prices;
    private final boolean freeTier;
    private final String region;

    private WorkloadPlanner(PriceBook prices, boolean freeTier, String region) {
        this.prices = prices;
        this.freeTier = freeTier;
        this.region = region;
    }

    /** @return a planner pricing in us-east-1 with the free tier */
    public static WorkloadPlanner of(PriceBook prices) {
        return new WorkloadPlanner(Objects.requireNonNull(prices, "prices"), true, Estimator.DEFAULT_REGION);
    }

    /** @return a planner with the free tier on or off */
    public WorkloadPlanner freeTier(boolean on) {
        return new WorkloadPlanner(prices, on, region);
    }

    /** @return a planner for workloads that name no region */
    public WorkloadPlanner region(String defaultRegion) {
        return new WorkloadPlanner(prices, freeTier, Objects.requireNonNull(defaultRegion, "defaultRegion"));
    }

    /** The outcome for one workload. */
    public record Plan(NeutralWorkload workload, List<ComputeOption> ranked, BigDecimal peakConcurrency,
            Optional<BreakEvenVolume> breakEven, List<String> assumptions) {
        public Plan {
            ranked = List.copyOf(ranked);
            assumptions = List.copyOf(assumptions);
        }
    }

    /**
     * Where the cheapest serverless and always-on options cost the same, the always-on configuration kept as
     * sized for the workload.
     *
     * @param serverless the serverless option
     * @param alwaysOn the always-on option
     * @param requestsPerMonth the smallest whole monthly volume at which serverless costs at least as much
     * @param serverlessCost serverless's exact cost at that volume
     * @param alwaysOnCost the always-on option's exact cost
     */
    public record BreakEvenVolume(String serverless, String alwaysOn, long requestsPerMonth, BigDecimal serverlessCost,
            BigDecimal alwaysOnCost) {
        /** @return the volume as an average rate, requests per second over a 730-hour month, 2 decimals */
        public BigDecimal requestsPerSecond() {
            return BigDecimal.valueOf(requestsPerMonth).divide(SECONDS_PER_MONTH, 2, RoundingMode.HALF_UP);
        }
    }

    /** @return every option ranked, cheapest first, with the break-even between serverless and always-on */
    public Plan plan(NeutralWorkload w) {
        String r = w.region().orElse(region);
        BigDecimal concurrency = peakConcurrency(w);
        List<ComputeOption> options = new ArrayList<>();
        Map<String, LambdaFunction> lambdas = new java.util.LinkedHashMap<>();
        for (Architecture a : Architecture.values()) {
            String label = "Lambda (" + a.awsName() + ")";
            Optional<String> why = lambdaCannot(w);
            if (why.isPresent()) {
                options.add(ComputeOption.impossible(label, why.get(), false));
                continue;
            }
            LambdaFunction fn = LambdaFunction.builder(w.name()).region(r).architecture(a).memoryMb(w.memoryMb())
                    .requestsPerMonth(w.requestsPerMonth()).averageDurationMs(w.durationMs()).build();
            lambdas.put(label, fn);
            options.add(ComputeOption.priced(label, w.memoryMb() + " MB, " + Amounts.plain(w.durationMs()) + " ms",
                    cost(fn), false));
        }
        options.add(prices.has("AmazonECSFargate") ? fargate(w, r, concurrency) : noTable("Fargate"));
        options.add(prices.has("AmazonEC2") ? ec2(w, r, concurrency) : noTable("EC2"));
        options.add(prices.has("AmazonLightsail") ? lightsail(w, r, concurrency) : noTable("Lightsail"));
        List<ComputeOption> ranked = ComputeOption.ranked(options);
        List<String> assumptions = List.of(
                "Always-on options are sized for a peak of " + up(concurrency) + " concurrent requests ("
                        + (w.peakRequestsPerSecond().isPresent() ? "the stated peak" : "the month's average rate")
                        + " × " + Amounts.plain(w.durationMs()) + " ms), each needing " + w.memoryMb()
                        + " MB and 1 vCPU per 1,769 MB, running 730 hours a month.",
                "Burstable types (EC2 t3, t3a, t4g; Lightsail plans) are counted at their full vCPUs; sustained load "
                        + "above their baseline would throttle or need a larger size.",
                "Each option is priced alone, free tier " + (freeTier ? "on" : "off") + ".");
        return new Plan(w, ranked, concurrency, breakEven(ranked, lambdas), assumptions);
    }

    static BigDecimal peakConcurrency(NeutralWorkload w) {
        BigDecimal seconds = w.durationMs().movePointLeft(3);
        return w.peakRequestsPerSecond().map(p -> p.multiply(seconds)).orElse(BigDecimal.valueOf(w.requestsPerMonth())
                .multiply(seconds).divide(SECONDS_PER_MONTH, MathContext.DECIMAL128));
    }

    private Optional<String> lambdaCannot(NeutralWorkload w) {
        if (w.needsGpu()) {
            return Optional.of("Lambda has no GPUs");
        }
        if (w.needsWindows()) {
            return Optional.of("Lambda runs Linux only");
        }
        if (w.needsLongRuns() || w.durationMs().compareTo(BigDecimal.valueOf(900_000)) > 0) {
            return Optional.of("Lambda stops a request after 15 minutes");
        }
        LambdaFunction probe = LambdaFunction.builder("probe").memoryMb(w.memoryMb()).build();
        ValidationReport r = probe.validate(prices);
        return r.hasErrors() ? Optional.of(r.errors().get(0).message().replace("probe: ", "")) : Optional.empty();
    }

    /**
     * How many units of (vcpu, memoryGb) cover the peak: at least one; {@link Long#MAX_VALUE} when one unit
     * cannot hold even one request's memory.
     */
    static long units(BigDecimal concurrency, int memoryMb, BigDecimal vcpu, BigDecimal memoryGb) {
        if (memoryGb.compareTo(BigDecimal.valueOf(memoryMb).divide(BigDecimal.valueOf(1024))) < 0) {
            return Long.MAX_VALUE;
        }
        BigDecimal vcpuNeed = concurrency.multiply(BigDecimal.valueOf(memoryMb)).divide(MB_PER_VCPU, MathContext.DECIMAL128);
        BigDecimal memNeed = concurrency.multiply(BigDecimal.valueOf(memoryMb)).divide(BigDecimal.valueOf(1024));
        long byCpu = vcpuNeed.divide(vcpu, 0, RoundingMode.CEILING).longValueExact();
        long byMem = memNeed.divide(memoryGb, 0, RoundingMode.CEILING).longValueExact();
        return Math.max(1, Math.max(byCpu, byMem));
    }

    private ComputeOption noTable(String label) {
        return ComputeOption.impossible(label, "this price book (" + prices.id() + ") has no " + label + " prices", true);
    }

    private ComputeOption fargate(NeutralWorkload w, String r, BigDecimal concurrency) {
        String label = "Fargate";
        if (w.needsGpu()) {
            return ComputeOption.impossible(label, "Fargate has no GPUs", true);
        }
        ComputeOption best = null;
        OperatingSystem os = w.needsWindows() ? OperatingSystem.WINDOWS : OperatingSystem.LINUX;
        for (Map<String, String> size : prices.service("AmazonECSFargate").catalog().values()) {
            BigDecimal vcpu = new BigDecimal(size.get("vcpu"));
            for (String m : size.get("memoryGb").split(" ")) {
                BigDecimal gb = new BigDecimal(m);
                long n = units(concurrency, w.memoryMb(), vcpu, gb);
                if (n > Integer.MAX_VALUE) {
                    continue;
                }
                for (Architecture a : w.needsWindows() ? new Architecture[] {Architecture.X86_64} : Architecture.values()) {
                    FargateTask t = new FargateTask(w.name(), Optional.of(r), a, os, vcpu, gb, 20,
                            new FargateTask.Running((int) n, HOURS), false);
                    if (t.validate(prices).hasErrors()) {
                        continue;
                    }
                    best = cheaper(best, label, n + " × " + Amounts.plain(vcpu) + " vCPU / " + Amounts.plain(gb) + " GB "
                            + os + "/" + a.awsName() + ", 730 h", t);
                }
            }
        }
        return best != null ? best : ComputeOption.impossible(label, "no Fargate price for this region", true);
    }

    private ComputeOption ec2(NeutralWorkload w, String r, BigDecimal concurrency) {
        String label = "EC2";
        ComputeOption best = null;
        OperatingSystem os = w.needsWindows() ? OperatingSystem.WINDOWS : OperatingSystem.LINUX;
        boolean anyGpu = false;
        for (Map.Entry<String, Map<String, String>> e : prices.service("AmazonEC2").catalog().entrySet()) {
            Map<String, String> spec = e.getValue();
            if (!spec.containsKey("vcpu") || !spec.containsKey("memoryGib")) {
                continue; // no source gives this type's specs: it cannot be sized
            }
            // A GPU workload needs a type with GPUs; any other is not sized onto one (its GPUs would be paid idle).
            String gpus = spec.get("gpus");
            boolean hasGpu = gpus != null && new BigDecimal(gpus).signum() > 0;
            anyGpu |= hasGpu;
            if (w.needsGpu() ? !hasGpu : (gpus == null || hasGpu)) {
                continue;
            }
            long n = units(concurrency, w.memoryMb(), new BigDecimal(spec.get("vcpu")), new BigDecimal(spec.get("memoryGib")));
            if (n > Integer.MAX_VALUE) {
                continue;
            }
            Ec2Instance i = Ec2Instance.of(w.name(), e.getKey(), (int) n).withOperatingSystem(os).withRegion(r);
            if (i.validate(prices).hasErrors()) {
                continue;
            }
            String kind = "true".equals(spec.get("burstable")) ? ", burstable" : "";
            String gpu = hasGpu ? ", " + gpus + " GPU" + (spec.containsKey("gpuName") ? " " + spec.get("gpuName") : "") : "";
            best = cheaper(best, label, n + " × " + e.getKey() + " (" + os + kind + gpu + "), 730 h", i);
        }
        if (best == null && w.needsGpu() && !anyGpu) {
            return ComputeOption.impossible(label, "the EC2 catalog has no GPU instance types", true);
        }
        return best != null ? best : ComputeOption.impossible(label, "no EC2 price for this region and system"
                + (w.needsGpu() ? " with GPUs" : ""), true);
    }

    private ComputeOption lightsail(NeutralWorkload w, String r, BigDecimal concurrency) {
        String label = "Lightsail";
        if (w.needsGpu()) {
            return ComputeOption.impossible(label, "Lightsail plans have no GPUs", true);
        }
        ComputeOption best = null;
        String platform = w.needsWindows() ? "windows" : "linux";
        for (Map.Entry<String, Map<String, String>> e : prices.service("AmazonLightsail").catalog().entrySet()) {
            if (!platform.equals(e.getValue().get("platform"))) {
                continue;
            }
            long n = units(concurrency, w.memoryMb(), new BigDecimal(e.getValue().get("vcpu")),
                    new BigDecimal(e.getValue().get("memoryGb")));
            if (n > Integer.MAX_VALUE) {
                continue;
            }
            LightsailInstance l = new LightsailInstance(w.name(), Optional.of(r), e.getKey(), (int) n, Optional.empty(),
                    BigDecimal.ZERO, BigDecimal.ZERO);
            best = cheaper(best, label, n + " × " + e.getValue().get("name") + " (" + e.getKey() + "), all month", l);
        }
        return best != null ? best : ComputeOption.impossible(label, "no Lightsail plan for this region", true);
    }

    /** The cheaper of {@code best} and {@code candidate} priced, {@code best} when the candidate has no price. */
    private ComputeOption cheaper(ComputeOption best, String label, String configuration, Meterable candidate) {
        Optional<BigDecimal> c = tryCost(candidate);
        if (c.isPresent() && (best == null || c.get().compareTo(best.monthlyCost().orElseThrow()) < 0)) {
            return ComputeOption.priced(label, configuration, c.get(), true);
        }
        return best;
    }

    private BigDecimal cost(Meterable m) {
        return Estimator.of(prices).freeTier(freeTier).monthlyCostExact(m);
    }

    private Optional<BigDecimal> tryCost(Meterable m) {
        try {
            return Optional.of(cost(m));
        } catch (UnknownRegionException | io.github.computecost.pricing.PriceUnavailableException e) {
            return Optional.empty(); // no price for this candidate in this region: not an option here
        }
    }

    /**
     * The break-even volume: a Commons Math {@link BrentSolver} finds the crossing of the two cost functions
     * (evaluated exactly, then as {@code double} for the solver only), and an integer bisection on the exact
     * costs pins the smallest whole volume at which serverless costs at least as much as always-on.
     */
    private Optional<BreakEvenVolume> breakEven(List<ComputeOption> ranked, Map<String, LambdaFunction> lambdas) {
        Optional<ComputeOption> serverless = ranked.stream().filter(o -> o.canRun() && !o.alwaysOn()).findFirst();
        Optional<ComputeOption> alwaysOn = ranked.stream().filter(o -> o.canRun() && o.alwaysOn()).findFirst();
        if (serverless.isEmpty() || alwaysOn.isEmpty()) {
            return Optional.empty();
        }
        LambdaFunction fn = lambdas.get(serverless.get().option());
        BigDecimal target = alwaysOn.get().monthlyCost().orElseThrow();
        if (lambdaCost(fn, 0).compareTo(target) >= 0) {
            return Optional.empty(); // always-on is cheaper at every volume
        }
        long hi = Math.max(1, fn.requestsPerMonth());
        while (lambdaCost(fn, hi).compareTo(target) < 0) {
            if (hi > 1_000_000_000_000_000L) {
                return Optional.empty(); // serverless stays cheaper at any volume we can price
            }
            hi *= 2;
        }
        UnivariateFunction f = v -> lambdaCost(fn, Math.round(v)).subtract(target).doubleValue();
        double approx = new BrentSolver(1.0).solve(10_000, f, 0, hi);
        long lo = Math.max(0, (long) Math.floor(approx) - 1_000);
        long up = Math.min(hi, (long) Math.ceil(approx) + 1_000);
        while (lo > 0 && lambdaCost(fn, lo).compareTo(target) >= 0) {
            lo = Math.max(0, lo - (up - lo));
        }
        while (lambdaCost(fn, up).compareTo(target) < 0) {
            up = Math.min(hi, up + (up - lo));
        }
        // invariant: cost(lo) < target <= cost(up)
        while (up - lo > 1) {
            long mid = lo + (up - lo) / 2;
            if (lambdaCost(fn, mid).compareTo(target) >= 0) {
                up = mid;
            } else {
                lo = mid;
            }
        }
        return Optional.of(new BreakEvenVolume(serverless.get().option(), alwaysOn.get().option(), up,
                lambdaCost(fn, up), target));
    }

    /**
     * Each option's monthly cost against monthly volume, for a chart: {@code points} volumes from 0 to
     * {@code maxRequests}; serverless options priced exactly at each, always-on options flat at their cost.
     *
     * @return option label to (volume, cost) pairs
     */
    public Map<String, List<BigDecimal[]>> costByVolume(Plan plan, long maxRequests, int points) {
        Map<String, List<BigDecimal[]>> out = new java.util.LinkedHashMap<>();
        String r = plan.workload().region().orElse(region);
        for (ComputeOption o : plan.ranked()) {
            if (!o.canRun()) {
                continue;
            }
            List<BigDecimal[]> pts = new ArrayList<>();
            for (int i = 0; i <= points; i++) {
                long v = maxRequests / points * i;
                BigDecimal cost = o.monthlyCost().orElseThrow();
                if (!o.alwaysOn()) {
                    Architecture a = o.option().contains("arm64") ? Architecture.ARM64 : Architecture.X86_64;
                    cost = cost(LambdaFunction.builder(plan.workload().name()).region(r).architecture(a)
                            .memoryMb(plan.workload().memoryMb()).requestsPerMonth(v)
                            .averageDurationMs(plan.workload().durationMs()).build());
                }
                pts.add(new BigDecimal[] {BigDecimal.valueOf(v), cost});
            }
            out.put(o.option(), pts);
        }
        return out;
    }

    /** @return the free-tier setting */
    public boolean freeTierOn() {
        return freeTier;
    }

    /** @return the default region */
    public String defaultRegion() {
        return region;
    }

    private BigDecimal lambdaCost(LambdaFunction fn, long requests) {
        return cost(fn.toBuilder().requestsPerMonth(requests).build());
    }

    private static String up(BigDecimal v) {
        return v.setScale(0, RoundingMode.CEILING).toPlainString();
    }
}
