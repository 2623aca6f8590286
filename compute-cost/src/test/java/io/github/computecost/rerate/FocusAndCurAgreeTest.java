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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same bill as a legacy CUR ({@code cur-line-item-types.csv}), as CUR 2.0 columns and as FOCUS
 * ({@code focus-line-item-types.csv}: FOCUS has no negation lines, bills commitments' fees as purchases and a refund as
 * an adjustment) re-rates to the same exact figures.
 */
class FocusAndCurAgreeTest {

    static final Path FOCUS = Path.of("compute-cost/src/test/resources/rerate/focus-line-item-types.csv");

    @TempDir
    Path dir;

    @Test
    void focusIsToldByItsHeaderAndReadsItsChargeCategoriesAndCommitments() {
        Rerater.Result r = Rerater.of(PriceBook.bundled()).rate(FOCUS);
        assertEquals(Rerater.InputFormat.FOCUS, r.inputFormat());
        assertTrue(r.byBillingFamily()); // BillingAccountId is the payer
        assertEquals(13, r.rows());
        assertEquals(5, r.rated());
        assertEquals(Map.of("line item type not known to compute-cost", 1L, // a commitment category FOCUS lacks
                "usage type not priced by compute-cost", 1L), r.skipped());
        assertDecimal("118.36397", r.totalExact()); // as the CUR's, worked in LineItemTypesTest
        Map<LineItemType, BigDecimal> passed = r.passedThrough().stream().collect(Collectors.toMap(
                Rerater.PassedThrough::lineItemType, Rerater.PassedThrough::cost, BigDecimal::add));
        assertDecimal("67.80532", passed.get(LineItemType.PURCHASE)); // the plan's and the reservation's fees
        assertDecimal("-1.25", passed.get(LineItemType.ADJUSTMENT));
        assertDecimal("-5", passed.get(LineItemType.CREDIT));
        assertDecimal("0", passed.get(LineItemType.UNUSED_COMMITMENT));
        // Covered usage: EffectiveCost beside the on-demand re-rating, as the CUR's effective-cost columns give.
        Map<LineItemType, Rerater.CoveredUsage> covered = r.covered().stream().collect(Collectors.toMap(
                Rerater.CoveredUsage::lineItemType, c -> c));
        assertDecimal("5.91008", covered.get(LineItemType.SAVINGS_PLAN_COVERED_USAGE).discount().orElseThrow());
        assertDecimal("25.915", covered.get(LineItemType.DISCOUNTED_USAGE).discount().orElseThrow());
        // FOCUS bills covered usage through the commitment: only usage without one is reconciled with BilledCost.
        Rerater.Reconciliation rec = r.reconciliation().orElseThrow();
        assertEquals(3, rec.rows().size());
        assertDecimal("18.73362", rec.billed()); // 0.4 + 18.33337 + 0.00025
        assertDecimal("-0.00005", rec.variance());
    }

    @Test
    void theSameUsageAsLegacyCurCur2AndFocusRatesToTheSameFigures() throws IOException {
        Rerater rerater = Rerater.of(PriceBook.bundled());
        Rerater.Result legacy = rerater.rate(LineItemTypesTest.TYPES);
        Rerater.Result focus = rerater.rate(FOCUS);
        Rerater.Result cur2 = rerater.rate(cur2(LineItemTypesTest.TYPES));
        for (Rerater.Result other : List.of(focus, cur2)) {
            assertEquals(legacy.totalExact(), other.totalExact());
            assertEquals(legacy.byUsageType(), other.byUsageType());
            assertEquals(legacy.byResource(), other.byResource());
            assertEquals(legacy.byAccount(), other.byAccount());
            assertEquals(legacy.byLineItemType(), other.byLineItemType());
            assertEquals(legacy.covered(), other.covered());
        }
        assertEquals(legacy.reconciliation(), cur2.reconciliation());
        assertEquals(legacy.passedThrough(), cur2.passedThrough());
        assertEquals(Rerater.InputFormat.CUR, cur2.inputFormat());
    }

