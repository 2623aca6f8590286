package io.github.computecost.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.computecost.compute.Architecture;
import io.github.computecost.compute.Calendar;
import io.github.computecost.service.Entry;
import io.github.computecost.service.TemplateMapping;
import io.github.computecost.service.TemplateResource;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lambda functions in SAM and CloudFormation templates ({@code AWS::Serverless::Function},
 * {@code AWS::Lambda::Function}): configuration from the properties, with AWS's documented defaults for what a
 * template leaves out (128 MB, 3 s, 512 MB of /tmp, x86_64); traffic from the usage entry, read as a workload entry
 * reads it. Stateless.
 */
final class LambdaTemplates implements TemplateMapping<LambdaFunction> {

    static final LambdaTemplates INSTANCE = new LambdaTemplates();

    /** The keys of a usage entry for a template function. */
    private static final Set<String> USAGE = Set.of("region", "requestsPerMonth", "durationMs", "peakRequestsPerSecond",
            "peakFactor", "provisionedConcurrencyHoursPerMonth", "payloadKb", "invocation", "coldStarts", "durable",
            "managedInstances", "snapStart");

    private LambdaTemplates() {
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of("AWS::Serverless::Function", "AWS::Lambda::Function");
    }

    @Override
    public Set<String> usageKeys(String type) {
        return USAGE;
    }

    private static final String ALIAS = "AWS::Lambda::Alias";
    private static final String VERSION = "AWS::Lambda::Version";

    /**
     * AWS::Lambda::Function's properties (CloudFormation's reference, as the CDK's CfnFunctionProps of v2.274 lists
     * them) and AWS::Serverless::Function's (SAM's specification), read 2026-12-02.
     */
    private static final java.util.Map<String, Set<String>> PROPERTIES = java.util.Map.ofEntries(
            java.util.Map.entry("AWS::Lambda::Function", Set.of("Architectures", "CapacityProviderConfig", "Code", "CodeSigningConfigArn",
                    "DeadLetterConfig", "Description", "DurableConfig", "Environment", "EphemeralStorage",
                    "FileSystemConfigs", "FunctionName", "FunctionScalingConfig", "Handler", "ImageConfig", "KmsKeyArn",
                    "Layers", "LoggingConfig", "MemorySize", "PackageType", "PublishToLatestPublished", "RecursiveLoop",
                    "ReservedConcurrentExecutions", "Role", "Runtime", "RuntimeManagementConfig", "SnapStart", "Tags",
                    "TenancyConfig", "Timeout", "TracingConfig", "VpcConfig")),
            java.util.Map.entry("AWS::Serverless::Function", Set.of("Architectures", "AssumeRolePolicyDocument", "AutoPublishAlias",
                    "AutoPublishAliasAllProperties", "AutoPublishCodeSha256", "CapacityProviderConfig",
                    "CodeSigningConfigArn", "CodeUri", "DeadLetterQueue", "DeploymentPreference", "Description",
                    "DurableConfig", "Environment", "EphemeralStorage", "EventInvokeConfig", "Events",
                    "FileSystemConfigs", "FunctionName", "FunctionScalingConfig", "FunctionUrlConfig", "Handler",
                    "ImageConfig", "ImageUri", "InlineCode", "KmsKeyArn", "Layers", "LoggingConfig", "MemorySize",
                    "PackageType", "PermissionsBoundary", "Policies", "PropagateTags", "ProvisionedConcurrencyConfig",
                    "RecursiveLoop", "ReservedConcurrentExecutions", "Role", "RolePath", "Runtime",
                    "RuntimeManagementConfig", "SnapStart", "SourceKMSKeyArn", "Tags", "TenancyConfig", "Timeout",
                    "Tracing", "VersionDeletionPolicy", "VersionDescription", "VpcConfig")),
            // The nested properties that change a price or a check; SAM passes them through to the function (and
            // ProvisionedConcurrencyConfig to its alias).
            java.util.Map.entry("AWS::Lambda::Function.EphemeralStorage", Set.of("Size")),
            java.util.Map.entry("AWS::Serverless::Function.EphemeralStorage", Set.of("Size")),
            java.util.Map.entry("AWS::Lambda::Function.SnapStart", Set.of("ApplyOn")),
            java.util.Map.entry("AWS::Serverless::Function.SnapStart", Set.of("ApplyOn")),
            java.util.Map.entry("AWS::Lambda::Function.DurableConfig",
                    Set.of("ExecutionTimeout", "KMSKeyArn", "RetentionPeriodInDays")),
            java.util.Map.entry("AWS::Serverless::Function.DurableConfig",
                    Set.of("ExecutionTimeout", "KMSKeyArn", "RetentionPeriodInDays")),
            java.util.Map.entry("AWS::Lambda::Function.CapacityProviderConfig",
                    Set.of("LambdaManagedInstancesCapacityProviderConfig")),
            java.util.Map.entry("AWS::Serverless::Function.ProvisionedConcurrencyConfig",
                    Set.of("ProvisionedConcurrentExecutions")),
            // An alias's or version's provisioned concurrency is read into its function (CDK v2.274's CfnAlias and
            // CfnVersion).
            java.util.Map.entry(ALIAS, Set.of("Description", "FunctionName", "FunctionVersion", "Name",
                    "ProvisionedConcurrencyConfig", "RoutingConfig")),
            java.util.Map.entry(VERSION, Set.of("CodeSha256", "Description", "FunctionName", "FunctionScalingConfig",
                    "ProvisionedConcurrencyConfig", "RuntimePolicy")),
            java.util.Map.entry(ALIAS + ".ProvisionedConcurrencyConfig", Set.of("ProvisionedConcurrentExecutions")),
            java.util.Map.entry(VERSION + ".ProvisionedConcurrencyConfig", Set.of("ProvisionedConcurrentExecutions")));

