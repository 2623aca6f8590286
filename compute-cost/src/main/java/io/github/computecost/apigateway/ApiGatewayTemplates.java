package io.github.computecost.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.computecost.internal.Json;
import io.github.computecost.limits.Severity;
import io.github.computecost.limits.Violation;
import io.github.computecost.service.Entry;
import io.github.computecost.service.TemplateMapping;
import io.github.computecost.service.TemplateResource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * APIs in SAM and CloudFormation templates: {@code AWS::Serverless::Api} and {@code AWS::ApiGateway::RestApi} (REST;
 * endpoint type, and the caches of its stages), {@code AWS::Serverless::HttpApi} (HTTP) and
 * {@code AWS::ApiGatewayV2::Api} (HTTP or WebSocket by {@code ProtocolType}); the APIs SAM creates for functions'
 * {@code Api} and {@code HttpApi} events that name none ({@code ServerlessRestApi}, {@code ServerlessHttpApi}); the
 * timeouts of the SAM functions behind an API against its integration timeout. Traffic from the usage entry. Stateless.
 */
final class ApiGatewayTemplates implements TemplateMapping<ApiGatewayApi> {

    static final ApiGatewayTemplates INSTANCE = new ApiGatewayTemplates();

    /** SAM's logical id of the REST API it creates for {@code Api} events that name none. */
    static final String IMPLICIT_REST = "ServerlessRestApi";
    /** SAM's logical id of the HTTP API it creates for {@code HttpApi} events that name none. */
    static final String IMPLICIT_HTTP = "ServerlessHttpApi";

    private static final String SAM_REST = "AWS::Serverless::Api";
    private static final String SAM_HTTP = "AWS::Serverless::HttpApi";
    private static final String CFN_REST = "AWS::ApiGateway::RestApi";
    private static final String CFN_V2 = "AWS::ApiGatewayV2::Api";

    private ApiGatewayTemplates() {
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of(SAM_REST, SAM_HTTP, CFN_REST, CFN_V2);
    }

    @Override
    public Set<String> usageKeys(String type) {
        return ApiGatewayService.USAGE;
    }

    /**
     * The APIs' and stages' properties: CloudFormation's (as the CDK's CfnRestApiProps, CfnApiProps and CfnStageProps
     * of v2.274 list them) and SAM's (its schema's AWS::Serverless::Api and HttpApi), read 2026-12-02.
     */
    private static final Map<String, Set<String>> PROPERTIES = Map.of(
            CFN_REST, Set.of("ApiKeySourceType", "BinaryMediaTypes", "Body", "BodyS3Location", "CloneFrom",
                    "Description", "DisableExecuteApiEndpoint", "EndpointAccessMode", "EndpointConfiguration",
                    "FailOnWarnings", "MinimumCompressionSize", "Mode", "Name", "Parameters", "Policy",
                    "SecurityPolicy", "Tags", "Version"),
            CFN_REST + ".EndpointConfiguration", Set.of("IpAddressType", "Types", "VpcEndpointIds"),
            CFN_V2, Set.of("ApiKeySelectionExpression", "BasePath", "Body", "BodyS3Location", "CorsConfiguration",
                    "CredentialsArn", "Description", "DisableExecuteApiEndpoint", "DisableSchemaValidation",
                    "FailOnWarnings", "IpAddressType", "Name", "ProtocolType", "RouteKey", "RouteSelectionExpression",
                    "Tags", "Target", "Version"),
            "AWS::ApiGateway::Stage", Set.of("AccessLogSetting", "CacheClusterEnabled", "CacheClusterSize",
                    "CanarySetting", "ClientCertificateId", "DeploymentId", "Description", "DocumentationVersion",
                    "MethodSettings", "RestApiId", "StageName", "Tags", "TracingEnabled", "Variables"),
            "AWS::ApiGatewayV2::Stage", Set.of("AccessLogSettings", "AccessPolicyId", "ApiId", "AutoDeploy",
                    "ClientCertificateId", "DefaultRouteSettings", "DeploymentId", "Description", "RouteSettings",
                    "StageName", "StageVariables", "Tags"),
            SAM_REST, Set.of("AccessLogSetting", "AlwaysDeploy", "ApiKeySourceType", "Auth", "BinaryMediaTypes",
                    "CacheClusterEnabled", "CacheClusterSize", "CanarySetting", "Cors", "DefinitionBody",
                    "DefinitionUri", "Description", "DisableExecuteApiEndpoint", "Domain", "EndpointConfiguration",
                    "FailOnWarnings", "GatewayResponses", "MergeDefinitions", "MethodSettings",
                    "MinimumCompressionSize", "Mode", "Models", "Name", "OpenApiVersion", "Policy", "PropagateTags",
                    "SecurityPolicy", "StageName", "Tags", "TracingEnabled", "Variables"),
            SAM_REST + ".EndpointConfiguration", Set.of("IpAddressType", "Type", "VPCEndpointIds"),
            SAM_HTTP, Set.of("AccessLogSettings", "Auth", "CorsConfiguration", "DefaultRouteSettings",
                    "DefinitionBody", "DefinitionUri", "Description", "DisableExecuteApiEndpoint", "Domain",
                    "FailOnWarnings", "Name", "PropagateTags", "RouteSettings", "StageName", "StageVariables",
                    "Tags"));

