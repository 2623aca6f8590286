package io.github.computecost.edge;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.computecost.limits.Severity;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.limits.Violation;
import io.github.computecost.pricing.TableSchema;
import io.github.computecost.service.CloudFrontAssociations;
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
    public Set<String> entryKeys() {
        return KEYS;
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
        r.allowOnly(entryKeys());
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
    public Set<String> usageKeys(String type) {
        return USAGE;
    }

    private static final String DISTRIBUTION = CloudFrontAssociations.DISTRIBUTION;

    /**
     * AWS::CloudFront::Function's properties, and AWS::CloudFront::Distribution's down to the function associations
     * it reads (CloudFormation's reference, as the CDK's CfnFunctionProps and CfnDistributionProps of v2.274 list
     * them, read 2026-12-02). The distribution is not priced, but a misspelt association would change a function's
     * event type.
     */
    private static final java.util.Map<String, Set<String>> PROPERTIES = java.util.Map.ofEntries(
            java.util.Map.entry("AWS::CloudFront::Function", Set.of("AutoPublish", "FunctionCode", "FunctionConfig",
                    "FunctionMetadata", "Name", "Tags")),
            java.util.Map.entry("AWS::CloudFront::Function.FunctionConfig",
                    Set.of("Comment", "KeyValueStoreAssociations", "Runtime")),
            java.util.Map.entry(DISTRIBUTION, Set.of("DistributionConfig", "Tags")),
            java.util.Map.entry(DISTRIBUTION + ".DistributionConfig", Set.of("Aliases", "AnycastIpListId", "CNAMEs",
                    "CacheBehaviors", "CacheTagConfig", "Comment", "ConnectionFunctionAssociation", "ConnectionMode",
                    "ContinuousDeploymentPolicyId", "CustomErrorResponses", "CustomOrigin", "DefaultCacheBehavior",
                    "DefaultRootObject", "Enabled", "HttpVersion", "IPV6Enabled", "Logging", "OriginGroups",
                    "Origins", "PriceClass", "Restrictions", "S3Origin", "Staging", "TenantConfig",
                    "ViewerCertificate", "ViewerMtlsConfig", "WebACLId")),
            java.util.Map.entry(DISTRIBUTION + ".DistributionConfig.DefaultCacheBehavior", behavior(false)),
            java.util.Map.entry(DISTRIBUTION + ".DistributionConfig.CacheBehaviors", behavior(true)),
            java.util.Map.entry(DISTRIBUTION + ".DistributionConfig.DefaultCacheBehavior.FunctionAssociations",
                    Set.of("EventType", "FunctionARN")),
            java.util.Map.entry(DISTRIBUTION + ".DistributionConfig.CacheBehaviors.FunctionAssociations",
                    Set.of("EventType", "FunctionARN")),
            java.util.Map.entry(DISTRIBUTION + ".DistributionConfig.DefaultCacheBehavior.LambdaFunctionAssociations",
                    Set.of("EventType", "IncludeBody", "LambdaFunctionARN")),
            java.util.Map.entry(DISTRIBUTION + ".DistributionConfig.CacheBehaviors.LambdaFunctionAssociations",
                    Set.of("EventType", "IncludeBody", "LambdaFunctionARN")));

    /** A cache behaviour's properties; the default behaviour has no path pattern. */
    private static Set<String> behavior(boolean withPath) {
        Set<String> out = new java.util.HashSet<>(Set.of("AllowedMethods", "CachePolicyId", "CachedMethods",
                "Compress", "DefaultTTL", "FieldLevelEncryptionId", "ForwardedValues", "FunctionAssociations",
                "GrpcConfig", "LambdaFunctionAssociations", "MaxTTL", "MinTTL", "OriginRequestPolicyId",
                "RealtimeLogConfigArn", "ResponseHeadersPolicyId", "SmoothStreaming", "TargetOriginId",
                "TrustedKeyGroups", "TrustedSigners", "ViewerProtocolPolicy"));
        if (withPath) {
            out.add("PathPattern");
        }
        return Set.copyOf(out);
    }

    @Override
    public java.util.Map<String, Set<String>> knownProperties() {
        return PROPERTIES;
    }

    @Override
    public Optional<CloudFrontFunction> read(TemplateResource t) {
        String id = t.logicalId();
        JsonNode p = t.properties();
        t.oneOf(p.path("FunctionConfig"), "Runtime", List.of("cloudfront-js-1.0", "cloudfront-js-2.0"),
                "FunctionConfig.Runtime", null);
        Optional<JsonNode> code = t.resolve(p.path("FunctionCode"));
        Optional<BigDecimal> kb = Optional.empty();
        if (code.isPresent() && code.get().isTextual()) {
            kb = Optional.of(BigDecimal.valueOf(code.get().asText().getBytes(StandardCharsets.UTF_8).length)
                    .divide(BigDecimal.valueOf(1024)));
        } else if (p.has("FunctionCode")) {
            t.unknown("FunctionCode", "its size is not checked");
        }
        EdgeEventType event = associatedEvent(t).orElse(null);
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
        return Optional.of(new CloudFrontFunction(t.name(), event, invocations, reads, kb,
                CloudFrontFunction.DEFAULT_LAMBDA_EDGE_MEMORY_MB, CloudFrontFunction.DEFAULT_LAMBDA_EDGE_DURATION_MS));
    }

    /**
     * The event type a distribution in the template associates the function with, if one does; an association with
     * an event type CloudFront Functions do not run on is refused, naming the distribution's property.
     */
    private static Optional<EdgeEventType> associatedEvent(TemplateResource t) {
        Optional<EdgeEventType> found = Optional.empty(); // the last association, as before
        for (CloudFrontAssociations.Association a : CloudFrontAssociations.of(t, CloudFrontAssociations.FUNCTIONS)) {
            Optional<JsonNode> type = t.resolve(a.eventType());
            if (type.isEmpty()) {
                t.unknown("EventType", "distribution " + a.distribution() + "'s event type for it is unknown");
                continue;
            }
            String name = type.get().asText();
            EdgeEventType event = EdgeEventType.find(name).filter(EdgeEventType::isViewer).orElse(null);
            if (event == null) {
                throw t.errorAt(a.distribution(), a.path() + ".EventType", "CloudFront Functions run on "
                        + "viewer-request or viewer-response, was \"" + io.github.computecost.internal.Json.excerpt(name)
                        + "\"");
            }
            found = Optional.of(event);
        }
        return found;
    }
}
