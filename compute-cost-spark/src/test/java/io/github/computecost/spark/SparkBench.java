package io.github.computecost.spark;

import io.github.computecost.pricing.PriceBook;
import io.github.computecost.rerate.Rerater;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code bench/spark.sh}'s measurement (not a test): the re-rating job in Spark local mode on 1 and 2 cores against
 * Spark reading the same CSV and counting its rows (which reads no column), Spark turning every row into a Java
 * {@code Row} and counting them (what the job's input costs), and {@code rate-usage}'s engine on one thread, each the median of
 * three runs after one to warm up. Prints tab-separated lines: variant, cores, seconds, rows per second.
 */
public final class SparkBench {

    private SparkBench() {
    }

    public static void main(String[] args) {
        String file = args[0];
        long rows = Long.parseLong(args[1]);
        BigDecimal expected = Rerater.of(PriceBook.bundled()).rate(java.nio.file.Path.of(file)).totalExact();
        double single = median(() -> Rerater.of(PriceBook.bundled()).rate(java.nio.file.Path.of(file)).totalExact());
        print("rate-usage (one machine, one thread)", 1, single, rows);
        for (int cores : new int[] {1, 2}) {
            SparkSession spark = SparkSession.builder().master("local[" + cores + "]").appName("bench")
                    .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false").getOrCreate();
            spark.sparkContext().setLogLevel("ERROR");
            Dataset<Row> csv = spark.read().option("header", "true").csv(file);
            print("Spark: read and count", cores, median(csv::count), rows);
            print("Spark: read every column into Java rows and count", cores, median(() -> csv.javaRDD().count()),
                    rows);
            double job = median(() -> {
                BigDecimal total = SparkRerater.bundled().rate(csv).totalExact();
                if (total.compareTo(expected) != 0) {
                    throw new IllegalStateException("Spark's total " + total + " is not " + expected);
                }
                return total;
            });
            print("SparkRerater", cores, job, rows);
            spark.stop();
        }
    }

    private static double median(java.util.function.Supplier<?> run) {
        run.get(); // warm up
        double[] s = new double[3];
        for (int i = 0; i < s.length; i++) {
            long t = System.nanoTime();
            run.get();
            s[i] = (System.nanoTime() - t) / 1e9;
        }
        Arrays.sort(s);
        return s[1];
    }

    private static void print(String what, int cores, double seconds, long rows) {
        System.out.printf(Locale.ROOT, "%s\t%d\t%.2f\t%.0f%n", what, cores, seconds, rows / seconds);
    }
}
