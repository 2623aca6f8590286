/**
 * The shared vocabulary of limit checks: a {@link io.github.computecost.limits.ValidationReport} lists
 * every {@link io.github.computecost.limits.Violation} of a configuration, not just the first. Errors are
 * configurations AWS would reject; warnings deploy but throttle, cost more than needed, or hit a default
 * quota that can be raised. Immutable and thread-safe.
 */
package io.github.computecost.limits;
