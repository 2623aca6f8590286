package io.github.computecost.estimate;

import io.github.computecost.limits.InvalidWorkloadException;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.limits.Violation;
import io.github.computecost.pricing.PriceUnavailableException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the estimator found about a set of resources, in one answer: every limit violation (of each resource
 * and of what they share), and the estimate of the resources AWS would accept, with those it could not price
 * listed as not priced. {@code estimate}, {@code validate}, {@code CostAssert} and library users all read this one
 * answer, so they cannot disagree.
 *
 * @param estimate the estimate of every resource without an error; resources that need a price the price book lacks
 *     are left out and listed in {@link Estimate#notPriced()}
 * @param violations every violation, resource by resource in the order given, then the shared ones; a resource with
 *     an error is not in the estimate
 */
public record Assessment(Estimate estimate, ValidationReport violations) {

    /**
     * Checks the components.
     *
     * @param estimate the estimate of every resource without an error; resources that need a price the price book lacks
     *     are left out and listed in {@link Estimate#notPriced()}
     * @param violations every violation, resource by resource in the order given, then the shared ones; a resource with
     *     an error is not in the estimate
     */
    public Assessment {
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(violations, "violations");
    }

    /** @return whether AWS would accept every resource (warnings allowed) */
    public boolean isValid() {
        return violations.isValid();
    }

    /** @return whether every resource was priced: valid, and no price missing */
    public boolean isComplete() {
        return isValid() && estimate.notPriced().isEmpty();
    }

    /** @return the names of the resources left out because AWS would reject them, in order, without repeats */
    public List<String> rejected() {
        Set<String> out = new LinkedHashSet<>();
        for (Violation v : violations.errors()) {
            out.add(v.resource());
        }
        return new ArrayList<>(out);
    }

    /**
     * @return the estimate, when every resource was priced
     * @throws InvalidWorkloadException listing every error, when AWS would reject a resource
     * @throws PriceUnavailableException listing every missing price, when a resource needs one the price book lacks
     */
    public Estimate orThrow() {
        violations.orThrow();
        if (!estimate.notPriced().isEmpty()) {
            throw new PriceUnavailableException(estimate.notPriced());
        }
        return estimate;
    }
}
