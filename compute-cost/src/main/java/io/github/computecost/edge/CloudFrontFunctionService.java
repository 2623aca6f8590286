package io.github.computecost.edge;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.computecost.limits.Severity;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.limits.Violation;
import io.github.computecost.pricing.TableSchema;
import io.github.computecost.service.Entry;
import io.github.computecost.service.FixedPointMeter;
import io.github.computecost.service.MeteredResource;
import io.github.computecost.service.PriceListMapping;
import io.github.computecost.service.Service;
import io.github.computecost.service.ServiceContext;
import io.github.computecost.service.TemplateMapping;
import io.github.computecost.service.TemplateResource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * CloudFront Functions as the estimator knows them: workload type {@code cloudfront-function}, priced once for
 * every location with the account's free invocations, their restrictions, their template resource
 * ({@code AWS::CloudFront::Function}, its event type from a distribution's association in the same template) and
 * their Price List offer (AmazonCloudFront, one file for every location). Stateless and thread-safe.
 */
public final class CloudFrontFunctionService implements Service<CloudFrontFunction>, TemplateMapping<CloudFrontFunction> {

    /** The one instance. */
    public static final CloudFrontFunctionService INSTANCE = new CloudFrontFunctionService();

    /** AWS Price List service code of CloudFront's table (and of its offer). */
    public static final String TABLE = "AmazonCloudFront";

    private static final Set<String> KEYS = Set.of("eventType", "invocationsPerMonth", "keyValueStoreReadsPerInvocation",
            "codeSizeKb", "lambdaEdgeMemoryMb", "lambdaEdgeDurationMs");
    private static final Set<String> USAGE = Set.of("eventType", "invocationsPerMonth", "keyValueStoreReadsPerInvocation");

    private CloudFrontFunctionService() {
    }

    @Override
    public String type() {
        return CloudFrontFunction.TYPE;
    }

    @Override
    public Class<CloudFrontFunction> resourceType() {
        return CloudFrontFunction.class;
    }

    @Override
    public String title() {
        return "CloudFront Functions";
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    @Override
    public List<TableSchema<?>> schemas() {
        return List.of(EdgeTables.CloudFront.SCHEMA);
    }

    @Override
    public boolean regional() {
        return false;
    }

    @Override
    public CloudFrontFunction read(Entry r) {
        r.allowOnly(KEYS);
        EdgeEventType event = r.parse("eventType", EdgeEventType::parse);
        return new CloudFrontFunction(r.string("name"), event, r.nonNegativeLong("invocationsPerMonth"),
                r.nonNegativeLong("keyValueStoreReadsPerInvocation", 0), r.optNonNegative("codeSizeKb"),
                r.positiveInt("lambdaEdgeMemoryMb", CloudFrontFunction.DEFAULT_LAMBDA_EDGE_MEMORY_MB),
                r.nonNegative("lambdaEdgeDurationMs", CloudFrontFunction.DEFAULT_LAMBDA_EDGE_DURATION_MS));
    }

    @Override
    public ValidationReport check(CloudFrontFunction fn, ServiceContext context) {
        return EdgeLimits.check(fn, context.tables(EdgeTables.CloudFront.SCHEMA),
                context.prices().has(LambdaEdgeService.TABLE)
                        ? Optional.of(context.tables(EdgeTables.LambdaEdge.SCHEMA)) : Optional.empty());
    }

    @Override
    public MeteredResource meter(CloudFrontFunction fn, ServiceContext context) {
        return EdgeMeter.meter(fn);
    }

    @Override
    public Optional<TemplateMapping<CloudFrontFunction>> templates() {
        return Optional.of(this);
    }

    private static final java.util.Optional<FixedPointMeter<CloudFrontFunction>> FIXED_POINT =
            java.util.Optional.of(EdgeFastPath.CLOUDFRONT_ROUTE);

    @Override
    public java.util.Optional<FixedPointMeter<CloudFrontFunction>> fixedPoint() {
        return FIXED_POINT;
    }

    @Override
    public List<PriceListMapping> priceList() {
        return List.of(new PriceListMapping(TABLE, TABLE, true, false, attributes -> true));
    }

    // ---------------------------------------------------------------- templates

    @Override
    public Set<String> resourceTypes() {
        return Set.of("AWS::CloudFront::Function");
    }

    @Override
    public Optional<CloudFrontFunction> read(TemplateResource t) {
        String id = t.logicalId();
        JsonNode p = t.properties();
        Optional<JsonNode> code = t.resolve(p.path("FunctionCode"));
        Optional<BigDecimal> kb = Optional.empty();
        if (code.isPresent() && code.get().isTextual()) {
            kb = Optional.of(BigDecimal.valueOf(code.get().asText().getBytes(StandardCharsets.UTF_8).length)
                    .divide(BigDecimal.valueOf(1024)));
        } else if (p.has("FunctionCode")) {
            t.unknown("FunctionCode", "its size is not checked");
        }
        EdgeEventType event = associatedEvent(t.template(), id).orElse(null);
        long invocations = 0;
        long reads = 0;
        Optional<Entry> u = t.usage();
        if (u.isPresent()) {
            Entry use = u.get();
            use.allowOnly(USAGE);
            if (use.has("eventType")) {
                event = use.parse("eventType", EdgeEventType::parse);
            }
            invocations = use.nonNegativeLong("invocationsPerMonth", 0);
            reads = use.nonNegativeLong("keyValueStoreReadsPerInvocation", 0);
        }
        if (event == null) {
            t.report(new Violation("template.unknown", Severity.WARNING, id, "eventType", "unknown",
                    "viewer-request or viewer-response", id + ": no distribution in the template associates this "
                            + "function, so its event type is unknown; checked as viewer-request (give eventType in "
                            + "the usage file)"));
            event = EdgeEventType.VIEWER_REQUEST;
        }
        return Optional.of(new CloudFrontFunction(id, event, invocations, reads, kb,
                CloudFrontFunction.DEFAULT_LAMBDA_EDGE_MEMORY_MB, CloudFrontFunction.DEFAULT_LAMBDA_EDGE_DURATION_MS));
    }

    /** The event type a distribution in the template associates the function with, if one does. */
    private static Optional<EdgeEventType> associatedEvent(JsonNode template, String id) {
        Optional<EdgeEventType> found = Optional.empty(); // the last association, as before
        for (JsonNode r : template.path("Resources")) {
            if (!"AWS::CloudFront::Distribution".equals(r.path("Type").asText())) {
                continue;
            }
            JsonNode config = r.path("Properties").path("DistributionConfig");
            List<JsonNode> behaviors = new ArrayList<>();
            behaviors.add(config.path("DefaultCacheBehavior"));
            config.path("CacheBehaviors").forEach(behaviors::add);
            for (JsonNode behavior : behaviors) {
                for (JsonNode assoc : behavior.path("FunctionAssociations")) {
                    JsonNode arn = assoc.path("FunctionARN").path("Fn::GetAtt");
                    if (arn.isArray() && arn.size() > 0 && arn.get(0).asText().equals(id)) {
                        try {
                            found = Optional.of(EdgeEventType.parse(assoc.path("EventType").asText()));
                        } catch (IllegalArgumentException e) {
                            // an event type we do not know: left unknown
                        }
                    }
                }
            }
        }
        return found;
    }
}
