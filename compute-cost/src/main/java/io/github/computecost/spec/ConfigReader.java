package io.github.computecost.spec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.computecost.internal.FieldException;
import io.github.computecost.internal.Json;
import io.github.computecost.internal.Json.Obj;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads whatever configuration a user has: a workload file, a SAM/CloudFormation template (YAML with its
 * short tags, or JSON), an ECS task definition (JSON), told apart by their content, or a CDK app's cloud assembly
 * (the {@code cdk.out} directory {@code cdk synth} writes; see {@link CloudAssemblyReader}). Templates and task
 * definitions hold configuration only; their usage (requests, durations, hours, task counts) comes from a
 * usage file in the workload format whose resources are named by logical id or task family:
 *
 * <pre>
 * region: us-east-1
 * resources:
 *   - name: OrdersFunction          # the template's logical id
 *     requestsPerMonth: 3000000
 *     durationMs: 120
 *     peakRequestsPerSecond: 200
 *   - name: web                     # an ECS task definition's family
 *     tasks: 3
 * </pre>
 *
 * Stateless and thread-safe.
 */
public final class ConfigReader {

    private static final Set<String> USAGE_TOP = Set.of("region", "freeTier", "budget", "quotas", "resources",
            "defaults");

    /**
     * The usage keys of an {@code infracost-usage.yml} (version 0.1) that compute-cost reads, by resource type, with
     * the key each maps to, in the same unit (the keys and their units as infracost's {@code
     * infracost-usage-example.yml} documents them, read 2026-12-03): Lambda's monthly requests and average duration
     * (ms); an API's monthly requests, and an HTTP or WebSocket API's request and message sizes (KB), messages and
     * connection minutes; the instances of an Auto Scaling group or EKS node group, and the hours each runs in the
     * month; an instance's or group's operating system; an ECR repository's storage (GB); a state machine's monthly
     * transitions (Standard workflows), and its monthly requests, memory (MB) and average duration (ms) (Express
     * workflows: see {@link #applicable}).
     */
    static final Map<String, Map<String, String>> INFRACOST_KEYS = Map.of(
            "aws_lambda_function", Map.of("monthly_requests", "requestsPerMonth", "request_duration_ms", "durationMs"),
            "aws_api_gateway_rest_api", Map.of("monthly_requests", "requestsPerMonth"),
            "aws_apigatewayv2_api", Map.of("monthly_requests", "requestsPerMonth", "request_size_kb",
                    "averageRequestSizeKb", "monthly_messages", "messagesPerMonth", "message_size_kb",
                    "averageMessageSizeKb", "monthly_connection_mins", "connectionMinutesPerMonth"),
            "aws_autoscaling_group", Map.of("instances", "count", "operating_system", "os"),
            "aws_instance", Map.of("monthly_hrs", "hoursPerMonth", "operating_system", "os"),
            "aws_eks_node_group", Map.of("instances", "count", "monthly_hrs", "hoursPerMonth"),
            "aws_ecr_repository", Map.of("storage_gb", "storageGb"),
            "aws_sfn_state_machine", Map.of("monthly_transitions", "transitionsPerMonth", "monthly_requests",
                    "executionsPerMonth", "memory_mb", "memoryMb", "workflow_duration_ms", "averageDurationMs"));

    /** The infracost keys whose values are words, not numbers ({@code operating_system: windows}). */
    private static final Set<String> INFRACOST_WORDS = Set.of("operating_system");

    /**
     * The keys infracost documents for one workflow type only ("only applicable for Standard Workflows", "... for
     * Express Workflows"), by the type they do not apply to, as the keys they map to.
     */
    private static final Map<String, Set<String>> SFN_NOT_FOR = Map.of(
            "STANDARD", Set.of("executionsPerMonth", "memoryMb", "averageDurationMs"),
            "EXPRESS", Set.of("transitionsPerMonth"));

