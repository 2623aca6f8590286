package io.github.computecost.fargate;

import io.github.computecost.pricing.AllowedValues;
import io.github.computecost.pricing.Limit;
import io.github.computecost.pricing.TableBinder;
import io.github.computecost.pricing.TableSchema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Fargate's checks, meter and sizing read from its table: the task sizes of
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size, the
 * storage and Windows limits, and the billing rules of https://aws.amazon.com/fargate/pricing/. Bound when the price
 * book loads the table.
 *
 * @param sizes the task sizes, by vCPU, in the table's order
 * @param ephemeralStorageGb ephemeral storage per task, GB (min and max)
 * @param windowsMinimumVcpu the least vCPU of a Windows task (min)
 * @param windowsArchitectures the architectures Windows tasks run on
 * @param minimumSecondsLinux the least billed time per Linux task, s
 * @param minimumSecondsWindows the least billed time per Windows task, s
 * @param includedEphemeralStorageGb ephemeral storage included in the price, GB
 * @param hourScale the decimals billed seconds are turned into hours with
 */
public record FargateTables(List<FargateSize> sizes, Limit ephemeralStorageGb, Limit windowsMinimumVcpu,
        AllowedValues windowsArchitectures, BigDecimal minimumSecondsLinux, BigDecimal minimumSecondsWindows,
        BigDecimal includedEphemeralStorageGb, int hourScale) {

    /** Fargate's schema, bound on its table. */
    public static final TableSchema<FargateTables> SCHEMA = TableSchema.of(FargateService.TABLE, FargateTables::bind);

    /**
     * One task size.
     *
     * @param vcpu vCPUs per task
     * @param memoryGb the memory sizes offered with it, GB, ascending
     * @param description the sizes in AWS's words, {@code "2-8 GB in 1 GB steps"}
     */
    public record FargateSize(BigDecimal vcpu, List<BigDecimal> memoryGb, String description) {
        public FargateSize {
            memoryGb = List.copyOf(memoryGb);
        }

        /** @return whether {@code gb} is offered with this size */
        public boolean offers(BigDecimal gb) {
            for (BigDecimal m : memoryGb) {
                if (m.compareTo(gb) == 0) {
                    return true;
                }
            }
            return false;
        }
    }

    public FargateTables {
        sizes = List.copyOf(sizes);
    }

    private static FargateTables bind(TableBinder t) {
        Map<String, FargateSize> sizes = t.catalog(e -> new FargateSize(e.decimal("vcpu"), e.decimals("memoryGb"),
                e.string("description")));
        if (sizes.isEmpty()) {
            throw t.error("$.catalog", "must list Fargate's task sizes");
        }
        Limit windowsVcpu = t.limit("windowsMinimumVcpu");
        if (windowsVcpu.min().isEmpty()) {
            throw t.error("$.limits.windowsMinimumVcpu.min", "is missing: the table must give it");
        }
        return new FargateTables(List.copyOf(sizes.values()), t.range("ephemeralStorageGb"), windowsVcpu,
                t.allowedValues("windowsArchitectures"), t.billingRule("minimumSeconds.linux"),
                t.billingRule("minimumSeconds.windows"), t.billingRule("includedEphemeralStorageGb"),
                t.wholeBillingRule("hourScale"));
    }

    /** @return the size of {@code vcpu} vCPUs, if Fargate has one */
    public Optional<FargateSize> size(BigDecimal vcpu) {
        for (FargateSize s : sizes) {
            if (s.vcpu().compareTo(vcpu) == 0) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
