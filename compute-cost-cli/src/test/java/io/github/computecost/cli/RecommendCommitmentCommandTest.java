package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.computecost.commitment.CommitmentPricer;
import io.github.computecost.commitment.CommitmentRates;
import io.github.computecost.commitment.CommitmentRecommender;
import io.github.computecost.commitment.CostReportUsage;
import io.github.computecost.commitment.Payment;
import io.github.computecost.commitment.SavingsPlan;
import io.github.computecost.commitment.Term;
import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code recommend-commitment} on a generated cost report whose optimum is known, held to brute force. */
class RecommendCommitmentCommandTest {

    static final Path PLANS = Path.of("compute-cost/src/test/resources/commitment/savings-plans-test.json");

    /**
     * A week of a Fargate service: 10 vCPU-hours an hour from midnight to noon, 20 from noon to midnight, at the
     * on-demand 0.04048; the test plan's rate is 0.032384 (20 % off). A commitment covers both halves of the day
     * (slope −0.25 each per unit of commitment) up to 0.32384 an hour, the spend of the quiet half; past it, the quiet
     * half wastes (slope +1) more than the busy half saves: the optimum is 0.32384, and on AWS's 0.001 grid 0.324
     * (0.323 leaves 0.026 vCPU-hours of each quiet hour at on-demand rates, worth more than the 0.001 more).
     * With a tax line per hour and a covered line, which are not usage to recommend for.
     */
    static Path report(Path dir, boolean cur2) throws Exception {
        StringBuilder sb = new StringBuilder(cur2
                ? "identity_line_item_id,bill_billing_period_start_date,bill_billing_period_end_date,"
                        + "line_item_line_item_type,line_item_usage_start_date,line_item_usage_type,"
                        + "line_item_operation,line_item_resource_id,line_item_usage_amount,"
                        + "pricing_public_on_demand_rate,product_region_code\n"
                : "identity/LineItemId,bill/BillingPeriodStartDate,bill/BillingPeriodEndDate,lineItem/LineItemType,"
                        + "lineItem/UsageStartDate,lineItem/UsageType,lineItem/Operation,lineItem/ResourceId,"
                        + "lineItem/UsageAmount,pricing/publicOnDemandRate,product/region\n");
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        int id = 0;
        for (int h = 0; h < 24 * 7; h++) {
            String t = start.plus(h, ChronoUnit.HOURS).toString();
            int q = h % 24 < 12 ? 10 : 20;
            sb.append(++id).append(",2026-11-01T00:00:00Z,2026-11-08T00:00:00Z,Usage,").append(t)
                    .append(",USE1-Fargate-vCPU-Hours:perCPU,FargateTask,arn:aws:ecs:task/web,").append(q)
                    .append(",0.04048,us-east-1\n");
            sb.append(++id).append(",2026-11-01T00:00:00Z,2026-11-08T00:00:00Z,Tax,").append(t).append(",,,,0,0,\n");
        }
        sb.append(++id).append(",2026-11-01T00:00:00Z,2026-11-08T00:00:00Z,SavingsPlanCoveredUsage,")
                .append(start).append(",USE1-Fargate-vCPU-Hours:perCPU,FargateTask,arn:aws:ecs:task/old,5,0.04048,"
                        + "us-east-1\n");
        Path f = dir.resolve(cur2 ? "cur2.csv" : "cur.csv");
        Files.writeString(f, sb);
        return f;
    }

