package io.github.computecost.ec2;

import io.github.computecost.compute.OperatingSystem;
import io.github.computecost.internal.Names;
import io.github.computecost.limits.Severity;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.limits.Violation;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.RegionPrices;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The EC2 instance catalog: which instance types exist, with which operating systems, in which regions.
 * Stateless and thread-safe.
 */
public final class Ec2Catalog {

    private Ec2Catalog() {
    }

    /** @return the usage type the catalog prices an instance type and operating system under */
    static String usageType(String instanceType, OperatingSystem os) {
        return "BoxUsage:" + instanceType + (os == OperatingSystem.WINDOWS ? "/RunInstances:0002" : "");
    }

    /** @return the usage type AWS bills Spot hours under: {@code SpotUsage:m5.large}, Windows with its operation */
    static String spotUsageType(String instanceType, OperatingSystem os) {
        return "SpotUsage:" + instanceType + (os == OperatingSystem.WINDOWS ? "/RunInstances:0002" : "");
    }

    /**
     * @param region the region the instances run in
     * @param i the instances to check
     * @param prices the price book whose catalog and prices they are checked against
     * @return every violation: an instance type the catalog lacks (with near matches), one not priced in the
     *     region, or an operating system it does not offer
     */
    public static ValidationReport validate(Ec2Instance i, PriceBook prices, String region) {
        return check(i, prices.tables(Ec2Tables.SCHEMA),
                Optional.ofNullable(prices.service(Ec2Service.TABLE).regions().get(region)), region);
    }

    static ValidationReport check(Ec2Instance i, Ec2Tables t, Optional<RegionPrices> prices, String region) {
        List<Violation> out = new ArrayList<>(1);
        Ec2Tables.Ec2InstanceType type = t.instanceTypes().get(i.instanceType());
        if (type == null) {
            out.add(new Violation("ec2.instance-type", Severity.ERROR, i.name(), "instanceType", i.instanceType(),
                    "an instance type in the catalog", i.name() + ": unknown instance type \"" + i.instanceType()
                            + "\"" + Names.nearest(i.instanceType(), t.instanceTypes().keySet())));
            return new ValidationReport(out);
        }
        if (i.operatingSystem() == OperatingSystem.WINDOWS
                && !type.architecture().map(t.windowsArchitectures()::contains).orElse(false)) {
            out.add(new Violation("ec2.windows.architecture", Severity.ERROR, i.name(), "operatingSystem", "windows",
                    "linux", i.name() + ": " + i.instanceType() + " is an arm64 (Graviton) type; Windows runs on x86 "
                            + "instance types only"));
            return new ValidationReport(out);
        }
        String usage = i.operatingSystem() == OperatingSystem.WINDOWS ? type.windowsUsageType() : type.linuxUsageType();
        if (prices.isPresent() && !prices.get().tables().containsKey(usage)) {
            RegionPrices r = prices.get();
            out.add(new Violation("ec2.price.missing", Severity.ERROR, i.name(), "operatingSystem",
                    i.operatingSystem().id(), "a priced combination", i.name() + ": the catalog has no "
                            + i.operatingSystem() + " price for " + i.instanceType() + " in " + region + " ("
                            + r.usageTypePrefix() + usageType(i.instanceType(), i.operatingSystem()) + "): no source "
                            + "the bundled tables are built from gives it"));
        }
        return out.isEmpty() ? ValidationReport.EMPTY : new ValidationReport(out);
    }
}
