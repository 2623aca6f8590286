package io.github.computecost.commitment;

import io.github.computecost.ComputeCostException;
import io.github.computecost.internal.Csv;
import io.github.computecost.pricelist.OfferReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * A Cost and Usage Report's usage hour by hour, as commitments need it: every {@code Usage} line's amount at AWS's
 * public on-demand rate ({@code pricing/publicOnDemandRate}), by the hour it started in, resource and usage type. The
 * hours of the billing period with no usage are kept (a commitment charges them too). Legacy CUR and CUR 2.0 names
 * are both read ({@code lineItem/UsageStartDate} and {@code line_item_usage_start_date}); CSV, optionally gzipped.
 *
 * <p>Only {@code Usage} lines are read: usage a Savings Plan or reservation already covers
 * ({@code SavingsPlanCoveredUsage}, {@code DiscountedUsage}) is left out, so that what is recommended comes on top
 * of the commitments the bill already has. Other line types (fees, credits, taxes) are not usage. The lines skipped
 * are counted by type.
 *
 * @param usage the usage, one period per hour (runs of hours without usage as one period)
 * @param skipped the lines not read, by line item type
 * @param firstHour the first hour, UTC
 * @param hours the hours covered
 */
public record CostReportUsage(HourlyUsage usage, Map<String, Long> skipped, Instant firstHour, long hours) {

    /**
     * Keeps immutable copies of its collections.
     *
     * @param usage the usage, one period per hour (runs of hours without usage as one period)
     * @param skipped the lines not read, by line item type
     * @param firstHour the first hour, UTC
     * @param hours the hours covered
     */
    public CostReportUsage {
        skipped = Map.copyOf(skipped);
    }

    private static final List<String> NEEDED = List.of("lineitemlineitemtype", "lineitemusagestartdate",
            "lineitemusagetype", "lineitemusageamount", "pricingpublicondemandrate");

