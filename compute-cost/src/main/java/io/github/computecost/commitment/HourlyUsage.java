package io.github.computecost.commitment;

import io.github.computecost.compute.Calendar;
import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.LineItem;
import io.github.computecost.estimate.ResourceEstimate;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.RegionPrices;
import io.github.computecost.pricing.ServicePrices;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Usage with a shape in time, as commitments need it: they apply hour by hour, so the same month of usage costs
 * more under a commitment when it comes in peaks than when it is flat.
 *
 * <p>Usage is a list of {@link Period}s, each a number of identical hours. A flat month ({@link #flat}) is one
 * period of AWS's 730 hours; a daily or weekly profile is 24 or 168 periods whose hours add up to 730; a cost report
 * gives one period per hour it bills. Within a period every hour is the same, so a commitment applied to the
 * period's totals with its capacity times the period's hours is exactly the commitment applied hour by hour.
 *
 * @param periods the periods, in time order
 */
public record HourlyUsage(List<Period> periods) {

    /**
     * Keeps immutable copies of its collections.
     *
     * @param periods the periods, in time order
     */
    public HourlyUsage {
        periods = List.copyOf(periods);
    }

    /**
     * One usage of a resource in a period.
     *
     * @param resource the resource's name
     * @param region its region code
     * @param usageType the usage type as AWS bills it, with the region's prefix ({@code EU-Lambda-GB-Second},
     *     {@code BoxUsage:m5.large} in us-east-1)
     * @param quantity the quantity over the whole period (all its hours), in the usage type's unit
     * @param unit the unit ({@code Hrs}, {@code GB-Second})
     * @param onDemandRate the on-demand price per unit
     */
    public record Line(String resource, String region, String usageType, BigDecimal quantity, String unit,
            BigDecimal onDemandRate) {
        /**
         * Checks the components.
         *
         * @param resource the resource's name
         * @param region its region code
         * @param usageType the usage type as AWS bills it, with the region's prefix ({@code EU-Lambda-GB-Second},
         *     {@code BoxUsage:m5.large} in us-east-1)
         * @param quantity the quantity over the whole period (all its hours), in the usage type's unit
         * @param unit the unit ({@code Hrs}, {@code GB-Second})
         * @param onDemandRate the on-demand price per unit
         */
        public Line {
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(usageType, "usageType");
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(onDemandRate, "onDemandRate");
            if (quantity.signum() < 0 || onDemandRate.signum() < 0) {
                throw new IllegalArgumentException(resource + ": " + usageType + ": quantity and rate must be at "
                        + "least 0");
            }
        }

        /** @return quantity × on-demand rate, exact */
        public BigDecimal onDemandCost() {
            return quantity.multiply(onDemandRate);
        }
    }

    /**
     * Some identical hours of usage.
     *
     * @param hours how many hours, at least 1
     * @param lines the usage over all of them
     */
    public record Period(long hours, List<Line> lines) {
        /**
         * Checks the components.
         *
         * @param hours how many hours, at least 1
         * @param lines the usage over all of them
         */
        public Period {
            if (hours < 1) {
                throw new IllegalArgumentException("a period has at least 1 hour, was " + hours);
            }
            lines = List.copyOf(lines);
        }
    }

    /**
     * The same usage with the resources of each period merged by region, usage type and on-demand rate, each merged
     * line named by its usage type: what a Savings Plans commitment depends on, and no more. A cost report of many
     * resources becomes a few lines per hour, so that pricing it at many commitments stays fast and small; the totals
     * are the same to the last digit, only the split by resource is lost.
     *
     * @return the merged usage
     */
    public HourlyUsage byUsageType() {
        List<Period> out = new ArrayList<>(periods.size());
        for (Period p : periods) {
            java.util.Map<String, Line> merged = new java.util.LinkedHashMap<>();
            for (Line l : p.lines()) {
                merged.merge(l.region() + "|" + l.usageType() + "|" + l.unit() + "|" + l.onDemandRate().toPlainString(),
                        new Line(l.usageType(), l.region(), l.usageType(), l.quantity(), l.unit(), l.onDemandRate()),
                        (a, b) -> new Line(a.resource(), a.region(), a.usageType(), a.quantity().add(b.quantity()),
                                a.unit(), a.onDemandRate()));
            }
            out.add(new Period(p.hours(), List.copyOf(merged.values())));
        }
        return new HourlyUsage(out);
    }

    /** @return the hours of all periods */
    public long hours() {
        return periods.stream().mapToLong(Period::hours).sum();
    }

    /** @return the on-demand cost of all usage, exact */
    public BigDecimal onDemandCost() {
        BigDecimal sum = BigDecimal.ZERO;
        for (Period p : periods) {
            for (Line l : p.lines()) {
                sum = sum.add(l.onDemandCost());
            }
        }
        return sum;
    }

    /**
     * An estimate's month as flat usage: one period of {@link Calendar#HOURS_PER_MONTH} hours holding every priced
     * line item (free-tier lines, at no price, are not usage a commitment could cover), its usage type given the
     * region's prefix from the price book.
     *
     * @param estimate an estimate
     * @param book the price book it was made with
     * @return the usage
     */
    public static HourlyUsage flat(Estimate estimate, PriceBook book) {
        List<Line> lines = new ArrayList<>();
        for (ResourceEstimate r : estimate.resources()) {
            for (LineItem li : r.lineItems()) {
                if (li.unitPrice().signum() > 0 && li.quantity().signum() > 0) {
                    lines.add(new Line(r.name(), r.region(), prefix(book, r, li.usageType()) + li.usageType(),
                            li.quantity(), li.unit(), li.unitPrice()));
                }
            }
        }
        return new HourlyUsage(List.of(new Period(Calendar.HOURS_PER_MONTH.longValueExact(), lines)));
    }

    /**
     * An estimate's month spread over the hours by profiles: each line of a resource a profile names in proportion to
     * its weights, the others evenly. With a weekly profile the month is a week's 168 hours, the first 58 of them
     * five times and the rest four (730 = 4 × 168 + 58); with daily ones only, a day's 24, the first 10 hours 31 times
     * and the rest 30. A line's share of each hour is rounded down to {@value #SPREAD_SCALE} decimals and what that
     * leaves goes to its heaviest hour, so every line's month, and its on-demand cost, is exactly the estimate's.
     * With no profiles, the month is {@link #flat}.
     *
     * @param estimate an estimate
     * @param book the price book it was made with
     * @param profiles the profiles
     * @return the usage
     * @throws CommitmentException if a profile names a resource the estimate lacks
     */
    public static HourlyUsage of(Estimate estimate, PriceBook book, List<UsageProfile> profiles) {
        if (profiles.isEmpty()) {
            return flat(estimate, book);
        }
        java.util.Map<String, UsageProfile> byResource = new java.util.HashMap<>();
        profiles.forEach(p -> p.resources().forEach(r -> byResource.put(r, p)));
        for (String r : byResource.keySet()) {
            if (estimate.resources().stream().noneMatch(e -> e.name().equals(r))) {
                throw new CommitmentException("usageProfiles: no resource \"" + r + "\" was priced");
            }
        }
        int n = profiles.stream().anyMatch(UsageProfile::weekly) ? 168 : 24;
        long[] repeats = repeats(n);
        List<List<Line>> hours = new ArrayList<>();
        for (int h = 0; h < n; h++) {
            hours.add(new ArrayList<>());
        }
        for (Line l : flat(estimate, book).periods().get(0).lines()) {
            UsageProfile p = byResource.get(l.resource());
            BigDecimal[] weight = new BigDecimal[n]; // each hour's weight times its repeats
            BigDecimal sum = BigDecimal.ZERO;
            int heaviest = 0;
            for (int h = 0; h < n; h++) {
                weight[h] = (p == null ? BigDecimal.ONE : p.weightAt(h)).multiply(BigDecimal.valueOf(repeats[h]));
                sum = sum.add(weight[h]);
                heaviest = weight[h].compareTo(weight[heaviest]) > 0 ? h : heaviest;
            }
            BigDecimal given = BigDecimal.ZERO;
            BigDecimal[] share = new BigDecimal[n];
            for (int h = 0; h < n; h++) {
                share[h] = h == heaviest ? BigDecimal.ZERO : l.quantity().multiply(weight[h])
                        .divide(sum, SPREAD_SCALE, java.math.RoundingMode.DOWN);
                given = given.add(share[h]);
            }
            share[heaviest] = l.quantity().subtract(given);
            for (int h = 0; h < n; h++) {
                if (share[h].signum() > 0) {
                    hours.get(h).add(new Line(l.resource(), l.region(), l.usageType(), share[h], l.unit(),
                            l.onDemandRate()));
                }
            }
        }
        List<Period> out = new ArrayList<>();
        for (int h = 0; h < n; h++) {
            out.add(new Period(repeats[h], hours.get(h)));
        }
        return new HourlyUsage(out);
    }

    /** Decimals of a line's share of an hour when a profile spreads it. */
    public static final int SPREAD_SCALE = 12;

    /**
     * A daily profile spread over AWS's 730-hour month: hour {@code h} of the day weighs 31 for the first 10 hours
     * of the day and 30 for the rest (730 = 30 × 24 + 10), an exact whole number of hours each, rather than 730/24.
     *
     * @param day 24 lists of usage, each one hour's (quantities per hour)
     * @return the month
     */
    public static HourlyUsage daily(List<List<Line>> day) {
        return repeated(day, 24);
    }

    /**
     * A weekly profile spread over AWS's 730-hour month: the first 58 hours of the week weigh 5, the other 110
     * weigh 4 (730 = 4 × 168 + 58).
     *
     * @param week 168 lists of usage, each one hour's, from Monday 00:00 (quantities per hour)
     * @return the month
     */
    public static HourlyUsage weekly(List<List<Line>> week) {
        return repeated(week, 168);
    }

    /**
     * @return how often each hour of a day's (24) or a week's (168) profile comes in AWS's month: the month's hours
     *     shared out whole, the first ones once more for what is left (730 = 30 × 24 + 10 = 4 × 168 + 58)
     */
    private static long[] repeats(int n) {
        long month = Calendar.HOURS_PER_MONTH.longValueExact();
        long[] repeats = new long[n];
        for (int h = 0; h < n; h++) {
            repeats[h] = month / n + (h < month % n ? 1 : 0);
        }
        return repeats;
    }

    private static HourlyUsage repeated(List<List<Line>> hours, int n) {
        if (hours.size() != n) {
            throw new IllegalArgumentException("a profile of " + (n == 24 ? "a day" : "a week") + " has " + n
                    + " hours, was " + hours.size());
        }
        long[] repeats = repeats(n);
        List<Period> out = new ArrayList<>();
        for (int h = 0; h < n; h++) {
            long weight = repeats[h];
            BigDecimal w = BigDecimal.valueOf(weight);
            out.add(new Period(weight, hours.get(h).stream().map(l -> new Line(l.resource(), l.region(),
                    l.usageType(), l.quantity().multiply(w), l.unit(), l.onDemandRate())).toList()));
        }
        return new HourlyUsage(out);
    }

    /**
     * @return the prefix the price book gives the region's usage types in the first of the resource's service's tables
     *     that prices {@code usageType} (every table when the resource's type is not a registered service's)
     */
    static String prefix(PriceBook book, ResourceEstimate resource, String usageType) {
        List<String> tables = io.github.computecost.estimate.Services.forType(resource.type())
                .map(s -> s.tables()).orElse(List.copyOf(book.services().keySet()));
        for (String code : tables) {
            ServicePrices s = book.services().get(code);
            RegionPrices r = s == null ? null : s.regions().get(resource.region());
            if (r != null && r.find(usageType).isPresent()) {
                return r.usageTypePrefix();
            }
        }
        return "";
    }
}
