package io.github.computecost.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import javax.money.MonetaryAmount;
import javax.money.MonetaryContext;
import javax.money.MonetaryException;
import javax.money.UnknownCurrencyException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

/** The library's own JSR-354 amount: exact storage, the documented arithmetic, and the interface's contracts. */
class ExactMoneyTest {

    private static ExactMoney usd(String v) {
        return ExactMoney.of(new BigDecimal(v), "USD");
    }

    private static BigDecimal value(MonetaryAmount m) {
        return m.getNumber().numberValueExact(BigDecimal.class);
    }

    @Test
    void keepsTheValueExactlyWithoutTrailingZerosOrExponent() {
        assertEquals("0.4", usd("0.4000000").value().toPlainString());
        assertEquals("1000", usd("1E+3").value().toString());
        assertEquals("USD 18.7333712345678901234567890123456789", usd("18.7333712345678901234567890123456789")
                .toString());
        assertEquals("USD", usd("1").getCurrency().getCurrencyCode());
        assertEquals(840, usd("1").getCurrency().getNumericCode());
        assertEquals(2, usd("1").getCurrency().getDefaultFractionDigits());
        assertEquals(2, ExactMoney.currency("CNY").getDefaultFractionDigits());
        assertThrows(UnknownCurrencyException.class, () -> ExactMoney.of(BigDecimal.ONE, "XYZ"));
    }

    @Test
    void addsSubtractsAndMultipliesExactlyAndDividesTo34Digits() {
        ExactMoney m = usd("18.73337");
        assertEquals(new BigDecimal("18.7333700000000000000000000000000000000001"),
                value(m.add(usd("0.0000000000000000000000000000000000000001"))));
        assertEquals(new BigDecimal("0"), value(m.subtract(m)));
        assertEquals(new BigDecimal("56.20011"), value(m.multiply(3)));
        assertEquals(new BigDecimal("1.873337"), value(m.multiply(0.1)), "a double is read as its shortest decimal");
        assertEquals(new BigDecimal("6.244456666666666666666666666666667"), value(m.divide(3)));
        assertEquals(new BigDecimal("37.46674"), value(m.divide(0.5)));
        assertEquals(new BigDecimal("0.1333333333333333333333333333333333"), value(usd("0.4").divide(3)));
        assertThrows(ArithmeticException.class, () -> m.divide(0));
        assertThrows(ArithmeticException.class, () -> m.multiply(Double.NaN));
        assertThrows(ArithmeticException.class, () -> m.divide(Double.POSITIVE_INFINITY));
        // An amount longer than 34 digits divides as precisely as itself.
        ExactMoney big = usd("1234567890123456789012345678.901234567891");
        assertEquals(40, big.getContext().get(MathContext.class).getPrecision());
        assertEquals(big, big.divide(1));
    }

    @Test
    void remaindersAndIntegralDivisionAgree() {
        ExactMoney m = usd("10.75");
        assertEquals(new BigDecimal("3"), value(m.divideToIntegralValue(3)));
        assertEquals(new BigDecimal("1.75"), value(m.remainder(3)));
        MonetaryAmount[] qr = m.divideAndRemainder(3);
        assertEquals(m, qr[0].multiply(3).add(qr[1]));
        assertEquals(new BigDecimal("1075"), value(m.scaleByPowerOfTen(2)));
        assertEquals(usd("-10.75"), m.negate());
        assertEquals(m, m.negate().abs());
        assertSame(m, m.plus());
        assertSame(m, m.stripTrailingZeros());
        assertEquals(usd("21.5"), m.with(a -> a.multiply(2)));
    }

