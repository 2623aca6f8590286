package io.github.computecost.service;

import java.util.Optional;

/**
 * Something a workload describes and a {@link Service} prices: a Lambda function, a Fargate task, EC2 instances.
 * Implementations are plain immutable records: what they hold, not how they are priced, which is their
 * service's business.
 */
public interface Resource {

    /** @return the resource's name, unique within an estimate */
    String name();

    /**
     * @return the region the resource names, if any (a resource that names none runs in the estimator's region;
     *     services priced once everywhere, such as CloudFront Functions, name none)
     */
    default Optional<String> region() {
        return Optional.empty();
    }
}
