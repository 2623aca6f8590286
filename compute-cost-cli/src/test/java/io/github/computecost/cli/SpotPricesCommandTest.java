package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EC2 Spot priced from AWS's observed prices ({@code --spot-prices}), labelled as such. */
class SpotPricesCommandTest {

    static final Path HISTORY = Path.of("compute-cost/src/test/resources/spot/describe-spot-price-history.json");

    @Test
    void aSpotFleetIsPricedFromTheHistoryAndSaysItIsAnObservedPrice(@TempDir Path dir) throws Exception {
        Path w = dir.resolve("w.yaml");
        Files.writeString(w, """
                region: us-east-1
                resources:
                  - name: batch
                    type: ec2
                    instanceType: c5.xlarge
                    count: 2
                    spot: true
                """);
        CliRunner r = CliRunner.run("estimate", w.toString(), "--spot-prices", HISTORY.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("SpotUsage:c5.xlarge") && r.out().contains("Total: 105.85 USD"), r.out());
        assertTrue(r.out().contains("derived price (ec2-spot-mean): The time-weighted mean of the Spot prices"),
                r.out());
        assertTrue(r.out().contains("observed market price"), r.out());
        CliRunner p90 = CliRunner.run("estimate", w.toString(), "--spot-prices", HISTORY.toString(),
                "--spot-statistic", "p90", "--format", "json");
        assertEquals(0, p90.exitCode(), p90.err());
        JsonNode e = TestJson.json().readTree(p90.out());
        assertEquals("116.80", e.path("totalMonthlyCost").asText());
        JsonNode li = e.path("resources").get(0).path("lineItems").get(0);
        assertEquals("derived", li.path("priceStatus").asText());
        assertEquals("ec2-spot-p90", li.path("priceRule").asText());
        assertEquals("2026-11-08", li.path("priceAsOf").asText(), "dated the history's newest price");
        CliRunner none = CliRunner.run("estimate", w.toString());
        assertEquals(2, none.exitCode(), "no source gives a Spot price: not priced, never guessed");
        assertTrue(none.err().contains("batch") && none.err().contains("AmazonEC2Spot")
                && none.err().contains("describe-spot-price-history with --spot-prices FILE"), none.err());
        CliRunner stat = CliRunner.run("estimate", w.toString(), "--spot-prices", HISTORY.toString(),
                "--spot-statistic", "average");
        assertEquals(2, stat.exitCode());
        assertTrue(stat.err().contains("--spot-statistic: must be mean, median or a percentile"), stat.err());
        Path both = dir.resolve("both.yaml");
        Files.writeString(both, Files.readString(w) + "    spotDiscountPercent: 60\n");
        CliRunner twice = CliRunner.run("estimate", both.toString());
        assertEquals(2, twice.exitCode());
        assertTrue(twice.err().contains("give one of them"), twice.err());
    }
}
