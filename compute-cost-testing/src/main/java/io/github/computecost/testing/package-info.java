/**
 * Estimates as unit tests: {@link io.github.computecost.testing.CostAssert} lets a JUnit (or any) test load a
 * workload, or build one in code, and assert on its monthly cost, budgets and limit violations. Failures are
 * opentest4j {@code AssertionFailedError}s (the type JUnit 5 throws; an {@link java.lang.AssertionError}, so any
 * test framework reports them) whose message carries the whole cost breakdown and whose expected and actual
 * values IDEs show as a diff.
 */
package io.github.computecost.testing;
