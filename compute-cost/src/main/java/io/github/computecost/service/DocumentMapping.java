package io.github.computecost.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * How a {@link Service} reads a configuration file of its own kind, not a template (an ECS task definition as
 * {@code register-task-definition} takes it or {@code describe-task-definition} returns it).
 *
 * @param <R> the service's resource record
 */
public interface DocumentMapping<R extends Resource> {

    /** @return what the document is, for messages, {@code "ECS task definition"} */
    String description();

    /**
     * @param root the parsed document
     * @return whether a parsed JSON document is one of these
     */
    boolean recognises(JsonNode root);

    /**
     * @param root the parsed document, one this mapping recognises
     * @return the name the document's resource takes in the estimate (a task definition's family)
     */
    String name(JsonNode root);

    /** @return the key of {@link #configuration(JsonNode)} that holds the document's name, for an error about it */
    default String nameKey() {
        return "name";
    }

    /**
     * @param root the parsed document, one this mapping recognises
     * @return the part of the document that holds the configuration (the document itself, or a wrapper's field)
     */
    JsonNode configuration(JsonNode root);

    /**
     * @param document the document, as a resource whose properties are {@link #configuration}
     * @return the resource, or empty when it cannot be priced (having reported why)
     */
    Optional<R> read(TemplateResource document);

    /**
     * @return the name of the configuration's type in {@link #knownProperties()} (AWS's API name for it,
     *     {@code "TaskDefinition"}); the default is the description
     */
    default String configurationType() {
        return description();
    }

    /**
     * The fields AWS's API defines for the configuration and for the nested objects the service reads, keyed as
     * {@link TemplateMapping#knownProperties()} keys them, by {@link #configurationType()} and dotted paths: the reader
     * refuses any other field, naming a near miss. The default lists none, and nothing is checked.
     *
     * @return the known fields by type, or by type and field path
     */
    default java.util.Map<String, java.util.Set<String>> knownProperties() {
        return java.util.Map.of();
    }
}
