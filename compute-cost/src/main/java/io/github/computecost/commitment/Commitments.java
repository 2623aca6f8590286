package io.github.computecost.commitment;

import java.util.List;

/**
 * The commitments a workload states it has bought (a workload file's {@code reservedInstances} and
 * {@code savingsPlans}).
 *
 * @param reservedInstances the Reserved Instances, applied in this order
 * @param savingsPlans the Savings Plans
 */
public record Commitments(List<ReservedInstance> reservedInstances, List<SavingsPlan> savingsPlans) {

    /** No commitments: everything at on-demand rates. */
    public static final Commitments NONE = new Commitments(List.of(), List.of());

    public Commitments {
        reservedInstances = List.copyOf(reservedInstances);
        savingsPlans = List.copyOf(savingsPlans);
    }

    /** @return whether there are none */
    public boolean isEmpty() {
        return reservedInstances.isEmpty() && savingsPlans.isEmpty();
    }
}
