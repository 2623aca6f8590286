package io.github.computecost.apigateway;

import io.github.computecost.pricing.AllowedValues;
import io.github.computecost.pricing.Limit;
import io.github.computecost.pricing.TableBinder;
import io.github.computecost.pricing.TableSchema;
import java.math.BigDecimal;

/**
 * What API Gateway's checks and meter read from its table, each with its sources there: the quotas of the API
 * Gateway Developer Guide, the metering increments of the pricing page and the cache sizes CloudFormation accepts.
 * Bound when the price book loads the table.
 *
 * @param restIntegrationTimeoutSeconds a REST API's integration timeout, s (max; a Regional or private REST API's
 *     may be raised on request)
 * @param httpIntegrationTimeoutSeconds an HTTP API's integration timeout, s (max, hard)
 * @param websocketIntegrationTimeoutSeconds a WebSocket API's integration timeout, s (max, hard)
 * @param payloadMb a REST or HTTP API's request or response payload, MB (max, hard)
 * @param websocketMessageKb a WebSocket message, KB (max, hard)
 * @param httpMeteringKb the increment HTTP API calls are metered in, KB
 * @param websocketMeteringKb the increment WebSocket messages are metered in, KB
 * @param cacheSizesGb the cache sizes a REST API stage offers, GB
 */
public record ApiGatewayTables(Limit restIntegrationTimeoutSeconds, Limit httpIntegrationTimeoutSeconds,
        Limit websocketIntegrationTimeoutSeconds, Limit payloadMb, Limit websocketMessageKb, BigDecimal httpMeteringKb,
        BigDecimal websocketMeteringKb, AllowedValues cacheSizesGb) {

    /** API Gateway's schema, bound on its table. */
    public static final TableSchema<ApiGatewayTables> SCHEMA = TableSchema.of(ApiGatewayService.TABLE,
            ApiGatewayTables::bind);

    private static ApiGatewayTables bind(TableBinder t) {
        return new ApiGatewayTables(t.limitWithMax("integrationTimeoutSeconds.rest"),
                t.limitWithMax("integrationTimeoutSeconds.http"), t.limitWithMax("integrationTimeoutSeconds.websocket"),
                t.limitWithMax("payloadMb"), t.limitWithMax("websocketMessageKb"),
                t.positiveBillingRule("httpMeteringKb"), t.positiveBillingRule("websocketMeteringKb"),
                t.allowedValues("cacheSizesGb"));
    }
}
