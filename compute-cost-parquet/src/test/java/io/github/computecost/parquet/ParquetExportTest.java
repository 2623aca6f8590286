package io.github.computecost.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.internal.Csv;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.rerate.Rerater;
import io.github.computecost.rerate.UsageExportException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bill of {@code cur-line-item-types.csv} written as CUR 2.0 Parquet (CUR 2.0's names and types: costs and
 * amounts {@code double}, the start a timestamp, Snappy) rates to the same figures as the CSV, as one file and as a
 * directory of parts.
 */
class ParquetExportTest {

    static final Path CSV = Path.of("compute-cost/src/test/resources/rerate/cur-line-item-types.csv");

    /** CUR 2.0's column for each legacy one (https://docs.aws.amazon.com/cur/latest/userguide/table-dictionary-cur2.html). */
    static final Map<String, String> NAMES = Map.ofEntries(Map.entry("identity/LineItemId", "identity_line_item_id"),
            Map.entry("bill/PayerAccountId", "bill_payer_account_id"),
            Map.entry("lineItem/UsageAccountId", "line_item_usage_account_id"),
            Map.entry("lineItem/LineItemType", "line_item_line_item_type"),
            Map.entry("lineItem/UsageStartDate", "line_item_usage_start_date"),
            Map.entry("lineItem/ProductCode", "line_item_product_code"),
            Map.entry("lineItem/UsageType", "line_item_usage_type"),
            Map.entry("lineItem/ResourceId", "line_item_resource_id"),
            Map.entry("lineItem/UsageAmount", "line_item_usage_amount"),
            Map.entry("lineItem/UnblendedCost", "line_item_unblended_cost"),
            Map.entry("savingsPlan/SavingsPlanEffectiveCost", "savings_plan_savings_plan_effective_cost"),
            Map.entry("reservation/EffectiveCost", "reservation_effective_cost"),
            Map.entry("resourceTags/user:team", "resource_tags_user_team"));

    static final MessageType SCHEMA = MessageTypeParser.parseMessageType("message cur {"
            + " optional binary identity_line_item_id (STRING); optional binary bill_payer_account_id (STRING);"
            + " optional binary line_item_usage_account_id (STRING); optional binary line_item_line_item_type (STRING);"
            + " optional int64 line_item_usage_start_date (TIMESTAMP(MILLIS,true));"
            + " optional binary line_item_product_code (STRING); optional binary line_item_usage_type (STRING);"
            + " optional binary line_item_resource_id (STRING); optional double line_item_usage_amount;"
            // CUR 2.0's product map lies among the columns read, and is not read itself.
            + " optional group product (MAP) { repeated group key_value { required binary key (STRING);"
            + " optional binary value (STRING); } }"
            + " optional double line_item_unblended_cost; optional double savings_plan_savings_plan_effective_cost;"
            + " optional double reservation_effective_cost; optional binary resource_tags_user_team (STRING);"
            + " optional group resource_tags (MAP) { repeated group key_value { required binary key (STRING);"
            + " optional binary value (STRING); } } }");

    @TempDir
    Path dir;

    /** Writes rows {@code from..to} of the CSV (header excluded) as CUR 2.0 Parquet. */
    static void write(Path file, int from, int to) throws IOException {
        write(CSV, NAMES, SCHEMA, file, from, to, true, CompressionCodecName.SNAPPY);
    }

    static void write(Path csv, Map<String, String> names, MessageType schema, Path file, int from, int to,
            boolean tagMap) throws IOException {
        write(csv, names, schema, file, from, to, tagMap, CompressionCodecName.SNAPPY);
    }

    static void write(Path csv, Map<String, String> names, MessageType schema, Path file, int from, int to,
            boolean tagMap, CompressionCodecName codec) throws IOException {
        write(csv, names, schema, file, from, to, tagMap, b -> b.withCompressionCodec(codec));
    }