    /** The legacy file with CUR 2.0's column names (https://docs.aws.amazon.com/cur/latest/userguide/table-dictionary-cur2.html). */
    private Path cur2(Path legacy) throws IOException {
        Map<String, String> names = new TreeMap<>(Map.of("identity/LineItemId", "identity_line_item_id",
                "bill/PayerAccountId", "bill_payer_account_id", "lineItem/UsageAccountId", "line_item_usage_account_id",
                "lineItem/LineItemType", "line_item_line_item_type", "lineItem/UsageStartDate",
                "line_item_usage_start_date", "lineItem/ProductCode", "line_item_product_code",
                "lineItem/UsageType", "line_item_usage_type", "lineItem/ResourceId", "line_item_resource_id",
                "lineItem/UsageAmount", "line_item_usage_amount", "lineItem/UnblendedCost", "line_item_unblended_cost"));
        names.put("savingsPlan/SavingsPlanEffectiveCost", "savings_plan_savings_plan_effective_cost");
        names.put("reservation/EffectiveCost", "reservation_effective_cost");
        names.put("resourceTags/user:team", "resource_tags_user_team");
        List<String> lines = Files.readAllLines(legacy);
        String header = String.join(",", java.util.Arrays.stream(lines.get(0).split(",")).map(h -> {
            assertTrue(names.containsKey(h), h);
            return names.get(h);
        }).toList());
        Path out = dir.resolve("cur2.csv");
        Files.write(out, java.util.stream.Stream.concat(java.util.stream.Stream.of(header), lines.stream().skip(1))
                .toList());
        return out;
    }

    @Test
    void focusColumnsAreRequiredAndTagsRefusedClearly() throws IOException {
        Path bad = dir.resolve("focus.csv");
        Files.writeString(bad, "ChargeCategory,BilledCost\nUsage,1\n");
        var e = assertThrows(UsageExportException.class, () -> Rerater.of(PriceBook.bundled()).rate(bad));
        assertEquals(bad + ": no usage type and consumed quantity columns of FOCUS (x_UsageType or SkuMeter, and "
                + "ConsumedQuantity)", e.getMessage());
        var tags = assertThrows(UsageExportException.class, () -> Rerater.of(PriceBook.bundled()).tags(List.of("team"))
                .rate(FOCUS));
        assertEquals(FOCUS + ": no Tags column, where FOCUS keeps the tag team", tags.getMessage());
        // Named as CUR, a FOCUS file has no CUR columns.
        assertThrows(UsageExportException.class, () -> Rerater.of(PriceBook.bundled())
                .inputFormat(Rerater.InputFormat.CUR).rate(FOCUS));
        // FOCUS 1.2 calls the usage type SkuMeter.
        Path v12 = dir.resolve("focus12.csv");
        Files.writeString(v12, "ChargeCategory,SkuMeter,ConsumedQuantity\nUsage,Request,2000000\n");
        assertDecimal("0.2", Rerater.of(PriceBook.bundled()).rate(v12).totalExact());
    }

    @Test
    void focusChargeCategoriesMapAsDocumented() {
        assertEquals(LineItemType.USAGE, LineItemType.ofFocus("Usage", "", "").orElseThrow());
        assertEquals(LineItemType.SAVINGS_PLAN_COVERED_USAGE, LineItemType.ofFocus("usage", "Used", "Spend")
                .orElseThrow());
        assertEquals(LineItemType.DISCOUNTED_USAGE, LineItemType.ofFocus("Usage", "Used", "Usage").orElseThrow());
        assertEquals(LineItemType.UNUSED_COMMITMENT, LineItemType.ofFocus("Usage", "Unused", "Spend").orElseThrow());
        assertEquals(LineItemType.TAX, LineItemType.ofFocus(" Tax ", "", "").orElseThrow());
        assertTrue(LineItemType.ofFocus("Usage", "Used", "").isEmpty());
        assertTrue(LineItemType.ofFocus("Refund", "", "").isEmpty()); // a CUR type, not a FOCUS category
    }
}
