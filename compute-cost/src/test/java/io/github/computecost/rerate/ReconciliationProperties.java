package io.github.computecost.rerate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.computecost.pricing.PriceBook;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A generated organisation's bill, three linked accounts of one payer, whose unblended costs are worked out here
 * independently of the engine: AWS's Lambda prices in us-east-1 (0.20 per million requests, 0.0000166667 per GB-second
 * below 6 billion), one free tier for the family (1M requests, 400,000 GB-seconds a month) used up by the lines in file
 * order. Credits and taxes are mixed in. The re-rating reconciles to the cent and beyond, whatever the lines.
 */
class ReconciliationProperties {

    private static final PriceBook PRICES = PriceBook.bundled();
    private static final Map<String, BigDecimal> PRICE = Map.of("Request", new BigDecimal("0.0000002"),
            "Lambda-GB-Second", new BigDecimal("0.0000166667"));
    private static final Map<String, BigDecimal> FREE = Map.of("Request", new BigDecimal("1000000"),
            "Lambda-GB-Second", new BigDecimal("400000"));

    /** A usage line, or (when {@code passed} names a type) a line passed through at {@code cost}. */
    record Line(String account, String usageType, long amount, String passed, BigDecimal cost) {
    }

    @Provide
    Arbitrary<List<Line>> bills() {
        Arbitrary<Line> usage = Combinators.combine(Arbitraries.of("111111111111", "222222222222", "333333333333"),
                Arbitraries.of("Request", "Lambda-GB-Second"), Arbitraries.longs().between(0, 900_000))
                .as((a, t, n) -> new Line(a, t, n, null, null));
        Arbitrary<Line> passed = Combinators.combine(Arbitraries.of("111111111111", "333333333333"),
                Arbitraries.of("Credit", "Tax", "Refund"),
                Arbitraries.bigDecimals().between(new BigDecimal("-50"), new BigDecimal("50")).ofScale(4))
                .as((a, p, c) -> new Line(a, "Request", 0, p, c));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, usage), net.jqwik.api.Tuple.of(1, passed)).list()
                .ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 120)
    void aFamilysBillReconcilesExactlyAndPassedLinesChangeNoReRatedCost(@ForAll("bills") List<Line> lines)
            throws IOException {
        StringBuilder csv = new StringBuilder("bill/PayerAccountId,lineItem/UsageAccountId,lineItem/LineItemType,"
                + "lineItem/UsageStartDate,lineItem/ProductCode,lineItem/UsageType,lineItem/ResourceId,"
                + "lineItem/UsageAmount,lineItem/UnblendedCost\n");
        StringBuilder usageOnly = new StringBuilder(csv);
        Map<String, BigDecimal> used = new HashMap<>();
        Map<String, BigDecimal> billedByType = new HashMap<>();
        BigDecimal billed = BigDecimal.ZERO;
        BigDecimal passed = BigDecimal.ZERO;
        for (Line l : lines) {
            String row;
            if (l.passed() != null) {
                row = "999999999999," + l.account() + "," + l.passed() + ",2026-10-01T00:00:00Z,AWSLambda,,,0,"
                        + l.cost().toPlainString() + "\n";
                passed = passed.add(l.cost());
            } else {
                BigDecimal amount = BigDecimal.valueOf(l.amount());
                BigDecimal before = used.getOrDefault(l.usageType(), BigDecimal.ZERO);
                BigDecimal after = before.add(amount);
                used.put(l.usageType(), after);
                BigDecimal free = FREE.get(l.usageType());
                BigDecimal chargeable = after.subtract(before.max(free)).max(BigDecimal.ZERO); // beyond the free
                BigDecimal cost = chargeable.multiply(PRICE.get(l.usageType()));
                billed = billed.add(cost);
                billedByType.merge(l.usageType(), cost, BigDecimal::add);
                row = "999999999999," + l.account() + ",Usage,2026-10-01T00:00:00Z,AWSLambda," + l.usageType()
                        + ",arn:aws:lambda:us-east-1:" + l.account() + ":function:f," + l.amount() + ","
                        + cost.toPlainString() + "\n";
                usageOnly.append(row);
            }
            csv.append(row);
        }
        Rerater rerater = Rerater.of(PRICES);
        Rerater.Result r = rerater.rate(stream(csv), "bill");
        Rerater.Reconciliation rec = r.reconciliation().orElseThrow();

        assertEquals(0, rec.variance().signum(), csv.toString());
        assertEquals(0, rec.billed().compareTo(billed));
        assertEquals(0, r.totalExact().compareTo(billed), csv.toString());
        Map<String, BigDecimal> varianceByType = new HashMap<>();
        Map<String, BigDecimal> billedInRec = new HashMap<>();
        rec.rows().forEach(x -> {
            varianceByType.merge(x.usageType(), x.variance(), BigDecimal::add);
            billedInRec.merge(x.usageType(), x.billed(), BigDecimal::add);
        });
        varianceByType.values().forEach(v -> assertEquals(0, v.signum(), csv.toString()));
        billedByType.forEach((t, c) -> assertEquals(0, c.compareTo(billedInRec.get(t))));
        assertEquals(0, r.passedThroughTotal().compareTo(passed));
        assertEquals(lines.stream().filter(l -> l.passed() != null).count(),
                r.passedThrough().stream().mapToLong(Rerater.PassedThrough::rows).sum());

        Rerater.Result without = rerater.rate(stream(usageOnly), "usage only");
        assertEquals(0, without.totalExact().compareTo(r.totalExact()));
        assertEquals(without.byResource(), r.byResource());
        for (Rerater.GroupBy by : List.of(Rerater.GroupBy.ACCOUNT, Rerater.GroupBy.RESOURCE)) {
            assertEquals(0, r.groupBy(by).stream().map(Rerater.Group::cost).reduce(BigDecimal.ZERO, BigDecimal::add)
                    .compareTo(r.totalExact()));
        }
    }

    private static ByteArrayInputStream stream(StringBuilder csv) {
        return new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
}