    /**
     * An infracost usage entry without the keys that do not apply to its resource, each a note naming it (infracost's
     * own example gives a state machine the keys of both workflow types, and applies those of its type).
     *
     * @param address the resource's address
     * @param type its Terraform type
     * @param properties the CloudFormation properties it is read as
     * @param entry its translated usage entry
     * @param notes where the notes go
     * @return the entry, without the keys that do not apply
     */
    static Obj applicable(String address, String type, JsonNode properties, Obj entry,
            List<io.github.computecost.limits.Violation> notes) {
        if (!"aws_sfn_state_machine".equals(type)) {
            return entry;
        }
        JsonNode workflow = properties.path("StateMachineType");
        String kind = workflow.isMissingNode() ? "STANDARD" : workflow.isTextual()
                ? workflow.asText().toUpperCase(Locale.ROOT) : "";
        Set<String> drop = SFN_NOT_FOR.getOrDefault(kind, Set.of());
        com.fasterxml.jackson.databind.node.ObjectNode kept = ((com.fasterxml.jackson.databind.node.ObjectNode)
                entry.node()).deepCopy();
        Map<String, String> theirs = new java.util.HashMap<>();
        INFRACOST_KEYS.get(type).forEach((k, ours) -> theirs.put(ours, k));
        for (String key : new java.util.TreeSet<>(drop)) {
            if (kept.remove(key) != null) {
                notes.add(new io.github.computecost.limits.Violation("usage.infracost-key",
                        io.github.computecost.limits.Severity.WARNING, address, theirs.get(key), kind,
                        "a usage key of its workflow type", address + ": usage key " + theirs.get(key) + " applies to "
                                + (kind.equals("STANDARD") ? "Express" : "Standard") + " workflows only, and this one "
                                + "is " + kind + "; it does not change the estimate"));
            }
        }
        return Json.at(kept, entry.path());
    }

    /** The largest workload, usage file or template read, in bytes (16 MiB). */
    public static final int MAX_BYTES = io.github.computecost.internal.Json.MAX_DOCUMENT_BYTES;

    private ConfigReader() {
    }

    /**
     * @param file a workload file, template or task definition
     * @param usageFile usage for a template or task definition (ignored for workload files, which hold their own)
     * @return the workload
     * @throws WorkloadException if a file is missing, unreadable or invalid
     */
    public static Workload read(Path file, Optional<Path> usageFile) {
        return read(file, usageFile, Map.of());
    }

    /**
     * @param file a workload file, template or task definition, or a CDK cloud assembly's directory
     * @param usageFile usage for a template or task definition (ignored for workload files, which hold their own)
     * @param parameters values for a template's parameters, by name, as {@code --parameter-overrides} gives them to
     *     CloudFormation: they win over the parameters' {@code Default}s in {@code Ref}, {@code Fn::Sub},
     *     {@code Fn::FindInMap} and the {@code Conditions}
     * @return the workload
     * @throws WorkloadException if a file is missing, unreadable or invalid, or a value names no parameter of the
     *     template or is not among its {@code AllowedValues}
     */
    public static Workload read(Path file, Optional<Path> usageFile, Map<String, String> parameters) {
        if (Files.isDirectory(file)) {
            return CloudAssemblyReader.read(file, usage(usageFile), parameters);
        }
        String name = file.toString();
        return read(name, text(file), name.toLowerCase(Locale.ROOT).endsWith(".json"), usageFile, parameters);
    }

    /**
     * What a Terraform plan starts from: the resources of its {@code prior_state} (none for a first apply), read as
     * {@link #read(Path, Optional, Map)} reads the plan's resources.
     *
     * @param plan a Terraform plan ({@code terraform show -json})
     * @param usageFile its usage file, if any
     * @return the workload before the plan is applied
     * @throws WorkloadException if the file is not a Terraform plan, or is invalid
     */
    public static Workload readBefore(Path plan, Optional<Path> usageFile) {
        String name = plan.toString();
        String text = text(plan);
        JsonNode root = null;
        if (text.stripLeading().startsWith("{")) {
            root = parseJson(name, text);
        }
        if (root == null || !TerraformPlanReader.recognises(root)) {
            throw new WorkloadException(name, "$", Optional.empty(), "is not a Terraform plan (terraform show -json): "
                    + "diff with one input compares a plan's before with its after");
        }
        return TerraformPlanReader.read(name, root, usage(usageFile), true);
    }

    /**
     * Reads a configuration given as text rather than as a file (standard input): JSON when its first character
     * is <code>{</code>, else YAML. A nested stack's local template is looked up from the working directory.
     *
     * @param name what messages call it ({@code "<stdin>"})
     * @param text the workload file, template or task definition
     * @param usageFile usage for a template or task definition
     * @param parameters values for a template's parameters, as {@link #read(Path, Optional, Map)} takes them
     * @return the workload
     * @throws WorkloadException as {@link #read(Path, Optional, Map)} does
     */
    public static Workload read(String name, String text, Optional<Path> usageFile, Map<String, String> parameters) {
        if (text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new WorkloadException(name, "$", Optional.empty(), "is more than the " + MAX_BYTES
                    + " bytes (16 MiB) a workload, usage file or template may be");
        }
        return read(name, text, text.stripLeading().startsWith("{"), usageFile, parameters);
    }

