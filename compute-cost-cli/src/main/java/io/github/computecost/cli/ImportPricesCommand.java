package io.github.computecost.cli;

import io.github.computecost.pricelist.PriceListImporter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code import-prices --offer FILE... --out DIR}: pricing-data tables from AWS Price List offer files. */
@Command(name = "import-prices", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Build pricing-data tables from AWS Price List offer files you downloaded (index.json or index.csv, "
                + "optionally .gz). Nothing is written if any file is malformed. Use the result with --pricing-data DIR.")
final class ImportPricesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--progress", negatable = true, description = "A progress line on standard error (bytes read, "
            + "bytes per second, time left) while the offers are read; by default on a terminal only.")
    Boolean progress;

    @Option(names = "--offer", arity = "1..*", paramLabel = "FILE", description = "Offer files.")
    List<Path> offers = new java.util.ArrayList<>();

    @Option(names = "--commitment-offer", arity = "1..*", paramLabel = "FILE", description = "Offer files whose "
            + "commitment rates to import: an EC2 offer file (its Reserved terms) and Savings Plans offer files. "
            + "Written to DIR/commitments/commitment-rates.json, which --pricing-data DIR then gives estimate and "
            + "recommend-commitment.")
    List<Path> commitmentOffers = new java.util.ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write the tables into.")
    Path out;

    @Override
    public Integer call() {
        if (offers.isEmpty() && commitmentOffers.isEmpty()) {
            throw new BadInputException("import-prices: give --offer FILE (on-demand tables) or --commitment-offer FILE "
                    + "(commitment rates), or both");
        }
        io.github.computecost.commitment.CommitmentRates rates = commitmentOffers.isEmpty() ? null
                : io.github.computecost.commitment.CommitmentRates.read(commitmentOffers); // all read before any write
        var o = spec.commandLine().getOut();
        if (!offers.isEmpty()) {
            importTables(o);
        }
        if (rates != null) {
            o.println(PricingOptions.writeCommitments(out, rates));
        }
        o.flush();
        return Main.OK;
    }

    private void importTables(java.io.PrintWriter o) {
        PriceListImporter.Result r = PriceListImporter.run(offers, ProgressLine.wanted(progress)
                ? new ProgressLine("import-prices", spec.commandLine().getErr()) : null);
        PriceListImporter.write(r, out);
        r.notes().forEach(o::println);
        r.files().keySet().forEach(f -> o.println("wrote " + out.resolve(f)));
    }
}
