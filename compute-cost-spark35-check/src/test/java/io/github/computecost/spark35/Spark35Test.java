package io.github.computecost.spark35;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.pricing.PriceBook;
import io.github.computecost.rerate.Rerater;
import io.github.computecost.spark.SparkRerater;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job's jar, as {@code spark-submit} would take it (the library inside, its Jackson relocated), on Spark 3.5 in
 * local mode (two threads, loopback, no UI): the CUR and FOCUS test bills, as CSV and as Parquet that Spark 3.5 writes
 * with CUR 2.0's types and its {@code resource_tags} map, re-rate to {@code rate-usage}'s figures on one machine.
 * Spark 3.5's Jackson (2.15, with a Scala module that refuses any other) is on the same class path as the job's.
 */
class Spark35Test {

    static final Path CUR = Path.of("compute-cost/src/test/resources/rerate/cur-line-item-types.csv");
    static final Path FOCUS = Path.of("compute-cost/src/test/resources/rerate/focus-line-item-types.csv");

    static SparkSession spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("compute-cost-spark35")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static Map<String, String> plain(Map<String, BigDecimal> m) {
        Map<String, String> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.stripTrailingZeros().toPlainString()));
        return out;
    }

    @Test
    void theRunningSparkIs35() {
        assertTrue(spark.version().startsWith("3.5."), spark.version());
    }

    @Test
    void csvBillsRateOnSpark35ToTheLastDigitOfOneMachine() {
        for (Path bill : List.of(CUR, FOCUS)) {
            Rerater.Result one = Rerater.of(PriceBook.bundled()).rate(bill);
            Dataset<Row> csv = spark.read().option("header", "true").csv(bill.toString());
            Rerater.Result distributed = SparkRerater.bundled().rate(csv);
            assertEquals(one.rows(), distributed.rows(), bill.toString());
            assertEquals(one.skipped(), distributed.skipped(), bill.toString());
            assertEquals(one.totalExact(), distributed.totalExact(), bill.toString());
            assertEquals(one.byResource(), distributed.byResource(), bill.toString());
            assertEquals(one.passedThrough(), distributed.passedThrough(), bill.toString());
            assertEquals(one.reconciliation(), distributed.reconciliation(), bill.toString());
            assertTrue(one.totalExact().signum() > 0);
        }
    }

    @Test
    void aParquetBillWithCur2TypesAndItsTagMapRatesToTheSameFigures() {
        Rerater.Result one = Rerater.of(PriceBook.bundled()).tags(List.of("team")).rate(CUR);
        String parquet = dir.resolve("bill.parquet").toString();
        spark.read().option("header", "true").csv(CUR.toString())
                .withColumn("lineItem/UsageAmount", functions.expr("try_cast(`lineItem/UsageAmount` AS DOUBLE)"))
                .withColumn("lineItem/UnblendedCost", functions.expr("try_cast(`lineItem/UnblendedCost` AS DOUBLE)"))
                .withColumn("lineItem/UsageStartDate",
                        functions.expr("try_cast(`lineItem/UsageStartDate` AS TIMESTAMP)"))
                .withColumn("resource_tags", functions.expr("IF(`resourceTags/user:team` IS NULL, "
                        + "map('aws_created_by', 'ops'), map('user_team', `resourceTags/user:team`))"))
                .drop("resourceTags/user:team").coalesce(1).write().parquet(parquet);
        Rerater.Result distributed = SparkRerater.bundled().tags(List.of("team")).rate(spark.read().parquet(parquet));
        assertEquals(one.rows(), distributed.rows());
        assertEquals(0, one.totalExact().compareTo(distributed.totalExact()), distributed.totalExact().toString());
        assertEquals(plain(one.byResource()), plain(distributed.byResource()));
        assertEquals(plain(one.byTag().get("team")), plain(distributed.byTag().get("team")));
        assertTrue(one.byTag().get("team").size() >= 3, one.byTag().toString());
    }
}
