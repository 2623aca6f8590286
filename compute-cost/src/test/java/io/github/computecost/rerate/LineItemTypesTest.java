package io.github.computecost.rerate;

import static io.github.computecost.Decimals.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.pricing.PriceBook;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Line item types, AWS's costs and grouping, on a bill with every kind of line: usage, usage a Savings Plan and a
 * Reserved Instance covered, the plan's negation and fee, the reservation's fee, a credit, a refund, tax, a usage type
 * not priced, a type AWS does not document and a line without its cost. Figures worked by hand in the comments.
 */
class LineItemTypesTest {

    static final Path TYPES = Path.of("compute-cost/src/test/resources/rerate/cur-line-item-types.csv");

    @TempDir
    Path dir;

    private static Rerater.Result rate() {
        return Rerater.of(PriceBook.bundled()).tags(List.of("team")).rate(TYPES);
    }

    @Test
    void usageAndCoveredUsageAreReRatedAndTheRestIsPassedThroughAsBilled() {
        Rerater.Result r = rate();
        assertEquals(14, r.rows());
        assertEquals(5, r.rated());
        assertEquals(Map.of("line item type not known to compute-cost", 1L, "unblended cost is empty", 1L,
                "usage type not priced by compute-cost", 1L), r.skipped());
        // The family's 3,001,000 requests less the free million at 0.0000002: 0.4002; 1.5M GB-s less 400,000 at
        // 0.0000166667: 18.33337 (AWS's example); Fargate 730 vCPU-hours at 0.04048: 29.5504; m6i.large 730 h at
        // 0.096: 70.08. Covered usage is in the total at on-demand prices.
        assertDecimal("118.36397", r.totalExact());
        assertDecimal("70.08", r.byUsageType().get("BoxUsage:m6i.large"));
        // Passed through, never re-rated: -29.5504 + 23.64032 + 44.165 - 5 - 1.25 + 2.1.
        assertDecimal("34.10492", r.passedThroughTotal());
        Map<LineItemType, BigDecimal> passed = r.passedThrough().stream().collect(Collectors.toMap(
                Rerater.PassedThrough::lineItemType, Rerater.PassedThrough::cost));
        assertEquals(6, passed.size());
        assertDecimal("-5", passed.get(LineItemType.CREDIT));
        assertDecimal("-1.25", passed.get(LineItemType.REFUND));
        assertDecimal("2.1", passed.get(LineItemType.TAX));
        assertDecimal("-29.5504", passed.get(LineItemType.SAVINGS_PLAN_NEGATION));
        assertEquals("AmazonEC2", r.passedThrough().stream().filter(p -> p.lineItemType() == LineItemType.RI_FEE)
                .findFirst().orElseThrow().productCode());
    }

    @Test
    void coveredUsageShowsTheDiscountAwsApplied() {
        Map<LineItemType, Rerater.CoveredUsage> covered = rate().covered().stream().collect(Collectors.toMap(
                Rerater.CoveredUsage::lineItemType, c -> c));
        Rerater.CoveredUsage sp = covered.get(LineItemType.SAVINGS_PLAN_COVERED_USAGE);
        assertEquals("USE1-Fargate-vCPU-Hours:perCPU", sp.usageType());
        assertDecimal("29.5504", sp.onDemandCost());
        assertDecimal("23.64032", sp.effectiveCost().orElseThrow()); // savingsPlan/SavingsPlanEffectiveCost
        assertDecimal("5.91008", sp.discount().orElseThrow());
        Rerater.CoveredUsage ri = covered.get(LineItemType.DISCOUNTED_USAGE);
        assertDecimal("730", ri.quantity());
        assertDecimal("70.08", ri.onDemandCost());
        assertDecimal("25.915", ri.discount().orElseThrow()); // 70.08 less reservation/EffectiveCost 44.165
    }