    /**
     * @param file a cost report (CSV, optionally {@code .gz})
     * @return its usage hour by hour
     * @throws ComputeCostException if the file is missing, lacks a column named above, or has a value that is not
     *     a date or a number, naming the line and column
     */
    public static CostReportUsage read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            return read(file.toString(), r);
        } catch (NoSuchFileException e) {
            throw new ComputeCostException(file + ": file not found");
        } catch (IOException e) {
            throw new ComputeCostException(file + ": cannot be read: " + e.getMessage());
        }
    }

    private record Key(String resource, String region, String usageType) {
    }

    private static CostReportUsage read(String file, BufferedReader r) throws IOException {
        String head = r.readLine();
        if (head == null) {
            throw new ComputeCostException(file + ": empty (a cost report starts with its header)");
        }
        List<String> header = Csv.split(head.startsWith("\uFEFF") ? head.substring(1) : head).stream()
                .map(OfferReader::key).toList();
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.putIfAbsent(header.get(i), i);
        }
        for (String n : NEEDED) {
            if (!col.containsKey(n)) {
                throw new ComputeCostException(file + ": line 1: no column " + n + " (legacy CUR or CUR 2.0 names, "
                        + "for example lineItem/UsageStartDate or line_item_usage_start_date; "
                        + "pricing/publicOnDemandRate "
                        + "gives the on-demand rate)");
            }
        }
        int type = col.get("lineitemlineitemtype");
        int start = col.get("lineitemusagestartdate");
        int usageType = col.get("lineitemusagetype");
        int amount = col.get("lineitemusageamount");
        int rate = col.get("pricingpublicondemandrate");
        int resource = col.getOrDefault("lineitemresourceid", -1);
        int operation = col.getOrDefault("lineitemoperation", -1);
        int region = col.getOrDefault("productregioncode", col.getOrDefault("productregion", -1));
        int periodStart = col.getOrDefault("billbillingperiodstartdate", -1);
        int periodEnd = col.getOrDefault("billbillingperiodenddate", -1);
        TreeMap<Instant, Map<Key, BigDecimal[]>> byHour = new TreeMap<>();
        Map<String, Long> skipped = new LinkedHashMap<>();
        Instant first = null;
        Instant end = null;
        String line;
        long n = 1;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            List<String> c = Csv.split(line);
            if (c.size() != header.size()) {
                throw new ComputeCostException(file + ": line " + n + ": " + c.size() + " fields, the header has "
                        + header.size());
            }
            if (periodStart >= 0 && !c.get(periodStart).isEmpty() && first == null) {
                first = hour(file, n, "bill/BillingPeriodStartDate", c.get(periodStart));
            }
            if (periodEnd >= 0 && !c.get(periodEnd).isEmpty() && end == null) {
                end = hour(file, n, "bill/BillingPeriodEndDate", c.get(periodEnd));
            }
            if (!c.get(type).equals("Usage")) {
                skipped.merge(c.get(type).isEmpty() ? "(no line item type)" : c.get(type), 1L, Long::sum);
                continue;
            }
            Instant h = hour(file, n, "lineItem/UsageStartDate", c.get(start));
            BigDecimal q = decimal(file, n, "lineItem/UsageAmount", c.get(amount));
            BigDecimal od = decimal(file, n, "pricing/publicOnDemandRate", c.get(rate));
            String ut = CommitmentRates.usageType(c.get(usageType), operation < 0 ? "" : c.get(operation));
            String res = resource < 0 || c.get(resource).isEmpty() ? ut : c.get(resource);
            Key k = new Key(res, region < 0 ? "" : c.get(region), ut);
            BigDecimal[] sum = byHour.computeIfAbsent(h, x -> new LinkedHashMap<>()).computeIfAbsent(k,
                    x -> new BigDecimal[] {BigDecimal.ZERO, od});
            if (sum[1].compareTo(od) != 0) {
                throw new ComputeCostException(file + ": line " + n + ": " + ut + " has two on-demand rates in one "
                        + "hour for " + res + " (" + sum[1].toPlainString() + " and " + od.toPlainString() + ")");
            }
            sum[0] = sum[0].add(q);
        }
        if (byHour.isEmpty()) {
            throw new ComputeCostException(file + ": no Usage lines (" + skipped + ")");
        }
        Instant from = first != null && first.isBefore(byHour.firstKey()) ? first : byHour.firstKey();
        Instant to = end != null && end.isAfter(byHour.lastKey()) ? end : byHour.lastKey().plus(1, ChronoUnit.HOURS);
        List<HourlyUsage.Period> periods = new ArrayList<>();
        Instant at = from;
        for (Map.Entry<Instant, Map<Key, BigDecimal[]>> e : byHour.entrySet()) {
            long gap = ChronoUnit.HOURS.between(at, e.getKey());
            if (gap > 0) {
                periods.add(new HourlyUsage.Period(gap, List.of()));
            }
            List<HourlyUsage.Line> lines = new ArrayList<>();
            e.getValue().forEach((k, v) -> lines.add(new HourlyUsage.Line(k.resource(), k.region(), k.usageType(),
                    v[0], "", v[1])));
            periods.add(new HourlyUsage.Period(1, lines));
            at = e.getKey().plus(1, ChronoUnit.HOURS);
        }
        long tail = ChronoUnit.HOURS.between(at, to);
        if (tail > 0) {
            periods.add(new HourlyUsage.Period(tail, List.of()));
        }
        return new CostReportUsage(new HourlyUsage(periods), skipped, from, ChronoUnit.HOURS.between(from, to));
    }

    private static Instant hour(String file, long line, String column, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.HOURS);
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text).truncatedTo(ChronoUnit.HOURS);
            } catch (DateTimeParseException e2) {
                throw new ComputeCostException(file + ": line " + line + ": " + column + " is not an ISO-8601 time: \""
                        + text + "\"");
            }
        }
    }

    private static BigDecimal decimal(String file, long line, String column, String text) {
        try {
            BigDecimal v = new BigDecimal(text.isEmpty() ? "0" : text);
            if (v.signum() < 0 || v.precision() - v.scale() > 15) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ComputeCostException(file + ": line " + line + ": " + column + " must be a number of at least 0, "
                    + "was \"" + text + "\"");
        }
    }
}
