package io.github.computecost.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.computecost.budget.Budget;
import io.github.computecost.estimate.UnsupportedResource;
import io.github.computecost.internal.Json;
import io.github.computecost.limits.Violation;
import io.github.computecost.service.Resource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a CDK app as {@code cdk synth} leaves it: the cloud assembly directory ({@code cdk.out}) whose
 * {@code manifest.json} names the stacks ({@code "type": "aws:cloudformation:stack"}), each with its template file,
 * its environment ({@code aws://ACCOUNT/REGION}) and the parameters it is deployed with. Nested assemblies (a
 * {@code Stage}'s, {@code "type": "cdk:cloud-assembly"}) are read in turn; asset manifests and the construct tree
 * hold nothing to price.
 *
 * <p>Each stack is read as a template is read, with {@code AWS::Region} its environment's region, and its
 * resources run in that region unless their usage entry names another. A stack whose environment is
 * {@code unknown-region} (environment-agnostic) runs in the usage file's region, else
 * {@link io.github.computecost.estimate.Estimator#DEFAULT_REGION}. Stacks of one app often share logical ids (one
 * stack class deployed to two regions), so a resource is named {@code StackName/LogicalId}, by the stack's display
 * name ({@code Stage/Stack} inside a stage), in the estimate and in the usage file.
 *
 * <p>Parameters: the manifest's values for a stack win over its template's defaults, and the caller's values win
 * over both, for every stack that declares the parameter; a value no stack declares is refused.
 */
final class CloudAssemblyReader {

    /** The manifest's artifact type of a CloudFormation stack. */
    static final String STACK = "aws:cloudformation:stack";
    /** The manifest's artifact type of a nested cloud assembly (a {@code Stage}). */
    static final String NESTED = "cdk:cloud-assembly";
    /** The environment of a stack: {@code aws://123456789012/eu-west-1}; either part may be {@code unknown-...}. */
    private static final Pattern ENVIRONMENT = Pattern.compile("aws://([^/]+)/([^/]+)");
    /** The region of an environment-agnostic stack. */
    static final String UNKNOWN_REGION = "unknown-region";
    /** The deepest nesting of assemblies read (stages within stages). */
    private static final int MAX_NESTING = 10;

    private final ConfigReader.Usage usage;
    private final Map<String, String> parameters;
    private final Set<String> parametersUsed = new LinkedHashSet<>();
    private final List<Resource> resources = new ArrayList<>();
    private final List<Violation> findings = new ArrayList<>();
    private final List<UnsupportedResource> unsupported = new ArrayList<>();
    private final List<String> withoutUsage = new ArrayList<>();
    private final List<Budget> budgets = new ArrayList<>();
    private final Map<String, String> stackRegions = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> tags = new LinkedHashMap<>();
    private final Set<String> stacks = new LinkedHashSet<>();

    private CloudAssemblyReader(ConfigReader.Usage usage, Map<String, String> parameters) {
        this.usage = usage;
        this.parameters = parameters;
    }

    /**
     * @param dir the cloud assembly's directory
     * @param usage the usage file, keyed by {@code StackName/LogicalId}
     * @param parameters the caller's values for the stacks' parameters, by name
     * @return every stack's resources, each placed in its stack's region
     * @throws WorkloadException if the directory has no manifest, the manifest or a template is invalid, a
     *     parameter or usage entry names nothing in the app, or the app has no stack
     */
    static Workload read(Path dir, ConfigReader.Usage usage, Map<String, String> parameters) {
        usage.requireByName("a CDK app, name each resource StackName/LogicalId");
        CloudAssemblyReader r = new CloudAssemblyReader(usage, parameters);
        r.assembly(dir, 0);
        if (r.stacks.isEmpty()) {
            throw new WorkloadException(dir.resolve("manifest.json").toString(), "$.artifacts", Optional.empty(),
                    "the cloud assembly has no stack (no artifact of type " + STACK + ")");
        }
        for (String p : parameters.keySet()) {
            if (!r.parametersUsed.contains(p)) {
                throw new WorkloadException(dir.toString(), "$", Optional.empty(), "no stack of the app has a "
                        + "parameter " + Json.excerpt(p) + " (stacks: " + String.join(", ", r.stacks) + ")");
            }
        }
        Set<String> known = TemplateReader.definedNames(r.resources, r.unsupported, r.findings);
        for (String name : usage.entries().keySet()) {
            if (!known.contains(name)) {
                throw new WorkloadException(usage.file(), "usage", Optional.of(name), "the usage file names \""
                        + name + "\", which the app does not define; name a resource StackName/LogicalId (stacks: "
                        + String.join(", ", r.stacks) + ")");
            }
        }
        List<Budget> all = new ArrayList<>(usage.header().budgets());
        all.addAll(r.budgets);
        return new Workload(usage.header().region(), usage.header().freeTier(), r.resources, List.of(), List.of(),
                all, usage.header().quotas(), r.findings, r.unsupported, r.withoutUsage, r.stackRegions, r.tags);
    }

    /** Reads the assembly in {@code dir}: its stacks, and its nested assemblies'. */
    private void assembly(Path dir, int depth) {
        Path manifestFile = dir.resolve("manifest.json");
        String manifestName = manifestFile.toString();
        if (!Files.isRegularFile(manifestFile)) {
            throw new WorkloadException(dir.toString(), "$", Optional.empty(), "a directory is read as a CDK cloud "
                    + "assembly (the cdk.out that cdk synth writes), and it has no manifest.json");
        }
        JsonNode manifest = ConfigReader.parseJson(manifestName, ConfigReader.text(manifestFile));
        JsonNode artifacts = manifest.path("artifacts");
        if (!manifest.isObject() || !artifacts.isObject()) {
            throw new WorkloadException(manifestName, "$.artifacts", Optional.empty(), "must be a mapping of the "
                    + "assembly's artifacts by id, was " + Json.describe(artifacts));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = artifacts.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> a = it.next();
            String path = "$.artifacts." + a.getKey();
            JsonNode type = a.getValue().path("type");
            if (!type.isTextual()) {
                throw new WorkloadException(manifestName, path + ".type", Optional.empty(), "must be the "
                        + "artifact's type, was " + Json.describe(type));
            }
            if (type.asText().equals(STACK)) {
                stack(dir, manifestName, path, a.getKey(), a.getValue());
            } else if (type.asText().equals(NESTED)) {
                if (depth >= MAX_NESTING) {
                    throw new WorkloadException(manifestName, path, Optional.empty(), "assemblies nest more than "
                            + MAX_NESTING + " deep");
                }
                JsonNode sub = a.getValue().path("properties").path("directoryName");
                if (!sub.isTextual()) {
                    throw new WorkloadException(manifestName, path + ".properties.directoryName", Optional.empty(),
                            "must name the nested assembly's directory, was " + Json.describe(sub));
                }
                // A stage's stacks carry the stage in their display names (Stage/Stack).
                assembly(inside(dir, sub.asText(), manifestName, path + ".properties.directoryName"), depth + 1);
            }
        }
    }

    /** Reads one stack's template into the app's resources. */
    private void stack(Path dir, String manifestName, String path, String id, JsonNode artifact) {
        JsonNode properties = artifact.path("properties");
        JsonNode templateFile = properties.path("templateFile");
        if (!templateFile.isTextual()) {
            throw new WorkloadException(manifestName, path + ".properties.templateFile", Optional.empty(),
                    "must name the stack's template file, was " + Json.describe(templateFile));
        }
        String name = artifact.path("displayName").asText(id);
        if (!stacks.add(name)) {
            throw new WorkloadException(manifestName, path + ".displayName", Optional.empty(), "two stacks are "
                    + "named " + Json.excerpt(name) + "; resources are named by stack, so each needs its own name");
        }
        Optional<String> region = region(artifact.path("environment"), manifestName, path + ".environment");
        Path file = inside(dir, templateFile.asText(), manifestName, path + ".properties.templateFile");
        JsonNode root = ConfigReader.templateFile(file, manifestName, path + ".properties.templateFile");
        // The manifest's parameter values, then the caller's, for the parameters this stack declares.
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode given = properties.path("parameters");
        for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if (p.getValue().isValueNode()) {
                values.put(p.getKey(), p.getValue().asText());
            }
        }
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            if (root.path("Parameters").has(p.getKey())) {
                values.put(p.getKey(), p.getValue());
                parametersUsed.add(p.getKey());
            }
        }
        WorkloadReader.Header header = new WorkloadReader.Header(region.or(() -> usage.header().region()),
                usage.header().freeTier(), List.of(), usage.header().quotas());
        Workload w = TemplateReader.stack(TemplateReader.relative(file), root, header, usage.file(), usage.entries(), values,
                name + "/");
        resources.addAll(w.resources());
        findings.addAll(w.findings());
        unsupported.addAll(w.unsupported());
        withoutUsage.addAll(w.withoutUsage());
        tags.putAll(w.tags());
        budgets.addAll(w.budgets());
        region.ifPresent(r -> w.resources().forEach(x -> stackRegions.put(x.name(), r)));
    }

    /**
     * @return the region of a stack's environment ({@code aws://ACCOUNT/REGION}), or empty when it is
     *     environment-agnostic (no environment, or {@code unknown-region})
     */
    static Optional<String> region(JsonNode environment, String file, String path) {
        if (environment.isMissingNode() || environment.isNull()) {
            return Optional.empty();
        }
        Matcher m = environment.isTextual() ? ENVIRONMENT.matcher(environment.asText()) : null;
        if (m == null || !m.matches()) {
            throw new WorkloadException(file, path, Optional.empty(), "must be aws://ACCOUNT/REGION, was "
                    + (environment.isTextual() ? "\"" + Json.excerpt(environment.asText()) + "\""
                            : Json.describe(environment)));
        }
        String region = m.group(2);
        if (region.equals(UNKNOWN_REGION)) {
            return Optional.empty();
        }
        if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
            throw new WorkloadException(file, path, Optional.empty(), "must name an AWS region (eu-west-1) or "
                    + UNKNOWN_REGION + ", was \"" + Json.excerpt(region) + "\"");
        }
        return Optional.of(region);
    }

    /** @return {@code relative} resolved in {@code dir}, refused when it leaves the assembly's directory */
    private static Path inside(Path dir, String relative, String file, String path) {
        Path base = dir.toAbsolutePath().normalize();
        Path p;
        try {
            p = base.resolve(relative).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new WorkloadException(file, path, Optional.empty(), "is not a file name: "
                    + Json.excerpt(relative));
        }
        if (!p.startsWith(base)) {
            throw new WorkloadException(file, path, Optional.empty(), "must be a path inside the assembly's "
                    + "directory, was " + Json.excerpt(relative));
        }
        return p;
    }
}
