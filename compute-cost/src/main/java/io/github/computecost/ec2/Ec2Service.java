package io.github.computecost.ec2;

import io.github.computecost.compute.OperatingSystem;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.pricing.TableSchema;
import io.github.computecost.service.Entry;
import io.github.computecost.service.FixedPointMeter;
import io.github.computecost.service.MeteredResource;
import io.github.computecost.service.PriceListMapping;
import io.github.computecost.service.Service;
import io.github.computecost.service.ServiceContext;
import io.github.computecost.service.Sizing;
import io.github.computecost.service.TemplateMapping;
import io.github.computecost.service.SizingRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Amazon EC2 on-demand instances as the estimator knows them: workload type {@code ec2}, the instance catalog and
 * per-second meter, sizing for {@code compare} from the whole catalog, and the products of the AmazonEC2 offer that
 * are priced (shared tenancy, no pre-installed software, Linux or Windows). Stateless and thread-safe.
 */
public final class Ec2Service implements Service<Ec2Instance> {

    /** The one instance. */
    public static final Ec2Service INSTANCE = new Ec2Service();

    /** AWS Price List service code of EC2's table (and of its offer). */
    public static final String TABLE = "AmazonEC2";
    /**
     * The table of observed Spot prices ({@code SpotUsage:m5.large}), made from AWS's Spot price history by
     * {@link Ec2SpotPrices}; none is bundled, since no source gives a price that holds.
     */
    public static final String SPOT_TABLE = "AmazonEC2Spot";

    private static final Set<String> KEYS = Set.of("region", "instanceType", "operatingSystem", "count", "hoursPerMonth",
            "spotDiscountPercent", "spot");

    private Ec2Service() {
    }

    @Override
    public String type() {
        return Ec2Instance.TYPE;
    }

    @Override
    public Set<String> entryKeys() {
        return KEYS;
    }

    @Override
    public Class<Ec2Instance> resourceType() {
        return Ec2Instance.class;
    }

