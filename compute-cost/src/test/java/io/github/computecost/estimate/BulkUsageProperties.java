package io.github.computecost.estimate;

import static io.github.computecost.Decimals.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.PriceDates;
import io.github.computecost.pricing.PriceUnavailableException;
import io.github.computecost.service.MeteredResource;
import io.github.computecost.service.UsageRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Usage rated in columns ({@link BulkUsage}) gives the line items, to the last digit and scale, that the same usage
 * as {@link MeteredResource} objects gives: shared free tier, tiers on a group's aggregate, merged records and
 * refusals alike.
 */
class BulkUsageProperties {

    private static final RatingEngine ENGINE = RatingEngine.of(PriceBook.bundled());

    /** A place and the base usage types priced there (Lambda's GB-seconds are tiered), and one that is not. */
    record Place(String service, String region, List<String> types) {
    }

    private static final List<Place> PLACES = List.of(
            new Place("AWSLambda", "us-east-1", List.of("Request", "Lambda-GB-Second", "Request-ARM",
                    "Lambda-GB-Second-ARM")),
            new Place("AWSLambda", "eu-west-1", List.of("Request", "Lambda-GB-Second-ARM")),
            new Place("AmazonECSFargate", "us-east-1", List.of("Fargate-vCPU-Hours:perCPU", "Fargate-GB-Hours")),
            new Place("AWSLambda", "us-east-1", List.of("Not-A-Usage-Type")));

    record Usage(String type, BigDecimal quantity) {
    }

    record Resource(Place place, List<Usage> usage) {
    }

    @Provide
    Arbitrary<List<Resource>> resources(boolean refused) {
        Arbitrary<BigDecimal> quantities = Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1000000")).ofScale(3),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("9000000000")).ofScale(9),
                Arbitraries.of(BigDecimal.ZERO, new BigDecimal("400000"), new BigDecimal("1E+3")));
        Arbitrary<Resource> resource = Arbitraries.of(refused ? PLACES : PLACES.subList(0, 3)).flatMap(place ->
                Combinators.combine(Arbitraries.of(place.types()), quantities).as(Usage::new).list().ofMaxSize(4)
                        .map(u -> new Resource(place, u)));
        return resource.list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<Resource>> priced() {
        return resources(false);
    }

    @Provide
    Arbitrary<List<Resource>> any() {
        return resources(true);
    }

    private static List<MeteredResource> objects(List<Resource> resources) {
        List<MeteredResource> out = new ArrayList<>();
        for (int i = 0; i < resources.size(); i++) {
            Resource r = resources.get(i);
            List<UsageRecord> usage = r.usage().stream().map(u -> new UsageRecord(u.type(), u.quantity(), true))
                    .toList();
            out.add(new MeteredResource("r" + i, "usage", r.place().service(), r.place().region(), usage, List.of()));
        }
        return out;
    }

    private static BulkUsage columns(List<Resource> resources) {
        BulkUsage.Builder b = BulkUsage.builder();
        for (int i = 0; i < resources.size(); i++) {
            Resource r = resources.get(i);
            int at = b.resource("r" + i, r.place().service(), r.place().region());
            r.usage().forEach(u -> b.usage(at, u.type(), u.quantity()));
        }
        return b.build();
    }

    private static final Comparator<LineItem> ORDER = Comparator.comparing(LineItem::usageType)
            .thenComparing(LineItem::description).thenComparing(l -> l.quantity().toString())
            .thenComparing(l -> l.cost().toString());

    @Property(tries = 300)
    void columnsRateAsObjectsDo(@ForAll("priced") List<Resource> resources, @ForAll boolean freeTier) {
        Estimate expected = ENGINE.rate(objects(resources), freeTier, java.time.LocalDate.of(2026, 12, 2));
        List<List<LineItem>> lines = new ArrayList<>();
        resources.forEach(r -> lines.add(new ArrayList<>()));
        Optional<PriceDates> dates = ENGINE.rate(columns(resources), freeTier, (item, i) -> lines.get(i).add(item));
        assertEquals(expected.priceDates(), dates);
        for (int i = 0; i < resources.size(); i++) {
            List<LineItem> want = new ArrayList<>(expected.resources().get(i).lineItems());
            List<LineItem> got = lines.get(i);
            want.sort(ORDER);
            got.sort(ORDER);
            assertEquals(want, got, "resource " + i); // records: every amount equal in value and scale
        }
    }

    /** A line item's parts as {@link RatingEngine.Costs} gives them. */
    record Parts(String usageType, BigDecimal quantity, BigDecimal unitPrice, BigDecimal cost,
            io.github.computecost.pricing.Provenance provenance) {
    }

