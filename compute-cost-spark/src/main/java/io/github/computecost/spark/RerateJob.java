package io.github.computecost.spark;

import io.github.computecost.ComputeCostException;
import io.github.computecost.report.RerateReport;
import io.github.computecost.rerate.Rerater;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code spark-submit --class io.github.computecost.spark.RerateJob JAR PATH [csv|parquet] [text|json]}: re-rates the
 * export at {@code PATH} (a file or a directory of parts, any file system Spark reads: {@code s3a://…},
 * {@code hdfs://…}) on the bundled prices and prints {@code rate-usage}'s report on the driver. CSV is read with its
 * header, every column as text; Parquet with its own types. Exit 2 for an export that is not one, with one line.
 */
public final class RerateJob {

    private RerateJob() {
    }

    /**
     * Re-rates an export and prints the result on standard output; exits with 2 on bad input.
     *
     * @param args the export's path (a file or a directory of parts), then optionally its format ({@code csv} or {@code
     *     parquet}) and the output's ({@code text} or {@code json})
     */
    public static void main(String[] args) {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: RerateJob PATH [csv|parquet] [text|json]");
            System.exit(2);
        }
        String format = args.length > 1 ? args[1] : args[0].endsWith(".parquet") ? "parquet" : "csv";
        String output = args.length > 2 ? args[2] : "text";
        if (!format.equals("csv") && !format.equals("parquet") || !output.equals("text") && !output.equals("json")) {
            System.err.println("compute-cost: the format is csv or parquet and the output text or json, were " + format
                    + " and " + output);
            System.exit(2);
        }
        SparkSession spark = SparkSession.builder().appName("compute-cost rate-usage").getOrCreate();
        int code = 0;
        try {
            Dataset<Row> export = format.equals("csv") ? spark.read().option("header", "true").csv(args[0])
                    : spark.read().parquet(args[0]);
            Rerater.Result r = SparkRerater.bundled().rate(export);
            System.out.print(output.equals("json") ? RerateReport.json(r) : RerateReport.text(r, args[0]));
        } catch (ComputeCostException e) {
            System.err.println("compute-cost: " + e.getMessage());
            code = 2;
        } finally {
            spark.stop();
        }
        System.exit(code);
    }
}
