package io.github.computecost.apigateway;

import static io.github.computecost.Decimals.assertDecimal;
import static io.github.computecost.Decimals.bd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.estimate.Assessment;
import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.estimate.ResourceEstimate;
import io.github.computecost.limits.AccountQuotas;
import io.github.computecost.limits.Severity;
import io.github.computecost.limits.Violation;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.PriceUnavailableException;
import io.github.computecost.spec.ConfigReader;
import io.github.computecost.spec.Workload;
import io.github.computecost.stepfunctions.StateMachine;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiGatewayPricingTest {

    static final Estimator ESTIMATOR = Estimator.of(PriceBook.bundled());

    static ResourceEstimate price(ApiGatewayApi a) {
        return ESTIMATOR.estimate(List.of(a)).resource(a.name());
    }

    @Test
    void restTiersAsInfracostsGoldenTest() {
        // 21B calls: 333M at $3.50, 667M at $2.80, 19B at $2.38, 1B at $1.51 per million.
        ResourceEstimate r = price(ApiGatewayApi.rest("r", 21_000_000_000L));
        assertEquals(List.of("1165.5", "1867.6", "45220", "1510"),
                r.lineItems().stream().map(li -> li.cost().stripTrailingZeros().toPlainString()).toList());
        assertDecimal("49763.1", r.monthlyCostExact());
    }

    @Test
    void httpCallsAreMeteredIn512KbIncrements() {
        // 1B calls: 300M at $1.00 and 700M at $0.90 per million.
        assertDecimal("930", price(ApiGatewayApi.builder("h").apiType(ApiGatewayApi.ApiType.HTTP).requestsPerMonth(1_000_000_000L).averageRequestSizeKb(bd("1")).build()).monthlyCostExact());
        // AWS: a 513 KB call is metered as two calls; 512 KB as one.
        assertDecimal("2", price(ApiGatewayApi.builder("h").apiType(ApiGatewayApi.ApiType.HTTP).requestsPerMonth(1_000_000L).averageRequestSizeKb(bd("513")).build()).lineItems().get(0).quantity()
                .divide(bd("1000000")));
        assertDecimal("1", price(ApiGatewayApi.builder("h").apiType(ApiGatewayApi.ApiType.HTTP).requestsPerMonth(1_000_000L).averageRequestSizeKb(bd("512")).build()).monthlyCostExact());
    }

    @Test
    void websocketMessagesIn32KbIncrementsAndConnectionMinutes() {
        // 1.5B messages: 1B at $1.00 and 500M at $0.80 per million; 10M minutes at $0.25 per million.
        ResourceEstimate ws = price(ApiGatewayApi.builder("w").apiType(ApiGatewayApi.ApiType.WEBSOCKET).messagesPerMonth(1_500_000_000L).averageMessageSizeKb(bd("1")).connectionMinutesPerMonth(bd("10000000")).build());
        assertDecimal("1402.5", ws.monthlyCostExact());
        // AWS: "a 33 KB message is metered as two messages".
        assertDecimal("2000000", price(ApiGatewayApi.builder("w").apiType(ApiGatewayApi.ApiType.WEBSOCKET).messagesPerMonth(1_000_000L).averageMessageSizeKb(bd("33")).connectionMinutesPerMonth(bd("0")).build())
                .lineItems().get(0).quantity());
    }

    @Test
    void restCacheByTheHourWhereItsPriceIsSourced() {
        assertDecimal("14.6", price(ApiGatewayApi.rest("c", 0).withCache(bd("0.5"))).monthlyCostExact());
        assertDecimal("2774", price(ApiGatewayApi.rest("c", 0).withCache(bd("237"))).monthlyCostExact());
        // Two stages with 0.5 GB caches: twice the hours.
        assertDecimal("29.2", price(ApiGatewayApi.rest("c", 0).withCache(bd("0.5")).withCache(bd("0.5")))
                .monthlyCostExact());
        // 1.6 GB at AWS's example's $0.038 an hour: 730 h = 27.74.
        assertDecimal("27.74", price(ApiGatewayApi.rest("c", 0).withCache(bd("1.6"))).monthlyCostExact());
        // 6.1 GB is a real size whose price no source gives: refused, naming it.
        var e = assertThrows(PriceUnavailableException.class,
                () -> price(ApiGatewayApi.rest("c", 0).withCache(bd("6.1"))));
        assertTrue(e.getMessage().contains("USE1-ApiGatewayCacheUsage:6.1GB"), e.getMessage());
        // 2 GB is no cache size at all: a limit error.
        Assessment a = ESTIMATOR.assess(List.of(ApiGatewayApi.rest("c", 0).withCache(bd("2"))));
        assertEquals("apigateway.cache.size", a.violations().errors().get(0).code());
    }

    @Test
    void theTierIsTheAccountsNotEachApis() {
        // Two REST APIs of 200M calls: 333M at $3.50 and 67M at $2.80, not 400M at $3.50.
        Estimate e = ESTIMATOR.estimate(List.of(ApiGatewayApi.rest("a", 200_000_000L),
                ApiGatewayApi.rest("b", 200_000_000L)));
        assertDecimal("1353.1", e.totalExact());
    }

    @Test
    void theTwelveMonthFreeTierIsNotApplied() {
        assertDecimal("3.5", price(ApiGatewayApi.rest("r", 1_000_000L)).monthlyCostExact());
        assertTrue(price(ApiGatewayApi.rest("r", 1)).notes().stream().anyMatch(n -> n.contains("first 12 months")));
    }

    @Test
    void otherRegionsAreRefusedNotCopied() {
        var e = assertThrows(RuntimeException.class, () -> price(ApiGatewayApi.rest("r", 1).withRegion("eu-west-1")));
        assertTrue(e.getMessage().contains("eu-west-1"), e.getMessage());
    }

    @Test
    void integrationTimeoutAndPayloadQuotas() {
        ApiGatewayApi edge = ApiGatewayApi.rest("edge", 1).withIntegrationTimeoutSeconds(bd("30"));
        ApiGatewayApi regional = new ApiGatewayApi("regional", Optional.empty(), ApiGatewayApi.ApiType.REST, "REGIONAL",
                1, bd("1"), 0, bd("1"), bd("0"), List.of(), bd("730"), Optional.of(bd("30")), Optional.empty());
        assertEquals("EDGE", edge.endpointType()); // AWS's default for a REST API
        ApiGatewayApi http = ApiGatewayApi.builder("http").apiType(ApiGatewayApi.ApiType.HTTP).requestsPerMonth(1).averageRequestSizeKb(bd("1")).build().withIntegrationTimeoutSeconds(bd("31"))
                .withPayloadMb(bd("11"));
        ApiGatewayApi ws = ApiGatewayApi.builder("ws").apiType(ApiGatewayApi.ApiType.WEBSOCKET).messagesPerMonth(1).averageMessageSizeKb(bd("129")).connectionMinutesPerMonth(bd("0")).build();
        Assessment a = ESTIMATOR.assess(List.of(edge, regional, http, ws));
        List<String> codes = a.violations().violations().stream().map(v -> v.severity() + " " + v.code() + " " + v.resource())
                .toList();
        assertEquals(List.of("ERROR apigateway.integration-timeout edge",
                "WARNING apigateway.integration-timeout.quota regional",
                "ERROR apigateway.integration-timeout http", "ERROR apigateway.payload http",
                "ERROR apigateway.websocket.message ws"), codes);
        // A Regional REST API with a raised quota passes; at the default 29 s nothing is reported.
        assertTrue(ESTIMATOR.quotas(AccountQuotas.of(java.util.Map.of("apiGatewayIntegrationTimeoutSeconds", 120L)))
                .assess(List.of(regional)).violations().violations().isEmpty());
        // An edge-optimized API cannot raise it, whatever the quota says.
        assertEquals("apigateway.integration-timeout", ESTIMATOR.quotas(AccountQuotas.of(java.util.Map.of(
                "apiGatewayIntegrationTimeoutSeconds", 120L))).assess(List.of(edge)).violations().errors().get(0).code());
        assertTrue(ESTIMATOR.assess(List.of(ApiGatewayApi.rest("ok", 1).withIntegrationTimeoutSeconds(bd("29"))))
                .violations().violations().isEmpty());
        Violation warn = a.violations().violations().get(1);
        assertEquals(Severity.WARNING, warn.severity());
        assertTrue(warn.message().contains("apiGatewayIntegrationTimeoutSeconds: 30"), warn.message());
    }

    @Test
    void templatesOfEveryKindWithWhatSamImplies() {
        Workload w = ConfigReader.read(Path.of("compute-cost/src/test/resources/config/api-and-workflow.yaml"),
                Optional.of(Path.of("compute-cost/src/test/resources/config/api-and-workflow-usage.yaml")));
        ApiGatewayApi catalog = find(w, "CatalogApi");
        assertEquals(ApiGatewayApi.ApiType.REST, catalog.apiType());
        assertEquals("REGIONAL", catalog.endpointType()); // from Globals.Api
        assertEquals(List.of(bd("0.5")), catalog.cacheSizesGb());
        ApiGatewayApi legacy = find(w, "LegacyApi");
        assertEquals("EDGE", legacy.endpointType()); // AWS's default
        assertEquals(List.of(bd("237")), legacy.cacheSizesGb()); // from its stage
        ApiGatewayApi implicit = find(w, "ServerlessRestApi"); // SAM's API for SearchFunction's Api event
        assertEquals(1_000_000L, implicit.requestsPerMonth());
        assertEquals("REGIONAL", implicit.endpointType());
        ApiGatewayApi chat = find(w, "ChatApi");
        assertEquals(ApiGatewayApi.ApiType.WEBSOCKET, chat.apiType());
        StateMachine pipeline = (StateMachine) w.resources().stream().filter(r -> r.name().equals("Pipeline"))
                .findFirst().orElseThrow();
        assertEquals(StateMachine.WorkflowType.EXPRESS, pipeline.workflowType());
        // The bucket is listed as not priced; the stage is read into its API's cache, so it is not.
        assertEquals(List.of("Uploads AWS::S3::Bucket"),
                w.unsupported().stream().map(u -> u.name() + " " + u.type()).toList());
        // CatalogFunction's 45 s timeout is longer than the 29 s the API waits.
        assertTrue(w.findings().stream().anyMatch(f -> f.code().equals("apigateway.integration-timeout.function")
                && f.resource().equals("CatalogApi") && f.message().contains("CatalogFunction may run 45 s")),
                w.findings().toString());
        Estimate e = w.assess(w.estimator(PriceBook.bundled())).estimate();
        // 333M calls at $3.50 + 730 h of 0.5 GB cache; the account's next 1M calls (the implied API's) at the second
        // tier's $2.80; LegacyApi's 237 GB cache; the 33 KB messages count twice: 2M at $1.00, and 4M minutes at
        // $0.25.
        assertDecimal("1180.1", e.resource("CatalogApi").monthlyCostExact());
        assertDecimal("2.8", e.resource("ServerlessRestApi").monthlyCostExact());
        assertDecimal("2774", e.resource("LegacyApi").monthlyCostExact());
        assertDecimal("3", e.resource("ChatApi").monthlyCostExact());
        assertEquals(1, e.unsupported().size());
        assertTrue(e.warnings().stream().anyMatch(x -> x.startsWith("usage-based: LegacyApi (api-gateway)")) == false,
                "LegacyApi costs its cache without usage: not usage-based");
        assertTrue(e.warnings().stream().anyMatch(x -> x.startsWith("usage-based: CatalogFunction (lambda)")),
                e.warnings().toString());
    }

    private static ApiGatewayApi find(Workload w, String name) {
        return (ApiGatewayApi) w.resources().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + w.resources()));
    }
}