    @Test
    void eachKindOfCoveredUsageTakesItsEffectiveCostFromItsOwnColumnOnly() throws IOException {
        // The export has the Savings Plans' effective cost but not the reservations': the Reserved Instance's usage
        // shows no effective cost (nor a discount), not one read from the plans' column or taken as zero.
        Path cur = dir.resolve("sp-only.csv");
        Files.writeString(cur, "bill/PayerAccountId,lineItem/UsageAccountId,lineItem/LineItemType,"
                + "lineItem/ProductCode,lineItem/UsageType,lineItem/UsageAmount,lineItem/UnblendedCost,"
                + "savingsPlan/SavingsPlanEffectiveCost\n"
                + "9,1,SavingsPlanCoveredUsage,AWSLambda,Lambda-GB-Second,1000000,16.6667,12\n"
                + "9,1,DiscountedUsage,AmazonEC2,BoxUsage:m6i.large,730,0,5\n");
        Map<LineItemType, Rerater.CoveredUsage> covered = Rerater.of(PriceBook.bundled()).rate(cur).covered()
                .stream().collect(Collectors.toMap(Rerater.CoveredUsage::lineItemType, c -> c));
        assertDecimal("12", covered.get(LineItemType.SAVINGS_PLAN_COVERED_USAGE).effectiveCost().orElseThrow());
        Rerater.CoveredUsage ri = covered.get(LineItemType.DISCOUNTED_USAGE);
        assertDecimal("70.08", ri.onDemandCost());
        assertTrue(ri.effectiveCost().isEmpty(), () -> "effective cost " + ri.effectiveCost());
        assertTrue(ri.discount().isEmpty());
    }

    @Test
    void theReconciliationComparesWithTheUnblendedCostPerAccountAndUsageType() {
        Rerater.Reconciliation rec = rate().reconciliation().orElseThrow();
        // Usage and Savings Plans covered usage; the reservation's line (unblended 0 by design) is left out.
        assertEquals(4, rec.rows().size());
        assertTrue(rec.rows().stream().noneMatch(x -> x.usageType().startsWith("BoxUsage")));
        Rerater.Reconciliation.Row off = rec.rows().stream().filter(x -> x.account().equals("222222222222"))
                .findFirst().orElseThrow();
        // 222's 1,000 requests after the family's free million at 0.0000002: 0.0002, billed 0.00025.
        assertDecimal("0.0002", off.reRated());
        assertDecimal("-0.00005", off.variance());
        assertDecimal("-0.2", off.share().orElseThrow());
        assertDecimal("48.28402", rec.billed()); // 0.4 + 18.33337 + 29.5504 + 0.00025
        assertDecimal("-0.00005", rec.variance());
        assertDecimal("-0.000001", rec.share().orElseThrow()); // -0.00005 / 48.28402, to 6 places
        assertTrue(rec.rows().stream().filter(x -> x.account().equals("111111111111"))
                .allMatch(x -> x.variance().signum() == 0));
        // An export without the cost column has no reconciliation.
        assertTrue(Rerater.of(PriceBook.bundled()).rate(java.util.List.of(new BilledUsage("1", null, "Request", "f",
                BigDecimal.TEN)).iterator()).reconciliation().isEmpty());
    }

    @Test
    void costIsGroupedByAnyDimensionTheMostExpensiveFirstAndAddsUpToTheTotal() {
        Rerater.Result r = rate();
        List<Rerater.Group> byTag = r.groupBy(Rerater.GroupBy.tag("team"));
        assertEquals(List.of("web", "checkout", ""), byTag.stream().map(Rerater.Group::key).toList());
        assertDecimal("99.6304", byTag.get(0).cost()); // 29.5504 + 70.08
        assertDecimal("18.73337", byTag.get(1).cost());
        for (Rerater.GroupBy by : List.of(Rerater.GroupBy.RESOURCE, Rerater.GroupBy.ACCOUNT,
                Rerater.GroupBy.USAGE_TYPE, Rerater.GroupBy.LINE_ITEM_TYPE, Rerater.GroupBy.tag("team"))) {
            List<Rerater.Group> groups = r.groupBy(by);
            assertEquals(0, r.totalExact().compareTo(groups.stream().map(Rerater.Group::cost)
                    .reduce(BigDecimal.ZERO, BigDecimal::add)), by.toString());
            for (int i = 1; i < groups.size(); i++) {
                assertTrue(groups.get(i - 1).cost().compareTo(groups.get(i).cost()) >= 0, groups.toString());
            }
        }
        assertEquals("Usage", r.groupBy(Rerater.GroupBy.LINE_ITEM_TYPE).get(2).key()); // 18.73357, the least
        var e = assertThrows(IllegalArgumentException.class, () -> r.groupBy(Rerater.GroupBy.tag("owner")));
        assertEquals("the tag owner was not read; tags read: team", e.getMessage());
    }

    @Test
    void groupByIsParsedAndRefusedWithTheValuesAllowed() {
        assertEquals(Rerater.GroupBy.tag("cost-center"), Rerater.GroupBy.parse("tag:cost-center"));
        assertEquals(Rerater.GroupBy.USAGE_TYPE, Rerater.GroupBy.parse("usage-type"));
        var e = assertThrows(IllegalArgumentException.class, () -> Rerater.GroupBy.parse("tag:"));
        assertEquals("group by resource, account, usage-type, line-item-type or tag:KEY, not \"tag:\"", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Rerater.of(PriceBook.bundled()).tags(List.of("a", "a")));
    }

