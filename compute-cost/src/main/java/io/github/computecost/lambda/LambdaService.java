package io.github.computecost.lambda;

import io.github.computecost.compute.Architecture;
import io.github.computecost.limits.Severity;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.limits.Violation;
import io.github.computecost.money.Amounts;
import io.github.computecost.pricing.TableSchema;
import io.github.computecost.service.Entry;
import io.github.computecost.service.FixedPointMeter;
import io.github.computecost.service.MeteredResource;
import io.github.computecost.service.PriceListMapping;
import io.github.computecost.service.Service;
import io.github.computecost.service.ServiceContext;
import io.github.computecost.service.Sizing;
import io.github.computecost.service.SizingRequest;
import io.github.computecost.service.TemplateMapping;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * AWS Lambda as the estimator knows it: workload type {@code lambda}, its limits and meter, its SAM and
 * CloudFormation resources, its sizing for {@code compare}, its Price List offer and its Arm usage types.
 * Stateless and thread-safe.
 */
public final class LambdaService implements Service<LambdaFunction> {

    /** The one instance. */
    public static final LambdaService INSTANCE = new LambdaService();

    /** AWS Price List service code of Lambda's table (and of its offer). */
    public static final String TABLE = "AWSLambda";
    /** The account quota a workload file may state: concurrent executions per region. */
    public static final String CONCURRENT_EXECUTIONS = "lambdaConcurrentExecutions";

    private static final Set<String> KEYS = Set.of("region", "architecture", "memoryMb", "ephemeralStorageMb",
            "requestsPerMonth", "durationMs", "provisionedConcurrency", "snapStart", "runtime", "timeoutSeconds",
            "environmentVariables", "layers", "packageZippedMb", "packageUnzippedMb", "containerImageMb",
            "invocation", "payloadKb", "peakRequestsPerSecond", "peakFactor", "coldStarts", "durable", "managedInstances");

    private LambdaService() {
    }

    @Override
    public String type() {
        return LambdaFunction.TYPE;
    }

    @Override
    public Set<String> entryKeys() {
        return KEYS;
    }

    @Override
    public Class<LambdaFunction> resourceType() {
        return LambdaFunction.class;
    }

