package io.github.computecost.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.lambda.LambdaFunction;
import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class EstimateDiffTest {

    @Test
    void saysWhenTheTwoSidesWerePricedFromDifferentData() {
        EstimateDiff same = new EstimateDiff("USD", BigDecimal.ONE, BigDecimal.TEN, List.of(),
                "AWSLambda@2026-12-02", "AWSLambda@2026-12-02,AmazonEC2@2026-12-02");
        assertEquals(List.of(), same.pricingVersionChanges(), "a table only one side uses is no change of data");
        EstimateDiff other = new EstimateDiff("USD", BigDecimal.ONE, BigDecimal.TEN, List.of(),
                "AWSLambda@2026-11-01,AmazonEC2@2026-12-02", "AWSLambda@2026-12-02,AmazonEC2@2026-12-02");
        assertEquals(List.of("AWSLambda: 2026-11-01 -> 2026-12-02"), other.pricingVersionChanges());
        // Two estimates of one price book carry its versions on both sides.
        Estimator e = Estimator.of(PriceBook.bundled());
        LambdaFunction fn = LambdaFunction.builder("f").memoryMb(512).requestsPerMonth(3_000_000)
                .averageDuration(java.time.Duration.ofMillis(100)).build();
        EstimateDiff d = EstimateDiff.between(e.estimate(List.of(fn)), e.estimate(List.of(fn.toBuilder()
                .memoryMb(1024).build())));
        assertTrue(d.headPricingVersion().startsWith("AWSLambda@"), d.headPricingVersion());
        assertEquals(d.basePricingVersion(), d.headPricingVersion());
        assertTrue(d.pricingVersionChanges().isEmpty());
    }
}