    /**
     * Writes rows {@code from..to} of {@code csv} as Parquet of {@code schema}, each column renamed by {@code names},
     * with the writer's settings as {@code settings} leaves them.
     */
    static void write(Path csv, Map<String, String> names, MessageType schema, Path file, int from, int to,
            boolean tagMap, java.util.function.UnaryOperator<ExampleParquetWriter.Builder> settings) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = Csv.split(lines.get(0));
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> w = settings.apply(ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withType(schema).withConf(new PlainParquetConfiguration())).build()) {
            for (int i = 1 + from; i < 1 + to && i < lines.size(); i++) {
                List<String> v = Csv.split(lines.get(i));
                Group g = groups.newGroup();
                for (int c = 0; c < header.size(); c++) {
                    String name = names.getOrDefault(header.get(c), header.get(c));
                    String value = v.get(c);
                    if (value.isEmpty() || !schema.containsField(name)) {
                        continue; // null, as Parquet writes an empty cell
                    }
                    switch (schema.getType(name).asPrimitiveType().getPrimitiveTypeName()) {
                        case DOUBLE -> {
                            try {
                                g.append(name, Double.parseDouble(value));
                            } catch (NumberFormatException e) {
                                // not a number: null in a typed column
                            }
                        }
                        case INT64 -> {
                            if (schema.getType(name).getLogicalTypeAnnotation()
                                    instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
                                g.append(name, new BigDecimal(value).movePointRight(d.getScale()).longValueExact());
                            } else {
                                g.append(name, Instant.parse(value).toEpochMilli());
                            }
                        }
                        default -> g.append(name, value);
                    }
                }
                if (schema.containsField("product")) {
                    g.addGroup("product").addGroup("key_value").append("key", "region").append("value", "us-east-1");
                }
                if (tagMap) { // CUR 2.0's map: the team tag as AWS names it, beside one of AWS's own
                    Group map = g.addGroup("resource_tags");
                    map.addGroup("key_value").append("key", "aws_created_by").append("value", "ops");
                    int team = header.indexOf("resourceTags/user:team");
                    if (!v.get(team).isEmpty()) {
                        map.addGroup("key_value").append("key", "user_team").append("value", v.get(team));
                    }
                    map.addGroup("key_value").append("key", "user_owner"); // a key without a value
                }
                w.write(g);
            }
        }
    }

    private static Map<String, String> plain(Map<String, BigDecimal> m) {
        Map<String, String> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.stripTrailingZeros().toPlainString()));
        return out;
    }

    /**
     * A flat bill of more rows than a batch and more keys than a row-by-row bill finds by numbers, with every line item
     * type, empty, negative and unpriced rows, in row groups of several pages from a dictionary then plain: read column
     * by column (doubles), and row by row (the amount a decimal, which only the row reader reads), it rates as its CSV.
     */
    @Test
    void aFlatBillOfManyKeysRatesColumnByColumnAsItsCsvAndRowByRow() throws IOException {
        Path csv = dir.resolve("many.csv");
        String[] kinds = {"Usage", "Usage", "Usage", "Usage", "SavingsPlanCoveredUsage", "Credit", "Tax", "Refund"};
        String[] types = {"Request", "Lambda-GB-Second", "USE1-Fargate-GB-Hours", "DataTransfer-Out-Bytes"};
        java.util.Random random = new java.util.Random(5);
        StringBuilder text = new StringBuilder("bill/PayerAccountId,lineItem/UsageAccountId,lineItem/LineItemType,"
                + "lineItem/UsageStartDate,lineItem/ProductCode,lineItem/UsageType,lineItem/ResourceId,"
                + "lineItem/UsageAmount,lineItem/UnblendedCost,savingsPlan/SavingsPlanEffectiveCost\n");
        int rows = 3 * ParquetExport.BATCH_ROWS + 1_234;
        for (int i = 0; i < rows; i++) {
            String kind = kinds[random.nextInt(kinds.length)];
            String amount = random.nextInt(50) == 0 ? "" : random.nextInt(80) == 0 ? "-1.5"
                    : random.nextInt(100_000) + "." + random.nextInt(1_000);
            String cost = (kind.equals("Credit") || kind.equals("Refund") ? "-" : "") + "0."
                    + String.format(java.util.Locale.ROOT, "%010d", random.nextInt(1_000_000_000));
            text.append("999999999999,").append(100000000000L + random.nextInt(3)).append(',').append(kind)
                    .append(",2026-").append(random.nextBoolean() ? "10-0" : "11-1").append(1 + random.nextInt(9))
                    .append("T00:00:00Z,AWSLambda,").append(types[random.nextInt(types.length)]).append(",arn:res:")
                    .append(random.nextInt(2_000)).append(',').append(amount).append(',').append(cost).append(',')
                    .append(kind.equals("SavingsPlanCoveredUsage") ? "0.0" + random.nextInt(100_000) : "")
                    .append('\n');
        }
        Files.writeString(csv, text);
        String flat = "message cur { optional binary bill_payer_account_id (STRING);"
                + " optional binary line_item_usage_account_id (STRING); optional binary line_item_line_item_type (STRING);"
                + " optional int64 line_item_usage_start_date (TIMESTAMP(MILLIS,true));"
                + " optional binary line_item_product_code (STRING); optional binary line_item_usage_type (STRING);"
                + " optional binary line_item_resource_id (STRING); optional %s;"
                + " optional double line_item_unblended_cost; optional double savings_plan_savings_plan_effective_cost; }";
        MessageType byColumns = MessageTypeParser.parseMessageType(String.format(flat, "double line_item_usage_amount"));
        MessageType byRows = MessageTypeParser.parseMessageType(String.format(flat, "int64 line_item_usage_amount (DECIMAL(18,3))"));
        java.util.function.UnaryOperator<ExampleParquetWriter.Builder> small = b -> b.withRowGroupSize(256 * 1024L)
                .withPageRowCountLimit(1_000).withDictionaryPageSize(4 * 1024);
        Path columnar = dir.resolve("many.parquet");
        write(csv, NAMES, byColumns, columnar, 0, rows, false, small);
        Path decimal = dir.resolve("many-decimal.parquet");
        write(csv, NAMES, byRows, decimal, 0, rows, false, small);
        List<String> lines = Files.readAllLines(csv);
        try (var reader = PureJavaCodecs.open(columnar)) {
            assertTrue(reader.getFooter().getBlocks().size() > 1, "row groups: " + reader.getFooter().getBlocks().size());
        }
        Rerater rerater = Rerater.of(PriceBook.bundled());
        Rerater.Result expected = rerater.rate(csv);
        java.util.Set<String> keys = new java.util.HashSet<>(); // of the rows rated: account, month, resource, kind, type
        for (String line : lines.subList(1, lines.size())) {
            List<String> v = Csv.split(line);
            if ((v.get(2).equals("Usage") || v.get(2).equals("SavingsPlanCoveredUsage")) && !v.get(5).startsWith("Data")
                    && !v.get(7).isEmpty() && !v.get(7).startsWith("-")) {
                keys.add(v.get(1) + v.get(3).substring(0, 7) + v.get(6) + v.get(2) + v.get(5));
            }
        }
        assertTrue(keys.size() > 4_096, "keys: " + keys.size());
        for (Path file : List.of(columnar, decimal)) {
            Rerater.Result r = ParquetExport.rate(rerater, file);
            String f = file.getFileName().toString();
            assertEquals(expected.totalExact(), r.totalExact(), f);
            assertEquals(expected.rows(), r.rows(), f);
            assertEquals(expected.rated(), r.rated(), f);
            assertEquals(expected.skipped(), r.skipped(), f);
            assertEquals(List.copyOf(expected.byResource().entrySet()), List.copyOf(r.byResource().entrySet()), f);
            assertEquals(expected.byUsageType(), r.byUsageType(), f);
            assertEquals(expected.quantityByUsageType(), r.quantityByUsageType(), f);
            assertEquals(expected.covered(), r.covered(), f);
            assertEquals(expected.passedThrough(), r.passedThrough(), f);
            assertEquals(expected.reconciliation(), r.reconciliation(), f);
        }
    }

    @Test
    void aCur2ParquetBillRatesToTheFiguresOfTheSameCsv() throws IOException {
        Path file = dir.resolve("bill.parquet");
        write(file, 0, 100);
        Rerater rerater = Rerater.of(PriceBook.bundled()).tags(List.of("team"));
        Rerater.Result csv = rerater.rate(CSV);
        Rerater.Result parquet = ParquetExport.rate(rerater, file);
        assertEquals(0, csv.totalExact().compareTo(parquet.totalExact()), parquet.totalExact().toPlainString());
        assertEquals(csv.rows(), parquet.rows());
        assertEquals(csv.rated(), parquet.rated());
        assertEquals(csv.skipped(), parquet.skipped());
        assertEquals(plain(csv.byUsageType()), plain(parquet.byUsageType()));
        assertEquals(plain(csv.byResource()), plain(parquet.byResource()));
        assertEquals(0, csv.passedThroughTotal().compareTo(parquet.passedThroughTotal()));
        assertEquals(0, csv.reconciliation().orElseThrow().variance().compareTo(parquet.reconciliation()
                .orElseThrow().variance()));
        for (int i = 0; i < csv.covered().size(); i++) {
            assertEquals(0, csv.covered().get(i).discount().orElseThrow().compareTo(parquet.covered().get(i)
                    .discount().orElseThrow()));
        }
        assertEquals(plain(csv.byTag().get("team")), plain(parquet.byTag().get("team")));
    }

    @Test
    void cur2sResourceTagsMapGivesTheCostPerTagOfTheLegacyTagColumn() throws IOException {
        MessageType onlyTheMap = MessageTypeParser.parseMessageType(SCHEMA.toString()
                .replace("optional binary resource_tags_user_team (STRING);", ""));
        assertTrue(!onlyTheMap.containsField("resource_tags_user_team") && onlyTheMap.containsField("resource_tags"));
        Path file = dir.resolve("tags.parquet");
        write(CSV, NAMES, onlyTheMap, file, 0, 100, true);
        Rerater rerater = Rerater.of(PriceBook.bundled()).tags(List.of("team"));
        Rerater.Result csv = rerater.rate(CSV);
        Rerater.Result parquet = ParquetExport.rate(rerater, file);
        assertTrue(csv.byTag().get("team").size() >= 3, csv.byTag().toString()); // teams and untagged
        assertEquals(plain(csv.byTag().get("team")), plain(parquet.byTag().get("team")));
        assertEquals(csv.skipped(), parquet.skipped());
    }

    /**
     * The command line's tests read {@code cur2-line-item-types.parquet}, made by {@link #write(Path, int, int)}
     * (CUR 2.0 names and types, the tag in the {@code resource_tags} map, Snappy): it is the same bill as the CSV.
     */
    @Test
    void theCommittedParquetBillIsTheTestBill() {
        Path committed = Path.of("compute-cost-parquet/src/test/resources/cur2-line-item-types.parquet");
        Rerater rerater = Rerater.of(PriceBook.bundled()).tags(List.of("team"));
        Rerater.Result csv = rerater.rate(CSV);
        Rerater.Result parquet = ParquetExport.rate(rerater, committed);
        assertEquals(csv.rows(), parquet.rows());
        assertEquals(0, csv.totalExact().compareTo(parquet.totalExact()));
        assertEquals(plain(csv.byResource()), plain(parquet.byResource()));
        assertEquals(plain(csv.byTag().get("team")), plain(parquet.byTag().get("team")));
        assertEquals(0, csv.passedThroughTotal().compareTo(parquet.passedThroughTotal()));
    }

    @Test
    void aFocusParquetExportRatesToTheFiguresOfTheSameFocusCsv() throws IOException {
        Path focusCsv = Path.of("compute-cost/src/test/resources/rerate/focus-line-item-types.csv");
        MessageType focus = MessageTypeParser.parseMessageType("message focus {"
                + " optional binary BillingAccountId (STRING); optional binary SubAccountId (STRING);"
                + " optional binary ChargeCategory (STRING); optional binary CommitmentDiscountStatus (STRING);"
                + " optional binary CommitmentDiscountCategory (STRING);"
                + " optional int64 ChargePeriodStart (TIMESTAMP(MILLIS,true)); optional binary x_ServiceCode (STRING);"
                + " optional binary x_UsageType (STRING); optional binary ResourceId (STRING);"
                + " optional double ConsumedQuantity; optional double BilledCost; optional double EffectiveCost; }");
        Path file = dir.resolve("focus.parquet");
        write(focusCsv, Map.of(), focus, file, 0, 100, false);
        Rerater rerater = Rerater.of(PriceBook.bundled());
        Rerater.Result csv = rerater.rate(focusCsv);
        Rerater.Result parquet = ParquetExport.rate(rerater, file);
        assertEquals(Rerater.InputFormat.FOCUS, parquet.inputFormat());
        assertEquals(0, csv.totalExact().compareTo(parquet.totalExact()));
        assertEquals(csv.skipped(), parquet.skipped());
        assertEquals(plain(csv.byResource()), plain(parquet.byResource()));
        assertEquals(0, csv.passedThroughTotal().compareTo(parquet.passedThroughTotal()));
        assertEquals(0, csv.reconciliation().orElseThrow().variance().compareTo(parquet.reconciliation()
                .orElseThrow().variance()));
    }

    /** Pages written by parquet-java's own codecs (native Snappy and zstd) are read by the pure-Java ones. */
    @Test
    void everyCodecAwsOrASparkJobWritesIsReadInPureJava() throws IOException {
        Rerater rerater = Rerater.of(PriceBook.bundled()).tags(List.of("team"));
        Rerater.Result csv = rerater.rate(CSV);
        for (CompressionCodecName codec : List.of(CompressionCodecName.UNCOMPRESSED, CompressionCodecName.SNAPPY,
                CompressionCodecName.GZIP, CompressionCodecName.ZSTD, CompressionCodecName.LZ4_RAW)) {
            Path file = dir.resolve(codec + ".parquet");
            write(CSV, NAMES, SCHEMA, file, 0, 100, true, codec);
            Rerater.Result parquet = ParquetExport.rate(rerater, file);
            assertEquals(0, csv.totalExact().compareTo(parquet.totalExact()), codec.toString());
            assertEquals(plain(csv.byResource()), plain(parquet.byResource()), codec.toString());
            assertEquals(plain(csv.byTag().get("team")), plain(parquet.byTag().get("team")), codec.toString());
        }
        for (CompressionCodecName codec : List.of(CompressionCodecName.LZO, CompressionCodecName.BROTLI,
                CompressionCodecName.LZ4)) {
            var e = assertThrows(PureJavaCodecs.UnsupportedCodecException.class,
                    () -> new PureJavaCodecs().getDecompressor(codec));
            assertTrue(e.getMessage().startsWith("pages compressed with " + codec + ", which compute-cost does not "
                    + "read"), e.getMessage());
        }
    }

    /**
     * Text is read from a page's dictionary or from its plain values: a bill written without dictionaries, and one whose
     * writer gives up its dictionaries part way through a column (as writers do when a column's distinct values
     * outgrow the dictionary's size), rate as the CSV does.
     */
    /**
     * A start in any of Parquet's timestamp units counts in its own UTC month, to the last instant of a month and the
     * first of the next, whichever day the row before it was: one free tier of a million Lambda requests a month, so
     * October's three million cost 0.40 and November's half a million nothing. A row put in another month gives
     * another total (November's row in October: 0.50; an October row in November: 0.30).
     */
    @Test
    void aStartCountsInItsOwnMonthInEveryTimestampUnit() throws IOException {
        Rerater rerater = Rerater.of(PriceBook.bundled());
        String[] starts = {"2026-10-31T00:00:01Z", "2026-10-31T23:59:59.999999999Z", "2026-11-01T00:00:00Z",
            "2026-10-31T12:00:00Z", "2026-11-01T00:00:00.000000001Z"};
        for (String unit : new String[] {"MILLIS", "MICROS", "NANOS"}) {
            MessageType schema = MessageTypeParser.parseMessageType("message cur {"
                    + " optional binary line_item_usage_type (STRING); optional binary line_item_resource_id (STRING);"
                    + " optional double line_item_usage_amount;"
                    + " optional int64 line_item_usage_start_date (TIMESTAMP(" + unit + ",true)); }");
            Path file = dir.resolve(unit + ".parquet");
            SimpleGroupFactory groups = new SimpleGroupFactory(schema);
            try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
                    .withConf(new PlainParquetConfiguration()).build()) {
                for (int i = 0; i < starts.length; i++) {
                    Instant start = Instant.parse(starts[i]);
                    long units = switch (unit) {
                        case "MILLIS" -> start.toEpochMilli();
                        case "MICROS" -> start.getEpochSecond() * 1_000_000L + start.getNano() / 1_000;
                        default -> start.getEpochSecond() * 1_000_000_000L + start.getNano();
                    };
                    // The last row, a nanosecond into November, is October's last millisecond and microsecond: none.
                    double requests = i == 2 ? 500_000.0 : i == starts.length - 1 ? 0.0 : 1_000_000.0;
                    w.write(groups.newGroup().append("line_item_usage_type", "Request")
                            .append("line_item_resource_id", "fn").append("line_item_usage_amount", requests)
                            .append("line_item_usage_start_date", units));
                }
            }
            Rerater.Result r = ParquetExport.rate(rerater, file);
            assertEquals(0, new BigDecimal("0.4").compareTo(r.totalExact()), unit + ": " + r.totalExact());
            assertEquals(5, r.rated(), unit);
        }
    }

    @Test
    void textFromDictionaryAndPlainPagesAlikeRatesAsTheCsvDoes() throws IOException {
        Rerater rerater = Rerater.of(PriceBook.bundled()).tags(List.of("team"));
        Rerater.Result csv = rerater.rate(CSV);
        Map<String, java.util.function.UnaryOperator<ExampleParquetWriter.Builder>> writers = Map.of(
                "plain", b -> b.withDictionaryEncoding(false),
                "dictionary, then plain", b -> b.withDictionaryEncoding(true).withPageRowCountLimit(2)
                        .withMinRowCountForPageSizeCheck(1).withDictionaryPageSize(96));
        Map<String, java.util.Set<String>> encodings = new TreeMap<>();
        for (var writer : writers.entrySet()) {
            Path file = dir.resolve(writer.getKey().replace(", ", "-") + ".parquet");
            write(CSV, NAMES, SCHEMA, file, 0, 100, true, writer.getValue());
            try (var reader = PureJavaCodecs.open(file)) {
                java.util.Set<String> seen = new java.util.TreeSet<>();
                reader.getFooter().getBlocks().forEach(block -> block.getColumns().stream()
                        .filter(c -> c.getPath().toDotString().equals("line_item_resource_id"))
                        .forEach(c -> c.getEncodings().forEach(e -> seen.add(e.usesDictionary() ? "dictionary"
                                : e == org.apache.parquet.column.Encoding.PLAIN ? "plain" : "levels"))));
                seen.remove("levels");
                encodings.put(writer.getKey(), seen);
            }
            Rerater.Result parquet = ParquetExport.rate(rerater, file);
            assertEquals(0, csv.totalExact().compareTo(parquet.totalExact()), writer.getKey());
            assertEquals(plain(csv.byResource()), plain(parquet.byResource()), writer.getKey());
            assertEquals(plain(csv.byUsageType()), plain(parquet.byUsageType()), writer.getKey());
            assertEquals(plain(csv.byTag().get("team")), plain(parquet.byTag().get("team")), writer.getKey());
            assertEquals(csv.skipped(), parquet.skipped(), writer.getKey());
        }
        // The files hold what the test says: the resource ids' column plain, and from a dictionary then plain.
        assertEquals(Map.of("dictionary, then plain", java.util.Set.of("dictionary", "plain"), "plain",
                java.util.Set.of("plain")), encodings);
    }

    @Test
    void rerateRateOfAPathReadsParquetByItsMagicNumberAndReportsProgress() throws IOException {
        Path parts = Files.createDirectory(dir.resolve("parts"));
        write(parts.resolve("part-00000.parquet"), 0, 6);
        write(parts.resolve("part-00001.parquet"), 6, 100);
        Path named = dir.resolve("export.csv"); // a name says nothing: its first bytes do
        Files.copy(parts.resolve("part-00001.parquet"), named);
        List<io.github.computecost.Progress> seen = new java.util.ArrayList<>();
        Rerater rerater = Rerater.of(PriceBook.bundled()).progress(seen::add);
        Rerater.Result viaRerater = rerater.rate(parts);
        Rerater.Result direct = ParquetExport.rate(Rerater.of(PriceBook.bundled()), parts);
        assertEquals(direct.totalExact(), viaRerater.totalExact());
        assertEquals(direct.byResource(), viaRerater.byResource());
        io.github.computecost.Progress last = seen.get(seen.size() - 1);
        assertTrue(last.done());
        assertEquals(viaRerater.rows(), last.rows());
        assertTrue(last.bytes() > 0 && last.bytes() <= last.totalBytes().orElseThrow(), last.toString());
        assertEquals(Files.size(parts.resolve("part-00000.parquet")) + Files.size(parts.resolve("part-00001.parquet")),
                last.totalBytes().orElseThrow());
        Rerater.Result one = Rerater.of(PriceBook.bundled()).rate(named);
        assertEquals(ParquetExport.rate(Rerater.of(PriceBook.bundled()), named).totalExact(), one.totalExact());
        assertTrue(one.rows() > 0);
    }

    @Test
    void aDirectoryOfPartsIsOneExportReadInTheOrderOfItsNames() throws IOException {
        Path parts = Files.createDirectory(dir.resolve("2026-10"));
        write(parts.resolve("part-00000.parquet"), 0, 6);
        write(parts.resolve("part-00001.parquet"), 6, 100);
        Files.writeString(parts.resolve("Manifest.json"), "{}"); // not a part
        Rerater rerater = Rerater.of(PriceBook.bundled());
        Rerater.Result csv = rerater.rate(CSV);
        Rerater.Result parquet = ParquetExport.rate(rerater, parts);
        assertEquals(0, csv.totalExact().compareTo(parquet.totalExact()));
        assertEquals(plain(csv.byResource()), plain(parquet.byResource()));
        assertEquals(csv.skipped(), parquet.skipped());
    }

    @Test
    void whatIsNotAParquetExportIsRefusedNamingTheFile() throws IOException {
        Path text = Files.writeString(dir.resolve("bill.parquet"), "lineItem/UsageType,lineItem/UsageAmount\n");
        var e = assertThrows(UsageExportException.class, () -> ParquetExport.rate(Rerater.of(PriceBook.bundled()),
                text));
        assertTrue(e.getMessage().startsWith(text + ": not a Parquet file that can be read"), e.getMessage());
        var missing = assertThrows(UsageExportException.class, () -> ParquetExport.rate(Rerater.of(
                PriceBook.bundled()), dir.resolve("none.parquet")));
        assertEquals(dir.resolve("none.parquet") + ": file not found", missing.getMessage());
        // As a stream, a Parquet file is refused by what it is, not by columns it seems to lack.
        Path file = dir.resolve("real.parquet");
        write(file, 0, 3);
        var asText = assertThrows(UsageExportException.class, () -> {
            try (var in = Files.newInputStream(file)) {
                Rerater.of(PriceBook.bundled()).rate(in, "real");
            }
        });
        assertTrue(asText.getMessage().startsWith("real: a Parquet file, which is not read as a stream"),
                asText.getMessage());
        // Parts of other schemas are not one export.
        Path mixed = Files.createDirectory(dir.resolve("mixed"));
        write(mixed.resolve("part-0.parquet"), 0, 5);
        write(CSV, NAMES, MessageTypeParser.parseMessageType(SCHEMA.toString()
                .replace("optional binary bill_payer_account_id (STRING);", "")), mixed.resolve("part-1.parquet"), 5,
                100, true);
        var parts = assertThrows(UsageExportException.class, () -> ParquetExport.rate(Rerater.of(PriceBook.bundled()),
                mixed));
        assertEquals(mixed.resolve("part-1.parquet") + ": its columns are not those of " + mixed.resolve("part-0.parquet")
                + "; the parts of one export share one schema", parts.getMessage());
        var empty = assertThrows(UsageExportException.class, () -> ParquetExport.rate(Rerater.of(PriceBook.bundled()),
                Files.createDirectory(dir.resolve("empty"))));
        assertTrue(empty.getMessage().endsWith(": a directory without .parquet files"), empty.getMessage());
    }
}
