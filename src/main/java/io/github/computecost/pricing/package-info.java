/**
 * The price and limit tables: {@link io.github.computecost.pricing.PriceBook} loads the bundled,
 * versioned, sourced tables from {@code pricing-data/} (inside the jar) and, optionally, a user's
 * directory that overrides or extends them.
 *
 * <p>Every table records where its figures come from (AWS page or Price List usage type), when they were
 * checked and whether they are confirmed. Tiers are half-open ranges {@code [fromInclusive,
 * toExclusive)}, the last one open; loading checks that they start at zero and abut.
 *
 * <p>All types are immutable and thread-safe. No method returns {@code null}.
 */
package io.github.computecost.pricing;
