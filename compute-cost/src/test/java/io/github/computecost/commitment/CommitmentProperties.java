package io.github.computecost.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of commitments that any correct implementation keeps, and the recommender against brute force. */
class CommitmentProperties {

    static final PriceBook BOOK = PriceBook.bundled();
    /** The test plan's rates, plus one reservation offering of c5.xlarge made here (figures of the 2017 sample). */
    static final CommitmentRates RATES = CommitmentPricingTest.plans().and(new CommitmentRates(List.of(
            new ReservedOffering("SKU", "TERM", "BoxUsage:c5.xlarge", Map.of("instancetype", "c5.xlarge",
                    "regioncode", "us-east-1", "operatingsystem", "Linux", "tenancy", "Shared", "preinstalledsw", "NA"),
                    Term.ONE_YEAR, OfferingClass.STANDARD, Payment.PARTIAL_UPFRONT, new BigDecimal("447"),
                    new BigDecimal("0.051"), "USD", "2017-08-01", "test")), List.of(), List.of("test")));
    static final CommitmentPricer PRICER = CommitmentPricer.of(RATES, BOOK);
    static final SavingsPlan TEMPLATE = SavingsPlan.compute(Term.ONE_YEAR, Payment.NO_UPFRONT, BigDecimal.ONE);

    /** Usage types with on-demand rates (the bundled us-east-1 ones), one without a plan rate. */
    static final List<String[]> TYPES = List.of(
            new String[] {"fn", "Lambda-GB-Second", "0.0000166667", "40000"},
            new String[] {"task", "USE1-Fargate-vCPU-Hours:perCPU", "0.04048", "8"},
            new String[] {"task", "USE1-Fargate-GB-Hours", "0.004445", "16"},
            new String[] {"app", "BoxUsage:c5.xlarge", "0.17", "4"},
            new String[] {"db", "BoxUsage:r5.large", "0.126", "2"});

    @Provide
    Arbitrary<HourlyUsage> usage() {
        Arbitrary<HourlyUsage.Line> line = Combinators.combine(Arbitraries.integers().between(0, TYPES.size() - 1),
                Arbitraries.integers().between(0, 1000)).as((t, permille) -> {
                    String[] ty = TYPES.get(t);
                    BigDecimal q = new BigDecimal(ty[3]).multiply(BigDecimal.valueOf(permille))
                            .divide(BigDecimal.valueOf(1000)).setScale(3, RoundingMode.DOWN);
                    if (ty[1].startsWith("BoxUsage")) {
                        q = q.setScale(0, RoundingMode.DOWN); // whole instances
                    }
                    return new HourlyUsage.Line(ty[0], "us-east-1", ty[1], q, "Hrs", new BigDecimal(ty[2]));
                });
        Arbitrary<HourlyUsage.Period> period = Combinators.combine(Arbitraries.longs().between(1, 5),
                line.list().ofMinSize(0).ofMaxSize(4)).as(HourlyUsage.Period::new);
        return period.list().ofMinSize(1).ofMaxSize(12).map(HourlyUsage::new);
    }

    @Provide
    Arbitrary<BigDecimal> commitments() {
        return Arbitraries.integers().between(1, 1500).map(i -> BigDecimal.valueOf(i, 3));
    }

