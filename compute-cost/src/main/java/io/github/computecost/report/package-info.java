/**
 * Reports: estimates, edge comparisons and estimate diffs rendered as text, JSON, Markdown and CSV, as the
 * command line prints them and for library users who want the same output. Money is shown to the cent
 * (half up) beside the exact figure; machine formats carry decimal strings. Stateless and thread-safe.
 */
package io.github.computecost.report;
