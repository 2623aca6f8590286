package io.github.computecost.pricing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * The dates of a set of prices: the oldest and the newest {@link Provenance#asOf()} among them.
 *
 * @param oldest the date of the oldest price
 * @param newest the date of the newest price, not before {@code oldest}
 */
public record PriceDates(LocalDate oldest, LocalDate newest) {
    /**
     * Checks the components.
     *
     * @param oldest the date of the oldest price
     * @param newest the date of the newest price, not before {@code oldest}
     */
    public PriceDates {
        Objects.requireNonNull(oldest, "oldest");
        Objects.requireNonNull(newest, "newest");
        if (newest.isBefore(oldest)) {
            throw new IllegalArgumentException("newest " + newest + " must not be before oldest " + oldest);
        }
    }

    /**
     * @param date the price's date
     * @return the dates of one price
     */
    public static PriceDates of(LocalDate date) {
        return new PriceDates(date, date);
    }

    /**
     * @param date another date
     * @return the range covering this one and {@code date}
     */
    public PriceDates including(LocalDate date) {
        return new PriceDates(date.isBefore(oldest) ? date : oldest, date.isAfter(newest) ? date : newest);
    }

    /**
     * @param a one range, or empty
     * @param b another range, or empty
     * @return {@code a} widened by {@code b}; either may be empty
     */
    public static Optional<PriceDates> merge(Optional<PriceDates> a, Optional<PriceDates> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return Optional.of(a.get().including(b.get().oldest()).including(b.get().newest()));
    }

    /**
     * @param today the date to count to
     * @return whole days from the newest price to {@code today} (negative if the price is dated later)
     */
    public long newestAgeDays(LocalDate today) {
        return ChronoUnit.DAYS.between(newest, today);
    }

    /**
     * @param today the date to count to
     * @return whole days from the oldest price to {@code today}
     */
    public long oldestAgeDays(LocalDate today) {
        return ChronoUnit.DAYS.between(oldest, today);
    }
}