    @Property(tries = 300)
    void moneyIsConservedByResourceAndByCommitment(@ForAll("usage") HourlyUsage usage,
            @ForAll("commitments") BigDecimal commitment, @ForAll boolean reserve) {
        List<ReservedInstance> ris = reserve ? List.of(ReservedInstance.of("c5.xlarge", "us-east-1", 2,
                Term.ONE_YEAR, OfferingClass.STANDARD, Payment.PARTIAL_UPFRONT)) : List.of();
        CommitmentResult r = PRICER.price(usage, ris, List.of(CommitmentRecommender.with(TEMPLATE, commitment)));
        CommitmentPricingTest.assertConserved(r);
        assertEquals(0, usage.onDemandCost().compareTo(r.onDemandExact()));
        BigDecimal resourcesOnDemand = r.resources().stream().map(CommitmentResult.ResourceCost::onDemand)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, r.onDemandExact().compareTo(resourcesOnDemand));
        // A plan never costs more than its commitment over what it leaves at on-demand, and never covers more than
        // the usage: each resource's plan-covered part is worth at most its on-demand cost.
        for (CommitmentResult.ResourceCost c : r.resources()) {
            assertTrue(c.planCost().compareTo(c.planCoveredOnDemand()) <= 0, c.toString());
            assertTrue(c.planCoveredOnDemand().add(c.rest()).compareTo(c.onDemand()) <= 0, c.toString());
        }
        assertTrue(r.totalExact().compareTo(r.onDemandExact().add(r.plans().get(0).commitment())
                .add(r.reservations().stream().map(CommitmentResult.ReservationCost::charged)
                        .reduce(BigDecimal.ZERO, BigDecimal::add))) <= 0);
    }

    @Property(tries = 40)
    void theRecommendedCommitmentIsTheBruteForceOptimumToTheCent(@ForAll("usage") HourlyUsage usage,
            @ForAll boolean reserve) {
        List<ReservedInstance> ris = reserve ? List.of(ReservedInstance.of("c5.xlarge", "us-east-1", 1,
                Term.ONE_YEAR, OfferingClass.STANDARD, Payment.PARTIAL_UPFRONT)) : List.of();
        CommitmentRecommender.Recommendation rec = CommitmentRecommender.recommend(PRICER, usage, ris, TEMPLATE);
        // Brute force: every commitment from 0 in steps of 0.001 up to past the largest hour's eligible spend.
        BigDecimal best = PRICER.price(usage, ris, List.of()).totalExact();
        BigDecimal bestAt = BigDecimal.ZERO;
        BigDecimal top = BigDecimal.ZERO;
        for (HourlyUsage.Period p : PRICER.afterReservations(usage, ris).periods()) {
            BigDecimal spend = BigDecimal.ZERO;
            for (HourlyUsage.Line l : p.lines()) {
                BigDecimal rate = PRICER.ratesOf(TEMPLATE).get(l.usageType());
                spend = spend.add(rate == null ? BigDecimal.ZERO : l.quantity().multiply(rate));
            }
            top = top.max(spend.divide(BigDecimal.valueOf(p.hours()), 3, RoundingMode.CEILING));
        }
        for (BigDecimal c = CommitmentRecommender.STEP; c.compareTo(top.add(CommitmentRecommender.STEP)) <= 0;
                c = c.add(CommitmentRecommender.STEP)) {
            BigDecimal t = PRICER.price(usage, ris, List.of(CommitmentRecommender.with(TEMPLATE, c))).totalExact();
            if (t.compareTo(best) < 0) {
                best = t;
                bestAt = c;
            }
        }
        assertEquals(best.setScale(2, RoundingMode.HALF_EVEN), rec.best().totalExact().setScale(2, RoundingMode.HALF_EVEN),
                "brute force finds " + best.toPlainString() + " at " + bestAt + ", the recommender "
                        + rec.best().totalExact().toPlainString() + " at " + rec.plan().map(SavingsPlan::commitmentPerHour));
        assertTrue(rec.best().totalExact().compareTo(best) <= 0 || rec.best().totalExact().subtract(best)
                .compareTo(new BigDecimal("0.000001")) < 0, "no worse than brute force beyond rounding");
        assertEquals(bestAt.signum() == 0, rec.plan().isEmpty(), "a plan exactly when one saves");
        assertTrue(rec.savingExact().signum() >= 0);
        rec.breakEvenUtilisation().ifPresent(u -> assertTrue(u.signum() > 0 && u.compareTo(BigDecimal.ONE) < 0,
                u.toPlainString()));
        // The curve is the cost at each commitment, and nowhere below the optimum.
        for (CommitmentRecommender.Point pt : rec.curve()) {
            assertTrue(pt.totalExact().compareTo(rec.best().totalExact()) >= 0, pt.toString());
        }
    }

    @Property(tries = 100)
    void aProfileSpreadsEveryLinesMonthExactlyOverAwsMonth(@ForAll("weights") List<BigDecimal> weights,
            @ForAll @net.jqwik.api.constraints.LongRange(min = 0, max = 50_000_000) long requests) {
        io.github.computecost.estimate.Estimate e = io.github.computecost.estimate.Estimator.of(BOOK).estimate(
                List.of(io.github.computecost.lambda.LambdaFunction.builder("api").memoryMb(512)
                        .requestsPerMonth(requests).averageDuration(java.time.Duration.ofMillis(120)).build(),
                        io.github.computecost.ec2.Ec2Instance.builder("app").instanceType("c5.xlarge").count(2).build()));
        HourlyUsage flat = HourlyUsage.flat(e, BOOK);
        HourlyUsage spread = HourlyUsage.of(e, BOOK, List.of(new UsageProfile(List.of("api"), weights)));
        assertEquals(730, spread.hours());
        for (HourlyUsage.Line l : flat.periods().get(0).lines()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (HourlyUsage.Period p : spread.periods()) {
                for (HourlyUsage.Line s : p.lines()) {
                    if (s.resource().equals(l.resource()) && s.usageType().equals(l.usageType())
                            && s.onDemandRate().compareTo(l.onDemandRate()) == 0) {
                        assertTrue(s.quantity().signum() > 0);
                        sum = sum.add(s.quantity());
                    }
                }
            }
            assertEquals(0, l.quantity().compareTo(sum), l + " spread to " + sum);
        }
        assertEquals(0, flat.onDemandCost().compareTo(spread.onDemandCost()));
        // The instances, which no profile names, stay flat: the same share of every hour.
        for (HourlyUsage.Period p : spread.periods()) {
            BigDecimal perHour = p.lines().stream().filter(l -> l.resource().equals("app"))
                    .map(l -> l.quantity().divide(BigDecimal.valueOf(p.hours()), 6, RoundingMode.HALF_EVEN))
                    .findFirst().orElseThrow();
            assertEquals(0, new BigDecimal("2").compareTo(perHour.setScale(3, RoundingMode.HALF_EVEN)),
                    "two instances in every hour");
        }
    }

    @Property(tries = 200)
    void mergingResourcesByUsageTypeKeepsWhatACommitmentCosts(@ForAll("usage") HourlyUsage usage,
            @ForAll("commitments") BigDecimal commitment) {
        HourlyUsage merged = usage.byUsageType();
        assertEquals(0, usage.onDemandCost().compareTo(merged.onDemandCost()), "the same usage");
        assertEquals(usage.hours(), merged.hours());
        for (HourlyUsage.Period p : merged.periods()) {
            assertEquals(p.lines().size(), p.lines().stream().map(l -> l.usageType() + l.onDemandRate()).distinct()
                    .count(), "one line per usage type and rate");
        }
        List<SavingsPlan> plan = List.of(CommitmentRecommender.with(TEMPLATE, commitment));
        BigDecimal a = PRICER.price(usage, List.of(), plan).totalExact();
        BigDecimal b = PRICER.price(merged, List.of(), plan).totalExact();
        // Equal but for where a commitment that runs out part-way is rounded down (12 places, once per period).
        assertTrue(a.subtract(b).abs().compareTo(new BigDecimal("0.000000001")) < 0, a + " against " + b);
    }

    @Provide
    Arbitrary<List<BigDecimal>> weights() {
        Arbitrary<BigDecimal> w = Arbitraries.integers().between(0, 1000).map(i -> BigDecimal.valueOf(i, 1));
        return Arbitraries.oneOf(w.list().ofSize(24), w.list().ofSize(168))
                .filter(l -> l.stream().anyMatch(x -> x.signum() > 0));
    }
}