    private static Workload read(String name, String text, boolean json, Optional<Path> usageFile,
            Map<String, String> parameters) {
        JsonNode root;
        try {
            // YAML is read once by the strict parser: a workload file needs nothing more, and only a template
            // needs CloudFormation's short tags (read again below); this saves a second YAML parser at start-up.
            root = json ? parseJson(name, text) : strictYamlOrNull(name, text);
            if (root == null || isTemplate(root)) {
                root = json ? root : parseYaml(name, text);
            }
        } catch (WorkloadException e) {
            if (usageFile.isPresent() || json) {
                throw e;
            }
            return WorkloadReader.parse(name, text, false); // not a template: the workload reader's precise error
        }
        if (json && TerraformPlanReader.recognises(root)) {
            if (!parameters.isEmpty()) {
                throw new WorkloadException(name, "$", Optional.empty(), "parameters are for templates; a Terraform "
                        + "plan has its variables' values already");
            }
            return TerraformPlanReader.read(name, root, usage(usageFile));
        }
        if (json && PowerTuningResult.recognises(root)) {
            if (usageFile.isPresent() || !parameters.isEmpty()) {
                throw new WorkloadException(name, "$", Optional.empty(), "a power-tuning result is read by "
                        + "tune-memory as its measurements; it takes no usage file or parameters");
            }
            return new Workload(Optional.empty(), true, List.of(), List.of(), List.of(PowerTuningResult.tuning(name,
                    root)), List.of(), io.github.computecost.limits.AccountQuotas.DEFAULTS, List.of());
        }
        boolean template = isTemplate(root);
        Optional<Map.Entry<io.github.computecost.service.Service<?>, io.github.computecost.service.DocumentMapping<?>>>
                document = template ? Optional.empty() : TemplateReader.documentOf(root);
        if (!template && document.isEmpty()) {
            if (usageFile.isPresent()) {
                throw new WorkloadException(name, "$", Optional.empty(), "a usage file is for templates and task "
                        + "definitions; a workload file holds its own usage");
            }
            if (!parameters.isEmpty()) {
                throw new WorkloadException(name, "$", Optional.empty(), "parameters are for templates; a workload "
                        + "file has none");
            }
            return WorkloadReader.parse(name, root);
        }
        Usage u = usage(usageFile);
        u.requireByName("a template or task definition, name each resource");
        try {
            if (!template && !parameters.isEmpty()) {
                throw new WorkloadException(name, "$", Optional.empty(), "parameters are for templates; a task "
                        + "definition has none");
            }
            return template ? TemplateReader.template(name, root, u.header(), u.file(), u.entries(), parameters)
                    : TemplateReader.document(name, root, document.get().getKey(), document.get().getValue(),
                            u.header(), u.file(), u.entries());
        } catch (FieldException e) {
            throw new WorkloadException(name, e.path(), Optional.empty(), e.detail());
        }
    }

    /**
     * A usage file, read: its top level (region, free tier, budget, quotas) and its entries by name.
     *
     * @param file its name for messages, or null when there is none
     */
    record Usage(WorkloadReader.Header header, Map<String, Obj> entries, String file, Map<String, Obj> defaults,
            List<io.github.computecost.limits.Violation> notes, boolean infracost) {
        Usage(WorkloadReader.Header header, Map<String, Obj> entries, String file) {
            this(header, entries, file, Map.of(), List.of(), false);
        }

        /**
         * Refuses usage by resource type where only usage by name is read.
         *
         * @param input what is being read and how its resources are named ({@code "a template or task definition,
         *     name each resource"})
         */
        void requireByName(String input) {
            if (!defaults.isEmpty() || !notes.isEmpty()) {
                throw new WorkloadException(file, "$", Optional.empty(), "usage by resource type (defaults:, or an "
                        + "infracost usage file) is read for Terraform plans; for " + input);
            }
        }
    }

