package io.github.computecost.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.pricing.PriceBook;
import io.github.computecost.rerate.Rerater;
import io.github.computecost.rerate.UsageExportException;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * Spark in local mode (two threads, bound to the loopback address, no UI) against {@code rate-usage}'s engine on one
 * machine, on a generated organisation's bill of 30,000 lines (three accounts of one payer, usage, Savings Plans and
 * Reserved Instance covered usage, credits, taxes, rows to skip), split into many partitions: the same figures to
 * the last digit, from CSV and from Parquet.
 */
class SparkReratingTest {

    static SparkSession spark;

    @TempDir
    static Path dir;

    static Path bill;

    @BeforeAll
    static void start() throws IOException {
        spark = SparkSession.builder().master("local[2]").appName("compute-cost-test")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.files.maxPartitionBytes", "262144").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        bill = dir.resolve("bill.csv");
        generate(bill, 30_000, 7);
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    static final String[] TYPES = {"Request", "Lambda-GB-Second", "USE1-Fargate-vCPU-Hours:perCPU",
        "USE1-Fargate-GB-Hours", "BoxUsage:m6i.large", "EU-Request-ARM", "DataTransfer-Out-Bytes"};

    /** A seeded organisation's bill: every kind of line, costs with ten places as AWS writes them. */
    static void generate(Path file, int rows, long seed) throws IOException {
        Random r = new Random(seed);
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("bill/PayerAccountId,lineItem/UsageAccountId,lineItem/LineItemType,lineItem/UsageStartDate,"
                    + "lineItem/ProductCode,lineItem/UsageType,lineItem/ResourceId,lineItem/UsageAmount,"
                    + "lineItem/UnblendedCost,savingsPlan/SavingsPlanEffectiveCost,reservation/EffectiveCost,"
                    + "resourceTags/user:team\n");
            for (int i = 0; i < rows; i++) {
                int k = r.nextInt(100);
                String kind = k < 80 ? "Usage" : k < 90 ? "SavingsPlanCoveredUsage" : k < 95 ? "DiscountedUsage"
                        : k < 98 ? "Credit" : k < 99 ? "Tax" : "Bogus";
                String account = "11111111111" + r.nextInt(3);
                String type = TYPES[r.nextInt(TYPES.length)];
                String cost = (kind.equals("Credit") ? "-" : "") + r.nextInt(10) + "." + String.format("%010d",
                        r.nextInt(1_000_000_000));
                String amount = k % 17 == 0 ? "n/a" : r.nextInt(200_000) + "." + r.nextInt(1000);
                w.write("999999999999," + account + "," + kind + ",2026-" + (10 + r.nextInt(2)) + "-0"
                        + (1 + r.nextInt(9)) + "T00:00:00Z,AWSLambda," + type + ",arn:res:" + r.nextInt(300) + ","
                        + amount + "," + cost + "," + (kind.equals("SavingsPlanCoveredUsage") ? "0.5" : "") + ","
                        + (kind.equals("DiscountedUsage") ? "0.25" : "") + "," + (r.nextBoolean() ? "web" : "") + "\n");
            }
        }
    }

    private static void assertSame(Rerater.Result one, Rerater.Result spark, boolean exactScale) {
        assertEquals(one.rows(), spark.rows());
        assertEquals(one.rated(), spark.rated());
        assertEquals(one.skipped(), spark.skipped());
        if (exactScale) {
            assertEquals(one.totalExact(), spark.totalExact());
            assertEquals(one.byUsageType(), spark.byUsageType());
            assertEquals(one.byResource().size(), spark.byResource().size());
            one.byResource().forEach((k, v) -> assertEquals(v, spark.byResource().get(k), k));
            assertEquals(one.byAccount(), spark.byAccount());
            assertEquals(one.byTag(), spark.byTag());
            assertEquals(one.covered(), spark.covered());
            assertEquals(one.passedThrough(), spark.passedThrough());
            assertEquals(one.reconciliation(), spark.reconciliation());
        } else {
            assertEquals(0, one.totalExact().compareTo(spark.totalExact()), one.totalExact() + " " + spark.totalExact());
            assertEquals(plain(one.byUsageType()), plain(spark.byUsageType()));
            assertEquals(plain(one.byResource()), plain(spark.byResource()));
            assertEquals(0, one.reconciliation().orElseThrow().variance().compareTo(spark.reconciliation()
                    .orElseThrow().variance()));
            assertEquals(0, one.passedThroughTotal().compareTo(spark.passedThroughTotal()));
        }
    }

