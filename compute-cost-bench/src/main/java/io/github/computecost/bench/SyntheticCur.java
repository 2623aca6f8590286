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
 *     cur.csv 10000000 [seed]
 * </pre>
 */
public final class SyntheticCur {

    private static final String[] TYPES = {"Request", "Lambda-GB-Second", "Request-ARM", "Lambda-GB-Second-ARM",
        "USE1-Fargate-vCPU-Hours:perCPU", "USE1-Fargate-GB-Hours", "EU-Lambda-GB-Second", "DataTransfer-Out-Bytes"};

    private SyntheticCur() {
    }

    /** Writes {@code rows} rows and a header line to {@code file}. */
    public static void write(Path file, int rows, long seed) throws IOException {
        Random rnd = new Random(seed);
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("lineItem/UsageAccountId,lineItem/UsageStartDate,lineItem/UsageType,lineItem/ResourceId,"
                    + "lineItem/UsageAmount\n");
            StringBuilder sb = new StringBuilder(128);
            for (int i = 0; i < rows; i++) {
                sb.setLength(0);
                long account = 100000000000L + rnd.nextInt(10);
                int day = 1 + rnd.nextInt(28);
                sb.append(account).append(",2026-10-").append(day < 10 ? "0" : "").append(day)
                        .append("T00:00:00Z,").append(TYPES[rnd.nextInt(TYPES.length)]).append(",arn:res:")
                        .append(rnd.nextInt(2000)).append(',').append(rnd.nextInt(100000)).append('.')
                        .append(rnd.nextInt(1000)).append('\n');
                w.append(sb);
            }
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: SyntheticCur FILE ROWS [SEED]");
            System.exit(2);
        }
        write(Path.of(args[0]), Integer.parseInt(args[1]), args.length > 2 ? Long.parseLong(args[2]) : 42L);
    }
}
