package io.github.computecost.compare;

import io.github.computecost.ComputeCostException;
import io.github.computecost.compute.Calendar;
import io.github.computecost.estimate.CostFunction;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.estimate.Services;
import io.github.computecost.limits.AccountQuotas;
import io.github.computecost.money.Amounts;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.service.Service;
import io.github.computecost.service.ControlPlane;
import io.github.computecost.service.FrontDoor;
import io.github.computecost.service.Resource;
import io.github.computecost.service.ServiceContext;
import io.github.computecost.service.Sizing;
import io.github.computecost.service.SizingRequest;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Prices a {@link NeutralWorkload} on every option that can run it, ranks them, and finds the monthly volume
 * where the cheapest serverless and the cheapest always-on option cost the same. The options are those of every
 * service in the registry that can size a workload ({@link Sizing}); this class names none.
 *
 * <p>Sizing (stated in every result as assumptions): serverless options are billed per request. Always-on
 * options (containers, instances, plans, all month) are sized for the peak concurrency, peak requests per second ×
 * duration (the stated peak, or the month's average over AWS's 730-hour month): each concurrent request needs its
 * memory and the CPU share Lambda gives that memory, one vCPU per 1,769 MB (AWS: "at 1,769 MB, a function has the
 * equivalent of one vCPU"). Of each option the cheapest configuration that holds the peak is kept. Each is priced
 * alone through the {@link Estimator}; the break-even volume is solved on the serverless option's
 * {@link CostFunction}, derived from the same engine.
 *
 * <p>Immutable and thread-safe.
 */
public final class WorkloadPlanner {

    /** The most requests a month a break-even is looked for at. */
    private static final long MAX_VOLUME = 1_000_000_000_000_000_000L;

    private final PriceBook prices;
    private final boolean freeTier;
    private final String region;

    private WorkloadPlanner(PriceBook prices, boolean freeTier, String region) {
        this.prices = prices;
        this.freeTier = freeTier;
        this.region = region;
    }

    /**
     * @param prices the price book to rate against
     * @return a planner pricing in us-east-1 with the free tier
     */
    public static WorkloadPlanner of(PriceBook prices) {
        return new WorkloadPlanner(Objects.requireNonNull(prices, "prices"), true, Estimator.DEFAULT_REGION);
    }

    /**
     * @param on whether the account-wide free tier applies
     * @return a planner with the free tier on or off
     */
    public WorkloadPlanner freeTier(boolean on) {
        return new WorkloadPlanner(prices, on, region);
    }

    /**
     * @param defaultRegion a region code such as {@code "eu-west-1"}
     * @return a planner for workloads that name no region
     */
    public WorkloadPlanner region(String defaultRegion) {
        return new WorkloadPlanner(prices, freeTier, Objects.requireNonNull(defaultRegion, "defaultRegion"));
    }

    /**
     * The outcome for one workload.
     *
     * @param workload the workload
     * @param ranked every option, those that can run it cheapest first
     * @param peakConcurrency the concurrent requests always-on options are sized for, exact
     * @param breakEven where the cheapest serverless and always-on options cost the same, if they do
     * @param assumptions what the sizing assumed, in sentences
     * @param traffic for each serverless option that can run the workload: its configuration at other traffic
     */
    public record Plan(NeutralWorkload workload, List<ComputeOption> ranked, BigDecimal peakConcurrency,
            Optional<BreakEvenVolume> breakEven, List<String> assumptions, Map<String, Sizing.Traffic> traffic) {
        /**
         * Keeps immutable copies of its collections.
         *
         * @param workload the workload
         * @param ranked every option, those that can run it cheapest first
         * @param peakConcurrency the concurrent requests always-on options are sized for, exact
         * @param breakEven where the cheapest serverless and always-on options cost the same, if they do
         * @param assumptions what the sizing assumed, in sentences
         * @param traffic for each serverless option that can run the workload: its configuration at other traffic
         */
        public Plan {
            ranked = List.copyOf(ranked);
            assumptions = List.copyOf(assumptions);
            traffic = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(traffic));
        }
    }

    /**
     * Where the cheapest serverless option costs as much as the cheapest always-on option sized for that volume.
     *
     * @param serverless the serverless option
     * @param alwaysOn the always-on option cheapest at that volume
     * @param requestsPerMonth the smallest whole monthly volume at which serverless costs at least as much
     * @param serverlessCost serverless's exact cost at that volume
     * @param alwaysOnCost the always-on option's exact cost at that volume, sized for it
     * @param alwaysOnConfiguration the always-on configuration at that volume, {@code "3 × t4g.nano (linux), 730 h"}
     */
    public record BreakEvenVolume(String serverless, String alwaysOn, long requestsPerMonth, BigDecimal serverlessCost,
            BigDecimal alwaysOnCost, String alwaysOnConfiguration) {

        /**
         * A break-even without the always-on configuration's words.
         *
         * @param serverless the serverless option
         * @param alwaysOn the always-on option cheapest at that volume
         * @param serverlessCost serverless's exact cost at that volume
         * @param alwaysOnCost the always-on option's exact cost at that volume, sized for it
         * @param requestsPerMonth the smallest whole monthly volume at which serverless costs at least as much
         */
        public BreakEvenVolume(String serverless, String alwaysOn, long requestsPerMonth, BigDecimal serverlessCost,
                BigDecimal alwaysOnCost) {
            this(serverless, alwaysOn, requestsPerMonth, serverlessCost, alwaysOnCost, "");
        }

        /** @return the volume as an average rate, requests per second over AWS's 730-hour month, 2 decimals */
        public BigDecimal requestsPerSecond() {
            return BigDecimal.valueOf(requestsPerMonth).divide(Calendar.SECONDS_PER_MONTH, 2, RoundingMode.HALF_UP);
        }
    }

    /**
     * @param w the workload
     * @return every option ranked, cheapest first, with the break-even between serverless and always-on
     */
    public Plan plan(NeutralWorkload w) {
        String r = w.region().orElse(region);
        BigDecimal concurrency = peakConcurrency(w);
        Sizer sizer = new Sizer(w, r);
        Sized at = sizer.at(w.requestsPerMonth(), concurrency, false);
        List<ComputeOption> options = at.options();
        Map<String, Sizing.Traffic> traffic = at.traffic();
        List<String> burstable = at.burstable();
        Optional<FrontDoor> door = sizer.door;
        List<ComputeOption> ranked = ComputeOption.ranked(options);
        List<String> assumptions = new ArrayList<>();
        if (ranked.stream().anyMatch(o -> o.option().equals("EKS on Fargate") && o.canRun())) {
            assumptions.add("EKS on Fargate is priced with one cluster of its own, in standard support, all month; a "
                    + "cluster several workloads share splits that fee.");
        }
        door.ifPresent(d -> assumptions.add("Serverless options are reached through an " + d.label(w.frontDoor().get())
                + " and priced with it, at every volume; always-on options through a load balancer, not priced here."));
        assumptions.add("Always-on options are sized for a peak of " + up(concurrency) + " concurrent requests ("
                + (w.peakRequestsPerSecond().isPresent() ? "the stated peak" : "the month's average rate")
                + " × " + Amounts.plain(w.durationMs()) + " ms), each needing " + w.memoryMb()
                + " MB and 1 vCPU per "
                + String.format(java.util.Locale.ROOT, "%,d", SizingRequest.MB_PER_VCPU.intValueExact()) + " MB, running " + Calendar.HOURS_PER_MONTH + " hours a month.");
        if (!burstable.isEmpty()) {
            assumptions.add("Burstable types (" + String.join("; ", burstable) + ") are counted at their full vCPUs; "
                    + "sustained load above their baseline would throttle or need a larger size.");
        }
        if (!w.ipv6OnlyAllowed() && ranked.stream().anyMatch(o -> o.option().equals("Lightsail"))) {
            assumptions.add("Lightsail's IPv6-only plans are left out: a public web API must be reachable over IPv4 "
                    + "(needs: { ipv4: false } lets them in).");
        }
        assumptions.add("Each option is priced alone, free tier " + (freeTier ? "on" : "off") + ".");
        if (ranked.stream().anyMatch(o -> o.canRun() && o.alwaysOn())) {
            assumptions.add("At other volumes (the break-even, the cost curves) always-on options are sized again for "
                    + "that volume's peak, the peak-to-average ratio kept, so their cost is a step function of volume.");
        }
        return new Plan(w, ranked, concurrency, breakEven(ranked, traffic, w, sizer), assumptions, traffic);
    }

    /** What {@link Sizer#at} finds at one volume: every option's cheapest configuration, in the registry's order. */
    private record Sized(List<ComputeOption> options, Map<String, Sizing.Traffic> traffic, List<String> burstable) {
    }

    /** Sizes and prices one workload's options, at its own volume or another. */
    private final class Sizer {
        private final NeutralWorkload w;
        private final String r;
        private final ServiceContext context;
        private final Optional<FrontDoor> door;
        private final Estimator estimator = estimator();

        Sizer(NeutralWorkload w, String r) {
            this.w = w;
            this.r = r;
            this.context = Services.context(prices, r, AccountQuotas.DEFAULTS);
            this.door = w.frontDoor().map(k -> Services.frontDoor(k).orElseThrow(
                    () -> new IllegalArgumentException("no service offers the front door " + k)));
        }

        /**
         * The workload's peak concurrency at another monthly volume: its own scaled by the volume, so that the
         * peak-to-average ratio is kept; exact where the ratio of the volumes is (34 significant digits otherwise).
         */
        BigDecimal concurrencyAt(long requestsPerMonth) {
            BigDecimal own = peakConcurrency(w);
            if (requestsPerMonth == w.requestsPerMonth() || w.requestsPerMonth() == 0) {
                return own;
            }
            return own.multiply(BigDecimal.valueOf(requestsPerMonth)).divide(BigDecimal.valueOf(w.requestsPerMonth()),
                    MathContext.DECIMAL128);
        }

        /**
         * @param alwaysOnOnly whether to size the always-on options alone (their cost at another volume)
         * @return each option's cheapest configuration at {@code requestsPerMonth} and {@code concurrency}
         */
        Sized at(long requestsPerMonth, BigDecimal concurrency, boolean alwaysOnOnly) {
            SizingRequest request = new SizingRequest(w.name(), r, requestsPerMonth, w.durationMs(), w.memoryMb(),
                    concurrency, w.needsLongRuns(), w.needsGpu(), w.needsWindows(), w.ipv6OnlyAllowed());
            List<ComputeOption> options = new ArrayList<>();
            Map<String, Sizing.Traffic> traffic = new LinkedHashMap<>();
            List<String> burstable = new ArrayList<>();
            for (Service<?> service : Services.all()) {
                Optional<Sizing> sizing = service.sizing();
                if (sizing.isEmpty() || alwaysOnOnly && !sizing.get().alwaysOn()) {
                    continue;
                }
                sizing.get().burstable().ifPresent(burstable::add);
                if (!prices.has(service.mainTable())) {
                    for (String label : sizing.get().labels()) {
                        options.add(ComputeOption.impossible(label, "this price book (" + prices.id() + ") has no "
                                + label + " prices", sizing.get().alwaysOn()));
                    }
                    continue;
                }
                java.util.Set<Sizing.Property> props = sizing.get().properties();
                Optional<String> excluded = excludedBy(props);
                for (Sizing.Option o : sizing.get().options(request, context)) {
                    if (excluded.isPresent()) {
                        options.add(ComputeOption.impossible(o.label(), excluded.get(), o.alwaysOn(), props));
                        continue;
                    }
                    ComputeOption best = null;
                    Optional<Sizing.Traffic> bestTraffic = Optional.empty();
                    Optional<ControlPlane> plane = o.controlPlane().flatMap(Services::controlPlane);
                    if (o.controlPlane().isPresent() && plane.isEmpty()) {
                        options.add(ComputeOption.impossible(o.label(), "no service prices its control plane",
                                o.alwaysOn()));
                        continue;
                    }
                    for (Sizing.Candidate c : o.candidates()) {
                        Optional<Sizing.Traffic> t = o.alwaysOn() ? c.traffic()
                                : c.traffic().map(x -> behind(door, w, r, x));
                        Optional<BigDecimal> cost = plane.isPresent()
                                ? tryCost(estimator, List.of(c.resource(), plane.get().at(w.name() + "-cluster", r)))
                                : t.isPresent() && door.isPresent()
                                        ? tryCost(estimator, t.get().all(requestsPerMonth, w.durationMs()))
                                        : tryCost(estimator, c);
                        if (cost.isPresent() && (best == null
                                || cost.get().compareTo(best.monthlyCost().orElseThrow()) < 0)) {
                            String config = c.configuration() + (t.isPresent() && door.isPresent() ? " + "
                                    + door.get().label(w.frontDoor().get()) : "")
                                    + plane.map(p -> " + 1 " + p.label()).orElse("");
                            best = ComputeOption.priced(o.label(), config, cost.get(), o.alwaysOn(), props);
                            bestTraffic = t;
                        }
                    }
                    options.add(best != null ? best : ComputeOption.impossible(o.label(), o.whyNot(), o.alwaysOn(),
                            props));
                    if (best != null) {
                        bestTraffic.ifPresent(t -> traffic.put(o.label(), t));
                    }
                }
            }
            return new Sized(options, traffic, burstable);
        }

        /** @return why an option with these properties is left out for what the workload needs, if it is */
        Optional<String> excludedBy(java.util.Set<Sizing.Property> props) {
            if (w.needsAutoscaling() && props.contains(Sizing.Property.NO_AUTOSCALING)) {
                return Optional.of("its capacity does not autoscale, and the workload needs autoscaling "
                        + "(needs: { autoscaling: true })");
            }
            if (w.needsNoColdStarts() && props.contains(Sizing.Property.COLD_STARTS)) {
                return Optional.of("it has cold starts, and the workload needs none (needs: { noColdStarts: true }); "
                        + "provisioned concurrency would avoid them, and is not sized here");
            }
            return Optional.empty();
        }

        /** @return the cheapest always-on option that can run the workload at a monthly volume, sized for it */
        Optional<ComputeOption> cheapestAlwaysOn(long requestsPerMonth) {
            return at(requestsPerMonth, concurrencyAt(requestsPerMonth), true).options().stream()
                    .filter(ComputeOption::canRun)
                    .min(java.util.Comparator.comparing(o -> o.monthlyCost().orElseThrow()));
        }

    }

    static BigDecimal peakConcurrency(NeutralWorkload w) {
        BigDecimal seconds = w.durationMs().movePointLeft(3);
        return w.peakRequestsPerSecond().map(p -> p.multiply(seconds)).orElse(BigDecimal.valueOf(w.requestsPerMonth())
                .multiply(seconds).divide(Calendar.SECONDS_PER_MONTH, MathContext.DECIMAL128));
    }

    private Estimator estimator() {
        return Estimator.of(prices).freeTier(freeTier).region(region);
    }

    /** A serverless option's traffic with the front door its requests pass through, at the same volume. */
    private static Sizing.Traffic behind(Optional<FrontDoor> door, NeutralWorkload w, String region, Sizing.Traffic t) {
        if (door.isEmpty()) {
            return t;
        }
        String kind = w.frontDoor().orElseThrow();
        return new Sizing.Traffic() {
            @Override
            public Resource at(long requestsPerMonth, BigDecimal averageDurationMs) {
                return t.at(requestsPerMonth, averageDurationMs);
            }

            @Override
            public List<Resource> all(long requestsPerMonth, BigDecimal averageDurationMs) {
                return List.of(t.at(requestsPerMonth, averageDurationMs),
                        door.get().at(kind, w.name() + "-api", region, requestsPerMonth));
            }
        };
    }

    private static Optional<BigDecimal> tryCost(Estimator estimator, List<Resource> resources) {
        try {
            return Optional.of(estimator.estimate(resources).totalExact());
        } catch (ComputeCostException e) {
            return Optional.empty(); // no price for this option in this region (or AWS would refuse it)
        }
    }

    private static Optional<BigDecimal> tryCost(Estimator estimator, Sizing.Candidate c) {
        try {
            return Optional.of(estimator.monthlyCostExact(c.resource()));
        } catch (ComputeCostException e) {
            return Optional.empty(); // no price for this candidate in this region (or AWS would refuse it): not an option
        }
    }

    /** The most times the break-even search sizes the always-on options again before it gives up. */
    private static final int MAX_RESIZES = 200;

    /**
     * The break-even volume: the smallest whole monthly volume at which the cheapest serverless option costs at least
     * as much as the cheapest always-on option sized for that volume. The serverless cost is its exact
     * {@link CostFunction}; the always-on cost a step function of volume (each option sized again for the volume's
     * peak, the cheapest kept), never decreasing. Solved exactly by alternating the two: the first volume at which
     * serverless reaches the fleet's cost at the last volume; the fleet sized for that volume; until the fleet's cost
     * there is no higher than serverless's (below that volume serverless is cheaper, as each step shows).
     */
    private Optional<BreakEvenVolume> breakEven(List<ComputeOption> ranked, Map<String, Sizing.Traffic> traffic,
            NeutralWorkload w, Sizer sizer) {
        Optional<ComputeOption> serverless = ranked.stream().filter(o -> o.canRun() && !o.alwaysOn()).findFirst();
        boolean anyAlwaysOn = ranked.stream().anyMatch(o -> o.canRun() && o.alwaysOn());
        if (serverless.isEmpty() || !anyAlwaysOn || !traffic.containsKey(serverless.get().option())) {
            return Optional.empty();
        }
        Sizing.Traffic t = traffic.get(serverless.get().option());
        CostFunction f = estimator().costFunctionOfAll(v -> t.all(v, w.durationMs()));
        long v = 0;
        for (int i = 0; i < MAX_RESIZES; i++) {
            Optional<ComputeOption> fleet = sizer.cheapestAlwaysOn(v);
            if (fleet.isEmpty()) {
                return Optional.empty(); // no always-on option can hold this volume
            }
            BigDecimal target = fleet.get().monthlyCost().orElseThrow();
            BigDecimal cost = f.costAt(v);
            if (i == 0 && cost.compareTo(target) >= 0) {
                return Optional.empty(); // always-on is as cheap with no traffic at all: no volume where they cross
            }
            if (cost.compareTo(target) >= 0) {
                return Optional.of(new BreakEvenVolume(serverless.get().option(), fleet.get().option(), v, cost,
                        target, fleet.get().configuration()));
            }
            Optional<Long> next = f.firstVolumeAtLeast(target, MAX_VOLUME);
            if (next.isEmpty() || next.get() <= v) {
                return Optional.empty(); // serverless never reaches the fleet's cost
            }
            v = next.get();
        }
        return Optional.empty(); // the fleet keeps growing ahead of serverless: no break-even within reach
    }

    /**
     * One option's exact monthly cost at a monthly volume.
     *
     * @param requestsPerMonth the volume
     * @param monthlyCost the exact cost at it, in the price book's currency
     */
    public record CostPoint(long requestsPerMonth, BigDecimal monthlyCost) {
        /**
         * Checks the components.
         *
         * @param requestsPerMonth the volume
         * @param monthlyCost the exact cost at it, in the price book's currency
         */
        public CostPoint {
            Objects.requireNonNull(monthlyCost, "monthlyCost");
        }
    }

    /**
     * One option's cost curve.
     *
     * @param option the option's label, {@code "Lambda (arm64)"}
     * @param points its cost at each volume, ascending
     */
    public record CostCurve(String option, List<CostPoint> points) {
        /**
         * Checks the components and keeps immutable copies of its collections.
         *
         * @param option the option's label, {@code "Lambda (arm64)"}
         * @param points its cost at each volume, ascending
         */
        public CostCurve {
            Objects.requireNonNull(option, "option");
            points = List.copyOf(points);
        }
    }

    /**
     * Each option's monthly cost against monthly volume, for a chart: {@code points} volumes from 0 to
     * {@code maxRequests}; serverless options priced exactly at each, always-on options sized again for each volume
     * (the peak-to-average ratio kept), a step function; a curve ends where its option cannot hold the volume.
     *
     * @param plan the plan whose options are drawn
     * @param maxRequests the largest volume, requests a month
     * @param points how many volumes, at least 2
     * @return the curves of the options that can run the workload, in the plan's order
     */
    public List<CostCurve> costByVolume(Plan plan, long maxRequests, int points) {
        Sizer sizer = new Sizer(plan.workload(), plan.workload().region().orElse(region));
        // The always-on options sized once per volume, all together (each sizing reads whole catalogs).
        List<Map<String, ComputeOption>> fleets = new ArrayList<>();
        boolean anyAlwaysOn = plan.ranked().stream().anyMatch(o -> o.canRun() && o.alwaysOn());
        for (int i = 0; i <= points && anyAlwaysOn; i++) {
            long v = maxRequests / points * i;
            Map<String, ComputeOption> at = new LinkedHashMap<>();
            if (v == plan.workload().requestsPerMonth()) {
                plan.ranked().stream().filter(o -> o.canRun() && o.alwaysOn()).forEach(o -> at.put(o.option(), o));
            } else {
                sizer.at(v, sizer.concurrencyAt(v), true).options().stream().filter(ComputeOption::canRun)
                        .forEach(o -> at.put(o.option(), o));
            }
            fleets.add(at);
        }
        List<CostCurve> out = new ArrayList<>();
        for (ComputeOption o : plan.ranked()) {
            if (!o.canRun()) {
                continue;
            }
            Sizing.Traffic t = plan.traffic().get(o.option());
            CostFunction f = o.alwaysOn() || t == null ? null
                    : estimator().costFunctionOfAll(v -> t.all(v, plan.workload().durationMs()));
            List<CostPoint> pts = new ArrayList<>();
            for (int i = 0; i <= points; i++) {
                long v = maxRequests / points * i;
                if (f != null) {
                    pts.add(new CostPoint(v, f.costAt(v)));
                    continue;
                }
                ComputeOption at = o.alwaysOn() ? fleets.get(i).get(o.option()) : o;
                if (at == null) {
                    break; // it cannot hold this volume: its curve ends
                }
                pts.add(new CostPoint(v, at.monthlyCost().orElseThrow()));
            }
            out.add(new CostCurve(o.option(), pts));
        }
        return out;
    }

    /**
     * The always-on side of the break-even at any volume: each always-on option sized again for that volume's peak
     * (the workload's peak-to-average ratio kept), the cheapest kept.
     *
     * @param plan a plan this planner made
     * @param requestsPerMonth the monthly volume, at least 0
     * @return the cheapest always-on option that can hold that volume, with its configuration and exact monthly
     *     cost there; empty when none can
     */
    public Optional<ComputeOption> cheapestAlwaysOnAt(Plan plan, long requestsPerMonth) {
        if (requestsPerMonth < 0) {
            throw new IllegalArgumentException("requestsPerMonth must not be negative: " + requestsPerMonth);
        }
        return new Sizer(plan.workload(), plan.workload().region().orElse(region)).cheapestAlwaysOn(requestsPerMonth);
    }

    /** @return the free-tier setting */
    public boolean freeTierOn() {
        return freeTier;
    }

    /** @return the default region */
    public String defaultRegion() {
        return region;
    }

    private static String up(BigDecimal v) {
        return v.setScale(0, RoundingMode.CEILING).toPlainString();
    }
}
