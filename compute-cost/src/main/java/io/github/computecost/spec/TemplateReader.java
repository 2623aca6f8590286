package io.github.computecost.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.computecost.budget.Budget;
import io.github.computecost.estimate.Services;
import io.github.computecost.estimate.UnsupportedResource;
import io.github.computecost.internal.FieldException;
import io.github.computecost.internal.Json;
import io.github.computecost.internal.Json.Obj;
import io.github.computecost.limits.Severity;
import io.github.computecost.limits.Violation;
import io.github.computecost.service.DocumentMapping;
import io.github.computecost.service.Entry;
import io.github.computecost.service.Resource;
import io.github.computecost.service.Service;
import io.github.computecost.service.TemplateMapping;
import io.github.computecost.service.TemplateResource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the configuration in SAM/CloudFormation templates and in the services' own documents (ECS task
 * definitions), and the usage (traffic, hours) from a usage file keyed by logical id or family. Which resource
 * types and documents are priced is the services' to say ({@link TemplateMapping}, {@link DocumentMapping}); this
 * class resolves template values for them.
 *
 * <p>SAM {@code Globals} apply to {@code AWS::Serverless::Function}, {@code AWS::Serverless::Api} and
 * {@code AWS::Serverless::HttpApi} (maps merge, lists add up, scalars are overridden by the resource). A resource of
 * a type no service prices is listed as not priced ({@link Workload#unsupported()}); what SAM implies without a
 * declaration (the API of a function's {@code Api} event) is read as the services' mappings imply it. Intrinsic
 * functions are evaluated as CloudFormation evaluates them ({@link Intrinsics}, after {@link ForEach} expands its
 * loops), from the parameters' defaults and the values the caller passes; a resource whose {@code Condition} is
 * false is listed as not created. A value only the deployed stack knows ({@code Fn::GetAtt}, a resource's
 * {@code Ref}, a parameter without a value) is reported as unknown, never guessed: the check that needed it is
 * skipped, and a resource whose price depends on it is not priced.
 */
final class TemplateReader {

    private final String file;
    private final String usageFile;
    private final Map<String, Obj> usage;
    private final List<Violation> findings = new ArrayList<>();
    private final List<Resource> out = new ArrayList<>();
    private final List<Budget> budgets = new ArrayList<>();
    private final List<UnsupportedResource> unsupported = new ArrayList<>();
    private final List<String> withoutUsage = new ArrayList<>();
    /** The tags of each resource read that has any, by name. */
    private final Map<String, Map<String, String>> tags = new java.util.LinkedHashMap<>();
    private Intrinsics intrinsics = new Intrinsics(Json.nodes().objectNode(), Map.of(), Optional.empty());
    /** Resources a false {@code Condition} leaves out of the stack: their usage entries are not refused. */
    private final Set<String> switchedOff = new HashSet<>();
    /** The files of the stacks that contain this one, outermost first; empty for the template given. */
    private List<String> stack = List.of();
    /** The logical ids of nested stacks' resources, which their usage entries may name. */
    private final Set<String> nestedNames = new HashSet<>();
    /** Resources whose cost is another resource's (tasks on an Auto Scaling group): not listed as not priced. */
    private final Set<String> pricedElsewhere = new HashSet<>();
    /** What names a resource in the estimate before its logical id: {@code Stack/} in a CDK app, else nothing. */
    private String prefix = "";

    private TemplateReader(String file, String usageFile, Map<String, Obj> usage) {
        this.file = file;
        this.usageFile = usageFile;
        this.usage = usage;
    }

    /** Reads a template; {@code usage} holds the usage entries by name. */
    static Workload template(String file, JsonNode root, WorkloadReader.Header header, String usageFile,
            Map<String, Obj> usage, Map<String, String> parameters) {
        return template(file, root, header, usageFile, usage, parameters, new java.util.ArrayList<>(), "");
    }

    /**
     * Reads one stack of a CDK app: its resources are named {@code prefix + logicalId}, and the usage file's names
     * are left to the caller to check against every stack's.
     */
    static Workload stack(String file, JsonNode root, WorkloadReader.Header header, String usageFile,
            Map<String, Obj> usage, Map<String, String> parameters, String prefix) {
        return template(file, root, header, usageFile, usage, parameters, new java.util.ArrayList<>(), prefix);
    }

    /** The deepest nesting of stacks read: CloudFormation's own limit is far above any real template. */
    static final int MAX_NESTING = 10;

    /** The types of a nested stack, and the property that holds its template's location. */
    private static final Map<String, String> NESTED = Map.of("AWS::CloudFormation::Stack", "TemplateURL",
            "AWS::Serverless::Application", "Location");

    /** @param stack the files of the stacks being read, outermost first (a cycle is refused) */
    private static Workload template(String file, JsonNode root, WorkloadReader.Header header, String usageFile,
            Map<String, Obj> usage, Map<String, String> parameters, List<String> stack, String prefix) {
        TemplateReader r = new TemplateReader(file, usageFile, usage);
        r.stack = stack;
        r.prefix = prefix;
        try {
            r.intrinsics = new Intrinsics(root, parameters, header.region());
        } catch (IllegalArgumentException e) {
            throw new WorkloadException(file, "$.Parameters", Optional.empty(), e.getMessage());
        }
        // Resources and Globals as CloudFormation evaluates them: what resolves is replaced, AWS::NoValue removed.
        root = r.resolved(ForEach.expand(file, root, r.intrinsics));
        // Each type's mappings in the registry's order: a resource goes to the first that accepts it, else the last.
        List<Map.Entry<Service<?>, TemplateMapping<?>>> all = new ArrayList<>();
        Map<String, List<Map.Entry<Service<?>, TemplateMapping<?>>>> byType = new HashMap<>();
        Set<String> parts = new HashSet<>();
        Map<String, Set<String>> known = new HashMap<>();
        for (Service<?> s : Services.all()) {
            s.templates().ifPresent(m -> {
                Map.Entry<Service<?>, TemplateMapping<?>> entry = Map.entry(s, m);
                all.add(entry);
                m.resourceTypes().forEach(t -> byType.computeIfAbsent(t, k -> new ArrayList<>()).add(entry));
                parts.addAll(m.partTypes());
                known.putAll(m.knownProperties());
            });
        }
        try {
            Obj top = Json.root(root);
            Map<String, Obj> resources = top.objMap("Resources");
            JsonNode globalsSection = root.path("Globals");
            if (globalsSection.isObject()) {
                for (Map.Entry<String, String> g : GLOBALS.entrySet()) {
                    r.checkProperties(null, g.getKey(), globalsSection.path(g.getValue()), known,
                            "$.Globals." + g.getValue());
                }
            }
            for (Map.Entry<String, Obj> e : resources.entrySet()) {
                if (e.getKey().isBlank()) { // CloudFormation refuses it; it would name the resource and its usage
                    throw new WorkloadException(file, "$.Resources", Optional.empty(), "a resource's logical id must "
                            + "not be empty (CloudFormation's are alphanumeric)");
                }
                String type = e.getValue().has("Type") ? e.getValue().raw("Type").asText() : "";
                if (e.getValue().has("Condition") && !r.created(e.getKey(), type, e.getValue().raw("Condition"))) {
                    continue;
                }
                if (NESTED.containsKey(type)) {
                    r.nested(e.getKey(), type, e.getValue().has("Properties") ? e.getValue().raw("Properties")
                            : Json.nodes().objectNode(), e.getValue().has("Metadata") ? e.getValue().raw("Metadata")
                            : Json.nodes().objectNode(), header);
                    continue;
                }
                List<Map.Entry<Service<?>, TemplateMapping<?>>> candidates = byType.get(type);
                // Every resource whose type a service lists, priced or read as a part or for what it associates.
                r.checkProperties(e.getKey(), type, e.getValue().has("Properties") ? e.getValue().raw("Properties")
                        : null, known, "$.Resources." + e.getKey() + ".Properties");
                if (candidates == null && parts.contains(type)) {
                    continue; // read by its service as part of another resource (a REST API's stage)
                }
                if (candidates == null) {
                    // Listed, never dropped: the total must not look complete when it is not.
                    r.unsupported.add(new UnsupportedResource(r.prefix + e.getKey(), type.isEmpty() ? "(no Type)" : type,
                            "compute-cost prices no resource of this type; its cost is not in the total"));
                    continue;
                }
                JsonNode props = e.getValue().has("Properties") ? e.getValue().raw("Properties") : Json.nodes().objectNode();
                if (!props.isObject()) { // CloudFormation refuses it: never priced at AWS's defaults
                    throw new WorkloadException(file, "$.Resources." + e.getKey() + ".Properties", Optional.of(e.getKey()),
                            "must be a mapping of properties, was " + Json.describe(props));
                }
                String section = GLOBALS.get(type);
                JsonNode g = root.path("Globals");
                if (section != null && !g.isMissingNode() && (!g.isObject() || g.has(section)
                        && !g.get(section).isObject())) {
                    throw new WorkloadException(file, g.isObject() ? "$.Globals." + section : "$.Globals",
                            Optional.empty(), "must be a mapping, was " + Json.describe(g.isObject() ? g.get(section) : g));
                }
                JsonNode merged = globals(root, type, props);
                TemplateResource probe = r.new Properties(e.getKey(), type, merged, root,
                        r.usage.get(r.prefix + e.getKey()));
                Map.Entry<Service<?>, TemplateMapping<?>> chosen = candidates.stream()
                        .filter(c -> c.getValue().accepts(probe)).findFirst()
                        .orElse(candidates.get(candidates.size() - 1));
                TemplateMapping<?> mapping = chosen.getValue();
                r.read(e.getKey(), type, merged, root, chosen.getKey(), mapping::readAll, () -> mapping.usageKeys(type),
                        r.templateTags(e.getKey(), merged));
            }
            // What SAM creates without a declaration (the API of a function's Api event), read as if declared.
            for (Map.Entry<Service<?>, TemplateMapping<?>> m : all) {
                for (TemplateMapping.Implied i : m.getValue().impliedResources(root)) {
                    if (!resources.containsKey(i.logicalId())) {
                        r.read(i.logicalId(), i.type(), globals(root, i.type(), i.properties()), root, m.getKey(),
                                m.getValue()::readAll, () -> m.getValue().usageKeys(i.type()), Map.of());
                    }
                }
            }
        } catch (FieldException e) {
            throw new WorkloadException(file, e.path(), Optional.empty(), e.detail());
        }
        return r.finish(header);
    }

    /** @return the service document mapping that recognises {@code root}, if one does */
    static Optional<Map.Entry<Service<?>, DocumentMapping<?>>> documentOf(JsonNode root) {
        for (Service<?> s : Services.all()) {
            Optional<? extends DocumentMapping<?>> d = s.documents();
            if (d.isPresent() && d.get().recognises(root)) {
                return Optional.of(Map.entry(s, d.get()));
            }
        }
        return Optional.empty();
    }

    /** Reads a service's own document (an ECS task definition). */
    static Workload document(String file, JsonNode root, Service<?> service, DocumentMapping<?> mapping,
            WorkloadReader.Header header, String usageFile, Map<String, Obj> usage) {
        TemplateReader r = new TemplateReader(file, usageFile, usage);
        String name = mapping.name(root);
        String at = root.has("taskDefinition") && mapping.configuration(root) == root.get("taskDefinition")
                ? "$.taskDefinition" : "$";
        if (name.isBlank()) { // it names the resource in the estimate and in the usage file
            throw new WorkloadException(file, at + "." + mapping.nameKey(), Optional.empty(), "must be a non-empty "
                    + "name of the " + mapping.description() + ", was \"" + Json.excerpt(name) + "\"");
        }
        r.checkProperties(name, mapping.configurationType(), mapping.configuration(root), mapping.knownProperties(),
                at);
        try {
            // A document's usage is its service's template usage (an ECS task definition's, in a template or alone).
            r.read(name, mapping.description(), mapping.configuration(root), root, service,
                    x -> mapping.read(x).map(List::of).orElse(List.of()), () -> {
                        Set<String> keys = new java.util.TreeSet<>();
                        service.templates().ifPresent(t -> t.resourceTypes().forEach(type -> keys.addAll(
                                t.usageKeys(type))));
                        return keys;
                    }, Tags.read(root.get("tags"), "$.tags"));
        } catch (FieldException e) {
            throw new WorkloadException(file, e.path(), Optional.of(name), e.detail());
        }
        return r.finish(header);
    }

    /** @return whether a usage entry holds nothing but its name and type: no usage, no budget */
    private static boolean givesNoUsage(JsonNode entry) {
        for (Iterator<String> it = entry.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.equals("name") && !k.equals("type")) {
                return false;
            }
        }
        return true;
    }

    private interface Reading {
        List<? extends Resource> read(TemplateResource resource);
    }

    /**
     * @param usageKeys the keys its usage entry may hold, asked only while a usage skeleton is recorded
     * @param own the tags the configuration gives it; its usage entry's {@code tags} are added to them
     */
    private void read(String id, String type, JsonNode props, JsonNode template, Service<?> service, Reading mapping,
            java.util.function.Supplier<Set<String>> usageKeys, Map<String, String> own) {
        String name = prefix + id;
        UsageSkeleton.record(name, service.type(), type, usageKeys);
        Obj use = usage.get(name);
        if (use != null && use.has("type") && !service.type().equals(use.string("type"))) {
            throw new WorkloadException(usageFile, use.pathOf("type"), Optional.of(name), "is " + use.string("type")
                    + ", but " + name + " is a " + service.type());
        }
        if (use != null && givesNoUsage(use.node())) {
            use = null; // a name alone (an init-usage skeleton's entry) says nothing: as if the file did not name it
        }
        List<? extends Resource> parts;
        try {
            parts = mapping.read(new Properties(id, type, props, template, use));
        } catch (FieldException e) {
            // A usage entry's key names the usage file (its paths are JSON paths); a property names the template.
            boolean inUsage = e.path().startsWith("$") && usageFile != null;
            throw new WorkloadException(inUsage ? usageFile : file, e.path(), Optional.of(name), e.detail());
        }
        if (parts.isEmpty() && pricedElsewhere.contains(name)) {
            return; // its cost is in another resource's, as its warning says
        }
        if (parts.isEmpty()) {
            // The mapping reported why (a value the template cannot resolve): still listed, never dropped.
            unsupported.add(new UnsupportedResource(name, type, "cannot be priced from the template and the usage file "
                    + "(see its warning); its cost is not in the total"));
            return;
        }
        Map<String, String> tagged = new java.util.TreeMap<>(own);
        if (use != null && use.has("tags")) {
            try {
                tagged.putAll(Tags.read(use.raw("tags"), use.pathOf("tags")));
            } catch (FieldException e) {
                throw new WorkloadException(usageFile, e.path(), Optional.of(name), e.detail());
            }
            if (tagged.size() > Tags.MAX_TAGS) {
                throw new WorkloadException(usageFile, use.pathOf("tags"), Optional.of(name), "with the "
                        + "configuration's, gives " + tagged.size() + " tags; AWS allows at most " + Tags.MAX_TAGS
                        + " on a resource");
            }
        }
        for (Resource resource : parts) {
            out.add(resource);
            if (use == null) {
                withoutUsage.add(resource.name());
            }
            if (!tagged.isEmpty()) {
                tags.put(resource.name(), tagged);
            }
        }
        if (use != null && use.has("budget")) {
            if (parts.size() > 1 || !parts.get(0).name().equals(name)) {
                throw new WorkloadException(usageFile, use.pathOf("budget"), Optional.of(name), "is priced in "
                        + "parts (" + String.join(", ", parts.stream().map(Resource::name).toList()) + "), which a "
                        + "budget cannot name yet; set the budget on the total");
            }
            budgets.add(Budget.of(name, Entry.of(use.node(), use.path()).nonNegative("budget")));
        }
    }

    /**
     * Holds a resource's properties, and the nested properties the services list ({@code
     * "AWS::ECS::TaskDefinition.RuntimePlatform"}), to CloudFormation's lists: an unknown one is refused, as
     * CloudFormation refuses it, naming the near miss ("did you mean MemorySize?") or else the names allowed. Values
     * that are intrinsic functions ({@code Fn::If}, {@code Ref}) are not looked into; lists are checked element by
     * element.
     *
     * @param id the logical id, or null for a {@code Globals} section
     * @param key the type, or the type and a dotted property path
     * @param node the properties (or a nested value); null or missing when absent
     * @param path the JSON path of {@code node}, for the message
     */
    private void checkProperties(String id, String key, JsonNode node, Map<String, Set<String>> known, String path) {
        Set<String> names = known.get(key);
        if (names == null || node == null) {
            return;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkProperties(id, key, node.get(i), known, path + "[" + i + "]");
            }
            return;
        }
        if (!node.isObject() || Intrinsics.isIntrinsic(node)) {
            return;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (names.contains(name)) {
                checkProperties(id, key + "." + name, node.get(name), known, path + "." + name);
                continue;
            }
            if (name.startsWith("Fn::")) {
                continue; // a macro (Fn::Transform) that CloudFormation expands before it checks the properties
            }
            // A near miss: two edits at most, one for a short name.
            Optional<String> near = io.github.computecost.internal.Names.closest(name, names,
                    Math.min(2, Math.max(1, name.length() / 4)));
            String allowed = names.size() <= 20 ? "; allowed: " + String.join(", ", new java.util.TreeSet<>(names))
                    : "; " + names.size() + " are allowed, the nearest " + io.github.computecost.internal.Names
                            .nearest(name, names).replace(" (did you mean ", "").replace("?)", "");
            throw new WorkloadException(file, path + "." + Json.excerpt(name), Optional.ofNullable(id),
                    "unknown property " + Json.excerpt(name) + " of " + key + near.map(n -> " (did you mean " + n
                            + "?)").orElse(allowed));
        }
    }

    /**
     * A nested stack ({@code AWS::CloudFormation::Stack}, {@code AWS::Serverless::Application}) whose template is a
     * local file, as {@code sam build} and {@code cdk synth} leave them (CDK names the file in the resource's
     * {@code aws:asset:path} metadata): read with the parameters the parent passes (those that resolve), its
     * resources added to this template's as if declared here; the usage file names them by their own logical ids
     * (in a CDK app, by the parent stack's name and their logical ids). A template at a URL, or a serverless application from the repository, is listed as not
     * priced, with the reason.
     */
    private void nested(String id, String type, JsonNode props, JsonNode metadata, WorkloadReader.Header header) {
        String key = NESTED.get(type);
        JsonNode location = props.path(key);
        // cdk synth leaves a nested stack's template beside its parent's, and names it in the resource's metadata
        // (its TemplateURL is the S3 address it will be uploaded to).
        if (metadata.path("aws:asset:property").asText().equals(key) && metadata.path("aws:asset:path").isTextual()) {
            location = metadata.get("aws:asset:path");
        }
        if (!location.isTextual()) {
            unsupported.add(new UnsupportedResource(prefix + id, type, location.isObject()
                    && location.has("ApplicationId")
                    ? "a serverless application from the Serverless Application Repository is not read; its cost is "
                            + "not in the total" : "its " + key + " cannot be resolved, so the nested stack is not "
                            + "read; its cost is not in the total"));
            return;
        }
        String where = location.asText();
        if (where.matches("(?i)(https?|s3)://.*")) {
            unsupported.add(new UnsupportedResource(prefix + id, type, "a nested stack at a URL (" + Json.excerpt(where)
                    + ") is not fetched; package it locally (sam build, cdk synth) to price it; its cost is not in "
                    + "the total"));
            return;
        }
        java.nio.file.Path parent = java.nio.file.Path.of(file).toAbsolutePath().getParent();
        java.nio.file.Path child = parent.resolve(where).normalize();
        String childName = child.toString();
        List<String> chain = new ArrayList<>(stack);
        chain.add(java.nio.file.Path.of(file).toAbsolutePath().normalize().toString());
        String path = "$.Resources." + id + ".Properties." + key;
        if (chain.contains(childName)) {
            throw new WorkloadException(file, path, Optional.of(id), "the nested stack includes a stack that "
                    + "includes it (" + Json.excerpt(where) + ")");
        }
        if (chain.size() > MAX_NESTING) {
            throw new WorkloadException(file, path, Optional.of(id), "stacks nest more than " + MAX_NESTING
                    + " deep");
        }
        Map<String, String> passed = new java.util.LinkedHashMap<>();
        JsonNode params = props.path("Parameters");
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode v = resolve(p.getValue());
            if (v != null && v.isValueNode()) {
                passed.put(p.getKey(), v.asText());
            } else if (v != null && v.isArray()) {
                List<String> parts = new ArrayList<>();
                v.forEach(x -> parts.add(x.asText()));
                passed.put(p.getKey(), String.join(",", parts));
            } else {
                find(new Violation("template.unknown", Severity.WARNING, id, "Parameters." + p.getKey(),
                        "unknown", "a value the template resolves", id + ": parameter " + p.getKey() + " passed to "
                                + "the nested stack cannot be resolved; the child's Default is used"));
            }
        }
        JsonNode root = ConfigReader.templateFile(child, file, path);
        Workload w = template(relative(child), root, header, usageFile, usage, passed, chain, prefix);
        Set<String> mine = new HashSet<>();
        out.forEach(x -> mine.add(x.name()));
        for (Resource x : w.resources()) {
            if (!mine.add(x.name())) {
                throw new WorkloadException(file, path, Optional.of(id), "the nested stack's resource " + x.name()
                        + " has the logical id of another resource; rename one, since the usage file names them by id");
            }
            nestedNames.add(x.name());
        }
        out.addAll(w.resources());
        findings.addAll(w.findings());
        unsupported.addAll(w.unsupported());
        withoutUsage.addAll(w.withoutUsage());
        tags.putAll(w.tags());
        w.unsupported().forEach(u -> nestedNames.add(u.name()));
        budgets.addAll(w.budgets().stream().filter(b -> b.resource().isPresent()).toList());
    }

    /** A nested template's name for messages: relative to the working directory when it is below it. */
    static String relative(java.nio.file.Path child) {
        java.nio.file.Path here = java.nio.file.Path.of("").toAbsolutePath();
        return child.startsWith(here) ? here.relativize(child).toString() : child.toString();
    }

    /**
     * @return whether a resource with a {@code Condition} is created: false (listed as not priced, with the
     *     condition named) when the condition is false for the parameters; true, with a warning, when it cannot be
     *     evaluated before deployment
     */
    private boolean created(String id, String type, JsonNode condition) {
        String name = condition.asText();
        Optional<Boolean> v = intrinsics.condition(name);
        if (v.isPresent() && !v.get()) {
            switchedOff.add(prefix + id);
            unsupported.add(new UnsupportedResource(prefix + id, type.isEmpty() ? "(no Type)" : type, "not created: its "
                    + "condition " + Json.excerpt(name) + " is false for the parameters given; its cost is not in the "
                    + "total"));
            return false;
        }
        if (v.isEmpty()) {
            find(new Violation("template.condition", Severity.WARNING, id, "Condition", Json.excerpt(name),
                    "a condition the template resolves", id + ": its condition " + Json.excerpt(name) + " cannot be "
                            + "evaluated before deployment (a parameter without default?); priced as if created"));
        }
        return true;
    }

    /**
     * The template with its Globals and its resources' Properties evaluated ({@link Intrinsics#deep}, which builds new
     * trees); the rest is shared with {@code root}, not copied.
     */
    private JsonNode resolved(JsonNode root) {
        if (!root.isObject()) {
            return root;
        }
        ObjectNode out = Json.nodes().objectNode();
        out.setAll((ObjectNode) root);
        JsonNode globals = root.get("Globals");
        if (globals != null && globals.isObject()) {
            out.set("Globals", orEmpty(intrinsics.deep(globals)));
        }
        JsonNode resources = root.get("Resources");
        if (resources != null && resources.isObject()) {
            ObjectNode r = Json.nodes().objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (v.isObject() && v.has("Properties")) {
                    // A resource's attributes (Type, Condition) are kept; its Properties evaluated.
                    ObjectNode copy = Json.nodes().objectNode();
                    copy.setAll((ObjectNode) v);
                    copy.set("Properties", orEmpty(intrinsics.deep(v.get("Properties"))));
                    v = copy;
                }
                r.set(e.getKey(), v);
            }
            out.set("Resources", r);
        }
        return out;
    }

    private static JsonNode orEmpty(JsonNode evaluated) {
        return evaluated == Intrinsics.NO_VALUE ? Json.nodes().objectNode() : evaluated;
    }

    /** Adds a finding about one of this stack's resources, named as the estimate names it. */
    private void find(Violation v) {
        if (prefix.isEmpty() || v.resource().isEmpty() || v.resource().startsWith(prefix)) {
            findings.add(v);
            return;
        }
        findings.add(new Violation(v.code(), v.severity(), prefix + v.resource(), v.field(), v.value(), v.limit(),
                v.message().startsWith(v.resource() + ":") ? prefix + v.message() : v.message()));
    }

    /**
     * @return the names a usage file may give: the resources read, those listed as not priced, and those a finding
     *     is about (a resource that cannot be priced without its usage)
     */
    static Set<String> definedNames(List<Resource> resources, List<UnsupportedResource> unsupported,
            List<Violation> findings) {
        Set<String> known = new java.util.LinkedHashSet<>();
        resources.forEach(m -> known.add(m.name()));
        unsupported.forEach(u -> known.add(u.name()));
        findings.forEach(f -> known.add(f.resource()));
        return known;
    }

    private Workload finish(WorkloadReader.Header header) {
        Set<String> known = definedNames(out, List.of(), findings);
        known.addAll(switchedOff);
        known.addAll(nestedNames);
        // A nested stack's parent checks the usage file's names; so does a CDK app, against all its stacks.
        for (String name : stack.isEmpty() && prefix.isEmpty() ? usage.keySet() : Set.<String>of()) {
            if (!known.contains(name)) {
                throw new WorkloadException(file, "usage", Optional.of(name), "the usage file names \"" + name
                        + "\", which the configuration does not define (defined: " + String.join(", ", known) + ")");
            }
        }
        List<Budget> all = new ArrayList<>(header.budgets());
        all.addAll(budgets);
        return new Workload(header.region(), header.freeTier(), out, List.of(), List.of(), all, header.quotas(), findings,
                unsupported, withoutUsage, Map.of(), tags);
    }

    /** One template resource, as a service's mapping reads it. */
    private final class Properties implements TemplateResource {
        private final String id;
        private final String type;
        private final JsonNode props;
        private final JsonNode template;
        private final Obj use;

        Properties(String id, String type, JsonNode props, JsonNode template, Obj use) {
            this.id = id;
            this.type = type;
            this.props = props;
            this.template = template;
            this.use = use;
        }

        @Override
        public String logicalId() {
            return id;
        }

        @Override
        public String name() {
            return prefix + id;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public JsonNode properties() {
            return props;
        }

        @Override
        public JsonNode template() {
            return template;
        }

        @Override
        public Optional<JsonNode> resolve(JsonNode value) {
            return Optional.ofNullable(TemplateReader.this.resolve(value));
        }

        @Override
        public Optional<BigDecimal> number(JsonNode holder, String key, String consequence) {
            if (!holder.has(key)) {
                return Optional.empty();
            }
            JsonNode v = TemplateReader.this.resolve(holder.get(key));
            if (v == null) {
                unknown(key, consequence);
                return Optional.empty();
            }
            try {
                return Optional.of(v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().trim()));
            } catch (NumberFormatException e) {
                throw error(key, "must be a number, was \"" + v.asText() + "\"");
            }
        }

        @Override
        public void unknown(String property, String consequence) {
            find(new Violation("template.unknown", Severity.WARNING, id, property, "unknown",
                    "a value the template resolves", id + ": " + property + " cannot be resolved from the template (a "
                            + "parameter without a default, or an intrinsic function); " + consequence));
        }

        @Override
        public void report(Violation finding) {
            find(finding);
        }

        @Override
        public void pricedWith(String other, String detail) {
            pricedElsewhere.add(prefix + id);
            find(new Violation("template.priced-with", Severity.WARNING, id, "", other, "its own cost",
                    id + ": " + detail));
        }

        @Override
        public Optional<Entry> usage() {
            return Optional.ofNullable(use).map(u -> Entry.of(u.node(), u.path()));
        }

        @Override
        public RuntimeException error(String property, String detail) {
            return new FieldException(id + "." + property, detail);
        }

        @Override
        public boolean isCreated(String logicalId) {
            JsonNode c = template.path("Resources").path(logicalId).path("Condition");
            return !c.isTextual() || intrinsics.condition(c.asText()).orElse(true);
        }

        @Override
        public RuntimeException errorAt(String logicalId, String propertyPath, String detail) {
            return new WorkloadException(file, "$.Resources." + logicalId + ".Properties." + propertyPath,
                    Optional.of(logicalId), detail);
        }
    }

    /**
     * A template resource's {@code Tags}: a list of {@code {Key, Value}} (CloudFormation) or a map (SAM's functions,
     * EKS node groups, Batch job definitions). A tag that cannot be resolved before deployment (a parameter without a
     * default, an attribute of another resource) is left out with a warning naming it, never guessed.
     *
     * @param id the logical id
     * @param props its properties, resolved as CloudFormation would
     * @return its tags, sorted by key
     * @throws WorkloadException naming the template and the tag when a tag breaks AWS's rules
     */
    private Map<String, String> templateTags(String id, JsonNode props) {
        JsonNode t = props.get("Tags");
        if (t == null || t.isNull() || t.isMissingNode()) {
            return Map.of();
        }
        String path = "$.Resources." + id + ".Properties.Tags";
        List<String> unresolved = new ArrayList<>();
        JsonNode known;
        if (Intrinsics.isIntrinsic(t)) {
            unresolved.add("all of them");
            known = null;
        } else if (t.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode a = Json.nodes().arrayNode();
            for (JsonNode tag : t) {
                boolean resolved = !Intrinsics.isIntrinsic(tag) && !(tag.isObject()
                        && (Intrinsics.isIntrinsic(tag.path("Key")) || Intrinsics.isIntrinsic(tag.path("Value"))));
                if (resolved) {
                    a.add(tag);
                } else {
                    unresolved.add(tag.path("Key").isTextual() ? tag.get("Key").asText() : "a tag whose key");
                }
            }
            known = a;
        } else if (t.isObject()) {
            ObjectNode o = Json.nodes().objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = t.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (Intrinsics.isIntrinsic(e.getValue())) {
                    unresolved.add(e.getKey());
                } else {
                    o.set(e.getKey(), e.getValue());
                }
            }
            known = o;
        } else {
            known = t;
        }
        if (!unresolved.isEmpty()) {
            find(new Violation("template.unknown", Severity.WARNING, id, "Tags", "unknown", "a value the template "
                    + "resolves", id + ": Tags (" + String.join(", ", unresolved) + ") cannot be resolved from the "
                    + "template; left out of its tags, so a policy by tag does not count it under them"));
        }
        try {
            return known == null ? Map.of() : Tags.read(known, path);
        } catch (FieldException e) {
            throw new WorkloadException(file, e.path(), Optional.of(prefix + id), e.detail());
        }
    }

    /** Resolves a template value as CloudFormation would before deployment; {@code null} when it cannot. */
    private JsonNode resolve(JsonNode v) {
        JsonNode r = intrinsics.resolve(v);
        return r == Intrinsics.NO_VALUE ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : r;
    }

    /** The SAM {@code Globals} section of each SAM resource type that has one. */
    private static final Map<String, String> GLOBALS = Map.of("AWS::Serverless::Function", "Function",
            "AWS::Serverless::Api", "Api", "AWS::Serverless::HttpApi", "HttpApi");

    /** @return a resource's properties with its type's SAM {@code Globals} merged under them, if it has any */
    static JsonNode globals(JsonNode template, String type, JsonNode props) {
        String section = GLOBALS.get(type);
        return section == null ? props : merge(template.path("Globals").path(section), props);
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
            if (g != null && g.isObject() && e.getValue().isObject() && !Intrinsics.isIntrinsic(e.getValue())) {
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
}
