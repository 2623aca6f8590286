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
    public UnsupportedResource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
    }

    /** @return {@code name (type): reason}, one line */
    public String message() {
        return name + " (" + type + "): " + reason;
    }
}
