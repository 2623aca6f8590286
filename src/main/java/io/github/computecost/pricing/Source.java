package io.github.computecost.pricing;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Where figures in a pricing-data file come from.
 *
 * @param id the id other entries of the file cite it by
 * @param url the AWS page or Price List address
 * @param title what the source is
 * @param checked the date the figures were last checked against it
 * @param note caveats (for example "read from a stored copy"), possibly empty
 */
public record Source(String id, String url, String title, LocalDate checked, Optional<String> note) {
    public Source {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(checked, "checked");
        Objects.requireNonNull(note, "note");
    }
}
