package io.github.computecost.cli;

import io.github.computecost.pricelist.PriceDiff;
import io.github.computecost.pricing.PriceBook;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code diff-prices OLD_DIR NEW_DIR}: which prices changed, appeared or disappeared. */
@Command(name = "diff-prices", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "List the prices that changed, were added or disappeared between two directories of "
                + "pricing-data tables, by service, region and usage type.")
final class DiffPricesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD_DIR")
    Path before;

    @Parameters(index = "1", paramLabel = "NEW_DIR")
    Path after;

    @Override
    public Integer call() {
        List<PriceDiff.Change> changes = PriceDiff.between(PriceBook.directoryOnly(before), PriceBook.directoryOnly(after));
        var o = spec.commandLine().getOut();
        changes.forEach(o::println);
        o.println(changes.size() + (changes.size() == 1 ? " change" : " changes"));
        o.flush();
        return Main.OK;
    }
}