    private static final Comparator<Parts> PARTS_ORDER = Comparator.comparing(Parts::usageType)
            .thenComparing(p -> p.quantity().toString()).thenComparing(p -> p.unitPrice().toString())
            .thenComparing(p -> p.cost().toString());

    @Property(tries = 300)
    void costsGiveEachLineItemsParts(@ForAll("priced") List<Resource> resources, @ForAll boolean freeTier) {
        List<List<Parts>> want = new ArrayList<>();
        List<List<Parts>> got = new ArrayList<>();
        resources.forEach(r -> {
            want.add(new ArrayList<>());
            got.add(new ArrayList<>());
        });
        Optional<PriceDates> expected = ENGINE.rate(columns(resources), freeTier, (item, i) -> want.get(i).add(
                new Parts(item.usageType(), item.quantity(), item.unitPrice(), item.cost(), item.provenance())));
        Optional<PriceDates> dates = ENGINE.rate(columns(resources), freeTier, (i, usageType,
                quantity, unitPrice, cost, provenance) -> got.get(i).add(new Parts(usageType, quantity, unitPrice,
                cost, provenance)));
        assertEquals(expected, dates);
        for (int i = 0; i < resources.size(); i++) {
            want.get(i).sort(PARTS_ORDER);
            got.get(i).sort(PARTS_ORDER);
            assertEquals(want.get(i), got.get(i), "resource " + i); // records: every amount equal in value and scale
        }
    }

    @Property(tries = 100)
    void costsRefuseWhatLineItemsRefuse(@ForAll("any") List<Resource> resources, @ForAll boolean freeTier) {
        PriceUnavailableException items = null;
        try {
            ENGINE.rate(columns(resources), freeTier, (item, i) -> { });
        } catch (PriceUnavailableException e) {
            items = e;
        }
        List<Integer> given = new ArrayList<>();
        PriceUnavailableException parts = null;
        try {
            ENGINE.rate(columns(resources), freeTier, (i, t, q, p, c, s) -> given.add(i));
        } catch (PriceUnavailableException e) {
            parts = e;
        }
        assertEquals(items == null, parts == null);
        if (items != null) {
            assertEquals(items.missing(), parts.missing());
        }
    }

    @Property(tries = 200)
    void columnsRefuseWhatObjectsRefuse(@ForAll("any") List<Resource> resources, @ForAll boolean freeTier) {
        PriceUnavailableException objects = null;
        try {
            ENGINE.rate(objects(resources), freeTier, java.time.LocalDate.of(2026, 12, 2));
        } catch (PriceUnavailableException e) {
            objects = e;
        }
        PriceUnavailableException columns = null;
        try {
            ENGINE.rate(columns(resources), freeTier, (item, i) -> { });
        } catch (PriceUnavailableException e) {
            columns = e;
        }
        assertEquals(objects == null, columns == null);
        if (objects != null) {
            assertEquals(objects.missing(), columns.missing());
        }
    }

    @Example
    void twoResourcesShareOneFreeTier() {
        // Each: 1,000,000 requests and 400,000 GB-s, one free tier's worth: one resource's worth is charged.
        BulkUsage.Builder b = BulkUsage.builder();
        for (String name : List.of("a", "a")) { // names are for messages only: they need not be unique
            int r = b.resource(name, "AWSLambda", "us-east-1");
            b.usage(r, "Request", new BigDecimal("1000000")).usage(r, "Lambda-GB-Second", new BigDecimal("400000"));
        }
        BigDecimal[] costs = {BigDecimal.ZERO, BigDecimal.ZERO};
        ENGINE.rate(b.build(), true, (item, i) -> costs[i] = costs[i].add(item.cost()));
        assertDecimal("0", costs[0]);
        assertDecimal("6.86668", costs[1]); // 0.2 + 400,000 × 0.0000166667
    }

    @Example
    void badUsageIsRefusedWhenAdded() {
        BulkUsage.Builder b = BulkUsage.builder();
        int r = b.resource("a", "AWSLambda", "us-east-1");
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> b.usage(r, "Request", new BigDecimal("-1")));
        assertTrue(negative.getMessage().contains("negative"), negative.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> b.usage(1, "Request", BigDecimal.ONE));
        assertTrue(unknown.getMessage().contains("no resource 1"), unknown.getMessage());
        assertThrows(NullPointerException.class, () -> b.resource(null, "AWSLambda", "us-east-1"));
    }
}
