package io.github.computecost.rerate;

import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.LineItem;
import io.github.computecost.estimate.MeteredResource;
import io.github.computecost.estimate.RatingEngine;
import io.github.computecost.estimate.ResourceEstimate;
import io.github.computecost.estimate.UsageRecord;
import io.github.computecost.internal.Csv;
import io.github.computecost.pricing.PriceBook;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Re-rates a Cost-and-Usage-style CSV export on a price book.
 *
 * <p>Columns, legacy CUR or CUR 2.0 names: usage type ({@code lineItem/UsageType} or
 * {@code line_item_usage_type}), amount ({@code lineItem/UsageAmount}, {@code line_item_usage_amount}),
 * resource ({@code lineItem/ResourceId}, {@code line_item_resource_id}; optional), account
 * ({@code lineItem/UsageAccountId}, {@code line_item_usage_account_id}; optional) and usage start date
 * ({@code lineItem/UsageStartDate}, {@code line_item_usage_start_date}; optional, its month groups the free
 * tier). Rows of usage types the price book does not price are skipped and counted by reason, never
 * silently. {@code whatIfArm} re-prices x86 Lambda duration and requests and x86 Linux Fargate at Arm prices.
 *
 * <p>Immutable and thread-safe.
 */
public final class Rerater {

    private final PriceBook prices;
    private final boolean freeTier;
    private final boolean whatIfArm;

    private Rerater(PriceBook prices, boolean freeTier, boolean whatIfArm) {
        this.prices = prices;
        this.freeTier = freeTier;
        this.whatIfArm = whatIfArm;
    }

    /** @return a re-rater with the free tier on and no what-if */
    public static Rerater of(PriceBook prices) {
        return new Rerater(Objects.requireNonNull(prices, "prices"), true, false);
    }

    /** @return a re-rater with the free tier on or off */
    public Rerater freeTier(boolean on) {
        return new Rerater(prices, on, whatIfArm);
    }

