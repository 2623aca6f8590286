package io.github.computecost.service;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A workload described without a service, as {@code compare} asks each {@link Sizing} to run it.
 *
 * @param name the workload's name, which its candidates take
 * @param region the region code it runs in
 * @param requestsPerMonth requests per month
 * @param durationMs average duration of one request in ms, at {@code memoryMb}
 * @param memoryMb memory one request needs, in MB
 * @param peakConcurrency the concurrent requests always-on capacity must hold at peak (peak requests per second ×
 *     duration), exact
 * @param needsLongRuns whether a request can run longer than 15 minutes
 * @param needsGpu whether it needs a GPU
 * @param needsWindows whether it needs Windows
 * @param ipv6OnlyAllowed whether capacity without a public IPv4 address may run it
 */
public record SizingRequest(String name, String region, long requestsPerMonth, BigDecimal durationMs, int memoryMb,
        BigDecimal peakConcurrency, boolean needsLongRuns, boolean needsGpu, boolean needsWindows,
        boolean ipv6OnlyAllowed) {

    /**
     * A request that needs a public IPv4 address.
     *
     * @param name the workload's name, which its candidates take
     * @param region the region code it runs in
     * @param requestsPerMonth requests per month
     * @param durationMs average duration of one request in ms, at {@code memoryMb}
     * @param memoryMb memory one request needs, in MB
     * @param peakConcurrency the concurrent requests always-on capacity must hold at peak (peak requests per second ×
     *     duration), exact
     * @param needsLongRuns whether a request can run longer than 15 minutes
     * @param needsGpu whether it needs a GPU
     * @param needsWindows whether it needs Windows
     */
    public SizingRequest(String name, String region, long requestsPerMonth, BigDecimal durationMs, int memoryMb,
            BigDecimal peakConcurrency, boolean needsLongRuns, boolean needsGpu, boolean needsWindows) {
        this(name, region, requestsPerMonth, durationMs, memoryMb, peakConcurrency, needsLongRuns, needsGpu,
                needsWindows, false);
    }

    /**
     * Lambda's memory per vCPU, in MB: "at 1,769 MB, a function has the equivalent of one vCPU"
     * (https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html). Always-on capacity is sized to give
     * each concurrent request the CPU share that memory would have on Lambda.
     */
    public static final BigDecimal MB_PER_VCPU = BigDecimal.valueOf(1769);

    /**
     * Checks the components.
     *
     * @param name the workload's name, which its candidates take
     * @param region the region code it runs in
     * @param requestsPerMonth requests per month
     * @param durationMs average duration of one request in ms, at {@code memoryMb}
     * @param memoryMb memory one request needs, in MB
     * @param peakConcurrency the concurrent requests always-on capacity must hold at peak (peak requests per second ×
     *     duration), exact
     * @param needsLongRuns whether a request can run longer than 15 minutes
     * @param needsGpu whether it needs a GPU
     * @param needsWindows whether it needs Windows
     * @param ipv6OnlyAllowed whether capacity without a public IPv4 address may run it
     */
    public SizingRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(durationMs, "durationMs");
        Objects.requireNonNull(peakConcurrency, "peakConcurrency");
    }

    /**
     * How many units of {@code vcpu} vCPUs and {@code memoryGb} GB cover the peak: enough for each concurrent
     * request's memory and CPU share, at least one; {@link Long#MAX_VALUE} when one unit cannot hold even one
     * request's memory.
     *
     * @param memoryGb memory per unit, in GB (GiB)
     * @param vcpu vCPUs per unit
     * @return the units, at least 1, or {@link Long#MAX_VALUE}
     */
    public long units(BigDecimal vcpu, BigDecimal memoryGb) {
        BigDecimal mb = BigDecimal.valueOf(memoryMb);
        if (memoryGb.compareTo(mb.divide(BigDecimal.valueOf(1024))) < 0) {
            return Long.MAX_VALUE;
        }
        BigDecimal vcpuNeed = peakConcurrency.multiply(mb).divide(MB_PER_VCPU, MathContext.DECIMAL128);
        BigDecimal memNeed = peakConcurrency.multiply(mb).divide(BigDecimal.valueOf(1024));
        long byCpu = vcpuNeed.divide(vcpu, 0, RoundingMode.CEILING).longValueExact();
        long byMem = memNeed.divide(memoryGb, 0, RoundingMode.CEILING).longValueExact();
        return Math.max(1, Math.max(byCpu, byMem));
    }
}
