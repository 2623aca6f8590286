package io.github.computecost.apigateway;

import io.github.computecost.compute.Calendar;
import io.github.computecost.service.Resource;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An API Gateway API and its month of traffic. Sizes are in KB of 1,024 bytes, as API Gateway meters them.
 *
 * @param name unique name within an estimate
 * @param region region code, or empty for the estimator's region
 * @param apiType {@link ApiType#REST}, {@link ApiType#HTTP} or {@link ApiType#WEBSOCKET}
 * @param endpointType a REST API's endpoint: {@code REGIONAL}, {@code EDGE} or {@code PRIVATE} (SAM's and
 *     CloudFormation's default is {@code EDGE}); {@code REGIONAL} for HTTP and WebSocket APIs
 * @param requestsPerMonth API calls received per month (REST, HTTP)
 * @param averageRequestSizeKb the average size of an HTTP API call, KB (metered in 512 KB increments; default 1)
 * @param messagesPerMonth messages sent and received per month (WebSocket)
 * @param averageMessageSizeKb the average WebSocket message size, KB (metered in 32 KB increments; default 1)
 * @param connectionMinutesPerMonth minutes clients stay connected, summed over connections, per month (WebSocket)
 * @param cacheSizesGb the cache size of each of a REST API's stages that has a cache, GB ({@code 0.5} ...
 *     {@code 237}), possibly empty
 * @param cacheHoursPerMonth the hours each cache is provisioned per month (default 730)
 * @param integrationTimeoutSeconds the longest an integration may take, s, if known (checked against the quota)
 * @param payloadMb the largest request or response payload, MB, if known (checked against 10 MB)
 */
