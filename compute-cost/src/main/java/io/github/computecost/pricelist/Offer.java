package io.github.computecost.pricelist;

import java.util.List;
import java.util.Objects;

/**
 * The rows kept from one offer file, with its identity.
 *
 * @param file the file read
 * @param offerCode the service code, {@code "AWSLambda"}
 * @param version the offer's version
 * @param publicationDate the offer's publication date (ISO-8601 text as in the file)
 * @param rows the on-demand rows kept
 * @param skipped rows passed over, counted by reason
 */
public record Offer(String file, String offerCode, String version, String publicationDate, List<OfferRow> rows,
        java.util.Map<String, Long> skipped) {
    /**
     * Checks the components and keeps immutable copies of its collections.
     *
     * @param file the file read
     * @param offerCode the service code, {@code "AWSLambda"}
     * @param version the offer's version
     * @param publicationDate the offer's publication date (ISO-8601 text as in the file)
     * @param rows the on-demand rows kept
     * @param skipped rows passed over, counted by reason
     */
    public Offer {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(offerCode, "offerCode");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(publicationDate, "publicationDate");
        rows = List.copyOf(rows);
        skipped = java.util.Map.copyOf(skipped);
    }
}
