package io.github.computecost.fargate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.computecost.ComputeCostException;
import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.estimate.LineItem;
import io.github.computecost.estimate.Services;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.ServicePrices;
import io.github.computecost.service.ObservedPrices.Statistic;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fargate Spot from AWS's Spot price feed, laid over the bundled snapshot. */
class FargateSpotFeedTest {

    static Path feed() {
        try {
            return Path.of(FargateSpotFeedTest.class.getResource("/spot/fargate-spot-feed.json").toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theFeedsPricesReplaceTheSnapshotsWhereItGivesThemAndSayWhen() {
        PriceBook bundled = PriceBook.bundled();
        PriceBook book = Services.withObservedPrices(bundled, List.of(feed()), Statistic.MEAN);
        FargateTask task = FargateTask.builder("worker").vcpu(BigDecimal.ONE).memoryGb(new BigDecimal("2")).tasks(1).build().withSpot(true);
        Estimate e = Estimator.of(book).estimate(List.of(task));
        // 730 h × (1 vCPU × 0.0125 + 2 GB × 0.0014)
        assertEquals(0, new BigDecimal("11.169").compareTo(e.totalExact()), e.totalExact().toPlainString());
        LineItem vcpu = e.resources().get(0).lineItems().get(0);
        assertEquals(0, new BigDecimal("0.0125").compareTo(vcpu.unitPrice()));
        assertEquals(List.of("fargate-spot-feed"), vcpu.provenance().sources());
        assertEquals("2026-11-30", vcpu.provenance().asOf().toString());
        ServicePrices table = book.service(FargateService.SPOT_TABLE);
        assertTrue(table.sources().get("fargate-spot-feed").note().orElseThrow()
                .contains("Observed market prices at 2026-11-30T12:00 UTC"), table.sources().toString());
        // eu-west-1: the feed gives vCPU only; its GB price and ephemeral storage stay as bundled, with their sources.
        ServicePrices before = bundled.service(FargateService.SPOT_TABLE);
        var eu = table.regions().get("eu-west-1").tables();
        var euBefore = before.regions().get("eu-west-1").tables();
        assertEquals(0, new BigDecimal("0.0131").compareTo(eu.get("SpotUsage-Fargate-vCPU-Hours:perCPU").tiers().get(0)
                .unitPrice()));
        assertEquals(euBefore.get("SpotUsage-Fargate-GB-Hours").tiers().get(0),
                eu.get("SpotUsage-Fargate-GB-Hours").tiers().get(0));
        assertEquals(euBefore.keySet(), eu.keySet(), "no price of the region lost");
        // A region the feed does not give is untouched.
        assertEquals(before.regions().get("sa-east-1").tables(), table.regions().get("sa-east-1").tables());
    }

    @Test
    void theFeedSampleOfTheSharedSourcesIsReadAndBadFeedsAreRefusedByName(@TempDir Path dir) throws Exception {
        Path sample = Path.of("../shared/sources/raw/ligoj-test-fixtures/spot-fargate.json");
        assumeTrue(Files.isRegularFile(sample), "the shared sources are not beside the project");
        PriceBook book = Services.withObservedPrices(PriceBook.bundled(), List.of(sample), Statistic.MEAN);
        assertEquals(0, new BigDecimal("0.01379631").compareTo(book.service(FargateService.SPOT_TABLE).regions()
                .get("eu-west-1").tables().get("SpotUsage-Fargate-vCPU-Hours:perCPU").tiers().get(0).unitPrice()));
        assertEquals("2019-07-30", book.service(FargateService.SPOT_TABLE).sources().get("fargate-spot-feed").asOf()
                .toString());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(feed()).replace("\"0.0125\"", "\"-1\""));
        ComputeCostException price = assertThrows(ComputeCostException.class,
                () -> Services.withObservedPrices(PriceBook.bundled(), List.of(bad), Statistic.MEAN));
        assertTrue(price.getMessage().startsWith(bad + ": $.prices[0].price.USD: must be a price"), price.getMessage());
        Path version = dir.resolve("version.json");
        Files.writeString(version, Files.readString(feed()).replace("20261130120000", "last tuesday"));
        ComputeCostException v = assertThrows(ComputeCostException.class,
                () -> Services.withObservedPrices(PriceBook.bundled(), List.of(version), Statistic.MEAN));
        assertTrue(v.getMessage().contains("source:version"), v.getMessage());
    }
}
