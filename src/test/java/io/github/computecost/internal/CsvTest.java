package io.github.computecost.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void fieldsStopsAtTheColumnsAskedFor() {
        String[] into = new String[3];
        assertEquals(3, Csv.fields("a,b,,d,e", into, 3));
        assertArrayEquals(new String[] {"a", "b", ""}, into);
    }

    @Test
    void fieldsOfAShortLineReportsHowManyThereWere() {
        String[] into = new String[4];
        assertEquals(2, Csv.fields("a,", into, 4));
        assertArrayEquals(new String[] {"a", ""}, Arrays.copyOf(into, 2));
    }

    @Test
    void quotedFieldsKeepTheirCommasAndQuotes() {
        String[] into = new String[3];
        assertEquals(3, Csv.fields("\"x,1\",\"say \"\"hi\"\"\",z,w", into, 3));
        assertArrayEquals(new String[] {"x,1", "say \"hi\"", "z"}, into);
    }

    @Test
    void anUnclosedQuoteIsAnErrorNotAShortField() {
        assertThrows(IllegalArgumentException.class, () -> Csv.split("a,\"b,c"));
        assertThrows(IllegalArgumentException.class, () -> Csv.fields("a,\"b,c", new String[3], 3));
    }
}
