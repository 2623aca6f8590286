package io.github.computecost.apigateway;

import static io.github.computecost.money.Amounts.plain;

import io.github.computecost.limits.AccountQuotas;
import io.github.computecost.limits.Severity;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.limits.Violation;
import io.github.computecost.service.LimitChecks;
import io.github.computecost.service.MeteredResource;
import io.github.computecost.service.UsageRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Checks and meters API Gateway APIs. Stateless and thread-safe. */
final class ApiGatewayMeter {

    static final String REST_REQUESTS = "ApiGatewayRequest";
    static final String HTTP_REQUESTS = "ApiGatewayHttpRequest";
    static final String MESSAGES = "ApiGatewayMessage";
    static final String CONNECTION_MINUTES = "ApiGatewayMinute";
    static final String CACHE_PREFIX = "ApiGatewayCacheUsage:";

    /** The account quota a Regional or private REST API's integration timeout is raised by, in seconds. */
    static final String TIMEOUT_QUOTA = "apiGatewayIntegrationTimeoutSeconds";

    static final String FREE_TIER_NOTE = "API Gateway's free tier (1 million calls, or 1 million messages and 750,000 "
            + "connection minutes, a month) is for new accounts' first 12 months only and is not applied.";

    private ApiGatewayMeter() {
    }

    /** @return the usage type of a cache of {@code sizeGb} */
    static String cacheUsageType(BigDecimal sizeGb) {
        return CACHE_PREFIX + plain(sizeGb) + "GB";
    }

    static ValidationReport check(ApiGatewayApi a, ApiGatewayTables t, AccountQuotas quotas) {
        List<Violation> out = new ArrayList<>();
        String name = a.name();
        a.integrationTimeoutSeconds().ifPresent(s -> timeout(out, a, t, quotas, s));
        if (a.apiType() != ApiGatewayApi.ApiType.WEBSOCKET) {
            a.payloadMb().ifPresent(mb -> LimitChecks.atMost(out, name, t.payloadMb(), "payloadMb", mb,
                    "apigateway.payload", Severity.ERROR, "payloadMb " + plain(mb) + " is more than the "
                            + plain(t.payloadMb().max().orElseThrow()) + " MB an API Gateway request or response "
                            + "may carry (a hard quota)"));
        } else {
            LimitChecks.atMost(out, name, t.websocketMessageKb(), "averageMessageSizeKb", a.averageMessageSizeKb(),
                    "apigateway.websocket.message", Severity.ERROR, "averageMessageSizeKb "
                            + plain(a.averageMessageSizeKb()) + " is more than the "
                            + plain(t.websocketMessageKb().max().orElseThrow()) + " KB a WebSocket message may be "
                            + "(a hard quota; frames are at most 32 KB)");
        }
        for (BigDecimal size : a.cacheSizesGb()) {
            if (!t.cacheSizesGb().contains(plain(size))) {
                String allowed = String.join(", ", t.cacheSizesGb().values());
                out.add(new Violation("apigateway.cache.size", Severity.ERROR, name, "cacheSizeGb", plain(size),
                        allowed, name + ": cacheSizeGb " + plain(size) + " is not an API Gateway cache size "
                                + "(allowed: " + allowed + " GB)"));
            }
        }
        return new ValidationReport(out);
    }

