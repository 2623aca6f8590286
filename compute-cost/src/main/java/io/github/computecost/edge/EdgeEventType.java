package io.github.computecost.edge;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The CloudFront event a function is associated with. */
public enum EdgeEventType {
    /** After CloudFront receives a request from a viewer. */
    VIEWER_REQUEST("viewer-request"),
    /** Before CloudFront returns a response to the viewer. */
    VIEWER_RESPONSE("viewer-response"),
    /** Before CloudFront forwards a request to the origin (cache misses only). */
    ORIGIN_REQUEST("origin-request"),
    /** After CloudFront receives the origin's response. */
    ORIGIN_RESPONSE("origin-response");

    private final String awsName;

    EdgeEventType(String awsName) {
        this.awsName = awsName;
    }

    /** @return AWS's name, {@code "viewer-request"} */
    public String awsName() {
        return awsName;
    }

    /** @return whether this is a viewer event */
    public boolean isViewer() {
        return this == VIEWER_REQUEST || this == VIEWER_RESPONSE;
    }

    /**
     * @param name AWS's name, {@code "viewer-request"}
     * @return the event type
     * @throws IllegalArgumentException naming the accepted values
     */
    public static EdgeEventType parse(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("eventType must be one of "
                + Arrays.stream(values()).map(EdgeEventType::awsName).collect(Collectors.joining(", "))
                + ", was \"" + name + "\""));
    }

    /**
     * @param name AWS's name, {@code "viewer-request"}
     * @return the event type of that name, if there is one
     */
    public static java.util.Optional<EdgeEventType> find(String name) {
        return Arrays.stream(values()).filter(t -> t.awsName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return awsName;
    }
}
