package io.github.computecost.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.computecost.limits.Violation;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * One resource of a CloudFormation or SAM template (or a configuration document such as an ECS task definition)
 * as the template's reader hands it to a {@link TemplateMapping}: its properties, the values the template resolves,
 * the usage file's entry for it, and a place to report what cannot be resolved. Made by the reader per resource.
 */
public interface TemplateResource {

    /** @return the logical id within its template (or the task definition's family) */
    String logicalId();

    /**
     * @return the name of the resource in the estimate and in the usage file: its logical id, or, in a CDK app of
     *     several stacks, {@code Stack/LogicalId}, since each stack has its own logical ids
     */
    default String name() {
        return logicalId();
    }

    /** @return the CloudFormation type, {@code "AWS::Lambda::Function"} (a document's kind for documents) */
    String type();

    /** @return its properties (for SAM functions, with the template's {@code Globals} merged in) */
    JsonNode properties();

    /** @return the whole template, for what a resource's cost depends on elsewhere (a distribution's associations) */
    JsonNode template();

    /**
     * @param value a property value
     * @return its value as the template resolves it (literals as they are, a {@code Ref} to a parameter with a
     *     default, a {@code Fn::Sub} of such parameters), or empty when the template cannot resolve it; a missing
     *     node stays a missing node
     */
    Optional<JsonNode> resolve(JsonNode value);

    /**
     * A number property of {@code holder}: resolved, or empty when absent; when the template cannot resolve it, empty
     * and reported as unknown with {@code consequence}.
     *
     * @param holder the object whose property is read (the resource's properties, or an object inside them)
     * @param key the property's name
     * @param consequence what follows when the value cannot be resolved, for the warning
     * @return the number, resolved; empty when absent or not resolvable
     * @throws RuntimeException naming the property when it resolves to something that is not a number
     */
    Optional<BigDecimal> number(JsonNode holder, String key, String consequence);

    /**
     * Reports a property the template cannot resolve, and what follows from it (a warning).
     *
     * @param property the property's name (a path such as {@code Properties.MemorySize})
     * @param consequence what follows from it, for the warning
     */
    void unknown(String property, String consequence);

    /**
     * Reports a finding about the resource (a warning, or an error that keeps it from being priced).
     *
     * @param finding the finding
     */
    void report(Violation finding);

    /**
     * Says that the resource costs nothing of its own because another resource of the template is where it is
     * billed (an ECS task definition whose tasks run on an Auto Scaling group's instances): a warning naming
     * both, and the resource is not listed as not priced. The mapping then reads it as empty.
     *
     * @param other the logical id of the resource that is priced
     * @param detail why, for the warning
     */
    void pricedWith(String other, String detail);

    /**
     * @return the usage file's entry for this resource (its traffic, hours), if the usage file names it; its keys are
     *     the service's to check
     */
    Optional<Entry> usage();

    /**
     * @param property the property's name
     * @param detail what was found and what is allowed
     * @return the error to throw for a property whose value is of the wrong kind
     */
    RuntimeException error(String property, String detail);

    /**
     * @param logicalId another resource of the template (the distribution that associates a function)
     * @param propertyPath the dotted path of the offending property within its properties
     *     ({@code DistributionConfig.DefaultCacheBehavior.FunctionAssociations[0].EventType})
     * @param detail what is wrong and what is allowed
     * @return the error to throw: bad input in the template, naming that resource and property
     */
    RuntimeException errorAt(String logicalId, String propertyPath, String detail);

    /**
     * @param logicalId another resource of the template
     * @return whether the stack creates it: false when its {@code Condition} is false for the parameters; true when
     *     it has none, or one that cannot be evaluated before deployment
     */
    default boolean isCreated(String logicalId) {
        return true;
    }

    /**
     * A property with a fixed set of values (an OS family, a capacity type), read and checked as CloudFormation checks
     * it.
     *
     * @param holder the object that holds it (the properties, or a nested property)
     * @param key its key in {@code holder}
     * @param allowed the values AWS accepts, in the order a message lists them
     * @param path its dotted path within the properties, for messages ({@code "RuntimePlatform.CpuArchitecture"})
     * @param consequence what is skipped when it cannot be resolved, reported through {@link #unknown}; null to report
     *     nothing
     * @return its value; empty when absent or unresolved (callers that need it tell the two apart by
     *     {@code holder.has(key)})
     * @throws RuntimeException the {@link #error} naming the allowed values, for any other value
     */
    default Optional<String> oneOf(JsonNode holder, String key, java.util.List<String> allowed, String path,
            String consequence) {
        if (!holder.has(key)) {
            return Optional.empty();
        }
        Optional<JsonNode> v = resolve(holder.get(key));
        if (v.isEmpty()) {
            if (consequence != null) {
                unknown(path, consequence);
            }
            return Optional.empty();
        }
        String s = v.get().asText();
        if (!allowed.contains(s)) {
            String last = allowed.get(allowed.size() - 1);
            String choices = allowed.size() == 1 ? last
                    : String.join(", ", allowed.subList(0, allowed.size() - 1)) + " or " + last;
            throw error(path, "must be " + choices + ", was \"" + io.github.computecost.internal.Json.excerpt(s)
                    + "\"");
        }
        return Optional.of(s);
    }
}
