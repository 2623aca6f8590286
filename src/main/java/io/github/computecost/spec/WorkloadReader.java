package io.github.computecost.spec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.computecost.budget.Budget;
import io.github.computecost.edge.CloudFrontFunction;
import io.github.computecost.edge.EdgeEventType;
import io.github.computecost.edge.FunctionNeeds;
import io.github.computecost.edge.LambdaEdgeFunction;
import io.github.computecost.estimate.Meterable;
import io.github.computecost.internal.FieldException;
import io.github.computecost.internal.Json;
import io.github.computecost.internal.Json.Obj;
import io.github.computecost.lambda.Architecture;
import io.github.computecost.lambda.LambdaFunction;
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
 * </pre>
 *
 * <p>Numbers may be written as numbers or as strings holding numbers; they are read as exact decimals,
 * never through {@code double}. Unknown keys, duplicate keys, missing required fields, fractions where a
 * whole number is needed and non-finite numbers are errors naming the file, the resource and the field.
 *
 * <p>Stateless and thread-safe.
 */
public final class WorkloadReader {

    private static final Set<String> TOP = Set.of("region", "freeTier", "budget", "resources");
    private static final Set<String> LAMBDA = Set.of("name", "type", "budget", "region", "architecture", "memoryMb",
            "ephemeralStorageMb", "requestsPerMonth", "durationMs", "provisionedConcurrency", "snapStart", "runtime");

    private static final Set<String> LAMBDA_EDGE = Set.of("name", "type", "budget", "eventType", "memoryMb", "requestsPerMonth",
            "durationMs", "runtime", "needsNetwork", "needsBody", "needsFileSystem", "codeSizeKb", "memoryUsedMb");
    private static final Set<String> CLOUDFRONT_FUNCTION = Set.of("name", "type", "budget", "eventType", "invocationsPerMonth",
            "keyValueStoreReadsPerInvocation", "codeSizeKb", "lambdaEdgeMemoryMb", "lambdaEdgeDurationMs");

