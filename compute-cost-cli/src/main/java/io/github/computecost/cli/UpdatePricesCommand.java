package io.github.computecost.cli;

import io.github.computecost.pricelist.PriceListDownloader;
import io.github.computecost.pricelist.PriceListImporter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code update-prices --out DIR}: downloads AWS's Price List files and builds tables from them. */
@Command(name = "update-prices", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Download AWS's public Price List files (the service index, each service's region index, then "
                + "each region's offer file) into DIR/offers, streamed and resumable, and build pricing-data tables "
                + "from them in DIR: use them with --pricing-data DIR. This is the only command that uses the network, "
                + "and only when you run it; --from reads a mirror directory instead.")
final class UpdatePricesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write into.")
    Path out;

    @Option(names = "--services", split = ",", paramLabel = "CODE",
            description = "AWS Price List offer codes (default: every offer compute-cost prices from).")
    List<String> services;

    @Option(names = "--regions", split = ",", paramLabel = "REGION", defaultValue = "us-east-1",
            description = "Region codes, or all (default: ${DEFAULT-VALUE}). EC2's files are hundreds of MB each.")
    List<String> regions;

    static final class From {
        @Option(names = "--from", paramLabel = "DIR", description = "A mirror of the Price List endpoint's layout "
                + "(DIR/offers/v1.0/aws/index.json, ...), for machines without network access.")
        Path mirror;

        @Option(names = "--endpoint", paramLabel = "URL", description = "Another endpoint with AWS's layout (default: "
                + PriceListDownloader.AWS_ENDPOINT + ").")
        String endpoint;
    }

    @ArgGroup(exclusive = true)
    From from;

    @Option(names = "--commitments", description = "Also download the Savings Plans offer files of the regions, and "
            + "write the commitment rates (the EC2 offers' Reserved terms and the Savings Plans rates) into "
            + "DIR/commitments/commitment-rates.json, which --pricing-data DIR gives estimate and recommend-commitment.")
    boolean commitments;

    @Option(names = "--progress", negatable = true, description = "A progress line on standard error per file "
            + "(bytes, bytes per second, time left) while downloading; by default on a terminal only.")
    Boolean showProgress;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        PriceListDownloader.Progress progress = !ProgressLine.wanted(showProgress) ? PriceListDownloader.Progress.NONE
                : new PriceListDownloader.Progress() {
                    private final java.util.Map<String, Long> started = new java.util.HashMap<>();

                    @Override
                    public void update(String file, long bytes, long total) {
                        long t0 = started.computeIfAbsent(file, f -> System.nanoTime());
                        io.github.computecost.Progress p = new io.github.computecost.Progress(0, bytes,
                                total >= 0 ? java.util.OptionalLong.of(total) : java.util.OptionalLong.empty(),
                                java.time.Duration.ofNanos(System.nanoTime() - t0), false);
                        err.print("\r" + ProgressLine.text(file, p) + "   ");
                        err.flush();
                    }

                    @Override
                    public void done(String file) {
                        err.println();
                    }
                };
        PriceListDownloader d;
        try {
            d = from != null && from.mirror != null ? PriceListDownloader.fromMirror(from.mirror, progress)
                    : PriceListDownloader.fromEndpoint(from != null && from.endpoint != null ? from.endpoint
                            : PriceListDownloader.AWS_ENDPOINT, progress);
        } catch (IllegalArgumentException e) {
            throw new BadInputException((from != null && from.mirror != null ? "--from: " : "--endpoint: ")
                    + e.getMessage());
        }
        if (services == null) {
            services = PriceListDownloader.SERVICES;
        }
        PriceListDownloader.Result r = d.download(out, services, regions);
        var o = spec.commandLine().getOut();
        r.notes().forEach(n -> o.println("note: " + n));
        r.downloaded().forEach(p -> o.println("downloaded " + p));
        if (r.offers().isEmpty()) {
            throw new BadInputException("no offer file for " + String.join(", ", services) + " in "
                    + String.join(", ", regions) + ": nothing to build tables from");
        }
        PriceListImporter.Result tables = PriceListImporter.run(r.offers());
        PriceListImporter.write(tables, out);
        tables.notes().forEach(n -> o.println("note: " + n));
        tables.files().keySet().forEach(f -> o.println("wrote " + out.resolve(f)));
        if (commitments) {
            PriceListDownloader.Result plans = d.downloadSavingsPlans(out, regions);
            plans.notes().forEach(n -> o.println("note: " + n));
            plans.downloaded().forEach(p -> o.println("downloaded " + p));
            io.github.computecost.commitment.CommitmentRates rates = io.github.computecost.commitment.CommitmentRates
                    .none();
            for (Path f : r.offers()) {
                rates = rates.and(io.github.computecost.commitment.CommitmentRates.readIfAny(f));
            }
            rates = rates.and(io.github.computecost.commitment.CommitmentRates.read(plans.offers()));
            o.println(PricingOptions.writeCommitments(out, rates));
        }
        o.println("use them with: --pricing-data " + out);
        o.flush();
        return Main.OK;
    }
}