    @Test
    void aTagWithoutItsColumnIsRefusedNamingTheColumn() throws IOException {
        Path cur = dir.resolve("no-tags.csv");
        Files.writeString(cur, "lineItem/UsageType,lineItem/UsageAmount\nRequest,1\n");
        var e = assertThrows(UsageExportException.class, () -> Rerater.of(PriceBook.bundled()).tags(List.of("team"))
                .rate(cur));
        assertTrue(e.getMessage().startsWith(cur + ": no column for the tag team (resourceTags/user:team"),
                e.getMessage());
    }

    @Test
    void cur2ColumnNamesAndFlattenedTagsAreRead() throws IOException {
        Path cur = dir.resolve("cur2.csv");
        Files.writeString(cur, "bill_payer_account_id,line_item_usage_account_id,line_item_line_item_type,"
                + "line_item_product_code,line_item_usage_type,line_item_usage_amount,line_item_unblended_cost,"
                + "savings_plan_savings_plan_effective_cost,resource_tags_user_team\n"
                + "9,1,Usage,AWSLambda,Request,2000000,0.2,,a\n"
                + "9,1,SavingsPlanCoveredUsage,AWSLambda,Lambda-GB-Second,400000,0,0,a\n"
                + "9,2,SavingsPlanCoveredUsage,AWSLambda,Lambda-GB-Second,100,0.00166667,0.0012,b\n"
                + "9,2,Credit,AWSLambda,,0,-0.5,,\n");
        Rerater.Result r = Rerater.of(PriceBook.bundled()).tags(List.of("team")).rate(cur);
        assertDecimal("0.20166667", r.totalExact()); // 1M requests after the free million; 100 GB-s after the free 400,000
        assertDecimal("-0.5", r.passedThroughTotal());
        assertDecimal("0", r.reconciliation().orElseThrow().variance());
        Rerater.CoveredUsage sp = r.covered().get(0);
        assertDecimal("0.00046667", sp.discount().orElseThrow()); // 0.00166667 on demand less 0.0012
        assertEquals(List.of("a", "b"), r.groupBy(Rerater.GroupBy.tag("team")).stream().map(Rerater.Group::key)
                .toList());
    }

    @Test
    void recordsCarryLineItemTypesCostsPayersAndTags() {
        YearMonth m = YearMonth.of(2026, 10);
        BilledUsage usage = new BilledUsage("1", m, "Request", "f", new BigDecimal("3000000")).withPayer("9")
                .billedAs(LineItemType.USAGE, new BigDecimal("0.4"), null).withTags(Map.of("team", "a"));
        BilledUsage other = new BilledUsage("2", m, "Request", "g", new BigDecimal("1000000")).withPayer("9")
                .billedAs(LineItemType.USAGE, new BigDecimal("0.2"), null);
        BilledUsage credit = new BilledUsage("2", m, "Request", null, BigDecimal.ZERO).withPayer("9")
                .billedAs(LineItemType.CREDIT, new BigDecimal("-1"), null).withProductCode("AWSLambda");
        BilledUsage noCost = new BilledUsage("2", m, "Request", "g", BigDecimal.ONE).withPayer("9");
        Rerater.Result r = Rerater.of(PriceBook.bundled()).tags(List.of("team"))
                .rate(List.of(usage, other, credit, noCost).iterator());
        assertTrue(r.byBillingFamily());
        assertDecimal("0.6", r.totalExact()); // 4M family requests less the free million
        assertDecimal("-1", r.passedThroughTotal());
        assertEquals("AWSLambda", r.passedThrough().get(0).productCode());
        assertEquals(Map.of("unblended cost is empty", 1L), r.skipped());
        assertDecimal("0", r.reconciliation().orElseThrow().variance());
        assertEquals(List.of("", "a"), r.groupBy(Rerater.GroupBy.tag("team")).stream().map(Rerater.Group::key)
                .sorted().toList());
    }

    @Test
    void anExportWithoutALineItemTypeColumnIsAllUsageAsBefore() {
        Rerater.Result r = Rerater.of(PriceBook.bundled()).rate(RerateTest.CUR2);
        assertTrue(r.passedThrough().isEmpty());
        assertTrue(r.covered().isEmpty());
        assertEquals(java.util.Set.of(LineItemType.USAGE), r.byLineItemType().keySet());
    }
}
