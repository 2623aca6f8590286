package io.github.computecost.edge;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.computecost.internal.Json;
import io.github.computecost.limits.Severity;
import io.github.computecost.limits.Violation;
import io.github.computecost.service.CloudFrontAssociations;
import io.github.computecost.service.Entry;
import io.github.computecost.service.TemplateMapping;
import io.github.computecost.service.TemplateResource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Lambda function that runs at the edge, read from a template: one a CloudFront distribution of the same template
 * associates ({@code LambdaFunctionAssociations}, through a version), or one whose usage entry says where it runs
 * ({@code edge: viewer-request}, for a distribution in another stack). It is priced as Lambda@Edge, once for every
 * location and without Lambda's free tier, never as a regional function.
 *
 * <p>What Lambda@Edge does not allow (AWS's "Restrictions on Lambda@Edge", read 2026-12-02), the arm64
 * architecture, environment variables and a VPC, is an error that keeps the function from being priced: AWS would
 * refuse the association.
 */
final class LambdaEdgeTemplates implements TemplateMapping<LambdaEdgeFunction> {

    static final LambdaEdgeTemplates INSTANCE = new LambdaEdgeTemplates();

    /** A Lambda@Edge function's usage entry: where it runs, its traffic, and what its code needs. */
    private static final Set<String> USAGE = Set.of("edge", "requestsPerMonth", "durationMs", "needsNetwork",
            "needsBody", "needsFileSystem", "codeSizeKb", "memoryUsedMb", "generatedResponseKb");

    private LambdaEdgeTemplates() {
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of("AWS::Lambda::Function", "AWS::Serverless::Function");
    }

    @Override
    public Set<String> usageKeys(String type) {
        return USAGE;
    }

    @Override
    public boolean accepts(TemplateResource resource) {
        return CloudFrontAssociations.runsAtTheEdge(resource);
    }

    @Override
    public Optional<LambdaEdgeFunction> read(TemplateResource t) {
        JsonNode p = t.properties();
        String id = t.logicalId();
        // The event types the template's distributions run it on.
        Set<EdgeEventType> associated = new java.util.LinkedHashSet<>();
        List<String> where = new ArrayList<>();
        for (CloudFrontAssociations.Association a : CloudFrontAssociations.of(t,
                CloudFrontAssociations.LAMBDA_FUNCTIONS)) {
            Optional<JsonNode> type = t.resolve(a.eventType());
            if (type.isEmpty()) {
                t.unknown("EventType", "distribution " + a.distribution() + "'s event type for it is unknown");
                continue;
            }
            String name = type.get().asText();
            EdgeEventType event = EdgeEventType.find(name).orElseThrow(() -> t.errorAt(a.distribution(), a.path() + ".EventType", "must be "
                            + names() + ", was \"" + Json.excerpt(name) + "\""));
            associated.add(event);
            where.add(a.distribution() + " (" + event.awsName() + ")");
        }
        Optional<Entry> u = t.usage();
        u.ifPresent(use -> use.allowOnly(USAGE));
        Optional<EdgeEventType> declared = u.filter(use -> use.has("edge")).map(use -> use.parse("edge", v ->
                EdgeEventType.find(v).orElseThrow(() -> new IllegalArgumentException("must be " + names() + ", was \""
                                + Json.excerpt(v) + "\""))));
        if (declared.isPresent() && !associated.isEmpty() && !associated.contains(declared.get())) {
            throw u.get().error("edge", "is " + declared.get().awsName() + ", but the template's distribution "
                    + "runs " + id + " on " + String.join(", ", where) + "; leave edge out for a function the "
                    + "template associates");
        }
        EdgeEventType event;
        if (declared.isPresent()) {
            event = declared.get();
        } else if (associated.isEmpty()) {
            event = EdgeEventType.VIEWER_REQUEST;
            t.report(new Violation("template.unknown", Severity.WARNING, id, "EventType", "unknown",
                    "an event type", id + ": its distribution's event type cannot be resolved; checked as "
                            + "viewer-request (give edge in the usage file)"));
        } else {
            // A viewer event's limits are the stricter: the function is checked against them if it runs on one.
            event = associated.stream().filter(EdgeEventType::isViewer).findFirst()
                    .orElse(associated.iterator().next());
            if (associated.size() > 1) {
                t.report(new Violation("template.edge-events", Severity.WARNING, id, "EventType",
                        associated.toString(), "one event type", id + ": distributions run it on "
                                + String.join(", ", where) + "; checked against " + event.awsName()
                                + "'s limits, and priced once for all its requests"));
            }
        }
        List<String> refused = new ArrayList<>();
        Optional<JsonNode> arch = t.resolve(p.path("Architectures"));
        if (arch.isPresent() && arch.get().toString().contains("arm64")) {
            refused.add("Architectures arm64 (Lambda@Edge runs x86_64 only)");
        }
        if (p.path("Environment").path("Variables").size() > 0) {
            refused.add("Environment variables");
        }
        if (p.has("VpcConfig")) {
            refused.add("VpcConfig (a VPC)");
        }
        if (!refused.isEmpty()) {
            t.report(new Violation("lambda-edge.unsupported", Severity.ERROR, id, "Properties",
                    String.join(", ", refused), "what Lambda@Edge allows", id + ": runs at the edge, where "
                            + "Lambda@Edge does not allow " + String.join("; ", refused) + "; not priced"));
            return Optional.empty();
        }
        Optional<BigDecimal> memory = t.number(p, "MemorySize", "the function cannot be priced");
        if (p.has("MemorySize") && memory.isEmpty()) {
            return Optional.empty(); // reported
        }
        int memoryMb = 128;
        if (memory.isPresent()) {
            try {
                memoryMb = memory.get().intValueExact();
            } catch (ArithmeticException e) {
                throw t.error("MemorySize", "must be a whole number of MB, was " + memory.get().toPlainString());
            }
            if (memoryMb <= 0) {
                throw t.error("MemorySize", "must be a whole number of MB, was " + memory.get().toPlainString());
            }
        }
        Optional<String> runtime = t.resolve(p.path("Runtime")).filter(JsonNode::isTextual).map(JsonNode::asText);
        long requests = u.map(use -> use.nonNegativeLong("requestsPerMonth", 0)).orElse(0L);
        BigDecimal durationMs = u.map(use -> use.nonNegative("durationMs", BigDecimal.ZERO)).orElse(BigDecimal.ZERO);
        FunctionNeeds needs = u.map(use -> new FunctionNeeds(runtime, use.optBool("needsNetwork"),
                use.optBool("needsBody"), use.optBool("needsFileSystem"), use.optNonNegative("codeSizeKb"),
                use.optNonNegative("memoryUsedMb"), use.optNonNegative("generatedResponseKb")))
                .orElseGet(() -> new FunctionNeeds(runtime, Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty()));
        return Optional.of(new LambdaEdgeFunction(t.name(), event, memoryMb, requests, durationMs, needs));
    }

    private static String names() {
        List<String> all = new ArrayList<>(new TreeSet<>(Arrays.stream(EdgeEventType.values())
                .map(EdgeEventType::awsName).toList()));
        return String.join(", ", all.subList(0, all.size() - 1)) + " or " + all.get(all.size() - 1);
    }
}