    @Override
    public String title() {
        return "Amazon EC2";
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE, SPOT_TABLE);
    }

    /** EC2 rents the instances that ECS tasks, Batch jobs and Lambda Managed Instances run on. */
    @Override
    public Optional<io.github.computecost.service.InstanceHours> instanceHours(
            io.github.computecost.pricing.PriceBook prices) {
        return Ec2InstanceHours.of(prices);
    }

    @Override
    public List<TableSchema<?>> schemas() {
        return List.of(Ec2Tables.SCHEMA);
    }

    @Override
    public Ec2Instance read(Entry r) {
        r.allowOnly(entryKeys());
        OperatingSystem os = r.parse("operatingSystem", OperatingSystem::parse, OperatingSystem.LINUX);
        int count = r.nonNegativeInt("count", 1);
        BigDecimal hours = r.nonNegative("hoursPerMonth", Ec2Instance.HOURS_PER_MONTH);
        Optional<BigDecimal> spot = r.optNonNegative("spotDiscountPercent");
        String type = r.string("instanceType");
        boolean observed = r.bool("spot", false);
        return r.step(r.has("spotDiscountPercent") ? "spotDiscountPercent" : "hoursPerMonth",
                () -> new Ec2Instance(r.string("name"), r.optString("region"), type, os, count, hours, spot, observed));
    }

    @Override
    public ValidationReport check(Ec2Instance i, ServiceContext context) {
        return Ec2Catalog.check(i, context.tables(Ec2Tables.SCHEMA),
                Optional.ofNullable(context.prices().service(TABLE).regions().get(context.region())), context.region());
    }

    @Override
    public MeteredResource meter(Ec2Instance i, ServiceContext context) {
        return Ec2Meter.meter(i, context.tables(Ec2Tables.SCHEMA), context.region());
    }

    /** EKS managed node groups: their nodes are EC2 instances. */
    @Override
    public Optional<TemplateMapping<Ec2Instance>> templates() {
        return Optional.of(Ec2Templates.INSTANCE);
    }

    /** Spot prices as AWS observed them: {@code aws ec2 describe-spot-price-history} output. */
    @Override
    public Optional<io.github.computecost.service.ObservedPrices> observedPrices() {
        return Optional.of(Ec2SpotPrices.OBSERVED);
    }

    private static final Optional<FixedPointMeter<Ec2Instance>> FIXED_POINT =
            Optional.of(Ec2FastPath.INSTANCE);

    @Override
    public Optional<FixedPointMeter<Ec2Instance>> fixedPoint() {
        return FIXED_POINT;
    }

    @Override
    public Optional<Sizing> sizing() {
        return SIZING;
    }

    private static final Optional<Sizing> SIZING = Optional.of(Sizing.of(List.of("EC2"), true,
            Optional.of("EC2 t3, t3a, t4g"), java.util.EnumSet.of(Sizing.Property.WINDOWS, Sizing.Property.GPU),
            Ec2Service::options));

    @Override
    public List<PriceListMapping> priceList() {
        return List.of(new PriceListMapping(TABLE, TABLE, false, false, Ec2Service::priced));
    }

    /**
     * EC2 products priced: shared tenancy, no pre-installed software, used capacity, Linux or Windows operations.
     * An EC2 offer holds hundreds of products of each usage type we price (other operating systems, software,
     * tenancies); the importer drops the others as it reads them.
     */
    static boolean priced(Map<String, String> attrs) {
        String op = attrs.getOrDefault("operation", "");
        String tenancy = attrs.getOrDefault("tenancy", "");
        String software = attrs.getOrDefault("preinstalledsw", "");
        String capacity = attrs.getOrDefault("capacitystatus", "");
        return (tenancy.isEmpty() || tenancy.equals("Shared")) && (software.isEmpty() || software.equals("NA"))
                && (capacity.isEmpty() || capacity.equals("Used"))
                && (op.equals("RunInstances") || op.equals("RunInstances:0002"));
    }

    /** Every type of the catalog that holds the peak, all month; {@code compare} keeps the cheapest. */
    private static List<Sizing.Option> options(SizingRequest w, ServiceContext context) {
        String label = "EC2";
        Ec2Tables t = context.tables(Ec2Tables.SCHEMA);
        Optional<io.github.computecost.pricing.RegionPrices> prices = Optional.ofNullable(
                context.prices().service(TABLE).regions().get(w.region()));
        OperatingSystem os = w.needsWindows() ? OperatingSystem.WINDOWS : OperatingSystem.LINUX;
        boolean anyGpu = false;
        List<Sizing.Candidate> out = new ArrayList<>();
        for (Ec2Tables.Ec2InstanceType type : t.instanceTypes().values()) {
            if (!type.hasSpecs()) {
                continue; // no source gives this type's specs: it cannot be sized
            }
            // A GPU workload needs a type with GPUs; any other is not sized onto one (its GPUs would be paid idle).
            boolean hasGpu = type.hasGpus().orElse(false);
            anyGpu |= hasGpu;
            if (w.needsGpu() ? !hasGpu : (type.hasGpus().isEmpty() || hasGpu)) {
                continue;
            }
            long n = w.units(type.vcpu().get(), type.memoryGib().get());
            if (n > Integer.MAX_VALUE) {
                continue;
            }
            Ec2Instance i = Ec2Instance.builder(w.name()).instanceType(type.type()).count((int) n).build().withOperatingSystem(os).withRegion(w.region());
            if (Ec2Catalog.check(i, t, prices, w.region()).hasErrors()) {
                continue;
            }
            String kind = type.burstable().orElse(false) ? ", burstable" : "";
            String gpu = hasGpu ? ", " + type.gpus().get().toPlainString() + " GPU" + type.gpuName().map(g -> " " + g)
                    .orElse("") : "";
            out.add(new Sizing.Candidate(n + " × " + type.type() + " (" + os + kind + gpu + "), "
                    + Ec2Instance.HOURS_PER_MONTH + " h", i, Optional.empty()));
        }
        if (out.isEmpty() && w.needsGpu() && !anyGpu) {
            return List.of(Sizing.Option.cannot(label, true, "the EC2 catalog has no GPU instance types"));
        }
        return List.of(new Sizing.Option(label, true, out, "no EC2 price for this region and system"
                + (w.needsGpu() ? " with GPUs" : "")));
    }
}