    private static Map<String, String> plain(Map<String, BigDecimal> m) {
        Map<String, String> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.stripTrailingZeros().toPlainString()));
        return out;
    }

    @Test
    void aCsvBillRatesOnSparkToTheLastDigitOfOneMachine() {
        Rerater.Result one = Rerater.of(PriceBook.bundled()).tags(List.of("team")).rate(bill);
        Dataset<Row> csv = spark.read().option("header", "true").csv(bill.toString()); // in splits of 256 kB
        assertTrue(csv.javaRDD().getNumPartitions() >= 4, "partitions: " + csv.javaRDD().getNumPartitions());
        Rerater.Result distributed = SparkRerater.bundled().tags(List.of("team")).rate(csv);
        assertSame(one, distributed, true);
        // Shuffled, the rows meet resources in another order: a shared free tier (a million requests, x86 and Arm,
        // every region) may fall on other resources and usage types, but the total and the counts are the same.
        Rerater.Result shuffled = SparkRerater.bundled().tags(List.of("team")).rate(csv.repartition(7));
        assertEquals(one.totalExact(), shuffled.totalExact());
        assertEquals(one.skipped(), shuffled.skipped());
        assertEquals(one.passedThrough(), shuffled.passedThrough());
        assertTrue(one.totalExact().signum() > 0 && one.skipped().size() >= 3, one.skipped().toString());
        assertTrue(distributed.byBillingFamily());
        // Per account too, and under a what-if.
        assertSame(Rerater.of(PriceBook.bundled()).perAccount(true).whatIfArm(true).rate(bill),
                SparkRerater.bundled().perAccount(true).whatIfArm(true).rate(csv), true);
    }

    @Test
    void theSameBillAsParquetWithDoubleCostsRatesToTheSameFigures() {
        Rerater.Result one = Rerater.of(PriceBook.bundled()).tags(List.of("team")).rate(bill);
        Path parquet = dir.resolve("bill.parquet");
        Dataset<Row> csv = spark.read().option("header", "true").csv(bill.toString());
        // Typed as CUR 2.0's Parquet types them: amounts and costs double, the start a timestamp, the tag in the
        // resource_tags map under the key AWS gives it.
        csv.withColumn("lineItem/UsageAmount", functions.expr("try_cast(`lineItem/UsageAmount` AS DOUBLE)"))
                .withColumn("lineItem/UnblendedCost", functions.expr("try_cast(`lineItem/UnblendedCost` AS DOUBLE)"))
                .withColumn("lineItem/UsageStartDate", functions.expr("try_cast(`lineItem/UsageStartDate` AS TIMESTAMP)"))
                .withColumn("resource_tags", functions.expr("IF(`resourceTags/user:team` IS NULL, "
                        + "map('aws_created_by', 'ops'), map('aws_created_by', 'ops', 'user_team', "
                        + "`resourceTags/user:team`))"))
                .drop("resourceTags/user:team")
                .coalesce(1).write().parquet(parquet.toString());
        Dataset<Row> typed = spark.read().parquet(parquet.toString());
        assertTrue(typed.schema().apply("resource_tags").dataType() instanceof org.apache.spark.sql.types.MapType);
        Rerater.Result distributed = SparkRerater.bundled().tags(List.of("team")).rate(typed);
        // A cost of ten places survives a double exactly as its shortest decimal; a row whose amount is not a
        // number becomes null in Parquet and is skipped under the same reason.
        assertSame(one, distributed, false);
        assertEquals(plain(one.byTag().get("team")), plain(distributed.byTag().get("team")));
        assertEquals(2, one.byTag().get("team").size()); // web and untagged
    }

    @Test
    void onlyTheColumnsReadAreSelected() {
        Dataset<Row> csv = spark.read().option("header", "true").csv(bill.toString())
                .withColumn("product", functions.lit("not read")).withColumn("weird`name", functions.lit("x"));
        assertEquals(List.of("bill/PayerAccountId", "lineItem/UsageAccountId", "lineItem/LineItemType",
                "lineItem/UsageStartDate", "lineItem/ProductCode", "lineItem/UsageType", "lineItem/ResourceId",
                "lineItem/UsageAmount", "lineItem/UnblendedCost", "savingsPlan/SavingsPlanEffectiveCost",
                "reservation/EffectiveCost"), List.of(SparkRerater.bundled().needed(csv).columns()));
        assertEquals(12, SparkRerater.bundled().tags(List.of("team")).needed(csv).columns().length);
        // Per account, the payer's column is not read either.
        assertEquals(10, SparkRerater.bundled().perAccount(true).needed(csv).columns().length);
    }

    @Test
    void anExportOfNoRowsRatesToNothing() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "lineItem/UsageType,lineItem/UsageAmount\n");
        Rerater.Result r = SparkRerater.bundled().rate(spark.read().option("header", "true").csv(empty.toString()));
        assertEquals(0, r.rows());
        assertEquals(0, r.totalExact().signum());
    }

    @Test
    void anExportWithoutTheColumnsIsRefusedOnTheDriver() {
        Dataset<Row> none = spark.range(3).toDF("id");
        var e = assertThrows(UsageExportException.class, () -> SparkRerater.bundled().rate(none));
        assertTrue(e.getMessage().startsWith("dataset: no usage type and amount columns"), e.getMessage());
    }

    @Test
    void valuesAreWrittenAsTheirPlainDecimals() {
        assertEquals("0.0000166667", SparkRerater.text(1.66667E-5));
        assertEquals("730.0", SparkRerater.text(730.0));
        assertEquals("12.5", SparkRerater.text(new BigDecimal("1.25E+1")));
        assertEquals(null, SparkRerater.text(null));
        assertEquals("2026-10-01T00:00:00Z", SparkRerater.text(java.sql.Timestamp.from(
                java.time.Instant.parse("2026-10-01T00:00:00Z"))));
    }
}
