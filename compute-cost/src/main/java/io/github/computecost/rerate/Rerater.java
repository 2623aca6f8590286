package io.github.computecost.rerate;

import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.LineItem;
import io.github.computecost.service.MeteredResource;
import io.github.computecost.estimate.RatingEngine;
import io.github.computecost.estimate.ResourceEstimate;
import io.github.computecost.internal.Csv;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.PriceDates;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Re-rates a Cost-and-Usage-style CSV export, or usage given as {@link BilledUsage} records, on a price book.
 *
 * <p>Columns, legacy CUR or CUR 2.0 names: usage type ({@code lineItem/UsageType} or
 * {@code line_item_usage_type}), amount ({@code lineItem/UsageAmount}, {@code line_item_usage_amount}),
 * resource ({@code lineItem/ResourceId}, {@code line_item_resource_id}; optional), account
 * ({@code lineItem/UsageAccountId}, {@code line_item_usage_account_id}; optional) and usage start date
 * ({@code lineItem/UsageStartDate}, {@code line_item_usage_start_date}; optional, its month groups the free
 * tier) and payer account ({@code bill/PayerAccountId}, {@code bill_payer_account_id}; optional). Under AWS
 * Organizations one free tier and one set of volume tiers apply to a whole billing family, the payer account and its
 * linked accounts: when the export names the payer, each family's month is rated together, by default;
 * {@link #perAccount(boolean)} rates each usage account alone, for accounts that are really standalone. Rows of usage types the price book does not price are skipped and counted by reason, never
 * silently, as are rows whose amount is not a number or is negative, rows with too few columns, an unclosed
 * quote in a column read, or a line over 16 MiB. A line is a record (fields hold no line breaks, as in AWS's
 * exports); fields follow RFC 4180 quoting. {@code whatIfArm} re-prices x86 Lambda duration and requests and
 * x86 Linux Fargate at Arm prices.
 *
 * <p>Amounts are summed exactly per account, month, resource and usage type, then rated by the
 * {@link RatingEngine} once per account and month (free tier, tiers on the aggregate). Memory grows with the
 * number of those sums, not with rows. Throughput: see {@code BENCHMARKS.md}.
 *
 * <p>Immutable and thread-safe; each call reads its input on the calling thread.
 */
public final class Rerater {

    private final PriceBook prices;
    private final boolean freeTier;
    private final boolean whatIfArm;
    private final Clock clock;
    private final boolean perAccount;

    private Rerater(PriceBook prices, boolean freeTier, boolean whatIfArm, Clock clock, boolean perAccount) {
        this.prices = prices;
        this.freeTier = freeTier;
        this.whatIfArm = whatIfArm;
        this.clock = clock;
        this.perAccount = perAccount;
    }

    /** @return a re-rater with the free tier on, no what-if, billing families rated together */
    public static Rerater of(PriceBook prices) {
        return new Rerater(Objects.requireNonNull(prices, "prices"), true, false, Clock.systemUTC(), false);
    }

    /** @return a re-rater with the free tier on or off */
    public Rerater freeTier(boolean on) {
        return new Rerater(prices, on, whatIfArm, clock, perAccount);
    }

    /** @return a re-rater that moves x86 Lambda and Fargate usage to Arm prices */
    public Rerater whatIfArm(boolean on) {
        return new Rerater(prices, freeTier, on, clock, perAccount);
    }

    /** @return a re-rater dating its result by {@code clock} (the default: the system clock, UTC) */
    public Rerater clock(Clock clock) {
        return new Rerater(prices, freeTier, whatIfArm, Objects.requireNonNull(clock, "clock"), perAccount);
    }

    /**
     * @param on true to give every usage account its own free tier and tiers, as if each were standalone; false (the
     *     default) to rate each billing family (payer account) together, as AWS Organizations bills, where the export
     *     names the payer
     * @return a re-rater that does so
     */
    public Rerater perAccount(boolean on) {
        return new Rerater(prices, freeTier, whatIfArm, clock, on);
    }

    /**
     * The outcome.
     *
     * @param currency ISO 4217 code
     * @param rows rows read
     * @param rated rows rated
     * @param skipped rows skipped, by reason
     * @param byUsageType exact cost per usage type as billed (after any what-if)
     * @param byResource exact cost per resource
     * @param quantityByUsageType quantity per usage type
     * @param total exact total
     * @param priceDates the oldest and newest date of the prices used, empty if none was
     * @param pricedOn the day of the re-rating, by the re-rater's clock
     * @param derivedUsageTypes the usage types (as billed) whose price was derived by a stated rule for some of
     *     their quantity, rather than read from a source
     * @param byBillingFamily whether each billing family (payer account) was rated together, one free tier and one
     *     set of tiers a month for all its accounts; false when each usage account was rated alone (asked for, or
     *     the export names no payer)
     */
    public record Result(String currency, long rows, long rated, Map<String, Long> skipped,
            Map<String, BigDecimal> byUsageType, Map<String, BigDecimal> byResource,
            Map<String, BigDecimal> quantityByUsageType, BigDecimal total, Optional<PriceDates> priceDates,
            LocalDate pricedOn, java.util.SortedSet<String> derivedUsageTypes, boolean byBillingFamily) {

        /** A result rated per usage account. */
        public Result(String currency, long rows, long rated, Map<String, Long> skipped,
                Map<String, BigDecimal> byUsageType, Map<String, BigDecimal> byResource,
                Map<String, BigDecimal> quantityByUsageType, BigDecimal total, Optional<PriceDates> priceDates,
                LocalDate pricedOn, java.util.SortedSet<String> derivedUsageTypes) {
            this(currency, rows, rated, skipped, byUsageType, byResource, quantityByUsageType, total, priceDates,
                    pricedOn, derivedUsageTypes, false);
        }
    }

    /**
     * @param csv the export ({@code .csv} or {@code .csv.gz})
     * @return costs per usage type and per resource, and the rows skipped
     * @throws UsageExportException if the file is missing or has no usage-type and amount columns
     */
    public Result rate(Path csv) {
        try (InputStream in = Files.newInputStream(csv)) {
            return rate(in, csv.toString());
        } catch (NoSuchFileException e) {
            throw new UsageExportException(csv + ": file not found");
        } catch (IOException e) {
            throw new UsageExportException(csv + ": cannot be read: " + e.getMessage());
        }
    }

    /**
     * Rates an export read from a stream, which it does not close. Gzipped content is recognised by its magic
     * number. Lines end with LF or CRLF; a UTF-8 byte-order mark is ignored.
     *
     * @param in the export's bytes, UTF-8 (or gzipped UTF-8)
     * @param name the export's name, for error messages
     * @throws IOException if reading fails or the gzip stream is corrupt
     * @throws UsageExportException if the export is empty or has no usage-type and amount columns
     */
    public Result rate(InputStream in, String name) throws IOException {
        LineReader lines = new LineReader(maybeGunzip(Objects.requireNonNull(in, "in")));
        byte[] header = lines.next();
        if (header == null) {
            throw new UsageExportException(name + ": empty");
        }
        Aggregator agg = aggregator(name, header, lines.start(), lines.end());
        byte[] buffer;
        while ((buffer = lines.next()) != null) {
            if (lines.tooLong()) {
                agg.skipLine("line longer than " + (LineReader.MAX_LINE >> 20) + " MiB");
            } else if (lines.end() > lines.start()) {
                agg.line(buffer, lines.start(), lines.end());
            }
        }
        return result(agg);
    }

    /**
     * Rates usage given as records (from a database, another export format, a generator), as if each were a
     * line of an export: skipped records are counted by reason in the result.
     *
     * @param usage the records, read once
     */
    public Result rate(Iterator<BilledUsage> usage) {
        Aggregator agg = new Aggregator(new UsageIndex(prices), whatIfArm, 0, 1, 2, 3, 4);
        while (usage.hasNext()) {
            agg.record(Objects.requireNonNull(usage.next(), "a usage record is null"));
        }
        return result(agg);
    }

    private Aggregator aggregator(String name, byte[] buffer, int from, int to) {
        int skip = to - from >= 3 && buffer[from] == (byte) 0xEF && buffer[from + 1] == (byte) 0xBB
                && buffer[from + 2] == (byte) 0xBF ? 3 : 0; // a byte-order mark
        List<String> header;
        try {
            header = Csv.split(new String(buffer, from + skip, to - from - skip, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new UsageExportException(name + ": header line: " + e.getMessage());
        }
        int type = column(header, "lineItem/UsageType", "line_item_usage_type");
        int amount = column(header, "lineItem/UsageAmount", "line_item_usage_amount");
        if (type < 0 || amount < 0) {
            throw new UsageExportException(name + ": no usage type and amount columns (lineItem/UsageType and "
                    + "lineItem/UsageAmount, or line_item_usage_type and line_item_usage_amount)");
        }
        int resource = column(header, "lineItem/ResourceId", "line_item_resource_id");
        int account = column(header, "lineItem/UsageAccountId", "line_item_usage_account_id");
        int start = column(header, "lineItem/UsageStartDate", "line_item_usage_start_date");
        int payer = perAccount ? -1 : column(header, "bill/PayerAccountId", "bill_payer_account_id");
        return new Aggregator(new UsageIndex(prices), whatIfArm, type, amount, resource, account, start, payer);
    }

    private static InputStream maybeGunzip(InputStream in) throws IOException {
        InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in, 2);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(buffered, 1 << 16) : buffered;
    }

    /** Rates each billing family's (or account's) month separately: each has its own free tier and tiers. */
    private Result result(Aggregator agg) {
        Collection<List<MeteredResource>> byAccountMonth = agg.meteredByAccountMonth();
        Map<String, BigDecimal> byUsageType = new TreeMap<>();
        Map<String, BigDecimal> quantity = new TreeMap<>();
        Map<String, BigDecimal> byResource = new HashMap<>(); // sorted once at the end: cheaper than a tree
        BigDecimal total = BigDecimal.ZERO;
        RatingEngine engine = RatingEngine.of(prices);
        LocalDate today = LocalDate.now(clock);
        Optional<PriceDates> dates = Optional.empty();
        java.util.SortedSet<String> derived = new java.util.TreeSet<>();
        for (List<MeteredResource> group : byAccountMonth) {
            Estimate est = engine.rate(group, freeTier, today);
            dates = PriceDates.merge(dates, est.priceDates());
            for (ResourceEstimate re : est.resources()) {
                byResource.merge(agg.shown(re.name()), re.monthlyCostExact(), BigDecimal::add);
                for (LineItem li : re.lineItems()) {
                    byUsageType.merge(li.usageType(), li.cost(), BigDecimal::add);
                    quantity.merge(li.usageType(), li.quantity(), BigDecimal::add);
                    if (li.isDerived()) {
                        derived.add(li.usageType());
                    }
                }
            }
            total = total.add(est.totalExact());
        }
        String[] names = byResource.keySet().toArray(new String[0]);
        Arrays.sort(names);
        Map<String, BigDecimal> sorted = new LinkedHashMap<>(names.length * 2);
        for (String name : names) {
            sorted.put(name, byResource.get(name));
        }
        return new Result(prices.currency(), agg.rows, agg.rated, agg.skipped, byUsageType, sorted, quantity, total, dates,
                today, java.util.Collections.unmodifiableSortedSet(derived), agg.byPayer());
    }

    private static int column(List<String> header, String legacy, String cur2) {
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).trim();
            if (h.equalsIgnoreCase(legacy) || h.toLowerCase(Locale.ROOT).equals(cur2)) {
                return i;
            }
        }
        return -1;
    }
}
