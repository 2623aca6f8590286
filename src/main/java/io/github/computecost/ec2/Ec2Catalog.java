package io.github.computecost.ec2;

import io.github.computecost.compute.OperatingSystem;
import io.github.computecost.internal.Names;
import io.github.computecost.limits.Severity;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.limits.Violation;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.RegionPrices;
import io.github.computecost.pricing.ServicePrices;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The EC2 instance catalog: which instance types exist, with which operating systems, in which regions.
 * Stateless and thread-safe.
 */
public final class Ec2Catalog {

    static final String SERVICE = "AmazonEC2";

    private Ec2Catalog() {
    }

    /** @return the usage type the catalog prices an instance type and operating system under */
    static String usageType(String instanceType, OperatingSystem os) {
        return "BoxUsage:" + instanceType + (os == OperatingSystem.WINDOWS ? "/RunInstances:0002" : "");
    }

    /**
     * @return every violation: an instance type the catalog lacks (with near matches), one not priced in the
     *     region, or an operating system it does not offer
     */
    public static ValidationReport validate(Ec2Instance i, PriceBook prices, String region) {
        ServicePrices sp = prices.service(SERVICE);
        List<Violation> out = new ArrayList<>();
        Map<String, String> attrs = sp.catalog().get(i.instanceType());
        if (attrs == null) {
            out.add(new Violation("ec2.instance-type", Severity.ERROR, i.name(), "instanceType", i.instanceType(),
                    "an instance type in the catalog", i.name() + ": unknown instance type \"" + i.instanceType()
                            + "\"" + Names.nearest(i.instanceType(), sp.catalog().keySet())));
            return new ValidationReport(out);
        }
        if (i.operatingSystem() == OperatingSystem.WINDOWS && !"x86_64".equals(attrs.get("architecture"))) {
            out.add(new Violation("ec2.windows.architecture", Severity.ERROR, i.name(), "operatingSystem", "windows",
                    "linux", i.name() + ": " + i.instanceType() + " is an arm64 (Graviton) type; Windows runs on x86 "
                            + "instance types only"));
            return new ValidationReport(out);
        }
        RegionPrices r = sp.regions().get(region);
        if (r != null && !r.tables().containsKey(usageType(i.instanceType(), i.operatingSystem()))) {
            out.add(new Violation("ec2.price.missing", Severity.ERROR, i.name(), "operatingSystem",
                    i.operatingSystem().id(), "a priced combination", i.name() + ": the catalog has no "
                            + i.operatingSystem() + " price for " + i.instanceType() + " in " + region + " ("
                            + r.usageTypePrefix() + usageType(i.instanceType(), i.operatingSystem()) + "): no source "
                            + "the bundled tables are built from gives it"));
        }
        return new ValidationReport(out);
    }
}
