package io.github.computecost.cli;

import io.github.computecost.estimate.Estimator;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.spec.Workload;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The pricing options every pricing command shares. */
final class PricingOptions {

    @Option(names = "--no-free-tier", description = "Apply no free tier (worst case; accounts whose free tier is used elsewhere).")
    boolean noFreeTier;

    @Option(names = "--pricing-data", paramLabel = "DIR", description = "Directory of pricing-data files laid over the bundled ones.")
    Path pricingData;

    @Option(names = "--max-price-age", paramLabel = "DAYS", defaultValue = "180",
            description = "Warn when the newest price an estimate uses is older than DAYS days (default ${DEFAULT-VALUE}).")
    int maxPriceAgeDays;

    @Option(names = "--price-book", paramLabel = "ID", description = "The bundled price book: aws (commercial and "
            + "GovCloud regions, USD) or aws-cn (China, CNY). Default: aws-cn when every resource runs in China, else aws.")
    String priceBook;

    @Option(names = "--spot-prices", paramLabel = "FILE", description = "Spot prices as AWS observed them, for "
            + "resources on Spot: the JSON output of aws ec2 describe-spot-price-history (repeatable, for its pages), "
            + "or AWS's Fargate Spot price feed. Each price is labelled with its time range and statistic.")
    java.util.List<Path> spotPrices = new java.util.ArrayList<>();

    @Option(names = "--spot-statistic", paramLabel = "STAT", defaultValue = "mean", description = "Which figure of "
            + "the Spot price history prices the month: mean (time-weighted, the default), median or a percentile "
            + "such as p90.")
    String spotStatistic;

    /** The folder of a pricing-data directory that import-prices writes commitment rates into. */
    static final String COMMITMENTS = "commitments";

    /**
     * Writes commitment rates where {@link #commitmentRates} finds them: {@code out/commitments/commitment-rates.json}.
     *
     * @return the line to print
     */
    static String writeCommitments(Path out, io.github.computecost.commitment.CommitmentRates rates) {
        Path dir = out.resolve(COMMITMENTS);
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new BadInputException(dir + ": cannot be created: " + e.getMessage());
        }
        Path file = dir.resolve("commitment-rates.json");
        rates.write(file);
        return "wrote " + file + " (" + rates.reserved().size() + " Reserved offerings, " + rates.savingsPlans().size()
                + " Savings Plans rates)";
    }

    /**
     * @param given the files named with --commitment-rates
     * @return them, and the commitment rates import-prices wrote into the --pricing-data directory, if any
     */
    java.util.List<Path> commitmentRates(java.util.List<Path> given) {
        java.util.List<Path> all = new java.util.ArrayList<>(given);
        Path dir = pricingData == null ? null : pricingData.resolve(COMMITMENTS);
        if (dir != null && java.nio.file.Files.isDirectory(dir)) {
            try (var s = java.nio.file.Files.list(dir)) {
                s.filter(f -> f.toString().endsWith(".json")).sorted().forEach(all::add);
            } catch (java.io.IOException e) {
                throw new BadInputException(dir + ": cannot be listed: " + e.getMessage());
            }
        }
        return all;
    }

    /** For reproducible output (tests, golden files): the day the estimate is made on. */
    @Option(names = "--today", paramLabel = "DATE", hidden = true)
    java.time.LocalDate today;

    /** The default price book (commercial and GovCloud regions, USD), with --pricing-data laid over it. */
    PriceBook prices() {
        return book(priceBook != null ? named() : PriceBook.bundled());
    }

    /**
     * The price book for a workload's regions: China's (CNY) when every resource runs in China, the default (USD)
     * otherwise; a workload that mixes them is refused, since one estimate holds one currency.
     */
    PriceBook prices(java.util.SortedSet<String> regions) {
        if (priceBook != null) {
            return book(named());
        }
        long china = regions.stream().filter(PriceBook::isChina).count();
        if (china > 0 && china < regions.size()) {
            throw new BadInputException("the workload mixes China regions ("
                    + String.join(", ", regions.stream().filter(PriceBook::isChina).toList()) + ", priced in CNY) with "
                    + "others (" + String.join(", ", regions.stream().filter(r -> !PriceBook.isChina(r)).toList())
                    + ", priced in USD); one estimate holds one currency: estimate them in separate files");
        }
        return book(china > 0 ? PriceBook.bundled(PriceBook.AWS_CN) : PriceBook.bundled());
    }

    /** The bundled price book --price-book names. */
    private PriceBook named() {
        if (!PriceBook.bundledIds().contains(priceBook)) {
            throw new BadInputException("--price-book " + priceBook + ": no such bundled price book (have: "
                    + String.join(", ", PriceBook.bundledIds()) + ")");
        }
        return PriceBook.bundled(priceBook);
    }

    private PriceBook book(PriceBook base) {
        if (maxPriceAgeDays < 0) {
            throw new BadInputException("--max-price-age must not be negative: " + maxPriceAgeDays);
        }
        PriceBook book = pricingData == null ? base : base.overriddenBy(pricingData);
        if (spotPrices.isEmpty()) {
            return book;
        }
        io.github.computecost.service.ObservedPrices.Statistic statistic;
        try {
            statistic = io.github.computecost.service.ObservedPrices.Statistic.parse(spotStatistic);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--spot-statistic: " + e.getMessage());
        }
        return io.github.computecost.estimate.Services.withObservedPrices(book, spotPrices, statistic);
    }

    /** @return the clock estimates are dated by: the system clock in UTC, or the day --today names */
    java.time.Clock clock() {
        return today == null ? java.time.Clock.systemUTC()
                : java.time.Clock.fixed(today.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), java.time.ZoneOffset.UTC);
    }

    /** @return whether to apply the free tier to a file that asks for it or not */
    boolean freeTier(boolean fileAsks) {
        return fileAsks && !noFreeTier;
    }

    /** @return the workload's estimator on its price book, with --no-free-tier, --max-price-age and the clock */
    Estimator estimator(Workload w) {
        Estimator e = w.estimator(prices(w.regions())).clock(clock()).maxPriceAgeDays(maxPriceAgeDays);
        return noFreeTier ? e.withoutFreeTier() : e;
    }
}
