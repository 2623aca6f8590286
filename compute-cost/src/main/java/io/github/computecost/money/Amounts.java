package io.github.computecost.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import javax.money.MonetaryAmount;
import javax.money.MonetaryContext;
import javax.money.MonetaryContextBuilder;

/**
 * Exact money helpers: invoice rounding, canonical decimal strings and JSR-354 conversion.
 *
 * <p>Stateless and thread-safe.
 */
public final class Amounts {

    /** Invoice rounding: two decimals, half up, as AWS rounds a bill's line items. */
    public static final int CENT_SCALE = 2;

    /** Moneta context with unlimited precision: Moneta must never round an exact figure. */
    private static final MonetaryContext EXACT = MonetaryContextBuilder.of()
            .setPrecision(0)
            .setMaxScale(-1)
            .setFixedScale(false)
            .set(RoundingMode.UNNECESSARY)
            .build();

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
        BigDecimal stripped = Objects.requireNonNull(value, "value").stripTrailingZeros();
        if (stripped.scale() < 0) {
            stripped = stripped.setScale(0);
        }
        return stripped.toPlainString();
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
     * @param exact the exact amount, not null
     * @param currencyCode an ISO 4217 code such as {@code "USD"}, not null
     * @return an amount of unlimited precision (Moneta's {@code Money}) holding exactly {@code exact}
     */
    public static MonetaryAmount toMonetary(BigDecimal exact, String currencyCode) {
        Objects.requireNonNull(exact, "exact");
        Objects.requireNonNull(currencyCode, "currencyCode");
        return exactFactory().setCurrency(currencyCode).setNumber(exact).setContext(EXACT).create();
    }

    /**
     * The JSR-354 factory of unlimited precision (precision 0), looked up through the API rather than by Moneta's
     * class: the library names only {@code java.money}, and a consumer on the module path may keep Moneta, whose
     * module needs OkHttp, on the class path.
     */
    private static javax.money.MonetaryAmountFactory<?> exactFactory() {
        return javax.money.Monetary.getAmountFactory(javax.money.MonetaryAmountFactoryQueryBuilder.of().setPrecision(0)
                .build());
    }
}
