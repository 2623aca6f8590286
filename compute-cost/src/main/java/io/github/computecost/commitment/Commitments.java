package io.github.computecost.commitment;

import java.util.List;

/**
 * The commitments a workload states it has bought (a workload file's {@code reservedInstances} and
 * {@code savingsPlans}).
 *
 * @param reservedInstances the Reserved Instances, applied in this order
 * @param savingsPlans the Savings Plans
 * @param profiles how the usage they apply to is spread over the hours ({@code usageProfiles}); flat when empty
 */
public record Commitments(List<ReservedInstance> reservedInstances, List<SavingsPlan> savingsPlans,
        List<UsageProfile> profiles) {

    /** No commitments: everything at on-demand rates. */
    public static final Commitments NONE = new Commitments(List.of(), List.of(), List.of());

    /**
     * Commitments over flat usage.
     *
     * @param reservedInstances the Reserved Instances, applied in this order
     * @param savingsPlans the Savings Plans
     */
    public Commitments(List<ReservedInstance> reservedInstances, List<SavingsPlan> savingsPlans) {
        this(reservedInstances, savingsPlans, List.of());
    }

    /**
     * Checks the components and keeps immutable copies of its collections.
     *
     * @param reservedInstances the Reserved Instances, applied in this order
     * @param savingsPlans the Savings Plans
     * @param profiles how the usage they apply to is spread over the hours ({@code usageProfiles}); flat when empty
     */
    public Commitments {
        reservedInstances = List.copyOf(reservedInstances);
        savingsPlans = List.copyOf(savingsPlans);
        profiles = List.copyOf(profiles);
        java.util.Set<String> named = new java.util.HashSet<>();
        for (UsageProfile p : profiles) {
            for (String r : p.resources()) {
                if (!named.add(r)) {
                    throw new IllegalArgumentException("resource \"" + r + "\" follows two usage profiles");
                }
            }
        }
    }

    /** @return whether there are none */
    public boolean isEmpty() {
        return reservedInstances.isEmpty() && savingsPlans.isEmpty();
    }
}
