package io.github.computecost.bench;

import io.github.computecost.parquet.ParquetExport;
import io.github.computecost.parquet.PureJavaCodecs;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.rerate.Rerater;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parquet on one machine: {@code SyntheticCur}'s bill with a real bill's columns, written as CUR 2.0-shaped Parquet
 * (CUR 2.0's names; amounts and costs {@code double}, the start a timestamp; Snappy) by DuckDB, then re-rated by
 * {@link ParquetExport} against bare scans of the same file that read every value and do nothing else: parquet-java's
 * column readers with the module's pure-Java codecs (the reader the module uses), row by row and column by column
 * (the faster of the two is the baseline), its record API, and DuckDB's JDBC driver's (the other candidate).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx256m"})
public class ParquetBenchmark {

    @Param({"2000000"})
    public int rows;

    /** The bill's resources ({@link SyntheticCur#write(Path, int, long, boolean, int)}): 2,000 about 140,000 sums. */
    @Param({"2000"})
    public int resources;

    private Path csv;
    private Path parquet;
    private Rerater rerater;

    @Setup(Level.Trial)
    public void setup() throws IOException, SQLException {
        csv = Files.createTempFile("cur", ".csv");
        parquet = Files.createTempFile("cur", ".parquet");
        Files.delete(parquet);
        SyntheticCur.write(csv, rows, 42, true, resources);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT \"lineItem/UsageAccountId\" AS line_item_usage_account_id, "
                    + "CAST(\"lineItem/UsageStartDate\" AS TIMESTAMP) AS line_item_usage_start_date, "
                    + "\"lineItem/UsageType\" AS line_item_usage_type, \"lineItem/ResourceId\" AS line_item_resource_id, "
                    + "CAST(\"lineItem/UsageAmount\" AS DOUBLE) AS line_item_usage_amount, "
                    + "\"bill/PayerAccountId\" AS bill_payer_account_id, "
                    + "\"lineItem/LineItemType\" AS line_item_line_item_type, "
                    + "\"lineItem/ProductCode\" AS line_item_product_code, "
                    + "CAST(\"lineItem/UnblendedCost\" AS DOUBLE) AS line_item_unblended_cost, "
                    + "TRY_CAST(\"savingsPlan/SavingsPlanEffectiveCost\" AS DOUBLE) "
                    + "AS savings_plan_savings_plan_effective_cost "
                    + "FROM read_csv('" + csv + "', all_varchar = true)) TO '" + parquet
                    + "' (FORMAT parquet, COMPRESSION snappy)");
        }
        rerater = Rerater.of(PriceBook.bundled());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(csv);
        Files.deleteIfExists(parquet);
    }

    @Benchmark
    public BigDecimal rerate() {
        return ParquetExport.rate(rerater, parquet).totalExact();
    }

    /**
     * The baseline: parquet-java's column readers, as {@code ParquetExport} uses them, reading every column of the
     * file in its own type (a string's bytes, a double, a long) and nothing else, a row at a time.
     */
    @Benchmark
    public long baselineParquetJavaScan() throws IOException {
        return scan((readers, columns, rows) -> {
            long n = 0;
            for (long i = 0; i < rows; i++) {
                for (int c = 0; c < readers.length; c++) {
                    ColumnReader reader = readers[c];
                    if (reader.getCurrentDefinitionLevel() == columns.get(c).getMaxDefinitionLevel()) {
                        n += switch (columns.get(c).getPrimitiveType().getPrimitiveTypeName()) {
                            case DOUBLE -> (long) reader.getDouble();
                            case INT64 -> reader.getLong();
                            case INT32 -> reader.getInteger();
                            default -> reader.getBinary().length();
                        };
                    }
                    reader.consume();
                }
            }
            return n;
        });
    }

    /**
     * The same scan column by column, as {@code ParquetExport} now reads a row group: each column's values of the
     * row group in one loop, then the next column's. Of the two scans, the faster is the baseline.
     */
    @Benchmark
    public long baselineParquetJavaScanByColumn() throws IOException {
        return scan((readers, columns, rows) -> {
            long n = 0;
            for (int c = 0; c < readers.length; c++) {
                ColumnReader reader = readers[c];
                int defined = columns.get(c).getMaxDefinitionLevel();
                switch (columns.get(c).getPrimitiveType().getPrimitiveTypeName()) {
                    case DOUBLE -> {
                        for (long i = 0; i < rows; i++, reader.consume()) {
                            n += reader.getCurrentDefinitionLevel() == defined ? (long) reader.getDouble() : 0;
                        }
                    }
                    case INT64 -> {
                        for (long i = 0; i < rows; i++, reader.consume()) {
                            n += reader.getCurrentDefinitionLevel() == defined ? reader.getLong() : 0;
                        }
                    }
                    case INT32 -> {
                        for (long i = 0; i < rows; i++, reader.consume()) {
                            n += reader.getCurrentDefinitionLevel() == defined ? reader.getInteger() : 0;
                        }
                    }
                    default -> {
                        for (long i = 0; i < rows; i++, reader.consume()) {
                            n += reader.getCurrentDefinitionLevel() == defined ? reader.getBinary().length() : 0;
                        }
                    }
                }
            }
            return n;
        });
    }

    /** One row group's scan: its {@code rows} rows read with a reader per column. */
    private interface RowGroupScan {
        /** @return what the values read add up to, so that none is left unread */
        long scan(ColumnReader[] readers, List<ColumnDescriptor> columns, long rows);
    }

    /** @return the file's row groups scanned by {@code scan}, each with a column reader per column of the file */
    private long scan(RowGroupScan scan) throws IOException {
        long n = 0;
        try (ParquetFileReader r = PureJavaCodecs.open(parquet)) {
            MessageType schema = r.getFooter().getFileMetaData().getSchema();
            String createdBy = r.getFooter().getFileMetaData().getCreatedBy();
            List<ColumnDescriptor> columns = schema.getColumns();
            PageReadStore pages;
            while ((pages = r.readNextRowGroup()) != null) {
                ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, new GroupRecordConverter(schema)
                        .getRootConverter(), schema, createdBy);
                ColumnReader[] readers = new ColumnReader[columns.size()];
                for (int c = 0; c < readers.length; c++) {
                    readers[c] = store.getColumnReader(columns.get(c));
                }
                n += scan.scan(readers, columns, pages.getRowCount());
            }
        }
        return n;
    }

    /** parquet-java's record API (the reader the module used before), every value as text. */
    @Benchmark
    public long parquetJavaRecordsAsText() throws IOException {
        long n = 0;
        try (ParquetFileReader r = PureJavaCodecs.open(parquet)) {
            MessageType schema = r.getFooter().getFileMetaData().getSchema();
            int cols = schema.getFieldCount();
            PageReadStore pages;
            while ((pages = r.readNextRowGroup()) != null) {
                RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
                        .getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    Group g = records.read();
                    for (int c = 0; c < cols; c++) {
                        if (g.getFieldRepetitionCount(c) > 0) {
                            n += g.getValueToString(c, 0).length();
                        }
                    }
                }
            }
        }
        return n;
    }

    @Benchmark
    public long duckdbJdbcScan() throws SQLException {
        long n = 0;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT * FROM read_parquet('" + parquet + "')")) {
            int cols = r.getMetaData().getColumnCount();
            while (r.next()) {
                for (int i = 1; i <= cols; i++) {
                    String v = r.getString(i);
                    n += v == null ? 0 : v.length();
                }
            }
        }
        return n;
    }
}
