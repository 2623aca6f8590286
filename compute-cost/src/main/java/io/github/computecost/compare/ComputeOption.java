package io.github.computecost.compare;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import io.github.computecost.service.Sizing;
import java.util.Optional;

/**
 * One way to run a {@link NeutralWorkload}, priced, or the reason it cannot run it.
 *
 * @param option the service and variant, {@code "Lambda (arm64)"}, {@code "EC2"}
 * @param configuration what was chosen, {@code "2 × c6g.4xlarge, 730 h"}
 * @param monthlyCost exact monthly cost, empty when the option cannot run the workload
 * @param cannotRun why not, empty when it can
 * @param alwaysOn whether capacity is paid for around the clock (sized for the peak)
 * @param properties what the option has that a workload may require or exclude (cold starts, no autoscaling,
 *     Windows, ...), in their declared order
 */
public record ComputeOption(String option, String configuration, Optional<BigDecimal> monthlyCost,
        Optional<String> cannotRun, boolean alwaysOn, java.util.Set<Sizing.Property> properties) {

    /**
     * An option without properties.
     *
     * @param option the service and variant, {@code "Lambda (arm64)"}, {@code "EC2"}
     * @param configuration what was chosen, {@code "2 × c6g.4xlarge, 730 h"}
     * @param monthlyCost exact monthly cost, empty when the option cannot run the workload
     * @param cannotRun why not, empty when it can
     * @param alwaysOn whether capacity is paid for around the clock (sized for the peak)
     */
    public ComputeOption(String option, String configuration, Optional<BigDecimal> monthlyCost,
            Optional<String> cannotRun, boolean alwaysOn) {
        this(option, configuration, monthlyCost, cannotRun, alwaysOn, java.util.Set.of());
    }

    /**
     * Checks the components and keeps immutable copies of its collections.
     *
     * @param option the service and variant, {@code "Lambda (arm64)"}, {@code "EC2"}
     * @param configuration what was chosen, {@code "2 × c6g.4xlarge, 730 h"}
     * @param monthlyCost exact monthly cost, empty when the option cannot run the workload
     * @param cannotRun why not, empty when it can
     * @param alwaysOn whether capacity is paid for around the clock (sized for the peak)
     * @param properties what the option has that a workload may require or exclude (cold starts, no autoscaling,
     *     Windows, ...), in their declared order
     */
    public ComputeOption {
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(monthlyCost, "monthlyCost");
        Objects.requireNonNull(cannotRun, "cannotRun");
        properties = properties.isEmpty() ? java.util.Set.of()
                : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(properties));
    }

    static ComputeOption priced(String option, String configuration, BigDecimal cost, boolean alwaysOn,
            java.util.Set<Sizing.Property> properties) {
        return new ComputeOption(option, configuration, Optional.of(cost), Optional.empty(), alwaysOn, properties);
    }

    static ComputeOption impossible(String option, String reason, boolean alwaysOn) {
        return new ComputeOption(option, "-", Optional.empty(), Optional.of(reason), alwaysOn);
    }

    static ComputeOption impossible(String option, String reason, boolean alwaysOn,
            java.util.Set<Sizing.Property> properties) {
        return new ComputeOption(option, "-", Optional.empty(), Optional.of(reason), alwaysOn, properties);
    }

    /** @return whether the option can run the workload */
    public boolean canRun() {
        return monthlyCost.isPresent();
    }

    /** @return the options that can run it, cheapest first, then the others in the given order */
    static List<ComputeOption> ranked(List<ComputeOption> options) {
        List<ComputeOption> out = new java.util.ArrayList<>(options.stream().filter(ComputeOption::canRun)
                .sorted(java.util.Comparator.comparing(o -> o.monthlyCost().orElseThrow())).toList());
        options.stream().filter(o -> !o.canRun()).forEach(out::add);
        return out;
    }
}
