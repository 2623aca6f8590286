package io.github.computecost.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.computecost.ec2.Ec2Instance;
import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.pricelist.PriceListException;
import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reserved Instances and Savings Plans priced from AWS's offer files: the 2017 EC2 sample's Reserved terms (AWS's own
 * file, in {@code ../shared/sources/raw}, for its term structure), and a Savings Plans file of test figures in AWS's
 * layout.
 */
class CommitmentPricingTest {

    static final Path EC2_2017 = Path.of("../shared/sources/raw/aws-offer-files/AmazonEC2-PriceListTestData-2017-08-03.json");
    static final PriceBook BOOK = PriceBook.bundled();

    static Path resource(String name) {
        try {
            return Path.of(CommitmentPricingTest.class.getResource("/commitment/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    static CommitmentRates ec2() {
        assumeTrue(Files.isRegularFile(EC2_2017), "AWS's 2017 EC2 offer sample is not beside the project");
        return CommitmentRates.read(EC2_2017);
    }

    static CommitmentRates plans() {
        return CommitmentRates.read(resource("savings-plans-test.json"));
    }

    static HourlyUsage.Line line(String resource, String usageType, String quantity, String rate) {
        return new HourlyUsage.Line(resource, "us-east-1", usageType, new BigDecimal(quantity), "Hrs",
                new BigDecimal(rate));
    }

    static HourlyUsage hours(List<List<HourlyUsage.Line>> hours) {
        return new HourlyUsage(hours.stream().map(l -> new HourlyUsage.Period(1, l)).toList());
    }

    @Test
    void readsEveryReservedTermOfAnEc2OfferFileWithItsUpfrontAndHourlyRows() {
        CommitmentRates rates = ec2();
        assertEquals(57, rates.reserved().size(), "5 products' Reserved terms");
        ReservedOffering t2 = rates.reserved().stream().filter(o -> o.sku().equals("VA8Q43DVPX4YV6NG")
                && o.term() == Term.ONE_YEAR && o.offeringClass() == OfferingClass.STANDARD
                && o.payment() == Payment.PARTIAL_UPFRONT).findFirst().orElseThrow();
        assertEquals(new BigDecimal("70"), t2.upfront());
        assertEquals(new BigDecimal("0.0080000000"), t2.hourly());
        assertEquals("BoxUsage:t2.small", t2.usageType());
        assertEquals("HU7G6KETJZ", t2.offerTermCode());
        assertEquals("US East (N. Virginia)", t2.attribute("location"));
        ReservedOffering windows = rates.reserved().stream().filter(o -> o.sku().equals("SMS2RQFVUU6VDNFP"))
                .findFirst().orElseThrow();
        assertEquals("DedicatedUsage:c5.xlarge/RunInstances:0002", windows.usageType(),
                "a variant operation is part of the usage type, as the price book names it");
        assertTrue(rates.files().get(0).contains("AmazonEC2 version 20170803003029"), rates.files().toString());
        assertTrue(rates.reserved().stream().filter(o -> o.payment() == Payment.NO_UPFRONT)
                .allMatch(o -> o.upfront().signum() == 0));
        assertTrue(rates.reserved().stream().filter(o -> o.payment() == Payment.ALL_UPFRONT)
                .allMatch(o -> o.hourly().signum() == 0 && o.upfront().signum() > 0));
    }

    @Test
    void ratesImportedIntoOneCompactFileReadBackAsTheOfferFilesRead(@TempDir Path dir) {
        CommitmentRates offers = ec2().and(plans());
        Path file = dir.resolve("commitment-rates.json");
        offers.write(file);
        CommitmentRates back = CommitmentRates.read(file);
        assertEquals(offers.reserved(), back.reserved(), "every offering, its provenance and exact prices");
        assertEquals(offers.savingsPlans(), back.savingsPlans());
        assertEquals(offers.files(), back.files());
        assertTrue(back.reserved().get(0).file().contains("version 20170803003029"));
    }

    @Test
    void aPartialUpfrontReservationCostsUpfrontOverTheTermsMonthsPlusHourlyTimesTheHours() {
        CommitmentPricer pricer = CommitmentPricer.of(ec2(), BOOK);
        Estimate e = Estimator.of(BOOK).estimate(List.of(Ec2Instance.builder("web").instanceType("t2.small").count(1).build()));
        HourlyUsage month = HourlyUsage.flat(e, BOOK);
        assertEquals(730, month.hours());
        CommitmentResult r = pricer.price(month, List.of(ReservedInstance.of("t2.small", "us-east-1", 1,
                Term.ONE_YEAR, OfferingClass.STANDARD, Payment.PARTIAL_UPFRONT)), List.of());
        CommitmentResult.ReservationCost ri = r.reservations().get(0);
        // 70 / 12 months + 0.008 × 730 hours = 5.8333333333 + 5.84
        assertEquals(new BigDecimal("5.8333333333"), ri.amortisedUpfront().stripTrailingZeros());
        assertEquals(0, new BigDecimal("5.84").compareTo(ri.recurring()));
        assertEquals(0, new BigDecimal("11.6733333333").compareTo(ri.charged()));
        assertEquals(0, new BigDecimal("11.6733333333").compareTo(r.totalExact()), "the instance runs all month: no rest");
        assertEquals(0, r.resources().get(0).rest().signum());
        assertEquals(0, ri.unused().signum());
        assertEquals(0, e.totalExact().compareTo(r.onDemandExact()), "on-demand is the estimate's");
        assertEquals(0, r.onDemandExact().subtract(r.totalExact()).compareTo(r.savingExact()));
    }

    @Test
    void anAllUpfrontReservationIsUpfrontOverTheTermsMonthsNeverZero() {
        CommitmentPricer pricer = CommitmentPricer.of(ec2(), BOOK);
        HourlyUsage month = HourlyUsage.flat(Estimator.of(BOOK).estimate(List.of(Ec2Instance.builder("web").instanceType("t2.small").count(1).build())), BOOK);
        CommitmentResult one = pricer.price(month, List.of(ReservedInstance.of("t2.small", "us-east-1", 1,
                Term.ONE_YEAR, OfferingClass.STANDARD, Payment.ALL_UPFRONT)), List.of());
        assertEquals(0, new BigDecimal("11.4166666667").compareTo(one.totalExact()), "137 / 12");
        CommitmentResult three = pricer.price(month, List.of(ReservedInstance.of("t2.small", "us-east-1", 1,
                Term.THREE_YEARS, OfferingClass.STANDARD, Payment.PARTIAL_UPFRONT)), List.of());
        // 145 / 36 + 0.006 × 730
        assertEquals(0, new BigDecimal("4.0277777778").add(new BigDecimal("4.38")).compareTo(three.totalExact()));
    }

    @Test
    void aReservationCoversUpToItsCountAndItsUnusedHoursStillCost() {
        CommitmentPricer pricer = CommitmentPricer.of(ec2(), BOOK);
        HourlyUsage two = HourlyUsage.flat(Estimator.of(BOOK).estimate(List.of(Ec2Instance.builder("app").instanceType("c5.xlarge").count(2).build())),
                BOOK);
        CommitmentResult one = pricer.price(two, List.of(ReservedInstance.of("c5.xlarge", "us-east-1", 1,
                Term.ONE_YEAR, OfferingClass.STANDARD, Payment.NO_UPFRONT)), List.of());
        CommitmentResult.ResourceCost app = one.resources().get(0);
        assertEquals(0, new BigDecimal("730").compareTo(app.reservedQuantity()));
        assertEquals(0, new BigDecimal("78.11").compareTo(app.reservedCost()), "730 × 0.107");
        assertEquals(0, new BigDecimal("124.1").compareTo(app.rest()), "730 × 0.17 at on-demand");
        assertEquals(0, new BigDecimal("124.1").compareTo(app.reservedCoveredOnDemand()), "what the reservation saved");
        CommitmentResult.LineCost box = app.lines().get(0);
        assertEquals("BoxUsage:c5.xlarge", box.usageType());
        assertEquals(0, new BigDecimal("1460").compareTo(box.quantity()));
        assertEquals(0, new BigDecimal("730").compareTo(box.reservedQuantity()));
        assertEquals(0, new BigDecimal("78.11").compareTo(box.reservedCost()), "at the reservation's 0.107");
        assertEquals(0, new BigDecimal("730").compareTo(box.restQuantity()));
        assertEquals(0, new BigDecimal("248.2").compareTo(box.onDemand()), "its on-demand equivalent");
        assertEquals(0, new BigDecimal("45.99").compareTo(app.saving()), "248.2 − 78.11 − 124.1 (the upfront fee is "
                + "the reservation's)");
        CommitmentResult three = pricer.price(two, List.of(ReservedInstance.of("c5.xlarge", "us-east-1", 3,
                Term.ONE_YEAR, OfferingClass.STANDARD, Payment.NO_UPFRONT)), List.of());
        CommitmentResult.ReservationCost ri = three.reservations().get(0);
        assertEquals(0, new BigDecimal("2190").compareTo(ri.instanceHours()));
        assertEquals(0, new BigDecimal("1460").compareTo(ri.usedHours()));
        assertEquals(0, new BigDecimal("78.11").compareTo(ri.unused()), "a third unused, at the hourly rate");
        assertEquals(0, new BigDecimal("234.33").compareTo(three.totalExact()), "3 × 730 × 0.107");
        assertConserved(three);
    }

    @Test
    void aComputePlanCoversTheLargestDiscountFirstHourByHourAndShowsItsUnusedHours() {
        CommitmentPricer pricer = CommitmentPricer.of(plans(), BOOK);
        // The peak hour: 10 Fargate vCPU-hours (20 % off) and 100,000 Lambda GB-seconds (10 % off); then a quiet hour.
        HourlyUsage usage = hours(List.of(
                List.of(line("api", "Lambda-GB-Second", "100000", "0.0000166667"),
                        line("worker", "USE1-Fargate-vCPU-Hours:perCPU", "10", "0.04048")),
                List.of(line("api", "Lambda-GB-Second", "10000", "0.0000166667"))));
        SavingsPlan plan = SavingsPlan.compute(Term.ONE_YEAR, Payment.NO_UPFRONT, new BigDecimal("1.00"));
        CommitmentResult r = pricer.price(usage, List.of(), List.of(plan));
        CommitmentResult.ResourceCost worker = r.resources().stream().filter(c -> c.resource().equals("worker"))
                .findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("0.32384").compareTo(worker.planCost()), "Fargate first: 10 × 0.032384");
        assertEquals(0, worker.rest().signum());
        CommitmentResult.ResourceCost api = r.resources().stream().filter(c -> c.resource().equals("api"))
                .findFirst().orElseThrow();
        // Peak: 0.67616 left buys 45,077.333333333333 GB-s (rounded down to 12 places); quiet: 10,000 GB-s at 0.15.
        BigDecimal peakCovered = new BigDecimal("45077.333333333333");
        assertEquals(0, peakCovered.multiply(new BigDecimal("0.000015")).add(new BigDecimal("0.15"))
                .compareTo(api.planCost()));
        assertEquals(0, new BigDecimal("100000").subtract(peakCovered).multiply(new BigDecimal("0.0000166667"))
                .compareTo(api.rest()));
        CommitmentResult.PlanCost p = r.plans().get(0);
        assertEquals(0, new BigDecimal("2.00").compareTo(p.commitment()), "1.00 an hour for 2 hours");
        assertEquals(1, p.unusedHours(), "the quiet hour leaves 0.85 unspent; the peak spends it all");
        assertTrue(p.unused().compareTo(new BigDecimal("0.85")) >= 0
                && p.unused().compareTo(new BigDecimal("0.850000000001")) < 0, p.unused().toPlainString());
        assertConserved(r);
        // The plan charges its commitment whatever is used: 2.00 plus the Lambda usage left at the peak. Here that is
        // more than on-demand (2.238137), since the quiet hour wastes most of its commitment: the shape matters.
        assertEquals(0, new BigDecimal("2.00").add(api.rest()).compareTo(r.totalExact()));
        assertEquals(0, new BigDecimal("2.238137").compareTo(r.onDemandExact()));
        assertTrue(r.savingExact().signum() < 0);
    }

    @Test
    void ec2InstancePlansApplyBeforeComputePlans() {
        CommitmentPricer pricer = CommitmentPricer.of(plans(), BOOK);
        HourlyUsage usage = hours(List.of(List.of(line("app", "BoxUsage:c5.xlarge", "2", "0.17"))));
        SavingsPlan compute = SavingsPlan.compute(Term.ONE_YEAR, Payment.NO_UPFRONT, new BigDecimal("0.119"));
        SavingsPlan instance = new SavingsPlan(SavingsPlanType.EC2_INSTANCE, Term.ONE_YEAR, Payment.NO_UPFRONT,
                new BigDecimal("0.102"), java.util.Optional.of("c5"), java.util.Optional.of("us-east-1"));
        CommitmentResult r = pricer.price(usage, List.of(), List.of(compute, instance));
        assertEquals(0, new BigDecimal("0.102").compareTo(r.plans().get(1).used()), "one instance-hour at 0.102");
        assertEquals(0, new BigDecimal("0.119").compareTo(r.plans().get(0).used()), "the other at 0.119");
        assertEquals(0, new BigDecimal("0.221").compareTo(r.totalExact()));
        assertConserved(r);
    }

    @Test
    void whatTheFilesLackIsRefusedByName(@TempDir Path dir) throws Exception {
        CommitmentPricer pricer = CommitmentPricer.of(plans(), BOOK);
        HourlyUsage usage = hours(List.of(List.of(line("app", "BoxUsage:c5.xlarge", "2", "0.17"))));
        CommitmentException noRi = assertThrows(CommitmentException.class, () -> pricer.price(usage,
                List.of(ReservedInstance.of("m6i.large", "us-east-1", 1, Term.THREE_YEARS, OfferingClass.STANDARD,
                        Payment.PARTIAL_UPFRONT)), List.of()));
        assertTrue(noRi.getMessage().contains("1 × m6i.large us-east-1 Linux 3yr standard Partial Upfront")
                && noRi.getMessage().contains("no such offering"), noRi.getMessage());
        CommitmentException noPlan = assertThrows(CommitmentException.class, () -> pricer.price(usage, List.of(),
                List.of(SavingsPlan.compute(Term.THREE_YEARS, Payment.ALL_UPFRONT, BigDecimal.ONE))));
        assertTrue(noPlan.getMessage().contains("Compute Savings Plan 3yr All Upfront")
                && noPlan.getMessage().contains("no rates"), noPlan.getMessage());
        Path lambda = dir.resolve("offer.json");
        Files.writeString(lambda, "{\"offerCode\":\"AWSLambda\",\"version\":\"1\",\"products\":{},\"terms\":{\"OnDemand\":{}}}");
        PriceListException neither = assertThrows(PriceListException.class, () -> CommitmentRates.read(lambda));
        assertTrue(neither.getMessage().startsWith(lambda + ": neither an EC2 offer file with Reserved terms")
                && neither.getMessage().contains("AWSLambda"), neither.getMessage());
        Path cut = dir.resolve("cut.json");
        String text = Files.readString(resource("savings-plans-test.json"));
        Files.writeString(cut, text.substring(0, text.length() / 2));
        PriceListException truncated = assertThrows(PriceListException.class, () -> CommitmentRates.read(cut));
        assertTrue(truncated.getMessage().startsWith(cut + ": "), truncated.getMessage());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, text.replace("\"0.119\"", "\"0,119\""));
        PriceListException price = assertThrows(PriceListException.class, () -> CommitmentRates.read(bad));
        assertTrue(price.getMessage().contains("TESTCOMPUTE1YRNU") && price.getMessage().contains("\"0,119\""),
                price.getMessage());
        assertThrows(PriceListException.class, () -> CommitmentRates.read(dir.resolve("absent.json")));
        CommitmentException cny = assertThrows(CommitmentException.class, () -> CommitmentPricer.of(plans(),
                PriceBook.bundled(PriceBook.AWS_CN)).price(usage, List.of(), List.of(SavingsPlan.compute(Term.ONE_YEAR,
                        Payment.NO_UPFRONT, BigDecimal.ONE))));
        assertTrue(cny.getMessage().contains("its rates are in USD") && cny.getMessage().contains("priced in CNY"),
                cny.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SavingsPlan.compute(Term.ONE_YEAR, Payment.NO_UPFRONT,
                BigDecimal.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Term.parse("2y"));
        assertEquals(Payment.PARTIAL_UPFRONT, Payment.parse("Partial Upfront"));
        assertEquals(Payment.PARTIAL_UPFRONT, Payment.parse("partial-upfront"));
    }

    @Test
    void aProfileSpreadsTheMonthExactlyAndPeaksLeaveACommitmentUnused() {
        Estimate e = Estimator.of(BOOK).estimate(List.of(io.github.computecost.lambda.LambdaFunction.builder("api")
                .memoryMb(1024).requestsPerMonth(10_000_000).averageDuration(java.time.Duration.ofMillis(200))
                .build()));
        List<BigDecimal> halfDay = new java.util.ArrayList<>();
        for (int h = 0; h < 24; h++) {
            halfDay.add(h < 12 ? BigDecimal.ZERO : BigDecimal.ONE);
        }
        UsageProfile profile = new UsageProfile(List.of("api"), halfDay);
        HourlyUsage spread = HourlyUsage.of(e, BOOK, List.of(profile));
        assertEquals(730, spread.hours());
        assertEquals(24, spread.periods().size());
        assertEquals(31, spread.periods().get(0).hours(), "730 = 30 × 24 + 10: the first 10 hours of the day 31 times");
        assertEquals(30, spread.periods().get(23).hours());
        assertEquals(0, HourlyUsage.flat(e, BOOK).onDemandCost().compareTo(spread.onDemandCost()),
                "the month's usage, and its on-demand cost, exactly the estimate's");
        assertTrue(spread.periods().get(0).lines().isEmpty(), "no usage where the profile weighs 0");
        CommitmentPricer pricer = CommitmentPricer.of(plans(), BOOK);
        SavingsPlan average = SavingsPlan.compute(Term.ONE_YEAR, Payment.NO_UPFRONT, new BigDecimal("0.033"));
        CommitmentResult flat = pricer.price(e, new Commitments(List.of(), List.of(average)));
        CommitmentResult peaky = pricer.price(e, new Commitments(List.of(), List.of(average), List.of(profile)));
        assertTrue(peaky.totalExact().compareTo(flat.totalExact()) > 0, "the same month in peaks costs more under a commitment");
        assertEquals(370, peaky.plans().get(0).unusedHours(), "the 12 quiet hours of the day: 10 × 31 + 2 × 30");
        assertTrue(peaky.notes().stream().anyMatch(n -> n.contains("usageProfiles (api; the others flat)")),
                peaky.notes().toString());
        assertConserved(peaky);
        CommitmentRecommender.Recommendation rec = CommitmentRecommender.recommend(pricer, spread, List.of(),
                average);
        assertTrue(rec.plan().isEmpty(), "a 10 % discount never pays for half a day of idle commitment");
        assertTrue(CommitmentRecommender.recommend(pricer, HourlyUsage.flat(e, BOOK), List.of(), average).plan()
                .isPresent());
        CommitmentException unknown = assertThrows(CommitmentException.class, () -> HourlyUsage.of(e, BOOK,
                List.of(new UsageProfile(List.of("apj"), halfDay))));
        assertTrue(unknown.getMessage().contains("no resource \"apj\""), unknown.getMessage());
    }

    /** Every part adds up to the total, both ways: by resource and by commitment. */
    static void assertConserved(CommitmentResult r) {
        BigDecimal byResource = BigDecimal.ZERO;
        BigDecimal rest = BigDecimal.ZERO;
        for (CommitmentResult.ResourceCost c : r.resources()) {
            byResource = byResource.add(c.cost());
            rest = rest.add(c.rest());
            BigDecimal lines = BigDecimal.ZERO;
            BigDecimal linesOnDemand = BigDecimal.ZERO;
            for (CommitmentResult.LineCost l : c.lines()) {
                lines = lines.add(l.cost());
                linesOnDemand = linesOnDemand.add(l.onDemand());
                assertEquals(0, l.quantity().compareTo(l.reservedQuantity().add(l.planQuantity())
                        .add(l.restQuantity())), "a line's quantity is what covered it: " + l);
            }
            assertEquals(0, c.cost().compareTo(lines), "a resource is its lines: " + c);
            assertEquals(0, c.onDemand().compareTo(linesOnDemand), "at on-demand too: " + c);
            assertTrue(c.reservedCost().signum() >= 0 && c.planCost().signum() >= 0 && c.rest().signum() >= 0);
        }
        BigDecimal byCommitment = rest;
        for (CommitmentResult.ReservationCost ri : r.reservations()) {
            byResource = byResource.add(ri.unused()).add(ri.amortisedUpfront());
            byCommitment = byCommitment.add(ri.charged());
            assertEquals(0, ri.recurring().compareTo(ri.unused().add(r.resources().stream()
                    .map(CommitmentResult.ResourceCost::reservedCost).reduce(BigDecimal.ZERO, BigDecimal::add))),
                    "one reservation: its recurring charge is what it covered plus what it left unused");
        }
        for (CommitmentResult.PlanCost p : r.plans()) {
            byResource = byResource.add(p.unused());
            byCommitment = byCommitment.add(p.commitment());
            assertEquals(0, p.commitment().compareTo(p.used().add(p.unused())));
            assertTrue(p.unused().signum() >= 0);
        }
        assertEquals(0, r.totalExact().compareTo(byResource), "by resource");
        assertEquals(0, r.totalExact().compareTo(byCommitment), "by commitment");
    }
}