    /** @return the usage file's content, or an empty usage (no region, the free tier, no budget) when none is given */
    static Usage usage(Optional<Path> usageFile) {
        WorkloadReader.Header header = new WorkloadReader.Header(Optional.empty(), true, List.of(),
                io.github.computecost.limits.AccountQuotas.DEFAULTS);
        Map<String, Obj> usage = new LinkedHashMap<>();
        String usageName = usageFile.map(Path::toString).orElse(null);
        if (usageFile.isPresent()) {
            String usageText = text(usageFile.get());
            JsonNode u = usageName.toLowerCase(Locale.ROOT).endsWith(".json") ? parseJson(usageName, usageText)
                    : parseStrictYaml(usageName, usageText);
            if (u.isObject() && (u.has("resource_usage") || u.has("resource_type_default_usage"))) {
                return infracost(usageName, u, header);
            }
            Map<String, Obj> defaults = new LinkedHashMap<>();
            try {
                Obj top = Json.root(u);
                top.allowOnly(USAGE_TOP);
                header = WorkloadReader.header(top);
                for (Obj r : top.has("resources") ? top.objArray("resources") : List.<Obj>of()) {
                    String n = r.string("name");
                    if (usage.put(n, r) != null) {
                        throw new FieldException(r.pathOf("name"), "\"" + n + "\" is named twice");
                    }
                }
                if (top.has("defaults")) {
                    Obj d = top.obj("defaults");
                    for (java.util.Iterator<String> it = d.node().fieldNames(); it.hasNext(); ) {
                        String type = it.next();
                        defaults.put(type, d.obj(type));
                    }
                }
            } catch (FieldException e) {
                throw new WorkloadException(usageName, e.path(), Optional.empty(), e.detail());
            }
            return new Usage(header, usage, usageName, defaults, List.of(), false);
        }
        return new Usage(header, usage, usageName);
    }

    /**
     * An {@code infracost-usage.yml} (version 0.1): {@code resource_usage} by address and
     * {@code resource_type_default_usage} by type, each key mapped to ours ({@link #INFRACOST_KEYS}); a key it does
     * not map is a note, never dropped without a word.
     */
    private static Usage infracost(String name, JsonNode u, WorkloadReader.Header header) {
        String version = u.path("version").asText("");
        if (!version.equals("0.1") && !version.equals("v0.1")) {
            throw new WorkloadException(name, "$.version", Optional.empty(), "must be 0.1 (an infracost usage file), "
                    + "was \"" + Json.excerpt(version) + "\"");
        }
        List<io.github.computecost.limits.Violation> notes = new ArrayList<>();
        Map<String, Obj> entries = new LinkedHashMap<>();
        for (java.util.Iterator<Map.Entry<String, JsonNode>> it = u.path("resource_usage").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String type = TerraformPlanReader.typeOf(e.getKey());
            entries.put(e.getKey(), translated(name, "$.resource_usage." + e.getKey(), e.getKey(), type, e.getValue(),
                    notes));
        }
        Map<String, Obj> defaults = new LinkedHashMap<>();
        for (java.util.Iterator<Map.Entry<String, JsonNode>> it = u.path("resource_type_default_usage").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            defaults.put(e.getKey(), translated(name, "$.resource_type_default_usage." + e.getKey(), e.getKey(),
                    e.getKey(), e.getValue(), notes));
        }
        return new Usage(header, entries, name, defaults, List.copyOf(notes), true);
    }

    private static Obj translated(String file, String path, String subject, String type, JsonNode keys,
            List<io.github.computecost.limits.Violation> notes) {
        com.fasterxml.jackson.databind.node.ObjectNode out = Json.nodes().objectNode();
        out.put("name", subject);
        Map<String, String> known = INFRACOST_KEYS.getOrDefault(type, Map.of());
        for (java.util.Iterator<Map.Entry<String, JsonNode>> it = keys.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> k = it.next();
            String ours = known.get(k.getKey());
            if (ours == null) {
                notes.add(new io.github.computecost.limits.Violation("usage.infracost-key",
                        io.github.computecost.limits.Severity.WARNING, subject, k.getKey(), k.getValue().asText(),
                        "a usage key compute-cost reads", file + ": " + subject + ": usage key " + k.getKey()
                                + " is not read by compute-cost (for " + type + (known.isEmpty() ? ", none is"
                                : ", only " + String.join(" and ", new java.util.TreeSet<>(known.keySet())) + " are")
                                + "); it does not change the estimate"));
                continue;
            }
            boolean word = INFRACOST_WORDS.contains(k.getKey());
            if (word ? !k.getValue().isTextual() : !k.getValue().isNumber()) {
                throw new WorkloadException(file, path + "." + k.getKey(), Optional.of(subject), "must be a "
                        + (word ? "word" : "number") + ", was " + Json.describe(k.getValue()));
            }
            if (ours.equals("os")) {
                try {
                    io.github.computecost.compute.OperatingSystem.parse(k.getValue().asText());
                } catch (IllegalArgumentException e) {
                    throw new WorkloadException(file, path + "." + k.getKey(), Optional.of(subject), "must be linux "
                            + "or windows, the operating systems compute-cost prices, was \""
                            + Json.excerpt(k.getValue().asText()) + "\"");
                }
            }
            out.set(ours, k.getValue());
        }
        return Json.at(out, path);
    }

