package io.github.computecost.limits;

import java.util.Objects;
import java.util.Optional;

/**
 * The account's own values of quotas AWS raises on request, as the user states them; where one is empty
 * the documented default applies.
 *
 * @param lambdaConcurrentExecutions Lambda concurrent executions per region
 */
public record AccountQuotas(Optional<Long> lambdaConcurrentExecutions) {

    /** AWS's defaults everywhere. */
    public static final AccountQuotas DEFAULTS = new AccountQuotas(Optional.empty());

    public AccountQuotas {
        Objects.requireNonNull(lambdaConcurrentExecutions, "lambdaConcurrentExecutions");
        lambdaConcurrentExecutions.ifPresent(v -> {
            if (v < 1) {
                throw new IllegalArgumentException("lambdaConcurrentExecutions must be at least 1: " + v);
            }
        });
    }
}