    private static void timeout(List<Violation> out, ApiGatewayApi a, ApiGatewayTables t, AccountQuotas quotas,
            BigDecimal seconds) {
        String name = a.name();
        var limit = switch (a.apiType()) {
            case REST -> t.restIntegrationTimeoutSeconds();
            case HTTP -> t.httpIntegrationTimeoutSeconds();
            case WEBSOCKET -> t.websocketIntegrationTimeoutSeconds();
        };
        BigDecimal max = limit.max().orElseThrow();
        if (seconds.compareTo(max) <= 0) {
            return;
        }
        boolean raisable = a.apiType() == ApiGatewayApi.ApiType.REST && !a.endpointType().equals("EDGE");
        if (!raisable) {
            out.add(new Violation("apigateway.integration-timeout", Severity.ERROR, name, "integrationTimeoutSeconds",
                    plain(seconds), "at most " + plain(max) + " s", name + ": an integration taking up to "
                            + plain(seconds) + " s exceeds the " + plain(max) + " s integration timeout of "
                            + (a.apiType() == ApiGatewayApi.ApiType.REST ? "an edge-optimized REST API"
                                    : "an " + a.apiType() + " API") + " (a hard quota): calls that take longer fail "
                            + "with 504"));
            return;
        }
        long raised = quotas.get(TIMEOUT_QUOTA).orElse(0L);
        if (seconds.compareTo(BigDecimal.valueOf(raised)) > 0) {
            out.add(new Violation("apigateway.integration-timeout.quota", Severity.WARNING, name,
                    "integrationTimeoutSeconds", plain(seconds), "at most " + plain(max) + " s unless raised",
                    name + ": an integration taking up to " + plain(seconds) + " s exceeds the default " + plain(max)
                            + " s integration timeout; a Regional or private REST API may raise it on request "
                            + "(which may lower the account's throttle quota): state it as quotas: { " + TIMEOUT_QUOTA
                            + ": " + seconds.setScale(0, RoundingMode.CEILING).toPlainString() + " }"));
        }
    }

    static MeteredResource meter(ApiGatewayApi a, ApiGatewayTables t, String region) {
        List<UsageRecord> usage = new ArrayList<>(3);
        List<String> notes = new ArrayList<>(3);
        switch (a.apiType()) {
            case REST -> {
                usage.add(new UsageRecord(REST_REQUESTS, BigDecimal.valueOf(a.requestsPerMonth()), false));
                java.util.Map<String, BigDecimal> caches = new java.util.LinkedHashMap<>();
                for (BigDecimal size : a.cacheSizesGb()) {
                    caches.merge(cacheUsageType(size), a.cacheHoursPerMonth(), BigDecimal::add);
                    notes.add("Cache of " + plain(size) + " GB, " + plain(a.cacheHoursPerMonth())
                            + " hours a month (the cache has no free tier).");
                }
                caches.forEach((type, hours) -> usage.add(new UsageRecord(type, hours, false)));
            }
            case HTTP -> {
                BigDecimal units = units(a.averageRequestSizeKb(), t.httpMeteringKb());
                usage.add(new UsageRecord(HTTP_REQUESTS, BigDecimal.valueOf(a.requestsPerMonth()).multiply(units), false));
                if (units.compareTo(BigDecimal.ONE) > 0) {
                    notes.add("Calls of " + plain(a.averageRequestSizeKb()) + " KB are metered as " + plain(units)
                            + " calls each (" + plain(t.httpMeteringKb()) + " KB increments).");
                }
            }
            case WEBSOCKET -> {
                BigDecimal units = units(a.averageMessageSizeKb(), t.websocketMeteringKb());
                usage.add(new UsageRecord(MESSAGES, BigDecimal.valueOf(a.messagesPerMonth()).multiply(units), false));
                usage.add(new UsageRecord(CONNECTION_MINUTES, a.connectionMinutesPerMonth(), false));
                if (units.compareTo(BigDecimal.ONE) > 0) {
                    notes.add("Messages of " + plain(a.averageMessageSizeKb()) + " KB are metered as " + plain(units)
                            + " messages each (" + plain(t.websocketMeteringKb()) + " KB increments).");
                }
            }
            default -> throw new IllegalStateException(a.apiType().toString());
        }
        notes.add(FREE_TIER_NOTE);
        notes.add("Data transfer out is billed at EC2 data-transfer rates and is not included.");
        return new MeteredResource(a.name(), ApiGatewayApi.TYPE, ApiGatewayService.TABLE, region, usage, notes);
    }

    /** @return how many metering increments a call or message of {@code sizeKb} counts as: at least one */
    static BigDecimal units(BigDecimal sizeKb, BigDecimal incrementKb) {
        return sizeKb.divide(incrementKb, 0, RoundingMode.CEILING).max(BigDecimal.ONE);
    }
}
