package io.github.computecost.commitment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * How some resources' usage is spread over the hours of a day or a week (a workload file's {@code usageProfiles}):
 * relative weights, one per hour, UTC, a week from Monday 00:00. A resource's month of usage is spread in proportion
 * to them; resources no profile names stay flat. Always-on fleets are flat by nature: name only what follows traffic.
 *
 * @param resources the names of the resources that follow it
 * @param weights 24 (a day) or 168 (a week) weights, each at least 0, not all 0
 */
public record UsageProfile(List<String> resources, List<BigDecimal> weights) {

    /**
     * Checks the components and keeps immutable copies of its collections.
     *
     * @param resources the names of the resources that follow it
     * @param weights 24 (a day) or 168 (a week) weights, each at least 0, not all 0
     */
    public UsageProfile {
        resources = List.copyOf(resources);
        weights = List.copyOf(weights);
        if (resources.isEmpty()) {
            throw new IllegalArgumentException("a usage profile names the resources that follow it");
        }
        if (weights.size() != 24 && weights.size() != 168) {
            throw new IllegalArgumentException("a usage profile has 24 weights (a day) or 168 (a week), was "
                    + weights.size());
        }
        for (BigDecimal w : weights) {
            if (Objects.requireNonNull(w, "weight").signum() < 0) {
                throw new IllegalArgumentException("a usage profile's weights are at least 0, was "
                        + w.toPlainString());
            }
        }
        if (weights.stream().allMatch(w -> w.signum() == 0)) {
            throw new IllegalArgumentException("a usage profile's weights are not all 0");
        }
    }

    /** @return whether it is a week's (168 hours) */
    public boolean weekly() {
        return weights.size() == 168;
    }

    /** @return the weight of hour {@code h} of a week (a day's profile repeats every 24 hours) */
    BigDecimal weightAt(int h) {
        return weights.get(h % weights.size());
    }
}