    /** A function that runs at the edge is Lambda@Edge's to read. */
    @Override
    public boolean accepts(TemplateResource resource) {
        return !io.github.computecost.service.CloudFrontAssociations.runsAtTheEdge(resource);
    }

    /** Aliases and versions cost nothing of their own; their provisioned concurrency is read into the function. */
    @Override
    public Set<String> partTypes() {
        return Set.of(ALIAS, VERSION);
    }

    @Override
    public java.util.Map<String, Set<String>> knownProperties() {
        return PROPERTIES;
    }

    @Override
    public Optional<LambdaFunction> read(TemplateResource t) {
        String id = t.logicalId();
        JsonNode p = t.properties();
        LambdaFunction.Builder b = LambdaFunction.builder(t.name());
        Optional<BigDecimal> memory = t.number(p, "MemorySize", "the function cannot be checked for memory or priced");
        if (p.has("MemorySize") && memory.isEmpty()) {
            return Optional.empty(); // reported: without its memory a function has no price
        }
        b.memoryMb(memory.map(v -> whole(t, "MemorySize", v)).orElse(128));
        LambdaConfiguration.Builder c = LambdaConfiguration.NONE.toBuilder();
        Optional<BigDecimal> timeout = t.number(p, "Timeout", "the timeoutSeconds check is skipped");
        if (!p.has("Timeout") || timeout.isPresent()) {
            c.timeoutSeconds(timeout.map(v -> whole(t, "Timeout", v)).orElse(3));
        }
        t.number(p.path("EphemeralStorage"), "Size", "the ephemeralStorageMb check is skipped")
                .ifPresent(v -> b.ephemeralStorageMb(whole(t, "EphemeralStorage.Size", v)));
        Optional<JsonNode> arch = t.resolve(p.path("Architectures"));
        if (arch.isPresent() && arch.get().isArray() && arch.get().size() == 1) {
            Optional<JsonNode> a = t.resolve(arch.get().get(0));
            if (a.isPresent() && a.get().isTextual()) {
                try {
                    b.architecture(Architecture.parse(a.get().asText()));
                } catch (IllegalArgumentException e) {
                    throw t.error("Architectures", e.getMessage());
                }
            } else {
                t.unknown("Architectures", "priced as x86_64");
            }
        } else if (p.has("Architectures")) {
            t.unknown("Architectures", "priced as x86_64");
        }
        t.resolve(p.path("Runtime")).filter(JsonNode::isTextual).ifPresent(r -> b.runtime(r.asText()));
        JsonNode vars = p.path("Environment").path("Variables");
        if (vars.isObject()) {
            Map<String, String> env = new LinkedHashMap<>();
            boolean resolved = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = vars.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> v = it.next();
                Optional<JsonNode> value = t.resolve(v.getValue());
                if (value.isEmpty() || !value.get().isValueNode()) {
                    resolved = false;
                } else {
                    env.put(v.getKey(), value.get().asText());
                }
            }
            if (resolved) {
                c.environmentVariablesBytes(LambdaConfiguration.environmentSize(env));
            } else {
                t.unknown("Environment.Variables", "the environment size is not checked");
            }
        }
        if (p.path("Layers").isArray()) {
            c.layers(p.path("Layers").size());
        }
        int provisioned = 0;
        JsonNode pc = p.path("ProvisionedConcurrencyConfig");
        if (pc.isObject()) {
            Optional<BigDecimal> n = t.number(pc, "ProvisionedConcurrentExecutions",
                    "the provisioned concurrency check is skipped");
            if (n.isPresent()) {
                provisioned = whole(t, "ProvisionedConcurrentExecutions", n.get());
                // SAM's alias for AutoPublishAlias: logical id FunctionAlias<name>
                Optional<String> alias = t.resolve(p.path("AutoPublishAlias")).filter(JsonNode::isTextual)
                        .map(JsonNode::asText);
                if (alias.isPresent()) {
                    scaling(t, id + "Alias" + alias.get(), alias.get(), provisioned);
                }
            } else {
                t.unknown("ProvisionedConcurrencyConfig", "provisioned concurrency is not priced");
            }
        }
        // Provisioned concurrency set on the function's aliases and versions, as CloudFormation users often set it.
        for (java.util.Iterator<Map.Entry<String, JsonNode>> it = t.template().path("Resources").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            String type = r.getValue().path("Type").asText();
            JsonNode rp = r.getValue().path("Properties");
            if (!(type.equals(ALIAS) || type.equals(VERSION)) || !refersTo(rp.path("FunctionName"), id)
                    || !t.isCreated(r.getKey()) || !rp.path("ProvisionedConcurrencyConfig").isObject()) {
                continue;
            }
            Optional<BigDecimal> n = t.number(rp.path("ProvisionedConcurrencyConfig"),
                    "ProvisionedConcurrentExecutions", "provisioned concurrency of " + r.getKey() + " is not priced");
            if (n.isPresent()) {
                int executions = whole(t, "ProvisionedConcurrentExecutions", n.get());
                provisioned += executions;
                scaling(t, r.getKey(), t.resolve(rp.path("Name")).map(JsonNode::asText).orElse(null), executions);
            }
        }
        // SnapStart on published versions: charged for Python and .NET (the meter leaves Java uncharged).
        JsonNode snap = p.path("SnapStart");
        boolean snapStart = false;
        if (snap.has("ApplyOn")) {
            Optional<JsonNode> on = t.resolve(snap.get("ApplyOn"));
            if (on.isEmpty()) {
                t.unknown("SnapStart.ApplyOn", "SnapStart is not priced");
            } else if (on.get().asText().equals("PublishedVersions")) {
                snapStart = true;
            } else if (!on.get().asText().equals("None")) {
                throw t.error("SnapStart.ApplyOn", "must be PublishedVersions or None, was \""
                        + io.github.computecost.internal.Json.excerpt(on.get().asText()) + "\"");
            }
        }
        BigDecimal pcHours = Calendar.HOURS_PER_MONTH;
        Optional<Entry> u = t.usage();
        if (u.isPresent()) {
            Entry use = u.get();
            use.allowOnly(USAGE);
            use.optString("region").ifPresent(b::region);
            b.requestsPerMonth(use.nonNegativeLong("requestsPerMonth", 0));
            use.optNonNegative("durationMs").ifPresent(b::averageDurationMs);
            LambdaService.traffic(use, c);
            LambdaService.billingModels(use, b);
            pcHours = use.nonNegative("provisionedConcurrencyHoursPerMonth", pcHours);
            if (use.has("snapStart") && !snapStart) {
                throw use.error("snapStart", "is for a function whose SnapStart applies to published versions; "
                        + id + "'s template does not enable it");
            }
            if (snapStart) {
                Optional<Entry> ss = use.optObj("snapStart");
                ss.ifPresent(s -> s.allowOnly("cachedVersions", "activeHoursPerMonth", "restoresPerMonth"));
                int versions = ss.map(s -> s.positiveInt("cachedVersions", 1)).orElse(1);
                BigDecimal active = ss.map(s -> s.nonNegative("activeHoursPerMonth", SnapStart.DEFAULT_ACTIVE_HOURS))
                        .orElse(SnapStart.DEFAULT_ACTIVE_HOURS);
                long restores = ss.map(s -> s.nonNegativeLong("restoresPerMonth", 0)).orElse(0L);
                b.snapStart(new SnapStart(versions, active, restores));
                snapStart = false; // done
            }
            if (provisioned > 0) {
                int concurrency = provisioned;
                BigDecimal hours = pcHours;
                b.provisionedConcurrency(use.step("provisionedConcurrencyHoursPerMonth",
                        () -> ProvisionedConcurrency.of(concurrency, hours)));
            }
        } else if (provisioned > 0) {
            b.provisionedConcurrency(ProvisionedConcurrency.of(provisioned, pcHours));
        }
        if (snapStart) { // no usage entry: one cached version all month, no restores yet
            b.snapStart(new SnapStart(1, SnapStart.DEFAULT_ACTIVE_HOURS, 0));
        }
        b.configuration(c.build());
        LambdaFunction fn = b.build();
        if (p.has("CapacityProviderConfig") && fn.managedInstances().isEmpty()) {
            // On Lambda Managed Instances it has no duration charge but instances: never price it as on-demand.
            throw t.error("CapacityProviderConfig", "the function runs on Lambda Managed Instances: give "
                    + "managedInstances (instanceType, instanceHoursPerMonth) in its usage entry");
        }
        if (p.has("DurableConfig") && fn.durable().isEmpty() && u.isPresent()) {
            // A durable function pays for operations and data besides its invocations: never priced without them.
            throw t.error("DurableConfig", "the function is a durable function: give durable (executionsPerMonth, "
                    + "operationsPerExecution, dataWrittenKbPerExecution) in its usage entry");
        }
        return Optional.of(fn);
    }

    /** The dimension of an Application Auto Scaling target on an alias's or version's provisioned concurrency. */
    private static final String PC_DIMENSION = "lambda:function:ProvisionedConcurrency";

    /**
     * Reports the range an Application Auto Scaling target gives the provisioned concurrency of an alias or version
     * ({@code MinCapacity} to {@code MaxCapacity}; its {@code ResourceId} names it by {@code Ref}, or as
     * {@code function:${Function}:name}): the estimate
     * stays at the configured concurrency, and says so.
     */
    private static void scaling(TemplateResource t, String alias, String aliasName, int configured) {
        String ref = "{\"Ref\":\"" + alias + "\"}";
        // function:${Fn}:live, as templates written by hand name an alias
        String byName = aliasName == null ? null : "function:${" + t.logicalId() + "}:" + aliasName;
        for (Iterator<Map.Entry<String, JsonNode>> it = t.template().path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            JsonNode p = r.getValue().path("Properties");
            if (!r.getValue().path("Type").asText().equals("AWS::ApplicationAutoScaling::ScalableTarget")
                    || !PC_DIMENSION.equals(t.resolve(p.path("ScalableDimension")).map(JsonNode::asText).orElse(""))
                    || !(p.path("ResourceId").toString().contains(ref)
                            || p.path("ResourceId").toString().contains("${" + alias + "}")
                            || byName != null && p.path("ResourceId").toString().contains(byName))) {
                continue;
            }
            String min = t.resolve(p.path("MinCapacity")).map(JsonNode::asText).orElse("?");
            String max = t.resolve(p.path("MaxCapacity")).map(JsonNode::asText).orElse("?");
            t.report(new io.github.computecost.limits.Violation("template.range",
                    io.github.computecost.limits.Severity.WARNING, t.logicalId(), "ProvisionedConcurrentExecutions",
                    Integer.toString(configured), "a provisioned concurrency", t.logicalId() + ": the provisioned "
                            + "concurrency of " + alias + " scales from " + min + " to " + max + " (scalable target "
                            + r.getKey() + "); priced at its configured " + configured + " all month (give "
                            + "provisionedConcurrencyHoursPerMonth in the usage file for another shape)"));
        }
    }

    /** @return whether a FunctionName names the function: {@code !Ref Fn} or {@code !GetAtt Fn.Arn} */
    private static boolean refersTo(JsonNode name, String id) {
        if (name.isObject() && name.path("Ref").asText().equals(id)) {
            return true;
        }
        JsonNode att = name.path("Fn::GetAtt");
        return att.isArray() && att.size() > 0 && att.get(0).asText().equals(id);
    }

    private static int whole(TemplateResource t, String key, BigDecimal v) {
        try {
            int i = v.intValueExact();
            if (i <= 0) {
                throw new ArithmeticException();
            }
            return i;
        } catch (ArithmeticException e) {
            throw t.error(key, "must be a positive whole number, was " + v.toPlainString());
        }
    }
}
