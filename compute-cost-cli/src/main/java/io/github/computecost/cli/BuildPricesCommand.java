package io.github.computecost.cli;

import io.github.computecost.pricelist.BundleBuilder;
import io.github.computecost.pricelist.PriceDiff;
import io.github.computecost.pricing.PriceBook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code build-prices --sources DIR}: rebuilds the bundled tables from their recipe and sourced data. */
@Command(name = "build-prices", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Rebuild every bundled pricing-data table from the recipe (pricing-src) and the sourced data "
                + "(a directory laid out as shared/sources), and print which prices and files changed. For maintainers: "
                + "the bundle in the jar is exactly what this writes. Exit 1 with --check when the bundle is out of date.")
final class BuildPricesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--sources", required = true, paramLabel = "DIR", description = "The sourced data (shared/sources).")
    Path sources;

    @Option(names = "--recipe", defaultValue = "pricing-src", paramLabel = "DIR",
            description = "The recipe: skeletons, regions, ids (default: ${DEFAULT-VALUE}).")
    Path recipe;

    @Option(names = "--out", defaultValue = "pricing-data", paramLabel = "DIR",
            description = "The bundle directory to rebuild (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--check", description = "Write nothing; exit 1 if the bundle differs from a rebuild.")
    boolean check;

    @Override
    public Integer call() {
        if (!Files.isDirectory(sources)) {
            throw new BadInputException("--sources " + sources + ": not a directory (the sourced data, laid out "
                    + "as shared/sources)");
        }
        if (!Files.isDirectory(recipe)) {
            throw new BadInputException("--recipe " + recipe + ": not a directory (pricing-src of a checkout)");
        }
        BundleBuilder.Result r = BundleBuilder.build(recipe, sources);
        var o = spec.commandLine().getOut();
        List<String> files = BundleBuilder.changedFiles(r, out);
        List<PriceDiff.Change> prices = new ArrayList<>();
        Path staged = null;
        try {
            staged = Files.createTempDirectory("compute-cost-build");
            BundleBuilder.write(r, staged);
            for (String book : List.of("", PriceBook.AWS_CN)) {
                Path before = book.isEmpty() ? out : out.resolve(book);
                Path after = book.isEmpty() ? staged : staged.resolve(book);
                if (Files.isDirectory(before) && Files.isDirectory(after)) {
                    PriceBook old;
                    try {
                        old = PriceBook.directoryOnly(before);
                    } catch (io.github.computecost.pricing.PricingDataException e) {
                        spec.commandLine().getOut().println("note: the bundle in " + before + " cannot be read, so its "
                                + "prices are not compared (" + e.getMessage() + ")");
                        continue;
                    }
                    prices.addAll(PriceDiff.between(old, PriceBook.directoryOnly(after)));
                }
            }
        } catch (java.io.IOException e) {
            throw new BadInputException("cannot stage the build: " + e.getMessage());
        } finally {
            Internal.deleteTree(staged);
        }
        r.notes().forEach(n -> o.println("note: " + n));
        prices.forEach(o::println);
        files.forEach(f -> o.println("file " + f));
        o.println(prices.size() + (prices.size() == 1 ? " price changed, " : " prices changed, ") + files.size()
                + (files.size() == 1 ? " file" : " files") + (check ? " differ" : " written") + " (" + out + ")");
        o.flush();
        if (check) {
            return files.isEmpty() ? Main.OK : Main.POLICY_FAILURE;
        }
        BundleBuilder.write(r, out);
        return Main.OK;
    }
}
