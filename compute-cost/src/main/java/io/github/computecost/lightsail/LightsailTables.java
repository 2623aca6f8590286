package io.github.computecost.lightsail;

import io.github.computecost.pricing.TableBinder;
import io.github.computecost.pricing.TableSchema;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What Lightsail's checks, meter and sizing read from its table: the plans (bundles) with their specifications and
 * data-transfer allowance, and the month a plan's price covers. Bound when the price book loads the table.
 *
 * @param plans the plans, by bundle id, in the table's order
 * @param planMonthHours the hours of the month a plan's monthly price covers
 */
public record LightsailTables(Map<String, Plan> plans, BigDecimal planMonthHours) {

    /** Lightsail's schema, bound on its table. */
    public static final TableSchema<LightsailTables> SCHEMA = TableSchema.of(LightsailService.TABLE,
            LightsailTables::bind);

    /**
     * One plan.
     *
     * @param id AWS's bundle id, {@code "medium_3_0"}
     * @param name the readable name, {@code "Linux 4 GB"}
     * @param platform {@code linux} or {@code windows}
     * @param vcpu vCPUs
     * @param memoryGb memory, GB
     * @param transferAllowanceGb data transfer included per month (in and out), GB
     * @param hourlyUsageType the usage type of its hours where AWS's is known ({@code BundleUsage:4GB})
     * @param publicIpv4 whether it has a public IPv4 address (false for the IPv6-only plans)
     */
    public record Plan(String id, String name, String platform, BigDecimal vcpu, BigDecimal memoryGb,
            BigDecimal transferAllowanceGb, Optional<String> hourlyUsageType, boolean publicIpv4) {
        /**
         * Checks the components.
         *
         * @param id AWS's bundle id, {@code "medium_3_0"}
         * @param name the readable name, {@code "Linux 4 GB"}
         * @param platform {@code linux} or {@code windows}
         * @param vcpu vCPUs
         * @param memoryGb memory, GB
         * @param transferAllowanceGb data transfer included per month (in and out), GB
         * @param hourlyUsageType the usage type of its hours where AWS's is known ({@code BundleUsage:4GB})
         * @param publicIpv4 whether it has a public IPv4 address (false for the IPv6-only plans)
         */
        public Plan {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(platform, "platform");
        }

        /** @return the usage type of its hours: AWS's where known, else {@code BundleUsage:<bundle id>} */
        public String hoursUsageType() {
            return hourlyUsageType.orElse("BundleUsage:" + id);
        }

        /** @return the usage type of a whole month, at the plan price */
        public String monthUsageType() {
            return "BundleMonth:" + id;
        }
    }

    /**
     * Keeps immutable copies of its collections.
     *
     * @param plans the plans, by bundle id, in the table's order
     * @param planMonthHours the hours of the month a plan's monthly price covers
     */
    public LightsailTables {
        plans = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(plans));
    }

    private static LightsailTables bind(TableBinder t) {
        Map<String, Plan> plans = t.catalog(e -> new Plan(e.key(), e.string("name"), e.string("platform"),
                e.decimal("vcpu"), e.decimal("memoryGb"), e.decimal("transferAllowanceGb"), e.optString("hourlyUsageType"),
                e.string("publicIpv4").equals("true")));
        return new LightsailTables(plans, t.billingRule("planMonthHours"));
    }

    /**
     * @param bundle a bundle id ({@code "medium_3_0"}) or a readable name
     * @return the plan of a bundle id, or of a readable name (any case)
     */
    public Optional<Plan> plan(String bundle) {
        Plan p = plans.get(bundle);
        if (p != null) {
            return Optional.of(p);
        }
        return plans.values().stream().filter(x -> bundle.equalsIgnoreCase(x.name())).findFirst();
    }
}