    /** @return a re-rater that moves x86 Lambda and Fargate usage to Arm prices */
    public Rerater whatIfArm(boolean on) {
        return new Rerater(prices, freeTier, on);
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
     */
    public record Result(String currency, long rows, long rated, Map<String, Long> skipped,
            Map<String, BigDecimal> byUsageType, Map<String, BigDecimal> byResource,
            Map<String, BigDecimal> quantityByUsageType, BigDecimal total) {
    }

    private record Key(String account, String month, String resource, String service, String region) {
        /**
         * The record's default hash (31 × h + field) collides in bulk on bills, whose account and resource ids
         * differ in a digit or two (a profile of 2M rows, when this map was the per-line one, showed most time in
         * tree-bin lookups). Each field is
         * mixed by a large odd multiplier and the whole by MurmurHash3's finaliser.
         */
        @Override
        public int hashCode() {
            int h = account.hashCode();
            h = h * 0x9E3779B1 + month.hashCode();
            h = h * 0x9E3779B1 + resource.hashCode();
            h = h * 0x9E3779B1 + service.hashCode();
            h = h * 0x9E3779B1 + region.hashCode();
            h ^= h >>> 16;
            h *= 0x85EBCA6B;
            h ^= h >>> 13;
            h *= 0xC2B2AE35;
            return h ^ (h >>> 16);
        }
    }

    /**
     * @param csv the export ({@code .csv} or {@code .csv.gz})
     * @return costs per usage type and per resource, and the rows skipped
     * @throws IllegalArgumentException if the file is missing or has no usage-type and amount columns
     */
    public Result rate(Path csv) {
        try (InputStream raw = Files.newInputStream(csv);
                InputStream in = csv.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
            return rate(csv.toString(), new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(csv + ": file not found");
        } catch (IOException e) {
            throw new IllegalArgumentException(csv + ": cannot be read: " + e.getMessage());
        }
    }

    Result rate(String name, BufferedReader r) throws IOException {
        String headerLine = r.readLine();
        if (headerLine == null) {
            throw new IllegalArgumentException(name + ": empty");
        }
        List<String> header;
        try {
            header = Csv.split(headerLine);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": header line: " + e.getMessage());
        }
        int type = column(header, "lineItem/UsageType", "line_item_usage_type");
        int amount = column(header, "lineItem/UsageAmount", "line_item_usage_amount");
        if (type < 0 || amount < 0) {
            throw new IllegalArgumentException(name + ": no usage type and amount columns (lineItem/UsageType and "
                    + "lineItem/UsageAmount, or line_item_usage_type and line_item_usage_amount)");
        }
        int resource = column(header, "lineItem/ResourceId", "line_item_resource_id");
        int account = column(header, "lineItem/UsageAccountId", "line_item_usage_account_id");
        int start = column(header, "lineItem/UsageStartDate", "line_item_usage_start_date");
        Aggregator agg = new Aggregator(new UsageIndex(prices), whatIfArm, type, amount, resource, account, start);
        String line;
        while ((line = r.readLine()) != null) {
            if (!line.isEmpty()) {
                agg.row(line);
            }
        }
        Map<String, Long> skipped = agg.skipped;
        long rows = agg.rows;
        long rated = agg.rated;
        // Rate each account-month separately: the free tier is per account and month.
        Map<Key, List<UsageRecord>> byResourceKey = new LinkedHashMap<>();
        for (Sum sum : agg.usage.values()) {
            byResourceKey.computeIfAbsent(new Key(sum.account, sum.month, sum.resource, sum.target.service(),
                    sum.target.region()), x -> new ArrayList<>()).add(new UsageRecord(sum.usageType, sum.total(), true));
        }
        Map<String, List<MeteredResource>> byAccountMonth = new LinkedHashMap<>();
        for (Map.Entry<Key, List<UsageRecord>> e : byResourceKey.entrySet()) {
            Key k = e.getKey();
            String label = k.resource() + " [" + k.service() + " " + k.region() + "]";
            byAccountMonth.computeIfAbsent(k.account() + "|" + k.month(), x -> new ArrayList<>())
                    .add(new MeteredResource(label, "usage", k.service(), k.region(), e.getValue(), List.of()));
        }
        Map<String, BigDecimal> byUsageType = new TreeMap<>();
        Map<String, BigDecimal> quantity = new TreeMap<>();
        Map<String, BigDecimal> byResource = new TreeMap<>();
        BigDecimal total = BigDecimal.ZERO;
        RatingEngine engine = RatingEngine.of(prices);
        for (List<MeteredResource> group : byAccountMonth.values()) {
            Estimate est = engine.rate(group, freeTier);
            for (ResourceEstimate re : est.resources()) {
                byResource.merge(re.name(), re.monthlyCostExact(), BigDecimal::add);
                for (LineItem li : re.lineItems()) {
                    byUsageType.merge(li.usageType(), li.cost(), BigDecimal::add);
                    quantity.merge(li.usageType(), li.quantity(), BigDecimal::add);
                }
            }
            total = total.add(est.totalExact());
        }
        return new Result(prices.currency(), rows, rated, skipped, byUsageType, byResource, quantity, total);
    }

    /**
     * Sums one export's usage per account, month, resource and usage type, a line at a time. The hot loop of
     * {@code rate-usage}: a profile of 2M rows has most of its time in the one map lookup per line (cache
     * misses), so the key is one compact string and amounts are summed without allocating.
     */
    private static final class Aggregator {
        private final UsageIndex index;
        private final boolean whatIfArm;
        private final int type;
        private final int amount;
        private final int resource;
        private final int account;
        private final int start;
        private final int width;
        private final String[] c;
        /** Keyed by one string (see {@link #key}); one lookup and few cache misses per line. */
        final Map<String, Sum> usage = new LinkedHashMap<>();
        private final StringBuilder key = new StringBuilder(128);
        final Map<String, Long> skipped = new TreeMap<>();
        long rows;
        long rated;

        Aggregator(UsageIndex index, boolean whatIfArm, int type, int amount, int resource, int account, int start) {
            this.index = index;
            this.whatIfArm = whatIfArm;
            this.type = type;
            this.amount = amount;
            this.resource = resource;
            this.account = account;
            this.start = start;
            this.width = Math.max(Math.max(type, amount), Math.max(resource, Math.max(account, start))) + 1;
            this.c = new String[width];
        }

        void row(String line) {
            rows++;
            int size;
            try {
                size = Csv.fields(line, c, width);
            } catch (IllegalArgumentException e) {
                skip("a quoted field is not closed");
                return;
            }
            if (size <= Math.max(type, amount)) {
                skip("too few columns");
                return;
            }
            Optional<UsageIndex.Target> target = index.find(c[type]);
            if (target.isEmpty()) {
                skip("usage type not priced by compute-cost");
                return;
            }
            String amountText = c[amount];
            long nanos = Sum.nanos(amountText);
            BigDecimal qty = null;
            if (nanos < 0) { // not a plain decimal of at most 9 places that fits: BigDecimal decides
                try {
                    qty = new BigDecimal(amountText.trim());
                } catch (NumberFormatException e) {
                    skip("usage amount is not a number");
                    return;
                }
                if (qty.signum() < 0) {
                    skip("negative usage amount");
                    return;
                }
            }
            UsageIndex.Target t = target.get();
            String base = whatIfArm ? toArm(t.baseUsageType()) : t.baseUsageType();
            String res = resource >= 0 && resource < size && !c[resource].isEmpty() ? c[resource] : "(no resource id)";
            String acct = account >= 0 && account < size ? c[account] : "";
            String startText = start >= 0 && start < size ? c[start] : "";
            int monthLength = startText.length() >= 7 ? 7 : 0;
            // Length-prefixed parts: no two different rows' parts make the same key, whatever their characters.
            key.setLength(0);
            key.append(acct.length()).append(':').append(acct).append(monthLength).append(':')
                    .append(startText, 0, monthLength).append(res.length()).append(':').append(res)
                    .append(t.service().length()).append(':').append(t.service()).append(t.region().length()).append(':')
                    .append(t.region()).append(base);
            String k = key.toString();
            Sum sum = usage.get(k);
            if (sum == null) {
                sum = new Sum(acct, startText.substring(0, monthLength), res, t, base);
                usage.put(k, sum);
            }
            if (qty == null) {
                sum.add(nanos, amountText);
            } else {
                sum.add(qty);
            }
            rated++;
        }

        private void skip(String reason) {
            skipped.merge(reason, 1L, Long::sum);
        }
    }

    /**
     * One resource's running total of one usage type: in billionths in a {@code long} while amounts are plain
     * decimals of at most 9 places (nearly every bill line), the rest as a {@code BigDecimal}. Exact either way.
     */
    static final class Sum {
        private static final int SCALE = 9;
        private static final long CARRY = 8_000_000_000_000_000_000L;
        final String account;
        final String month;
        final String resource;
        final UsageIndex.Target target;
        final String usageType;
        private long nanos;
        private BigDecimal rest = BigDecimal.ZERO;
        private int maxScale;

        Sum(String account, String month, String resource, UsageIndex.Target target, String usageType) {
            this.account = account;
            this.month = month;
            this.resource = resource;
            this.target = target;
            this.usageType = usageType;
        }

        /**
         * @return a plain non-negative decimal ({@code 123}, {@code 0.25}) in billionths, or -1 if it is anything
         *     else (signs, exponents, spaces, more than 9 places or 18 digits): those go to {@code BigDecimal}
         */
        static long nanos(String s) {
            // whole digits at most 9 and places at most 9: the value in billionths is below 10^18
            int n = s.length();
            if (n == 0 || n > 19) {
                return -1;
            }
            long v = 0;
            int places = -1;
            for (int i = 0; i < n; i++) {
                char ch = s.charAt(i);
                if (ch >= '0' && ch <= '9') {
                    v = v * 10 + (ch - '0');
                    if (places >= 0) {
                        places++;
                    }
                } else if (ch == '.' && places < 0 && i > 0 && i < n - 1) {
                    places = 0;
                } else {
                    return -1;
                }
            }
            int fraction = Math.max(places, 0);
            int whole = n - (places < 0 ? 0 : places + 1);
            if (fraction > SCALE || whole > 9) {
                return -1;
            }
            return v * POW10[SCALE - fraction]; // below 10^18: no overflow
        }

        private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L, 1_000_000_000L};

        void add(long amountNanos, String text) {
            int dot = text.indexOf('.');
            maxScale = Math.max(maxScale, dot < 0 ? 0 : text.length() - dot - 1);
            if (nanos >= CARRY) { // amounts are below 10^18 billionths: carry before the long could overflow
                rest = rest.add(BigDecimal.valueOf(nanos, SCALE));
                nanos = 0;
            }
            nanos += amountNanos;
        }

        void add(BigDecimal amount) {
            maxScale = Math.max(maxScale, amount.scale());
            rest = rest.add(amount);
        }

        /** @return the exact total, at the largest scale among the amounts added (as adding them would give) */
        BigDecimal total() {
            BigDecimal t = rest.add(BigDecimal.valueOf(nanos, SCALE));
            return maxScale <= SCALE && t.scale() > maxScale ? t.setScale(maxScale, RoundingMode.UNNECESSARY) : t;
        }
    }

    private static String toArm(String base) {
        return switch (base) {
            case "Request", "Lambda-GB-Second", "Lambda-Storage-GB-Second", "Lambda-Provisioned-Concurrency",
                    "Lambda-Provisioned-GB-Second" -> base + "-ARM";
            case "Fargate-vCPU-Hours:perCPU" -> "Fargate-ARM-vCPU-Hours:perCPU";
            case "Fargate-GB-Hours" -> "Fargate-ARM-GB-Hours";
            default -> base;
        };
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
