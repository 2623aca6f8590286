package io.github.computecost.pricing;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Where figures in a pricing-data file come from.
 *
 * @param id the id other entries of the file cite it by
 * @param url the AWS page, Price List address or public file the figures were read from
 * @param title what the source is
 * @param asOf the date of the figures as the source gives it (its publication date, or the date of the
 *     data it holds): the age of a price is counted from the newest {@code asOf} of its sources
 * @param checked the date the figures were last read from the source and compared
 * @param note caveats (for example "read from a stored copy", "third party"), possibly empty
 */
public record Source(String id, String url, String title, LocalDate asOf, LocalDate checked, Optional<String> note) {
    /**
     * Checks the components.
     *
     * @param id the id other entries of the file cite it by
     * @param url the AWS page, Price List address or public file the figures were read from
     * @param title what the source is
     * @param asOf the date of the figures as the source gives it (its publication date, or the date of the data it
     *     holds): the age of a price is counted from the newest {@code asOf} of its sources
     * @param checked the date the figures were last read from the source and compared
     * @param note caveats (for example "read from a stored copy", "third party"), possibly empty
     */
    public Source {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(checked, "checked");
        Objects.requireNonNull(note, "note");
    }
}
