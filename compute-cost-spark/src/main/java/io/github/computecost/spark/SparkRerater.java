package io.github.computecost.spark;

import io.github.computecost.pricing.PriceBook;
import io.github.computecost.rerate.Partial;
import io.github.computecost.rerate.Rerater;
import io.github.computecost.rerate.RowBytes;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Re-rates a Cost and Usage Report or FOCUS export held in a Spark {@link Dataset}, read from CSV (all columns as
 * strings) or Parquet. Each partition's rows are read by the library's own reader ({@link Rerater#partial}) and summed
 * exactly, with {@code BigDecimal}s, per billing family, account, month, resource, line item type and usage type; the
 * partials are merged across the cluster ({@code treeAggregate}) and rated once on the driver by the same engine as
 * {@code rate-usage}. The result is {@code rate-usage}'s, to the last digit, and so are the rows skipped by reason.
 * Where a billing family's free tier is shared, it goes to resources in the order the rows meet them, partition by
 * partition: a file read as it lies (no shuffle before the job) gives every figure of one machine; after a shuffle the
 * total and the counts are still the same, and only how a shared free tier falls on resources and usage types (a
 * million Lambda requests for x86 and Arm in every region) may differ.
 *
 * <p>Numbers from typed columns (Parquet's {@code double} costs and amounts) are read as the shortest decimal that
 * names the same double ({@link BigDecimal#valueOf(double)}), which is how AWS's CSV writes them; decimals as they
 * are. The price book is built on each executor by a {@link Prices} that travels with the job (the bundled book by
 * default), once per executor.
 *
 * <p>Immutable and serializable; {@link #rate} runs a Spark job.
 */
public final class SparkRerater implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Where each executor (and the driver) gets the price book: a serializable recipe, run once per JVM. */
    @FunctionalInterface
    public interface Prices extends Serializable {
        /** @return the price book */
        PriceBook load();

        /** @return the price book bundled with the library */
        static Prices bundled() {
            return new Bundled();
        }

        /**
         * @param directory a price-data directory laid over the bundled tables (as {@code --pricing-data} takes), that
         *     every executor can read at the same path
         * @return a recipe that loads the book over it
         */
        static Prices directory(String directory) {
            Objects.requireNonNull(directory, "directory");
            return new Directory(directory);
        }
    }

    private record Bundled() implements Prices {
        @Override
        public PriceBook load() {
            return PriceBook.bundled();
        }
    }

    private record Directory(String directory) implements Prices {
        @Override
        public PriceBook load() {
            return PriceBook.withOverrides(Path.of(directory));
        }
    }

    /** Price books loaded in this JVM, by recipe: an executor loads each once, not once per partition. */
    private static final Map<Prices, PriceBook> LOADED = new ConcurrentHashMap<>();

    /** How each executor loads the prices. */
    private final Prices prices;
    /** Whether the free tier applies. */
    private final boolean freeTier;
    /** Whether x86 usage is re-rated at Arm prices. */
    private final boolean whatIfArm;
    /** Whether each usage account is rated alone. */
    private final boolean perAccount;
    /** The user tags read, by key. */
    private final List<String> tags;
    /** How the export is read. */
    private final Rerater.InputFormat inputFormat;

    private SparkRerater(Prices prices, boolean freeTier, boolean whatIfArm, boolean perAccount, List<String> tags,
            Rerater.InputFormat inputFormat) {
        this.prices = prices;
        this.freeTier = freeTier;
        this.whatIfArm = whatIfArm;
        this.perAccount = perAccount;
        this.tags = List.copyOf(tags);
        this.inputFormat = inputFormat;
    }

    /** @return a re-rater on the bundled prices, free tier on, billing families rated together */
    public static SparkRerater bundled() {
        return of(Prices.bundled());
    }

    /**
     * @param prices how each executor loads the price book
     * @return a re-rater on the prices {@code prices} loads, free tier on, billing families rated together
     */
    public static SparkRerater of(Prices prices) {
        return new SparkRerater(Objects.requireNonNull(prices, "prices"), true, false, false, List.of(),
                Rerater.InputFormat.AUTO);
    }

    /**
     * @param on whether the account-wide free tier applies
     * @return the same with the free tier on or off ({@link Rerater#freeTier})
     */
    public SparkRerater freeTier(boolean on) {
        return new SparkRerater(prices, on, whatIfArm, perAccount, tags, inputFormat);
    }

    /**
     * @param on whether x86 usage is re-rated at Arm prices
     * @return the same moving x86 Lambda and Fargate usage to Arm prices ({@link Rerater#whatIfArm})
     */
    public SparkRerater whatIfArm(boolean on) {
        return new SparkRerater(prices, freeTier, on, perAccount, tags, inputFormat);
    }

    /**
     * @param on whether each usage account is rated alone
     * @return the same rating each usage account alone ({@link Rerater#perAccount})
     */
    public SparkRerater perAccount(boolean on) {
        return new SparkRerater(prices, freeTier, whatIfArm, on, tags, inputFormat);
    }

    /**
     * @param keys the tag keys, without {@code user:}
     * @return the same reading the user tags {@code keys} ({@link Rerater#tags})
     */
    public SparkRerater tags(List<String> keys) {
        return new SparkRerater(prices, freeTier, whatIfArm, perAccount, keys, inputFormat);
    }

    /**
     * @param format the export's format
     * @return the same reading the export as {@code format} ({@link Rerater#inputFormat})
     */
    public SparkRerater inputFormat(Rerater.InputFormat format) {
        return new SparkRerater(prices, freeTier, whatIfArm, perAccount, tags, Objects.requireNonNull(format,
                "format"));
    }

    /**
     * Re-rates an export.
     *
     * @param export the export's rows, with its header's column names
     * @return what {@code rate-usage} gives for the same rows, dated by the driver's clock (UTC)
     * @throws io.github.computecost.rerate.UsageExportException if the columns are not an export's (raised on the
     *     driver, before any job runs)
     */
    public Rerater.Result rate(Dataset<Row> export) {
        Rerater driver = rerater();
        export = needed(export); // refuses bad columns before any job is run
        List<String> header = List.of(export.columns());
        Partial zero = driver.partial(header, "dataset");
        org.apache.spark.sql.types.DataType[] types = java.util.Arrays.stream(export.schema().fields())
                .map(org.apache.spark.sql.types.StructField::dataType).toArray(org.apache.spark.sql.types.DataType[]::new);
        // Spark's own rows (InternalRow): strings stay UTF-8 bytes from the file to the reader, no String made.
        JavaRDD<InternalRow> rows = export.queryExecution().toRdd().toJavaRDD();
        Partial merged = rows.mapPartitionsWithIndex((Integer index, Iterator<InternalRow> part) -> {
            Partial p = rerater().partial(header, "dataset", index);
            int columns = Math.min(types.length, p.columnsRead());
            RowBytes row = new RowBytes(columns);
            while (part.hasNext()) {
                fill(row.clear(), part.next(), types, columns);
                p.add(row); // a double cost or amount read from its digits: no text written and parsed
            }
            return List.of(p).iterator();
        }, false).treeAggregate(null, SparkRerater::merge, SparkRerater::merge); // no empty partial to copy into
        return driver.rate(merged == null ? zero : merged);
    }

    /**
     * @return the export with only the columns the re-rating reads, in their order: Spark then reads no other column
     *     from a Parquet file (a real export has over a hundred, about a dozen are read) and converts no other CSV
     *     field. Columns are found by name, so the figures are those of the whole export.
     * @throws io.github.computecost.rerate.UsageExportException if the columns are not an export's
     */
    Dataset<Row> needed(Dataset<Row> export) {
        String[] names = export.columns();
        Partial all = rerater().partial(List.of(names), "dataset");
        if (new java.util.HashSet<>(List.of(names)).size() != names.length) {
            return export; // a name given twice cannot be selected by name: every column is read
        }
        List<org.apache.spark.sql.Column> read = new java.util.ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (all.reads(i)) {
                read.add(org.apache.spark.sql.functions.col("`" + names[i].replace("`", "``") + "`"));
            }
        }
        return read.size() == names.length ? export : export.select(read.toArray(new org.apache.spark.sql.Column[0]));
    }

    /** @return the two merged; null stands for none yet (the aggregation's start) */
    private static Partial merge(Partial a, Partial b) {
        return a == null ? b : b == null ? a : a.merge(b);
    }

    private Rerater rerater() {
        return Rerater.of(LOADED.computeIfAbsent(prices, Prices::load)).freeTier(freeTier).whatIfArm(whatIfArm)
                .perAccount(perAccount).tags(tags).inputFormat(inputFormat).clock(Clock.systemUTC());
    }

    /**
     * Writes a row's values, up to the last column the reader reads: strings as their UTF-8 bytes, no String made; a
     * double as a number, its text written only if it is read as text.
     */
    private static void fill(RowBytes row, InternalRow from, org.apache.spark.sql.types.DataType[] types, int columns) {
        for (int i = 0; i < columns; i++) {
            if (from.isNullAt(i)) {
                row.add((byte[]) null);
            } else if (types[i] instanceof org.apache.spark.sql.types.StringType) {
                row.add(from.getUTF8String(i).getBytes());
            } else if (types[i] instanceof org.apache.spark.sql.types.DoubleType) {
                row.add(from.getDouble(i)); // CUR 2.0's costs and amounts: as text, RowBytes.decimal's
            } else {
                row.add(text(value(from, i, types[i])));
            }
        }
    }

    /**
     * @return a typed value of Spark's internal row as the Java value {@link #text} writes; a map of strings as its
     *     JSON object; null for another nested one
     */
    static Object value(InternalRow row, int i, org.apache.spark.sql.types.DataType t) {
        if (t instanceof org.apache.spark.sql.types.DoubleType) {
            return row.getDouble(i);
        } else if (t instanceof org.apache.spark.sql.types.FloatType) {
            return row.getFloat(i);
        } else if (t instanceof org.apache.spark.sql.types.LongType) {
            return row.getLong(i);
        } else if (t instanceof org.apache.spark.sql.types.IntegerType) {
            return row.getInt(i);
        } else if (t instanceof org.apache.spark.sql.types.ShortType) {
            return row.getShort(i);
        } else if (t instanceof org.apache.spark.sql.types.BooleanType) {
            return row.getBoolean(i);
        } else if (t instanceof org.apache.spark.sql.types.DecimalType d) {
            return row.getDecimal(i, d.precision(), d.scale()).toJavaBigDecimal();
        } else if (t instanceof org.apache.spark.sql.types.TimestampType) {
            long micros = row.getLong(i);
            return java.time.Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1000);
        } else if (t instanceof org.apache.spark.sql.types.TimestampNTZType) {
            long micros = row.getLong(i);
            return java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    (int) (Math.floorMod(micros, 1_000_000L) * 1000), java.time.ZoneOffset.UTC);
        } else if (t instanceof org.apache.spark.sql.types.DateType) {
            return java.time.LocalDate.ofEpochDay(row.getInt(i));
        } else if (t instanceof org.apache.spark.sql.types.MapType m
                && m.keyType() instanceof org.apache.spark.sql.types.StringType
                && m.valueType() instanceof org.apache.spark.sql.types.StringType) {
            org.apache.spark.sql.catalyst.util.MapData map = row.getMap(i); // resource_tags, FOCUS's Tags
            List<String> keys = new java.util.ArrayList<>(map.numElements());
            List<String> values = new java.util.ArrayList<>(map.numElements());
            for (int e = 0; e < map.numElements(); e++) {
                keys.add(map.keyArray().getUTF8String(e).toString());
                values.add(map.valueArray().isNullAt(e) ? null : map.valueArray().getUTF8String(e).toString());
            }
            return RowBytes.json(keys, values);
        }
        return null; // other maps, structs, arrays, binaries: not read
    }

    /** A value as an export's CSV would write it: numbers in plain decimal, a double by its shortest decimal. */
    static String text(Object v) {
        if (v == null) {
            return null;
        } else if (v instanceof BigDecimal d) {
            return d.toPlainString();
        } else if (v instanceof Double d) {
            return RowBytes.decimal(d);
        } else if (v instanceof Float f) {
            return f.isNaN() || f.isInfinite() ? f.toString() : new BigDecimal(Float.toString(f)).toPlainString();
        } else if (v instanceof java.sql.Timestamp t) {
            return t.toInstant().toString();
        } else if (v instanceof java.time.Instant t) {
            return t.toString();
        }
        return v.toString();
    }
}
