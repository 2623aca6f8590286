package io.github.computecost.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void emptyFieldsAreKeptAtTheEndToo() {
        assertEquals(List.of("a", "b", "", "d", ""), Csv.split("a,b,,d,"));
    }

    @Test
    void quotedFieldsKeepTheirCommasAndQuotes() {
        assertEquals(List.of("x,1", "say \"hi\"", "z", "w"), Csv.split("\"x,1\",\"say \"\"hi\"\"\",z,w"));
    }

    @Test
    void anUnclosedQuoteIsAnErrorNotAShortField() {
        assertThrows(IllegalArgumentException.class, () -> Csv.split("a,\"b,c"));
    }
}
