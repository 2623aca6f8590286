package io.github.computecost.commitment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Usage priced with commitments, exact. Money is conserved: {@link #totalExact()} is the sum of every resource's
 * {@link ResourceCost#cost()}, every commitment's unused part and every reservation's amortised upfront fee; and it is
 * also what the commitments charge ({@link ReservationCost#charged()}, {@link PlanCost#commitment()}) plus the
 * on-demand rest.
 *
 * @param currency the currency of every figure (the price book's)
 * @param hours the hours priced
 * @param onDemandExact what the usage costs with no commitment, exact, without trailing zeros
 * @param totalExact what it costs with them, exact, without trailing zeros
 * @param resources each resource's usage, split by what covered it, in the order met
 * @param reservations each reservation, as given
 * @param plans each Savings Plan, as given
 * @param notes the assumptions made
 */
public record CommitmentResult(String currency, long hours, BigDecimal onDemandExact, BigDecimal totalExact,
        List<ResourceCost> resources, List<ReservationCost> reservations, List<PlanCost> plans, List<String> notes) {

    /**
     * Checks the components and keeps immutable copies of its collections.
     *
     * @param currency the currency of every figure (the price book's)
     * @param hours the hours priced
     * @param onDemandExact what the usage costs with no commitment, exact, without trailing zeros
     * @param totalExact what it costs with them, exact, without trailing zeros
     * @param resources each resource's usage, split by what covered it, in the order met
     * @param reservations each reservation, as given
     * @param plans each Savings Plan, as given
     * @param notes the assumptions made
     */
    public CommitmentResult {
        Objects.requireNonNull(currency, "currency");
        onDemandExact = io.github.computecost.money.Amounts.exact(onDemandExact);
        totalExact = io.github.computecost.money.Amounts.exact(totalExact);
        resources = List.copyOf(resources);
        reservations = List.copyOf(reservations);
        plans = List.copyOf(plans);
        notes = List.copyOf(notes);
    }

    /** @return {@link #totalExact()} as a JSR-354 amount, as {@code Estimate.total()} gives it */
    public javax.money.MonetaryAmount total() {
        return io.github.computecost.money.Amounts.toMonetary(totalExact, currency);
    }

    /** @return {@link #onDemandExact()} as a JSR-354 amount */
    public javax.money.MonetaryAmount onDemand() {
        return io.github.computecost.money.Amounts.toMonetary(onDemandExact, currency);
    }

    /**
     * @return {@code onDemandExact − totalExact}: what the commitments save (negative when they cost more than they
     *     cover), exact
     */
    public BigDecimal savingExact() {
        return io.github.computecost.money.Amounts.exact(onDemandExact.subtract(totalExact));
    }

    /** @return the unused parts of every commitment, exact */
    public BigDecimal unusedExact() {
        BigDecimal u = BigDecimal.ZERO;
        for (ReservationCost r : reservations) {
            u = u.add(r.unused());
        }
        for (PlanCost p : plans) {
            u = u.add(p.unused());
        }
        return u;
    }

    /**
     * One resource's usage, by what covered it.
     *
     * @param resource its name
     * @param onDemand what its usage costs at on-demand rates
     * @param reservedQuantity the quantity a reservation covered (instance-hours)
     * @param reservedCost that quantity at the reservation's hourly rate
     * @param reservedCoveredOnDemand the on-demand cost of that quantity
     * @param planCoveredOnDemand the on-demand cost of the usage Savings Plans covered
     * @param planCost that usage at the plans' rates
     * @param rest the on-demand cost of the usage nothing covered
     * @param lines the same by usage type and on-demand rate (a tiered usage has a line per tier)
     */
    public record ResourceCost(String resource, BigDecimal onDemand, BigDecimal reservedQuantity,
            BigDecimal reservedCost, BigDecimal reservedCoveredOnDemand, BigDecimal planCoveredOnDemand,
            BigDecimal planCost, BigDecimal rest, List<LineCost> lines) {

        /**
         * Keeps immutable copies of its collections.
         *
         * @param resource its name
         * @param onDemand what its usage costs at on-demand rates
         * @param reservedQuantity the quantity a reservation covered (instance-hours)
         * @param reservedCost that quantity at the reservation's hourly rate
         * @param reservedCoveredOnDemand the on-demand cost of that quantity
         * @param planCoveredOnDemand the on-demand cost of the usage Savings Plans covered
         * @param planCost that usage at the plans' rates
         * @param rest the on-demand cost of the usage nothing covered
         * @param lines the same by usage type and on-demand rate (a tiered usage has a line per tier)
         */
        public ResourceCost {
            lines = List.copyOf(lines);
        }

        /**
         * @param resource the resource's name
         * @param lines its usage by usage type and rate
         * @return the resource's figures: its lines' sums
         */
        public static ResourceCost of(String resource, List<LineCost> lines) {
            BigDecimal onDemand = BigDecimal.ZERO;
            BigDecimal reservedQuantity = BigDecimal.ZERO;
            BigDecimal reservedCost = BigDecimal.ZERO;
            BigDecimal reservedOnDemand = BigDecimal.ZERO;
            BigDecimal planOnDemand = BigDecimal.ZERO;
            BigDecimal planCost = BigDecimal.ZERO;
            BigDecimal rest = BigDecimal.ZERO;
            for (LineCost l : lines) {
                onDemand = onDemand.add(l.onDemand());
                reservedQuantity = reservedQuantity.add(l.reservedQuantity());
                reservedCost = reservedCost.add(l.reservedCost());
                reservedOnDemand = reservedOnDemand.add(l.reservedQuantity().multiply(l.onDemandRate()));
                planOnDemand = planOnDemand.add(l.planQuantity().multiply(l.onDemandRate()));
                planCost = planCost.add(l.planCost());
                rest = rest.add(l.rest());
            }
            return new ResourceCost(resource, onDemand, reservedQuantity, reservedCost, reservedOnDemand, planOnDemand,
                    planCost, rest, lines);
        }

        /** @return what the resource costs: reserved + plan + rest */
        public BigDecimal cost() {
            return reservedCost.add(planCost).add(rest);
        }

        /** @return {@code onDemand − cost()}, before the commitments' unused parts and upfront fees */
        public BigDecimal saving() {
            return onDemand.subtract(cost());
        }
    }

    /**
     * One usage type of a resource at one on-demand rate, by what covered it: the covered usage at its reservation's
     * or plan's rate, beside its on-demand equivalent.
     *
     * @param usageType the usage type, as AWS bills it
     * @param unit its unit
     * @param onDemandRate its on-demand rate
     * @param quantity the quantity over the hours priced
     * @param reservedQuantity the part reservations covered
     * @param reservedCost that part at their hourly rates
     * @param planQuantity the part Savings Plans covered
     * @param planCost that part at their rates
     * @param restQuantity the part nothing covered, at the on-demand rate
     */
    public record LineCost(String usageType, String unit, BigDecimal onDemandRate, BigDecimal quantity,
            BigDecimal reservedQuantity, BigDecimal reservedCost, BigDecimal planQuantity, BigDecimal planCost,
            BigDecimal restQuantity) {

        /** @return quantity × the on-demand rate */
        public BigDecimal onDemand() {
            return quantity.multiply(onDemandRate);
        }

        /** @return the rest at the on-demand rate */
        public BigDecimal rest() {
            return restQuantity.multiply(onDemandRate);
        }

        /** @return the covered parts at their rates plus the rest */
        public BigDecimal cost() {
            return reservedCost.add(planCost).add(rest());
        }

        /** @return {@code onDemand() − cost()} */
        public BigDecimal saving() {
            return onDemand().subtract(cost());
        }
    }

    /**
     * One reservation over the hours priced.
     *
     * @param reservation what was bought
     * @param offering the offering its rates came from
     * @param instanceHours the instance-hours it runs for: count × hours
     * @param usedHours the instance-hours it covered
     * @param recurring count × hours × the hourly rate, used or not
     * @param unused the unused hours at the hourly rate
     * @param amortisedUpfront the upfront fees' share of the hours (upfront × count × hours ÷ the term's hours)
     * @param coveredOnDemand the on-demand cost of what it covered
     */
    public record ReservationCost(ReservedInstance reservation, ReservedOffering offering, BigDecimal instanceHours,
            BigDecimal usedHours, BigDecimal recurring, BigDecimal unused, BigDecimal amortisedUpfront,
            BigDecimal coveredOnDemand) {

        /** @return what the reservation charges over the hours: recurring + amortised upfront */
        public BigDecimal charged() {
            return recurring.add(amortisedUpfront);
        }

        /** @return {@code coveredOnDemand − charged()} */
        public BigDecimal saving() {
            return coveredOnDemand.subtract(charged());
        }
    }

    /**
     * One Savings Plan over the hours priced.
     *
     * @param plan what was bought
     * @param commitment the commitment × the hours: what the plan charges, used or not
     * @param used the commitment spent on usage (at the plan's rates)
     * @param unused the commitment left unspent: {@code commitment − used}
     * @param unusedHours the hours in which some of the commitment went unspent
     * @param coveredOnDemand the on-demand cost of what it covered
     */
    public record PlanCost(SavingsPlan plan, BigDecimal commitment, BigDecimal used, BigDecimal unused,
            long unusedHours, BigDecimal coveredOnDemand) {

        /** @return the share of the commitment spent, 0 to 1, to 4 decimals (half even) */
        public BigDecimal utilisation() {
            return commitment.signum() == 0 ? BigDecimal.ZERO
                    : used.divide(commitment, 4, java.math.RoundingMode.HALF_EVEN);
        }

        /** @return {@code coveredOnDemand − commitment} */
        public BigDecimal saving() {
            return coveredOnDemand.subtract(commitment);
        }
    }
}