    @Test
    void comparesByValueAndRefusesAnotherCurrency() {
        assertTrue(usd("0.40").isEqualTo(usd("0.4")));
        assertEquals(usd("0.40"), usd("0.4"));
        assertEquals(usd("0.40").hashCode(), usd("0.4").hashCode());
        assertTrue(usd("2").isGreaterThan(usd("1.99")));
        assertTrue(usd("-1").isNegative());
        assertTrue(usd("0").isZero());
        assertEquals(1, usd("3").signum());
        ExactMoney eur = ExactMoney.of(BigDecimal.ONE, "EUR");
        assertNotEquals(usd("1"), eur);
        MonetaryException e = assertThrows(MonetaryException.class, () -> usd("1").add(eur));
        assertTrue(e.getMessage().contains("USD") && e.getMessage().contains("EUR"), e.getMessage());
        assertThrows(MonetaryException.class, () -> usd("1").isLessThan(eur));
    }

    @Test
    void itsNumberConvertsAsNumberValueSays() {
        var n = usd("-12.34").getNumber();
        assertEquals(BigDecimal.class, n.getNumberType());
        assertEquals(4, n.getPrecision());
        assertEquals(2, n.getScale());
        assertEquals(-34, n.getAmountFractionNumerator());
        assertEquals(100, n.getAmountFractionDenominator());
        assertEquals(-12L, n.numberValue(Long.class));
        assertEquals(BigInteger.valueOf(-12), n.numberValue(BigInteger.class));
        assertThrows(ArithmeticException.class, () -> n.numberValueExact(Long.class));
        assertThrows(ArithmeticException.class, () -> n.doubleValueExact(), "-12.34 is not a double exactly");
        assertEquals(0.5, usd("0.5").getNumber().doubleValueExact());
        assertEquals(new BigDecimal("-12.3"), n.round(new MathContext(3, RoundingMode.HALF_EVEN))
                .numberValue(BigDecimal.class));
        assertThrows(IllegalArgumentException.class, () -> n.numberValue(java.util.concurrent.atomic.AtomicLong.class));
    }

    @Test
    void itsFactoryAndContextAreTheDocumentedOnes() {
        ExactMoney m = usd("18.73337");
        assertEquals(m, m.getFactory().create());
        MonetaryContext context = m.getContext();
        assertEquals(ExactMoney.class, context.getAmountType());
        assertEquals(0, context.getPrecision(), "stored at unlimited precision");
        assertEquals(MathContext.DECIMAL128, context.get(MathContext.class));
        assertEquals(ExactMoney.of(new BigDecimal("2.5"), "EUR"),
                m.getFactory().setCurrency("EUR").setNumber(2.5).create());
        // A context's MathContext becomes the arithmetic; the value is still stored as given.
        MonetaryAmount tenths = m.getFactory().setNumber(new BigDecimal("2"))
                .setContext(javax.money.MonetaryContextBuilder.of(ExactMoney.class)
                        .set(new MathContext(2, RoundingMode.HALF_UP)).build())
                .create();
        assertEquals(new BigDecimal("2"), value(tenths));
        assertEquals(new BigDecimal("0.67"), value(tenths.divide(3)));
        assertFalse(m.getFactory().getMaximalMonetaryContext().getPrecision() > 0);
        assertThrows(MonetaryException.class, () -> new ExactMoney.Factory().create());
    }

    @Property
    void sumsAndProductsAreTheExactDecimals(@ForAll @Scale(12) @BigRange(min = "-1000000", max = "1000000") BigDecimal a,
            @ForAll @Scale(12) @BigRange(min = "-1000000", max = "1000000") BigDecimal b,
            @ForAll @LongRange(min = -1000, max = 1000) long n) {
        ExactMoney x = ExactMoney.of(a, "USD");
        ExactMoney y = ExactMoney.of(b, "USD");
        assertEquals(0, value(x.add(y)).compareTo(a.add(b)));
        assertEquals(x, x.add(y).subtract(y));
        assertEquals(0, value(x.multiply(n)).compareTo(a.multiply(BigDecimal.valueOf(n))));
        assertEquals(Integer.signum(a.compareTo(b)), Integer.signum(x.compareTo(y)));
        if (n != 0) {
            assertEquals(0, value(x.divide(n)).compareTo(a.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128)));
            MonetaryAmount[] qr = x.divideAndRemainder(n);
            assertEquals(x, qr[0].multiply(n).add(qr[1]));
        }
    }
}