    private static final Map<String, Function<Obj, Meterable>> TYPES = Map.of(
            LambdaFunction.TYPE, WorkloadReader::lambda,
            LambdaEdgeFunction.TYPE, WorkloadReader::lambdaEdge,
            CloudFrontFunction.TYPE, WorkloadReader::cloudFrontFunction);

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
        return parse(file.toString(), bytes, n.endsWith(".json") ? Json.json() : Json.yaml());
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
        return parse(fileName, content.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                json ? Json.json() : Json.yaml());
    }

    private static Workload parse(String file, byte[] bytes, ObjectMapper mapper) {
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new WorkloadException(file, "$", Optional.empty(), "is not valid "
                    + (mapper == Json.json() ? "JSON" : "YAML") + ": " + e.getOriginalMessage() + where);
        } catch (IOException e) {
            throw new WorkloadException(file, "$", Optional.empty(), "cannot be read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new WorkloadException(file, "$", Optional.empty(), "is empty");
        }
        Obj top;
        Optional<String> region;
        boolean freeTier;
        List<Obj> resources;
        List<Budget> budgets = new ArrayList<>();
        try {
            top = Json.root(root);
            top.allowOnly(TOP);
            region = top.optString("region");
            freeTier = top.bool("freeTier", true);
            Optional<Obj> budget = top.optObj("budget");
            if (budget.isPresent()) {
                budget.get().allowOnly(Set.of("monthly"));
                budgets.add(Budget.total(nonNegative(budget.get(), "monthly")));
            }
            resources = top.objArray("resources");
        } catch (FieldException e) {
            throw new WorkloadException(file, e.path(), Optional.empty(), e.detail());
        }
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
        return new Workload(region, freeTier, out, budgets);
    }

    private static Meterable lambda(Obj r) {
        r.allowOnly(LAMBDA);
        LambdaFunction.Builder b = LambdaFunction.builder(r.string("name"));
        r.optString("region").ifPresent(b::region);
        r.optString("architecture").ifPresent(a -> field(r, "architecture", () -> b.architecture(Architecture.parse(a))));
        b.memoryMb(positiveInt(r, "memoryMb"));
        if (r.has("ephemeralStorageMb")) {
            b.ephemeralStorageMb(positiveInt(r, "ephemeralStorageMb"));
        }
        b.requestsPerMonth(nonNegativeLong(r, "requestsPerMonth"));
        b.averageDurationMs(nonNegative(r, "durationMs"));
        r.optString("runtime").ifPresent(b::runtime);
        r.optObj("provisionedConcurrency").ifPresent(pc -> {
            pc.allowOnly(Set.of("concurrency", "hoursPerMonth"));
            int c = positiveInt(pc, "concurrency");
            BigDecimal hours = nonNegative(pc, "hoursPerMonth");
            field(pc, "hoursPerMonth", () -> b.provisionedConcurrency(ProvisionedConcurrency.of(c, hours)));
        });
        r.optObj("snapStart").ifPresent(ss -> {
            ss.allowOnly(Set.of("cachedVersions", "activeHoursPerMonth", "restoresPerMonth"));
            int versions = ss.has("cachedVersions") ? positiveInt(ss, "cachedVersions") : 1;
            BigDecimal hours = ss.has("activeHoursPerMonth") ? nonNegative(ss, "activeHoursPerMonth")
                    : SnapStart.DEFAULT_ACTIVE_HOURS;
            long restores = nonNegativeLong(ss, "restoresPerMonth");
            field(ss, "activeHoursPerMonth", () -> b.snapStart(new SnapStart(versions, hours, restores)));
        });
        return b.build();
    }

    private static Meterable lambdaEdge(Obj r) {
        r.allowOnly(LAMBDA_EDGE);
        EdgeEventType event = eventType(r);
        FunctionNeeds needs = new FunctionNeeds(r.optString("runtime"), optBool(r, "needsNetwork"),
                optBool(r, "needsBody"), optBool(r, "needsFileSystem"), optNonNegative(r, "codeSizeKb"),
                optNonNegative(r, "memoryUsedMb"));
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

    private static EdgeEventType eventType(Obj r) {
        String name = r.string("eventType");
        try {
            return EdgeEventType.parse(name);
        } catch (IllegalArgumentException e) {
            throw new FieldException(r.pathOf("eventType"), e.getMessage());
        }
    }

    private static Optional<Boolean> optBool(Obj o, String key) {
        return o.has(key) ? Optional.of(o.bool(key, false)) : Optional.empty();
    }

    private static Optional<BigDecimal> optNonNegative(Obj o, String key) {
        return o.has(key) ? Optional.of(nonNegative(o, key)) : Optional.empty();
    }

    /** Runs a builder step, reporting its IllegalArgumentException against the field. */
    private static void field(Obj o, String key, Runnable step) {
        try {
            step.run();
        } catch (IllegalArgumentException e) {
            throw new FieldException(o.pathOf(key), e.getMessage());
        }
    }

    private static int positiveInt(Obj o, String key) {
        long v = o.wholeNumber(key);
        if (v <= 0 || v > Integer.MAX_VALUE) {
            throw new FieldException(o.pathOf(key), "must be a positive whole number, was " + v);
        }
        return (int) v;
    }

    private static long nonNegativeLong(Obj o, String key) {
        long v = o.wholeNumber(key);
        if (v < 0) {
            throw new FieldException(o.pathOf(key), "must not be negative, was " + v);
        }
        return v;
    }

    private static BigDecimal nonNegative(Obj o, String key) {
        BigDecimal v = o.decimal(key);
        if (v.signum() < 0) {
            throw new FieldException(o.pathOf(key), "must not be negative, was " + v.toPlainString());
        }
        return v;
    }
}
