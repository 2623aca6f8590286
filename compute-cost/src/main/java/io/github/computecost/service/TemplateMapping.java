package io.github.computecost.service;

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
     * @param resource one template resource of one of its types
     * @return the resource, or empty when it cannot be priced (having reported why through
     *     {@link TemplateResource#report} or {@link TemplateResource#unknown})
     */
    Optional<R> read(TemplateResource resource);
}
