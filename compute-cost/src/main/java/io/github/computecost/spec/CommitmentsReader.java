package io.github.computecost.spec;

import io.github.computecost.commitment.Commitments;
import io.github.computecost.commitment.OfferingClass;
import io.github.computecost.commitment.Payment;
import io.github.computecost.commitment.ReservedInstance;
import io.github.computecost.commitment.SavingsPlan;
import io.github.computecost.commitment.SavingsPlanType;
import io.github.computecost.commitment.Term;
import io.github.computecost.internal.FieldException;
import io.github.computecost.internal.Json;
import io.github.computecost.service.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A workload file's commitments: {@code reservedInstances} and {@code savingsPlans} at its top level.
 *
 * <pre>
 * reservedInstances:
 *   - instanceType: m6i.large
 *     count: 4
 *     term: 3y                  # 1y | 3y
 *     offering: standard        # standard (default) | convertible
 *     payment: partial-upfront  # no-upfront | partial-upfront | all-upfront
 *     region: us-east-1         # default: the file's region
 *     operatingSystem: linux    # linux (default) | windows
 *     tenancy: shared           # shared (default) | dedicated
 * savingsPlans:
 *   - type: compute             # compute | ec2-instance (then instanceFamily and region)
 *     term: 1y
 *     payment: no-upfront
 *     commitmentPerHour: "1.50" # in the rates' currency per hour
 * usageProfiles:                # how the usage commitments apply to is spread over the hours (flat otherwise)
 *   - resources: [api]
 *     daily: [1, 1, ...]        # 24 weights from 00:00 UTC, or weekly: 168 from Monday 00:00
 * </pre>
 */
final class CommitmentsReader {

    static final List<String> RESERVED_KEYS = List.of("instanceType", "count", "term", "offering", "payment", "region",
            "operatingSystem", "tenancy");
    static final List<String> PLAN_KEYS = List.of("type", "term", "payment", "commitmentPerHour", "instanceFamily",
            "region");
    static final List<String> PROFILE_KEYS = List.of("resources", "daily", "weekly");

    private CommitmentsReader() {
    }

    static Commitments read(Json.Obj top, Optional<String> fileRegion) {
        List<ReservedInstance> ris = new ArrayList<>();
        if (top.has("reservedInstances")) {
            for (Json.Obj o : top.objArray("reservedInstances")) {
                o.allowOnly(java.util.Set.copyOf(RESERVED_KEYS));
                Entry e = Entry.of(o.node(), o.path());
                String region = e.optString("region").or(() -> fileRegion).orElseThrow(() -> new FieldException(
                        o.pathOf("region"), "is required when the file names no region"));
                String os = e.has("operatingSystem") ? e.oneOf("operatingSystem", "linux", "windows") : "linux";
                ris.add(e.step(null, () -> new ReservedInstance(e.string("instanceType"), region,
                        e.positiveInt("count"),
                        e.parse("term", Term::parse), e.parse("offering", OfferingClass::parse, OfferingClass.STANDARD),
                        e.parse("payment", Payment::parse), os.equals("windows") ? "Windows" : "Linux",
                        e.has("tenancy") ? capitalised(e.oneOf("tenancy", "shared", "dedicated")) : "Shared")));
            }
        }
        List<SavingsPlan> plans = new ArrayList<>();
        if (top.has("savingsPlans")) {
            for (Json.Obj o : top.objArray("savingsPlans")) {
                o.allowOnly(java.util.Set.copyOf(PLAN_KEYS));
                Entry e = Entry.of(o.node(), o.path());
                plans.add(e.step(null, () -> new SavingsPlan(e.parse("type", SavingsPlanType::parse),
                        e.parse("term", Term::parse), e.parse("payment", Payment::parse),
                        e.positive("commitmentPerHour"), e.optString("instanceFamily"), e.optString("region"))));
            }
        }
        List<io.github.computecost.commitment.UsageProfile> profiles = new ArrayList<>();
        if (top.has("usageProfiles")) {
            for (Json.Obj o : top.objArray("usageProfiles")) {
                o.allowOnly(java.util.Set.copyOf(PROFILE_KEYS));
                if (o.has("daily") == o.has("weekly")) {
                    throw new FieldException(o.path(), "gives daily (24 weights) or weekly (168 weights, from Monday "
                            + "00:00 UTC), one of them");
                }
                String key = o.has("daily") ? "daily" : "weekly";
                List<java.math.BigDecimal> weights = new ArrayList<>();
                com.fasterxml.jackson.databind.JsonNode list = o.node().get(key);
                if (list == null || !list.isArray()) {
                    throw new FieldException(o.pathOf(key), "must be a list of numbers");
                }
                for (int i = 0; i < list.size(); i++) {
                    com.fasterxml.jackson.databind.JsonNode w = list.get(i);
                    try {
                        if (!w.isNumber() && !w.isTextual()) {
                            throw new NumberFormatException();
                        }
                        weights.add(w.isNumber() ? w.decimalValue() : new java.math.BigDecimal(w.asText().strip()));
                    } catch (NumberFormatException e) {
                        throw new FieldException(o.pathOf(key) + "[" + i + "]", "must be a number, was " + w);
                    }
                }
                List<String> names = o.stringArray("resources");
                profiles.add(Entry.of(o.node(), o.path()).step(null,
                        () -> new io.github.computecost.commitment.UsageProfile(names, weights)));
            }
        }
        try {
            return new Commitments(ris, plans, profiles);
        } catch (IllegalArgumentException e) {
            throw new FieldException("$.usageProfiles", e.getMessage());
        }
    }

    private static String capitalised(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