    /**
     * @param file a nested stack's template
     * @param parent the template that names it, and the JSON path where (for a missing file)
     * @return its root, read as a template is read
     */
    static JsonNode templateFile(Path file, String parent, String path) {
        if (!Files.isRegularFile(file)) {
            throw new WorkloadException(parent, path, Optional.empty(), "the nested stack's template " + file
                    + " is not a file");
        }
        String text = text(file);
        JsonNode root = file.toString().toLowerCase(Locale.ROOT).endsWith(".json") ? parseJson(file.toString(), text)
                : parseYaml(file.toString(), text);
        if (!isTemplate(root)) {
            throw new WorkloadException(file.toString(), "$", Optional.empty(), "is not a CloudFormation template "
                    + "(no Resources)");
        }
        return root;
    }

    static String text(Path file) {
        try {
            WorkloadReader.requireSize(file);
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new WorkloadException(file.toString(), "$", Optional.empty(), "file not found");
        } catch (IOException e) {
            throw new WorkloadException(file.toString(), "$", Optional.empty(), "cannot be read: " + e.getMessage());
        }
    }

    private static boolean isTemplate(JsonNode root) {
        return root.isObject() && (root.has("Resources") || root.has("AWSTemplateFormatVersion"));
    }

    /** @return the YAML document as the strict parser reads it (tags ignored), or null if it cannot */
    private static JsonNode strictYamlOrNull(String name, String text) {
        try {
            return parseStrictYaml(name, text);
        } catch (WorkloadException e) {
            if (e.getMessage().contains("duplicate key '")) {
                throw e; // a duplicate is one whatever the tags: the strict reader names both lines
            }
            return null; // the tag-aware loader, or the workload reader, says what is wrong
        }
    }

    static JsonNode parseJson(String name, String text) {
        try {
            JsonNode n = Json.readTree(text.getBytes(StandardCharsets.UTF_8), false);
            if (n == null || n.isMissingNode()) {
                throw new WorkloadException(name, "$", Optional.empty(), "is empty");
            }
            return n;
        } catch (JacksonException e) {
            throw new WorkloadException(name, "$", Optional.empty(), "is not valid JSON: " + io.github.computecost.internal.Json.problem(e)
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw new WorkloadException(name, "$", Optional.empty(), "cannot be read: " + e.getMessage());
        }
    }

    private static JsonNode parseStrictYaml(String name, String text) {
        try {
            JsonNode n = Json.readTree(text.getBytes(StandardCharsets.UTF_8), true);
            if (n == null || n.isMissingNode()) {
                throw new WorkloadException(name, "$", Optional.empty(), "is empty");
            }
            return n;
        } catch (JacksonException e) {
            throw new WorkloadException(name, "$", Optional.empty(), "is not valid YAML: " + io.github.computecost.internal.Json.problem(e));
        } catch (IOException e) {
            throw new WorkloadException(name, "$", Optional.empty(), "cannot be read: " + e.getMessage());
        }
    }

    /** YAML that may carry CloudFormation's short tags. */
    private static JsonNode parseYaml(String name, String text) {
        try {
            Object doc = CfnYaml.load(text);
            if (doc == null) {
                throw new WorkloadException(name, "$", Optional.empty(), "is empty");
            }
            return CfnYaml.tree(doc);
        } catch (YAMLException e) {
            throw new WorkloadException(name, "$", Optional.empty(), "is not valid YAML: "
                    + io.github.computecost.internal.YamlTree.problem(e));
        } catch (IllegalArgumentException e) {
            throw new WorkloadException(name, "$", Optional.empty(), "cannot be read: " + e.getMessage());
        }
    }
}
