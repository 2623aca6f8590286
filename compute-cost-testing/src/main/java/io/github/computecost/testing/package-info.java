/**
 * Estimates as unit tests: {@link io.github.computecost.testing.CostAssert} lets a JUnit (or any) test load a
 * workload, or build one in code, and assert on its monthly cost, budgets and limit violations. Failures are
 * plain {@link java.lang.AssertionError}s whose message carries the whole cost breakdown, so no test library
 * is required.
 */
package io.github.computecost.testing;
