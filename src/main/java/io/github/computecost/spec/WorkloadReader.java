package io.github.computecost.spec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.computecost.budget.Budget;
import io.github.computecost.compare.MemoryTuning;
import io.github.computecost.compare.NeutralWorkload;
import io.github.computecost.compare.Uncertainty;
import io.github.computecost.compute.OperatingSystem;
import io.github.computecost.ec2.Ec2Instance;
import io.github.computecost.edge.CloudFrontFunction;
import io.github.computecost.fargate.FargateTask;
import io.github.computecost.lightsail.LightsailInstance;
import io.github.computecost.edge.EdgeEventType;
import io.github.computecost.edge.FunctionNeeds;
import io.github.computecost.edge.LambdaEdgeFunction;
import io.github.computecost.estimate.Meterable;
import io.github.computecost.internal.FieldException;
import io.github.computecost.internal.Json;
import io.github.computecost.internal.Json.Obj;
import io.github.computecost.compute.Architecture;
import io.github.computecost.lambda.LambdaConfiguration;
import io.github.computecost.lambda.LambdaFunction;
import io.github.computecost.limits.AccountQuotas;
import io.github.computecost.lambda.ProvisionedConcurrency;
import io.github.computecost.lambda.SnapStart;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads workload files: YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json}), one schema.
 *
 * <pre>
 * region: us-east-1        # default region for resources that name none (default us-east-1)
 * freeTier: true           # default true
 * budget: { monthly: "250.00" }   # optional: the most the month may cost
 * resources:
 *   - name: orders-api     # unique within the file
 *     type: lambda
 *     budget: "20.00"      # optional, on any resource: the most it may cost a month
 *     region: eu-west-1    # optional
 *     architecture: arm64  # x86_64 (default) | arm64
 *     memoryMb: 512
 *     ephemeralStorageMb: 512                 # default 512
 *     requestsPerMonth: 3000000
 *     durationMs: 120      # average billed duration of one invocation; decimals allowed
 *     provisionedConcurrency: { concurrency: 10, hoursPerMonth: 730 }      # optional
 *     runtime: python3.12                                                  # optional
 *     snapStart: { restoresPerMonth: 74400, activeHoursPerMonth: 744, cachedVersions: 1 }  # optional
 *   - name: auth-at-edge
 *     type: lambda-edge
 *     eventType: viewer-request   # viewer-request | viewer-response | origin-request | origin-response
 *     memoryMb: 128
 *     requestsPerMonth: 10000000
 *     durationMs: 5
 *     runtime: nodejs22.x          # optional; the rest too: what the code needs, for compare-edge
 *     needsNetwork: false
 *     needsBody: false
 *     needsFileSystem: false
 *     codeSizeKb: 4
 *     memoryUsedMb: 1
 *   - name: url-rewrite
 *     type: cloudfront-function
 *     eventType: viewer-request   # viewer-request | viewer-response
 *     invocationsPerMonth: 10000000
 *     keyValueStoreReadsPerInvocation: 1   # optional, default 0
 *     codeSizeKb: 2                        # optional
 *     lambdaEdgeMemoryMb: 128              # optional, for compare-edge: the Lambda@Edge equivalent (default 128)
 *     lambdaEdgeDurationMs: 1              # optional, likewise (default 1)
 *   - name: web
 *     type: fargate
 *     architecture: arm64        # x86_64 (default) | arm64
 *     operatingSystem: linux     # linux (default) | windows
 *     vcpu: 1
 *     memoryGb: 2
 *     ephemeralStorageGb: 20     # default 20 (included)
 *     tasks: 3                   # tasks running side by side (default 1)
 *     hoursPerMonth: 730         # default 730
 *     spot: false                # Spot needs a Spot price table (--pricing-data)
 *   - name: nightly-batch
 *     type: fargate
 *     vcpu: 4
 *     memoryGb: 8
 *     runsPerMonth: 30           # instead of tasks/hoursPerMonth: short runs, billed at least the minimum
 *     runDurationSeconds: 40
 *   - name: app-server
 *     type: ec2
 *     instanceType: t3.medium
 *     operatingSystem: linux     # linux (default) | windows
 *     count: 2                   # default 1
 *     hoursPerMonth: 730         # default 730
 *     spotDiscountPercent: 60    # optional: your own assumption, labelled as such
 *   - name: blog
 *     type: lightsail
 *     bundle: medium_3_0         # bundle id, or the plan name ("Linux 4 GB")
 *     count: 1                   # default 1
 *     hoursPerMonth: 100         # default: the whole month, which costs the plan price
 *     dataTransferOutGb: 5000    # per instance; beyond the allowance, charged per GB
 * </pre>
 *
 * <p>Numbers may be written as numbers or as strings holding numbers; they are read as exact decimals,
 * never through {@code double}. Unknown keys, duplicate keys, missing required fields, fractions where a
 * whole number is needed and non-finite numbers are errors naming the file, the resource and the field.
 *
 * <p>Stateless and thread-safe.
 */
