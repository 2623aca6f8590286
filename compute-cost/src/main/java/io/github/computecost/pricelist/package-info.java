/**
 * Refreshing pricing data from AWS's own Price List files (the bulk API's offer files,
 * {@code offers/v1.0/aws/<offerCode>/current/<region>/index.json} and its twin {@code index.csv}).
 *
 * <p>{@link io.github.computecost.pricelist.OfferReader} streams an offer file with Jackson's streaming
 * parser (or reads the CSV line by line), keeping only the on-demand rows a {@code RowFilter} asks for, so
 * memory grows with the rows kept, not with the file. {@link io.github.computecost.pricelist.PriceListImporter}
 * turns the rows into {@code pricing-data/} tables, using the bundled table of the same service as the
 * template for everything the Price List does not hold (sources, billing rules, limits, catalog, free tier),
 * and {@link io.github.computecost.pricelist.PriceDiff} lists what changed between two sets of tables.
 */
package io.github.computecost.pricelist;