public record ApiGatewayApi(String name, Optional<String> region, ApiType apiType, String endpointType,
        long requestsPerMonth, BigDecimal averageRequestSizeKb, long messagesPerMonth, BigDecimal averageMessageSizeKb,
        BigDecimal connectionMinutesPerMonth, List<BigDecimal> cacheSizesGb, BigDecimal cacheHoursPerMonth,
        Optional<BigDecimal> integrationTimeoutSeconds, Optional<BigDecimal> payloadMb) implements Resource {

    /** Workload type name. */
    public static final String TYPE = "api-gateway";

    /** The three kinds of API, which AWS prices differently. */
    public enum ApiType {
        /** REST APIs (API Gateway v1). */
        REST,
        /** HTTP APIs (API Gateway v2). */
        HTTP,
        /** WebSocket APIs (API Gateway v2). */
        WEBSOCKET;

        /**
         * @param s {@code rest}, {@code http} or {@code websocket}, in any case
         * @return the API type
         * @throws IllegalArgumentException naming the allowed values
         */
        public static ApiType parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("must be REST, HTTP or WEBSOCKET, was \"" + s + "\"");
            }
        }
    }

    /**
     * Checks the components.
     *
     * @param name unique name within an estimate
     * @param region region code, or empty for the estimator's region
     * @param apiType {@link ApiType#REST}, {@link ApiType#HTTP} or {@link ApiType#WEBSOCKET}
     * @param endpointType a REST API's endpoint: {@code REGIONAL}, {@code EDGE} or {@code PRIVATE} (SAM's and
     *     CloudFormation's default is {@code EDGE}); {@code REGIONAL} for HTTP and WebSocket APIs
     * @param requestsPerMonth API calls received per month (REST, HTTP)
     * @param averageRequestSizeKb the average size of an HTTP API call, KB (metered in 512 KB increments; default 1)
     * @param messagesPerMonth messages sent and received per month (WebSocket)
     * @param averageMessageSizeKb the average WebSocket message size, KB (metered in 32 KB increments; default 1)
     * @param connectionMinutesPerMonth minutes clients stay connected, summed over connections, per month (WebSocket)
     * @param cacheSizesGb the cache size of each of a REST API's stages that has a cache, GB ({@code 0.5} ... {@code
     *     237}), possibly empty
     * @param cacheHoursPerMonth the hours each cache is provisioned per month (default 730)
     * @param integrationTimeoutSeconds the longest an integration may take, s, if known (checked against the quota)
     * @param payloadMb the largest request or response payload, MB, if known (checked against 10 MB)
     */
    public ApiGatewayApi {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(apiType, "apiType");
        Objects.requireNonNull(endpointType, "endpointType");
        if (!endpointType.equals("REGIONAL") && !endpointType.equals("EDGE") && !endpointType.equals("PRIVATE")) {
            throw new IllegalArgumentException("endpointType must be REGIONAL, EDGE or PRIVATE, was \"" + endpointType + "\"");
        }
        if (apiType != ApiType.REST && !endpointType.equals("REGIONAL")) {
            throw new IllegalArgumentException("endpointType must be REGIONAL for an " + apiType + " API");
        }
        if (requestsPerMonth < 0 || messagesPerMonth < 0) {
            throw new IllegalArgumentException("requests and messages must not be negative");
        }
        positive(averageRequestSizeKb, "averageRequestSizeKb");
        positive(averageMessageSizeKb, "averageMessageSizeKb");
        Objects.requireNonNull(connectionMinutesPerMonth, "connectionMinutesPerMonth");
        if (connectionMinutesPerMonth.signum() < 0) {
            throw new IllegalArgumentException("connectionMinutesPerMonth must not be negative");
        }
        cacheSizesGb = List.copyOf(cacheSizesGb);
        if (!cacheSizesGb.isEmpty() && apiType != ApiType.REST) {
            throw new IllegalArgumentException("cacheSizeGb: only REST APIs have a cache");
        }
        Objects.requireNonNull(cacheHoursPerMonth, "cacheHoursPerMonth");
        if (cacheHoursPerMonth.signum() < 0 || cacheHoursPerMonth.compareTo(Calendar.MAX_HOURS_PER_MONTH) > 0) {
            throw new IllegalArgumentException("cacheHoursPerMonth must be between 0 and "
                    + Calendar.MAX_HOURS_PER_MONTH + ": " + cacheHoursPerMonth.toPlainString());
        }
        Objects.requireNonNull(integrationTimeoutSeconds, "integrationTimeoutSeconds");
        Objects.requireNonNull(payloadMb, "payloadMb");
    }

    private static void positive(BigDecimal v, String field) {
        Objects.requireNonNull(v, field);
        if (v.signum() <= 0) {
            throw new IllegalArgumentException(field + " must be more than 0: " + v.toPlainString());
        }
    }

    /**
     * @param name unique name within an estimate
     * @param requests requests a month
     * @return a REST API (edge-optimized, AWS's default endpoint) receiving {@code requests} calls a month
     */
    public static ApiGatewayApi rest(String name, long requests) {
        return builder(name).apiType(ApiType.REST).requestsPerMonth(requests).build();
    }

    /**
     * @param name unique name within an estimate
     * @param requests requests a month
     * @param sizeKb the average request size, in KB
     * @return an HTTP API receiving {@code requests} calls a month of {@code sizeKb} each
     * @deprecated positional arguments of one type are easy to swap: use {@code
     *     builder(name).apiType(ApiType.HTTP).requestsPerMonth(n).averageRequestSizeKb(kb).build()}, the same defaults
     */
    @Deprecated
    public static ApiGatewayApi http(String name, long requests, BigDecimal sizeKb) {
        return builder(name).apiType(ApiType.HTTP).requestsPerMonth(requests).averageRequestSizeKb(sizeKb).build();
    }

    /**
     * @param name unique name within an estimate
     * @param messages messages a month
     * @param sizeKb the average message size, in KB
     * @param minutes connection minutes a month
     * @return a WebSocket API with {@code messages} of {@code sizeKb} and {@code minutes} connection minutes
     * @deprecated positional arguments of one type are easy to swap: use {@code
     *     builder(name).apiType(ApiType.WEBSOCKET).messagesPerMonth(n).averageMessageSizeKb(kb).connectionMinutesPerMonth(m).build()},
     *     the same defaults
     */
    @Deprecated
    public static ApiGatewayApi websocket(String name, long messages, BigDecimal sizeKb, BigDecimal minutes) {
        return builder(name).apiType(ApiType.WEBSOCKET).messagesPerMonth(messages).averageMessageSizeKb(sizeKb)
                .connectionMinutesPerMonth(minutes).build();
    }

    /**
     * @param sizeGb the cache's size, in GB, one of the sizes API Gateway offers
     * @return this REST API with one more stage cache, of {@code sizeGb}
     */
    public ApiGatewayApi withCache(BigDecimal sizeGb) {
        List<BigDecimal> caches = new java.util.ArrayList<>(cacheSizesGb);
        caches.add(sizeGb);
        return new ApiGatewayApi(name, region, apiType, endpointType, requestsPerMonth, averageRequestSizeKb,
                messagesPerMonth, averageMessageSizeKb, connectionMinutesPerMonth, caches, cacheHoursPerMonth,
                integrationTimeoutSeconds, payloadMb);
    }

    /**
     * @param region a region code such as {@code "eu-west-1"}
     * @return this API in {@code region} (a region code such as {@code "eu-west-1"})
     */
    public ApiGatewayApi withRegion(String region) {
        return new ApiGatewayApi(name, Optional.of(region), apiType, endpointType, requestsPerMonth,
                averageRequestSizeKb, messagesPerMonth, averageMessageSizeKb, connectionMinutesPerMonth, cacheSizesGb,
                cacheHoursPerMonth, integrationTimeoutSeconds, payloadMb);
    }

    /**
     * @param n requests (REST, HTTP) or messages (WebSocket) a month
     * @return this API with {@code n} requests (REST, HTTP) or messages (WebSocket) a month
     */
    public ApiGatewayApi withTraffic(long n) {
        return new ApiGatewayApi(name, region, apiType, endpointType, apiType == ApiType.WEBSOCKET ? 0 : n,
                averageRequestSizeKb, apiType == ApiType.WEBSOCKET ? n : 0, averageMessageSizeKb,
                connectionMinutesPerMonth, cacheSizesGb, cacheHoursPerMonth, integrationTimeoutSeconds, payloadMb);
    }

    /**
     * @param type {@code REGIONAL}, {@code EDGE} or {@code PRIVATE}
     * @return this API with its endpoint type ({@code REGIONAL}, {@code EDGE}, {@code PRIVATE})
     */
    public ApiGatewayApi withEndpointType(String type) {
        return new ApiGatewayApi(name, region, apiType, type, requestsPerMonth, averageRequestSizeKb,
                messagesPerMonth, averageMessageSizeKb, connectionMinutesPerMonth, cacheSizesGb, cacheHoursPerMonth,
                integrationTimeoutSeconds, payloadMb);
    }

    /**
     * @param seconds the slowest integration's time, in seconds
     * @return this API whose slowest integration takes up to {@code seconds}
     */
    public ApiGatewayApi withIntegrationTimeoutSeconds(BigDecimal seconds) {
        return new ApiGatewayApi(name, region, apiType, endpointType, requestsPerMonth, averageRequestSizeKb,
                messagesPerMonth, averageMessageSizeKb, connectionMinutesPerMonth, cacheSizesGb, cacheHoursPerMonth,
                Optional.of(seconds), payloadMb);
    }

    /**
     * @param mb the largest payload, in MB
     * @return this API with its largest payload, in MB
     */
    public ApiGatewayApi withPayloadMb(BigDecimal mb) {
        return new ApiGatewayApi(name, region, apiType, endpointType, requestsPerMonth, averageRequestSizeKb,
                messagesPerMonth, averageMessageSizeKb, connectionMinutesPerMonth, cacheSizesGb, cacheHoursPerMonth,
                integrationTimeoutSeconds, Optional.of(mb));
    }

    /**
     * @param name the resource's name, unique within an estimate
     * @return a builder of an API: {@code apiType} required; a REST API's endpoint defaults to {@code EDGE}
     *     (AWS's default), the others' to {@code REGIONAL}; no traffic, sizes of 1 KB, no cache, caches provisioned
     *     730 hours
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds {@link ApiGatewayApi}s; the record checks the values when {@link #build} makes it. */
    public static final class Builder {
        private final String name;
        private Optional<String> region = Optional.empty();
        private ApiType apiType;
        private String endpointType;
        private long requestsPerMonth;
        private BigDecimal averageRequestSizeKb = BigDecimal.ONE;
        private long messagesPerMonth;
        private BigDecimal averageMessageSizeKb = BigDecimal.ONE;
        private BigDecimal connectionMinutesPerMonth = BigDecimal.ZERO;
        private final List<BigDecimal> cacheSizesGb = new java.util.ArrayList<>();
        private BigDecimal cacheHoursPerMonth = Calendar.HOURS_PER_MONTH;
        private Optional<BigDecimal> integrationTimeoutSeconds = Optional.empty();
        private Optional<BigDecimal> payloadMb = Optional.empty();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * @param region the region code; default the workload's
         * @return this builder
         */
        public Builder region(String region) {
            this.region = Optional.of(region);
            return this;
        }

        /**
         * @param apiType {@link ApiType#REST}, {@link ApiType#HTTP} or {@link ApiType#WEBSOCKET}
         * @return this builder
         */
        public Builder apiType(ApiType apiType) {
            this.apiType = apiType;
            return this;
        }

        /**
         * @param endpointType a REST API's endpoint: {@code REGIONAL}, {@code EDGE} (the default) or
         *     {@code PRIVATE}; HTTP and WebSocket APIs are {@code REGIONAL}
         * @return this builder
         */
        public Builder endpointType(String endpointType) {
            this.endpointType = endpointType;
            return this;
        }

        /**
         * @param requestsPerMonth API calls received per month (REST, HTTP)
         * @return this builder
         */
        public Builder requestsPerMonth(long requestsPerMonth) {
            this.requestsPerMonth = requestsPerMonth;
            return this;
        }

        /**
         * @param averageRequestSizeKb the average size of an HTTP API call, KB (metered in 512 KB increments;
         *     default 1)
         * @return this builder
         */
        public Builder averageRequestSizeKb(BigDecimal averageRequestSizeKb) {
            this.averageRequestSizeKb = averageRequestSizeKb;
            return this;
        }

        /**
         * @param messagesPerMonth messages sent and received per month (WebSocket)
         * @return this builder
         */
        public Builder messagesPerMonth(long messagesPerMonth) {
            this.messagesPerMonth = messagesPerMonth;
            return this;
        }

        /**
         * @param averageMessageSizeKb the average WebSocket message size, KB (metered in 32 KB increments;
         *     default 1)
         * @return this builder
         */
        public Builder averageMessageSizeKb(BigDecimal averageMessageSizeKb) {
            this.averageMessageSizeKb = averageMessageSizeKb;
            return this;
        }

        /**
         * @param connectionMinutesPerMonth minutes clients stay connected, summed over connections, per month
         *     (WebSocket; default 0)
         * @return this builder
         */
        public Builder connectionMinutesPerMonth(BigDecimal connectionMinutesPerMonth) {
            this.connectionMinutesPerMonth = connectionMinutesPerMonth;
            return this;
        }

        /**
         * @param sizeGb the cache size of one more of a REST API's stages, GB ({@code 0.5} ... {@code 237})
         * @return this builder
         */
        public Builder cache(BigDecimal sizeGb) {
            this.cacheSizesGb.add(Objects.requireNonNull(sizeGb, "sizeGb"));
            return this;
        }

        /**
         * @param cacheHoursPerMonth the hours each cache is provisioned per month (default 730)
         * @return this builder
         */
        public Builder cacheHoursPerMonth(BigDecimal cacheHoursPerMonth) {
            this.cacheHoursPerMonth = cacheHoursPerMonth;
            return this;
        }

        /**
         * @param seconds the longest an integration may take, in seconds (checked against the quota)
         * @return this builder
         */
        public Builder integrationTimeoutSeconds(BigDecimal seconds) {
            this.integrationTimeoutSeconds = Optional.of(seconds);
            return this;
        }

        /**
         * @param timeout the longest an integration may take (checked against the quota)
         * @return this builder
         */
        public Builder integrationTimeout(java.time.Duration timeout) {
            return integrationTimeoutSeconds(Calendar.seconds(timeout));
        }

        /**
         * @param payloadMb the largest request or response payload, MB (checked against 10 MB)
         * @return this builder
         */
        public Builder payloadMb(BigDecimal payloadMb) {
            this.payloadMb = Optional.of(payloadMb);
            return this;
        }

        /**
         * @return the API
         * @throws IllegalArgumentException if a value is out of range, or apiType was not given
         */
        public ApiGatewayApi build() {
            if (apiType == null) {
                throw new IllegalArgumentException(name + ": an API Gateway API needs apiType (REST, HTTP or WEBSOCKET)");
            }
            String endpoint = endpointType != null ? endpointType : apiType == ApiType.REST ? "EDGE" : "REGIONAL";
            return new ApiGatewayApi(name, region, apiType, endpoint, requestsPerMonth, averageRequestSizeKb,
                    messagesPerMonth, averageMessageSizeKb, connectionMinutesPerMonth, cacheSizesGb,
                    cacheHoursPerMonth, integrationTimeoutSeconds, payloadMb);
        }
    }
}
