package io.github.computecost.estimate;

import java.util.List;
import java.util.Objects;

/**
 * One resource's metered usage for a month: what a service's meter hands the rating engine.
 *
 * @param name the resource's name, unique within an estimate
 * @param type the workload type, {@code "lambda"}
 * @param service AWS Price List service code of its prices, {@code "AWSLambda"}
 * @param region the region code it runs in
 * @param usage its usage records, in the order its line items should appear
 * @param notes assumptions the meter made that a reader of the estimate should know, possibly empty
 */
public record MeteredResource(String name, String type, String service, String region, List<UsageRecord> usage,
        List<String> notes) {
    public MeteredResource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(region, "region");
        usage = List.copyOf(usage);
        notes = List.copyOf(notes);
    }
}
