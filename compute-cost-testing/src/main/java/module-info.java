/** {@link io.github.computecost.testing.CostAssert}: a workload's cost and limits as assertions in unit tests. */
module io.github.computecost.testing {
    requires transitive io.github.computecost;
    requires transitive org.opentest4j;

    exports io.github.computecost.testing;
}