    @Override
    public Map<String, Set<String>> knownProperties() {
        return PROPERTIES;
    }

    /**
     * The parts of an API that cost nothing of their own: API Gateway charges the API's calls, messages and
     * connection minutes, and a REST stage's cache, which is read into its API.
     */
    @Override
    public Set<String> partTypes() {
        return Set.of("AWS::ApiGateway::Stage", "AWS::ApiGateway::Deployment", "AWS::ApiGateway::Method",
                "AWS::ApiGateway::Resource", "AWS::ApiGateway::Model", "AWS::ApiGateway::Authorizer",
                "AWS::ApiGateway::RequestValidator", "AWS::ApiGateway::GatewayResponse", "AWS::ApiGatewayV2::Stage",
                "AWS::ApiGatewayV2::Route", "AWS::ApiGatewayV2::Integration", "AWS::ApiGatewayV2::Deployment",
                "AWS::ApiGatewayV2::Authorizer", "AWS::ApiGatewayV2::RouteResponse",
                "AWS::ApiGatewayV2::IntegrationResponse");
    }

    @Override
    public List<Implied> impliedResources(JsonNode template) {
        boolean rest = false;
        boolean http = false;
        for (Event e : events(template)) {
            rest |= e.type.equals("Api") && e.api.isEmpty();
            http |= e.type.equals("HttpApi") && e.api.isEmpty();
        }
        List<Implied> out = new ArrayList<>(2);
        if (rest) {
            out.add(new Implied(IMPLICIT_REST, SAM_REST, Json.nodes().objectNode()));
        }
        if (http) {
            out.add(new Implied(IMPLICIT_HTTP, SAM_HTTP, Json.nodes().objectNode()));
        }
        return out;
    }

    @Override
    public Optional<ApiGatewayApi> read(TemplateResource t) {
        String id = t.logicalId();
        JsonNode p = t.properties();
        ApiGatewayApi.ApiType type;
        String endpoint = "REGIONAL";
        List<BigDecimal> caches = new ArrayList<>();
        switch (t.type()) {
            case SAM_HTTP -> type = ApiGatewayApi.ApiType.HTTP;
            case CFN_V2 -> {
                Optional<JsonNode> protocol = t.resolve(p.path("ProtocolType"));
                if (protocol.isEmpty() || !protocol.get().isTextual()) {
                    t.unknown("ProtocolType", "whether it is an HTTP or a WebSocket API is unknown, so it is not priced");
                    return Optional.empty();
                }
                try {
                    type = ApiGatewayApi.ApiType.parse(protocol.get().asText());
                } catch (IllegalArgumentException e) {
                    throw t.error("ProtocolType", "must be HTTP or WEBSOCKET, was \"" + protocol.get().asText() + "\"");
                }
                if (type == ApiGatewayApi.ApiType.REST) {
                    throw t.error("ProtocolType", "must be HTTP or WEBSOCKET, was \"REST\"");
                }
            }
            default -> {
                type = ApiGatewayApi.ApiType.REST;
                Optional<String> e = endpointType(t, p);
                if (e.isEmpty()) {
                    return Optional.empty();
                }
                endpoint = e.get();
                if (t.type().equals(SAM_REST)) {
                    cache(t, p).ifPresent(caches::add);
                } else {
                    caches.addAll(stageCaches(t, id));
                }
            }
        }
        checkFunctionTimeouts(t, id, type, endpoint);
        Optional<Entry> u = t.usage();
        if (u.isEmpty()) {
            Entry none = Entry.of(Json.nodes().objectNode(), "$");
            return Optional.of(ApiGatewayService.usage(none, t.name(), Optional.empty(), type, endpoint, caches));
        }
        Entry use = u.get();
        use.allowOnly(ApiGatewayService.USAGE);
        return Optional.of(ApiGatewayService.usage(use, t.name(), use.optString("region"), type, endpoint, caches));
    }

