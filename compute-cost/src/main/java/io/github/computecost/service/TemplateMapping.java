package io.github.computecost.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a {@link Service} reads its resources from CloudFormation and SAM templates: their configuration from the
 * resource's properties, their usage (traffic, hours) from the usage file's entry of the same logical id.
 *
 * @param <R> the service's resource record
 */
public interface TemplateMapping<R extends Resource> {

    /** @return the CloudFormation types it reads, {@code "AWS::Lambda::Function"} */
    Set<String> resourceTypes();

    /**
     * The keys a usage file's entry for one of its resources may hold, besides {@link Entry#COMMON_KEYS}: what the
     * reader allows, and so what a usage file's published schema lists ({@code schema/usage.schema.json}).
     *
     * @param type one of its {@link #resourceTypes()}
     * @return the usage keys, in the workload format's names and units ({@code requestsPerMonth})
     */
    Set<String> usageKeys(String type);

    /**
     * Whether it reads a resource of one of its types, when several services read that type (an ECS task definition
     * for Fargate, or for EC2): the template reader takes the first mapping, in the registry's order, that accepts
     * it, and the last one when none does. The default accepts every resource of its types.
     *
     * @param properties the resource's properties
     * @return whether this mapping reads it
     */
    default boolean accepts(JsonNode properties) {
        return true;
    }

    /**
     * Whether it reads a resource, as {@link #accepts(JsonNode)}, when that depends on more than the resource's
     * properties: on the rest of the template (a function a CloudFront distribution associates runs at the edge) or
     * on its usage entry. The default asks {@link #accepts(JsonNode)} of its properties.
     *
     * @param resource the resource, with its template and usage entry
     * @return whether this mapping reads it
     */
    default boolean accepts(TemplateResource resource) {
        return accepts(resource.properties());
    }

    /**
     * @param resource one template resource of one of its types
     * @return the resource, or empty when it cannot be priced (having reported why through
     *     {@link TemplateResource#report} or {@link TemplateResource#unknown})
     */
    Optional<R> read(TemplateResource resource);

    /**
     * Reads a resource that may be priced in parts: an ECS service that splits its tasks between
     * {@code FARGATE} and {@code FARGATE_SPOT} is two resources, one per capacity provider. The default is
     * {@link #read(TemplateResource)}'s one resource.
     *
     * @param resource one template resource of one of its types
     * @return its parts, each named in the estimate, or empty when it cannot be priced (having reported why)
     */
    default List<R> readAll(TemplateResource resource) {
        return read(resource).map(List::of).orElse(List.of());
    }

    /**
     * The properties CloudFormation (or SAM) defines for its types, and for the nested properties it reads: keyed by
     * type ({@code "AWS::Lambda::Function"}) or by type and dotted property path
     * ({@code "AWS::ECS::TaskDefinition.RuntimePlatform"}; a list's elements are checked against its path). The
     * template reader refuses any other property of a listed object, as CloudFormation does, naming a near miss
     * ({@code MemroySize}: "did you mean MemorySize?") or else the names allowed; a property within an intrinsic
     * function ({@code Fn::If}) is not looked into. The lists may also name part types ({@link #partTypes()}) and the
     * SAM types whose {@code Globals} section it reads. The default lists none, and nothing is checked.
     *
     * @return the known properties by type, or by type and property path
     */
    default java.util.Map<String, Set<String>> knownProperties() {
        return java.util.Map.of();
    }

    /**
     * @return the CloudFormation types it reads only as parts of its resources (a REST API's
     *     {@code AWS::ApiGateway::Stage}, whose cache it prices on the API; its methods, whose calls it prices on the
     *     API): the template reader does not list them as not priced. The default is none.
     */
    default Set<String> partTypes() {
        return Set.of();
    }

    /**
     * The resources a template implies without declaring them, which the reader reads as if declared (SAM creates
     * {@code ServerlessRestApi} for a function's {@code Api} event that names no API). The default implies none.
     *
     * @param template the whole template
     * @return the implied resources, each of one of {@link #resourceTypes()}, in template order
     */
    default List<Implied> impliedResources(JsonNode template) {
        return List.of();
    }

    /**
     * A resource a template implies.
     *
     * @param logicalId the logical id it has once deployed ({@code ServerlessRestApi}), which the usage file names
     * @param type its CloudFormation type, one of the mapping's
     * @param properties its properties (possibly an empty object)
     */
    record Implied(String logicalId, String type, JsonNode properties) {
        /**
         * Checks the components.
         *
         * @param logicalId the logical id it has once deployed ({@code ServerlessRestApi}), which the usage file names
         * @param type its CloudFormation type, one of the mapping's
         * @param properties its properties (possibly an empty object)
         */
        public Implied {
            Objects.requireNonNull(logicalId, "logicalId");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(properties, "properties");
        }
    }
}
