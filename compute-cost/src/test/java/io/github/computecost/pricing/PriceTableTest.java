package io.github.computecost.pricing;

import static io.github.computecost.Decimals.assertDecimal;
import static io.github.computecost.Decimals.bd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PriceTableTest {

    static final PriceTable X86 = PriceBook.bundled().service("AWSLambda").region("us-east-1").table("Lambda-GB-Second");

    @Test
    void slicesARangeAcrossTiers() {
        List<PriceTable.Slice> s = X86.slices(bd("5000000000"), bd("16000000000"));
        assertEquals(3, s.size());
        assertDecimal("1000000000", s.get(0).quantity());
        assertDecimal("9000000000", s.get(1).quantity());
        assertDecimal("1000000000", s.get(2).quantity());
        assertDecimal("0.0000150000", s.get(1).tier().unitPrice());
        // 1e9 × 0.0000166667 + 9e9 × 0.000015 + 1e9 × 0.0000133334
        assertDecimal("16666.7", s.get(0).cost());
        assertDecimal("165000.1", X86.cost(bd("5000000000"), bd("16000000000")));
    }

    @Test
    void aRangeInsideOneTierIsOneSlice() {
        assertEquals(1, X86.slices(bd("0"), bd("6000000000")).size());
        assertEquals(0, X86.slices(bd("7"), bd("7")).size());
        assertEquals(1, X86.slices(bd("6000000000"), bd("6000000001")).get(0).tierIndex());
    }

    @Test
    void labelsTiersInAwsWords() {
        assertEquals("first 6B", X86.tierLabel(0));
        assertEquals("next 9B", X86.tierLabel(1));
        assertEquals("over 15B", X86.tierLabel(2));
        PriceTable arm = PriceBook.bundled().service("AWSLambda").region("us-east-1").table("Lambda-GB-Second-ARM");
        assertEquals("first 7.5B", arm.tierLabel(0));
        assertEquals("next 11.25B", arm.tierLabel(1));
        assertEquals("over 18.75B", arm.tierLabel(2));
    }

    @Test
    void rejectsTiersThatDoNotStartAtZeroOrAbut() {
        Provenance p = new Provenance(Provenance.Status.CONFIRMED, List.of("s"), Optional.empty(),
                java.time.LocalDate.of(2026, 1, 1));
        Tier a = new Tier(bd("0"), Optional.of(bd("10")), bd("1"), p);
        Tier gap = new Tier(bd("11"), Optional.empty(), bd("1"), p);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PriceTable("X", "X", "u", "d", List.of(a, gap)));
        assertTrue(e.getMessage().contains("abut"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PriceTable("X", "X", "u", "d",
                List.of(new Tier(bd("1"), Optional.empty(), bd("1"), p))));
        // A bounded last tier is allowed: nothing beyond it has a price.
        assertEquals(Optional.of(bd("10")), new PriceTable("X", "X", "u", "d", List.of(a)).pricedUpTo());
        assertThrows(IllegalArgumentException.class, () -> new Tier(bd("0"), Optional.empty(), bd("-1"), p));
        assertThrows(IllegalArgumentException.class, () -> new Provenance(Provenance.Status.DERIVED, List.of("s"),
                Optional.empty(), java.time.LocalDate.of(2026, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> new Provenance(Provenance.Status.CONFIRMED, List.of(),
                Optional.empty(), java.time.LocalDate.of(2026, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> X86.slices(bd("5"), bd("4")));
    }
}
