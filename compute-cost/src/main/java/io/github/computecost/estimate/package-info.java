/**
 * The rating engine: meter, rate, attribute.
 *
 * <p>Each service turns its workload into {@link io.github.computecost.service.UsageRecord usage
 * records} named by AWS usage types ({@link io.github.computecost.service.Service#meter}). The
 * {@link io.github.computecost.estimate.RatingEngine} groups the records of all resources by service,
 * region and usage type, takes the account's free-tier allowances off once, rates what is left against the
 * volume tiers of the group's aggregate usage, and attributes every unit back to the resource that used it,
 * so that per-resource costs add up exactly to the total.
 *
 * <h2>Allocation policy</h2>
 * AWS publishes no rule for splitting a shared allowance or a tier between resources, or a free-tier pool
 * between usage types of different prices. compute-cost uses this one:
 * <ol>
 *   <li>A free-tier pool (for example Lambda's 400,000 GB-seconds, shared by both architectures and every
 *       region) goes to the groups (service, region, usage type) that draw on it <em>dearest first</em>, by
 *       the group's first-tier price; groups of equal price in workload order (the order the resources were
 *       given). Within a group it goes to eligible usage in workload order.</li>
 *   <li>Within a group the free units are the group's first units, so the volume tiers are reached by the
 *       aggregate usage of the group, free units included (AWS does not state this order either).</li>
 *   <li>Units are laid out along the group's monthly usage in workload order, free-tier-eligible usage
 *       first, and each resource is charged for exactly the units it occupies, at the price of the tier those
 *       units fall in. Every line item is {@code quantity × unit price} with no rounding, and the line items
 *       partition the group's usage, so money is conserved exactly.</li>
 * </ol>
 * A free unit saves its group's first-tier price, so the account's total never depends on the order of the
 * resources; only the split between resources does. Where usage of several prices shares a pool and
 * exceeds it, "dearest first" gives the lowest total any allocation could; the most another rule could add
 * is the pool's size times the price gap (for Lambda x86 against Arm, 400,000 × $0.0000033333 ≈ $1.33).
 *
 * <p>All types are immutable and thread-safe; no method returns {@code null}.
 */
package io.github.computecost.estimate;
