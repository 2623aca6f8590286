package io.github.computecost.cli;

import io.github.computecost.spec.Workload;

/** What {@code estimate} says of entries that are questions for other commands, not resources. */
final class Questions {

    private Questions() {
    }

    /**
     * Refuses, naming them, the service-neutral workloads and memory tunings of a file given to {@code estimate}:
     * they have no price of their own, and nothing is skipped silently.
     */
    static void refuse(Workload w, String file) {
        if (!w.plans().isEmpty()) {
            throw new BadInputException(file + ": " + w.plans().get(0).name() + ": a service-neutral workload (type: "
                    + "workload) has no price of its own; use compare to price it on every service that can run it");
        }
        if (!w.tunings().isEmpty()) {
            throw new BadInputException(file + ": " + w.tunings().get(0).name() + ": a memory-tuning entry has no price "
                    + "of its own; use tune-memory");
        }
    }
}
