package io.github.computecost.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Reads the command line's JSON outputs in tests, decimals exact (the library's own reader is internal). */
final class TestJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private TestJson() {
    }

    static ObjectMapper json() {
        return JSON;
    }

    static JsonNodeFactory nodes() {
        return JSON.getNodeFactory();
    }

    /** @return the resource named {@code name} of a JSON estimate, failing the test when there is none */
    static com.fasterxml.jackson.databind.JsonNode resource(com.fasterxml.jackson.databind.JsonNode estimate,
            String name) {
        for (com.fasterxml.jackson.databind.JsonNode r : estimate.get("resources")) {
            if (r.get("name").asText().equals(name)) {
                return r;
            }
        }
        throw new AssertionError(name + " is not among the resources: " + estimate);
    }
}
