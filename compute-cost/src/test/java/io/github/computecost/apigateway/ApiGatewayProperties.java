package io.github.computecost.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.estimate.LineItem;
import io.github.computecost.estimate.ResourceEstimate;
import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** Invariants of API Gateway pricing that any correct implementation keeps. */
class ApiGatewayProperties {

    static final Estimator FREE = Estimator.of(PriceBook.bundled());
    static final Estimator NO_FREE = FREE.withoutFreeTier();

    @Provide
    Arbitrary<ApiGatewayApi> apis() {
        Arbitrary<Long> traffic = Arbitraries.longs().between(0, 30_000_000_000L)
                .edgeCases(c -> c.add(333_000_000L, 300_000_000L, 1_000_000_000L, 20_000_000_000L));
        Arbitrary<BigDecimal> size = Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("128"))
                .ofScale(2);
        Arbitrary<ApiGatewayApi> rest = Combinators.combine(traffic, Arbitraries.of(0, 1, 2))
                .as((n, caches) -> {
                    ApiGatewayApi a = ApiGatewayApi.rest("a", n);
                    for (int i = 0; i < caches; i++) {
                        a = a.withCache(i == 0 ? new BigDecimal("0.5") : new BigDecimal("237"));
                    }
                    return a;
                });
        Arbitrary<ApiGatewayApi> http = Combinators.combine(traffic, size.map(s -> s.multiply(BigDecimal.TEN)))
                .as((n, s) -> ApiGatewayApi.builder("a").apiType(ApiGatewayApi.ApiType.HTTP).requestsPerMonth(n).averageRequestSizeKb(s).build());
        Arbitrary<ApiGatewayApi> ws = Combinators.combine(traffic, size,
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1e10")).ofScale(0))
                .as((n, s, m) -> ApiGatewayApi.builder("a").apiType(ApiGatewayApi.ApiType.WEBSOCKET).messagesPerMonth(n).averageMessageSizeKb(s).connectionMinutesPerMonth(m).build());
        return Arbitraries.oneOf(rest, http, ws);
    }

    @Provide
    Arbitrary<List<ApiGatewayApi>> workloads() {
        return apis().list().ofMinSize(1).ofMaxSize(5).map(as -> {
            List<ApiGatewayApi> out = new ArrayList<>();
            for (int i = 0; i < as.size(); i++) {
                ApiGatewayApi a = as.get(i);
                out.add(new ApiGatewayApi("api" + i, a.region(), a.apiType(), a.endpointType(), a.requestsPerMonth(),
                        a.averageRequestSizeKb(), a.messagesPerMonth(), a.averageMessageSizeKb(),
                        a.connectionMinutesPerMonth(), a.cacheSizesGb(), a.cacheHoursPerMonth(), Optional.empty(),
                        Optional.empty()));
            }
            return out;
        });
    }

    @Property(tries = 300)
    void moreTrafficNeverCostsLess(@ForAll("apis") ApiGatewayApi a, @ForAll @LongRange(max = 5_000_000_000L) long more) {
        long now = a.apiType() == ApiGatewayApi.ApiType.WEBSOCKET ? a.messagesPerMonth() : a.requestsPerMonth();
        BigDecimal base = FREE.estimate(List.of(a)).totalExact();
        BigDecimal bigger = FREE.estimate(List.of(a.withTraffic(now + more))).totalExact();
        assertTrue(bigger.compareTo(base) >= 0, () -> bigger + " < " + base);
    }

    @Property(tries = 300)
    void noFreeTierIsAppliedAndNothingIsNegative(@ForAll("workloads") List<ApiGatewayApi> as) {
        Estimate free = FREE.estimate(as);
        // The 12-month free tier for new accounts is not applied: the setting changes nothing.
        assertEquals(0, free.totalExact().compareTo(NO_FREE.estimate(as).totalExact()));
        for (ResourceEstimate r : free.resources()) {
            for (LineItem li : r.lineItems()) {
                assertTrue(li.cost().signum() >= 0 && li.unitPrice().signum() > 0, li::toString);
            }
        }
    }

    @Property(tries = 300)
    void moneyIsConservedAndTiersAreTheAccounts(@ForAll("workloads") List<ApiGatewayApi> as) {
        Estimate e = FREE.estimate(as);
        BigDecimal sum = BigDecimal.ZERO;
        for (ResourceEstimate r : e.resources()) {
            BigDecimal lines = r.lineItems().stream().map(LineItem::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, lines.compareTo(r.monthlyCostExact()));
            sum = sum.add(r.monthlyCostExact());
        }
        assertEquals(0, sum.compareTo(e.totalExact()));
        // Tiers apply to the account's calls of each kind: together never costs more than apart.
        BigDecimal apart = BigDecimal.ZERO;
        for (ApiGatewayApi a : as) {
            apart = apart.add(FREE.estimate(List.of(a)).totalExact());
        }
        assertTrue(e.totalExact().compareTo(apart) <= 0, e.totalExact() + " > " + apart);
    }
}
