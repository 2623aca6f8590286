package io.github.computecost.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Objects;
import javax.money.CurrencyContext;
import javax.money.CurrencyContextBuilder;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import javax.money.MonetaryAmountFactory;
import javax.money.MonetaryContext;
import javax.money.MonetaryContextBuilder;
import javax.money.MonetaryException;
import javax.money.NumberValue;
import javax.money.UnknownCurrencyException;

/**
 * The library's JSR-354 amount: a {@link MonetaryAmount} that stores its value exactly, as the library computed it,
 * and needs no JSR-354 implementation at run time (the library does not depend on one: see
 * {@link Amounts#toMonetary}).
 *
 * <p>Arithmetic follows {@link Amounts#ARITHMETIC}: addition, subtraction, multiplication, negation and scaling are
 * exact; division, remainders and integral division round to 34 significant digits, half even (or to the amount's
 * own precision when it has more digits than that). Doubles given to {@code multiply} or {@code divide} are read as
 * their shortest decimal ({@code 0.1} is 0.1), and NaN or an infinity is refused. Amounts of two currencies are
 * never added or compared: that is a {@link MonetaryException}. Every result is an {@code ExactMoney} without
 * trailing zeros.
 *
 * <p>Equal when the currency codes and the values are: {@code USD 0.40} and {@code USD 0.4} are one amount. Immutable
 * and thread-safe.
 */
public final class ExactMoney implements MonetaryAmount {

    private static final String PROVIDER = "compute-cost";

    private final BigDecimal value;
    private final CurrencyUnit currency;
    private final MathContext math;

    private ExactMoney(BigDecimal value, CurrencyUnit currency, MathContext math) {
        this.value = Amounts.exact(value);
        this.currency = currency;
        int digits = this.value.precision();
        this.math = math.getPrecision() == 0 || digits <= math.getPrecision() ? math
                : new MathContext(digits, math.getRoundingMode());
    }

    /**
     * @param value the amount, kept exactly (trailing zeros dropped)
     * @param currencyCode an ISO 4217 code, {@code "USD"}
     * @return the amount, whose divisions round to {@link Amounts#ARITHMETIC}
     * @throws UnknownCurrencyException if the code is not an ISO 4217 currency the JDK knows
     */
    public static ExactMoney of(BigDecimal value, String currencyCode) {
        return new ExactMoney(Objects.requireNonNull(value, "value"), currency(currencyCode), Amounts.ARITHMETIC);
    }

    /**
     * @return the value, exact, without trailing zeros (the same as {@code getNumber().numberValue(BigDecimal.class)})
     */
    public BigDecimal value() {
        return value;
    }

    /**
     * @param code an ISO 4217 code, {@code "USD"}
     * @return the currency, from the JDK's list: no JSR-354 provider is needed
     * @throws UnknownCurrencyException if the code is not one
     */
    public static CurrencyUnit currency(String code) {
        Objects.requireNonNull(code, "code");
        try {
            return new Iso(java.util.Currency.getInstance(code));
        } catch (IllegalArgumentException e) {
            throw new UnknownCurrencyException(code);
        }
    }

    private ExactMoney with(BigDecimal v) {
        return new ExactMoney(v, currency, math);
    }

    private void sameCurrency(MonetaryAmount other) {
        Objects.requireNonNull(other, "amount");
        if (!currency.getCurrencyCode().equals(other.getCurrency().getCurrencyCode())) {
            throw new MonetaryException("Currency mismatch: " + currency.getCurrencyCode() + " and "
                    + other.getCurrency().getCurrencyCode());
        }
    }

    private static BigDecimal decimal(MonetaryAmount amount) {
        return amount instanceof ExactMoney m ? m.value : amount.getNumber().numberValue(BigDecimal.class);
    }

