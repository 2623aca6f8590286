package io.github.computecost.rerate;

import io.github.computecost.Progress;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A reader of exports in a format the library does not read itself, found with {@link java.util.ServiceLoader}:
 * {@link Rerater#rate(Path)} hands a Parquet file, or a directory of {@code .parquet} parts, to the reader of
 * {@link #PARQUET}, which the module {@code compute-cost-parquet} provides. Without one on the class or module path,
 * such an export is refused, naming the module to add.
 *
 * <p>A reader rates every row through {@link Rerater#partial}, as the same export as CSV would be, so the figures and
 * the rows skipped by reason are the same whatever the format.
 */
public interface ExportReader {

    /** The format of Apache Parquet files (CUR 2.0's default delivery, and FOCUS's). */
    String PARQUET = "parquet";

    /** @return the format read, such as {@link #PARQUET} */
    String format();

    /**
     * @param rerater the re-rater, with its options
     * @param path the export: a file, or a directory whose files are its parts
     * @param progress told what has been read (rows, and the bytes of the parts read so far), about twice a second
     *     and once at the end; {@code null} for no one
     * @return the re-rating, as {@link Rerater#rate(Path)} gives it for the same export as CSV
     * @throws UsageExportException if the export cannot be read, naming the file and what is wrong
     */
    Rerater.Result rate(Rerater rerater, Path path, Consumer<Progress> progress);
}
