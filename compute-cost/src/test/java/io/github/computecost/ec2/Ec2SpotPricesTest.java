package io.github.computecost.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.ComputeCostException;
import io.github.computecost.compute.OperatingSystem;
import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.estimate.LineItem;
import io.github.computecost.estimate.Services;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.service.ObservedPrices.Statistic;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spot from AWS's observed prices: a {@code describe-spot-price-history} fixture whose figures are worked by hand.
 * us-east-1a: 0.07 for 2 days, 0.08 for 4, 0.06 for 1; us-east-1b: 0.075 for 4 days, 0.065 for 3 (its record on
 * the 8th, the history's newest, holds for no time): 14 zone-days, 1.015 in all, a mean of 0.0725.
 */
class Ec2SpotPricesTest {

    static Path history() {
        try {
            return Path.of(Ec2SpotPricesTest.class.getResource("/spot/describe-spot-price-history.json").toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theTimeWeightedMeanAndPercentilesOfTheHistoryPoolingTheRegionsZones() {
        Ec2SpotPrices h = Ec2SpotPrices.read(List.of(history()));
        assertEquals(7, h.records().size());
        assertEquals(Long.valueOf(1), h.skipped().get("SUSE Linux"));
        Ec2SpotPrices.Observed mean = h.observed("us-east-1", "c5.xlarge", OperatingSystem.LINUX, Statistic.MEAN)
                .orElseThrow();
        assertEquals(new BigDecimal("0.0725"), mean.price());
        assertEquals(List.of("us-east-1a", "us-east-1b"), mean.zones());
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), mean.from());
        assertEquals(Instant.parse("2026-11-08T00:00:00Z"), mean.to());
        assertEquals(6, mean.records());
        // By time: 0.06 for 1 day, 0.065 for 3, 0.07 for 2, 0.075 for 4, 0.08 for 4.
        assertEquals(new BigDecimal("0.080000"), h.observed("us-east-1", "c5.xlarge", OperatingSystem.LINUX,
                Statistic.parse("p90")).orElseThrow().price());
        assertEquals(new BigDecimal("0.075000"), h.observed("us-east-1", "c5.xlarge", OperatingSystem.LINUX,
                Statistic.parse("median")).orElseThrow().price(), "7 of 14 zone-days are reached at 0.075");
        assertEquals(new BigDecimal("0.065000"), h.observed("us-east-1", "c5.xlarge", OperatingSystem.LINUX,
                Statistic.parse("p25")).orElseThrow().price(), "3.5 of 14 are reached at 0.065");
        assertEquals(new BigDecimal("0.25"), h.observed("us-east-1", "c5.xlarge", OperatingSystem.WINDOWS,
                Statistic.MEAN).orElseThrow().price());
        assertEquals(Optional.empty(), h.observed("eu-west-1", "c5.xlarge", OperatingSystem.LINUX, Statistic.MEAN));
        assertTrue(mean.describe().contains("time-weighted mean of 6 observed Spot prices in us-east-1a, us-east-1b "
                + "from 2026-11-01T00:00:00Z to 2026-11-08T00:00:00Z"), mean.describe());
    }

    @Test
    void aSpotFleetIsPricedAtTheObservedPriceAndLabelledWithItsRangeAndStatistic() {
        PriceBook book = Services.withObservedPrices(PriceBook.bundled(), List.of(history()), Statistic.MEAN);
        Estimate e = Estimator.of(book).estimate(List.of(Ec2Instance.builder("batch").instanceType("c5.xlarge").count(2).build().onSpot()));
        LineItem li = e.resources().get(0).lineItems().get(0);
        assertEquals("SpotUsage:c5.xlarge", li.usageType());
        assertEquals(0, new BigDecimal("0.0725").compareTo(li.unitPrice()));
        assertEquals(0, new BigDecimal("105.85").compareTo(e.totalExact()), "2 × 730 h × 0.0725");
        assertTrue(li.isDerived());
        assertEquals("ec2-spot-mean", li.provenance().rule().orElseThrow().id());
        assertTrue(li.provenance().rule().get().description().contains("time-weighted mean"), li.toString());
        String note = book.service(Ec2Service.SPOT_TABLE).sources().get("ec2-spot-history").note().orElseThrow();
        assertTrue(note.contains("us-east-1 c5.xlarge linux: time-weighted mean of 6 observed Spot prices in "
                + "us-east-1a, us-east-1b from 2026-11-01T00:00:00Z to 2026-11-08T00:00:00Z"), note);
        assertTrue(e.resources().get(0).notes().stream().anyMatch(n -> n.contains("observed market price")));
        assertTrue(note.contains("left out, products other than Linux/UNIX and Windows: {SUSE Linux=1}"), note);
        PriceBook p90 = Services.withObservedPrices(PriceBook.bundled(), List.of(history()), Statistic.parse("p90"));
        assertEquals(0, new BigDecimal("116.8").compareTo(Estimator.of(p90).estimate(List.of(
                Ec2Instance.builder("batch").instanceType("c5.xlarge").count(2).build().onSpot())).totalExact()), "2 × 730 h × 0.08");
        // Windows Spot is its own usage type, with its own price.
        assertEquals(0, new BigDecimal("182.5").compareTo(Estimator.of(book).estimate(List.of(Ec2Instance.builder("w").instanceType("c5.xlarge").count(1).build().withOperatingSystem(OperatingSystem.WINDOWS).onSpot())).totalExact()));
    }

    @Test
    void withoutAHistoryASpotFleetIsNotPricedAndBadHistoriesAreRefusedByName(@TempDir Path dir) throws Exception {
        Estimate none = Estimator.of(PriceBook.bundled()).assess(List.of(Ec2Instance.builder("b").instanceType("c5.xlarge").count(1).build()
                .onSpot())).estimate();
        assertEquals(List.of("b"), none.notPricedResources(), "no source gives a Spot price: never guessed");
        PriceBook book = Services.withObservedPrices(PriceBook.bundled(), List.of(history()), Statistic.MEAN);
        Estimate elsewhere = Estimator.of(book).assess(List.of(Ec2Instance.builder("b").instanceType("m5.large").count(1).build().onSpot()))
                .estimate();
        assertEquals(List.of("b"), elsewhere.notPricedResources(), "a type the history lacks");
        assertThrows(IllegalArgumentException.class, () -> new Ec2Instance("b", Optional.empty(), "c5.xlarge",
                OperatingSystem.LINUX, 1, Ec2Instance.HOURS_PER_MONTH, Optional.of(BigDecimal.TEN), true));
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(history()).replace("\"0.080000\"", "\"cheap\""));
        ComputeCostException price = assertThrows(ComputeCostException.class,
                () -> Services.withObservedPrices(PriceBook.bundled(), List.of(bad), Statistic.MEAN));
        assertTrue(price.getMessage().startsWith(bad + ": $.SpotPriceHistory[3].SpotPrice: not a number"),
                price.getMessage());
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"prices\": []}");
        ComputeCostException unknown = assertThrows(ComputeCostException.class,
                () -> Services.withObservedPrices(PriceBook.bundled(), List.of(other), Statistic.MEAN));
        assertTrue(unknown.getMessage().contains("describe-spot-price-history"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Statistic.parse("p0"));
        assertThrows(IllegalArgumentException.class, () -> Statistic.parse("average"));
    }
}
