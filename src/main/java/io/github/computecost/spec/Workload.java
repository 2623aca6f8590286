package io.github.computecost.spec;

import io.github.computecost.estimate.Meterable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The content of a workload file.
 *
 * @param region the default region for resources that name none, if given
 * @param freeTier whether the file asks for the account's free tier (default true)
 * @param resources the resources, in file order (which decides how shared allowances are attributed)
 */
public record Workload(Optional<String> region, boolean freeTier, List<Meterable> resources) {
    public Workload {
        Objects.requireNonNull(region, "region");
        resources = List.copyOf(resources);
    }
}
