package io.github.computecost.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.computecost.budget.Budget;
import io.github.computecost.compute.Architecture;
import io.github.computecost.compute.OperatingSystem;
import io.github.computecost.edge.CloudFrontFunction;
import io.github.computecost.edge.EdgeEventType;
import io.github.computecost.estimate.Meterable;
import io.github.computecost.fargate.FargateTask;
import io.github.computecost.internal.FieldException;
import io.github.computecost.internal.Json;
import io.github.computecost.internal.Json.Obj;
import io.github.computecost.lambda.LambdaConfiguration;
import io.github.computecost.lambda.LambdaFunction;
import io.github.computecost.lambda.ProvisionedConcurrency;
import io.github.computecost.limits.Severity;
import io.github.computecost.limits.Violation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the configuration in SAM/CloudFormation templates and ECS task definitions, and the usage (traffic,
 * hours) from a usage file keyed by logical id or family.
 *
 * <p>Templates: {@code AWS::Serverless::Function} (with SAM {@code Globals}: maps merge, lists add up,
 * scalars are overridden by the function), {@code AWS::Lambda::Function}, {@code AWS::CloudFront::Function}
 * (its event type from a distribution's function association in the same template), and
 * {@code AWS::ECS::TaskDefinition}. A {@code Ref} to a parameter takes the parameter's {@code Default}, and so
 * do the {@code ${Param}} variables of a {@code Fn::Sub}; any other value the template cannot resolve (a
 * parameter without default, a pseudo parameter, {@code Fn::If}, {@code Fn::GetAtt}) is reported as unknown,
 * never guessed: the check that needed it is
 * skipped, and a function whose memory is unknown is not priced. Properties a template leaves out take AWS's
 * documented defaults (128 MB, 3 s, 512 MB of /tmp, x86_64).
 */
final class TemplateReader {

    private static final Set<String> LAMBDA_USAGE = Set.of("name", "type", "budget", "region", "requestsPerMonth",
            "durationMs", "peakRequestsPerSecond", "peakFactor", "provisionedConcurrencyHoursPerMonth", "payloadKb",
            "invocation");
    private static final Set<String> CLOUDFRONT_USAGE = Set.of("name", "type", "budget", "eventType",
            "invocationsPerMonth", "keyValueStoreReadsPerInvocation");
    private static final Set<String> FARGATE_USAGE = Set.of("name", "type", "budget", "region", "tasks",
            "hoursPerMonth", "runsPerMonth", "runDurationSeconds", "spot");

    private final String file;
    private final Map<String, Obj> usage;
    private final List<Violation> findings = new ArrayList<>();
    private final List<Meterable> out = new ArrayList<>();
    private final List<Budget> budgets = new ArrayList<>();
    private JsonNode parameters;

    private TemplateReader(String file, Map<String, Obj> usage) {
        this.file = file;
        this.usage = usage;
    }

    /** Reads a template; {@code usage} holds the usage entries by name. */
    static Workload template(String file, JsonNode root, WorkloadReader.Header header, Map<String, Obj> usage) {
        TemplateReader r = new TemplateReader(file, usage);
        Obj top;
        try {
            top = Json.root(root);
            r.parameters = root.path("Parameters");
            Map<String, Obj> resources = top.objMap("Resources");
            JsonNode globals = root.path("Globals").path("Function");
            Map<String, EdgeEventType> events = cloudFrontEvents(resources);
            for (Map.Entry<String, Obj> e : resources.entrySet()) {
                String type = e.getValue().has("Type") ? e.getValue().raw("Type").asText() : "";
                JsonNode props = e.getValue().has("Properties") ? e.getValue().raw("Properties") : Json.nodes().objectNode();
                switch (type) {
                    case "AWS::Serverless::Function" -> r.lambda(e.getKey(), merge(globals, props), e.getValue().path());
                    case "AWS::Lambda::Function" -> r.lambda(e.getKey(), props, e.getValue().path());
                    case "AWS::CloudFront::Function" -> r.cloudFrontFunction(e.getKey(), props, events.get(e.getKey()));
                    case "AWS::ECS::TaskDefinition" -> r.fargate(e.getKey(), props, true);
                    default -> {
                        // other resource types are not priced
                    }
                }
            }
        } catch (FieldException e) {
            throw new WorkloadException(file, e.path(), Optional.empty(), e.detail());
        }
        return r.finish(header);
    }

    /** Reads an ECS task definition (as {@code register-task-definition} takes or {@code describe} returns it). */
    static Workload taskDefinition(String file, JsonNode root, WorkloadReader.Header header, Map<String, Obj> usage) {
        TemplateReader r = new TemplateReader(file, usage);
        JsonNode def = root.has("taskDefinition") ? root.get("taskDefinition") : root;
        String family = def.path("family").asText("task");
        try {
            r.fargate(family, def, false);
        } catch (FieldException e) {
            throw new WorkloadException(file, e.path(), Optional.of(family), e.detail());
        }
        return r.finish(header);
    }

    private Workload finish(WorkloadReader.Header header) {
        Set<String> known = new java.util.HashSet<>();
        out.forEach(m -> known.add(m.name()));
        findings.stream().map(Violation::resource).forEach(known::add);
        for (String name : usage.keySet()) {
            if (!known.contains(name)) {
                throw new WorkloadException(file, "usage", Optional.of(name), "the usage file names \"" + name
                        + "\", which the configuration does not define (defined: " + String.join(", ", known) + ")");
            }
        }
        List<Budget> all = new ArrayList<>(header.budgets());
        all.addAll(budgets);
        return new Workload(header.region(), header.freeTier(), out, all, header.quotas(), findings);
    }

    // ---------------------------------------------------------------- Lambda

    private void lambda(String id, JsonNode p, String path) {
        Optional<Obj> u = usageFor(id, "lambda", LAMBDA_USAGE);
        LambdaFunction.Builder b = LambdaFunction.builder(id);
        Optional<BigDecimal> memory = number(id, p, "MemorySize", "memoryMb");
        if (p.has("MemorySize") && memory.isEmpty()) {
            findings.add(unknown(id, "MemorySize", "the function cannot be checked for memory or priced"));
            return;
        }
        b.memoryMb(memory.map(v -> whole(id, "MemorySize", v)).orElse(128));
        LambdaConfiguration.Builder c = LambdaConfiguration.NONE.toBuilder();
        Optional<BigDecimal> timeout = number(id, p, "Timeout", "timeoutSeconds");
        if (!p.has("Timeout") || timeout.isPresent()) {
            c.timeoutSeconds(timeout.map(v -> whole(id, "Timeout", v)).orElse(3));
        }
        JsonNode storage = p.path("EphemeralStorage");
        number(id, storage, "Size", "ephemeralStorageMb").ifPresent(v -> b.ephemeralStorageMb(whole(id, "EphemeralStorage.Size", v)));
        JsonNode arch = resolve(p.path("Architectures"));
        if (arch != null && arch.isArray() && arch.size() == 1) {
            JsonNode a = resolve(arch.get(0));
            if (a != null && a.isTextual()) {
                b.architecture(Architecture.parse(a.asText()));
            } else {
                findings.add(unknown(id, "Architectures", "priced as x86_64"));
            }
        } else if (p.has("Architectures")) {
            findings.add(unknown(id, "Architectures", "priced as x86_64"));
        }
        JsonNode runtime = resolve(p.path("Runtime"));
        if (runtime != null && runtime.isTextual()) {
            b.runtime(runtime.asText());
        }
        JsonNode vars = p.path("Environment").path("Variables");
        if (vars.isObject()) {
            Map<String, String> env = new LinkedHashMap<>();
            boolean resolved = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = vars.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> v = it.next();
                JsonNode value = resolve(v.getValue());
                if (value == null || !value.isValueNode()) {
                    resolved = false;
                } else {
                    env.put(v.getKey(), value.asText());
                }
            }
            if (resolved) {
                c.environmentVariablesBytes(LambdaConfiguration.environmentSize(env));
            } else {
                findings.add(unknown(id, "Environment.Variables", "the environment size is not checked"));
            }
        }
        if (p.path("Layers").isArray()) {
            c.layers(p.path("Layers").size());
        }
        int provisioned = 0;
        JsonNode pc = p.path("ProvisionedConcurrencyConfig");
        if (pc.isObject()) {
            Optional<BigDecimal> n = number(id, pc, "ProvisionedConcurrentExecutions", "provisioned concurrency");
            if (n.isPresent()) {
                provisioned = whole(id, "ProvisionedConcurrentExecutions", n.get());
            } else {
                findings.add(unknown(id, "ProvisionedConcurrencyConfig", "provisioned concurrency is not priced"));
            }
        }
        if (u.isPresent()) {
            Obj use = u.get();
            use.optString("region").ifPresent(b::region);
            if (use.has("requestsPerMonth")) {
                b.requestsPerMonth(WorkloadReader.nonNegativeLong(use, "requestsPerMonth"));
            }
            WorkloadReader.optNonNegative(use, "durationMs").ifPresent(b::averageDurationMs);
            WorkloadReader.optNonNegative(use, "peakRequestsPerSecond").ifPresent(c::peakRequestsPerSecond);
            if (use.has("peakFactor")) {
                c.peakFactor(WorkloadReader.positive(use, "peakFactor"));
            }
            WorkloadReader.optNonNegative(use, "payloadKb").ifPresent(c::payloadKb);
            if (use.has("invocation")) {
                c.invocation("async".equals(use.string("invocation")) ? LambdaConfiguration.Invocation.ASYNC
                        : LambdaConfiguration.Invocation.SYNC);
            }
            if (provisioned > 0) {
                BigDecimal hours = use.has("provisionedConcurrencyHoursPerMonth")
                        ? WorkloadReader.nonNegative(use, "provisionedConcurrencyHoursPerMonth") : BigDecimal.valueOf(730);
                int concurrency = provisioned;
                b.provisionedConcurrency(WorkloadReader.step(use, "provisionedConcurrencyHoursPerMonth",
                        () -> ProvisionedConcurrency.of(concurrency, hours)));
            }
            budget(id, use);
        } else if (provisioned > 0) {
            b.provisionedConcurrency(ProvisionedConcurrency.of(provisioned, BigDecimal.valueOf(730)));
        }
        b.configuration(c.build());
        out.add(b.build());
    }

    // ---------------------------------------------------------------- CloudFront Functions

    private void cloudFrontFunction(String id, JsonNode p, EdgeEventType fromDistribution) {
        Optional<Obj> u = usageFor(id, "cloudfront-function", CLOUDFRONT_USAGE);
        JsonNode code = resolve(p.path("FunctionCode"));
        Optional<BigDecimal> kb = Optional.empty();
        if (code != null && code.isTextual()) {
            kb = Optional.of(BigDecimal.valueOf(code.asText().getBytes(StandardCharsets.UTF_8).length)
                    .divide(BigDecimal.valueOf(1024)));
        } else if (p.has("FunctionCode")) {
            findings.add(unknown(id, "FunctionCode", "its size is not checked"));
        }
        EdgeEventType event = fromDistribution;
        long invocations = 0;
        long reads = 0;
        if (u.isPresent()) {
            Obj use = u.get();
            if (use.has("eventType")) {
                event = WorkloadReader.eventType(use);
            }
            invocations = use.has("invocationsPerMonth") ? WorkloadReader.nonNegativeLong(use, "invocationsPerMonth") : 0;
            reads = use.has("keyValueStoreReadsPerInvocation")
                    ? WorkloadReader.nonNegativeLong(use, "keyValueStoreReadsPerInvocation") : 0;
            budget(id, use);
        }
        if (event == null) {
            findings.add(new Violation("template.unknown", Severity.WARNING, id, "eventType", "unknown",
                    "viewer-request or viewer-response", id + ": no distribution in the template associates this "
                            + "function, so its event type is unknown; checked as viewer-request (give eventType in "
                            + "the usage file)"));
            event = EdgeEventType.VIEWER_REQUEST;
        }
        out.add(new CloudFrontFunction(id, event, invocations, reads, kb, CloudFrontFunction.DEFAULT_LAMBDA_EDGE_MEMORY_MB,
                CloudFrontFunction.DEFAULT_LAMBDA_EDGE_DURATION_MS));
    }

    /** The event type of each CloudFront Function associated by a distribution in the template. */
    private static Map<String, EdgeEventType> cloudFrontEvents(Map<String, Obj> resources) {
        Map<String, EdgeEventType> out = new HashMap<>();
        for (Obj r : resources.values()) {
            if (!r.has("Type") || !"AWS::CloudFront::Distribution".equals(r.raw("Type").asText())) {
                continue;
            }
            JsonNode config = r.has("Properties") ? r.raw("Properties").path("DistributionConfig") : null;
            if (config == null) {
                continue;
            }
            List<JsonNode> behaviors = new ArrayList<>();
            behaviors.add(config.path("DefaultCacheBehavior"));
            config.path("CacheBehaviors").forEach(behaviors::add);
            for (JsonNode behavior : behaviors) {
                for (JsonNode assoc : behavior.path("FunctionAssociations")) {
                    JsonNode arn = assoc.path("FunctionARN").path("Fn::GetAtt");
                    if (arn.isArray() && arn.size() > 0) {
                        try {
                            out.put(arn.get(0).asText(), EdgeEventType.parse(assoc.path("EventType").asText()));
                        } catch (IllegalArgumentException e) {
                            // an event type we do not know: left unknown
                        }
                    }
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- ECS / Fargate

    private void fargate(String id, JsonNode p, boolean pascal) {
        String cpuKey = pascal ? "Cpu" : "cpu";
        String memoryKey = pascal ? "Memory" : "memory";
        JsonNode compat = p.path(pascal ? "RequiresCompatibilities" : "requiresCompatibilities");
        boolean fargate = false;
        for (JsonNode c : compat) {
            fargate |= "FARGATE".equals(c.asText());
        }
        if (!fargate) {
            findings.add(new Violation("template.not-fargate", Severity.WARNING, id, "requiresCompatibilities",
                    compat.toString(), "FARGATE", id + ": the task definition does not require FARGATE compatibility; "
                            + "only Fargate tasks are priced"));
            return;
        }
        JsonNode cpu = resolve(p.path(cpuKey));
        JsonNode memory = resolve(p.path(memoryKey));
        if (cpu == null || memory == null || cpu.isMissingNode() || memory.isMissingNode()) {
            findings.add(new Violation("template.unknown", Severity.ERROR, id, cpuKey + "/" + memoryKey, "unknown",
                    "task-level cpu and memory", id + ": Fargate needs task-level " + cpuKey + " and " + memoryKey
                            + ", which are missing or cannot be resolved"));
            return;
        }
        BigDecimal vcpu = ecsCpu(id, cpu.asText());
        BigDecimal gb = ecsMemory(id, memory.asText());
        JsonNode platform = p.path(pascal ? "RuntimePlatform" : "runtimePlatform");
        String arch = platform.path(pascal ? "CpuArchitecture" : "cpuArchitecture").asText("X86_64");
        String osFamily = platform.path(pascal ? "OperatingSystemFamily" : "operatingSystemFamily").asText("LINUX");
        Architecture a = "ARM64".equalsIgnoreCase(arch) ? Architecture.ARM64 : Architecture.X86_64;
        OperatingSystem os = osFamily.toUpperCase(Locale.ROOT).startsWith("WINDOWS") ? OperatingSystem.WINDOWS
                : OperatingSystem.LINUX;
        int storage = p.path(pascal ? "EphemeralStorage" : "ephemeralStorage").path(pascal ? "SizeInGiB" : "sizeInGiB")
                .asInt(20);
        Optional<Obj> u = usageFor(id, "fargate", FARGATE_USAGE);
        FargateTask.Usage usage = new FargateTask.Running(1, FargateTask.HOURS_PER_MONTH);
        boolean spot = false;
        Optional<String> region = Optional.empty();
        if (u.isPresent()) {
            Obj use = u.get();
            region = use.optString("region");
            spot = use.bool("spot", false);
            if (use.has("runsPerMonth") || use.has("runDurationSeconds")) {
                long runs = WorkloadReader.nonNegativeLong(use, "runsPerMonth");
                BigDecimal seconds = WorkloadReader.nonNegative(use, "runDurationSeconds");
                usage = WorkloadReader.step(use, "runDurationSeconds", () -> new FargateTask.Runs(runs, seconds));
            } else {
                int tasks = use.has("tasks") ? WorkloadReader.nonNegativeInt(use, "tasks") : 1;
                BigDecimal hours = use.has("hoursPerMonth") ? WorkloadReader.nonNegative(use, "hoursPerMonth")
                        : FargateTask.HOURS_PER_MONTH;
                usage = WorkloadReader.step(use, "hoursPerMonth", () -> new FargateTask.Running(tasks, hours));
            }
            budget(id, use);
        }
        out.add(new FargateTask(id, region, a, os, vcpu, gb, storage, usage, spot));
    }

    /** ECS task CPU: CPU units ("1024") or vCPUs ("1 vCPU", "0.25 vcpu"). */
    static BigDecimal ecsCpu(String id, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("vcpu")) {
                return new BigDecimal(t.substring(0, t.length() - 4).trim());
            }
            return new BigDecimal(t).divide(BigDecimal.valueOf(1024));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new FieldException(id + ".cpu", "must be CPU units like 1024 or vCPUs like \"1 vCPU\", was \""
                    + text + "\"");
        }
    }

    /** ECS task memory: MiB ("2048") or GB ("2 GB", "2GB"); returned in GB (GiB). */
    static BigDecimal ecsMemory(String id, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("gb")) {
                return new BigDecimal(t.substring(0, t.length() - 2).trim());
            }
            return new BigDecimal(t).divide(BigDecimal.valueOf(1024));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new FieldException(id + ".memory", "must be MiB like 2048 or GB like \"2 GB\", was \"" + text + "\"");
        }
    }

    // ---------------------------------------------------------------- helpers

    private Optional<Obj> usageFor(String id, String type, Set<String> allowed) {
        Obj u = usage.get(id);
        if (u == null) {
            return Optional.empty();
        }
        u.allowOnly(allowed);
        if (u.has("type") && !type.equals(u.string("type"))) {
            throw new FieldException(u.pathOf("type"), "is " + u.string("type") + ", but " + id + " is a " + type);
        }
        return Optional.of(u);
    }

    private void budget(String id, Obj use) {
        if (use.has("budget")) {
            budgets.add(Budget.of(id, WorkloadReader.nonNegative(use, "budget")));
        }
    }

    /** A number property: resolved, or empty (with a finding) when the template cannot resolve it. */
    private Optional<BigDecimal> number(String id, JsonNode holder, String key, String field) {
        if (!holder.has(key)) {
            return Optional.empty();
        }
        JsonNode v = resolve(holder.get(key));
        if (v == null) {
            if (!key.equals("MemorySize")) {
                findings.add(unknown(id, key, "the " + field + " check is skipped"));
            }
            return Optional.empty();
        }
        try {
            BigDecimal d = v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().trim());
            return Optional.of(d);
        } catch (NumberFormatException e) {
            throw new FieldException(id + "." + key, "must be a number, was \"" + v.asText() + "\"");
        }
    }

    /**
     * Resolves a template value: literals as they are, {@code Ref} to a parameter with a {@code Default}, and
     * {@code Fn::Sub} of a string without variables; {@code null} for anything else.
     */
    private JsonNode resolve(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return v;
        }
        if (v.isObject() && v.size() == 1) {
            String fn = v.fieldNames().next();
            if (fn.equals("Ref")) {
                JsonNode param = parameters.path(v.get("Ref").asText());
                return param.has("Default") ? param.get("Default") : null;
            }
            if (fn.equals("Fn::Sub") && v.get(fn).isTextual()) {
                return substitute(v.get(fn).asText());
            }
            if (fn.startsWith("Fn::") || fn.equals("Condition")) {
                return null;
            }
        }
        return v;
    }

    private static final java.util.regex.Pattern VARIABLE = java.util.regex.Pattern.compile("\\$\\{([^}]*)}");

    /** A {@code Fn::Sub} string whose variables are all parameters with defaults; {@code null} otherwise. */
    private JsonNode substitute(String template) {
        java.util.regex.Matcher m = VARIABLE.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String var = m.group(1);
            if (var.startsWith("!")) {
                m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement("${" + var.substring(1) + "}"));
                continue;
            }
            JsonNode param = parameters.path(var);
            if (!param.has("Default") || !param.get("Default").isValueNode()) {
                return null; // a resource attribute, a pseudo parameter or a parameter without default
            }
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(param.get("Default").asText()));
        }
        m.appendTail(sb);
        return Json.nodes().textNode(sb.toString());
    }

    private static int whole(String id, String key, BigDecimal v) {
        try {
            int i = v.intValueExact();
            if (i <= 0) {
                throw new ArithmeticException();
            }
            return i;
        } catch (ArithmeticException e) {
            throw new FieldException(id + "." + key, "must be a positive whole number, was " + v.toPlainString());
        }
    }

    private Violation unknown(String id, String property, String consequence) {
        return new Violation("template.unknown", Severity.WARNING, id, property, "unknown", "a value the template resolves",
                id + ": " + property + " cannot be resolved from the template (a parameter without a default, or an "
                        + "intrinsic function); " + consequence);
    }

    /** SAM Globals merged under a function's properties: maps merge, lists add up, the function's scalars win. */
    static JsonNode merge(JsonNode globals, JsonNode props) {
        if (globals == null || globals.isMissingNode() || !globals.isObject()) {
            return props;
        }
        ObjectNode out = globals.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode g = out.get(e.getKey());
            if (g != null && g.isObject() && e.getValue().isObject() && !isIntrinsic(e.getValue())) {
                out.set(e.getKey(), merge(g, e.getValue()));
            } else if (g != null && g.isArray() && e.getValue().isArray()) {
                com.fasterxml.jackson.databind.node.ArrayNode both = g.deepCopy();
                both.addAll((com.fasterxml.jackson.databind.node.ArrayNode) e.getValue());
                out.set(e.getKey(), both);
            } else {
                out.set(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static boolean isIntrinsic(JsonNode v) {
        if (v.size() != 1) {
            return false;
        }
        String k = v.fieldNames().next();
        return k.equals("Ref") || k.startsWith("Fn::");
    }
}
