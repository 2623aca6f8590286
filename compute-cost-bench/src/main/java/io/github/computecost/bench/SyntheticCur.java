package io.github.computecost.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A seeded synthetic Cost-and-Usage-style CSV export (legacy column names), written as it is generated so a file
 * of any size needs no memory: Lambda (x86 and Arm, two regions) and Fargate usage of 2,000 resources in 10
 * accounts over October 2026, and a data-transfer usage type that {@code rate-usage} does not price (about one
 * row in eight, skipped and counted). Amounts have up to three decimal places. The same seed and row count
 * give the same file.
 *
 * <pre>
 * java -cp compute-cost-bench/target/compute-cost-bench-0.1.0-SNAPSHOT.jar io.github.computecost.bench.SyntheticCur \
 *     cur.csv 10000000 [seed [billed]]
 * </pre>
 */
public final class SyntheticCur {

    private static final String[] TYPES = {"Request", "Lambda-GB-Second", "Request-ARM", "Lambda-GB-Second-ARM",
        "USE1-Fargate-vCPU-Hours:perCPU", "USE1-Fargate-GB-Hours", "EU-Lambda-GB-Second", "DataTransfer-Out-Bytes"};

    /** The resources of the default bill. */
    public static final int RESOURCES = 2000;

    private SyntheticCur() {
    }

    /** Writes {@code rows} rows and a header line to {@code file}: usage columns only. */
    public static void write(Path file, int rows, long seed) throws IOException {
        write(file, rows, seed, false);
    }

    /**
     * Writes {@code rows} rows and a header line to {@code file}; {@code billed} adds the columns a real export has
     * and the re-rater reads when present: payer, line item type (one usage row in twenty covered by a Savings Plan,
     * with its effective cost), product code and an unblended cost of ten decimal places, as the CUR writes it.
     */
    public static void write(Path file, int rows, long seed, boolean billed) throws IOException {
        write(file, rows, seed, billed, RESOURCES);
    }

    /**
     * The same over {@code resources} resource ids instead of 2,000: the distinct sums (about 70 per resource, in 10
     * accounts and 7 priced usage types) are what the re-rating's speed depends on beyond the file's size.
     */
    public static void write(Path file, int rows, long seed, boolean billed, int resources) throws IOException {
        if (resources < 1) {
            throw new IllegalArgumentException("resources must be at least 1, was " + resources);
        }
        Random rnd = new Random(seed);
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("lineItem/UsageAccountId,lineItem/UsageStartDate,lineItem/UsageType,lineItem/ResourceId,"
                    + "lineItem/UsageAmount" + (billed ? ",bill/PayerAccountId,lineItem/LineItemType,"
                    + "lineItem/ProductCode,lineItem/UnblendedCost,savingsPlan/SavingsPlanEffectiveCost" : "") + "\n");
            StringBuilder sb = new StringBuilder(128);
            for (int i = 0; i < rows; i++) {
                sb.setLength(0);
                long account = 100000000000L + rnd.nextInt(10);
                int day = 1 + rnd.nextInt(28);
                sb.append(account).append(",2026-10-").append(day < 10 ? "0" : "").append(day)
                        .append("T00:00:00Z,").append(TYPES[rnd.nextInt(TYPES.length)]).append(",arn:res:")
                        .append(rnd.nextInt(resources)).append(',').append(rnd.nextInt(100000)).append('.')
                        .append(rnd.nextInt(1000));
                if (billed) {
                    boolean covered = rnd.nextInt(20) == 0;
                    long cost = rnd.nextInt(1_000_000_000); // ten places: 0.0000000000 to 0.0999999999
                    sb.append(",999999999999,").append(covered ? "SavingsPlanCoveredUsage" : "Usage")
                            .append(",AWSLambda,0.").append(String.format("%010d", cost)).append(',');
                    if (covered) {
                        sb.append("0.").append(String.format("%010d", cost / 2));
                    }
                }
                sb.append('\n');
                w.append(sb);
            }
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: SyntheticCur FILE ROWS [SEED [billed|usage [RESOURCES]]]");
            System.exit(2);
        }
        write(Path.of(args[0]), Integer.parseInt(args[1]), args.length > 2 ? Long.parseLong(args[2]) : 42L,
                args.length > 3 && args[3].equals("billed"), args.length > 4 ? Integer.parseInt(args[4]) : RESOURCES);
    }
}
