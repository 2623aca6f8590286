package io.github.computecost.commitment;

import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.RegionPrices;
import io.github.computecost.pricing.ServicePrices;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies commitments to usage as AWS applies them
 * (https://docs.aws.amazon.com/savingsplans/latest/userguide/sp-applying.html), hour by hour:
 * <ol>
 *   <li>Reserved Instances first, to usage of their usage type and region, up to their count each hour;</li>
 *   <li>then Savings Plans, EC2 Instance plans before Compute plans, each to the usage with the largest discount
 *       first ({@code 1 − plan rate ÷ on-demand rate}), up to its commitment each hour;</li>
 *   <li>the rest at on-demand rates.</li>
 * </ol>
 * A reservation charges its hourly rate for every hour, used or not, plus its upfront fee amortised over the term;
 * a plan charges its commitment every hour, used or not. What goes unused is a cost of its own.
 *
 * <p>Exact but for two stated roundings: an amortised fee is written to {@value #AMORTISED_SCALE} decimals (as AWS's
 * cost reports write it), and when a plan's commitment runs out part-way through a usage, the quantity it covers is
 * rounded down to {@value #COVERED_SCALE} decimals, the commitment's last fraction of a cent then counting as unused.
 * Every part adds up to the total exactly.
 */
public final class CommitmentPricer {

    /** Decimals of an amortised upfront fee. */
    public static final int AMORTISED_SCALE = 10;
    /** Decimals of the quantity a plan covers when its commitment runs out part-way. */
    public static final int COVERED_SCALE = 12;

    private final CommitmentRates rates;
    private final PriceBook book;
    private final Map<String, String> regionNames;

    private CommitmentPricer(CommitmentRates rates, PriceBook book, Map<String, String> regionNames) {
        this.rates = Objects.requireNonNull(rates, "rates");
        this.book = Objects.requireNonNull(book, "book");
        this.regionNames = Map.copyOf(regionNames);
    }

    /**
     * @param rates the commitment rates, from AWS's offer files
     * @param book a price book, for its regions' names (older offer files name a region, not its code)
     * @return a pricer
     */
    public static CommitmentPricer of(CommitmentRates rates, PriceBook book) {
        Map<String, String> names = new HashMap<>();
        for (ServicePrices s : book.services().values()) {
            for (RegionPrices r : s.regions().values()) {
                names.putIfAbsent(r.code(), r.name());
            }
        }
        return new CommitmentPricer(rates, book, names);
    }

    /**
     * An estimate's month, flat, priced with the commitments a workload states.
     *
     * @param estimate an estimate made with this pricer's price book
     * @param commitments the commitments
     * @return the month priced with them
     * @throws CommitmentException if the rates lack an offering for a reservation, or every rate for a plan
     */
    public CommitmentResult price(io.github.computecost.estimate.Estimate estimate, Commitments commitments) {
        CommitmentResult r = price(HourlyUsage.of(estimate, book, commitments.profiles()),
                commitments.reservedInstances(), commitments.savingsPlans());
        if (commitments.profiles().isEmpty()) {
            return r;
        }
        List<String> notes = new ArrayList<>(r.notes());
        boolean weekly = commitments.profiles().stream().anyMatch(UsageProfile::weekly);
        notes.add("Usage spread over the hours by the file's usageProfiles (" + String.join(", ", commitments
                .profiles().stream().flatMap(p -> p.resources().stream()).toList()) + "; the others flat), as "
                + (weekly ? "a week from Monday 00:00 UTC, its first 58 hours five times in the month and the rest four"
                        : "a day from 00:00 UTC, its first 10 hours 31 times in the month and the rest 30") + ".");
        return new CommitmentResult(r.currency(), r.hours(), r.onDemandExact(), r.totalExact(), r.resources(),
                r.reservations(), r.plans(),
                notes);
    }

    /** {@code amount ÷ hours} to {@value #AMORTISED_SCALE} decimals, half even. */
    static BigDecimal amortise(BigDecimal amount, BigDecimal hours) {
        return amount.divide(hours, AMORTISED_SCALE, RoundingMode.HALF_EVEN);
    }

    /** The rest of one line of usage as commitments take it, and what took it. */
    static final class Left {
        final HourlyUsage.Line line;
        BigDecimal quantity;
        /** What this usage type at this rate, of this resource, came to over all periods (null when not tallied). */
        LineTally tally;

        Left(HourlyUsage.Line line) {
            this.line = line;
            this.quantity = line.quantity();
        }
    }

    /** One usage type at one on-demand rate of one resource, over every period. */
    private static final class LineTally {
        final HourlyUsage.Line first;
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal reservedQuantity = BigDecimal.ZERO;
        BigDecimal reservedCost = BigDecimal.ZERO;
        BigDecimal planQuantity = BigDecimal.ZERO;
        BigDecimal planCost = BigDecimal.ZERO;
        BigDecimal restQuantity = BigDecimal.ZERO;

        LineTally(HourlyUsage.Line first) {
            this.first = first;
        }

        CommitmentResult.LineCost result() {
            return new CommitmentResult.LineCost(first.usageType(), first.unit(), first.onDemandRate(), quantity,
                    reservedQuantity, reservedCost, planQuantity, planCost, restQuantity);
        }
    }


    /**
     * @param usage the usage, hour by hour
     * @param reservations the Reserved Instances bought, applied in this order
     * @param plans the Savings Plans bought
     * @return the usage priced with them
     * @throws CommitmentException if the rates lack an offering for a reservation, or every rate for a plan
     */
    public CommitmentResult price(HourlyUsage usage, List<ReservedInstance> reservations, List<SavingsPlan> plans) {
        List<ReservedOffering> offerings = offerings(reservations);
        // EC2 Instance plans apply before Compute plans; each plan's rates by usage type.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> plans.get(i).type() == SavingsPlanType.COMPUTE));
        List<Map<String, BigDecimal>> rateMaps = new ArrayList<>();
        for (SavingsPlan sp : plans) {
            rateMaps.add(ratesOf(sp));
        }
        // Each resource's lines, by usage type and rate; a resource's figures are its lines' sums.
        Map<String, Map<String, LineTally>> tallies = new LinkedHashMap<>();
        BigDecimal[] riUsed = new BigDecimal[reservations.size()];
        BigDecimal[] riCoveredOd = new BigDecimal[reservations.size()];
        java.util.Arrays.fill(riUsed, BigDecimal.ZERO);
        java.util.Arrays.fill(riCoveredOd, BigDecimal.ZERO);
        BigDecimal[] spUsed = new BigDecimal[plans.size()];
        BigDecimal[] spCoveredOd = new BigDecimal[plans.size()];
        long[] spUnusedHours = new long[plans.size()];
        java.util.Arrays.fill(spUsed, BigDecimal.ZERO);
        java.util.Arrays.fill(spCoveredOd, BigDecimal.ZERO);
        for (HourlyUsage.Period period : usage.periods()) {
            BigDecimal hours = BigDecimal.valueOf(period.hours());
            List<Left> left = new ArrayList<>();
            for (HourlyUsage.Line l : period.lines()) {
                Left x = new Left(l);
                left.add(x);
                x.tally = tallies.computeIfAbsent(l.resource(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(l.usageType() + "|" + l.onDemandRate().toPlainString(), k -> new LineTally(l));
                x.tally.quantity = x.tally.quantity.add(l.quantity());
            }
            reserve(left, hours, reservations, offerings, (r, l, take) -> {
                riUsed[r] = riUsed[r].add(take);
                riCoveredOd[r] = riCoveredOd[r].add(take.multiply(l.line.onDemandRate()));
                l.tally.reservedQuantity = l.tally.reservedQuantity.add(take);
                l.tally.reservedCost = l.tally.reservedCost.add(take.multiply(offerings.get(r).hourly()));
            });
            for (int pi : order) {
                SavingsPlan sp = plans.get(pi);
                Map<String, BigDecimal> pr = rateMaps.get(pi);
                BigDecimal budget = sp.commitmentPerHour().multiply(hours);
                List<Left> eligible = new ArrayList<>();
                for (Left l : left) {
                    BigDecimal rate = pr.get(l.line.usageType());
                    if (rate != null && l.quantity.signum() > 0 && l.line.onDemandRate().signum() > 0
                            && rate.compareTo(l.line.onDemandRate()) < 0) {
                        eligible.add(l);
                    }
                }
                // Largest discount first: the smallest plan rate ÷ on-demand rate, compared without dividing.
                eligible.sort((a, b) -> pr.get(a.line.usageType()).multiply(b.line.onDemandRate())
                        .compareTo(pr.get(b.line.usageType()).multiply(a.line.onDemandRate())));
                boolean ranOut = false;
                for (Left l : eligible) {
                    if (budget.signum() == 0) {
                        ranOut = true;
                        break;
                    }
                    BigDecimal rate = pr.get(l.line.usageType());
                    BigDecimal cost = l.quantity.multiply(rate);
                    BigDecimal take = l.quantity;
                    if (cost.compareTo(budget) > 0) {
                        take = budget.divide(rate, COVERED_SCALE, RoundingMode.DOWN);
                        cost = take.multiply(rate);
                    }
                    budget = budget.subtract(cost);
                    l.quantity = l.quantity.subtract(take);
                    spUsed[pi] = spUsed[pi].add(cost);
                    BigDecimal od = take.multiply(l.line.onDemandRate());
                    spCoveredOd[pi] = spCoveredOd[pi].add(od);
                    l.tally.planQuantity = l.tally.planQuantity.add(take);
                    l.tally.planCost = l.tally.planCost.add(cost);
                    if (l.quantity.signum() > 0) {
                        ranOut = true; // part-way through this usage (what is left of it is a rounding's worth)
                        break;
                    }
                }
                if (!ranOut && budget.signum() > 0) {
                    spUnusedHours[pi] += period.hours();
                }
            }
            for (Left l : left) {
                l.tally.restQuantity = l.tally.restQuantity.add(l.quantity);
            }
        }
        BigDecimal allHours = BigDecimal.valueOf(usage.hours());
        BigDecimal total = BigDecimal.ZERO;
        List<CommitmentResult.ResourceCost> resources = new ArrayList<>();
        for (Map.Entry<String, Map<String, LineTally>> e : tallies.entrySet()) {
            CommitmentResult.ResourceCost c = CommitmentResult.ResourceCost.of(e.getKey(), e.getValue().values()
                    .stream().map(LineTally::result).toList());
            resources.add(c);
            total = total.add(c.cost());
        }
        List<CommitmentResult.ReservationCost> riCosts = new ArrayList<>();
        for (int r = 0; r < reservations.size(); r++) {
            ReservedInstance ri = reservations.get(r);
            ReservedOffering o = offerings.get(r);
            BigDecimal instanceHours = BigDecimal.valueOf(ri.count()).multiply(allHours);
            BigDecimal recurring = o.recurring(instanceHours);
            BigDecimal unused = instanceHours.subtract(riUsed[r]).multiply(o.hourly());
            BigDecimal upfront = o.amortisedUpfront(instanceHours);
            riCosts.add(new CommitmentResult.ReservationCost(ri, o, instanceHours, riUsed[r], recurring, unused,
                    upfront, riCoveredOd[r]));
            total = total.add(unused).add(upfront);
        }
        List<CommitmentResult.PlanCost> spCosts = new ArrayList<>();
        for (int p = 0; p < plans.size(); p++) {
            BigDecimal commitment = plans.get(p).commitmentPerHour().multiply(allHours);
            BigDecimal unused = commitment.subtract(spUsed[p]);
            spCosts.add(new CommitmentResult.PlanCost(plans.get(p), commitment, spUsed[p], unused, spUnusedHours[p],
                    spCoveredOd[p]));
            total = total.add(unused);
        }
        List<String> notes = new ArrayList<>();
        if (!reservations.isEmpty()) {
            notes.add("Reserved Instances: upfront fees amortised over the term's hours (a year of 365 days), to "
                    + AMORTISED_SCALE + " decimals; the hourly rate is charged for every hour, used or not.");
        }
        if (!plans.isEmpty()) {
            notes.add("Savings Plans: the commitment is charged every hour, used or not (an upfront payment is the "
                    + "commitment paid ahead); applied to the largest discount first, EC2 Instance plans before "
                    + "Compute plans.");
        }
        if (usage.periods().size() == 1 && usage.periods().get(0).hours() > 1) {
            notes.add("Usage is flat: the same in every hour of the " + usage.hours() + ". Usage in peaks leaves "
                    + "commitments unused off-peak and pays on-demand rates at the peak: give usageProfiles to see "
                    + "it.");
        }
        return new CommitmentResult(book.currency(), usage.hours(), usage.onDemandCost(), total, resources, riCosts,
                spCosts, notes);
    }

    /** @return each reservation's offering, or throws naming the first the rates lack */
    List<ReservedOffering> offerings(List<ReservedInstance> reservations) {
        List<ReservedOffering> offerings = new ArrayList<>();
        for (ReservedInstance ri : reservations) {
            String name = regionNames.getOrDefault(ri.region(), ri.region());
            ReservedOffering o = rates.offering(ri, name).orElseThrow(() -> new CommitmentException("reserved instance "
                    + ri.describe() + ": the offer files given have no such offering (" + rates.reserved().size()
                    + " Reserved offerings read" + (rates.files().isEmpty() ? "; give an EC2 offer file)" : ")")));
            sameCurrency(o.currency(), "reserved instance " + ri.describe(), o.file());
            offerings.add(o);
        }
        return offerings;
    }

    /** Refuses rates in another currency than the price book's: one result holds one currency. */
    private void sameCurrency(String currency, String what, String file) {
        if (!currency.equals(book.currency())) {
            throw new CommitmentException(what + ": its rates are in " + currency + " (" + file + "), the usage is "
                    + "priced in " + book.currency() + "; give the offer files of the same partition");
        }
    }

    /** What a reservation took of a line of usage. */
    interface Taken {
        void take(int reservation, Left line, BigDecimal quantity);
    }

    /** Applies the reservations, in order, to one period's usage: each up to its count × the period's hours. */
    static void reserve(List<Left> left, BigDecimal hours, List<ReservedInstance> reservations,
            List<ReservedOffering> offerings, Taken taken) {
        for (int r = 0; r < reservations.size(); r++) {
            ReservedInstance ri = reservations.get(r);
            ReservedOffering o = offerings.get(r);
            BigDecimal capacity = BigDecimal.valueOf(ri.count()).multiply(hours); // instance-hours
            for (Left l : left) {
                if (capacity.signum() == 0) {
                    break;
                }
                if (l.quantity.signum() > 0 && l.line.usageType().equals(o.usageType())
                        && l.line.region().equals(ri.region())) {
                    BigDecimal take = l.quantity.min(capacity);
                    capacity = capacity.subtract(take);
                    l.quantity = l.quantity.subtract(take);
                    taken.take(r, l, take);
                }
            }
        }
    }

    /**
     * @param usage the usage, hour by hour
     * @param reservations the reservations, applied in this order
     * @return the usage the reservations leave, period by period, for the plans and the on-demand rest
     * @throws CommitmentException if the rates lack an offering for a reservation
     */
    public HourlyUsage afterReservations(HourlyUsage usage, List<ReservedInstance> reservations) {
        List<ReservedOffering> offerings = offerings(reservations);
        List<HourlyUsage.Period> out = new ArrayList<>();
        for (HourlyUsage.Period p : usage.periods()) {
            List<Left> left = p.lines().stream().map(Left::new).toList();
            reserve(left, BigDecimal.valueOf(p.hours()), reservations, offerings, (r, l, q) -> { });
            out.add(new HourlyUsage.Period(p.hours(), left.stream().filter(l -> l.quantity.signum() > 0)
                    .map(l -> new HourlyUsage.Line(l.line.resource(), l.line.region(), l.line.usageType(), l.quantity,
                            l.line.unit(), l.line.onDemandRate())).toList()));
        }
        return new HourlyUsage(out);
    }

    /** A kind of plan: what its rates depend on (not its commitment). */
    private record PlanKind(SavingsPlanType type, Term term, Payment payment, Optional<String> family,
            Optional<String> region) {
    }

    /** Each kind's rates, read from the files once: a recommendation prices the same kind at many commitments. */
    private final Map<PlanKind, Map<String, BigDecimal>> planRates = new java.util.concurrent.ConcurrentHashMap<>();

    /** @return a plan's rates by usage type, or throws when the files give none */
    Map<String, BigDecimal> ratesOf(SavingsPlan sp) {
        return planRates.computeIfAbsent(new PlanKind(sp.type(), sp.term(), sp.payment(), sp.instanceFamily(),
                sp.region()), k -> readRates(sp));
    }

    private Map<String, BigDecimal> readRates(SavingsPlan sp) {
        Map<String, SavingsPlanRate> all = rates.savingsPlanRates(sp.type(), sp.term(), sp.payment());
        Map<String, BigDecimal> out = new HashMap<>();
        Optional<String> location = sp.region().map(r -> regionNames.getOrDefault(r, r));
        for (SavingsPlanRate r : all.values()) {
            if (sp.type() == SavingsPlanType.EC2_INSTANCE && (!r.instanceFamily().equals(sp.instanceFamily())
                    || !r.location().equals(location))) {
                continue;
            }
            sameCurrency(r.currency(), sp.describe(), r.file());
            out.put(r.usageType(), r.rate());
        }
        if (out.isEmpty()) {
            throw new CommitmentException(sp.describe() + ": the offer files given have no rates for it ("
                    + rates.savingsPlans().size() + " Savings Plans rates read" + (rates.files().isEmpty()
                            ? "; give a Savings Plans offer file)" : ")"));
        }
        return Map.copyOf(out);
    }
}
