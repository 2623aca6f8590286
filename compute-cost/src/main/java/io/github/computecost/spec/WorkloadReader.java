package io.github.computecost.spec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.computecost.budget.Budget;
import io.github.computecost.compare.MemoryTuning;
import io.github.computecost.compare.NeutralWorkload;
import io.github.computecost.compare.Uncertainty;
import io.github.computecost.compute.Architecture;
import io.github.computecost.estimate.Services;
import io.github.computecost.internal.FieldException;
import io.github.computecost.internal.Json;
import io.github.computecost.limits.AccountQuotas;
import io.github.computecost.service.Entry;
import io.github.computecost.service.Resource;
import io.github.computecost.service.Service;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

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
 *     tags: { team: payments }   # optional, on any resource: AWS's tag rules; for policies by tag
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

    /** The keys of a workload file's top level. */
    static final Set<String> TOP = Set.of("region", "freeTier", "budget", "quotas", "resources", "reservedInstances",
            "savingsPlans", "usageProfiles");

    private WorkloadReader() {
    }

    /**
     * Refuses a document larger than {@link Json#MAX_DOCUMENT_BYTES} before reading it (a workload, usage file,
     * template or task definition).
     *
     * @throws IOException if its size cannot be read
     */
    static void requireSize(Path file) throws IOException {
        long size = Files.size(file);
        if (size > Json.MAX_DOCUMENT_BYTES) {
            throw new WorkloadException(file.toString(), "$", Optional.empty(), "is " + size + " bytes, more than the "
                    + Json.MAX_DOCUMENT_BYTES + " (16 MiB) a workload, usage file or template may be");
        }
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
            requireSize(file);
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
                    + (json ? "JSON" : "YAML") + ": " + io.github.computecost.internal.Json.problem(e) + where);
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
        Json.Obj top;
        Header header;
        List<Json.Obj> entries;
        try {
            top = Json.root(root);
            top.allowOnly(TOP);
            header = header(top);
            entries = top.objArray("resources");
        } catch (FieldException e) {
            throw new WorkloadException(file, e.path(), Optional.empty(), e.detail());
        }
        List<Budget> budgets = new ArrayList<>(header.budgets());
        List<Resource> resources = new ArrayList<>();
        List<NeutralWorkload> plans = new ArrayList<>();
        List<MemoryTuning> tunings = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<String, Map<String, String>> tags = new java.util.LinkedHashMap<>();
        for (Json.Obj o : entries) {
            Optional<String> name = o.has("name") && o.raw("name").isTextual()
                    ? Optional.of(o.raw("name").asText()) : Optional.empty();
            try {
                Entry r = Entry.of(o.node(), o.path());
                String type = r.string("type");
                String named;
                if (type.equals(NeutralWorkload.TYPE)) {
                    NeutralWorkload w = Questions.neutral(r);
                    plans.add(w);
                    named = w.name();
                } else if (type.equals(MemoryTuning.TYPE)) {
                    MemoryTuning t = Questions.tuning(r, file);
                    tunings.add(t);
                    named = t.name();
                } else {
                    Service<?> service = Services.forType(type).orElseThrow(() -> new FieldException(o.pathOf("type"),
                            "unknown resource type \"" + type + "\" (supported: " + String.join(", ", types()) + ")"));
                    Resource m = service.read(r);
                    resources.add(m);
                    named = m.name();
                }
                if (!names.add(named)) {
                    throw new FieldException(o.pathOf("name"), "\"" + named
                            + "\" is already used by another resource (names must be unique)");
                }
                if (o.has("budget")) {
                    budgets.add(Budget.of(named, r.nonNegative("budget")));
                }
                if (o.has("tags")) { // a service's resource: the planning questions refuse the key as unknown
                    Map<String, String> t = Tags.read(o.raw("tags"), o.pathOf("tags"));
                    if (!t.isEmpty()) {
                        tags.put(named, t);
                    }
                }
            } catch (FieldException e) {
                throw new WorkloadException(file, e.path(), name, e.detail());
            }
        }
        io.github.computecost.commitment.Commitments commitments;
        try {
            commitments = CommitmentsReader.read(top, header.region());
        } catch (FieldException e) {
            throw new WorkloadException(file, e.path(), Optional.empty(), e.detail());
        }
        return new Workload(header.region(), header.freeTier(), resources, plans, tunings, budgets, header.quotas(),
                List.of(), List.of(), List.of(), Map.of(), tags, commitments);
    }

    /** @return every type a workload file may hold: the services' and the two questions', sorted */
    static SortedSet<String> types() {
        SortedSet<String> out = new TreeSet<>(Services.types());
        out.add(NeutralWorkload.TYPE);
        out.add(MemoryTuning.TYPE);
        return out;
    }

    /** The top-level settings every workload and usage file shares. */
    record Header(Optional<String> region, boolean freeTier, List<Budget> budgets, AccountQuotas quotas) {
    }

    /**
     * Reads {@code region}, {@code freeTier}, {@code budget} and {@code quotas} from a file's top level; the quotas a
     * file may state are those the services name.
     */
    static Header header(Json.Obj top) {
        List<Budget> budgets = new ArrayList<>();
        Optional<Json.Obj> budget = top.optObj("budget");
        if (budget.isPresent()) {
            budget.get().allowOnly(Set.of("monthly"));
            budgets.add(Budget.total(Entry.of(budget.get().node(), budget.get().path()).nonNegative("monthly")));
        }
        AccountQuotas quotas = AccountQuotas.DEFAULTS;
        Optional<Json.Obj> q = top.optObj("quotas");
        if (q.isPresent()) {
            Set<String> known = new TreeSet<>();
            Services.all().forEach(s -> known.addAll(s.quotas()));
            q.get().allowOnly(known);
            Entry e = Entry.of(q.get().node(), q.get().path());
            Map<String, Long> values = new LinkedHashMap<>();
            for (String k : q.get().keys()) {
                values.put(k, (long) e.positiveInt(k));
            }
            quotas = AccountQuotas.of(values);
        }
        return new Header(top.optString("region"), top.bool("freeTier", true), budgets, quotas);
    }

    /** Readers of the two entry types that are questions, not resources: no service prices them. */
    static final class Questions {
        private Questions() {
        }

        /** The keys of a {@code memory-tuning} entry, and of each of its measurements. */
        static final List<String> TUNING_KEYS = List.of("name", "type", "region", "architecture", "measurements",
                "powerTuningResult");
        static final List<String> MEASUREMENT_KEYS = List.of("memoryMb", "durationMs");
        /** The keys of a {@code workload} entry (a service-neutral question for {@code compare}). */
        static final List<String> NEUTRAL_KEYS = List.of("name", "type", "region", "requestsPerMonth", "durationMs",
                "memoryMb", "peakRequestsPerSecond", "needs", "frontDoor");
        static final List<String> NEEDS_KEYS = List.of("longerThan15Minutes", "gpu", "windows", "ipv4", "autoscaling",
                "noColdStarts");

        /** @param file the workload file, whose directory a {@code powerTuningResult} path is relative to */
        static MemoryTuning tuning(Entry r, String file) {
            r.allowExactly(TUNING_KEYS.toArray(String[]::new));
            Architecture arch = r.parse("architecture", Architecture::parse, Architecture.X86_64);
            List<MemoryTuning.Measurement> ms = new ArrayList<>();
            if (r.has("powerTuningResult")) {
                if (r.has("measurements")) {
                    throw r.error("powerTuningResult", "and measurements both give the durations; give one");
                }
                Path parent = Path.of(file).toAbsolutePath().getParent();
                Path result = parent.resolve(r.string("powerTuningResult")).normalize();
                ms.addAll(PowerTuningResult.measurements(result));
                return r.step("powerTuningResult", () -> new MemoryTuning(r.string("name"), r.optString("region"),
                        arch, ms));
            }
            for (Entry m : r.objArray("measurements")) {
                m.allowExactly(MEASUREMENT_KEYS.toArray(String[]::new));
                ms.add(new MemoryTuning.Measurement(m.positiveInt("memoryMb"), m.nonNegative("durationMs")));
            }
            return r.step("measurements", () -> new MemoryTuning(r.string("name"), r.optString("region"), arch, ms));
        }

        static NeutralWorkload neutral(Entry r) {
            r.allowExactly(NEUTRAL_KEYS.toArray(String[]::new));
            Optional<String> door = Optional.empty();
            if (r.has("frontDoor")) {
                door = Optional.of(r.oneOf("frontDoor", Services.frontDoorKinds().toArray(String[]::new)));
            }
            boolean longRuns = false;
            boolean gpu = false;
            boolean windows = false;
            boolean ipv4 = true;
            boolean autoscaling = false;
            boolean noColdStarts = false;
            Optional<Entry> needs = r.optObj("needs");
            if (needs.isPresent()) {
                needs.get().allowExactly(NEEDS_KEYS.toArray(String[]::new));
                longRuns = needs.get().bool("longerThan15Minutes", false);
                gpu = needs.get().bool("gpu", false);
                windows = needs.get().bool("windows", false);
                ipv4 = needs.get().bool("ipv4", true);
                autoscaling = needs.get().bool("autoscaling", false);
                noColdStarts = needs.get().bool("noColdStarts", false);
            }
            Optional<Uncertainty.Duration> distribution = Optional.empty();
            BigDecimal duration;
            if (r.has("durationMs") && r.raw("durationMs").isObject()) {
                Entry d = r.obj("durationMs");
                if (d.has("samples")) {
                    d.allowExactly("samples");
                    List<BigDecimal> values = new ArrayList<>();
                    JsonNode arr = d.raw("samples");
                    if (!arr.isArray() || arr.isEmpty()) {
                        throw d.error("samples", "must be a non-empty list of durations in ms");
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
                    d.allowExactly("distribution", "p50", "p99");
                    String kind = d.string("distribution");
                    if (!kind.equals("lognormal")) {
                        throw d.error("distribution", "must be lognormal (or give samples), was " + kind);
                    }
                    BigDecimal p50 = d.positive("p50");
                    BigDecimal p99 = d.positive("p99");
                    distribution = Optional.of(d.step("p99", () -> new Uncertainty.LogNormal(p50, p99)));
                }
                duration = distribution.get().median();
            } else {
                duration = r.nonNegative("durationMs");
            }
            long requests;
            Optional<Long> min = Optional.empty();
            Optional<Long> max = Optional.empty();
            if (r.has("requestsPerMonth") && r.raw("requestsPerMonth").isObject()) {
                Entry range = r.obj("requestsPerMonth");
                range.allowExactly("min", "max");
                min = Optional.of(range.nonNegativeLong("min"));
                max = Optional.of(range.nonNegativeLong("max"));
                if (max.get() < min.get()) {
                    throw range.error("max", "must be at least min " + min.get() + ", was " + max.get());
                }
                requests = min.get() + (max.get() - min.get()) / 2;
            } else {
                requests = r.nonNegativeLong("requestsPerMonth");
            }
            return new NeutralWorkload(r.string("name"), r.optString("region"), requests, duration, r.positiveInt("memoryMb"),
                    r.optNonNegative("peakRequestsPerSecond"), longRuns, gpu, windows, new Uncertainty(distribution, min, max),
                    door, !ipv4, autoscaling, noColdStarts);
        }
    }
}