    /** A number as an exact decimal: a double by its shortest decimal, NaN and infinities refused. */
    static BigDecimal decimal(Number n) {
        Objects.requireNonNull(n, "number");
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new ArithmeticException("not a finite number: " + d);
            }
            return n instanceof Float ? new BigDecimal(n.toString()) : BigDecimal.valueOf(d);
        }
        if (n instanceof NumberValue v) {
            return v.numberValue(BigDecimal.class);
        }
        return new BigDecimal(n.toString());
    }

    @Override
    public CurrencyUnit getCurrency() {
        return currency;
    }

    @Override
    public NumberValue getNumber() {
        return new Value(value);
    }

    @Override
    public MonetaryContext getContext() {
        return context(math);
    }

    private static MonetaryContext context(MathContext math) {
        return MonetaryContextBuilder.of(ExactMoney.class).setProviderName(PROVIDER).setPrecision(0).setMaxScale(-1)
                .setFixedScale(false).set(math).set(math.getRoundingMode()).build();
    }

    @Override
    public MonetaryAmountFactory<ExactMoney> getFactory() {
        return new Factory().setCurrency(currency).setNumber(value).setContext(getContext());
    }

    @Override
    public boolean isGreaterThan(MonetaryAmount amount) {
        return compareTo(amount) > 0;
    }

    @Override
    public boolean isGreaterThanOrEqualTo(MonetaryAmount amount) {
        return compareTo(amount) >= 0;
    }

    @Override
    public boolean isLessThan(MonetaryAmount amount) {
        return compareTo(amount) < 0;
    }

    @Override
    public boolean isLessThanOrEqualTo(MonetaryAmount amount) {
        return compareTo(amount) <= 0;
    }

    @Override
    public boolean isEqualTo(MonetaryAmount amount) {
        return compareTo(amount) == 0;
    }

    /**
     * @param amount an amount of the same currency
     * @return the comparison of the values
     * @throws MonetaryException if the currencies differ
     */
    @Override
    public int compareTo(MonetaryAmount amount) {
        sameCurrency(amount);
        return value.compareTo(decimal(amount));
    }

    @Override
    public int signum() {
        return value.signum();
    }

    @Override
    public ExactMoney add(MonetaryAmount amount) {
        sameCurrency(amount);
        return with(value.add(decimal(amount)));
    }

    @Override
    public ExactMoney subtract(MonetaryAmount amount) {
        sameCurrency(amount);
        return with(value.subtract(decimal(amount)));
    }

    @Override
    public ExactMoney multiply(long multiplicand) {
        return with(value.multiply(BigDecimal.valueOf(multiplicand)));
    }

    @Override
    public ExactMoney multiply(double multiplicand) {
        return multiply((Number) multiplicand);
    }

    @Override
    public ExactMoney multiply(Number multiplicand) {
        return with(value.multiply(decimal(multiplicand)));
    }

    @Override
    public ExactMoney divide(long divisor) {
        return divide((Number) divisor);
    }

    @Override
    public ExactMoney divide(double divisor) {
        return divide((Number) divisor);
    }

    @Override
    public ExactMoney divide(Number divisor) {
        return with(value.divide(decimal(divisor), math));
    }

    @Override
    public ExactMoney remainder(long divisor) {
        return remainder((Number) divisor);
    }

    @Override
    public ExactMoney remainder(double divisor) {
        return remainder((Number) divisor);
    }

    @Override
    public ExactMoney remainder(Number divisor) {
        return with(value.remainder(decimal(divisor), math));
    }

    @Override
    public ExactMoney[] divideAndRemainder(long divisor) {
        return divideAndRemainder((Number) divisor);
    }

    @Override
    public ExactMoney[] divideAndRemainder(double divisor) {
        return divideAndRemainder((Number) divisor);
    }

    @Override
    public ExactMoney[] divideAndRemainder(Number divisor) {
        BigDecimal[] qr = value.divideAndRemainder(decimal(divisor), math);
        return new ExactMoney[] {with(qr[0]), with(qr[1])};
    }

    @Override
    public ExactMoney divideToIntegralValue(long divisor) {
        return divideToIntegralValue((Number) divisor);
    }

    @Override
    public ExactMoney divideToIntegralValue(double divisor) {
        return divideToIntegralValue((Number) divisor);
    }

    @Override
    public ExactMoney divideToIntegralValue(Number divisor) {
        return with(value.divideToIntegralValue(decimal(divisor), math));
    }

    @Override
    public ExactMoney scaleByPowerOfTen(int power) {
        return with(value.scaleByPowerOfTen(power));
    }

    @Override
    public ExactMoney abs() {
        return value.signum() < 0 ? with(value.negate()) : this;
    }

    @Override
    public ExactMoney negate() {
        return with(value.negate());
    }

    @Override
    public ExactMoney plus() {
        return this;
    }

    @Override
    public ExactMoney stripTrailingZeros() {
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExactMoney m && m.value.equals(value)
                && m.currency.getCurrencyCode().equals(currency.getCurrencyCode());
    }

    @Override
    public int hashCode() {
        return Objects.hash(currency.getCurrencyCode(), value);
    }

    /** @return the currency code and the plain value, {@code "USD 0.4"} */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + value.toPlainString();
    }

    /** An ISO 4217 currency, from the JDK's {@link java.util.Currency}. */
    private record Iso(java.util.Currency jdk) implements CurrencyUnit {
        private static final CurrencyContext CONTEXT = CurrencyContextBuilder.of(PROVIDER).build();

        @Override
        public String getCurrencyCode() {
            return jdk.getCurrencyCode();
        }

        @Override
        public int getNumericCode() {
            return jdk.getNumericCode();
        }

        @Override
        public int getDefaultFractionDigits() {
            return jdk.getDefaultFractionDigits();
        }

        @Override
        public CurrencyContext getContext() {
            return CONTEXT;
        }

        @Override
        public int compareTo(CurrencyUnit o) {
            return getCurrencyCode().compareTo(o.getCurrencyCode());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CurrencyUnit c && c.getCurrencyCode().equals(getCurrencyCode());
        }

        @Override
        public int hashCode() {
            return getCurrencyCode().hashCode();
        }

        @Override
        public String toString() {
            return getCurrencyCode();
        }
    }

    /** An amount's number: its exact decimal. */
    private static final class Value extends NumberValue {
        private static final long serialVersionUID = 1L;
        private final BigDecimal value;

        Value(BigDecimal value) {
            this.value = value;
        }

        @Override
        public Class<?> getNumberType() {
            return BigDecimal.class;
        }

        @Override
        public int getPrecision() {
            return value.precision();
        }

        @Override
        public int getScale() {
            return value.scale();
        }

        @Override
        public int intValueExact() {
            return value.intValueExact();
        }

        @Override
        public long longValueExact() {
            return value.longValueExact();
        }

        @Override
        public double doubleValueExact() {
            double d = value.doubleValue();
            if (Double.isInfinite(d) || new BigDecimal(d).compareTo(value) != 0) {
                throw new ArithmeticException(value.toPlainString() + " is not exactly a double");
            }
            return d;
        }

        @Override
        public <T extends Number> T numberValue(Class<T> type) {
            return convert(type, false);
        }

        @Override
        public <T extends Number> T numberValueExact(Class<T> type) {
            return convert(type, true);
        }

        private <T extends Number> T convert(Class<T> type, boolean exact) {
            Object out;
            if (type == BigDecimal.class || type == Number.class) {
                out = value;
            } else if (type == BigInteger.class) {
                out = exact ? value.toBigIntegerExact() : value.toBigInteger();
            } else if (type == Long.class) {
                out = exact ? value.longValueExact() : value.longValue();
            } else if (type == Integer.class) {
                out = exact ? value.intValueExact() : value.intValue();
            } else if (type == Short.class) {
                out = exact ? value.shortValueExact() : (short) value.intValue();
            } else if (type == Byte.class) {
                out = exact ? value.byteValueExact() : (byte) value.intValue();
            } else if (type == Double.class) {
                out = exact ? doubleValueExact() : value.doubleValue();
            } else if (type == Float.class) {
                float f = value.floatValue();
                if (exact && (Float.isInfinite(f) || new BigDecimal(f).compareTo(value) != 0)) {
                    throw new ArithmeticException(value.toPlainString() + " is not exactly a float");
                }
                out = f;
            } else {
                throw new IllegalArgumentException("unsupported number type: " + type.getName());
            }
            return type.cast(out);
        }

        @Override
        public NumberValue round(MathContext mathContext) {
            return new Value(value.round(mathContext));
        }

        /** @return the digits after the point, as a whole number ({@code 4} for 12.4) */
        @Override
        public long getAmountFractionNumerator() {
            BigDecimal fraction = value.remainder(BigDecimal.ONE);
            return fraction.movePointRight(Math.max(0, value.scale())).longValueExact();
        }

        /** @return ten to the power of the digits after the point ({@code 10} for 12.4) */
        @Override
        public long getAmountFractionDenominator() {
            return BigDecimal.ONE.movePointRight(Math.max(0, value.scale())).longValueExact();
        }

        @Override
        public int intValue() {
            return value.intValue();
        }

        @Override
        public long longValue() {
            return value.longValue();
        }

        @Override
        public float floatValue() {
            return value.floatValue();
        }

        @Override
        public double doubleValue() {
            return value.doubleValue();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Value n && n.value.equals(value);
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }

        @Override
        public String toString() {
            return value.toPlainString();
        }
    }

    /** Makes {@link ExactMoney}s: the number kept exactly; a context's {@link MathContext} becomes the arithmetic. */
    static final class Factory implements MonetaryAmountFactory<ExactMoney> {
        private CurrencyUnit currency;
        private BigDecimal number;
        private MathContext math = Amounts.ARITHMETIC;

        @Override
        public Class<? extends MonetaryAmount> getAmountType() {
            return ExactMoney.class;
        }

        @Override
        public Factory setCurrency(String currencyCode) {
            return setCurrency(currency(currencyCode));
        }

        @Override
        public Factory setCurrency(CurrencyUnit currencyUnit) {
            this.currency = Objects.requireNonNull(currencyUnit, "currency");
            return this;
        }

        @Override
        public Factory setNumber(double number) {
            return setNumber((Number) number);
        }

        @Override
        public Factory setNumber(long number) {
            return setNumber((Number) number);
        }

        @Override
        public Factory setNumber(Number number) {
            this.number = decimal(number);
            return this;
        }

        @Override
        public NumberValue getMaxNumber() {
            return null;
        }

        @Override
        public NumberValue getMinNumber() {
            return null;
        }

        @Override
        public Factory setContext(MonetaryContext monetaryContext) {
            MathContext m = Objects.requireNonNull(monetaryContext, "context").get(MathContext.class);
            if (m != null) {
                this.math = m;
            }
            return this;
        }

        @Override
        public ExactMoney create() {
            if (currency == null || number == null) {
                throw new MonetaryException("an amount needs a currency and a number");
            }
            return new ExactMoney(number, currency, math);
        }

        @Override
        public MonetaryContext getDefaultMonetaryContext() {
            return context(Amounts.ARITHMETIC);
        }
    }
}