    /** A REST API's endpoint type: a string (SAM) or {@code Types: [..]} (CloudFormation); AWS's default EDGE. */
    private static Optional<String> endpointType(TemplateResource t, JsonNode p) {
        JsonNode config = p.path("EndpointConfiguration");
        if (config.isMissingNode()) {
            return Optional.of("EDGE");
        }
        Optional<JsonNode> v = t.resolve(config);
        JsonNode type = v.map(c -> c.isObject() ? c.has("Type") ? c.get("Type") : c.path("Types").path(0) : c)
                .flatMap(t::resolve).orElse(null);
        if (type == null || !type.isTextual()) {
            t.unknown("EndpointConfiguration", "the endpoint type is unknown, so the API is not priced");
            return Optional.empty();
        }
        String e = type.asText().toUpperCase(java.util.Locale.ROOT);
        if (!Set.of("REGIONAL", "EDGE", "PRIVATE").contains(e)) {
            throw t.error("EndpointConfiguration", "must be REGIONAL, EDGE or PRIVATE, was \"" + type.asText() + "\"");
        }
        return Optional.of(e);
    }

    /** A SAM API's cache: {@code CacheClusterEnabled} with {@code CacheClusterSize}. */
    private static Optional<BigDecimal> cache(TemplateResource t, JsonNode p) {
        Optional<JsonNode> enabled = t.resolve(p.path("CacheClusterEnabled"));
        if (p.has("CacheClusterEnabled") && enabled.isEmpty()) {
            t.unknown("CacheClusterEnabled", "whether it has a cache is unknown; no cache is priced");
            return Optional.empty();
        }
        if (enabled.isEmpty() || enabled.get().isMissingNode() || !enabled.get().asBoolean(false)
                && !enabled.get().asText().equalsIgnoreCase("true")) {
            return Optional.empty();
        }
        if (!p.has("CacheClusterSize")) {
            return Optional.of(new BigDecimal("0.5")); // AWS's default cache size
        }
        Optional<BigDecimal> size = t.number(p, "CacheClusterSize", "the cache is not priced");
        return size;
    }

    /** The caches of the template's stages of REST API {@code id} ({@code RestApiId: !Ref id}). */
    private static List<BigDecimal> stageCaches(TemplateResource t, String id) {
        List<BigDecimal> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = t.template().path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            if (!"AWS::ApiGateway::Stage".equals(r.getValue().path("Type").asText())) {
                continue;
            }
            JsonNode sp = r.getValue().path("Properties");
            if (!id.equals(sp.path("RestApiId").path("Ref").asText())) {
                continue;
            }
            cache(t, sp).ifPresent(out::add);
        }
        return out;
    }

    /** Warns when a SAM function behind the API may run longer than the API waits for it. */
    private static void checkFunctionTimeouts(TemplateResource t, String id, ApiGatewayApi.ApiType type,
            String endpoint) {
        JsonNode template = t.template();
        BigDecimal max = switch (type) {
            case HTTP -> BigDecimal.valueOf(30);
            default -> BigDecimal.valueOf(29);
        };
        String eventType = type == ApiGatewayApi.ApiType.HTTP ? "HttpApi" : "Api";
        for (Event e : events(template)) {
            boolean ours = e.type.equals(eventType) && (e.api.isEmpty()
                    ? id.equals(type == ApiGatewayApi.ApiType.HTTP ? IMPLICIT_HTTP : IMPLICIT_REST)
                    : e.api.get().equals(id));
            if (!ours) {
                continue;
            }
            JsonNode timeout = e.function.path("Timeout");
            if (timeout.isMissingNode()) {
                timeout = template.path("Globals").path("Function").path("Timeout");
            }
            Optional<JsonNode> v = t.resolve(timeout);
            if (v.isPresent() && v.get().isNumber() && v.get().decimalValue().compareTo(max) > 0) {
                boolean raisable = type == ApiGatewayApi.ApiType.REST && !endpoint.equals("EDGE");
                t.report(new Violation("apigateway.integration-timeout.function", Severity.WARNING, id,
                        "integrationTimeoutSeconds", v.get().asText(), "at most " + max + " s", id + ": function "
                                + e.functionId + " may run " + v.get().asText() + " s, longer than the " + max
                                + " s this API waits for an integration; calls that take longer fail with 504"
                                + (raisable ? " unless the quota is raised (Regional and private REST APIs)" : "")));
            }
        }
    }

    /** A SAM function's API event: its type ({@code Api}, {@code HttpApi}) and the API it names, if any. */
    private record Event(String functionId, JsonNode function, String type, Optional<String> api) {
    }

    private static List<Event> events(JsonNode template) {
        List<Event> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            if (!"AWS::Serverless::Function".equals(r.getValue().path("Type").asText())) {
                continue;
            }
            JsonNode props = r.getValue().path("Properties");
            for (JsonNode e : props.path("Events")) {
                String type = e.path("Type").asText();
                if (!type.equals("Api") && !type.equals("HttpApi")) {
                    continue;
                }
                JsonNode ref = e.path("Properties").path(type.equals("Api") ? "RestApiId" : "ApiId");
                Optional<String> api = ref.has("Ref") ? Optional.of(ref.get("Ref").asText())
                        : ref.isTextual() ? Optional.of(ref.asText()) : Optional.empty();
                out.add(new Event(r.getKey(), props, type, api));
            }
        }
        return out;
    }
}
