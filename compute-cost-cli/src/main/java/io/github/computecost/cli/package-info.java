/**
 * The command line ({@code java -jar compute-cost-cli-<version>.jar}). Exit codes: 0 success; 2 bad input
 * (a one-line message on standard error naming the file, resource and field, never a stack trace); 1 is kept
 * for policy failures (budgets, limits); 3 an internal error.
 */
package io.github.computecost.cli;
