package io.github.computecost.rerate;

import static io.github.computecost.Decimals.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.pricing.PriceBook;
import java.io.IOException;
import java.nio.file.Files;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RerateTest {

    static final Path LEGACY = Path.of("compute-cost/src/test/resources/rerate/cur-legacy.csv");
    static final Path CUR2 = Path.of("compute-cost/src/test/resources/rerate/cur2.csv");

    @TempDir
    Path dir;

    @Test
    void aParquetExportWithoutItsReaderIsRefusedNamingTheModuleToAdd() throws IOException {
        // The library's tests have no Parquet reader: the file is told by its magic number, whatever its name.
        Path file = Files.write(dir.resolve("bill.csv"), new byte[] {'P', 'A', 'R', '1', 0, 0, 0, 0});
        var e = assertThrows(UsageExportException.class, () -> Rerater.of(PriceBook.bundled()).rate(file));
        assertEquals(file + ": a Parquet export; reading it needs the module compute-cost-parquet "
                + "(io.github.computecost:compute-cost-parquet) on the class path, or SparkRerater (module "
                + "compute-cost-spark)", e.getMessage());
        Path parts = Files.createDirectory(dir.resolve("parts"));
        Files.write(parts.resolve("part-0.parquet"), new byte[] {'P', 'A', 'R', '1'});
        var d = assertThrows(UsageExportException.class, () -> Rerater.of(PriceBook.bundled()).rate(parts));
        assertTrue(d.getMessage().startsWith(parts + ": a Parquet export; reading it needs"), d.getMessage());
    }

    @Test
    void aSmallExportRatedByHand() {
        Rerater.Result r = Rerater.of(PriceBook.bundled()).rate(LEGACY);
        assertEquals(8, r.rows());
        assertEquals(6, r.rated());
        assertEquals(Map.of("usage amount is not a number", 1L, "usage type not priced by compute-cost", 1L), r.skipped());
        // Account 111, October: orders is AWS's example (3M requests, 1.5M GB-s: 18.73337 with the free tier),
        // reports' 100 Arm requests come after the free million (0.00002), the Fargate task 730 h × 0.04048.
        assertDecimal("18.73337", r.byResource().get(
                "arn:aws:lambda:us-east-1:111111111111:function:orders [AWSLambda us-east-1]"));
        assertDecimal("0.00002", r.byResource().get(
                "arn:aws:lambda:eu-west-1:111111111111:function:reports [AWSLambda eu-west-1]"));
        assertDecimal("29.5504", r.byUsageType().get("USE1-Fargate-vCPU-Hours:perCPU"));
        // Account 222 has its own free tier.
        assertDecimal("0", r.byResource().get("arn:aws:lambda:us-east-1:222222222222:function:tiny [AWSLambda us-east-1]"));
        assertDecimal("48.28379", r.totalExact());
        assertDecimal("3500000", r.quantityByUsageType().get("Request"));
        // The same rule as an estimate's: totalExact() a BigDecimal without trailing zeros, total() a MonetaryAmount
        // whose arithmetic works.
        assertEquals("48.28379", r.totalExact().toPlainString());
        assertEquals("USD", r.total().getCurrency().getCurrencyCode());
        assertEquals(0, r.total().getNumber().numberValue(BigDecimal.class).compareTo(r.totalExact()));
        assertEquals(0, r.total().divide(3).getNumber().numberValue(BigDecimal.class)
                .compareTo(new BigDecimal("16.09459666666666666666666666666667")), "rounded to 34 digits");
    }

    static final Path ORGANIZATION = Path.of("compute-cost/src/test/resources/rerate/cur-organization.csv");

    /**
     * Three linked accounts of one payer, each under Lambda's free tier alone (600,000 requests and 200,000 GB-s of
     * the 1M and 400,000 a month), over it together: AWS Organizations gives the family one free tier.
     */
    @Test
    void aBillingFamilySharesOneFreeTierAndEachAccountAloneIsAnOption() {
        Rerater.Result family = Rerater.of(PriceBook.bundled()).rate(ORGANIZATION);
        assertTrue(family.byBillingFamily());
        // 1,800,001 requests less the free million at 0.20 per million; 600,000 GB-s less 400,000 at 0.0000166667.
        assertDecimal("3.4933402", family.totalExact());
        assertDecimal("0.1600002", family.byUsageType().get("Request"));
        assertDecimal("3.33334", family.byUsageType().get("Lambda-GB-Second"));
        // Two accounts' usage without a resource id stays apart while rating, and is shown together by name.
        assertEquals(family.totalExact(), family.byResource().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        assertTrue(family.byResource().containsKey("(no resource id) [AWSLambda us-east-1]"), family.byResource()
                .toString());
        // Each account alone: none leaves the free tier but account 222's extra request (its 600,001st is free too).
        Rerater.Result alone = Rerater.of(PriceBook.bundled()).perAccount(true).rate(ORGANIZATION);
        assertTrue(!alone.byBillingFamily());
        assertDecimal("0", alone.totalExact());
        // An export that names no payer is rated per account, as before.
        assertTrue(!Rerater.of(PriceBook.bundled()).rate(LEGACY).byBillingFamily());
    }

    @Test
    void cur2ColumnsWhatIfArmAndGzip() throws IOException {
        Rerater.Result x86 = Rerater.of(PriceBook.bundled()).rate(CUR2);
        assertDecimal("19.33337", x86.totalExact()); // 18.73337 + 1M Lambda@Edge requests at 0.0000006
        assertDecimal("0.6", x86.byUsageType().get("Lambda-Edge-Request"));
        Path gz = dir.resolve("cur2.csv.gz");
        try (var out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(CUR2));
        }
        Rerater.Result arm = Rerater.of(PriceBook.bundled()).whatIfArm(true).rate(gz);
        assertDecimal("15.66674", arm.totalExact()); // 1.1M GB-s × 0.0000133334 + 0.4 + 0.6
        assertTrue(arm.byUsageType().containsKey("Lambda-GB-Second-ARM"));
        assertDecimal("21.2001", Rerater.of(PriceBook.bundled()).freeTier(false).whatIfArm(true).rate(gz).totalExact());
    }

    @Test
    void exportsWithoutTheColumnsAreRefused() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "a,b\n1,2\n");
        UsageExportException e = assertThrows(UsageExportException.class,
                () -> Rerater.of(PriceBook.bundled()).rate(bad));
        assertTrue(e.getMessage().contains("no usage type and amount columns"), e.getMessage());
        assertThrows(UsageExportException.class, () -> Rerater.of(PriceBook.bundled()).rate(dir.resolve("none.csv")));
    }

    @Test
    void aTruncatedQuotedLineIsSkippedByReasonAndTheRestIsRated() throws IOException {
        Path cur = dir.resolve("truncated.csv");
        Files.writeString(cur, "lineItem/UsageType,lineItem/UsageAmount,lineItem/ResourceId\n"
                + "Request,2000000,\"arn:fn\n"
                + "Request,3000000,arn:fn\n");
        Rerater.Result r = Rerater.of(PriceBook.bundled()).rate(cur);
        assertEquals(Map.of("a quoted field is not closed", 1L), r.skipped());
        assertEquals(1, r.rated());
        assertDecimal("0.4", r.totalExact()); // 3M requests less the 1M free, at 0.0000002
    }

    @Test
    void aByteOrderMarkAndCrlfLineEndsAreRead() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String text = "lineItem/UsageType,lineItem/UsageAmount\r\nRequest,3000000\r\n\r\nRequest,1.5\r\n";
        var in = new java.io.ByteArrayOutputStream();
        in.write(bom);
        in.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Rerater.Result r = Rerater.of(PriceBook.bundled()).freeTier(false)
                .rate(new java.io.ByteArrayInputStream(in.toByteArray()), "bom.csv");
        assertEquals(2, r.rows()); // the empty line is not a row
        assertDecimal("3000001.5", r.quantityByUsageType().get("Request"));
        assertDecimal("0.6000003", r.totalExact());
    }

    @Test
    void aGzippedStreamIsRecognisedByItsContentNotItsName() throws IOException {
        var gz = new java.io.ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(gz)) {
            out.write(Files.readAllBytes(LEGACY));
        }
        Rerater.Result r = Rerater.of(PriceBook.bundled()).rate(new java.io.ByteArrayInputStream(gz.toByteArray()), "x");
        assertDecimal("48.28379", r.totalExact());
    }

    @Test
    void aLineOfMoreThan16MiBIsSkippedByReason() throws IOException {
        Path cur = dir.resolve("long.csv");
        try (var w = Files.newBufferedWriter(cur)) {
            w.write("lineItem/UsageType,lineItem/UsageAmount,lineItem/ResourceId\nRequest,2000000,");
            char[] chunk = new char[1 << 20];
            java.util.Arrays.fill(chunk, 'x');
            for (int i = 0; i < 17; i++) {
                w.write(chunk);
            }
            w.write("\nRequest,3000000,arn:fn\n");
        }
        Rerater.Result r = Rerater.of(PriceBook.bundled()).rate(cur);
        assertEquals(Map.of("line longer than 16 MiB", 1L), r.skipped());
        assertEquals(2, r.rows());
        assertDecimal("0.4", r.totalExact());
    }

    @Test
    void recordsGivenThroughTheApiRateLikeTheirLines() {
        var month = java.time.YearMonth.of(2026, 10);
        Rerater.Result r = Rerater.of(PriceBook.bundled()).rate(java.util.List.of(
                new BilledUsage("111111111111", month, "Request", "arn:fn", new java.math.BigDecimal("3000000")),
                new BilledUsage("111111111111", month, "Lambda-GB-Second", "arn:fn", new java.math.BigDecimal("1500000")),
                new BilledUsage("111111111111", month, "Lambda-GB-Second", "arn:fn", new java.math.BigDecimal("-1")),
                new BilledUsage(null, null, "DataTransfer-Out-Bytes", null, java.math.BigDecimal.ONE)).iterator());
        assertDecimal("18.73337", r.totalExact()); // AWS's worked example
        assertEquals(Map.of("negative usage amount", 1L, "usage type not priced by compute-cost", 1L), r.skipped());
        assertEquals(4, r.rows());
        assertEquals(2, r.rated());
    }

    @Test
    void lightsailHoursOnABillArePricedUnderAwsUsageTypes() throws IOException {
        Path cur = dir.resolve("lightsail.csv");
        Files.writeString(cur, "lineItem/UsageType,lineItem/UsageAmount,lineItem/ResourceId\n"
                + "USE1-BundleUsage:0.5GB,100,arn:aws:lightsail:us-east-1:1:Instance/a\n"
                + "USE1-BundleUsage:2GB_win,10,arn:aws:lightsail:us-east-1:1:Instance/b\n");
        Rerater.Result r = Rerater.of(PriceBook.bundled()).rate(cur);
        assertEquals(Map.of(), r.skipped());
        assertDecimal("0.672", r.byUsageType().get("USE1-BundleUsage:0.5GB")); // 100 h × $0.00672 ($5 / 744, cut)
        assertDecimal("0.2956", r.byUsageType().get("USE1-BundleUsage:2GB_win")); // 10 h × $0.02956 ($22 / 744, cut)
        assertEquals(java.util.Set.of("USE1-BundleUsage:0.5GB", "USE1-BundleUsage:2GB_win"), r.derivedUsageTypes());
    }

    @Test
    void progressIsReportedOnceTheExportIsReadWithItsRowsAndBytes() throws IOException {
        java.util.List<io.github.computecost.Progress> seen = new java.util.ArrayList<>();
        Rerater.Result r = Rerater.of(PriceBook.bundled()).progress(seen::add).rate(LEGACY);
        io.github.computecost.Progress last = seen.get(seen.size() - 1);
        assertTrue(last.done());
        assertEquals(r.rows(), last.rows());
        assertEquals(Files.size(LEGACY), last.bytes()); // every byte, the header's too
        assertEquals(Files.size(LEGACY), last.totalBytes().getAsLong());
        assertEquals(java.time.Duration.ZERO, last.remaining().orElseThrow());
        // Gzipped, the bytes counted are the compressed ones, as the file's size is.
        Path gz = dir.resolve("legacy.csv.gz");
        try (var out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(LEGACY));
        }
        seen.clear();
        Rerater.of(PriceBook.bundled()).progress(seen::add).rate(gz);
        assertEquals(Files.size(gz), seen.get(seen.size() - 1).bytes());
    }

    @Test
    void aZstdCompressedExportIsRecognisedByItsContent() throws IOException {
        Path zst = dir.resolve("cur-legacy.csv.zst");
        try (var out = new io.airlift.compress.zstd.ZstdOutputStream(Files.newOutputStream(zst))) {
            out.write(Files.readAllBytes(LEGACY));
        }
        Rerater.Result r = Rerater.of(PriceBook.bundled()).rate(zst);
        assertDecimal("48.28379", r.totalExact()); // as the plain file
        assertEquals(8, r.rows());
        // Whatever its name: a zstd stream is told by its magic number.
        Path named = dir.resolve("export.csv");
        Files.copy(zst, named);
        assertDecimal("48.28379", Rerater.of(PriceBook.bundled()).rate(named).totalExact());
    }
}
