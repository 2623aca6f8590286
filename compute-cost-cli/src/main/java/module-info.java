/** The compute-cost command line ({@code java -jar compute-cost-cli.jar}); its entry point is {@code Main}. */
module io.github.computecost.cli {
    requires io.github.computecost;
    requires info.picocli;

    exports io.github.computecost.cli;
    // picocli fills the commands' annotated fields by reflection.
    opens io.github.computecost.cli to info.picocli;
}