    @Test
    void findsTheKnownOptimumOfAGeneratedReportAndBruteForceAgreesToTheCent(@TempDir Path dir) throws Exception {
        for (boolean cur2 : new boolean[] {false, true}) {
            Path f = report(dir, cur2);
            CliRunner r = CliRunner.run("recommend-commitment", f.toString(), "--commitment-rates", PLANS.toString(),
                    "--format", "json", "--charts", dir.resolve("charts").toString());
            assertEquals(0, r.exitCode(), r.err());
            JsonNode rec = TestJson.json().readTree(r.out());
            assertEquals("0.324", rec.path("commitmentPerHour").asText(), r.out());
            assertEquals("0.8", rec.path("breakEvenUtilisation").asText(), "1 − 20 %");
            assertEquals("102.01", rec.path("withoutPlan").path("totalMonthlyCost").asText(),
                    "84 × 10 + 84 × 20 vCPU-hours at 0.04048; the covered line and taxes left out");
            // Brute force over every commitment on AWS's grid, priced by the library.
            CostReportUsage usage = CostReportUsage.read(f);
            assertEquals(168, usage.hours());
            assertEquals(Long.valueOf(168), usage.skipped().get("Tax"));
            CommitmentPricer pricer = CommitmentPricer.of(CommitmentRates.read(PLANS), PriceBook.bundled());
            BigDecimal best = null;
            BigDecimal bestAt = null;
            for (int m = 0; m <= 800; m++) {
                BigDecimal c = BigDecimal.valueOf(m, 3);
                BigDecimal total = pricer.price(usage.usage(), List.of(), m == 0 ? List.of() : List.of(
                        SavingsPlan.compute(Term.ONE_YEAR, Payment.NO_UPFRONT, c))).totalExact();
                if (best == null || total.compareTo(best) < 0) {
                    best = total;
                    bestAt = c;
                }
            }
            assertEquals(new BigDecimal("0.324"), bestAt);
            assertEquals(best.setScale(2, RoundingMode.HALF_UP).toPlainString(),
                    rec.path("withPlan").path("totalMonthlyCost").asText(), "to the cent");
            assertEquals(best.stripTrailingZeros().toPlainString(), new BigDecimal(rec.path("withPlan")
                    .path("totalMonthlyCostExact").asText()).stripTrailingZeros().toPlainString(), "exactly");
            assertTrue(Files.readString(dir.resolve("charts/commitment.svg")).contains("best 0.324/hour"));
            assertTrue(Files.isRegularFile(dir.resolve("charts/commitment.vl.json")));
        }
        CliRunner text = CliRunner.run("recommend-commitment", report(dir, false).toString(), "--commitment-rates",
                PLANS.toString());
        assertTrue(text.out().contains("lines other than Usage left out: 1 SavingsPlanCoveredUsage, 168 Tax"),
                text.out());
        assertTrue(text.out().contains("Recommended: Compute Savings Plan 1yr No Upfront at 0.324/hour")
                && text.out().contains("break-even utilisation 80 %"), text.out());
        CommitmentRecommender.Recommendation direct = CommitmentRecommender.recommend(CommitmentPricer.of(
                CommitmentRates.read(PLANS), PriceBook.bundled()), CostReportUsage.read(report(dir, false)).usage(),
                List.of(), SavingsPlan.compute(Term.ONE_YEAR, Payment.NO_UPFRONT, BigDecimal.ONE));
        assertEquals(new BigDecimal("0.324"), direct.plan().orElseThrow().commitmentPerHour());
    }

    @Test
    void aWorkloadsFlatMonthAndBadInputs(@TempDir Path dir) throws Exception {
        Path w = dir.resolve("w.yaml");
        Files.writeString(w, """
                region: us-east-1
                resources:
                  - name: app
                    type: ec2
                    instanceType: c5.xlarge
                    count: 3
                """);
        CliRunner r = CliRunner.run("recommend-commitment", w.toString(), "--commitment-rates", PLANS.toString());
        assertEquals(0, r.exitCode(), r.err());
        // Flat: every hour the same, so the best commitment covers all three instances: 3 × 0.119.
        assertTrue(r.out().contains("at 0.357/hour"), r.out());
        Path cur = dir.resolve("bad.csv");
        Files.writeString(cur, "lineItem/LineItemType,lineItem/UsageStartDate\nUsage,2026-11-01T00:00:00Z\n");
        CliRunner bad = CliRunner.run("recommend-commitment", cur.toString(), "--commitment-rates", PLANS.toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains(cur + ": line 1: no column lineitemusagetype"), bad.err());
        CliRunner term = CliRunner.run("recommend-commitment", w.toString(), "--commitment-rates", PLANS.toString(),
                "--term", "5y");
        assertEquals(2, term.exitCode());
        assertTrue(term.err().contains("must be 1y or 3y, was \"5y\""), term.err());
        CliRunner noRates = CliRunner.run("recommend-commitment", w.toString(), "--commitment-rates",
                PLANS.toString(), "--term", "3y");
        assertEquals(2, noRates.exitCode());
        assertTrue(noRates.err().contains("Compute Savings Plan 3yr No Upfront") && noRates.err().contains("no rates"),
                noRates.err());
        CliRunner missing = CliRunner.run("recommend-commitment", w.toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("--commitment-rates"), missing.err());
    }
}
