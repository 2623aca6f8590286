package io.github.computecost.rerate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.computecost.pricing.PriceBook;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * An export rated from its CSV text (bytes, batches, the key table) gives exactly what its rows give as records,
 * and its quantities are the plain BigDecimal sums of its amounts, whatever the quoting, line ends and amounts.
 */
class RerateProperties {

    private static final PriceBook PRICES = PriceBook.bundled();
    private static final List<String> PRICED = List.of("Request", "Lambda-GB-Second", "EU-Request-ARM",
            "USE1-Fargate-vCPU-Hours:perCPU");

    record Row(String account, int day, String usageType, String resource, String amount, boolean quoted) {
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        Arbitrary<String> amounts = Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("99999999")).ofScale(3)
                        .map(BigDecimal::toPlainString),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("99")).ofScale(12)
                        .map(BigDecimal::toPlainString),
                Arbitraries.longs().between(0, 99_999_999_999L).map(l -> Long.toString(l)),
                Arbitraries.of("1E+3", "2.5e-4", " 7.25 ", "0", "-3", "abc", ""));
        Arbitrary<Row> row = Combinators.combine(Arbitraries.of("111111111111", "222222222222", ""),
                Arbitraries.integers().between(1, 3), Arbitraries.of(List.of("Request", "Lambda-GB-Second",
                        "EU-Request-ARM", "USE1-Fargate-vCPU-Hours:perCPU", "DataTransfer-Out-Bytes")),
                Arbitraries.of("arn:f1", "arn:f,2", "arn:\"f3\"", "", "arn:f\u00e9"), amounts, Arbitraries.of(false, true))
                .as(Row::new);
        return row.list().ofMaxSize(80);
    }

    private static String field(String s, boolean quoted) {
        return quoted || s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    @Property(tries = 150)
    void textAndRecordsRateAlikeAndQuantitiesAreTheSumsOfAmounts(@ForAll("rows") List<Row> rows,
            @ForAll boolean crlf, @ForAll boolean freeTier) throws IOException {
        StringBuilder csv = new StringBuilder("lineItem/UsageAccountId,lineItem/UsageStartDate,lineItem/UsageType,"
                + "lineItem/ResourceId,lineItem/UsageAmount,lineItem/UnblendedCost");
        List<BilledUsage> records = new ArrayList<>();
        Map<String, BigDecimal> sums = new TreeMap<>();
        long notNumbers = 0;
        String eol = crlf ? "\r\n" : "\n";
        for (Row r : rows) {
            csv.append(eol).append(field(r.account(), r.quoted())).append(",2026-0").append(r.day())
                    .append("-05T00:00:00Z,").append(field(r.usageType(), r.quoted())).append(',')
                    .append(field(r.resource(), r.quoted())).append(',').append(field(r.amount(), r.quoted()))
                    .append(",0.1");
            BigDecimal amount;
            try {
                amount = new BigDecimal(r.amount().trim());
            } catch (NumberFormatException e) {
                notNumbers += PRICED.contains(r.usageType()) ? 1 : 0;
                continue;
            }
            records.add(new BilledUsage(r.account().isEmpty() ? null : r.account(), YearMonth.of(2026, r.day()),
                    r.usageType(), r.resource(), amount));
            if (PRICED.contains(r.usageType()) && amount.signum() >= 0) {
                sums.merge(r.usageType(), amount, BigDecimal::add);
            }
        }
        Rerater rerater = Rerater.of(PRICES).freeTier(freeTier);
        Rerater.Result text = rerater.rate(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "t");
        Rerater.Result given = rerater.rate(records.iterator());

        assertEquals(rows.size(), text.rows());
        assertEquals(notNumbers, text.skipped().getOrDefault("usage amount is not a number", 0L));
        assertEquals(given.rated(), text.rated());
        assertEquals(0, given.totalExact().compareTo(text.totalExact()), csv.toString());
        assertEquals(plain(given.byResource()), plain(text.byResource()));
        assertEquals(plain(given.byUsageType()), plain(text.byUsageType()));
        assertEquals(plain(sums), plain(text.quantityByUsageType()), csv.toString());
    }

    private static Map<String, String> plain(Map<String, BigDecimal> m) {
        Map<String, String> out = new TreeMap<>();
        m.forEach((k, v) -> {
            if (v.signum() != 0) {
                out.put(k, v.stripTrailingZeros().toPlainString());
            }
        });
        return out;
    }
}