public final class WorkloadReader {

    private static final Set<String> TOP = Set.of("region", "freeTier", "budget", "quotas", "resources");
    private static final Set<String> LAMBDA = Set.of("name", "type", "budget", "region", "architecture", "memoryMb",
            "ephemeralStorageMb", "requestsPerMonth", "durationMs", "provisionedConcurrency", "snapStart", "runtime",
            "timeoutSeconds", "environmentVariables", "layers", "packageZippedMb", "packageUnzippedMb", "containerImageMb",
            "invocation", "payloadKb", "peakRequestsPerSecond", "peakFactor");

    private static final Set<String> LAMBDA_EDGE = Set.of("name", "type", "budget", "eventType", "memoryMb", "requestsPerMonth",
            "durationMs", "runtime", "needsNetwork", "needsBody", "needsFileSystem", "codeSizeKb", "memoryUsedMb",
            "generatedResponseKb");
    private static final Set<String> CLOUDFRONT_FUNCTION = Set.of("name", "type", "budget", "eventType", "invocationsPerMonth",
            "keyValueStoreReadsPerInvocation", "codeSizeKb", "lambdaEdgeMemoryMb", "lambdaEdgeDurationMs");

    private static final Set<String> FARGATE = Set.of("name", "type", "budget", "region", "architecture",
            "operatingSystem", "vcpu", "memoryGb", "ephemeralStorageGb", "tasks", "hoursPerMonth", "runsPerMonth",
            "runDurationSeconds", "spot");
    private static final Set<String> EC2 = Set.of("name", "type", "budget", "region", "instanceType", "operatingSystem",
            "count", "hoursPerMonth", "spotDiscountPercent");
    private static final Set<String> LIGHTSAIL = Set.of("name", "type", "budget", "region", "bundle", "count",
            "hoursPerMonth", "dataTransferOutGb", "dataTransferInGb");

    private static final Set<String> NEUTRAL = Set.of("name", "type", "region", "requestsPerMonth", "durationMs",
            "memoryMb", "peakRequestsPerSecond", "needs");

    private static final Map<String, Function<Obj, Meterable>> TYPES = Map.of(
            NeutralWorkload.TYPE, WorkloadReader::neutral,
            MemoryTuning.TYPE, WorkloadReader::tuning,
            LambdaFunction.TYPE, WorkloadReader::lambda,
            LambdaEdgeFunction.TYPE, WorkloadReader::lambdaEdge,
            CloudFrontFunction.TYPE, WorkloadReader::cloudFrontFunction,
            FargateTask.TYPE, WorkloadReader::fargate,
            Ec2Instance.TYPE, WorkloadReader::ec2,
            LightsailInstance.TYPE, WorkloadReader::lightsail);

    private WorkloadReader() {
    }

