package io.github.computecost.rerate;

import io.github.computecost.estimate.RatingEngine;
import io.github.computecost.internal.Csv;
import io.github.computecost.money.Amounts;
import io.github.computecost.internal.ProgressStream;
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
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
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
 * {@link #perAccount(boolean)} rates each usage account alone, for accounts that are really standalone.
 *
 * <p>A FOCUS 1.x export (told by its {@code ChargeCategory} column, or named with {@link #inputFormat}) is read from
 * {@code x_UsageType} (FOCUS 1.0 with AWS columns) or {@code SkuMeter} (FOCUS 1.2), {@code ConsumedQuantity},
 * {@code ResourceId}, {@code SubAccountId}, {@code BillingAccountId} (the payer), {@code ChargePeriodStart},
 * {@code ChargeCategory} with {@code CommitmentDiscountStatus} and {@code CommitmentDiscountCategory}
 * ({@link LineItemType#ofFocus}), {@code x_ServiceCode} or {@code ServiceName}, {@code BilledCost} and
 * {@code EffectiveCost}.
 *
 * <p>Each line is treated by its line item type ({@code lineItem/LineItemType}, {@code line_item_line_item_type};
 * none: every line is usage), as {@link LineItemType} says: usage is re-rated; usage a Savings Plan or Reserved
 * Instance covered is re-rated at on-demand prices and shown beside AWS's effective cost
 * ({@code savingsPlan/SavingsPlanEffectiveCost}, {@code reservation/EffectiveCost}); credits, refunds, taxes, fees
 * and discounts are passed through as billed. With the unblended cost ({@code lineItem/UnblendedCost},
 * {@code line_item_unblended_cost}) the result reconciles the re-rated cost with it per account and usage type. User
 * tags asked for ({@link #tags}) are read from {@code resourceTags/user:KEY} (or {@code resource_tags_user_KEY}), or
 * else from CUR 2.0's {@code resource_tags} map, whose key is {@code user_KEY} (AWS writes every character of the key
 * that is not a letter or digit as an underscore, in lower case, and the key is compared after that rule); in FOCUS,
 * from its {@code Tags} map, by the key as set ({@code KEY}, or {@code user:KEY}). A map is a JSON object of strings
 * in a CSV export, and a {@code map<string,string>} in Parquet. A line without the tag is untagged (an empty value);
 * a line whose map is not a JSON object is rated, its cost shown under the tag value
 * {@code (tag map not read: not a JSON object)}.
 *
 * <p>Rows of usage types the price book does not price are skipped and counted by reason, never
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
    private final List<String> tagKeys;
    private final InputFormat inputFormat;
    /** Told what has been read, about twice a second; null for no one. */
    private final java.util.function.Consumer<io.github.computecost.Progress> progress;

    private Rerater(PriceBook prices, boolean freeTier, boolean whatIfArm, Clock clock, boolean perAccount,
            List<String> tagKeys, InputFormat inputFormat, java.util.function.Consumer<io.github.computecost.Progress> progress) {
        this.prices = prices;
        this.freeTier = freeTier;
        this.whatIfArm = whatIfArm;
        this.clock = clock;
        this.perAccount = perAccount;
        this.tagKeys = tagKeys;
        this.inputFormat = inputFormat;
        this.progress = progress;
    }

    /**
     * @param prices the price book to rate against
     * @return a re-rater with the free tier on, no what-if, billing families rated together
     */
    public static Rerater of(PriceBook prices) {
        return new Rerater(Objects.requireNonNull(prices, "prices"), true, false, Clock.systemUTC(), false, List.of(),
                InputFormat.AUTO, null);
    }

    /**
     * @param on whether the account-wide free tier applies
     * @return a re-rater with the free tier on or off
     */
    public Rerater freeTier(boolean on) {
        return new Rerater(prices, on, whatIfArm, clock, perAccount, tagKeys, inputFormat, progress);
    }

    /**
     * @param on whether x86 usage is re-rated at Arm prices
     * @return a re-rater that moves x86 Lambda and Fargate usage to Arm prices
     */
    public Rerater whatIfArm(boolean on) {
        return new Rerater(prices, freeTier, on, clock, perAccount, tagKeys, inputFormat, progress);
    }

    /**
     * @param clock the clock that dates the result
     * @return a re-rater dating its result by {@code clock} (the default: the system clock, UTC)
     */
    public Rerater clock(Clock clock) {
        return new Rerater(prices, freeTier, whatIfArm, Objects.requireNonNull(clock, "clock"), perAccount, tagKeys,
                inputFormat, progress);
    }

    /**
     * @param on true to give every usage account its own free tier and tiers, as if each were standalone; false (the
     *     default) to rate each billing family (payer account) together, as AWS Organizations bills, where the export
     *     names the payer
     * @return a re-rater that does so
     */
    public Rerater perAccount(boolean on) {
        return new Rerater(prices, freeTier, whatIfArm, clock, on, tagKeys, inputFormat, progress);
    }

    /**
     * @param keys user tag keys, without the {@code user:} prefix ({@code team} reads the column
     *     {@code resourceTags/user:team}, or {@code resource_tags_user_team}, or the key {@code user_team} of CUR 2.0's
     *     {@code resource_tags} map; in FOCUS, {@code team} or {@code user:team} in its {@code Tags} map), whose values
     *     the result keeps on every line, for {@link Result#groupBy(GroupBy)}; none by default
     * @return a re-rater that reads them
     * @throws IllegalArgumentException if a key is blank or given twice
     */
    public Rerater tags(List<String> keys) {
        List<String> copy = List.copyOf(keys);
        for (String k : copy) {
            if (k.isBlank()) {
                throw new IllegalArgumentException("a tag key is blank");
            }
        }
        if (new java.util.HashSet<>(copy).size() != copy.size()) {
            throw new IllegalArgumentException("a tag key is given twice: " + copy);
        }
        return new Rerater(prices, freeTier, whatIfArm, clock, perAccount, copy, inputFormat, progress);
    }

    /** How an export's columns are named. */
    public enum InputFormat {
        /** FOCUS when the header has {@code ChargeCategory}, else a Cost and Usage Report. */
        AUTO,
        /**
         * A Cost and Usage Report: legacy ({@code lineItem/UsageType}) or CUR 2.0 ({@code line_item_usage_type})
         * column names, https://docs.aws.amazon.com/cur/latest/userguide/Lineitem-columns.html and
         * https://docs.aws.amazon.com/cur/latest/userguide/table-dictionary-cur2-line-item.html.
         */
        CUR,
        /**
         * A FOCUS 1.x export (FOCUS 1.0 with AWS columns, {@code x_UsageType}; FOCUS 1.2, {@code SkuMeter}),
         * https://docs.aws.amazon.com/cur/latest/userguide/table-dictionary-focus-1-2-aws.html.
         */
        FOCUS
    }

    /**
     * @param format how the export's columns are named; {@link InputFormat#AUTO} (the default) tells FOCUS from a
     *     Cost and Usage Report by its header
     * @return a re-rater that reads exports so
     */
    public Rerater inputFormat(InputFormat format) {
        return new Rerater(prices, freeTier, whatIfArm, clock, perAccount, tagKeys, Objects.requireNonNull(format,
                "format"), progress);
    }

    /**
     * @param listener told what has been read, on the reading thread, about twice a second and once when the input has
     *     been read ({@link io.github.computecost.Progress#done()}); {@code null} for no one (the default). Exports only, not records
     * @return a re-rater that reports so
     */
    public Rerater progress(java.util.function.Consumer<io.github.computecost.Progress> listener) {
        return new Rerater(prices, freeTier, whatIfArm, clock, perAccount, tagKeys, inputFormat, listener);
    }

    /**
     * The outcome. Every cost is exact, in {@code currency}; rows are counted whatever became of them.
     *
     * @param currency ISO 4217 code
     * @param rows rows read
     * @param rated rows re-rated (usage, covered usage included)
     * @param skipped rows skipped, by reason
     * @param byUsageType exact cost per usage type as priced (after any what-if)
     * @param byResource exact cost per resource, by name
     * @param quantityByUsageType quantity per usage type
     * @param totalExact exact total, stripped of trailing zeros: all usage re-rated at on-demand prices, usage that
     *     Savings Plans and Reserved Instances covered included; passed-through lines are not in it
     * @param priceDates the oldest and newest date of the prices used, empty if none was
     * @param pricedOn the day of the re-rating, by the re-rater's clock
     * @param derivedUsageTypes the usage types (as priced) whose price was derived by a stated rule for some of
     *     their quantity, rather than read from a source
     * @param byBillingFamily whether each billing family (payer account) was rated together, one free tier and one
     *     set of tiers a month for all its accounts; false when each usage account was rated alone (asked for, or
     *     the export names no payer)
     * @param byAccount exact cost per usage account (empty key: the export names none)
     * @param byLineItemType exact cost per line item type re-rated (usage, and usage commitments covered)
     * @param byTag exact cost per value of each tag read ({@link Rerater#tags}), by tag key (empty value: untagged)
     * @param covered usage that Savings Plans or Reserved Instances covered, per line item type and usage type, at
     *     on-demand prices beside what AWS charged for it
     * @param passedThrough lines never re-rated (credits, refunds, taxes, fees, commitments' fees, negations and
     *     discounts), per line item type and product code, as billed
     * @param reconciliation the re-rated cost against AWS's unblended cost ({@code BilledCost} in FOCUS), when the
     *     export has that column
     * @param inputFormat how the export was read: {@link InputFormat#CUR} or {@link InputFormat#FOCUS} (records given
     *     through the API are CUR's)
     */
    public record Result(String currency, long rows, long rated, Map<String, Long> skipped,
            Map<String, BigDecimal> byUsageType, Map<String, BigDecimal> byResource,
            Map<String, BigDecimal> quantityByUsageType, BigDecimal totalExact, Optional<PriceDates> priceDates,
            LocalDate pricedOn, java.util.SortedSet<String> derivedUsageTypes, boolean byBillingFamily,
            Map<String, BigDecimal> byAccount, Map<LineItemType, BigDecimal> byLineItemType,
            Map<String, Map<String, BigDecimal>> byTag, List<CoveredUsage> covered, List<PassedThrough> passedThrough,
            Optional<Reconciliation> reconciliation, InputFormat inputFormat) {

        /**
         * Keeps immutable copies of its collections.
         *
         * @param currency ISO 4217 code
         * @param rows rows read
         * @param rated rows re-rated (usage, covered usage included)
         * @param skipped rows skipped, by reason
         * @param byUsageType exact cost per usage type as priced (after any what-if)
         * @param byResource exact cost per resource, by name
         * @param quantityByUsageType quantity per usage type
         * @param totalExact exact total, stripped of trailing zeros: all usage re-rated at on-demand prices, usage that
         *     Savings Plans and Reserved Instances covered included; passed-through lines are not in it
         * @param priceDates the oldest and newest date of the prices used, empty if none was
         * @param pricedOn the day of the re-rating, by the re-rater's clock
         * @param derivedUsageTypes the usage types (as priced) whose price was derived by a stated rule for some of
         *     their quantity, rather than read from a source
         * @param byBillingFamily whether each billing family (payer account) was rated together, one free tier and one
         *     set of tiers a month for all its accounts; false when each usage account was rated alone (asked for, or
         *     the export names no payer)
         * @param byAccount exact cost per usage account (empty key: the export names none)
         * @param byLineItemType exact cost per line item type re-rated (usage, and usage commitments covered)
         * @param byTag exact cost per value of each tag read ({@link Rerater#tags}), by tag key (empty value: untagged)
         * @param covered usage that Savings Plans or Reserved Instances covered, per line item type and usage type, at
         *     on-demand prices beside what AWS charged for it
         * @param passedThrough lines never re-rated (credits, refunds, taxes, fees, commitments' fees, negations and
         *     discounts), per line item type and product code, as billed
         * @param reconciliation the re-rated cost against AWS's unblended cost ({@code BilledCost} in FOCUS), when the
         *     export has that column
         * @param inputFormat how the export was read: {@link InputFormat#CUR} or {@link InputFormat#FOCUS} (records
         *     given through the API are CUR's)
         */
        public Result {
            totalExact = io.github.computecost.money.Amounts.exact(totalExact);
            byAccount = Map.copyOf(byAccount);
            byLineItemType = Map.copyOf(byLineItemType);
            byTag = Map.copyOf(byTag);
            covered = List.copyOf(covered);
            passedThrough = List.copyOf(passedThrough);
        }

        /**
         * @return the exact total as a JSR-354 amount in the price book's currency, as {@code Estimate.total()}
         *     gives it: stored exactly, its arithmetic rounded to 34 digits ({@code divide(3)} works)
         */
        public javax.money.MonetaryAmount total() {
            return io.github.computecost.money.Amounts.toMonetary(totalExact, currency);
        }

        /**
         * @param by the dimension to group by
         * @return the re-rated cost grouped by {@code by}, the most expensive group first (then by key); the groups
         *     add up to {@link #totalExact()} exactly
         * @throws IllegalArgumentException if {@code by} is a tag that was not read (see {@link Rerater#tags})
         */
        public List<Group> groupBy(GroupBy by) {
            Map<String, BigDecimal> sums = switch (by.dimension()) {
                case RESOURCE -> byResource;
                case ACCOUNT -> byAccount;
                case USAGE_TYPE -> byUsageType;
                case LINE_ITEM_TYPE -> {
                    Map<String, BigDecimal> m = new HashMap<>();
                    byLineItemType.forEach((k, v) -> m.put(k.billed(), v));
                    yield m;
                }
                case TAG -> {
                    Map<String, BigDecimal> m = byTag.get(by.tagKey().orElseThrow());
                    if (m == null) {
                        throw new IllegalArgumentException("the tag " + by.tagKey().get() + " was not read; tags read: "
                                + (byTag.isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(byTag.keySet()))));
                    }
                    yield m;
                }
            };
            List<Group> out = new java.util.ArrayList<>(sums.size());
            sums.forEach((k, c) -> out.add(new Group(k, c)));
            out.sort(java.util.Comparator.comparing(Group::cost).reversed().thenComparing(Group::key));
            return out;
        }

        /** @return the passed-through lines' cost as billed, exact (credits and refunds are negative) */
        public BigDecimal passedThroughTotal() {
            return passedThrough.stream().map(PassedThrough::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /**
     * @param key the group: a resource, account, usage type, line item type or tag value (empty: none)
     * @param cost its exact re-rated cost
     */
    public record Group(String key, BigDecimal cost) {
    }

    /**
     * What to group a result's cost by: {@link #RESOURCE}, {@link #ACCOUNT}, {@link #USAGE_TYPE},
     * {@link #LINE_ITEM_TYPE} or a user tag ({@link #tag(String)}).
     *
     * @param dimension the dimension
     * @param tagKey the tag's key (without {@code user:}), for {@link Dimension#TAG} only
     */
    public record GroupBy(Dimension dimension, Optional<String> tagKey) {

        /** The dimensions a re-rated cost can be grouped by. */
        public enum Dimension {
            /** By resource id ({@code lineItem/ResourceId}). */
            RESOURCE,
            /** By usage account. */
            ACCOUNT,
            /** By usage type. */
            USAGE_TYPE,
            /** By line item type. */
            LINE_ITEM_TYPE,
            /** By the value of one user tag. */
            TAG
        }

        /** By resource id. */
        public static final GroupBy RESOURCE = new GroupBy(Dimension.RESOURCE, Optional.empty());
        /** By usage account. */
        public static final GroupBy ACCOUNT = new GroupBy(Dimension.ACCOUNT, Optional.empty());
        /** By usage type. */
        public static final GroupBy USAGE_TYPE = new GroupBy(Dimension.USAGE_TYPE, Optional.empty());
        /** By line item type. */
        public static final GroupBy LINE_ITEM_TYPE = new GroupBy(Dimension.LINE_ITEM_TYPE, Optional.empty());

        /**
         * Checks the components.
         *
         * @param dimension the dimension
         * @param tagKey the tag's key (without {@code user:}), for {@link Dimension#TAG} only
         */
        public GroupBy {
            Objects.requireNonNull(dimension, "dimension");
            Objects.requireNonNull(tagKey, "tagKey");
            if ((dimension == Dimension.TAG) != tagKey.isPresent() || tagKey.filter(String::isBlank).isPresent()) {
                throw new IllegalArgumentException("a tag key, not blank, goes with TAG and only with it");
            }
        }

        /**
         * @param key the tag key, without the {@code user:} prefix
         * @return grouping by the user tag {@code key} ({@code team} for {@code resourceTags/user:team})
         */
        public static GroupBy tag(String key) {
            return new GroupBy(Dimension.TAG, Optional.of(key));
        }

        /**
         * @param text {@code resource}, {@code account}, {@code usage-type}, {@code line-item-type} or
         *     {@code tag:KEY}
         * @return the grouping it names
         * @throws IllegalArgumentException naming the values allowed, if it names none
         */
        public static GroupBy parse(String text) {
            return switch (text) {
                case "resource" -> RESOURCE;
                case "account" -> ACCOUNT;
                case "usage-type" -> USAGE_TYPE;
                case "line-item-type" -> LINE_ITEM_TYPE;
                default -> {
                    if (text.startsWith("tag:") && !text.substring(4).isBlank()) {
                        yield tag(text.substring(4));
                    }
                    throw new IllegalArgumentException("group by resource, account, usage-type, line-item-type or "
                            + "tag:KEY, not \"" + text + "\"");
                }
            };
        }
    }

    /**
     * Usage a Savings Plan or Reserved Instance covered, for one usage type.
     *
     * @param lineItemType {@link LineItemType#SAVINGS_PLAN_COVERED_USAGE} or {@link LineItemType#DISCOUNTED_USAGE}
     * @param usageType the usage type as priced
     * @param quantity the quantity, in the usage type's unit
     * @param onDemandCost the exact re-rated cost at on-demand prices (in the result's total)
     * @param effectiveCost what AWS charged for it under the commitment ({@code savingsPlan/SavingsPlanEffectiveCost}
     *     or {@code reservation/EffectiveCost}), empty if the export has no such column
     */
    public record CoveredUsage(LineItemType lineItemType, String usageType, BigDecimal quantity,
            BigDecimal onDemandCost, Optional<BigDecimal> effectiveCost) {

        /** @return the discount AWS applied, re-rated on-demand cost less the effective cost, if that is known */
        public Optional<BigDecimal> discount() {
            return effectiveCost.map(onDemandCost::subtract);
        }
    }

    /**
     * Lines passed through as billed, never re-rated.
     *
     * @param lineItemType their type
     * @param productCode their product ({@code lineItem/ProductCode}), empty if the export names none
     * @param rows how many lines
     * @param cost their exact unblended cost (credits and refunds are negative)
     */
    public record PassedThrough(LineItemType lineItemType, String productCode, long rows, BigDecimal cost) {
    }

    /**
     * The re-rated cost against what AWS billed ({@code lineItem/UnblendedCost}; FOCUS's {@code BilledCost}), per
     * account and usage type, for usage at on-demand rates and, in a CUR, usage Savings Plans covered (whose unblended
     * cost is its on-demand cost). Usage Reserved Instances covered is left out (its unblended cost is zero by
     * design), and so is FOCUS's covered usage (billed through the commitment's own rows). Under a what-if the
     * variance is the what-if's effect.
     *
     * @param rows per account and usage type (as priced), by account then usage type
     */
    public record Reconciliation(List<Row> rows) {

        /**
         * Keeps immutable copies of its collections.
         *
         * @param rows per account and usage type (as priced), by account then usage type
         */
        public Reconciliation {
            rows = List.copyOf(rows);
        }

        /** @return the exact re-rated total of the rows */
        public BigDecimal reRated() {
            return rows.stream().map(Row::reRated).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** @return the exact billed total of the rows */
        public BigDecimal billed() {
            return rows.stream().map(Row::billed).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** @return re-rated less billed, exact */
        public BigDecimal variance() {
            return reRated().subtract(billed());
        }

        /** @return the variance as a share of the billed cost, to 6 places (half even), empty if nothing was billed */
        public Optional<BigDecimal> share() {
            return Row.share(variance(), billed());
        }

        /**
         * @param account the usage account, empty if the export names none
         * @param usageType the usage type as priced
         * @param reRated the exact re-rated cost
         * @param billed the exact unblended cost AWS billed
         */
        public record Row(String account, String usageType, BigDecimal reRated, BigDecimal billed) {

            /** @return re-rated less billed, exact */
            public BigDecimal variance() {
                return reRated.subtract(billed);
            }

            /** @return the variance as a share of the billed cost, to 6 places (half even), empty if none was billed */
            public Optional<BigDecimal> share() {
                return share(variance(), billed);
            }

            static Optional<BigDecimal> share(BigDecimal variance, BigDecimal billed) {
                return billed.signum() == 0 ? Optional.empty()
                        : Optional.of(variance.divide(billed, 6, java.math.RoundingMode.HALF_EVEN));
            }
        }
    }

    /**
     * Rates an export file: CSV, plain, gzipped or zstd-compressed (told by its content, whatever its name), or
     * Parquet, a file or a directory of {@code .parquet} parts, when a reader of it is on the class or module path
     * ({@link ExportReader}; the module {@code compute-cost-parquet} is one).
     *
     * @param csv the export ({@code .csv}, {@code .csv.gz}, {@code .csv.zst}; or Parquet, as above)
     * @return costs per usage type and per resource, and the rows skipped
     * @throws UsageExportException if the file is missing or has no usage-type and amount columns, or is Parquet
     *     without a reader of it
     */
    public Result rate(Path csv) {
        if (isParquet(csv)) {
            return parquetReader(csv).rate(this, csv, progress);
        }
        try (InputStream in = Files.newInputStream(csv)) {
            return rate(in, csv.toString(), java.util.OptionalLong.of(Files.size(csv)));
        } catch (NoSuchFileException e) {
            throw new UsageExportException(csv + ": file not found");
        } catch (IOException e) {
            throw new UsageExportException(csv + ": cannot be read: " + e.getMessage());
        }
    }

    /**
     * Rates an export read from a stream, which it does not close. Gzipped and zstd-compressed content is
     * recognised by its magic number (zstd needs io.airlift:aircompressor on the class path). Lines end with LF or CRLF; a UTF-8 byte-order mark is ignored.
     *
     * @param in the export's bytes, UTF-8 (or gzipped UTF-8)
     * @param name the export's name, for error messages
     * @return the re-rated cost, with every skipped row counted by reason
     * @throws IOException if reading fails or the gzip stream is corrupt
     * @throws UsageExportException if the export is empty or has no usage-type and amount columns
     */
    public Result rate(InputStream in, String name) throws IOException {
        return rate(in, name, java.util.OptionalLong.empty());
    }

    private Result rate(InputStream in, String name, java.util.OptionalLong size) throws IOException {
        Objects.requireNonNull(in, "in");
        ProgressStream.Tally tally = progress == null ? null : new ProgressStream.Tally(progress, size);
        LineReader lines = new LineReader(maybeDecompress(tally == null ? in : new ProgressStream(in, tally), name));
        byte[] header = lines.next();
        if (header == null) {
            throw new UsageExportException(name + ": empty");
        }
        Aggregator agg = aggregator(name, header, lines.start(), lines.end());
        if (tally != null) {
            tally.rows(() -> agg.rows);
        }
        byte[] buffer;
        while ((buffer = lines.next()) != null) {
            if (lines.tooLong()) {
                agg.skipLine("line longer than " + (LineReader.MAX_LINE >> 20) + " MiB");
            } else if (lines.end() > lines.start()) {
                agg.line(buffer, lines.start(), lines.end());
            }
        }
        if (tally != null) {
            tally.done();
        }
        return result(agg);
    }

    /**
     * Starts summing part of an export whose rows come from elsewhere (a Spark partition, a database cursor): rows are
     * read as the export's lines would be, and the partials of all parts, merged, are rated once with
     * {@link #rate(Partial)}. Only the columns and the usage types' prices decide what is kept, so every part must be
     * summed by a re-rater with the same options and price book.
     *
     * @param header the export's column names, as a CSV header would give them
     * @param name the export's name, for error messages
     * @return an empty partial to add the part's rows to
     * @throws UsageExportException if the header lacks the usage type and amount columns (or a tag's column)
     */
    public Partial partial(List<String> header, String name) {
        return partial(header, name, 0);
    }

    /**
     * The same for one part of an export split in order: the rows of part 0, then part 1, and so on (a Spark
     * partition's index, for a file read without a shuffle). Where a free tier is shared, it goes to resources in the
     * order the export's rows meet them, so the parts' places keep the figures per resource those of one machine.
     *
     * @param part the part's place, 0 or more
     * @param header the export's column names, as a CSV header would give them
     * @param name the export's name, for error messages
     * @return an empty partial for the part
     */
    public Partial partial(List<String> header, String name, int part) {
        return new Partial(aggregator(name, List.copyOf(header)), name, part, prices, whatIfArm);
    }

    /**
     * Rates the merged partials of an export ({@link #partial}), as {@link #rate(Path)} rates the whole export: the
     * same figures, to the last digit. Progress is not reported. A partial never merged nor serialized is rated as it
     * was read, without a copy of its sums, and is done with: it takes no more rows, merges or ratings.
     *
     * @param merged every part's partial, merged
     * @return the re-rated cost of the whole export
     */
    public Result rate(Partial merged) {
        Aggregator live = merged.take(prices, whatIfArm);
        if (live != null) { // one part, read here by this price book: rated as it is, its sums not copied
            return result(live);
        }
        Aggregator agg = new Aggregator(new UsageIndex(prices), whatIfArm, merged.columns());
        merged.into(agg);
        return result(agg);
    }

    /**
     * Rates usage given as records (from a database, another export format, a generator), as if each were a
     * line of an export: skipped records are counted by reason in the result. The first record decides, as an
     * export's header does, whether payers and costs are read (see {@link BilledUsage}).
     *
     * @param usage the records, read once
     * @return the re-rated cost, with every skipped record counted by reason
     */
    public Result rate(Iterator<BilledUsage> usage) {
        if (!usage.hasNext()) {
            return result(new Aggregator(new UsageIndex(prices), whatIfArm, 0, 1, 2, 3, 4));
        }
        BilledUsage first = Objects.requireNonNull(usage.next(), "a usage record is null");
        boolean costs = first.unblendedCost().isPresent();
        int[] tags = new int[tagKeys.size()];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = 11 + i;
        }
        Aggregator.Columns c = new Aggregator.Columns(0, 1, 2, 3, 4,
                first.payerAccountId() != null && !perAccount ? 5 : -1, 6, 7, costs ? 8 : -1, costs ? 9 : -1,
                costs ? 10 : -1, tags);
        Aggregator agg = new Aggregator(new UsageIndex(prices), whatIfArm, c);
        int width = c.width();
        agg.record(values(first, c, width));
        while (usage.hasNext()) {
            agg.record(values(Objects.requireNonNull(usage.next(), "a usage record is null"), c, width));
        }
        return result(agg);
    }

    /** A record as the values of the columns {@code c} reads. */
    private String[] values(BilledUsage u, Aggregator.Columns c, int width) {
        String[] v = new String[width];
        v[c.type()] = u.usageType();
        v[c.amount()] = u.amount().toPlainString();
        v[c.resource()] = u.resourceId();
        v[c.account()] = u.accountId();
        v[c.start()] = u.month() == null ? null : u.month().toString();
        if (c.payer() >= 0) {
            v[c.payer()] = u.payerAccountId();
        }
        v[c.lineItemType()] = u.lineItemType().billed();
        v[c.productCode()] = u.productCode();
        if (c.unblended() >= 0) {
            v[c.unblended()] = u.unblendedCost().map(BigDecimal::toPlainString).orElse(null);
            int effective = c.effective(u.lineItemType().ordinal());
            if (effective >= 0) {
                v[effective] = u.effectiveCost().map(BigDecimal::toPlainString).orElse(null);
            }
        }
        for (int i = 0; i < tagKeys.size(); i++) {
            v[c.tags()[i]] = u.tags().get(tagKeys.get(i));
        }
        return v;
    }

    /** @return whether the path is a Parquet file (by its magic number) or a directory holding {@code .parquet} parts */
    private static boolean isParquet(Path path) {
        if (Files.isDirectory(path)) {
            try (java.util.stream.Stream<Path> files = Files.list(path)) {
                return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
            } catch (IOException e) {
                throw new UsageExportException(path + ": cannot be read: " + e.getMessage());
            }
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] magic = in.readNBytes(4);
            return parquetMagic(magic, 0, magic.length);
        } catch (IOException e) {
            return false; // reported by the CSV reader, as for any file
        }
    }

    /** @return whether {@code b[from..to)} begins with Parquet's magic number, {@code PAR1} */
    private static boolean parquetMagic(byte[] b, int from, int to) {
        return to - from >= 4 && b[from] == 'P' && b[from + 1] == 'A' && b[from + 2] == 'R' && b[from + 3] == '1';
    }

    /** @return the Parquet reader found on the class or module path, or a refusal naming the module */
    private static ExportReader parquetReader(Path path) {
        for (ExportReader r : java.util.ServiceLoader.load(ExportReader.class, Rerater.class.getClassLoader())) {
            if (r.format().equals(ExportReader.PARQUET)) {
                return r;
            }
        }
        throw new UsageExportException(path + ": a Parquet export; reading it needs the module compute-cost-parquet "
                + "(io.github.computecost:compute-cost-parquet) on the class path, or SparkRerater (module "
                + "compute-cost-spark)");
    }

    private Aggregator aggregator(String name, byte[] buffer, int from, int to) {
        if (parquetMagic(buffer, from, to)) { // in a stream
            throw new UsageExportException(name + ": a Parquet file, which is not read as a stream: Rerater.rate(Path) "
                    + "with the module compute-cost-parquet, or SparkRerater (module compute-cost-spark), reads it");
        }
        int skip = to - from >= 3 && buffer[from] == (byte) 0xEF && buffer[from + 1] == (byte) 0xBB
                && buffer[from + 2] == (byte) 0xBF ? 3 : 0; // a byte-order mark
        List<String> header;
        try {
            header = Csv.split(new String(buffer, from + skip, to - from - skip, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new UsageExportException(name + ": header line: " + e.getMessage());
        }
        return aggregator(name, header);
    }

    private Aggregator aggregator(String name, List<String> header) {
        boolean focus = inputFormat == InputFormat.FOCUS
                || inputFormat == InputFormat.AUTO && column(header, "ChargeCategory") >= 0;
        if (focus) {
            return focusAggregator(name, header);
        }
        int type = column(header, "lineItem/UsageType", "line_item_usage_type");
        int amount = column(header, "lineItem/UsageAmount", "line_item_usage_amount");
        if (type < 0 || amount < 0) {
            throw new UsageExportException(name + ": no usage type and amount columns (lineItem/UsageType and "
                    + "lineItem/UsageAmount, or line_item_usage_type and line_item_usage_amount)");
        }
        int[] tags = new int[tagKeys.size()];
        String[] inMap = new String[tags.length];
        int map = column(header, "resource_tags");
        for (int i = 0; i < tags.length; i++) {
            String key = tagKeys.get(i);
            tags[i] = column(header, "resourceTags/user:" + key, "resource_tags_user_" + key);
            if (tags[i] < 0 && map >= 0) {
                tags[i] = map;
                inMap[i] = key;
            }
            if (tags[i] < 0) {
                throw new UsageExportException(name + ": no column for the tag " + key + " (resourceTags/user:" + key
                        + ", resource_tags_user_" + key + ", or CUR 2.0's resource_tags map)");
            }
        }
        return new Aggregator(new UsageIndex(prices), whatIfArm, new Aggregator.Columns(type, amount,
                column(header, "lineItem/ResourceId", "line_item_resource_id"),
                column(header, "lineItem/UsageAccountId", "line_item_usage_account_id"),
                column(header, "lineItem/UsageStartDate", "line_item_usage_start_date"),
                perAccount ? -1 : column(header, "bill/PayerAccountId", "bill_payer_account_id"),
                column(header, "lineItem/LineItemType", "line_item_line_item_type"),
                column(header, "lineItem/ProductCode", "line_item_product_code"),
                column(header, "lineItem/UnblendedCost", "line_item_unblended_cost"),
                column(header, "savingsPlan/SavingsPlanEffectiveCost", "savings_plan_savings_plan_effective_cost"),
                column(header, "reservation/EffectiveCost", "reservation_effective_cost"), tags, inMap, false, -1,
                -1));
    }

    /** The columns of a FOCUS 1.x export (AWS's FOCUS 1.0 with AWS columns, or FOCUS 1.2). */
    private Aggregator focusAggregator(String name, List<String> header) {
        int type = column(header, "x_UsageType", "SkuMeter");
        int amount = column(header, "ConsumedQuantity");
        if (type < 0 || amount < 0) {
            throw new UsageExportException(name + ": no usage type and consumed quantity columns of FOCUS "
                    + "(x_UsageType or SkuMeter, and ConsumedQuantity)");
        }
        int map = column(header, "Tags");
        if (!tagKeys.isEmpty() && map < 0) {
            throw new UsageExportException(name + ": no Tags column, where FOCUS keeps the tag " + tagKeys.get(0));
        }
        int[] tags = new int[tagKeys.size()];
        Arrays.fill(tags, map);
        String[] inMap = tagKeys.toArray(new String[0]);
        int effective = column(header, "EffectiveCost");
        return new Aggregator(new UsageIndex(prices), whatIfArm, new Aggregator.Columns(type, amount,
                column(header, "ResourceId"), column(header, "SubAccountId"), column(header, "ChargePeriodStart"),
                perAccount ? -1 : column(header, "BillingAccountId"), column(header, "ChargeCategory"),
                column(header, "x_ServiceCode", "ServiceName"), column(header, "BilledCost"), effective, effective,
                tags, inMap, true, column(header, "CommitmentDiscountStatus"),
                column(header, "CommitmentDiscountCategory")));
    }

    /** gzip's and zstd's magic numbers (RFC 1952; RFC 8878, little-endian 0xFD2FB528). */
    private static InputStream maybeDecompress(InputStream in, String name) throws IOException {
        InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in, 4);
        buffered.mark(4);
        int[] b = {buffered.read(), buffered.read(), buffered.read(), buffered.read()};
        buffered.reset();
        if (b[0] == 0x1f && b[1] == 0x8b) {
            return new GZIPInputStream(buffered, 1 << 16);
        }
        if (b[0] == 0x28 && b[1] == 0xb5 && b[2] == 0x2f && b[3] == 0xfd) {
            return zstd(buffered, name);
        }
        return buffered;
    }

    /**
     * A zstd stream through aircompressor (io.airlift:aircompressor, pure Java, Apache 2.0), found at run time: an
     * optional dependency, which the command line bundles. (Its jar names no module, so the library's module
     * descriptor cannot require it without a file-name module.)
     */
    private static InputStream zstd(InputStream in, String name) {
        Class<?> type;
        try {
            type = Class.forName("io.airlift.compress.zstd.ZstdInputStream", true, Rerater.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new UsageExportException(name + ": zstd-compressed; reading it needs io.airlift:aircompressor on "
                    + "the class path, or decompress it first");
        }
        Rerater.class.getModule().addReads(type.getModule());
        try {
            return new BufferedInputStream((InputStream) type.getConstructor(InputStream.class).newInstance(in),
                    1 << 16);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("aircompressor's ZstdInputStream cannot be made", e);
        }
    }

    /** Rates each billing family's (or account's) month separately: each has its own free tier and tiers. */
    private Result result(Aggregator agg) {
        Map<Aggregator.Billed, BigDecimal[]> billed = new HashMap<>();
        List<Aggregator.Group> groups = agg.groups(billed);
        boolean costs = agg.columns().unblended() >= 0; // else there is no reconciliation
        Totals totals = new Totals(tagKeys.size(), agg.columns().focus(), costs);
        RatingEngine engine = RatingEngine.of(prices);
        LocalDate today = LocalDate.now(clock);
        Optional<PriceDates> dates = Optional.empty();
        for (int gi = 0; gi < groups.size(); gi++) {
            Aggregator.Group group = groups.get(gi);
            groups.set(gi, null); // rated once: its memory goes to the groups after it
            dates = PriceDates.merge(dates, totals.rate(engine, group, freeTier));
        }
        Map<String, BigDecimal> byUsageType = new TreeMap<>();
        Map<String, BigDecimal> quantity = new TreeMap<>();
        totals.perUsageType.forEach((type, u) -> {
            byUsageType.put(type, u[0]);
            quantity.put(type, u[1]);
        });
        Map<List<String>, BigDecimal> reconciled = new HashMap<>(); // account, usage type -> cost
        totals.reconciledByAccount.forEach((account, byType) -> byType.forEach((type, cost) -> reconciled.put(
                List.of(account, type), cost)));
        Map<String, Map<String, BigDecimal>> tags = new HashMap<>();
        for (int t = 0; t < tagKeys.size(); t++) {
            tags.put(tagKeys.get(t), Map.copyOf(totals.byTag.get(t)));
        }
        Map<String, BigDecimal> sorted = totals.byResource();
        return new Result(prices.currency(), agg.rows, agg.rated, agg.skipped(), byUsageType, sorted, quantity,
                totals.total, dates, today,
                java.util.Collections.unmodifiableSortedSet(totals.derived), agg.byPayer(), totals.byAccount,
                totals.byKind, tags, covered(totals.covered, billed), passedThrough(agg),
                costs ? Optional.of(reconciliation(reconciled, billed, agg.columns().focus())) : Optional.empty(),
                agg.columns().focus() ? InputFormat.FOCUS : InputFormat.CUR);
    }

    /**
     * A bill's totals, summed as its groups are rated, a line item and a resource at a time. Each step is a method of
     * its own: run once per bill, they are compiled while it is rated, and small methods compile quickly.
     */
    private static final class Totals {
        /** Per usage type its cost and quantity: hash maps keyed by the line items' own strings, sorted at the end. */
        final Map<String, BigDecimal[]> perUsageType = new HashMap<>();
        /** Per resource as shown (by its number among {@link #shown}), its cost. */
        BigDecimal[] byShown = new BigDecimal[0];
        List<String> shown = List.of();
        final Map<String, BigDecimal> byAccount = new HashMap<>();
        final Map<LineItemType, BigDecimal> byKind = new java.util.EnumMap<>(LineItemType.class);
        final List<Map<String, BigDecimal>> byTag = new java.util.ArrayList<>();
        final Map<List<Object>, BigDecimal[]> covered = new HashMap<>(); // kind, usage type -> quantity, cost
        /** Per account and usage type the cost reconciled, when the export has AWS's costs. */
        final Map<String, Map<String, BigDecimal>> reconciledByAccount = new HashMap<>();
        final java.util.SortedSet<String> derived = new java.util.TreeSet<>();
        BigDecimal total = BigDecimal.ZERO;
        private final boolean focus;
        private final boolean costs;

        Totals(int tags, boolean focus, boolean costs) {
            for (int t = 0; t < tags; t++) {
                byTag.add(new HashMap<>());
            }
            this.focus = focus;
            this.costs = costs;
        }

        /** Rates one group and adds it in. @return the dates of the prices it used */
        Optional<PriceDates> rate(RatingEngine engine, Aggregator.Group group, boolean freeTier) {
            if (group.shown().size() > byShown.length) { // the groups share one list of resources as shown
                shown = group.shown();
                byShown = Arrays.copyOf(byShown, shown.size());
            }
            List<Aggregator.Meta> metas = group.meta();
            BigDecimal[] resourceCosts = new BigDecimal[metas.size()]; // per resource, its line items' costs
            // Each line item as it is priced (the engine keeps none of them).
            Optional<PriceDates> dates = engine.rate(group.usage(), freeTier, (i, usageType,
                    quantity, unitPrice, cost, provenance) -> item(usageType, quantity, cost, provenance.isDerived(),
                    metas.get(i), resourceCosts, i));
            resources(metas, resourceCosts);
            return dates;
        }

        /** One line item of resource {@code i}: by usage type, covered and reconciled. */
        private void item(String usageType, BigDecimal quantity, BigDecimal cost, boolean derived,
                Aggregator.Meta meta, BigDecimal[] resourceCosts, int i) {
            resourceCosts[i] = resourceCosts[i] == null ? cost : resourceCosts[i].add(cost);
            BigDecimal[] u = perUsageType.get(usageType);
            if (u == null) {
                perUsageType.put(usageType, new BigDecimal[] {cost, quantity});
            } else {
                u[0] = u[0].add(cost);
                u[1] = u[1].add(quantity);
            }
            if (derived) {
                this.derived.add(usageType);
            }
            if (meta.kind().treatment() == LineItemType.Treatment.COVERED) {
                BigDecimal[] s = covered.computeIfAbsent(List.of(meta.kind(), usageType),
                        x -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                s[0] = s[0].add(quantity);
                s[1] = s[1].add(cost);
            }
            if (costs && reconciled(meta.kind(), focus)) {
                reconciledByAccount.computeIfAbsent(meta.account(), x -> new HashMap<>()).merge(usageType, cost,
                        BigDecimal::add);
            }
        }

        /** A group's resources, rated: each by resource, account, kind and tag, and the group into the total. */
        private void resources(List<Aggregator.Meta> metas, BigDecimal[] resourceCosts) {
            BigDecimal groupTotal = BigDecimal.ZERO; // as an estimate's total: the sum of its resources' costs
            for (int i = 0; i < metas.size(); i++) {
                Aggregator.Meta meta = metas.get(i);
                // A resource's cost as its estimate gives it: the exact sum of its line items, without trailing zeros.
                BigDecimal raw = resourceCosts[i] == null ? BigDecimal.ZERO : resourceCosts[i];
                BigDecimal cost = Amounts.exact(raw);
                // The total is made exact once: summed from the costs as their line items add up, mostly at one
                // scale, no cost is rescaled to the total's (its value, and so its exact form, are the same).
                groupTotal = groupTotal.add(raw);
                int r = meta.shown();
                byShown[r] = byShown[r] == null ? cost : byShown[r].add(cost);
                byAccount.merge(meta.account(), cost, BigDecimal::add);
                byKind.merge(meta.kind(), cost, BigDecimal::add);
                for (int t = 0; t < byTag.size(); t++) {
                    byTag.get(t).merge(meta.tags().get(t), cost, BigDecimal::add);
                }
            }
            total = total.add(Amounts.exact(groupTotal));
        }

        /** @return each resource as shown and its cost, by name */
        Map<String, BigDecimal> byResource() {
            Integer[] order = new Integer[byShown.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, java.util.Comparator.comparing(shown::get));
            Map<String, BigDecimal> sorted = new LinkedHashMap<>(order.length * 2);
            for (Integer i : order) {
                if (byShown[i] != null) {
                    sorted.put(shown.get(i), byShown[i]);
                }
            }
            return sorted;
        }
    }

    /** Covered usage per kind and usage type: the re-rated on-demand cost beside AWS's effective cost. */
    private static List<CoveredUsage> covered(Map<List<Object>, BigDecimal[]> ours,
            Map<Aggregator.Billed, BigDecimal[]> billed) {
        Map<List<Object>, BigDecimal> effective = new HashMap<>();
        billed.forEach((k, v) -> {
            if (v[1] != null) {
                effective.merge(List.of(k.kind(), k.usageType()), v[1], BigDecimal::add);
            }
        });
        List<CoveredUsage> out = new java.util.ArrayList<>(ours.size());
        ours.forEach((k, v) -> out.add(new CoveredUsage((LineItemType) k.get(0), (String) k.get(1), v[0], v[1],
                Optional.ofNullable(effective.get(k)))));
        out.sort(java.util.Comparator.comparing(CoveredUsage::lineItemType).thenComparing(CoveredUsage::usageType));
        return out;
    }

    private static List<PassedThrough> passedThrough(Aggregator agg) {
        List<PassedThrough> out = new java.util.ArrayList<>();
        agg.passed.forEach((kind, byProduct) -> byProduct.forEach((product, p) -> out.add(new PassedThrough(kind,
                product, p.rows(), p.cost()))));
        return out;
    }

    /** Ours against AWS's unblended cost, per account and usage type, for usage and Savings Plans covered usage. */
    private static Reconciliation reconciliation(Map<List<String>, BigDecimal> ours,
            Map<Aggregator.Billed, BigDecimal[]> billed, boolean focus) {
        Map<List<String>, BigDecimal[]> rows = new TreeMap<>(java.util.Comparator
                .comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
        ours.forEach((k, v) -> rows.computeIfAbsent(k, x -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[0] = v);
        billed.forEach((k, v) -> {
            if (reconciled(k.kind(), focus)) {
                BigDecimal[] s = rows.computeIfAbsent(List.of(k.account(), k.usageType()),
                        x -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                s[1] = s[1].add(v[0]);
            }
        });
        List<Reconciliation.Row> out = new java.util.ArrayList<>(rows.size());
        rows.forEach((k, v) -> out.add(new Reconciliation.Row(k.get(0), k.get(1), v[0], v[1])));
        return new Reconciliation(out);
    }

    /**
     * Usage is reconciled; so is Savings Plans covered usage in a CUR, whose unblended cost is its on-demand cost (a
     * negation takes it off). FOCUS bills covered usage through the commitment's own rows, and a reservation's
     * covered usage has an unblended cost of zero: neither is comparable with an on-demand re-rating.
     */
    private static boolean reconciled(LineItemType t, boolean focus) {
        return t == LineItemType.USAGE || t == LineItemType.SAVINGS_PLAN_COVERED_USAGE && !focus;
    }

    /** @return the first column the header names with one of {@code names} (ignoring case and spaces), or -1 */
    private static int column(List<String> header, String... names) {
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).trim();
            for (String n : names) {
                if (h.equalsIgnoreCase(n)) {
                    return i;
                }
            }
        }
        return -1;
    }
}
