/**
 * Beyond on-demand: Reserved Instances and Savings Plans, priced from AWS's own offer files, applied to usage hour by
 * hour as AWS applies them, and the Savings Plans commitment that minimises a bill.
 *
 * <p>{@link io.github.computecost.commitment.CommitmentRates} reads the rates: the {@code Reserved} terms of an EC2
 * offer file and the rates of a Savings Plans offer file. Nothing here is bundled: no source the project has gives
 * current commitment rates, so the user brings AWS's files. {@link io.github.computecost.commitment.HourlyUsage} is
 * the usage, hour by hour (a flat month from an estimate, or a profile). {@link
 * io.github.computecost.commitment.CommitmentPricer} applies Reserved Instances first, then Savings Plans to the
 * usage with the largest discount first, up to the commitment, and the rest at on-demand rates. {@link
 * io.github.computecost.commitment.CommitmentRecommender} finds the hourly commitment with the least total cost,
 * exactly, on the piecewise-linear structure of that cost.
 */
package io.github.computecost.commitment;
