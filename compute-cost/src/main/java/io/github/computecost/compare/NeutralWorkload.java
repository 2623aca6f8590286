package io.github.computecost.compare;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A workload described without a service: how many requests, how long each runs, how much memory each
 * needs, and what it needs that not every service offers. {@link WorkloadPlanner} prices it on every option
 * that can run it. It has no price of its own: a workload file keeps it apart from the resources
 * ({@code Workload.plans()}), and {@code estimate} says so.
 *
 * @param name unique name within a file
 * @param region region code, or empty for the file's region
 * @param requestsPerMonth requests per month
 * @param durationMs average duration of one request in ms, at {@code memoryMb}
 * @param memoryMb memory one request needs, in MB
 * @param peakRequestsPerSecond the peak request rate always-on capacity is sized for; empty for the month's
 *     average (AWS's 730-hour month)
 * @param needsLongRuns whether a request can run longer than 15 minutes
 * @param needsGpu whether it needs a GPU
 * @param needsWindows whether it needs Windows
 * @param uncertainty the duration distribution and traffic range {@link MonteCarlo} samples; with a
 *     distribution, {@code durationMs} is its median and {@code requestsPerMonth} the middle of the range
 * @param frontDoor what its requests pass through before serverless compute ({@code "api-gateway-http"},
 *     {@code "api-gateway-rest"}), priced with the serverless options; empty for none (a function URL)
 * @param ipv6OnlyAllowed whether it may run on capacity without a public IPv4 address (Lightsail's IPv6-only
 *     plans); false by default, since a public web API must be reachable over IPv4
 * @param needsAutoscaling whether its capacity must grow and shrink with traffic (options that cannot, Lightsail's
 *     fixed plans, are left out); false by default
 * @param needsNoColdStarts whether a request may never wait for capacity to start (options with cold starts, Lambda
 *     on demand, are left out); false by default, as most web APIs accept them
 */
public record NeutralWorkload(String name, Optional<String> region, long requestsPerMonth, BigDecimal durationMs,
        int memoryMb, Optional<BigDecimal> peakRequestsPerSecond, boolean needsLongRuns, boolean needsGpu,
        boolean needsWindows, Uncertainty uncertainty, Optional<String> frontDoor, boolean ipv6OnlyAllowed,
        boolean needsAutoscaling, boolean needsNoColdStarts) {

    /**
     * A workload that accepts fixed capacity and cold starts.
     *
     * @param name unique name within a file
     * @param region region code, or empty for the file's region
     * @param requestsPerMonth requests per month
     * @param durationMs average duration of one request in ms, at {@code memoryMb}
     * @param memoryMb memory one request needs, in MB
     * @param peakRequestsPerSecond the peak request rate always-on capacity is sized for; empty for the month's average
     *     (AWS's 730-hour month)
     * @param needsLongRuns whether a request can run longer than 15 minutes
     * @param needsGpu whether it needs a GPU
     * @param needsWindows whether it needs Windows
     * @param uncertainty the duration distribution and traffic range {@link MonteCarlo} samples; with a distribution,
     *     {@code durationMs} is its median and {@code requestsPerMonth} the middle of the range
     * @param frontDoor what its requests pass through before serverless compute ({@code "api-gateway-http"}, {@code
     *     "api-gateway-rest"}), priced with the serverless options; empty for none (a function URL)
     * @param ipv6OnlyAllowed whether it may run on capacity without a public IPv4 address (Lightsail's IPv6-only
     *     plans); false by default, since a public web API must be reachable over IPv4
     */
    public NeutralWorkload(String name, Optional<String> region, long requestsPerMonth, BigDecimal durationMs,
            int memoryMb, Optional<BigDecimal> peakRequestsPerSecond, boolean needsLongRuns, boolean needsGpu,
            boolean needsWindows, Uncertainty uncertainty, Optional<String> frontDoor, boolean ipv6OnlyAllowed) {
        this(name, region, requestsPerMonth, durationMs, memoryMb, peakRequestsPerSecond, needsLongRuns, needsGpu,
                needsWindows, uncertainty, frontDoor, ipv6OnlyAllowed, false, false);
    }

    /**
     * A workload that needs a public IPv4 address.
     *
     * @param name unique name within a file
     * @param region region code, or empty for the file's region
     * @param requestsPerMonth requests per month
     * @param durationMs average duration of one request in ms, at {@code memoryMb}
     * @param memoryMb memory one request needs, in MB
     * @param peakRequestsPerSecond the peak request rate always-on capacity is sized for; empty for the month's average
     *     (AWS's 730-hour month)
     * @param needsLongRuns whether a request can run longer than 15 minutes
     * @param needsGpu whether it needs a GPU
     * @param needsWindows whether it needs Windows
     * @param uncertainty the duration distribution and traffic range {@link MonteCarlo} samples; with a distribution,
     *     {@code durationMs} is its median and {@code requestsPerMonth} the middle of the range
     * @param frontDoor what its requests pass through before serverless compute ({@code "api-gateway-http"}, {@code
     *     "api-gateway-rest"}), priced with the serverless options; empty for none (a function URL)
     */
    public NeutralWorkload(String name, Optional<String> region, long requestsPerMonth, BigDecimal durationMs,
            int memoryMb, Optional<BigDecimal> peakRequestsPerSecond, boolean needsLongRuns, boolean needsGpu,
            boolean needsWindows, Uncertainty uncertainty, Optional<String> frontDoor) {
        this(name, region, requestsPerMonth, durationMs, memoryMb, peakRequestsPerSecond, needsLongRuns, needsGpu,
                needsWindows, uncertainty, frontDoor, false);
    }

    /**
     * A workload with no front door.
     *
     * @param name unique name within a file
     * @param region region code, or empty for the file's region
     * @param requestsPerMonth requests per month
     * @param durationMs average duration of one request in ms, at {@code memoryMb}
     * @param memoryMb memory one request needs, in MB
     * @param peakRequestsPerSecond the peak request rate always-on capacity is sized for; empty for the month's average
     *     (AWS's 730-hour month)
     * @param needsLongRuns whether a request can run longer than 15 minutes
     * @param needsGpu whether it needs a GPU
     * @param needsWindows whether it needs Windows
     * @param uncertainty the duration distribution and traffic range {@link MonteCarlo} samples; with a distribution,
     *     {@code durationMs} is its median and {@code requestsPerMonth} the middle of the range
     */
    public NeutralWorkload(String name, Optional<String> region, long requestsPerMonth, BigDecimal durationMs,
            int memoryMb, Optional<BigDecimal> peakRequestsPerSecond, boolean needsLongRuns, boolean needsGpu,
            boolean needsWindows, Uncertainty uncertainty) {
        this(name, region, requestsPerMonth, durationMs, memoryMb, peakRequestsPerSecond, needsLongRuns, needsGpu,
                needsWindows, uncertainty, Optional.empty());
    }

    /**
     * A workload with nothing uncertain.
     *
     * @param name unique name within a file
     * @param region region code, or empty for the file's region
     * @param requestsPerMonth requests per month
     * @param durationMs average duration of one request in ms, at {@code memoryMb}
     * @param memoryMb memory one request needs, in MB
     * @param peakRequestsPerSecond the peak request rate always-on capacity is sized for; empty for the month's average
     *     (AWS's 730-hour month)
     * @param needsLongRuns whether a request can run longer than 15 minutes
     * @param needsGpu whether it needs a GPU
     * @param needsWindows whether it needs Windows
     */
    public NeutralWorkload(String name, Optional<String> region, long requestsPerMonth, BigDecimal durationMs,
            int memoryMb, Optional<BigDecimal> peakRequestsPerSecond, boolean needsLongRuns, boolean needsGpu,
            boolean needsWindows) {
        this(name, region, requestsPerMonth, durationMs, memoryMb, peakRequestsPerSecond, needsLongRuns, needsGpu,
                needsWindows, Uncertainty.NONE);
    }

    /** Workload type name. */
    public static final String TYPE = "workload";

    /**
     * Checks the components.
     *
     * @param name unique name within a file
     * @param region region code, or empty for the file's region
     * @param requestsPerMonth requests per month
     * @param durationMs average duration of one request in ms, at {@code memoryMb}
     * @param memoryMb memory one request needs, in MB
     * @param peakRequestsPerSecond the peak request rate always-on capacity is sized for; empty for the month's average
     *     (AWS's 730-hour month)
     * @param needsLongRuns whether a request can run longer than 15 minutes
     * @param needsGpu whether it needs a GPU
     * @param needsWindows whether it needs Windows
     * @param uncertainty the duration distribution and traffic range {@link MonteCarlo} samples; with a distribution,
     *     {@code durationMs} is its median and {@code requestsPerMonth} the middle of the range
     * @param frontDoor what its requests pass through before serverless compute ({@code "api-gateway-http"}, {@code
     *     "api-gateway-rest"}), priced with the serverless options; empty for none (a function URL)
     * @param ipv6OnlyAllowed whether it may run on capacity without a public IPv4 address (Lightsail's IPv6-only
     *     plans); false by default, since a public web API must be reachable over IPv4
     * @param needsAutoscaling whether its capacity must grow and shrink with traffic (options that cannot, Lightsail's
     *     fixed plans, are left out); false by default
     * @param needsNoColdStarts whether a request may never wait for capacity to start (options with cold starts, Lambda
     *     on demand, are left out); false by default, as most web APIs accept them
     */
    public NeutralWorkload {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(durationMs, "durationMs");
        Objects.requireNonNull(peakRequestsPerSecond, "peakRequestsPerSecond");
        if (requestsPerMonth < 0) {
            throw new IllegalArgumentException("requestsPerMonth must not be negative: " + requestsPerMonth);
        }
        if (durationMs.signum() < 0) {
            throw new IllegalArgumentException("durationMs must not be negative: " + durationMs.toPlainString());
        }
        if (memoryMb <= 0) {
            throw new IllegalArgumentException("memoryMb must be positive: " + memoryMb);
        }
        Objects.requireNonNull(uncertainty, "uncertainty");
        Objects.requireNonNull(frontDoor, "frontDoor");
        peakRequestsPerSecond.ifPresent(p -> {
            if (p.signum() < 0) {
                throw new IllegalArgumentException("peakRequestsPerSecond must not be negative: " + p.toPlainString());
            }
        });
    }

    /**
     * @param name unique name within a file
     * @param requestsPerMonth requests per month
     * @param durationMs average duration of one request in ms, at {@code memoryMb}
     * @param memoryMb memory one request needs, in MB
     * @return a workload with no special needs and no stated peak
     */
    public static NeutralWorkload of(String name, long requestsPerMonth, BigDecimal durationMs, int memoryMb) {
        return new NeutralWorkload(name, Optional.empty(), requestsPerMonth, durationMs, memoryMb, Optional.empty(),
                false, false, false);
    }

    /**
     * @param rps the peak request rate always-on capacity is sized for; empty for the month's average (AWS's 730-hour
     *     month)
     * @return this workload with a stated peak request rate
     */
    public NeutralWorkload withPeakRequestsPerSecond(BigDecimal rps) {
        return new NeutralWorkload(name, region, requestsPerMonth, durationMs, memoryMb, Optional.of(rps), needsLongRuns,
                needsGpu, needsWindows, uncertainty, frontDoor, ipv6OnlyAllowed, needsAutoscaling, needsNoColdStarts);
    }

    /**
     * @param requests requests per month
     * @return this workload with another monthly volume
     */
    public NeutralWorkload withRequestsPerMonth(long requests) {
        return new NeutralWorkload(name, region, requests, durationMs, memoryMb, peakRequestsPerSecond, needsLongRuns,
                needsGpu, needsWindows, uncertainty, frontDoor, ipv6OnlyAllowed, needsAutoscaling, needsNoColdStarts);
    }

    /**
     * @param u the duration distribution and traffic range {@link MonteCarlo} samples; with a distribution, {@code
     *     durationMs} is its median and {@code requestsPerMonth} the middle of the range
     * @return this workload with uncertain duration or traffic
     */
    public NeutralWorkload withUncertainty(Uncertainty u) {
        return new NeutralWorkload(name, region, requestsPerMonth, durationMs, memoryMb, peakRequestsPerSecond,
                needsLongRuns, needsGpu, needsWindows, u, frontDoor, ipv6OnlyAllowed, needsAutoscaling, needsNoColdStarts);
    }

    /**
     * @param allowed whether it may run on capacity without a public IPv4 address (Lightsail's IPv6-only plans); false
     *     by default, since a public web API must be reachable over IPv4
     * @return this workload, allowed (or not) to run without a public IPv4 address
     */
    public NeutralWorkload withIpv6OnlyAllowed(boolean allowed) {
        return new NeutralWorkload(name, region, requestsPerMonth, durationMs, memoryMb, peakRequestsPerSecond,
                needsLongRuns, needsGpu, needsWindows, uncertainty, frontDoor, allowed, needsAutoscaling, needsNoColdStarts);
    }

    /**
     * @param kind what its requests pass through before serverless compute ({@code "api-gateway-http"}, {@code
     *     "api-gateway-rest"}), priced with the serverless options; empty for none (a function URL)
     * @return this workload behind {@code kind} ({@code "api-gateway-http"})
     */
    public NeutralWorkload withFrontDoor(String kind) {
        return new NeutralWorkload(name, region, requestsPerMonth, durationMs, memoryMb, peakRequestsPerSecond,
                needsLongRuns, needsGpu, needsWindows, uncertainty, Optional.of(kind), ipv6OnlyAllowed, needsAutoscaling,
                needsNoColdStarts);
    }

    /**
     * @param autoscaling whether its capacity must grow and shrink with traffic
     * @param noColdStarts whether no request may wait for capacity to start
     * @return this workload with those needs
     */
    public NeutralWorkload withNeeds(boolean autoscaling, boolean noColdStarts) {
        return new NeutralWorkload(name, region, requestsPerMonth, durationMs, memoryMb, peakRequestsPerSecond,
                needsLongRuns, needsGpu, needsWindows, uncertainty, frontDoor, ipv6OnlyAllowed, autoscaling,
                noColdStarts);
    }
}
