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
 * @param fixed the same as {@code long}s, for the fixed-point route; null where one is beyond it
 * @param eksPodMemoryOverheadMb the memory Fargate adds to an EKS pod's request for Kubernetes' components, MB
 */
public record FargateTables(List<FargateSize> sizes, Limit ephemeralStorageGb, Limit windowsMinimumVcpu,
        AllowedValues windowsArchitectures, BigDecimal minimumSecondsLinux, BigDecimal minimumSecondsWindows,
        BigDecimal includedEphemeralStorageGb, int hourScale, Fixed fixed, BigDecimal eksPodMemoryOverheadMb) {

    /**
     * The sizes and rules the fixed-point route checks, in {@code long}s: vCPU and memory as hundredths.
     *
     * @param sizes each offered (vCPU, memory) pair, as {@code vcpu × 10^9 + memory} in hundredths, sorted
     * @param storage ephemeral storage per task, GB
     * @param windowsMinimumVcpu in hundredths
     * @param minimumSecondsLinux the least billed time per Linux task
     * @param minimumSecondsWindows the least billed time per Windows task
     * @param includedStorageGb storage included in the price
     */
    public record Fixed(long[] sizes, io.github.computecost.service.FixedPoint.Range storage,
            long windowsMinimumVcpu, long minimumSecondsLinux, long minimumSecondsWindows, long includedStorageGb) {

        /** @return the offered pairs, sorted (a copy) */
        @Override
        public long[] sizes() {
            return sizes.clone();
        }

        /**
         * @param vcpu vCPUs, in hundredths (25 for 0.25 vCPU)
         * @param memory memory in GB, in hundredths
         * @return whether Fargate offers {@code memory} with {@code vcpu} (both in hundredths)
         */
        public boolean offers(long vcpu, long memory) {
            // A sorted array, not a Set<Long>: no boxing on the route's every call.
            return vcpu >= 0 && vcpu < 1_000_000_000L && memory >= 0 && memory < 1_000_000_000L
                    && java.util.Arrays.binarySearch(sizes, vcpu * 1_000_000_000L + memory) >= 0;
        }

        static Fixed of(List<FargateSize> sizes, Limit storage, Limit windowsVcpu, BigDecimal linux, BigDecimal windows,
                BigDecimal included) {
            try {
                java.util.Set<Long> pairs = new java.util.HashSet<>();
                for (FargateSize s : sizes) {
                    for (BigDecimal m : s.memoryGb()) {
                        long v = io.github.computecost.service.FixedPoint.unscaled(s.vcpu(), 2);
                        long g = io.github.computecost.service.FixedPoint.unscaled(m, 2);
                        if (g >= 1_000_000_000L) {
                            return null;
                        }
                        pairs.add(v * 1_000_000_000L + g);
                    }
                }
                io.github.computecost.service.FixedPoint.Range range =
                        io.github.computecost.service.FixedPoint.Range.of(storage);
                return range == null ? null : new Fixed(pairs.stream().mapToLong(Long::longValue).sorted().toArray(), range,
                        io.github.computecost.service.FixedPoint.unscaled(windowsVcpu.min().orElseThrow(), 2),
                        linux.longValueExact(), windows.longValueExact(), included.longValueExact());
            } catch (ArithmeticException e) {
                return null; // a size with more than two decimals, or a fractional rule: the engine prices it
            }
        }
    }

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
        /**
         * Keeps immutable copies of its collections.
         *
         * @param vcpu vCPUs per task
         * @param memoryGb the memory sizes offered with it, GB, ascending
         * @param description the sizes in AWS's words, {@code "2-8 GB in 1 GB steps"}
         */
        public FargateSize {
            memoryGb = List.copyOf(memoryGb);
        }

        /**
         * @param gb memory, in GB (GiB)
         * @return whether {@code gb} is offered with this size
         */
        public boolean offers(BigDecimal gb) {
            for (BigDecimal m : memoryGb) {
                if (m.compareTo(gb) == 0) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The Fargate size an EKS pod is billed for.
     *
     * @param vcpu vCPUs
     * @param memoryGb memory, GB (1024 MB)
     */
    public record PodSize(BigDecimal vcpu, BigDecimal memoryGb) {
    }

    /**
     * Keeps immutable copies of its collections.
     *
     * @param sizes the task sizes, by vCPU, in the table's order
     * @param ephemeralStorageGb ephemeral storage per task, GB (min and max)
     * @param windowsMinimumVcpu the least vCPU of a Windows task (min)
     * @param windowsArchitectures the architectures Windows tasks run on
     * @param minimumSecondsLinux the least billed time per Linux task, s
     * @param minimumSecondsWindows the least billed time per Windows task, s
     * @param includedEphemeralStorageGb ephemeral storage included in the price, GB
     * @param hourScale the decimals billed seconds are turned into hours with
     * @param fixed the same as {@code long}s, for the fixed-point route; null where one is beyond it
     * @param eksPodMemoryOverheadMb the memory Fargate adds to an EKS pod's request for Kubernetes' components, MB
     */
    public FargateTables {
        sizes = List.copyOf(sizes);
    }

    private static FargateTables bind(TableBinder t) {
        Map<String, FargateSize> sizes = t.catalog(e -> new FargateSize(e.decimal("vcpu"), e.decimals("memoryGb"),
                e.string("description")));
        if (sizes.isEmpty()) {
            throw t.error("$.catalog", "must list Fargate's task sizes");
        }
        Limit windowsVcpu = t.limitWithMin("windowsMinimumVcpu");
        Limit storage = t.range("ephemeralStorageGb");
        BigDecimal linux = t.billingRule("minimumSeconds.linux");
        BigDecimal windows = t.billingRule("minimumSeconds.windows");
        BigDecimal included = t.billingRule("includedEphemeralStorageGb");
        List<FargateSize> list = List.copyOf(sizes.values());
        return new FargateTables(list, storage, windowsVcpu, t.allowedValues("windowsArchitectures"), linux, windows,
                included, t.wholeBillingRule("hourScale"), Fixed.of(list, storage, windowsVcpu, linux, windows, included),
                t.billingRule("eksPodMemoryOverheadMb"));
    }

    /**
     * The task size Fargate runs an EKS pod on: the smallest size of at least the pod's vCPUs whose memory holds
     * the pod's memory plus {@link #eksPodMemoryOverheadMb()}, and the smallest such memory
     * (https://docs.aws.amazon.com/eks/latest/userguide/fargate-pod-configuration.html).
     *
     * @param vcpu the pod's vCPU request (the larger of its largest init container's and its long-running
     *     containers' sum)
     * @param memoryMb the pod's memory request, MB, the same way
     * @return the size it is billed for, or empty when no size holds it
     */
    public Optional<PodSize> podSize(BigDecimal vcpu, BigDecimal memoryMb) {
        BigDecimal needGb = memoryMb.add(eksPodMemoryOverheadMb).divide(BigDecimal.valueOf(1024));
        for (FargateSize s : sizes) {
            if (s.vcpu().compareTo(vcpu) < 0) {
                continue;
            }
            for (BigDecimal gb : s.memoryGb()) {
                if (gb.compareTo(needGb) >= 0) {
                    return Optional.of(new PodSize(s.vcpu(), gb));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * @param vcpu vCPUs per task
     * @return the size of {@code vcpu} vCPUs, if Fargate has one
     */
    public Optional<FargateSize> size(BigDecimal vcpu) {
        for (FargateSize s : sizes) {
            if (s.vcpu().compareTo(vcpu) == 0) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
