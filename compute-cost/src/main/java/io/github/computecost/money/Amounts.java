package io.github.computecost.money;

import java.math.BigDecimal;
import java.math.MathContext;
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

    /**
     * The arithmetic of the JSR-354 amounts this library returns: {@link MathContext#DECIMAL128} (34 significant
     * digits, half even), so that {@code total().divide(3)} gives a rounded result where an unlimited context
     * would throw. An amount is stored exactly whatever its digits: one with more than 34 gets a context as
     * precise as itself.
     */
    public static final MathContext ARITHMETIC = MathContext.DECIMAL128;

    /** Moneta's two loggers that announce its default context at start-up, held so their level stays set. */
    private static final java.util.List<java.util.logging.Logger> MONETA_LOGGERS = quietMoneta();

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
     * @param exact the exact amount, not null
     * @param currencyCode an ISO 4217 code such as {@code "USD"}, not null
     * @return an amount (Moneta's {@code Money}) holding exactly {@code exact}, without trailing zeros, whose
     *     arithmetic is {@link #ARITHMETIC}
     */
    public static MonetaryAmount toMonetary(BigDecimal exact, String currencyCode) {
        Objects.requireNonNull(exact, "exact");
        Objects.requireNonNull(currencyCode, "currencyCode");
        BigDecimal value = exact(exact);
        MathContext math = value.precision() <= ARITHMETIC.getPrecision() ? ARITHMETIC
                : new MathContext(value.precision(), ARITHMETIC.getRoundingMode());
        MonetaryContext context = MonetaryContextBuilder.of().setPrecision(0).setMaxScale(-1).setFixedScale(false)
                .set(math).set(math.getRoundingMode()).build();
        return exactFactory().setCurrency(currencyCode).setNumber(value).setContext(context).create();
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

    /**
     * Moneta logs, at INFO through java.util.logging, which default context its {@code Money} uses, the first
     * time the class loads: in every consumer's logs, whatever its configuration says (each of its settings is
     * announced). Only those two loggers are raised to WARNING, and only when the application has not set their
     * level itself; nothing else of java.util.logging is touched.
     */
    private static java.util.List<java.util.logging.Logger> quietMoneta() {
        java.util.List<java.util.logging.Logger> out = new java.util.ArrayList<>();
        for (String name : new String[] {"org.javamoney.moneta.DefaultMonetaryContextFactory",
                "org.javamoney.moneta.Money"}) {
            java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
            if (l.getLevel() == null) {
                l.setLevel(java.util.logging.Level.WARNING);
            }
            out.add(l);
        }
        return java.util.List.copyOf(out);
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
