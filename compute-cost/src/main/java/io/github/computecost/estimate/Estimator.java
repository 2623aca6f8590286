package io.github.computecost.estimate;

import io.github.computecost.limits.AccountQuotas;
import io.github.computecost.limits.InvalidWorkloadException;
import io.github.computecost.limits.Severity;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.limits.Violation;
import io.github.computecost.pricing.MissingPrice;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.PriceUnavailableException;
import io.github.computecost.pricing.ServicePrices;
import io.github.computecost.pricing.UnknownRegionException;
import io.github.computecost.service.FixedPointMeter;
import io.github.computecost.service.MeteredResource;
import io.github.computecost.service.Resource;
import io.github.computecost.service.Service;
import io.github.computecost.service.ServiceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The entry point, and the one pipeline every answer comes from: {@link #assess} checks every resource against its
 * service's limits and what resources share (a quota per account and region), meters those AWS would accept, rates
 * them once, and returns the estimate with its violations and what it could not price.
 *
 * <pre>{@code
 * Estimate e = Estimator.of(PriceBook.bundled()).region("us-east-1").withFreeTier()
 *         .estimate(List.of(function));
 * }</pre>
 *
 * <p>Where it is decided, once for every service:
 * <ul>
 *   <li>the region: the resource's own, else the estimator's ({@value #DEFAULT_REGION} by default); a service
 *       priced once for every location runs in {@code global}; a region the service's table does not price is an
 *       error ({@code region.unknown}) naming the regions it does;</li>
 *   <li>warnings: a resource with warnings is still priced, and each warning becomes a note on its estimate
 *       ({@code "Warning: ..."});</li>
 *   <li>what is not priced: a resource that needs a price no source gives (or a table the price book lacks) is left
 *       out whole and listed in {@link Estimate#notPriced()}, never priced at another region's rate;</li>
 *   <li>the age of the prices: one warning when even the newest price is older than
 *       {@link #maxPriceAgeDays(int)}.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe: {@code region} and {@code with...} return new estimators.
 */
public final class Estimator {

    /** The region used when neither the estimator nor a resource names one. */
    public static final String DEFAULT_REGION = "us-east-1";
    /**
     * The default threshold of {@link #maxPriceAgeDays(int)}: an estimate whose newest price is older than this
     * many days warns that AWS may have changed its prices since.
     */
    public static final int DEFAULT_MAX_PRICE_AGE_DAYS = 180;

    /** The words every stale-price warning starts with, so that a caller can recognise it and add its own advice. */
    public static final String STALE_PRICES = "prices may be out of date";

    private final PriceBook prices;
    private final String region;
    private final boolean freeTier;
    private final Clock clock;
    private final int maxPriceAgeDays;
    private final AccountQuotas quotas;
    /** The region of each resource, by name, whose stack names one; the others run in {@link #region}. */
    private final Map<String, String> stackRegions;
    /** The last stale-price warning made, with its dates: the same words for every estimate of a day. */
    private volatile Stale lastWarning;

    private record Stale(LocalDate newest, LocalDate today, String warning) {
    }

    private Estimator(PriceBook prices, String region, boolean freeTier, Clock clock, int maxPriceAgeDays,
            AccountQuotas quotas, Map<String, String> stackRegions) {
        this.prices = prices;
        this.stackRegions = stackRegions;
        this.region = region;
        this.freeTier = freeTier;
        this.clock = clock;
        this.maxPriceAgeDays = maxPriceAgeDays;
        this.quotas = quotas;
    }

    /**
     * @param prices the price book to rate against
     * @return an estimator for {@value #DEFAULT_REGION} with the free tier applied and AWS's default quotas
     */
    public static Estimator of(PriceBook prices) {
        return new Estimator(Objects.requireNonNull(prices, "prices"), DEFAULT_REGION, true, Clock.systemUTC(),
                DEFAULT_MAX_PRICE_AGE_DAYS, AccountQuotas.DEFAULTS, Map.of());
    }

    /**
     * @param region a region code such as {@code "eu-west-1"}
     * @return an estimator whose resources run in {@code region} unless they name their own
     */
    public Estimator region(String region) {
        Objects.requireNonNull(region, "region");
        if (region.isBlank()) {
            throw new IllegalArgumentException("region must not be blank");
        }
        return new Estimator(prices, region, freeTier, clock, maxPriceAgeDays, quotas, stackRegions);
    }

    /** @return an estimator that applies the account's always-free allowances (the default) */
    public Estimator withFreeTier() {
        return freeTier(true);
    }

    /**
     * @return an estimator that applies no free tier: the worst case, or an account in AWS Organizations
     *     whose free tier is consumed elsewhere
     */
    public Estimator withoutFreeTier() {
        return freeTier(false);
    }

    /**
     * @param on whether the account-wide free tier applies
     * @return an estimator with the free tier on or off
     */
    public Estimator freeTier(boolean on) {
        return new Estimator(prices, region, on, clock, maxPriceAgeDays, quotas, stackRegions);
    }

    /**
     * @param clock the clock whose date (in its zone) an estimate is made on: the ages of its prices are counted
     *     to it (the default is the system clock in UTC)
     * @return an estimator dating its estimates by {@code clock}
     */
    public Estimator clock(Clock clock) {
        return new Estimator(prices, region, freeTier, Objects.requireNonNull(clock, "clock"), maxPriceAgeDays, quotas,
                stackRegions);
    }

    /**
     * @param days how old, in days, the newest price an estimate uses may be before the estimate warns (once)
     *     that AWS may have changed its prices since; at least 0, default {@value #DEFAULT_MAX_PRICE_AGE_DAYS}
     * @return an estimator with that threshold
     */
    public Estimator maxPriceAgeDays(int days) {
        if (days < 0) {
            throw new IllegalArgumentException("maxPriceAgeDays must not be negative: " + days);
        }
        return new Estimator(prices, region, freeTier, clock, days, quotas, stackRegions);
    }

    /**
     * @param quotas the account's raised quotas (Lambda's concurrent executions per region, ...); the default is
     *     AWS's documented defaults
     * @return an estimator that checks against them
     */
    public Estimator quotas(AccountQuotas quotas) {
        return new Estimator(prices, region, freeTier, clock, maxPriceAgeDays, Objects.requireNonNull(quotas, "quotas"),
                stackRegions);
    }

    /**
     * @param byResource the region of resources by name, for resources whose stack deploys to a region of its own
     *     (a CDK app's stacks); a resource that names its own region keeps it, one not named here runs in
     *     {@link #defaultRegion()}
     * @return an estimator that places those resources there
     */
    public Estimator stackRegions(Map<String, String> byResource) {
        Map<String, String> copy = Map.copyOf(Objects.requireNonNull(byResource, "byResource"));
        copy.forEach((name, r) -> {
            if (r.isBlank()) {
                throw new IllegalArgumentException("the region of " + name + " must not be blank");
            }
        });
        return new Estimator(prices, region, freeTier, clock, maxPriceAgeDays, quotas, copy);
    }

    /** @return where a resource runs: its own region, else its stack's, else the default ({@code global} for some) */
    private String regionOf(Service<Resource> service, Resource resource) {
        return service.regionOf(resource, stackRegions.isEmpty() ? region
                : stackRegions.getOrDefault(resource.name(), region));
    }

    /**
     * The service and context of the last kind of resource priced alone, and the region it ran in: a loop over one kind
     * of resource (a sweep, a simulation) looks them up once. An immutable value published through final fields, so a
     * race between threads only looks them up again.
     */
    private record LastRoute(Class<?> type, Service<Resource> service, String region, ServiceContext context) {
    }

    private LastRoute lastRoute;

    /** @return the price book this estimator rates against */
    public PriceBook prices() {
        return prices;
    }

    /** @return the region of resources that name none */
    public String defaultRegion() {
        return region;
    }

    /** @return whether the free tier is applied */
    public boolean freeTierApplied() {
        return freeTier;
    }

    /** @return the quotas resources are checked against */
    public AccountQuotas quotas() {
        return quotas;
    }

    // ---------------------------------------------------------------- the pipeline

    /** One resource on its way through the pipeline. */
    private static final class Step {
        final Resource resource;
        final Service<Resource> service;
        final ServiceContext context;
        /** Whether the price book has the service's main table: without it the resource is not priced, and named. */
        final boolean priced;
        ValidationReport report = ValidationReport.EMPTY;

        Step(Resource resource, Service<Resource> service, ServiceContext context) {
            this.resource = resource;
            this.service = service;
            this.context = context;
            this.priced = context.prices().has(service.mainTable());
        }

        MissingPrice notPriced() {
            return MissingPrice.table(resource.name(), service.mainTable(), context.region());
        }
    }

    /**
     * Checks, meters and rates one account's month: the one answer {@code estimate}, {@code validate} and
     * {@code CostAssert} give.
     *
     * @param resources the resources, names unique; the order decides how shared allowances are attributed
     * @return every violation, and the estimate of the resources AWS would accept (those lacking a price listed as
     *     not priced)
     * @throws IllegalArgumentException if two resources share a name, or one is of a type no service prices
     */
    public Assessment assess(List<? extends Resource> resources) {
        List<Step> steps = steps(resources);
        ValidationReport violations = check(steps);
        Set<String> rejected = Set.of();
        if (!violations.isValid()) {
            rejected = new HashSet<>();
            for (Violation v : violations.errors()) {
                rejected.add(v.resource());
            }
        }
        List<MeteredResource> metered = new ArrayList<>(steps.size());
        List<MissingPrice> missing = new ArrayList<>(0); // no array until a price is missing
        for (Step s : steps) {
            if (rejected.contains(s.resource.name())) {
                continue;
            }
            if (!s.priced) {
                missing.add(s.notPriced());
                continue; // the price book prices nothing of its service: not priced, named
            }
            metered.add(withWarnings(s.service.meter(s.resource, s.context), s.report));
        }
        return new Assessment(rate(metered, missing), violations);
    }

    /**
     * Checks resources against their services' limits and what they share, without pricing them.
     *
     * @param resources the resources, names unique
     * @return every violation, resource by resource, then the shared ones
     */
    public ValidationReport validate(List<? extends Resource> resources) {
        return check(steps(resources));
    }

    /**
     * Estimates one account's month.
     *
     * @param resources the resources, names unique; the order decides how shared allowances are attributed
     * @return the estimate
     * @throws InvalidWorkloadException if AWS would reject a resource's configuration, or a resource runs in a region
     *     its service's table does not price; it lists every error
     * @throws PriceUnavailableException if a resource needs a price the price book does not have (no source gives
     *     it); it lists every such resource, and {@link #estimatePartial} prices the others
     * @throws IllegalArgumentException if two resources share a name
     */
    public Estimate estimate(List<? extends Resource> resources) {
        return assess(resources).orThrow();
    }

    /**
     * Estimates one account's month of every resource whose prices the price book has, and lists the others in
     * {@link Estimate#notPriced()}: a resource that needs a price no source gives is left out whole (its usage
     * takes no share of the free tier), never priced at another region's or architecture's rate.
     *
     * @param resources the resources, names unique; the order decides how shared allowances are attributed
     * @return the estimate of the resources that could be priced, with the others listed as not priced
     * @throws InvalidWorkloadException if AWS would reject a resource's configuration
     * @throws IllegalArgumentException if two resources share a name
     */
    public Estimate estimatePartial(List<? extends Resource> resources) {
        Assessment a = assess(resources);
        a.violations().orThrow();
        return a.estimate();
    }

    /**
     * The exact monthly cost of one resource priced alone: the same figure as
     * {@code estimate(List.of(resource)).totalExact()}, by the service's exact fast path where it has one (a plain
     * Lambda function: fixed-point {@code long} arithmetic, falling back to the engine on overflow). For sweeps and
     * simulations that need only the total.
     *
     * @param resource the resource, priced with this estimator's region and free-tier setting
     * @return the cost in the price book's currency per month, unrounded
     * @throws InvalidWorkloadException if AWS would reject the resource's configuration
     * @throws PriceUnavailableException if it needs a price the price book lacks
     */
    public BigDecimal monthlyCostExact(Resource resource) {
        LastRoute last = lastRoute;
        Service<Resource> service = last != null && last.type == resource.getClass() ? last.service
                : Services.of(resource);
        Optional<FixedPointMeter<Resource>> route = service.fixedPoint();
        if (route.isPresent()) {
            String in = regionOf(service, resource);
            ServiceContext context;
            if (last != null && last.service == service && (last.region == in || last.region.equals(in))) {
                context = last.context;
            } else {
                context = Services.context(prices, in, quotas);
                lastRoute = new LastRoute(resource.getClass(), service, in, context);
            }
            // The service's fixed-point route vouches for what it prices (valid, priced, in range) or declines.
            Optional<BigDecimal> fast = route.get().monthlyCost(resource, context, freeTier);
            if (fast.isPresent()) {
                return fast.get();
            }
        }
        return estimate(List.of(resource)).totalExact(); // no lambda per call
    }

    /**
     * The exact monthly cost of one resource as a function of its monthly volume, priced alone, derived from this
     * estimator's engine: what break-even volumes (serverless against always-on, Lambda@Edge against CloudFront
     * Functions) are solved on.
     *
     * @param atVolume the resource at a monthly volume (requests, invocations), the same configuration at every one
     * @return its cost function
     * @throws InvalidWorkloadException if AWS would reject the resource
     * @throws PriceUnavailableException if it needs a price the price book lacks
     */
    public CostFunction costFunction(java.util.function.LongFunction<? extends Resource> atVolume) {
        return CostFunction.of(this, Objects.requireNonNull(atVolume, "atVolume"));
    }

    /**
     * The cost function of resources that grow with one volume together (a Lambda function and the API Gateway in
     * front of it), their total priced by the engine; see {@link #costFunction}.
     *
     * @param atVolume the resources at a monthly volume, the same ones at every volume
     * @return the function of their total
     */
    public CostFunction costFunctionOfAll(
            java.util.function.LongFunction<? extends List<? extends Resource>> atVolume) {
        return CostFunction.ofAll(this, Objects.requireNonNull(atVolume, "atVolume"));
    }

    /**
     * The published prices a resource's usage is charged at, whatever its quantities: for each usage type its meter
     * uses, in the meter's order, the price table of the resource's region (every tier, the unit, the usage type with
     * its region prefix). What a resource given no usage will cost per unit (a template's function before traffic).
     *
     * @param resource the resource, checked as {@link #estimate} checks it
     * @return the tables of the usage types the price book prices, possibly empty; those it lacks are left out
     * @throws InvalidWorkloadException if AWS would reject the resource
     * @throws PriceUnavailableException if the price book has no table of its service
     */
    public List<io.github.computecost.pricing.PriceTable> unitPrices(Resource resource) {
        MeteredResource m = meter(resource);
        List<io.github.computecost.pricing.PriceTable> out = new ArrayList<>(m.usage().size());
        Set<String> seen = new HashSet<>();
        for (io.github.computecost.service.UsageRecord u : m.usage()) {
            String table = u.tableOr(m.service());
            if (!seen.add(table + " " + u.baseUsageType()) || !prices.has(table)) {
                continue;
            }
            io.github.computecost.pricing.RegionPrices region = prices.service(table).regions().get(m.region());
            if (region != null) {
                region.find(u.baseUsageType()).ifPresent(out::add);
            }
        }
        return out;
    }

    /** Checks and meters one resource (for {@link CostFunction}), refusing one AWS would reject. */
    MeteredResource meter(Resource resource) {
        List<Step> steps = steps(List.of(resource));
        check(steps).orThrow();
        Step s = steps.get(0);
        if (!s.priced) {
            throw new PriceUnavailableException(List.of(s.notPriced()));
        }
        return s.service.meter(resource, s.context);
    }

    private List<Step> steps(List<? extends Resource> resources) {
        List<Step> steps = new ArrayList<>(resources.size());
        for (Resource r : resources) {
            Objects.requireNonNull(r, "a resource is null");
            Service<Resource> service = Services.of(r);
            steps.add(new Step(r, service, Services.context(prices, regionOf(service, r), quotas)));
        }
        RatingEngine.requireUniqueNames(resources, Resource::name);
        return steps;
    }

    private ValidationReport check(List<Step> steps) {
        List<Violation> out = new ArrayList<>(0);
        // The resources of each service, for the checks they share; services in the order first met (a workload has a
        // few, so a list searched by identity).
        List<Service<Resource>> services = new ArrayList<>(steps.size() > 1 ? 2 : 1);
        List<List<Service.Placed<Resource>>> placed = new ArrayList<>(steps.size() > 1 ? 2 : 1);
        for (Step s : steps) {
            if (!s.priced) {
                continue; // not priced at all: listed as such by assess
            }
            ServicePrices table = prices.service(s.service.regionTable(s.resource, s.context));
            if (s.service.regional() && !table.regions().containsKey(s.context.region())) {
                UnknownRegionException e = table.unknownRegion(s.context.region());
                s.report = new ValidationReport(List.of(new Violation("region.unknown", Severity.ERROR,
                        s.resource.name(), "region", s.context.region(), "a priced region",
                        s.resource.name() + ": " + e.getMessage())));
                out.addAll(s.report.violations());
                continue;
            }
            s.report = s.service.check(s.resource, s.context);
            out.addAll(s.report.violations());
            int i = services.indexOf(s.service); // services are singletons: equality is identity
            if (i < 0) {
                services.add(s.service);
                placed.add(new ArrayList<>(1));
                i = services.size() - 1;
            }
            placed.get(i).add(new Service.Placed<>(s.resource, s.context.region()));
        }
        ServiceContext account = null;
        for (int i = 0; i < services.size(); i++) {
            if (placed.get(i).size() > 1) { // what resources share needs two of them
                account = account != null ? account : Services.context(prices, region, quotas);
                out.addAll(services.get(i).checkAccount(placed.get(i), account).violations());
            }
        }
        return out.isEmpty() ? ValidationReport.EMPTY : new ValidationReport(out);
    }

    /** Every warning on a resource becomes a note on its estimate, before the meter's own notes. */
    private static MeteredResource withWarnings(MeteredResource m, ValidationReport report) {
        if (report.violations().isEmpty()) {
            return m;
        }
        List<String> notes = new ArrayList<>();
        for (Violation v : report.warnings()) {
            notes.add("Warning: " + v.message() + ".");
        }
        notes.addAll(m.notes());
        return new MeteredResource(m.name(), m.type(), m.service(), m.region(), m.usage(), notes, m.adjustments());
    }

    /** Rates once; a resource lacking a price is left out whole and the others rated again without it. */
    private Estimate rate(List<MeteredResource> metered, List<MissingPrice> missing) {
        RatingEngine engine = RatingEngine.of(prices);
        LocalDate today = today();
        Estimate e;
        try {
            e = engine.rate(metered, freeTier, today);
        } catch (PriceUnavailableException x) {
            missing = new ArrayList<>(missing);
            missing.addAll(x.missing());
            Set<String> refused = new HashSet<>();
            x.missing().forEach(mp -> mp.resource().ifPresent(refused::add));
            e = engine.rate(metered.stream().filter(r -> !refused.contains(r.name())).toList(), freeTier, today);
        }
        if (!missing.isEmpty()) {
            e = e.withNotPriced(missing);
        }
        return withAgeWarning(e);
    }

    /** The day of the last estimate, with the epoch millisecond at which that day ends. */
    private volatile Day day;

    private record Day(LocalDate date, long ends) {
    }

    /** The estimator's date: read from its clock, the conversion to a date made once a day (when the zone is fixed). */
    private LocalDate today() {
        if (!(clock.getZone() instanceof java.time.ZoneOffset offset)) {
            return LocalDate.now(clock);
        }
        long now = clock.millis();
        Day d = day;
        if (d != null && now < d.ends() && now >= d.ends() - 86_400_000L) {
            return d.date();
        }
        LocalDate date = LocalDate.now(clock);
        long ends = date.plusDays(1).atStartOfDay(offset).toInstant().toEpochMilli();
        day = new Day(date, ends);
        return date;
    }

    private Estimate withAgeWarning(Estimate e) {
        if (e.priceDates().isEmpty()) {
            return e;
        }
        long age = e.priceDates().get().newestAgeDays(e.pricedOn());
        if (age <= maxPriceAgeDays) {
            return e;
        }
        LocalDate newest = e.priceDates().get().newest();
        Stale last = lastWarning;
        if (last == null || !last.newest().equals(newest) || !last.today().equals(e.pricedOn())) {
            last = new Stale(newest, e.pricedOn(), staleWarning(newest, e.pricedOn(), maxPriceAgeDays));
            lastWarning = last;
        }
        return e.withWarning(last.warning());
    }

    /**
     * @param maxPriceAgeDays the age, in days, above which it warns
     * @param newest the date of the newest price the estimate uses
     * @param today the date the estimate is made on
     * @return the one warning an estimate gives when even its newest price is older than the threshold; it starts
     *     with {@link #STALE_PRICES}
     */
    public static String staleWarning(LocalDate newest, LocalDate today, int maxPriceAgeDays) {
        long age = java.time.temporal.ChronoUnit.DAYS.between(newest, today);
        return STALE_PRICES + ": the newest price this estimate uses is from " + newest + ", " + age
                + " days before " + today + " (more than " + maxPriceAgeDays + " days); AWS may have changed its prices "
                + "since";
    }
}
