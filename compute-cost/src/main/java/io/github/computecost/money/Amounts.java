package io.github.computecost.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;
import javax.money.MonetaryAmount;

/**
 * Exact money helpers: invoice rounding, canonical decimal strings and JSR-354 conversion.
 *
 * <p>Stateless and thread-safe.
 */
public final class Amounts {

    /** Invoice rounding: two decimals, half up, as AWS rounds a bill's line items. */
    public static final int CENT_SCALE = 2;

    /**
     * The arithmetic of the JSR-354 amounts this library returns ({@link ExactMoney}): {@link MathContext#DECIMAL128}
     * (34 significant digits, half even) for division and remainders, so that {@code total().divide(3)} gives a
     * rounded result where an unlimited context would throw; addition, subtraction and multiplication are exact. An
     * amount is stored exactly whatever its digits: one with more than 34 divides as precisely as itself.
     */
    public static final MathContext ARITHMETIC = MathContext.DECIMAL128;

    private Amounts() {
    }

    /**
     * Rounds an exact amount to invoice cents (scale 2, {@link RoundingMode#HALF_UP}).
     *
     * @param exact the exact amount, not null
     * @return the amount rounded to cents
     */
    public static BigDecimal toCents(BigDecimal exact) {
        return Objects.requireNonNull(exact, "exact").setScale(CENT_SCALE, RoundingMode.HALF_UP);
    }

    /**
     * The canonical plain string of an exact decimal: no exponent, no trailing zeros
     * ({@code "1000000"}, {@code "0.0000166667"}, {@code "0"}).
     *
     * @param value the value, not null
     * @return its plain string
     */
    public static String plain(BigDecimal value) {
        return exact(value).toPlainString();
    }

    /**
     * The canonical string of an exact money amount: as {@link #plain} but with at least two
     * decimals ({@code "20.00"}, {@code "18.73337"}).
     *
     * @param value the amount, not null
     * @return its plain string with at least cent precision
     */
    public static String money(BigDecimal value) {
        BigDecimal stripped = Objects.requireNonNull(value, "value").stripTrailingZeros();
        if (stripped.scale() < CENT_SCALE) {
            stripped = stripped.setScale(CENT_SCALE);
        }
        return stripped.toPlainString();
    }

    /**
     * Wraps an exact amount as a JSR-354 amount without rounding it.
     *
     * <p>The amount is the library's own {@link ExactMoney}, not a JSR-354 implementation's such as Moneta's
     * {@code Money}: the library needs only an exact value with a currency, and Moneta's module requires OkHttp (a
     * network client, with Kotlin), which made every modular application fail at start-up unless it moved Moneta to
     * the class path by hand. An application that has Moneta converts with {@code Money.from(amount)}.
     *
     * @param exact the exact amount, not null
     * @param currencyCode an ISO 4217 code such as {@code "USD"}, not null
     * @return an amount holding exactly {@code exact}, without trailing zeros, whose arithmetic is {@link #ARITHMETIC}
     */
    public static MonetaryAmount toMonetary(BigDecimal exact, String currencyCode) {
        return ExactMoney.of(exact, currencyCode);
    }

    /**
     * An exact figure as the library returns it: its value unchanged, without trailing zeros, never in exponent
     * form ({@code 18.73337}, {@code 0.4}, {@code 1000}, {@code 0}).
     *
     * @param value the value, not null
     * @return the same value at its smallest non-negative scale
     */
    public static BigDecimal exact(BigDecimal value) {
        BigDecimal stripped = Objects.requireNonNull(value, "value").stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
