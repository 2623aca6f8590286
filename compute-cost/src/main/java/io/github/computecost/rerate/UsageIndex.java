package io.github.computecost.rerate;

import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.PriceTable;
import io.github.computecost.pricing.RegionPrices;
import io.github.computecost.pricing.ServicePrices;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Finds the price table of a usage type as bills write it ({@code USE2-Lambda-GB-Second}). Immutable. */
final class UsageIndex {

    /** Where a billed usage type is priced. */
    record Target(String service, String region, String baseUsageType) {
    }

    private static final Pattern PREFIX = Pattern.compile("[A-Z]+[0-9]*-");

    private final Map<String, Target> exact = new HashMap<>();
    private final Map<String, Target> global = new HashMap<>();
    /** Every table's usage type as the engine's line items name it, by where it is priced. */
    private final Map<Target, String> usageTypes = new HashMap<>();

    UsageIndex(PriceBook prices) {
        for (ServicePrices sp : prices.services().values()) {
            for (RegionPrices r : sp.regions().values()) {
                for (PriceTable t : r.tables().values()) {
                    Target target = new Target(sp.service(), r.code(), t.baseUsageType());
                    usageTypes.put(target, t.usageType());
                    if (r.code().equals(RegionPrices.GLOBAL)) {
                        global.put(t.baseUsageType(), target);
                    } else {
                        exact.putIfAbsent(t.usageType(), target);
                    }
                }
            }
        }
    }

    /**
     * @return the usage type of the table at {@code target}, as the rating engine's line items name it (a what-if's
     *     target may have no table: its base usage type then)
     */
    String usageType(Target target) {
        return usageTypes.getOrDefault(target, target.baseUsageType());
    }

    /**
     * @return the table that prices a billed usage type, if any. Not memoised here: the re-rater keeps the answer
     *     for each distinct usage type it meets (on the line's bytes, before any String is made).
     */
    Optional<Target> find(String usageType) {
        Target t = exact.get(usageType);
        if (t != null) {
            return Optional.of(t);
        }
        // Services priced once everywhere (Lambda@Edge, CloudFront) bill under the executing region's prefix.
        int dash = usageType.indexOf('-');
        if (dash > 0 && PREFIX.matcher(usageType.substring(0, dash + 1)).matches()) {
            t = global.get(usageType.substring(dash + 1));
        }
        if (t == null) {
            t = global.get(usageType);
        }
        return Optional.ofNullable(t);
    }
}
