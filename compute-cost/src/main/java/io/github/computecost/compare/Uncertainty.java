package io.github.computecost.compare;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What is uncertain about a {@link NeutralWorkload}: the duration of a request, as a distribution, and the
 * monthly traffic, as a range. {@link MonteCarlo} samples them.
 *
 * @param duration the distribution of one request's duration, if not a single value
 * @param trafficMin the least monthly requests, if traffic is a range
 * @param trafficMax the most monthly requests, if traffic is a range
 */
public record Uncertainty(Optional<Duration> duration, Optional<Long> trafficMin, Optional<Long> trafficMax) {

    /** Nothing uncertain. */
    public static final Uncertainty NONE = new Uncertainty(Optional.empty(), Optional.empty(), Optional.empty());

    /** A duration distribution, in ms. */
    public sealed interface Duration permits LogNormal, Samples {
        /** @return the median, used for deterministic estimates */
        BigDecimal median();
    }

    /**
     * A log-normal duration given by its median and 99th percentile (p99 at least p50, both more than 0).
     *
     * @param p50 median in ms
     * @param p99 99th percentile in ms
     */
    public record LogNormal(BigDecimal p50, BigDecimal p99) implements Duration {
        /**
         * Checks the components.
         *
         * @param p50 median in ms
         * @param p99 99th percentile in ms
         */
        public LogNormal {
            Objects.requireNonNull(p50, "p50");
            Objects.requireNonNull(p99, "p99");
            if (p50.signum() <= 0 || p99.compareTo(p50) < 0) {
                throw new IllegalArgumentException("lognormal needs 0 < p50 <= p99, was p50 " + p50.toPlainString()
                        + ", p99 " + p99.toPlainString());
            }
        }

        @Override
        public BigDecimal median() {
            return p50;
        }
    }

    /**
     * Measured durations, resampled with replacement.
     *
     * @param values at least one duration in ms, each at least 0
     */
    public record Samples(List<BigDecimal> values) implements Duration {
        /**
         * Checks the components and keeps immutable copies of its collections.
         *
         * @param values at least one duration in ms, each at least 0
         */
        public Samples {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("samples must not be empty");
            }
            for (BigDecimal v : values) {
                if (v.signum() < 0) {
                    throw new IllegalArgumentException("samples must not be negative: " + v.toPlainString());
                }
            }
        }

        @Override
        public BigDecimal median() {
            List<BigDecimal> sorted = values.stream().sorted().toList();
            return sorted.get((sorted.size() - 1) / 2);
        }
    }

    /**
     * Checks the components.
     *
     * @param duration the distribution of one request's duration, if not a single value
     * @param trafficMin the least monthly requests, if traffic is a range
     * @param trafficMax the most monthly requests, if traffic is a range
     */
    public Uncertainty {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(trafficMin, "trafficMin");
        Objects.requireNonNull(trafficMax, "trafficMax");
        if (trafficMin.isPresent() != trafficMax.isPresent()) {
            throw new IllegalArgumentException("a traffic range needs both min and max");
        }
        if (trafficMin.isPresent() && (trafficMin.get() < 0 || trafficMax.get() < trafficMin.get())) {
            throw new IllegalArgumentException("traffic range needs 0 <= min <= max, was " + trafficMin.get() + " to "
                    + trafficMax.get());
        }
    }

    /** @return whether anything is uncertain */
    public boolean any() {
        return duration.isPresent() || trafficMin.isPresent();
    }
}
