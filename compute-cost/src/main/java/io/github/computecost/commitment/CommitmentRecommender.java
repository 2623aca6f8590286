package io.github.computecost.commitment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Savings Plans commitment that minimises a bill: the commitment per hour plus the on-demand rest, over usage
 * hour by hour, after the reservations already bought.
 *
 * <p>How: not a general optimiser but the cost's own structure. In one hour, a commitment {@code c} covers that
 * hour's eligible usage in order of discount, so the hour's cost {@code c + (on-demand cost of what is left)} is
 * piecewise linear in {@code c}, its slope {@code 1 − on-demand rate ÷ plan rate} rising from line to line (the
 * discounts fall) and then 1 once all is covered: convex. A month is a sum of hours, so its cost is convex and
 * piecewise linear too, its minimum at a breakpoint where the slope turns from negative to not. A sweep over the
 * breakpoints finds it (O(n log n) in the lines of usage); the commitments AWS sells are on a grid of
 * {@value #STEP_TEXT} per hour, and on a convex function the grid's best is the grid point just below or just above
 * that breakpoint, both priced exactly by the {@link CommitmentPricer}, with their neighbours too. A general
 * optimiser (Commons Math's, say) would converge to the same point only approximately, after many more evaluations,
 * and a brute-force search over the grid, which a property test runs, agrees with the sweep.
 */
public final class CommitmentRecommender {

    /** The step AWS sells commitments in, per hour. */
    public static final BigDecimal STEP = new BigDecimal("0.001");
    static final String STEP_TEXT = "0.001";
    /** Precision of the sweep's slopes (only which breakpoint to look at depends on it; costs are exact). */
    private static final MathContext SLOPE = MathContext.DECIMAL128;

    private CommitmentRecommender() {
    }

    /**
     * A point of the cost curve.
     *
     * @param commitmentPerHour a commitment per hour
     * @param totalExact the total cost with it, exact
     */
    public record Point(BigDecimal commitmentPerHour, BigDecimal totalExact) {
    }

    /**
     * The recommendation.
     *
     * @param plan the plan with the least total cost, or empty when no commitment saves anything
     * @param best the usage priced with it (or with none)
     * @param onDemand the usage priced with the reservations only, no plan
     * @param breakEvenUtilisation the share of the commitment that must be spent for the plan to cost no more than
     *     on-demand for what it covers: its spend ÷ the on-demand cost of the usage it covers (1 − its weighted
     *     discount), to 4 decimals; empty with no plan
     * @param curve the total cost against the commitment, from 0 to past the point where all eligible usage is covered
     */
    public record Recommendation(Optional<SavingsPlan> plan, CommitmentResult best, CommitmentResult onDemand,
            Optional<BigDecimal> breakEvenUtilisation, List<Point> curve) {

        /** @return what the plan saves against no plan (zero with none), exact */
        public BigDecimal savingExact() {
            return io.github.computecost.money.Amounts.exact(onDemand.totalExact().subtract(best.totalExact()));
        }
    }

    /**
     * @param pricer the pricer, with the rates of the plan's kind
     * @param usage the usage, hour by hour
     * @param reservations the reservations already bought, applied first
     * @param template the kind of plan to buy: its type, term, payment (and family and region for an EC2 Instance
     *     plan); its commitment is ignored
     * @return the best commitment, with the curve
     * @throws CommitmentException if the rates have none for that kind of plan, or lack a reservation's offering
     */
    public static Recommendation recommend(CommitmentPricer pricer, HourlyUsage usage,
            List<ReservedInstance> reservations, SavingsPlan template) {
        Objects.requireNonNull(template, "template");
        Map<String, BigDecimal> rates = pricer.ratesOf(template);
        HourlyUsage rest = pricer.afterReservations(usage, reservations);
        // Breakpoints: per period, the commitment per hour at which each eligible line is covered in full, and the
        // slope of the period's cost (per unit of commitment per hour) after it.
        record Break(BigDecimal spend, long hours, BigDecimal slopeChange) {
        }
        List<Break> breaks = new ArrayList<>();
        BigDecimal slope = BigDecimal.ZERO; // at c = 0, summed over periods
        BigDecimal full = BigDecimal.ZERO; // the largest per-hour spend that still covers something
        for (HourlyUsage.Period p : rest.periods()) {
            BigDecimal h = BigDecimal.valueOf(p.hours());
            List<HourlyUsage.Line> eligible = new ArrayList<>();
            for (HourlyUsage.Line l : p.lines()) {
                BigDecimal r = rates.get(l.usageType());
                if (r != null && r.signum() > 0 && l.quantity().signum() > 0 && r.compareTo(l.onDemandRate()) < 0) {
                    eligible.add(l);
                }
            }
            eligible.sort((a, b) -> rates.get(a.usageType()).multiply(b.onDemandRate())
                    .compareTo(rates.get(b.usageType()).multiply(a.onDemandRate())));
            BigDecimal previous = eligible.isEmpty() ? BigDecimal.ONE : slopeOf(eligible.get(0), rates);
            slope = slope.add(h.multiply(previous));
            BigDecimal spend = BigDecimal.ZERO;
            for (int i = 0; i < eligible.size(); i++) {
                HourlyUsage.Line l = eligible.get(i);
                spend = spend.add(l.quantity().multiply(rates.get(l.usageType())));
                BigDecimal next = i + 1 < eligible.size() ? slopeOf(eligible.get(i + 1), rates) : BigDecimal.ONE;
                breaks.add(new Break(spend, p.hours(), h.multiply(next.subtract(previous))));
                previous = next;
            }
            if (spend.signum() > 0) {
                BigDecimal perHour = spend.divide(h, 6, RoundingMode.CEILING);
                full = full.max(perHour);
            }
        }
        // Sweep the breakpoints in order of commitment per hour (spend ÷ hours, compared without dividing).
        breaks.sort((a, b) -> a.spend().multiply(BigDecimal.valueOf(b.hours()))
                .compareTo(b.spend().multiply(BigDecimal.valueOf(a.hours()))));
        BigDecimal optimum = BigDecimal.ZERO;
        if (slope.signum() < 0) {
            for (Break b : breaks) {
                slope = slope.add(b.slopeChange());
                if (slope.signum() >= 0) {
                    optimum = b.spend().divide(BigDecimal.valueOf(b.hours()), SLOPE);
                    break;
                }
            }
        }
        CommitmentResult none = pricer.price(usage, reservations, List.of());
        BigDecimal below = optimum.divide(STEP, 0, RoundingMode.FLOOR).multiply(STEP);
        CommitmentResult best = none;
        Optional<SavingsPlan> bestPlan = Optional.empty();
        for (BigDecimal c : List.of(below.subtract(STEP), below, below.add(STEP), below.add(STEP).add(STEP))) {
            if (c.signum() <= 0) {
                continue;
            }
            SavingsPlan plan = with(template, c);
            CommitmentResult r = pricer.price(usage, reservations, List.of(plan));
            if (r.totalExact().compareTo(best.totalExact()) < 0) {
                best = r;
                bestPlan = Optional.of(plan);
            }
        }
        Optional<BigDecimal> breakEven = bestPlan.isEmpty() ? Optional.empty() : Optional.of(breakEven(best));
        // The curve: 40 steps from 0 to a quarter past where everything eligible is covered (or the optimum).
        BigDecimal end = full.max(optimum).multiply(new BigDecimal("1.25"));
        BigDecimal step = end.divide(BigDecimal.valueOf(40), 3, RoundingMode.CEILING).max(STEP);
        List<Point> curve = new ArrayList<>();
        curve.add(new Point(BigDecimal.ZERO, none.totalExact()));
        for (int i = 1; i <= 40; i++) {
            BigDecimal c = step.multiply(BigDecimal.valueOf(i));
            curve.add(new Point(c, pricer.price(usage, reservations, List.of(with(template, c))).totalExact()));
        }
        return new Recommendation(bestPlan, best, none, breakEven, curve);
    }

    /** @return the template at a commitment per hour */
    static SavingsPlan with(SavingsPlan template, BigDecimal commitmentPerHour) {
        return new SavingsPlan(template.type(), template.term(), template.payment(), commitmentPerHour,
                template.instanceFamily(), template.region());
    }

    /** The slope of an hour's cost while a commitment covers this line: {@code 1 − on-demand rate ÷ plan rate}. */
    private static BigDecimal slopeOf(HourlyUsage.Line l, Map<String, BigDecimal> rates) {
        return BigDecimal.ONE.subtract(l.onDemandRate().divide(rates.get(l.usageType()), SLOPE));
    }

    private static BigDecimal breakEven(CommitmentResult r) {
        CommitmentResult.PlanCost p = r.plans().get(0);
        return p.coveredOnDemand().signum() == 0 ? BigDecimal.ONE
                : p.used().divide(p.coveredOnDemand(), 4, RoundingMode.HALF_EVEN);
    }
}
