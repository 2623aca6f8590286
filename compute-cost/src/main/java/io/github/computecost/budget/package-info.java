/**
 * Budgets: monthly cost limits on a whole estimate or on one resource, checked exactly (an estimate is over
 * its budget when its unrounded cost is greater than the limit). Immutable and thread-safe.
 */
package io.github.computecost.budget;
