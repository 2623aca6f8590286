/**
 * The price and limit tables: {@link io.github.computecost.pricing.PriceBook} loads the bundled,
 * versioned, sourced tables from {@code pricing-data/} (inside the jar, each read when first used) and,
 * optionally, a user's directory that overrides or extends them. A price book holds one currency: the default
 * one prices AWS's commercial and GovCloud regions in USD, {@code PriceBook.bundled("aws-cn")} China's in CNY.
 *
 * <p>Every price (service, region, usage type, tier) carries its {@link io.github.computecost.pricing.Provenance}:
 * the sources that give it, the date it is known to hold (the newest date of those sources' figures) and whether
 * it was read from them ({@code confirmed}) or computed by a {@link io.github.computecost.pricing.DerivationRule}
 * the table states ({@code derived}). A price that no source gives is absent: {@link
 * io.github.computecost.pricing.RegionPrices#table(String)} refuses it with a {@link
 * io.github.computecost.pricing.PriceUnavailableException} naming the region and usage type, and no price is
 * ever copied from another region or architecture.
 *
 * <p>Tiers are half-open ranges {@code [fromInclusive, toExclusive)}; loading checks that they start at zero and
 * abut. The last is open unless no source prices usage beyond it ({@link
 * io.github.computecost.pricing.PriceTable#pricedUpTo()}).
 *
 * <p>All types are immutable and thread-safe. No method returns {@code null}.
 */
package io.github.computecost.pricing;
