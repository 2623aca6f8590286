package io.github.computecost.apigateway;

import io.github.computecost.compute.Calendar;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.pricing.TableSchema;
import io.github.computecost.service.Entry;
import io.github.computecost.service.MeteredResource;
import io.github.computecost.service.PriceListMapping;
import io.github.computecost.service.Service;
import io.github.computecost.service.ServiceContext;
import io.github.computecost.service.TemplateMapping;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Amazon API Gateway as the estimator knows it: workload type {@code api-gateway} (REST, HTTP and WebSocket APIs),
 * requests and messages in AWS's tiers for the account and region, the REST cache by the hour, its quotas, its
 * template resources ({@code AWS::Serverless::Api}, {@code AWS::Serverless::HttpApi}, {@code AWS::ApiGateway::RestApi},
 * {@code AWS::ApiGatewayV2::Api}, and the APIs SAM creates for a function's {@code Api} and {@code HttpApi} events),
 * and its Price List offer (AmazonApiGateway). Stateless and thread-safe.
 */
public final class ApiGatewayService implements Service<ApiGatewayApi> {

    /** The one instance. */
    public static final ApiGatewayService INSTANCE = new ApiGatewayService();

    /** AWS Price List service code of API Gateway's table (and of its offer). */
    public static final String TABLE = "AmazonApiGateway";

    /** The keys of a template's usage entry. */
    static final Set<String> USAGE = Set.of("region", "requestsPerMonth", "averageRequestSizeKb", "messagesPerMonth",
            "averageMessageSizeKb", "connectionMinutesPerMonth", "cacheHoursPerMonth", "integrationTimeoutSeconds",
            "payloadMb");
    private static final Set<String> KEYS = Entry.keysOf(USAGE, "apiType", "endpointType", "cacheSizeGb");

    private ApiGatewayService() {
    }

    @Override
    public String type() {
        return ApiGatewayApi.TYPE;
    }

    @Override
    public Set<String> entryKeys() {
        return KEYS;
    }

    @Override
    public Class<ApiGatewayApi> resourceType() {
        return ApiGatewayApi.class;
    }

    @Override
    public String title() {
        return "Amazon API Gateway";
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    @Override
    public List<TableSchema<?>> schemas() {
        return List.of(ApiGatewayTables.SCHEMA);
    }

    @Override
    public Set<String> quotas() {
        return Set.of(ApiGatewayMeter.TIMEOUT_QUOTA);
    }

    @Override
    public ApiGatewayApi read(Entry r) {
        r.allowOnly(entryKeys());
        ApiGatewayApi.ApiType type = r.parse("apiType", ApiGatewayApi.ApiType::parse);
        // AWS's default for a REST API is an edge-optimized endpoint.
        String endpoint = type != ApiGatewayApi.ApiType.REST ? "REGIONAL"
                : r.has("endpointType") ? r.oneOf("endpointType", "REGIONAL", "EDGE", "PRIVATE") : "EDGE";
        if (type != ApiGatewayApi.ApiType.REST && r.has("endpointType")) {
            throw r.error("endpointType", "applies to REST APIs only (HTTP and WebSocket APIs are Regional)");
        }
        List<BigDecimal> caches = new ArrayList<>();
        if (r.has("cacheSizeGb")) {
            if (type != ApiGatewayApi.ApiType.REST) {
                throw r.error("cacheSizeGb", "applies to REST APIs only: HTTP and WebSocket APIs have no cache");
            }
            caches.add(r.positive("cacheSizeGb"));
        }
        return usage(r, r.string("name"), r.optString("region"), type, endpoint, caches);
    }

    /** Reads the traffic of an API of {@code type}: the keys of another type are errors, never ignored. */
    static ApiGatewayApi usage(Entry r, String name, Optional<String> region, ApiGatewayApi.ApiType type,
            String endpoint, List<BigDecimal> caches) {
        boolean ws = type == ApiGatewayApi.ApiType.WEBSOCKET;
        for (String k : ws ? List.of("requestsPerMonth", "averageRequestSizeKb", "payloadMb")
                : List.of("messagesPerMonth", "averageMessageSizeKb", "connectionMinutesPerMonth")) {
            if (r.has(k)) {
                throw r.error(k, "does not apply to a " + type + " API ("
                        + (ws ? "WebSocket APIs are charged per message and connection minute"
                                : "REST and HTTP APIs are charged per request") + ")");
            }
        }
        if (type == ApiGatewayApi.ApiType.REST && r.has("averageRequestSizeKb")) {
            throw r.error("averageRequestSizeKb", "applies to HTTP APIs only (REST API calls are not metered by size)");
        }
        if (type != ApiGatewayApi.ApiType.REST && r.has("cacheHoursPerMonth")) {
            throw r.error("cacheHoursPerMonth", "applies to REST APIs only: HTTP and WebSocket APIs have no cache");
        }
        long requests = r.nonNegativeLong("requestsPerMonth", 0);
        BigDecimal requestKb = r.has("averageRequestSizeKb") ? r.positive("averageRequestSizeKb") : BigDecimal.ONE;
        long messages = r.nonNegativeLong("messagesPerMonth", 0);
        BigDecimal messageKb = r.has("averageMessageSizeKb") ? r.positive("averageMessageSizeKb") : BigDecimal.ONE;
        BigDecimal minutes = r.nonNegative("connectionMinutesPerMonth", BigDecimal.ZERO);
        BigDecimal cacheHours = r.nonNegative("cacheHoursPerMonth", Calendar.HOURS_PER_MONTH);
        Optional<BigDecimal> timeout = r.optNonNegative("integrationTimeoutSeconds");
        Optional<BigDecimal> payload = r.optNonNegative("payloadMb");
        return r.step("cacheHoursPerMonth", () -> new ApiGatewayApi(name, region, type, endpoint, requests, requestKb,
                messages, messageKb, minutes, caches, cacheHours, timeout, payload));
    }

    @Override
    public ValidationReport check(ApiGatewayApi a, ServiceContext context) {
        return ApiGatewayMeter.check(a, context.tables(ApiGatewayTables.SCHEMA), context.quotas());
    }

    @Override
    public MeteredResource meter(ApiGatewayApi a, ServiceContext context) {
        return ApiGatewayMeter.meter(a, context.tables(ApiGatewayTables.SCHEMA), context.region());
    }

    private static final Optional<io.github.computecost.service.FrontDoor> FRONT_DOOR = Optional.of(
            new io.github.computecost.service.FrontDoor() {
                @Override
                public List<String> kinds() {
                    return List.of("api-gateway-http", "api-gateway-rest");
                }

                @Override
                public String label(String kind) {
                    return kind.equals("api-gateway-rest") ? "API Gateway REST API" : "API Gateway HTTP API";
                }

                @Override
                public io.github.computecost.service.Resource at(String kind, String name, String region,
                        long requestsPerMonth) {
                    ApiGatewayApi api = kind.equals("api-gateway-rest") ? ApiGatewayApi.rest(name, requestsPerMonth)
                            : ApiGatewayApi.builder(name).apiType(ApiGatewayApi.ApiType.HTTP).requestsPerMonth(requestsPerMonth).averageRequestSizeKb(BigDecimal.ONE).build();
                    return api.withRegion(region);
                }
            });

    /** API Gateway is the front door of serverless options in {@code compare}: HTTP APIs and REST APIs. */
    @Override
    public Optional<io.github.computecost.service.FrontDoor> frontDoor() {
        return FRONT_DOOR;
    }

    @Override
    public Optional<TemplateMapping<ApiGatewayApi>> templates() {
        return Optional.of(ApiGatewayTemplates.INSTANCE);
    }

    @Override
    public List<PriceListMapping> priceList() {
        return List.of(PriceListMapping.of(TABLE, TABLE));
    }
}
