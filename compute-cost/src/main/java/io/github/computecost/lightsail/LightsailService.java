package io.github.computecost.lightsail;

import io.github.computecost.limits.ValidationReport;
import io.github.computecost.pricing.TableSchema;
import io.github.computecost.service.Entry;
import io.github.computecost.service.FixedPointMeter;
import io.github.computecost.service.MeteredResource;
import io.github.computecost.service.PriceListMapping;
import io.github.computecost.service.Service;
import io.github.computecost.service.ServiceContext;
import io.github.computecost.service.Sizing;
import io.github.computecost.service.SizingRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Amazon Lightsail instances as the estimator knows them: workload type {@code lightsail}, plans by bundle id or
 * name, hourly up to the plan price, data-transfer overage; sizing for {@code compare}; the AmazonLightsail offer
 * (which carries hours, not whole-month prices). Stateless and thread-safe.
 */
public final class LightsailService implements Service<LightsailInstance> {

    /** The one instance. */
    public static final LightsailService INSTANCE = new LightsailService();

    /** AWS Price List service code of Lightsail's table (and of its offer). */
    public static final String TABLE = "AmazonLightsail";

    private static final Set<String> KEYS = Set.of("region", "bundle", "count", "hoursPerMonth", "dataTransferOutGb",
            "dataTransferInGb");

    private LightsailService() {
    }

    @Override
    public String type() {
        return LightsailInstance.TYPE;
    }

    @Override
    public Set<String> entryKeys() {
        return KEYS;
    }

    @Override
    public Class<LightsailInstance> resourceType() {
        return LightsailInstance.class;
    }

    @Override
    public String title() {
        return "Amazon Lightsail";
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    @Override
    public List<TableSchema<?>> schemas() {
        return List.of(LightsailTables.SCHEMA);
    }

    @Override
    public LightsailInstance read(Entry r) {
        r.allowOnly(entryKeys());
        return usage(r, r.string("name"), r.string("bundle"));
    }

    /**
     * @return instances of {@code bundle} with the entry's count, hours, data transfer and region (a workload entry's,
     *     or a template resource's usage entry)
     */
    static LightsailInstance usage(Entry r, String name, String bundle) {
        int count = r.nonNegativeInt("count", 1);
        Optional<BigDecimal> hours = r.optNonNegative("hoursPerMonth");
        BigDecimal out = r.nonNegative("dataTransferOutGb", BigDecimal.ZERO);
        BigDecimal in = r.nonNegative("dataTransferInGb", BigDecimal.ZERO);
        return r.step("hoursPerMonth", () -> new LightsailInstance(name, r.optString("region"), bundle, count, hours,
                out, in));
    }

    @Override
    public ValidationReport check(LightsailInstance i, ServiceContext context) {
        return LightsailMeter.check(i, context.tables(LightsailTables.SCHEMA));
    }

    @Override
    public MeteredResource meter(LightsailInstance i, ServiceContext context) {
        return LightsailMeter.meter(i, context.tables(LightsailTables.SCHEMA), context.region(),
                Optional.ofNullable(context.prices().service(TABLE).regions().get(context.region())));
    }

    private static final Optional<FixedPointMeter<LightsailInstance>> FIXED_POINT =
            Optional.of(LightsailFastPath.INSTANCE);

    @Override
    public Optional<FixedPointMeter<LightsailInstance>> fixedPoint() {
        return FIXED_POINT;
    }

    @Override
    public Optional<io.github.computecost.service.TemplateMapping<LightsailInstance>> templates() {
        return Optional.of(LightsailTemplates.INSTANCE);
    }

    @Override
    public Optional<Sizing> sizing() {
        return SIZING;
    }

    private static final Optional<Sizing> SIZING = Optional.of(Sizing.of(List.of("Lightsail"), true,
            Optional.of("Lightsail plans"), java.util.EnumSet.of(Sizing.Property.NO_AUTOSCALING),
            LightsailService::options));

    /** The offer carries hours; the whole-month plan prices and the IPv6-only plans' hours are kept as bundled. */
    @Override
    public List<PriceListMapping> priceList() {
        return List.of(new PriceListMapping(TABLE, TABLE, false, true, attributes -> true));
    }

    /** Every plan of the platform that holds the peak, kept all month; {@code compare} keeps the cheapest. */
    private static List<Sizing.Option> options(SizingRequest w, ServiceContext context) {
        String label = "Lightsail";
        if (w.needsGpu()) {
            return List.of(Sizing.Option.cannot(label, true, "Lightsail plans have no GPUs"));
        }
        String platform = w.needsWindows() ? "windows" : "linux";
        List<Sizing.Candidate> out = new ArrayList<>();
        for (LightsailTables.Plan plan : context.tables(LightsailTables.SCHEMA).plans().values()) {
            // An IPv6-only plan cannot serve the IPv4 internet: only where the workload allows it.
            if (!platform.equals(plan.platform()) || !plan.publicIpv4() && !w.ipv6OnlyAllowed()) {
                continue;
            }
            long n = w.units(plan.vcpu(), plan.memoryGb());
            if (n > Integer.MAX_VALUE) {
                continue;
            }
            LightsailInstance l = new LightsailInstance(w.name(), Optional.of(w.region()), plan.id(), (int) n,
                    Optional.empty(), BigDecimal.ZERO, BigDecimal.ZERO);
            out.add(new Sizing.Candidate(n + " × " + plan.name() + " (" + plan.id() + "), all month", l, Optional.empty()));
        }
        return List.of(new Sizing.Option(label, true, out, "no Lightsail plan for this region"));
    }
}
