package io.github.computecost.parquet;

import io.github.computecost.Progress;
import io.github.computecost.rerate.ColumnBatch;
import io.github.computecost.rerate.ExportReader;
import io.github.computecost.rerate.Partial;
import io.github.computecost.rerate.Rerater;
import io.github.computecost.rerate.RowBytes;
import io.github.computecost.rerate.UsageExportException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Re-rates an export delivered as Parquet (CUR 2.0's default, or FOCUS), a file or a directory of part files, on one
 * machine: each row is read by the library's own reader ({@link Rerater#partial}), as a CSV line would be, so the
 * figures and the rows skipped by reason are those of the same export as CSV. Columns are found by name, as in a CSV
 * header. Values become the text a CSV export writes: a {@code double} (CUR 2.0's costs and amounts) its shortest
 * decimal ({@link RowBytes#decimal}, the digits of {@link BigDecimal#valueOf(double)}), a decimal its plain digits, a
 * timestamp its ISO-8601 UTC day (only a start's month is read), a {@code map<string,string>} (CUR 2.0's
 * {@code resource_tags}, FOCUS's {@code Tags}) its JSON object; other nested columns are not read. Only the columns
 * the re-rating reads are read from the file ({@link Partial#reads}). When those are all flat text, doubles and
 * timestamps (a CUR 2.0 or FOCUS export read without its tag map) a row group is read column by column, a batch of
 * 8,192 rows at a time, and summed from its columns ({@link Partial#add(ColumnBatch)}): the same
 * figures, sooner.
 *
 * <p>Reader: Apache parquet-java (the reference implementation; why it and not DuckDB's JDBC driver is in the README),
 * its column readers used directly, its pages decompressed by {@link PureJavaCodecs}; it loads a few classes of
 * Hadoop's client API: no cluster, no service, no network, no native code. {@link Rerater#rate(Path)} finds it through
 * {@link Reader} when this module is on the class or module path.
 */
public final class ParquetExport {

    private ParquetExport() {
    }

    /**
     * @param rerater the re-rater, with its options (the price book, free tier, what-if, tags, input format)
     * @param path a Parquet file, or a directory whose {@code *.parquet} files are the parts of one export, read in
     *     the order of their names
     * @return the re-rating, as {@link Rerater#rate(Path)} gives it for the same export as CSV
     * @throws UsageExportException if the path is missing, not Parquet, or its columns are not an export's
     */
    public static Rerater.Result rate(Rerater rerater, Path path) {
        return rate(rerater, path, null);
    }

    /**
     * The same, telling {@code progress} what has been read.
     *
     * @param rerater the re-rater, with its options
     * @param path a Parquet file, or a directory of {@code *.parquet} parts
     * @param progress told the rows read and the bytes of the row groups read so far (of the parts' total size),
     *     about twice a second and once at the end; {@code null} for no one
     * @return the re-rating, as {@link Rerater#rate(Path)} gives it for the same export as CSV
     * @throws UsageExportException if the path is missing, not Parquet, or its columns are not an export's
     */
    public static Rerater.Result rate(Rerater rerater, Path path, Consumer<Progress> progress) {
        Objects.requireNonNull(rerater, "rerater");
        List<Path> parts = parts(path);
        Tally tally = progress == null ? null : new Tally(progress, size(parts));
        Partial merged = null;
        for (int p = 0; p < parts.size(); p++) {
            Partial part = read(rerater, parts.get(p), p, path.toString(), tally);
            try {
                merged = merged == null ? part : merged.merge(part);
            } catch (IllegalArgumentException e) { // another schema: not a part of the same export
                throw new UsageExportException(parts.get(p) + ": its columns are not those of " + parts.get(0)
                        + "; the parts of one export share one schema");
            }
        }
        if (tally != null) {
            tally.report(true);
        }
        return rerater.rate(merged);
    }

    /** The reader {@link Rerater#rate(Path)} finds for Parquet ({@link java.util.ServiceLoader}). */
    public static final class Reader implements ExportReader {

        /** A reader; {@link java.util.ServiceLoader} makes it. */
        public Reader() {
        }

        @Override
        public String format() {
            return PARQUET;
        }

        @Override
        public Rerater.Result rate(Rerater rerater, Path path, Consumer<Progress> progress) {
            return ParquetExport.rate(rerater, path, progress);
        }
    }

    private static OptionalLong size(List<Path> parts) {
        long total = 0;
        for (Path p : parts) {
            try {
                total += Files.size(p);
            } catch (IOException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(total);
    }

    /** What has been read, reported about twice a second: rows, and the row groups' bytes (a share of a group's). */
    private static final class Tally {
        private static final long EVERY = 500_000_000L;
        private final Consumer<Progress> listener;
        private final OptionalLong total;
        private final long started = System.nanoTime();
        private long next = started + EVERY;
        long rows;
        /** Bytes of the row groups read, and of the one being read. */
        long bytesBefore;
        long groupBytes;
        long groupRows;
        long rowInGroup;

        Tally(Consumer<Progress> listener, OptionalLong total) {
            this.listener = listener;
            this.total = total;
        }

        void group(long bytes, long rowCount) {
            bytesBefore += groupBytes;
            groupBytes = bytes;
            groupRows = rowCount;
            rowInGroup = 0;
        }

        void row() {
            rows++;
            if ((++rowInGroup & 4095) == 0 && System.nanoTime() >= next) {
                report(false);
            }
        }

        /** Tells of {@code n} more rows of the row group read. */
        void rows(int n) {
            rows += n;
            rowInGroup += n;
            if (System.nanoTime() >= next) {
                report(false);
            }
        }

        void report(boolean done) {
            long now = System.nanoTime();
            next = now + EVERY;
            long bytes = done ? bytesBefore + groupBytes
                    : bytesBefore + (groupRows == 0 ? 0 : groupBytes * rowInGroup / groupRows);
            listener.accept(new Progress(rows, bytes, total, Duration.ofNanos(now - started), done));
        }
    }

    private static List<Path> parts(Path path) {
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.list(path)) {
                List<Path> parts = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).sorted().toList();
                if (parts.isEmpty()) {
                    throw new UsageExportException(path + ": a directory without .parquet files");
                }
                return parts;
            } catch (IOException e) {
                throw new UsageExportException(path + ": cannot be read: " + e.getMessage());
            }
        }
        if (!Files.exists(path)) {
            throw new UsageExportException(path + ": file not found");
        }
        return List.of(path);
    }

    private static Partial read(Rerater rerater, Path file, int part, String name, Tally tally) {
        try (ParquetFileReader reader = PureJavaCodecs.open(file)) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            List<String> header = new ArrayList<>();
            for (Type f : schema.getFields()) {
                header.add(f.getName());
            }
            Partial partial = rerater.partial(header, name, part);
            int columns = Math.min(header.size(), partial.columnsRead());
            boolean flat = true; // the columns read (a real CUR 2.0 export has maps among those that are not)
            for (int c = 0; c < columns; c++) {
                Type t = schema.getType(c);
                flat &= !partial.reads(c) || t.isPrimitive() && !t.isRepetition(Type.Repetition.REPEATED);
            }
            boolean batched = flat; // and each column read text, a double or a timestamp (CUR 2.0's, FOCUS's)
            for (int c = 0; c < columns && batched; c++) {
                if (partial.reads(c)) {
                    Kind k = Kind.of(schema.getType(c).asPrimitiveType());
                    batched = k == Kind.TEXT || k == Kind.DOUBLE || k.perSecond > 0;
                }
            }
            if (batched) {
                batches(reader, schema, columns, partial, tally);
            } else if (flat) {
                columns(reader, schema, columns, partial, tally);
            } else {
                records(reader, schema, columns, partial, tally);
            }
            return partial;
        } catch (NoSuchFileException e) {
            throw new UsageExportException(file + ": file not found");
        } catch (IOException | RuntimeException e) {
            if (e instanceof UsageExportException u) {
                throw u;
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof PureJavaCodecs.UnsupportedCodecException codec) {
                    throw new UsageExportException(file + ": " + codec.getMessage());
                }
            }
            String why = String.valueOf(e.getMessage()) // parquet-java names the file by its object
                    .replaceAll("org\\.apache\\.parquet\\.io\\.LocalInputFile@\\p{XDigit}+", "the file");
            throw new UsageExportException(file + ": not a Parquet file that can be read: " + why);
        }
    }

    /** How a primitive column's values become a row's text, by its type; both readers below go by it. */
    private enum Kind {
        TEXT, DOUBLE, FLOAT, INT32, INT64, BOOLEAN, DECIMAL, INT96, MILLIS(1_000L), MICROS(1_000_000L),
        NANOS(1_000_000_000L);

        /** For a timestamp, its units in a second. */
        final long perSecond;

        Kind() {
            this(0);
        }

        Kind(long perSecond) {
            this.perSecond = perSecond;
        }

        static Kind of(PrimitiveType p) {
            LogicalTypeAnnotation logical = p.getLogicalTypeAnnotation();
            if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
                return DECIMAL;
            }
            if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation t) {
                return switch (t.getUnit()) {
                    case MILLIS -> MILLIS;
                    case MICROS -> MICROS;
                    case NANOS -> NANOS;
                };
            }
            return switch (p.getPrimitiveTypeName()) {
                case DOUBLE -> DOUBLE;
                case FLOAT -> FLOAT;
                case INT32 -> INT32;
                case INT64 -> INT64;
                case BOOLEAN -> BOOLEAN;
                case INT96 -> INT96;
                default -> TEXT;
            };
        }

        /** @return a decimal column's scale */
        static int scale(PrimitiveType p) {
            return ((LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) p.getLogicalTypeAnnotation()).getScale();
        }
    }

    /**
     * The columns a flat export's re-rating reads ({@link Partial#reads}), as parquet-java's column readers read them:
     * only their chunks are read from the file, and a column not read has no reader (it is left empty, its pages never
     * decoded).
     */
    private static final class Projection {
        /** Per column of the file: its description and kind if it is read, else null. */
        final ColumnDescriptor[] described;
        final Kind[] kinds;
        /** How many columns are read: the converters a row group's readers are given, in the file's order. */
        final int fields;
        private final MessageType schema;
        private final String createdBy;

        /** Asks {@code reader} for the chunks of the columns {@code partial} reads only. */
        Projection(ParquetFileReader reader, MessageType file, int columns, Partial partial) {
            described = new ColumnDescriptor[columns];
            kinds = new Kind[columns];
            List<Type> read = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                if (partial.reads(c)) {
                    PrimitiveType p = file.getType(c).asPrimitiveType();
                    described[c] = file.getColumnDescription(new String[] {p.getName()});
                    kinds[c] = Kind.of(p);
                    read.add(p);
                }
            }
            fields = read.size();
            schema = new MessageType(file.getName(), read);
            reader.setRequestedSchema(schema);
            createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
        }

        /** @return a row group's reader of each column read, null for the others; values go to {@code root}'s fields */
        ColumnReader[] readers(PageReadStore pages, Ignored root) {
            ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, root, schema, createdBy);
            ColumnReader[] readers = new ColumnReader[described.length];
            for (int c = 0; c < described.length; c++) {
                if (described[c] != null) {
                    readers[c] = store.getColumnReader(described[c]);
                }
            }
            return readers;
        }
    }

    /** Rows read from each column in turn before the batch is summed: a few hundred kB of values, in the cache. */
    static final int BATCH_ROWS = 8_192;

    /**
     * Reads the columns read (all flat, each text, a double or a timestamp) column by column, {@link #BATCH_ROWS} rows
     * at a time, into a {@link ColumnBatch} the partial sums from ({@link Partial#add(ColumnBatch)}): each text value
     * as its number (a dictionary page's values numbered once per column chunk, a plain page's value by value), each
     * double as it is, each timestamp as the number of its day's text. A column's values are read in one loop (the
     * reader's calls for one column, then the next), where a row at a time goes through every column's reader in
     * turn; the figures are those of the same rows read one by one. Columns not read are left empty and their pages
     * are not decoded.
     */
    private static void batches(ParquetFileReader reader, MessageType schema, int columns, Partial partial,
            Tally tally) throws IOException {
        Projection read = new Projection(reader, schema, columns, partial);
        ColumnDescriptor[] described = read.described;
        Kind[] kinds = read.kinds;
        TextNumbers[] texts = new TextNumbers[columns];
        Instants[] instants = new Instants[columns];
        org.apache.parquet.io.api.PrimitiveConverter[] converters =
                new org.apache.parquet.io.api.PrimitiveConverter[read.fields];
        for (int c = 0, field = 0; c < columns; c++) {
            if (described[c] != null) {
                if (kinds[c] == Kind.TEXT) {
                    texts[c] = new TextNumbers(partial);
                    converters[field++] = texts[c];
                } else {
                    instants[c] = kinds[c].perSecond > 0 ? new Instants(partial) : null;
                    converters[field++] = Ignored.NOTHING;
                }
            }
        }
        Ignored root = new Ignored(converters);
        ColumnBatch batch = new ColumnBatch(columns);
        PageReadStore pages;
        for (int group = 0; (pages = nextGroup(reader, group, tally)) != null; group++) {
            ColumnReader[] readers = read.readers(pages, root);
            for (long done = 0, rows = pages.getRowCount(); done < rows; ) {
                int n = (int) Math.min(BATCH_ROWS, rows - done);
                batch.clear(n);
                for (int c = 0; c < columns; c++) {
                    ColumnReader r = readers[c];
                    if (r == null) {
                        continue; // empty in every row
                    }
                    int defined = described[c].getMaxDefinitionLevel();
                    switch (kinds[c]) {
                        case TEXT -> texts[c].read(r, defined, batch.numbers(c), n);
                        case DOUBLE -> doubles(r, defined, batch, c, n);
                        default -> instants[c].read(r, defined, batch.numbers(c), n, kinds[c].perSecond);
                    }
                }
                partial.add(batch);
                done += n;
                if (tally != null) {
                    tally.rows(n);
                }
            }
        }
    }

    /** Reads {@code n} doubles of column {@code c} into the batch. */
    private static void doubles(ColumnReader r, int defined, ColumnBatch batch, int c, int n) {
        double[] out = batch.doubles(c);
        for (int i = 0; i < n; i++) {
            if (r.getCurrentDefinitionLevel() < defined) {
                batch.empty(c, i);
            } else {
                out[i] = r.getDouble();
            }
            r.consume();
        }
    }

    /**
     * Reads the columns read (all flat) with parquet-java's column readers, value by value, without assembling
     * records: text stays its UTF-8 bytes, a double is written as its shortest decimal straight into the row's buffer,
     * a timestamp as its day (only its month is read), each value of a dictionary page with its number in the partial.
     * The columns not read are left empty and
     * their pages are not decoded: a real export has over a hundred columns, and about a dozen are read.
     */
    private static void columns(ParquetFileReader reader, MessageType schema, int columns, Partial partial,
            Tally tally) throws IOException {
        Projection read = new Projection(reader, schema, columns, partial);
        ColumnDescriptor[] described = read.described;
        Kind[] kinds = read.kinds;
        int[] scales = new int[columns];
        for (int c = 0; c < columns; c++) {
            if (kinds[c] == Kind.DECIMAL) {
                scales[c] = Kind.scale(schema.getType(c).asPrimitiveType());
            }
        }
        RowBytes values = new RowBytes(columns);
        Instants[] instants = new Instants[columns]; // per timestamp column: each caches days in its own units
        for (int c = 0; c < columns; c++) {
            if (kinds[c] != null && kinds[c].perSecond > 0) {
                instants[c] = new Instants(partial);
            }
        }
        org.apache.parquet.io.api.PrimitiveConverter[] converters =
                new org.apache.parquet.io.api.PrimitiveConverter[read.fields];
        for (int c = 0, field = 0; c < columns; c++) {
            if (described[c] != null) {
                converters[field++] = kinds[c] == Kind.TEXT ? new TextColumn(values, partial) : Ignored.NOTHING;
            }
        }
        Ignored root = new Ignored(converters);
        PageReadStore pages;
        int[] defined = new int[columns];
        for (int c = 0; c < columns; c++) {
            defined[c] = described[c] == null ? 0 : described[c].getMaxDefinitionLevel();
        }
        for (int group = 0; (pages = nextGroup(reader, group, tally)) != null; group++) {
            ColumnReader[] readers = read.readers(pages, root);
            for (long i = 0, rows = pages.getRowCount(); i < rows; i++) {
                values.clear();
                for (int c = 0; c < columns; c++) {
                    ColumnReader r = readers[c];
                    if (r == null) {
                        values.add((byte[]) null);
                        continue;
                    }
                    if (r.getCurrentDefinitionLevel() < defined[c]) {
                        values.add((byte[]) null);
                    } else {
                        switch (kinds[c]) {
                            case TEXT -> r.writeCurrentValueToConverter(); // into values: see TextColumn
                            case DOUBLE -> values.add(r.getDouble());
                            case FLOAT -> values.add(RowBytes.decimal(r.getFloat()));
                            case INT32 -> values.add(Integer.toString(r.getInteger()));
                            case INT64 -> values.add(Long.toString(r.getLong()));
                            case BOOLEAN -> values.add(Boolean.toString(r.getBoolean()));
                            case DECIMAL -> values.add(decimal(r, described[c], scales[c]));
                            case MILLIS, MICROS, NANOS -> instants[c].add(values, r.getLong(), kinds[c].perSecond);
                            case INT96 -> values.add(int96(r.getBinary().getBytes()));
                        }
                    }
                    r.consume();
                }
                partial.add(values);
                if (tally != null) {
                    tally.row();
                }
            }
        }
    }

    /** @return the file's next row group (told to the tally), or null after the last */
    private static PageReadStore nextGroup(ParquetFileReader reader, int group, Tally tally) throws IOException {
        PageReadStore pages = reader.readNextRowGroup();
        if (pages != null && tally != null) {
            tally.group(reader.getRowGroups().get(group).getCompressedSize(), pages.getRowCount());
        }
        return pages;
    }

    private static String decimal(ColumnReader r, ColumnDescriptor d, int scale) {
        BigInteger unscaled = switch (d.getPrimitiveType().getPrimitiveTypeName()) {
            case INT32 -> BigInteger.valueOf(r.getInteger());
            case INT64 -> BigInteger.valueOf(r.getLong());
            default -> new BigInteger(r.getBinary().getBytes());
        };
        return new BigDecimal(unscaled, scale).toPlainString();
    }

    /**
     * Instants as their ISO-8601 UTC day ({@code 2026-10-05}), each day numbered by the partial
     * ({@link Partial#intern}): only a start's month is read, and a bill's rows share a few days (in any order), so a
     * day's text and number are made when it is first met and kept among the last 64 days met, and the time of day is
     * never written.
     */
    private static final class Instants {
        private final Partial partial;
        /** The days met last, by their day's last bits: each day since the epoch, its text and its number. */
        private static final int CACHED = 64;
        private final long[] days = new long[CACHED];
        private final byte[][] texts = new byte[CACHED][];
        private final int[] numbers = new int[CACHED];

        Instants(Partial partial) {
            this.partial = partial;
        }

        /** Reads {@code n} instants of a column into {@code out}: each its day's number, or -1 for none. */
        void read(ColumnReader r, int defined, int[] out, int n, long perSecond) {
            for (int i = 0; i < n; i++) {
                out[i] = r.getCurrentDefinitionLevel() < defined ? -1 : number(r.getLong(), perSecond);
                r.consume();
            }
        }

        /** @return the number of the day's text ({@link Partial#intern}) of an instant, as {@link #add} writes it */
        int number(long units, long perSecond) {
            long d = day(units, perSecond);
            int slot = cached(d);
            if (slot < 0) {
                byte[] far = far(d);
                return partial.intern(far, 0, far.length);
            }
            return numbers[slot];
        }

        /** @return the slot of the cache holding day {@code d}'s text and number, or -1 for a year beyond 0 to 9999 */
        private int cached(long d) {
            int slot = (int) d & (CACHED - 1);
            if (texts[slot] == null || days[slot] != d) {
                byte[] text = text(d);
                if (text == null) {
                    return -1;
                }
                days[slot] = d;
                texts[slot] = text;
                numbers[slot] = partial.intern(text, 0, text.length);
            }
            return slot;
        }

        /** @return the ISO-8601 text of a day whose year is beyond 0 to 9999 (signed, more digits), not cached */
        private static byte[] far(long d) {
            return java.time.LocalDate.ofEpochDay(d).toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }

        private static long day(long units, long perSecond) {
            return switch ((int) perSecond) { // a constant divisor each: no division instruction
                case 1_000 -> Math.floorDiv(units, 86_400_000L);
                case 1_000_000 -> Math.floorDiv(units, 86_400_000_000L);
                default -> Math.floorDiv(units, 86_400_000_000_000L);
            };
        }

        /** @return the ISO-8601 text of day {@code d}, or null for a year outside 0 to 9999 */
        private static byte[] text(long d) {
            java.time.LocalDate date = java.time.LocalDate.ofEpochDay(d);
            int y = date.getYear();
            if (y < 0 || y > 9999) {
                return null;
            }
            byte[] text = new byte[10];
            text[4] = '-';
            text[7] = '-';
            two(text, y / 100, 0);
            two(text, y % 100, 2);
            two(text, date.getMonthValue(), 5);
            two(text, date.getDayOfMonth(), 8);
            return text;
        }

        /** Adds the day of an instant {@code units} after the epoch, {@code perSecond} of them a second. */
        void add(RowBytes values, long units, long perSecond) {
            long d = day(units, perSecond);
            int slot = cached(d);
            if (slot < 0) {
                values.add(far(d));
                return;
            }
            byte[] t = texts[slot];
            values.add(t, 0, t.length, numbers[slot]);
        }

        private static void two(byte[] text, int v, int at) {
            text[at] = (byte) ('0' + v / 10);
            text[at + 1] = (byte) ('0' + v % 10);
        }
    }

    /** A record converter that takes nothing: the column readers are read directly. */
    private static final class Ignored extends org.apache.parquet.io.api.GroupConverter {
        static final org.apache.parquet.io.api.PrimitiveConverter NOTHING =
                new org.apache.parquet.io.api.PrimitiveConverter() { };
        private final org.apache.parquet.io.api.PrimitiveConverter[] fields;

        /** @param fields per field of the projection, its converter ({@link #NOTHING} for one read directly) */
        Ignored(org.apache.parquet.io.api.PrimitiveConverter[] fields) {
            this.fields = fields;
        }

        @Override
        public org.apache.parquet.io.api.Converter getConverter(int fieldIndex) {
            if (fieldIndex >= fields.length) {
                throw new IndexOutOfBoundsException(fieldIndex);
            }
            return fields[fieldIndex];
        }

        @Override
        public void start() {
        }

        @Override
        public void end() {
        }
    }

    /**
     * A text column's values, into the row being read. A column chunk's dictionary (bills' text columns are nearly all
     * dictionary-encoded: a few accounts, usage types and resources, over and over) is laid out once in one byte
     * array, and each of its values numbered once by the partial ({@link Partial#intern}); a value of a
     * dictionary-encoded page is its id's range there, given with its number, so the re-rater keys its sums by numbers
     * and resolves a usage type once per number: no {@code Binary} nor buffer per value. A page of plain values gives
     * each value's bytes as it is.
     */
    private static final class TextColumn extends org.apache.parquet.io.api.PrimitiveConverter {
        private final RowBytes values;
        private final Partial partial;
        private byte[] dictionary = new byte[0];
        /** Value {@code id} of the dictionary is {@code dictionary[starts[id]..starts[id + 1])}. */
        private int[] starts = {0};
        /** Per dictionary id, the value's number in the partial ({@link Partial#intern}). */
        private int[] numbers = {};

        TextColumn(RowBytes values, Partial partial) {
            this.values = values;
            this.partial = partial;
        }

        @Override
        public boolean hasDictionarySupport() {
            return true;
        }

        @Override
        public void setDictionary(org.apache.parquet.column.Dictionary d) {
            int n = d.getMaxId() + 1;
            Binary[] all = new Binary[n];
            long size = 0;
            for (int id = 0; id < n; id++) {
                all[id] = d.decodeToBinary(id);
                size += all[id].length();
            }
            if (size > Integer.MAX_VALUE - 16) {
                throw new UsageExportException("a column chunk's dictionary holds more than 2 GiB of text");
            }
            byte[] bytes = new byte[(int) size];
            int[] at = new int[n + 1];
            for (int id = 0; id < n; id++) {
                ByteBuffer b = all[id].toByteBuffer();
                int len = b.remaining();
                b.get(bytes, at[id], len);
                at[id + 1] = at[id] + len;
            }
            int[] numbered = new int[n];
            for (int id = 0; id < n; id++) {
                numbered[id] = partial.intern(bytes, at[id], at[id + 1] - at[id]);
            }
            dictionary = bytes;
            starts = at;
            numbers = numbered;
        }

        @Override
        public void addValueFromDictionary(int id) {
            values.add(dictionary, starts[id], starts[id + 1] - starts[id], numbers[id]);
        }

        @Override
        public void addBinary(Binary value) {
            ByteBuffer b = value.toByteBuffer(); // no copy on the heap
            if (b.hasArray()) {
                values.add(b.array(), b.arrayOffset() + b.position(), b.remaining());
            } else {
                values.add(value.getBytes());
            }
        }
    }

    /**
     * A text column's values as numbers ({@link Partial#intern}), into a batch: a column chunk's dictionary numbered
     * once, value by value, a plain page's value numbered as it is met; the empty text is -1, as no value.
     */
    private static final class TextNumbers extends org.apache.parquet.io.api.PrimitiveConverter {
        private final Partial partial;
        /** Per dictionary id, the value's number, or -1 for the empty text. */
        private int[] numbers = {};
        private int[] out;
        private int row;

        TextNumbers(Partial partial) {
            this.partial = partial;
        }

        /** Reads {@code n} values of a column into {@code into}. */
        void read(ColumnReader r, int defined, int[] into, int n) {
            out = into;
            for (int i = 0; i < n; i++) {
                if (r.getCurrentDefinitionLevel() < defined) {
                    into[i] = -1;
                } else {
                    row = i;
                    r.writeCurrentValueToConverter(); // into[i]: see below
                }
                r.consume();
            }
        }

        @Override
        public boolean hasDictionarySupport() {
            return true;
        }

        @Override
        public void setDictionary(org.apache.parquet.column.Dictionary d) {
            int[] numbered = new int[d.getMaxId() + 1];
            for (int id = 0; id < numbered.length; id++) {
                numbered[id] = number(d.decodeToBinary(id));
            }
            numbers = numbered;
        }

        @Override
        public void addValueFromDictionary(int id) {
            out[row] = numbers[id];
        }

        @Override
        public void addBinary(Binary value) {
            out[row] = number(value);
        }

        private int number(Binary value) {
            ByteBuffer b = value.toByteBuffer(); // no copy on the heap
            if (b.remaining() == 0) {
                return -1;
            }
            if (b.hasArray()) {
                return partial.intern(b.array(), b.arrayOffset() + b.position(), b.remaining());
            }
            byte[] bytes = value.getBytes();
            return partial.intern(bytes, 0, bytes.length);
        }
    }

    /** Reads whole records (for exports whose columns read include a map): each value as {@link #text} writes it. */
    private static void records(ParquetFileReader reader, MessageType schema, int columns, Partial partial,
            Tally tally) throws IOException {
        boolean[] string = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            Type t = schema.getType(c);
            string[c] = t.isPrimitive() && Kind.of(t.asPrimitiveType()) == Kind.TEXT;
        }
        RowBytes values = new RowBytes(columns);
        PageReadStore pages;
        for (int group = 0; (pages = nextGroup(reader, group, tally)) != null; group++) {
            RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
                    .getRecordReader(pages, new GroupRecordConverter(schema));
            for (long i = 0; i < pages.getRowCount(); i++) {
                Group row = records.read();
                values.clear();
                for (int c = 0; c < columns; c++) {
                    if (string[c]) { // text stays its UTF-8 bytes: no String made
                        values.add(row.getFieldRepetitionCount(c) == 0 ? null : row.getBinary(c, 0).getBytesUnsafe());
                    } else {
                        values.add(text(row, c, schema.getType(c)));
                    }
                }
                partial.add(values.bytes(), values.starts(), values.ends());
                if (tally != null) {
                    tally.row();
                }
            }
        }
    }

    /** @return column {@code c} of a row as a CSV export writes it, or null when it is empty or nested */
    static String text(Group row, int c, Type type) {
        if (row.getFieldRepetitionCount(c) == 0) {
            return null;
        }
        if (!type.isPrimitive()) {
            return map(row.getGroup(c, 0), type.asGroupType());
        }
        PrimitiveType p = type.asPrimitiveType();
        Kind kind = Kind.of(p);
        return switch (kind) {
            case DECIMAL -> new BigDecimal(switch (p.getPrimitiveTypeName()) {
                case INT32 -> BigInteger.valueOf(row.getInteger(c, 0));
                case INT64 -> BigInteger.valueOf(row.getLong(c, 0));
                default -> new BigInteger(row.getBinary(c, 0).getBytes());
            }, Kind.scale(p)).toPlainString();
            // Its day, as the column reader writes it: only a start's month is read.
            case MILLIS, MICROS, NANOS -> java.time.LocalDate.ofEpochDay(Math.floorDiv(Math.floorDiv(row.getLong(c, 0),
                    kind.perSecond), 86_400L)).toString();
            case DOUBLE -> RowBytes.decimal(row.getDouble(c, 0));
            case FLOAT -> RowBytes.decimal(row.getFloat(c, 0));
            case INT32 -> Integer.toString(row.getInteger(c, 0));
            case INT64 -> Long.toString(row.getLong(c, 0));
            case BOOLEAN -> Boolean.toString(row.getBoolean(c, 0));
            case INT96 -> int96(row.getInt96(c, 0).getBytes());
            case TEXT -> row.getString(c, 0);
        };
    }

    /**
     * @return a {@code map<string,string>} column (CUR 2.0's {@code resource_tags}, FOCUS's {@code Tags}) as the JSON
     *     object a CSV export writes for it; null for any other nested column, which is not read
     */
    private static String map(Group map, org.apache.parquet.schema.GroupType type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        boolean isMap = logical instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
                || logical instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation;
        if (!isMap || type.getFieldCount() != 1 || type.getType(0).isPrimitive()
                || type.getType(0).asGroupType().getFieldCount() != 2) {
            return null;
        }
        org.apache.parquet.schema.GroupType entry = type.getType(0).asGroupType();
        if (!entry.getType(0).isPrimitive() || !entry.getType(1).isPrimitive()) {
            return null;
        }
        int n = map.getFieldRepetitionCount(0);
        List<String> keys = new ArrayList<>(n);
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Group kv = map.getGroup(0, i);
            keys.add(kv.getString(0, 0));
            values.add(kv.getFieldRepetitionCount(1) == 0 ? null : kv.getString(1, 0));
        }
        return RowBytes.json(keys, values);
    }

    /** A legacy INT96 timestamp (nanoseconds of the day, then the Julian day, little-endian) as an instant. */
    private static String int96(byte[] b) {
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long nanos = buf.getLong();
        long julianDay = buf.getInt() & 0xFFFFFFFFL;
        long epochDay = julianDay - 2_440_588L;
        return Instant.ofEpochSecond(epochDay * 86_400L + nanos / 1_000_000_000L, nanos % 1_000_000_000L).toString();
    }
}
