package io.github.computecost.bench;

import io.github.computecost.pricing.PriceBook;
import io.github.computecost.rerate.Rerater;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
 * Bulk re-rating end to end from CSV text: a seeded synthetic Cost-and-Usage-style export of {@code rows} rows
 * ({@link SyntheticCur}: Lambda and Fargate usage over 2,000 resources, 10 accounts, with rows to skip) rated by
 * {@code rate-usage}'s engine, with the usage columns only or with those of a real bill ({@code columns}). Rows per second = rows / (seconds per operation). The baseline, measured in the same run, only reads
 * and splits the same file's lines; a second, FastCSV reading the same file's records. The heap is 256 MB: a bill with costs and covered usage at 10M rows (about 300,000
 * distinct sums, one billing family rated together) needs more than 128 MB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx256m"})
public class RerateBenchmark {

    @Param({"200000", "2000000", "10000000"})
    public int rows;

    /** {@code usage}: the usage columns only; {@code billed}: with payer, line item type and AWS's costs. */
    @Param({"usage", "billed"})
    public String columns;

    /**
     * Resource ids in the bill (each in up to 10 accounts and 7 priced usage types): the distinct sums the re-rating
     * keeps, and the resources it rates, grow with them. 2,000 by default.
     */
    @Param({"2000"})
    public int resources;

    private Path file;
    private Rerater rerater;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        file = Files.createTempFile("cur", ".csv");
        // Written as it is generated: the fork's heap is 256 MB, and the file is larger than that at 2M rows.
        SyntheticCur.write(file, rows, 42, columns.equals("billed"), resources);
        rerater = Rerater.of(PriceBook.bundled());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public BigDecimal rerate() {
        return rerater.rate(file).totalExact();
    }

    /** The second baseline: FastCSV reading the same file's records, every field touched, and nothing else. */
    @Benchmark
    public long baselineFastCsv() throws IOException {
        long n = 0;
        try (de.siegmar.fastcsv.reader.CsvReader<de.siegmar.fastcsv.reader.CsvRecord> r =
                de.siegmar.fastcsv.reader.CsvReader.builder().ofCsvRecord(file)) {
            for (de.siegmar.fastcsv.reader.CsvRecord rec : r) {
                for (int i = 0; i < rec.getFieldCount(); i++) {
                    n += rec.getField(i).length();
                }
            }
        }
        return n;
    }

    @Benchmark
    public long baselineReadAndSplit() throws IOException {
        long n = 0;
        try (var r = Files.newBufferedReader(file)) {
            String line;
            while ((line = r.readLine()) != null) {
                n += line.split(",", -1).length;
            }
        }
        return n;
    }
}
