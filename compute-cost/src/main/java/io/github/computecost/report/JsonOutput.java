package io.github.computecost.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.computecost.internal.Json;

/** The JSON layout of every report: two-space indent, {@code "key": value}, a final newline. */
public final class JsonOutput {

    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withArrayEmptySeparator("")
            .withObjectEmptySeparator(""))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
            .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));

    private JsonOutput() {
    }

    static ObjectNode object() {
        return Json.json().createObjectNode();
    }

    /**
     * @param json a report's JSON object, as {@link #write} wrote it
     * @return it as a tree, to add to
     * @throws IllegalArgumentException if it is not a JSON object
     */
    public static ObjectNode parse(String json) {
        try {
            com.fasterxml.jackson.databind.JsonNode n = Json.json().readTree(json);
            if (!(n instanceof ObjectNode o)) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return o;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param root the document
     * @return {@code root} in the reports' layout, with a final newline
     */
    public static String write(ObjectNode root) {
        try {
            return Json.json().writer(PRETTY).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write JSON", ex);
        }
    }
}
