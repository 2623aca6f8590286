package io.github.computecost.pricing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A price an estimate needs and the price book does not have: no source gives it, so it is absent rather
 * than copied from another region or architecture.
 *
 * @param resource the resource that needs it, when known
 * @param service the table's service, {@code "AWSLambda"}
 * @param region the region code, {@code "eu-central-1"}
 * @param usageType AWS's usage type with its region prefix, {@code "EUC1-Lambda-Provisioned-Concurrency-ARM"}; empty
 *     when the price book has no table of the service at all ({@link #isWholeTable()})
 * @param beyond when only part of the quantity lacks a price: the first unit without one (the sources give
 *     the price of the first tier only); empty when the usage type has no price at all
 */
public record MissingPrice(Optional<String> resource, String service, String region, String usageType,
        Optional<java.math.BigDecimal> beyond) {
    /**
     * Checks the components.
     *
     * @param resource the resource that needs it, when known
     * @param service the table's service, {@code "AWSLambda"}
     * @param region the region code, {@code "eu-central-1"}
     * @param usageType AWS's usage type with its region prefix, {@code "EUC1-Lambda-Provisioned-Concurrency-ARM"};
     *     empty when the price book has no table of the service at all ({@link #isWholeTable()})
     * @param beyond when only part of the quantity lacks a price: the first unit without one (the sources give the
     *     price of the first tier only); empty when the usage type has no price at all
     */
    public MissingPrice {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(usageType, "usageType");
        Objects.requireNonNull(beyond, "beyond");
    }

    /**
     * A usage type with no price at all.
     *
     * @param resource the resource that needs it, when known
     * @param region the region code, {@code "eu-central-1"}
     * @param usageType AWS's usage type with its region prefix, {@code "EUC1-Lambda-Provisioned-Concurrency-ARM"};
     *     empty when the price book has no table of the service at all ({@link #isWholeTable()})
     * @param service the table's service, {@code "AWSLambda"}
     */
    public MissingPrice(Optional<String> resource, String service, String region, String usageType) {
        this(resource, service, region, usageType, Optional.empty());
    }

    /**
     * @param resource the resource that needs it
     * @param service the table's service, which the price book lacks
     * @param region the region the resource runs in
     * @return a whole table missing: every price of a service
     */
    public static MissingPrice table(String resource, String service, String region) {
        return new MissingPrice(Optional.of(resource), service, region, "");
    }

    /** @return whether the price book has no table of the service at all */
    public boolean isWholeTable() {
        return usageType.isEmpty();
    }

    /**
     * @param name the resource's name
     * @return the same missing price, needed by {@code name}
     */
    public MissingPrice forResource(String name) {
        return new MissingPrice(Optional.of(name), service, region, usageType, beyond);
    }

    /**
     * @return one line naming the resource, the usage type and the region, for example
     *     {@code checkout: no price for EUC1-Lambda-Provisioned-Concurrency-ARM (AWSLambda, eu-central-1) ...}
     */
    public String message() {
        return message(List.of(this));
    }

    /**
     * @param missing the missing prices, in the order found
     * @return one line per resource (in order of first appearance), each naming every price it lacks: a resource is
     *     refused once, whatever it lacks
     */
    public static List<String> messages(List<MissingPrice> missing) {
        Map<Optional<String>, List<MissingPrice>> byResource = new LinkedHashMap<>();
        for (MissingPrice m : missing) {
            List<MissingPrice> l = byResource.computeIfAbsent(m.resource(), k -> new ArrayList<>());
            if (!l.contains(m)) {
                l.add(m);
            }
        }
        List<String> out = new ArrayList<>();
        byResource.values().forEach(l -> out.add(message(l)));
        return out;
    }

    private static String message(List<MissingPrice> same) {
        MissingPrice first = same.get(0);
        if (first.isWholeTable()) {
            return first.resource.map(r -> r + ": ").orElse("") + "the price book has no " + first.service
                    + " table, so nothing of " + first.service + " can be priced in " + first.region;
        }
        StringBuilder what = new StringBuilder();
        Map<String, List<MissingPrice>> byPlace = new LinkedHashMap<>();
        for (MissingPrice m : same) {
            byPlace.computeIfAbsent(m.service + ", " + m.region, k -> new ArrayList<>()).add(m);
        }
        for (Map.Entry<String, List<MissingPrice>> e : byPlace.entrySet()) {
            if (what.length() > 0) {
                what.append("; ");
            }
            for (int i = 0; i < e.getValue().size(); i++) {
                MissingPrice m = e.getValue().get(i);
                what.append(i == 0 ? "" : ", ").append(m.usageType)
                        .append(m.beyond.map(b -> " beyond the first " + b.toPlainString() + " units a month").orElse(""));
            }
            what.append(" (").append(e.getKey()).append(")");
        }
        return first.resource.map(r -> r + ": ").orElse("") + "no price for " + what + ": no source the bundled tables are built from gives it, and compute-cost never copies a price "
                + "from another region or architecture";
    }
}
