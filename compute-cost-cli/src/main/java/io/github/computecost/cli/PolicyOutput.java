package io.github.computecost.cli;

import io.github.computecost.budget.Policy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** A policy's failures, one line each, naming the policy file, the rule and the resource. */
final class PolicyOutput {

    private PolicyOutput() {
    }

    static void print(PrintWriter err, Path policy, List<Policy.Failure> failures) {
        for (Policy.Failure f : failures) {
            err.println("compute-cost: policy " + policy + ": " + f.rule() + ": " + f.message());
        }
    }
}
