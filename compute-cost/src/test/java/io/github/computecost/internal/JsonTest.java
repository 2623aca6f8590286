package io.github.computecost.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link Json#readTree} builds the trees the strict mappers' {@code readTree} builds, without a mapper. */
class JsonTest {

    private static List<Path> files(String dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(Path.of(dir))) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void bundledTablesTestFilesAndExamplesReadAsTheMapperReadsThem() throws IOException {
        List<Path> json = new java.util.ArrayList<>(files("pricing-data", ".json"));
        json.addAll(files("compute-cost/src/test/resources/pricelist", ".json"));
        json.addAll(files("compute-cost/src/test/resources/config", ".json"));
        json.removeIf(p -> p.getFileName().toString().contains("truncated"));
        for (Path p : json) {
            byte[] b = Files.readAllBytes(p);
            assertEquals(Json.json().readTree(b), Json.readTree(b, false), p.toString());
        }
        List<Path> yaml = new java.util.ArrayList<>(files("examples", ".yaml"));
        yaml.addAll(files("compute-cost/src/test/resources/config", ".yaml"));
        for (Path p : yaml) {
            byte[] b = Files.readAllBytes(p);
            assertEquals(Json.yaml().readTree(b), Json.readTree(b, true), p.toString());
        }
    }

    @Test
    void numbersKeepTheirKindAndDecimalsTheirValue() throws IOException {
        String doc = "{\"i\": 7, \"l\": 12345678901, \"b\": 123456789012345678901234567890, \"d\": 0.0000002000,"
                + " \"e\": 1.5E-7, \"t\": true, \"n\": null, \"a\": [1, \"x\"]}";
        byte[] b = doc.getBytes(StandardCharsets.UTF_8);
        assertEquals(Json.json().readTree(b), Json.readTree(b, false));
        assertTrue(Json.readTree(b, false).get("d").isBigDecimal());
    }

    @Test
    void duplicateKeysTrailingTokensAndEmptyDocumentsAreHandledAsByTheMapper() throws IOException {
        JacksonException dup = assertThrows(JacksonException.class,
                () -> Json.readTree("{\"a\": 1, \"a\": 2}".getBytes(StandardCharsets.UTF_8), false));
        assertTrue(dup.getOriginalMessage().contains("duplicate key 'a' (first given at line 1)"), dup.getOriginalMessage());
        assertThrows(JacksonException.class, () -> Json.readTree("a: 1\na: 2\n".getBytes(StandardCharsets.UTF_8), true));
        JacksonException trailing = assertThrows(JacksonException.class,
                () -> Json.readTree("{} []".getBytes(StandardCharsets.UTF_8), false));
        assertTrue(trailing.getOriginalMessage().contains("Trailing token"), trailing.getOriginalMessage());
        assertTrue(Json.readTree(new byte[0], false).isMissingNode());
        assertTrue(Json.readTree("# nothing\n".getBytes(StandardCharsets.UTF_8), true).isMissingNode());
    }
}
