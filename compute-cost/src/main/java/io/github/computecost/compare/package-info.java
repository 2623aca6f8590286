/**
 * Comparisons across services: what the same traffic costs on Lambda@Edge and on CloudFront Functions, the
 * volume at which the two cost the same, and whether a function could move.
 *
 * <p>Break-even volumes are solved exactly: both monthly costs are piecewise-linear functions of the
 * monthly volume (a price per unit above a free allowance, per usage type), so the crossing is found segment
 * by segment with decimal arithmetic ({@link java.math.MathContext#DECIMAL128}), not with a floating-point
 * root finder. (The design suggested Apache Commons Math for break-even solving; for piecewise-linear
 * costs an exact solve is both simpler and free of rounding, so it is not used here.)
 *
 * <p>All types are immutable and thread-safe; no method returns {@code null}.
 */
package io.github.computecost.compare;
