package io.github.computecost.ec2;

import io.github.computecost.pricing.AllowedValues;
import io.github.computecost.pricing.TableBinder;
import io.github.computecost.pricing.TableSchema;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What EC2's checks, meter and sizing read from its table: the instance catalog (each type's specifications where a
 * source gives them) and the billing rules of https://repost.aws/knowledge-center/ec2-instance-hour-billing. Bound
 * when the price book loads the table.
 *
 * @param instanceTypes the catalog, by instance type, in the table's order
 * @param windowsArchitectures the architectures Windows runs on
 * @param minimumSeconds the least billed time per instance start, s
 * @param hourScale the decimals billed seconds are turned into hours with
 */
public record Ec2Tables(Map<String, Ec2InstanceType> instanceTypes, AllowedValues windowsArchitectures,
        BigDecimal minimumSeconds, int hourScale) {

    /** EC2's schema, bound on its table. */
    public static final TableSchema<Ec2Tables> SCHEMA = TableSchema.of(Ec2Service.TABLE, Ec2Tables::bind);

    /**
     * One instance type of the catalog. Its specifications are absent where no source gives them (such a type can be
     * priced but not sized).
     *
     * @param type AWS's name, {@code "t3.medium"}
     * @param family its family, {@code "t3"}
     * @param vcpu vCPUs
     * @param memoryGib memory, GiB
     * @param architecture {@code x86_64} or {@code arm64}
     * @param burstable whether it is a burstable type (CPU credits)
     * @param gpus GPUs
     * @param gpuName the GPU's name
     * @param linuxUsageType the usage type its Linux hours are billed under, {@code BoxUsage:t3.medium}
     * @param windowsUsageType the usage type its Windows hours are billed under,
     *     {@code BoxUsage:t3.medium/RunInstances:0002}
     */
    public record Ec2InstanceType(String type, String family, Optional<BigDecimal> vcpu, Optional<BigDecimal> memoryGib,
            Optional<String> architecture, Optional<Boolean> burstable, Optional<BigDecimal> gpus,
            Optional<String> gpuName, String linuxUsageType, String windowsUsageType) {
        /**
         * Checks the components.
         *
         * @param type AWS's name, {@code "t3.medium"}
         * @param family its family, {@code "t3"}
         * @param vcpu vCPUs
         * @param memoryGib memory, GiB
         * @param architecture {@code x86_64} or {@code arm64}
         * @param burstable whether it is a burstable type (CPU credits)
         * @param gpus GPUs
         * @param gpuName the GPU's name
         * @param linuxUsageType the usage type its Linux hours are billed under, {@code BoxUsage:t3.medium}
         * @param windowsUsageType the usage type its Windows hours are billed under, {@code
         *     BoxUsage:t3.medium/RunInstances:0002}
         */
        public Ec2InstanceType {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(linuxUsageType, "linuxUsageType");
            Objects.requireNonNull(windowsUsageType, "windowsUsageType");
        }

        /** @return whether a source gives its vCPUs and memory, so that it can be sized */
        public boolean hasSpecs() {
            return vcpu.isPresent() && memoryGib.isPresent();
        }

        /** @return whether it has GPUs (empty: no source says) */
        public Optional<Boolean> hasGpus() {
            return gpus.map(g -> g.signum() > 0);
        }
    }

    /**
     * Keeps immutable copies of its collections.
     *
     * @param instanceTypes the catalog, by instance type, in the table's order
     * @param windowsArchitectures the architectures Windows runs on
     * @param minimumSeconds the least billed time per instance start, s
     * @param hourScale the decimals billed seconds are turned into hours with
     */
    public Ec2Tables {
        instanceTypes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(instanceTypes));
    }

    /**
     * The billed hours of {@code count} instances each running {@code hoursPerMonth}, as digits at
     * {@link #hourScale()} decimals: each run rounded up to a whole second and to at least the minimum, the total
     * turned into hours rounded half up, exactly as the meter does in decimals.
     *
     * @throws ArithmeticException on overflow, or a running time of more than 18 decimals
     */
    static long hoursUnscaled(BigDecimal hoursPerMonth, int count, Ec2Tables t) {
        long each = Math.max(io.github.computecost.internal.BilledTime.wholeSecondsOfHours(hoursPerMonth),
                t.minimumSeconds().longValueExact());
        return io.github.computecost.internal.BilledTime.hoursUnscaled(Math.multiplyExact(each, count), t.hourScale());
    }

    private static Ec2Tables bind(TableBinder t) {
        Map<String, Ec2InstanceType> types = t.catalog(e -> new Ec2InstanceType(e.key(), e.string("family"),
                e.optDecimal("vcpu"), e.optDecimal("memoryGib"), e.optString("architecture"), e.optBoolean("burstable"),
                e.optDecimal("gpus"), e.optString("gpuName"),
                Ec2Catalog.usageType(e.key(), io.github.computecost.compute.OperatingSystem.LINUX),
                Ec2Catalog.usageType(e.key(), io.github.computecost.compute.OperatingSystem.WINDOWS)));
        return new Ec2Tables(types, t.allowedValues("windowsArchitectures"), t.billingRule("minimumSeconds"),
                t.wholeBillingRule("hourScale"));
    }
}
