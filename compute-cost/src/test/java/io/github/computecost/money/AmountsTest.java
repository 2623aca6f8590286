package io.github.computecost.money;

import static io.github.computecost.Decimals.bd;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import javax.money.MonetaryAmount;
import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void roundsToCentsHalfUp() {
        assertEquals(bd("18.73"), Amounts.toCents(bd("18.73337")));
        assertEquals(bd("0.63"), Amounts.toCents(bd("0.625125")));
        assertEquals(bd("0.63"), Amounts.toCents(bd("0.625")));
        assertEquals(bd("-0.63"), Amounts.toCents(bd("-0.625")));
        assertEquals(bd("436.67"), Amounts.toCents(bd("436.6675")));
    }

    @Test
    void plainStringsHaveNoExponentAndNoTrailingZeros() {
        assertEquals("1000000", Amounts.plain(bd("1E+6")));
        assertEquals("0.0000166667", Amounts.plain(bd("0.00001666670")));
        assertEquals("0", Amounts.plain(bd("0.000")));
        assertEquals("20.00", Amounts.money(bd("20")));
        assertEquals("18.73337", Amounts.money(bd("18.733370")));
        assertEquals("0.40", Amounts.money(bd("0.4")));
    }

    @Test
    void monetaryAmountKeepsEveryDecimal() {
        BigDecimal exact = bd("18.7333712345678901");
        MonetaryAmount m = Amounts.toMonetary(exact, "USD");
        assertEquals("USD", m.getCurrency().getCurrencyCode());
        assertEquals(0, exact.compareTo(m.getNumber().numberValueExact(BigDecimal.class)));
        // Addition stays exact too.
        MonetaryAmount sum = m.add(Amounts.toMonetary(bd("0.0000000000000000001"), "USD"));
        assertEquals(0, bd("18.7333712345678901001").compareTo(sum.getNumber().numberValueExact(BigDecimal.class)));
    }

    @Test
    void amountsDivideWithTheirDocumentedContextAndStayExact() {
        MonetaryAmount m = Amounts.toMonetary(bd("18.73337000000000000"), "USD");
        assertEquals("18.73337", m.getNumber().numberValue(BigDecimal.class).toPlainString());
        // A monthly-to-daily split: 34 significant digits, half even, not an ArithmeticException.
        assertEquals("6.244456666666666666666666666666667",
                m.divide(3).getNumber().numberValue(BigDecimal.class).toPlainString());
        assertEquals("0.1333333333333333333333333333333333", Amounts.toMonetary(bd("0.4"), "USD").divide(3)
                .getNumber().numberValue(BigDecimal.class).toPlainString());
        // More digits than the arithmetic's 34 are stored as they are.
        String long40 = "1234567890123456789012345678.901234567891";
        assertEquals(long40, Amounts.toMonetary(bd(long40), "USD").getNumber().numberValue(BigDecimal.class)
                .toPlainString());
    }

    @Test
    void exactFiguresHaveNoTrailingZerosAndNoExponent() {
        assertEquals("0.4", Amounts.exact(bd("0.40000000000000000")).toPlainString());
        assertEquals(0, Amounts.exact(bd("1E+3")).scale());
        assertEquals("1000", Amounts.exact(bd("1E+3")).toString());
    }

}
