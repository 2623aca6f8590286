package io.github.computecost.parquet;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Re-rates an export delivered as Parquet (CUR 2.0's default, or FOCUS), a file or a directory of part files, on one
 * machine: each row is read by the library's own reader ({@link Rerater#partial}), as a CSV line would be, so the
 * figures and the rows skipped by reason are those of the same export as CSV. Columns are found by name, as in a CSV
 * header. Values become the text a CSV export writes: a {@code double} (CUR 2.0's costs and amounts) its shortest
 * decimal ({@link BigDecimal#valueOf(double)}), a decimal its plain digits, a timestamp its ISO-8601 instant, a
 * {@code map<string,string>} (CUR 2.0's {@code resource_tags}, FOCUS's {@code Tags}) its JSON object; other nested
 * columns are not read.
 *
 * <p>Reader: Apache parquet-java (the reference implementation; why it and not DuckDB's JDBC driver is in the README),
 * which still loads Hadoop's client classes: no cluster, no service, no network.
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
        Objects.requireNonNull(rerater, "rerater");
        List<Path> parts = parts(path);
        Partial merged = null;
        for (int p = 0; p < parts.size(); p++) {
            Partial part = read(rerater, parts.get(p), p, path.toString());
            merged = merged == null ? part : merged.merge(part);
        }
        return rerater.rate(merged);
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

    private static Partial read(Rerater rerater, Path file, int part, String name) {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            List<String> header = new ArrayList<>();
            for (Type f : schema.getFields()) {
                header.add(f.getName());
            }
            Partial partial = rerater.partial(header, name, part);
            int columns = Math.min(header.size(), partial.columnsRead());
            boolean[] string = new boolean[columns];
            for (int c = 0; c < columns; c++) {
                Type t = schema.getType(c);
                string[c] = t.isPrimitive() && t.asPrimitiveType().getPrimitiveTypeName()
                        == PrimitiveType.PrimitiveTypeName.BINARY && !(t.getLogicalTypeAnnotation()
                        instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation);
            }
            RowBytes values = new RowBytes(columns);
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
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
                }
            }
            return partial;
        } catch (NoSuchFileException e) {
            throw new UsageExportException(file + ": file not found");
        } catch (IOException | RuntimeException e) {
            if (e instanceof UsageExportException u) {
                throw u;
            }
            throw new UsageExportException(file + ": not a Parquet file that can be read: " + e.getMessage());
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
        LogicalTypeAnnotation logical = p.getLogicalTypeAnnotation();
        if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
            BigInteger unscaled = switch (p.getPrimitiveTypeName()) {
                case INT32 -> BigInteger.valueOf(row.getInteger(c, 0));
                case INT64 -> BigInteger.valueOf(row.getLong(c, 0));
                default -> new BigInteger(row.getBinary(c, 0).getBytes());
            };
            return new BigDecimal(unscaled, d.getScale()).toPlainString();
        }
        if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation t) {
            long v = row.getLong(c, 0);
            Instant at = switch (t.getUnit()) {
                case MILLIS -> Instant.ofEpochMilli(v);
                case MICROS -> Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000L), Math.floorMod(v, 1_000_000L) * 1000);
                case NANOS -> Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000_000L), Math.floorMod(v, 1_000_000_000L));
            };
            return at.toString();
        }
        return switch (p.getPrimitiveTypeName()) {
            case DOUBLE -> RowBytes.decimal(row.getDouble(c, 0));
            case FLOAT -> RowBytes.decimal(row.getFloat(c, 0));
            case INT32 -> Integer.toString(row.getInteger(c, 0));
            case INT64 -> Long.toString(row.getLong(c, 0));
            case BOOLEAN -> Boolean.toString(row.getBoolean(c, 0));
            case INT96 -> int96(row.getInt96(c, 0).getBytes());
            default -> row.getString(c, 0);
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
