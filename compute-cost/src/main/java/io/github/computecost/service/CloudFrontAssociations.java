package io.github.computecost.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The functions a template's CloudFront distributions run: each cache behaviour's {@code FunctionAssociations}
 * (CloudFront Functions) and {@code LambdaFunctionAssociations} (Lambda@Edge), as the services that price those
 * functions read them. A Lambda@Edge association names a function version: a {@code Ref} to an
 * {@code AWS::Lambda::Version} (whose {@code FunctionName} names the function), SAM's {@code !Ref Function.Version},
 * or a {@code Fn::GetAtt} of either; any of these is followed to the function's logical id.
 */
public final class CloudFrontAssociations {

    /** The CloudFormation type of a distribution. */
    public static final String DISTRIBUTION = "AWS::CloudFront::Distribution";
    /** The key of a behaviour's CloudFront Functions associations, and of each one's function. */
    public static final String FUNCTIONS = "FunctionAssociations";
    /** The key of a behaviour's Lambda@Edge associations. */
    public static final String LAMBDA_FUNCTIONS = "LambdaFunctionAssociations";

    private static final String VERSION = "AWS::Lambda::Version";

    private CloudFrontAssociations() {
    }

    /**
     * One association of a function with a distribution's cache behaviour.
     *
     * @param distribution the distribution's logical id
     * @param path the association's dotted path within the distribution's properties
     *     ({@code DistributionConfig.CacheBehaviors[1].LambdaFunctionAssociations[0]})
     * @param eventType its {@code EventType}, as the template writes it (possibly an intrinsic function)
     */
    public record Association(String distribution, String path, JsonNode eventType) {
        /**
         * Checks the components.
         *
         * @param distribution the distribution's logical id
         * @param path the association's dotted path within the distribution's properties ({@code
         *     DistributionConfig.CacheBehaviors[1].LambdaFunctionAssociations[0]})
         * @param eventType its {@code EventType}, as the template writes it (possibly an intrinsic function)
         */
        public Association {
            Objects.requireNonNull(distribution, "distribution");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(eventType, "eventType");
        }
    }

    /**
     * @param t the function's resource
     * @param key {@link #FUNCTIONS} or {@link #LAMBDA_FUNCTIONS}
     * @return every association of the function in the template's distributions, in template order
     */
    public static List<Association> of(TemplateResource t, String key) {
        List<Association> out = new ArrayList<>();
        JsonNode resources = t.template().path("Resources");
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            if (!DISTRIBUTION.equals(r.getValue().path("Type").asText())) {
                continue;
            }
            JsonNode config = r.getValue().path("Properties").path("DistributionConfig");
            List<JsonNode> behaviors = new ArrayList<>();
            List<String> paths = new ArrayList<>();
            behaviors.add(config.path("DefaultCacheBehavior"));
            paths.add("DistributionConfig.DefaultCacheBehavior");
            for (int i = 0; i < config.path("CacheBehaviors").size(); i++) {
                behaviors.add(config.path("CacheBehaviors").get(i));
                paths.add("DistributionConfig.CacheBehaviors[" + i + "]");
            }
            for (int b = 0; b < behaviors.size(); b++) {
                JsonNode associations = behaviors.get(b).path(key);
                for (int a = 0; a < associations.size(); a++) {
                    JsonNode assoc = associations.get(a);
                    JsonNode target = assoc.path(key.equals(FUNCTIONS) ? "FunctionARN" : "LambdaFunctionARN");
                    if (t.logicalId().equals(functionOf(target, resources, 0))) {
                        out.add(new Association(r.getKey(), paths.get(b) + "." + key + "[" + a + "]",
                                assoc.path("EventType")));
                    }
                }
            }
        }
        return out;
    }

    /**
     * @param t a Lambda function's resource
     * @return whether it runs at the edge: a distribution of the template associates it, or its usage entry says
     *     where it runs ({@code edge: viewer-request}) for a distribution in another stack
     */
    public static boolean runsAtTheEdge(TemplateResource t) {
        return t.usage().map(u -> u.has("edge")).orElse(false) || !of(t, LAMBDA_FUNCTIONS).isEmpty();
    }

    /** @return the logical id of the function a function (or version) reference names, or null if none */
    static String functionOf(JsonNode ref, JsonNode resources, int depth) {
        String name = null;
        if (ref.path("Ref").isTextual()) {
            name = ref.get("Ref").asText();
        } else if (ref.path("Fn::GetAtt").isArray() && ref.get("Fn::GetAtt").size() > 0) {
            name = ref.get("Fn::GetAtt").get(0).asText();
        } else if (ref.path("Fn::GetAtt").isTextual()) {
            name = ref.get("Fn::GetAtt").asText().split("\\.", 2)[0];
        }
        if (name == null) {
            return null;
        }
        if (name.endsWith(".Version")) {
            return name.substring(0, name.length() - ".Version".length()); // SAM's !Ref Function.Version
        }
        JsonNode target = resources.path(name);
        if (VERSION.equals(target.path("Type").asText())) {
            // a version names a function; one that names a version names nothing CloudFormation would deploy
            return depth > 0 ? null : functionOf(target.path("Properties").path("FunctionName"), resources, 1);
        }
        return name;
    }
}
