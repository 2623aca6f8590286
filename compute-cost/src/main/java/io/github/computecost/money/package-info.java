/**
 * The exact-decimal money policy of compute-cost.
 *
 * <p>Rules that hold for every public type of the library:
 * <ul>
 *   <li>Prices, quantities and costs are {@link java.math.BigDecimal}; nothing on a path that produces
 *       money or a billable quantity goes through {@code double} or {@code float}.</li>
 *   <li>Unit prices keep AWS's full published precision (for example {@code 0.0000166667} USD per
 *       GB-second). Intermediate results are never rounded.</li>
 *   <li>Rounding to invoice cents ({@link java.math.RoundingMode#HALF_UP}, two decimals) happens once,
 *       at presentation, through {@link io.github.computecost.money.Amounts#toCents}; the exact figure
 *       stays available beside the rounded one.</li>
 *   <li>At the public edges amounts are also offered as JSR-354 {@link javax.money.MonetaryAmount}: the
 *       library's own {@link io.github.computecost.money.ExactMoney}, stored exactly, whose divisions round to
 *       34 digits; no JSR-354 implementation (and no {@code javamoney.properties}) is involved.</li>
 *   <li>{@code BigDecimal.equals} is scale-sensitive; compare amounts with {@code compareTo}.</li>
 * </ul>
 */
package io.github.computecost.money;
