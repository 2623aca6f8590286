/**
 * compute-cost: monthly cost estimates and limit checks for AWS compute, from bundled, sourced price tables.
 *
 * <p>Start with {@link io.github.computecost.pricing.PriceBook#bundled()} and
 * {@link io.github.computecost.estimate.Estimator}. Every exception about what compute-cost was given is a
 * {@link io.github.computecost.ComputeCostException}.
 */
package io.github.computecost;
