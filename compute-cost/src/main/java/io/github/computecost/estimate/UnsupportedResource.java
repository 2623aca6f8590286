package io.github.computecost.estimate;

import java.util.Objects;

/**
 * A resource of the input that no service of compute-cost prices (a template's {@code AWS::SQS::Queue}): listed
 * in the estimate as not priced, never dropped, so that a total never looks complete when it is not.
 *
 * @param name the resource's name (a template's logical id)
 * @param type its type as the input gives it ({@code "AWS::SQS::Queue"})
 * @param reason why it is not priced, a sentence
 */
public record UnsupportedResource(String name, String type, String reason) {
    /**
     * Checks the components.
     *
     * @param name the resource's name (a template's logical id)
     * @param type its type as the input gives it ({@code "AWS::SQS::Queue"})
     * @param reason why it is not priced, a sentence
     */
    public UnsupportedResource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
    }

    /** @return {@code name (type): reason}, one line */
    public String message() {
        return name + " (" + type + "): " + reason;
    }

    /**
     * @param resources resources not priced
     * @return how many there are of each type, by type name
     */
    public static java.util.SortedMap<String, Integer> countByType(java.util.List<UnsupportedResource> resources) {
        java.util.SortedMap<String, Integer> out = new java.util.TreeMap<>();
        resources.forEach(u -> out.merge(u.type(), 1, Integer::sum));
        return out;
    }

    /**
     * @param resources the unsupported resources
     * @return {@code "AWS::DynamoDB::Table 2, AWS::SQS::Queue 1"}: the counts of {@link #countByType}, one line
     */
    public static String countLine(java.util.List<UnsupportedResource> resources) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        countByType(resources).forEach((type, n) -> parts.add(type + " " + n));
        return String.join(", ", parts);
    }
}
