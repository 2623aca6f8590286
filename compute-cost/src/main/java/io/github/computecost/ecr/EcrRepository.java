package io.github.computecost.ecr;

import io.github.computecost.service.Resource;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * An Amazon ECR private repository's stored images.
 *
 * @param name unique name within an estimate
 * @param region region code, or empty for the estimator's region
 * @param storageGb the images' stored (compressed, de-duplicated) size averaged over the month, GB (1024³ bytes)
 */
public record EcrRepository(String name, Optional<String> region, BigDecimal storageGb) implements Resource {

    /** Workload type name. */
    public static final String TYPE = "ecr";

    /**
     * Checks the components.
     *
     * @param name unique name within an estimate
     * @param region region code, or empty for the estimator's region
     * @param storageGb the images' stored (compressed, de-duplicated) size averaged over the month, GB (1024³ bytes)
     */
    public EcrRepository {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(storageGb, "storageGb");
        if (storageGb.signum() < 0) {
            throw new IllegalArgumentException("storageGb must not be negative: " + storageGb.toPlainString());
        }
    }

    /**
     * @param name unique name within an estimate
     * @param storageGb the images' stored (compressed, de-duplicated) size averaged over the month, GB (1024³ bytes)
     * @return a repository of {@code storageGb} GB in the estimator's region
     */
    public static EcrRepository of(String name, BigDecimal storageGb) {
        return new EcrRepository(name, Optional.empty(), storageGb);
    }

    /**
     * @param region a region code such as {@code "eu-west-1"}
     * @return this repository in {@code region}
     */
    public EcrRepository withRegion(String region) {
        return new EcrRepository(name, Optional.of(region), storageGb);
    }
}