    @Override
    public String title() {
        return "AWS Lambda";
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    @Override
    public List<TableSchema<?>> schemas() {
        return List.of(LambdaTables.SCHEMA);
    }

    @Override
    public Set<String> quotas() {
        return Set.of(CONCURRENT_EXECUTIONS);
    }

    @Override
    public LambdaFunction read(Entry r) {
        r.allowOnly(entryKeys());
        LambdaFunction.Builder b = LambdaFunction.builder(r.string("name"));
        r.optString("region").ifPresent(b::region);
        b.architecture(r.parse("architecture", Architecture::parse, Architecture.X86_64));
        b.memoryMb(r.positiveInt("memoryMb"));
        b.ephemeralStorageMb(r.positiveInt("ephemeralStorageMb", LambdaFunction.DEFAULT_EPHEMERAL_STORAGE_MB));
        b.requestsPerMonth(r.nonNegativeLong("requestsPerMonth"));
        b.averageDurationMs(r.nonNegative("durationMs"));
        r.optString("runtime").ifPresent(b::runtime);
        LambdaConfiguration.Builder c = LambdaConfiguration.NONE.toBuilder();
        if (r.has("timeoutSeconds")) {
            c.timeoutSeconds(r.positiveInt("timeoutSeconds"));
        }
        if (r.has("environmentVariables")) {
            c.environmentVariablesBytes(LambdaConfiguration.environmentSize(r.stringMap("environmentVariables")));
        }
        if (r.has("layers")) {
            c.layers(r.nonNegativeInt("layers"));
        }
        r.optNonNegative("packageZippedMb").ifPresent(c::packageZippedMb);
        r.optNonNegative("packageUnzippedMb").ifPresent(c::packageUnzippedMb);
        r.optNonNegative("containerImageMb").ifPresent(c::containerImageMb);
        traffic(r, c);
        b.configuration(c.build());
        r.optObj("provisionedConcurrency").ifPresent(pc -> {
            pc.allowExactly("concurrency", "hoursPerMonth");
            int n = pc.positiveInt("concurrency");
            BigDecimal hours = pc.nonNegative("hoursPerMonth");
            b.provisionedConcurrency(pc.step("hoursPerMonth", () -> ProvisionedConcurrency.of(n, hours)));
        });
        r.optObj("snapStart").ifPresent(ss -> {
            ss.allowExactly("cachedVersions", "activeHoursPerMonth", "restoresPerMonth");
            int versions = ss.positiveInt("cachedVersions", 1);
            BigDecimal hours = ss.nonNegative("activeHoursPerMonth", SnapStart.DEFAULT_ACTIVE_HOURS);
            long restores = ss.nonNegativeLong("restoresPerMonth");
            b.snapStart(ss.step("activeHoursPerMonth", () -> new SnapStart(versions, hours, restores)));
        });
        billingModels(r, b);
        return b.build();
    }

    /**
     * The blocks of Lambda's newer billing models, read the same way from a workload entry and from a template
     * function's usage entry: {@code coldStarts}, {@code durable}, {@code managedInstances}.
     */
    static void billingModels(Entry r, LambdaFunction.Builder b) {
        r.optObj("coldStarts").ifPresent(cs -> {
            cs.allowExactly("perMonth", "initDurationMs");
            b.coldStarts(new ColdStarts(cs.nonNegativeLong("perMonth"), cs.nonNegative("initDurationMs")));
        });
        r.optObj("durable").ifPresent(d -> {
            d.allowExactly("executionsPerMonth", "operationsPerExecution", "dataWrittenKbPerExecution",
                    "runningDays", "retentionDays");
            long executions = d.nonNegativeLong("executionsPerMonth");
            long operations = d.positiveInt("operationsPerExecution");
            BigDecimal kb = d.nonNegative("dataWrittenKbPerExecution");
            BigDecimal running = d.nonNegative("runningDays", BigDecimal.ZERO);
            BigDecimal retention = d.nonNegative("retentionDays", DurableExecutions.DEFAULT_RETENTION_DAYS);
            b.durable(new DurableExecutions(executions, operations, kb, running, retention));
        });
        r.optObj("managedInstances").ifPresent(mi -> {
            mi.allowExactly("instanceType", "instanceHoursPerMonth", "ec2DiscountPercent");
            String type = mi.string("instanceType");
            BigDecimal hours = mi.nonNegative("instanceHoursPerMonth");
            Optional<BigDecimal> discount = mi.optNonNegative("ec2DiscountPercent");
            b.managedInstances(mi.step("ec2DiscountPercent", () -> new ManagedInstances(type, hours, discount)));
        });
    }

    /**
     * The settings of a function's traffic that a workload entry and a template's usage entry share, read the same
     * way from both: {@code invocation}, {@code payloadKb}, {@code peakRequestsPerSecond}, {@code peakFactor}.
     */
    static void traffic(Entry r, LambdaConfiguration.Builder c) {
        if (r.has("invocation")) {
            c.invocation(r.oneOf("invocation", "sync", "async").equals("async") ? LambdaConfiguration.Invocation.ASYNC
                    : LambdaConfiguration.Invocation.SYNC);
        }
        r.optNonNegative("payloadKb").ifPresent(c::payloadKb);
        r.optNonNegative("peakRequestsPerSecond").ifPresent(c::peakRequestsPerSecond);
        if (r.has("peakFactor")) {
            c.peakFactor(r.positive("peakFactor"));
        }
    }

    @Override
    public ValidationReport check(LambdaFunction fn, ServiceContext context) {
        LambdaTables t = context.tables(LambdaTables.SCHEMA);
        ValidationReport limits = LambdaLimits.check(fn, t, context.quotas());
        if (fn.coldStarts().isEmpty() && fn.durable().isEmpty() && fn.managedInstances().isEmpty()) {
            return limits;
        }
        return limits.and(new ValidationReport(LambdaLimits.billingModels(fn, t, context.instances())));
    }

    /** Lambda's concurrency quota is per account and region: the functions of a region share it. */
    @Override
    public ValidationReport checkAccount(List<Placed<LambdaFunction>> functions, ServiceContext context) {
        if (functions.size() < 2) {
            return ValidationReport.EMPTY; // a function alone is checked against the quota by check()
        }
        Map<String, BigDecimal> peakByRegion = new LinkedHashMap<>();
        Map<String, Integer> countByRegion = new LinkedHashMap<>();
        for (Placed<LambdaFunction> p : functions) {
            LambdaLimits.peakConcurrency(p.resource()).ifPresent(c -> {
                peakByRegion.merge(p.region(), c, BigDecimal::add);
                countByRegion.merge(p.region(), 1, Integer::sum);
            });
        }
        if (peakByRegion.isEmpty()) {
            return ValidationReport.EMPTY;
        }
        BigDecimal quota = context.quotas().get(CONCURRENT_EXECUTIONS).map(BigDecimal::valueOf)
                .orElse(context.tables(LambdaTables.SCHEMA).concurrentExecutions().max().orElseThrow());
        List<Violation> out = new ArrayList<>();
        peakByRegion.forEach((region, total) -> {
            if (countByRegion.get(region) > 1 && total.compareTo(quota) > 0) {
                String needed = total.setScale(0, RoundingMode.CEILING).toPlainString();
                out.add(new Violation("lambda.concurrency.region-quota", Severity.WARNING, region, "peakConcurrency",
                        needed, quota.toPlainString(), region + ": the functions together need about " + needed
                                + " concurrent executions at peak, above the " + quota.toPlainString()
                                + " the account has in the region (one quota shared by all functions)"));
            }
        });
        return new ValidationReport(out);
    }

    @Override
    public MeteredResource meter(LambdaFunction fn, ServiceContext context) {
        return LambdaMeter.meter(fn, context.tables(LambdaTables.SCHEMA), context.region(), context.instances());
    }

    @Override
    public Optional<TemplateMapping<LambdaFunction>> templates() {
        return Optional.of(LambdaTemplates.INSTANCE);
    }

    @Override
    public Optional<Sizing> sizing() {
        return SIZING;
    }

    private static final Optional<Sizing> SIZING = Optional.of(Sizing.of(
            java.util.Arrays.stream(Architecture.values()).map(a -> "Lambda (" + a.awsName() + ")").toList(), false,
            Optional.empty(), java.util.EnumSet.of(Sizing.Property.COLD_STARTS, Sizing.Property.FIFTEEN_MINUTE_LIMIT),
            LambdaService::options));

    @Override
    public List<PriceListMapping> priceList() {
        return List.of(PriceListMapping.of(TABLE, TABLE));
    }

    @Override
    public Map<String, String> armEquivalents() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String x86 : LambdaMeter.WITH_ARM_TWIN) {
            m.put(x86, LambdaMeter.usageType(x86, true));
        }
        return m;
    }

    private static final Optional<FixedPointMeter<LambdaFunction>> FIXED_POINT = Optional.of(LambdaFastPath.INSTANCE);

    @Override
    public Optional<FixedPointMeter<LambdaFunction>> fixedPoint() {
        return FIXED_POINT;
    }

    /** One option per architecture: the function as described, per request. */
    private static List<Sizing.Option> options(SizingRequest w, ServiceContext context) {
        LambdaTables t = context.tables(LambdaTables.SCHEMA);
        List<Sizing.Option> out = new ArrayList<>();
        for (Architecture a : Architecture.values()) {
            String label = "Lambda (" + a.awsName() + ")";
            Optional<String> why = cannot(w, t);
            if (why.isPresent()) {
                out.add(Sizing.Option.cannot(label, false, why.get()));
                continue;
            }
            Sizing.Traffic traffic = (requests, durationMs) -> LambdaFunction.builder(w.name()).region(w.region())
                    .architecture(a).memoryMb(w.memoryMb()).requestsPerMonth(requests).averageDurationMs(durationMs)
                    .build();
            out.add(new Sizing.Option(label, false, List.of(new Sizing.Candidate(w.memoryMb() + " MB, "
                    + Amounts.plain(w.durationMs()) + " ms", traffic.at(w.requestsPerMonth(), w.durationMs()),
                    Optional.of(traffic))), "no Lambda price for this region"));
        }
        return out;
    }

    private static Optional<String> cannot(SizingRequest w, LambdaTables t) {
        if (w.needsGpu()) {
            return Optional.of("Lambda has no GPUs");
        }
        if (w.needsWindows()) {
            return Optional.of("Lambda runs Linux only");
        }
        if (w.needsLongRuns() || w.durationMs().compareTo(t.maxTimeoutMs()) > 0) {
            return Optional.of("Lambda stops a request after "
                    + t.timeoutSeconds().max().orElseThrow().divide(BigDecimal.valueOf(60)).stripTrailingZeros()
                            .toPlainString() + " minutes");
        }
        ValidationReport r = LambdaLimits.check(LambdaFunction.builder("probe").memoryMb(w.memoryMb()).build(), t,
                io.github.computecost.limits.AccountQuotas.DEFAULTS);
        return r.hasErrors() ? Optional.of(r.errors().get(0).message().replace("probe: ", "")) : Optional.empty();
    }
}