    /**
     * Reads a workload file, choosing YAML or JSON by its extension (YAML for any other extension, since
     * YAML reads JSON too).
     *
     * @param file the file
     * @return the workload
     * @throws WorkloadException if the file is missing, unreadable or invalid
     */
    public static Workload read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new WorkloadException(file.toString(), "$", Optional.empty(), "file not found");
        } catch (IOException e) {
            throw new WorkloadException(file.toString(), "$", Optional.empty(), "cannot be read: " + e.getMessage());
        }
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return parse(file.toString(), bytes, n.endsWith(".json"));
    }

    /**
     * Parses workload text.
     *
     * @param fileName the name to use in messages
     * @param content the document
     * @param json true for JSON, false for YAML
     * @return the workload
     * @throws WorkloadException if the document is invalid
     */
    public static Workload parse(String fileName, String content, boolean json) {
        return parse(fileName, content.getBytes(java.nio.charset.StandardCharsets.UTF_8), json);
    }

    private static Workload parse(String file, byte[] bytes, boolean json) {
        JsonNode root;
        try {
            root = Json.readTree(bytes, !json);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new WorkloadException(file, "$", Optional.empty(), "is not valid "
                    + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage() + where);
        } catch (IOException e) {
            throw new WorkloadException(file, "$", Optional.empty(), "cannot be read: " + e.getMessage());
        }
        return parse(file, root);
    }

    /** A workload from a document already read into a tree (by {@code ConfigReader}, which looks at it first). */
    static Workload parse(String file, JsonNode root) {
        if (root == null || root.isMissingNode()) {
            throw new WorkloadException(file, "$", Optional.empty(), "is empty");
        }
        Obj top;
        Header header;
        List<Obj> resources;
        try {
            top = Json.root(root);
            top.allowOnly(TOP);
            header = header(top);
            resources = top.objArray("resources");
        } catch (FieldException e) {
            throw new WorkloadException(file, e.path(), Optional.empty(), e.detail());
        }
        List<Budget> budgets = new ArrayList<>(header.budgets());
        List<Meterable> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Obj r : resources) {
            Optional<String> name = r.has("name") && r.raw("name").isTextual()
                    ? Optional.of(r.raw("name").asText()) : Optional.empty();
            try {
                String type = r.string("type");
                Function<Obj, Meterable> reader = TYPES.get(type);
                if (reader == null) {
                    throw new FieldException(r.pathOf("type"), "unknown resource type \"" + type + "\" (supported: "
                            + String.join(", ", new TreeSet<>(TYPES.keySet())) + ")");
                }
                Meterable m = reader.apply(r);
                if (!names.add(m.name())) {
                    throw new FieldException(r.pathOf("name"), "\"" + m.name()
                            + "\" is already used by another resource (names must be unique)");
                }
                out.add(m);
                if (r.has("budget")) {
                    budgets.add(Budget.of(m.name(), nonNegative(r, "budget")));
                }
            } catch (FieldException e) {
                throw new WorkloadException(file, e.path(), name, e.detail());
            }
        }
        return new Workload(header.region(), header.freeTier(), out, budgets, header.quotas());
    }

    /** The top-level settings every workload and usage file shares. */
    record Header(Optional<String> region, boolean freeTier, List<Budget> budgets, AccountQuotas quotas) {
    }

    /** Reads {@code region}, {@code freeTier}, {@code budget} and {@code quotas} from a file's top level. */
    static Header header(Obj top) {
        List<Budget> budgets = new ArrayList<>();
        Optional<Obj> budget = top.optObj("budget");
        if (budget.isPresent()) {
            budget.get().allowOnly(Set.of("monthly"));
            budgets.add(Budget.total(nonNegative(budget.get(), "monthly")));
        }
        AccountQuotas quotas = AccountQuotas.DEFAULTS;
        Optional<Obj> q = top.optObj("quotas");
        if (q.isPresent()) {
            q.get().allowOnly(Set.of("lambdaConcurrentExecutions"));
            quotas = new AccountQuotas(q.get().has("lambdaConcurrentExecutions")
                    ? Optional.of((long) positiveInt(q.get(), "lambdaConcurrentExecutions")) : Optional.empty());
        }
        return new Header(top.optString("region"), top.bool("freeTier", true), budgets, quotas);
    }

    private static Meterable lambda(Obj r) {
        r.allowOnly(LAMBDA);
        LambdaFunction.Builder b = LambdaFunction.builder(r.string("name"));
        r.optString("region").ifPresent(b::region);
        if (r.has("architecture")) {
            b.architecture(parse(r, "architecture", Architecture::parse));
        }
        b.memoryMb(positiveInt(r, "memoryMb"));
        if (r.has("ephemeralStorageMb")) {
            b.ephemeralStorageMb(positiveInt(r, "ephemeralStorageMb"));
        }
        b.requestsPerMonth(nonNegativeLong(r, "requestsPerMonth"));
        b.averageDurationMs(nonNegative(r, "durationMs"));
        r.optString("runtime").ifPresent(b::runtime);
        b.configuration(lambdaConfiguration(r));
        r.optObj("provisionedConcurrency").ifPresent(pc -> {
            pc.allowOnly(Set.of("concurrency", "hoursPerMonth"));
            int c = positiveInt(pc, "concurrency");
            BigDecimal hours = nonNegative(pc, "hoursPerMonth");
            b.provisionedConcurrency(step(pc, "hoursPerMonth", () -> ProvisionedConcurrency.of(c, hours)));
        });
        r.optObj("snapStart").ifPresent(ss -> {
            ss.allowOnly(Set.of("cachedVersions", "activeHoursPerMonth", "restoresPerMonth"));
            int versions = ss.has("cachedVersions") ? positiveInt(ss, "cachedVersions") : 1;
            BigDecimal hours = ss.has("activeHoursPerMonth") ? nonNegative(ss, "activeHoursPerMonth")
                    : SnapStart.DEFAULT_ACTIVE_HOURS;
            long restores = nonNegativeLong(ss, "restoresPerMonth");
            b.snapStart(step(ss, "activeHoursPerMonth", () -> new SnapStart(versions, hours, restores)));
        });
        return b.build();
    }

    private static LambdaConfiguration lambdaConfiguration(Obj r) {
        LambdaConfiguration.Builder c = LambdaConfiguration.NONE.toBuilder();
        if (r.has("timeoutSeconds")) {
            c.timeoutSeconds(positiveInt(r, "timeoutSeconds"));
        }
        if (r.has("environmentVariables")) {
            Obj env = r.obj("environmentVariables");
            java.util.Map<String, String> vars = new java.util.LinkedHashMap<>();
            for (String k : env.keys()) {
                com.fasterxml.jackson.databind.JsonNode v = env.raw(k);
                if (!v.isValueNode()) {
                    throw new FieldException(env.pathOf(k), "must be a string, was " + (v.isArray() ? "a list" : "an object"));
                }
                vars.put(k, v.asText());
            }
            c.environmentVariablesBytes(LambdaConfiguration.environmentSize(vars));
        }
        if (r.has("layers")) {
            c.layers(nonNegativeInt(r, "layers"));
        }
        optNonNegative(r, "packageZippedMb").ifPresent(c::packageZippedMb);
        optNonNegative(r, "packageUnzippedMb").ifPresent(c::packageUnzippedMb);
        optNonNegative(r, "containerImageMb").ifPresent(c::containerImageMb);
        if (r.has("invocation")) {
            c.invocation(parse(r, "invocation", v -> switch (v) {
                case "sync" -> LambdaConfiguration.Invocation.SYNC;
                case "async" -> LambdaConfiguration.Invocation.ASYNC;
                default -> throw new IllegalArgumentException("invocation must be sync or async, was \"" + v + "\"");
            }));
        }
        optNonNegative(r, "payloadKb").ifPresent(c::payloadKb);
        optNonNegative(r, "peakRequestsPerSecond").ifPresent(c::peakRequestsPerSecond);
        if (r.has("peakFactor")) {
            c.peakFactor(positive(r, "peakFactor"));
        }
        return c.build();
    }

    private static Meterable lambdaEdge(Obj r) {
        r.allowOnly(LAMBDA_EDGE);
        EdgeEventType event = eventType(r);
        FunctionNeeds needs = new FunctionNeeds(r.optString("runtime"), optBool(r, "needsNetwork"),
                optBool(r, "needsBody"), optBool(r, "needsFileSystem"), optNonNegative(r, "codeSizeKb"),
                optNonNegative(r, "memoryUsedMb"), optNonNegative(r, "generatedResponseKb"));
        return new LambdaEdgeFunction(r.string("name"), event, positiveInt(r, "memoryMb"),
                nonNegativeLong(r, "requestsPerMonth"), nonNegative(r, "durationMs"), needs);
    }

    private static Meterable cloudFrontFunction(Obj r) {
        r.allowOnly(CLOUDFRONT_FUNCTION);
        EdgeEventType event = eventType(r);
        long reads = r.has("keyValueStoreReadsPerInvocation") ? nonNegativeLong(r, "keyValueStoreReadsPerInvocation") : 0;
        int memory = r.has("lambdaEdgeMemoryMb") ? positiveInt(r, "lambdaEdgeMemoryMb")
                : CloudFrontFunction.DEFAULT_LAMBDA_EDGE_MEMORY_MB;
        BigDecimal duration = r.has("lambdaEdgeDurationMs") ? nonNegative(r, "lambdaEdgeDurationMs")
                : CloudFrontFunction.DEFAULT_LAMBDA_EDGE_DURATION_MS;
        return new CloudFrontFunction(r.string("name"), event, nonNegativeLong(r, "invocationsPerMonth"), reads,
                optNonNegative(r, "codeSizeKb"), memory, duration);
    }

    private static Meterable tuning(Obj r) {
        r.allowOnly(Set.of("name", "type", "region", "architecture", "measurements"));
        Architecture arch = r.has("architecture") ? parse(r, "architecture", Architecture::parse) : Architecture.X86_64;
        List<MemoryTuning.Measurement> ms = new ArrayList<>();
        for (Obj m : r.objArray("measurements")) {
            m.allowOnly(Set.of("memoryMb", "durationMs"));
            ms.add(new MemoryTuning.Measurement(positiveInt(m, "memoryMb"), nonNegative(m, "durationMs")));
        }
        return step(r, "measurements", () -> new MemoryTuning(r.string("name"), r.optString("region"), arch, ms));
    }

    private static Meterable neutral(Obj r) {
        r.allowOnly(NEUTRAL);
        boolean longRuns = false;
        boolean gpu = false;
        boolean windows = false;
        Optional<Obj> needs = r.optObj("needs");
        if (needs.isPresent()) {
            needs.get().allowOnly(Set.of("longerThan15Minutes", "gpu", "windows"));
            longRuns = needs.get().bool("longerThan15Minutes", false);
            gpu = needs.get().bool("gpu", false);
            windows = needs.get().bool("windows", false);
        }
        Optional<Uncertainty.Duration> distribution = Optional.empty();
        BigDecimal duration;
        if (r.has("durationMs") && r.raw("durationMs").isObject()) {
            Obj d = r.obj("durationMs");
            if (d.has("samples")) {
                d.allowOnly(Set.of("samples"));
                List<BigDecimal> values = new ArrayList<>();
                com.fasterxml.jackson.databind.JsonNode arr = d.raw("samples");
                if (!arr.isArray() || arr.isEmpty()) {
                    throw new FieldException(d.pathOf("samples"), "must be a non-empty list of durations in ms");
                }
                for (int i = 0; i < arr.size(); i++) {
                    BigDecimal v = Json.decimal(arr.get(i), d.pathOf("samples") + "[" + i + "]");
                    if (v.signum() < 0) {
                        throw new FieldException(d.pathOf("samples") + "[" + i + "]", "must not be negative");
                    }
                    values.add(v);
                }
                distribution = Optional.of(new Uncertainty.Samples(values));
            } else {
                d.allowOnly(Set.of("distribution", "p50", "p99"));
                String kind = d.string("distribution");
                if (!kind.equals("lognormal")) {
                    throw new FieldException(d.pathOf("distribution"), "must be lognormal (or give samples), was " + kind);
                }
                BigDecimal p50 = positive(d, "p50");
                BigDecimal p99 = positive(d, "p99");
                distribution = Optional.of(step(d, "p99", () -> new Uncertainty.LogNormal(p50, p99)));
            }
            duration = distribution.get().median();
        } else {
            duration = nonNegative(r, "durationMs");
        }
        long requests;
        Optional<Long> min = Optional.empty();
        Optional<Long> max = Optional.empty();
        if (r.has("requestsPerMonth") && r.raw("requestsPerMonth").isObject()) {
            Obj range = r.obj("requestsPerMonth");
            range.allowOnly(Set.of("min", "max"));
            min = Optional.of(nonNegativeLong(range, "min"));
            max = Optional.of(nonNegativeLong(range, "max"));
            if (max.get() < min.get()) {
                throw new FieldException(range.pathOf("max"), "must be at least min " + min.get() + ", was " + max.get());
            }
            requests = min.get() + (max.get() - min.get()) / 2;
        } else {
            requests = nonNegativeLong(r, "requestsPerMonth");
        }
        return new NeutralWorkload(r.string("name"), r.optString("region"), requests, duration, positiveInt(r, "memoryMb"),
                optNonNegative(r, "peakRequestsPerSecond"), longRuns, gpu, windows,
                new Uncertainty(distribution, min, max));
    }

    private static Meterable fargate(Obj r) {
        r.allowOnly(FARGATE);
        Architecture arch = r.has("architecture") ? parse(r, "architecture", Architecture::parse) : Architecture.X86_64;
        OperatingSystem os = r.has("operatingSystem") ? parse(r, "operatingSystem", OperatingSystem::parse)
                : OperatingSystem.LINUX;
        boolean runs = r.has("runsPerMonth") || r.has("runDurationSeconds");
        FargateTask.Usage usage;
        if (runs) {
            if (r.has("tasks") || r.has("hoursPerMonth")) {
                throw new FieldException(r.path(), "give either tasks and hoursPerMonth (tasks running side by side) "
                        + "or runsPerMonth and runDurationSeconds (short runs), not both");
            }
            long count = nonNegativeLong(r, "runsPerMonth");
            BigDecimal seconds = nonNegative(r, "runDurationSeconds");
            usage = step(r, "runDurationSeconds", () -> new FargateTask.Runs(count, seconds));
        } else {
            int tasks = r.has("tasks") ? nonNegativeInt(r, "tasks") : 1;
            BigDecimal hours = r.has("hoursPerMonth") ? nonNegative(r, "hoursPerMonth") : FargateTask.HOURS_PER_MONTH;
            usage = step(r, "hoursPerMonth", () -> new FargateTask.Running(tasks, hours));
        }
        BigDecimal vcpu = positive(r, "vcpu");
        BigDecimal memory = positive(r, "memoryGb");
        int storage = r.has("ephemeralStorageGb") ? positiveInt(r, "ephemeralStorageGb") : 20;
        return new FargateTask(r.string("name"), r.optString("region"), arch, os, vcpu, memory, storage, usage,
                r.bool("spot", false));
    }

    private static Meterable ec2(Obj r) {
        r.allowOnly(EC2);
        OperatingSystem os = r.has("operatingSystem") ? parse(r, "operatingSystem", OperatingSystem::parse)
                : OperatingSystem.LINUX;
        int count = r.has("count") ? nonNegativeInt(r, "count") : 1;
        BigDecimal hours = r.has("hoursPerMonth") ? nonNegative(r, "hoursPerMonth") : Ec2Instance.HOURS_PER_MONTH;
        Optional<BigDecimal> spot = optNonNegative(r, "spotDiscountPercent");
        String type = r.string("instanceType");
        return step(r, r.has("spotDiscountPercent") ? "spotDiscountPercent" : "hoursPerMonth",
                () -> new Ec2Instance(r.string("name"), r.optString("region"), type, os, count, hours, spot));
    }

    private static Meterable lightsail(Obj r) {
        r.allowOnly(LIGHTSAIL);
        int count = r.has("count") ? nonNegativeInt(r, "count") : 1;
        Optional<BigDecimal> hours = optNonNegative(r, "hoursPerMonth");
        BigDecimal out = r.has("dataTransferOutGb") ? nonNegative(r, "dataTransferOutGb") : BigDecimal.ZERO;
        BigDecimal in = r.has("dataTransferInGb") ? nonNegative(r, "dataTransferInGb") : BigDecimal.ZERO;
        String bundle = r.string("bundle");
        return step(r, "hoursPerMonth", () -> new LightsailInstance(r.string("name"), r.optString("region"), bundle,
                count, hours, out, in));
    }

    /** Runs a constructor, reporting its IllegalArgumentException against the field. */
    static <T> T step(Obj o, String key, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new FieldException(o.pathOf(key), e.getMessage());
        }
    }

    static <T> T parse(Obj o, String key, Function<String, T> parser) {
        String v = o.string(key);
        try {
            return parser.apply(v);
        } catch (IllegalArgumentException e) {
            throw new FieldException(o.pathOf(key), e.getMessage());
        }
    }

    static int nonNegativeInt(Obj o, String key) {
        long v = nonNegativeLong(o, key);
        if (v > Integer.MAX_VALUE) {
            throw new FieldException(o.pathOf(key), "must be at most " + Integer.MAX_VALUE + ", was " + v);
        }
        return (int) v;
    }

    static BigDecimal positive(Obj o, String key) {
        BigDecimal v = o.decimal(key);
        if (v.signum() <= 0) {
            throw new FieldException(o.pathOf(key), "must be more than 0, was " + v.toPlainString());
        }
        return v;
    }

    static EdgeEventType eventType(Obj r) {
        String name = r.string("eventType");
        try {
            return EdgeEventType.parse(name);
        } catch (IllegalArgumentException e) {
            throw new FieldException(r.pathOf("eventType"), e.getMessage());
        }
    }

    static Optional<Boolean> optBool(Obj o, String key) {
        return o.has(key) ? Optional.of(o.bool(key, false)) : Optional.empty();
    }

    static Optional<BigDecimal> optNonNegative(Obj o, String key) {
        return o.has(key) ? Optional.of(nonNegative(o, key)) : Optional.empty();
    }

    static int positiveInt(Obj o, String key) {
        long v = o.wholeNumber(key);
        if (v <= 0 || v > Integer.MAX_VALUE) {
            throw new FieldException(o.pathOf(key), "must be a positive whole number, was " + v);
        }
        return (int) v;
    }

    static long nonNegativeLong(Obj o, String key) {
        long v = o.wholeNumber(key);
        if (v < 0) {
            throw new FieldException(o.pathOf(key), "must not be negative, was " + v);
        }
        return v;
    }

    static BigDecimal nonNegative(Obj o, String key) {
        BigDecimal v = o.decimal(key);
        if (v.signum() < 0) {
            throw new FieldException(o.pathOf(key), "must not be negative, was " + v.toPlainString());
        }
        return v;
    }
}
