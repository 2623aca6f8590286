package io.github.computecost.fargate;

import io.github.computecost.compute.Architecture;
import io.github.computecost.compute.OperatingSystem;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.money.Amounts;
import io.github.computecost.pricing.TableSchema;
import io.github.computecost.service.DocumentMapping;
import io.github.computecost.service.Entry;
import io.github.computecost.service.FixedPointMeter;
import io.github.computecost.service.MeteredResource;
import io.github.computecost.service.PriceListMapping;
import io.github.computecost.service.Service;
import io.github.computecost.service.ServiceContext;
import io.github.computecost.service.Sizing;
import io.github.computecost.service.SizingRequest;
import io.github.computecost.service.TemplateMapping;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * AWS Fargate (for Amazon ECS) as the estimator knows it: workload type {@code fargate}, its task sizes and meter,
 * on demand and Spot, its CloudFormation resource and ECS task definitions, its sizing for {@code compare}, its
 * Price List offer (AmazonECS) and its Arm usage types. Stateless and thread-safe.
 */
public final class FargateService implements Service<FargateTask> {

    /** The one instance. */
    public static final FargateService INSTANCE = new FargateService();

    /** AWS Price List service code of Fargate's on-demand table. */
    public static final String TABLE = "AmazonECSFargate";
    /** The service code of Fargate Spot's table. */
    public static final String SPOT_TABLE = "AmazonECSFargateSpot";
    /** The offer Fargate's on-demand prices come in. */
    static final String OFFER = "AmazonECS";

    private static final Set<String> KEYS = Set.of("region", "architecture", "operatingSystem", "vcpu", "memoryGb",
            "ephemeralStorageGb", "tasks", "hoursPerMonth", "runsPerMonth", "runDurationSeconds", "spot");
    /** The keys of a workload entry that say how long tasks run, which a template's usage entry shares. */
    static final Set<String> USAGE = Set.of("region", "tasks", "hoursPerMonth", "runsPerMonth", "runDurationSeconds",
            "spot");

    private FargateService() {
    }

    @Override
    public String type() {
        return FargateTask.TYPE;
    }

    @Override
    public Set<String> entryKeys() {
        return KEYS;
    }

    @Override
    public Class<FargateTask> resourceType() {
        return FargateTask.class;
    }

    @Override
    public String title() {
        return "AWS Fargate";
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE, SPOT_TABLE);
    }

    @Override
    public List<TableSchema<?>> schemas() {
        return List.of(FargateTables.SCHEMA);
    }

    @Override
    public FargateTask read(Entry r) {
        r.allowOnly(entryKeys());
        Architecture arch = r.parse("architecture", Architecture::parse, Architecture.X86_64);
        OperatingSystem os = r.parse("operatingSystem", OperatingSystem::parse, OperatingSystem.LINUX);
        FargateTask.Usage usage = usage(r);
        BigDecimal vcpu = r.positive("vcpu");
        BigDecimal memory = r.positive("memoryGb");
        int storage = r.positiveInt("ephemeralStorageGb", 20);
        return new FargateTask(r.string("name"), r.optString("region"), arch, os, vcpu, memory, storage, usage,
                r.bool("spot", false));
    }

    /**
     * How long tasks run, read the same way from a workload entry and from a template's usage entry: either
     * {@code tasks} and {@code hoursPerMonth} (tasks side by side; 1 task all month by default) or
     * {@code runsPerMonth} and {@code runDurationSeconds} (short runs), never both.
     */
    static FargateTask.Usage usage(Entry r) {
        boolean runs = r.has("runsPerMonth") || r.has("runDurationSeconds");
        if (runs) {
            if (r.has("tasks") || r.has("hoursPerMonth")) {
                throw r.error("give either tasks and hoursPerMonth (tasks running side by side) or runsPerMonth and "
                        + "runDurationSeconds (short runs), not both");
            }
            long count = r.nonNegativeLong("runsPerMonth");
            BigDecimal seconds = r.nonNegative("runDurationSeconds");
            return r.step("runDurationSeconds", () -> new FargateTask.Runs(count, seconds));
        }
        int tasks = r.nonNegativeInt("tasks", 1);
        BigDecimal hours = r.nonNegative("hoursPerMonth", FargateTask.HOURS_PER_MONTH);
        return r.step("hoursPerMonth", () -> new FargateTask.Running(tasks, hours));
    }

    @Override
    public ValidationReport check(FargateTask task, ServiceContext context) {
        return FargateLimits.check(task, context.tables(FargateTables.SCHEMA));
    }

    @Override
    public MeteredResource meter(FargateTask task, ServiceContext context) {
        return FargateMeter.meter(task, context.tables(FargateTables.SCHEMA), context.region());
    }

    /** Fargate runs the container tasks of AWS Batch jobs. */
    @Override
    public Optional<io.github.computecost.service.ContainerTasks> containerTasks(
            io.github.computecost.pricing.PriceBook prices) {
        return FargateContainerTasks.of(prices);
    }

    @Override
    public Optional<TemplateMapping<FargateTask>> templates() {
        return Optional.of(FargateTemplates.TEMPLATE);
    }

    @Override
    public Optional<DocumentMapping<FargateTask>> documents() {
        return Optional.of(FargateTemplates.TASK_DEFINITION);
    }

    /** Fargate Spot prices as AWS's Spot price feed publishes them, over the bundled snapshot. */
    @Override
    public Optional<io.github.computecost.service.ObservedPrices> observedPrices() {
        return Optional.of(FargateSpotFeed.INSTANCE);
    }

    private static final Optional<FixedPointMeter<FargateTask>> FIXED_POINT =
            Optional.of(FargateFastPath.INSTANCE);

    @Override
    public Optional<FixedPointMeter<FargateTask>> fixedPoint() {
        return FIXED_POINT;
    }

    @Override
    public Optional<Sizing> sizing() {
        return SIZING;
    }

    private static final Optional<Sizing> SIZING = Optional.of(Sizing.of(List.of("Fargate"), true,
            Optional.empty(), java.util.EnumSet.of(Sizing.Property.WINDOWS), FargateService::options));

    @Override
    public List<PriceListMapping> priceList() {
        return List.of(PriceListMapping.of(OFFER, TABLE));
    }

    @Override
    public Map<String, String> armEquivalents() {
        String x86 = FargateMeter.kind(false, Architecture.X86_64);
        String arm = FargateMeter.kind(false, Architecture.ARM64);
        return Map.of(FargateMeter.vcpuHours(false, x86), FargateMeter.vcpuHours(false, arm),
                FargateMeter.gbHours(false, x86), FargateMeter.gbHours(false, arm));
    }

    /** Every task size and architecture that holds the peak, all month; {@code compare} keeps the cheapest. */
    private static List<Sizing.Option> options(SizingRequest w, ServiceContext context) {
        String label = "Fargate";
        if (w.needsGpu()) {
            return List.of(Sizing.Option.cannot(label, true, "Fargate has no GPUs"));
        }
        FargateTables t = context.tables(FargateTables.SCHEMA);
        OperatingSystem os = w.needsWindows() ? OperatingSystem.WINDOWS : OperatingSystem.LINUX;
        List<Sizing.Candidate> out = new ArrayList<>();
        for (FargateTables.FargateSize size : t.sizes()) {
            for (BigDecimal gb : size.memoryGb()) {
                long n = w.units(size.vcpu(), gb);
                if (n > Integer.MAX_VALUE) {
                    continue;
                }
                for (Architecture a : w.needsWindows() ? new Architecture[] {Architecture.X86_64} : Architecture.values()) {
                    FargateTask task = new FargateTask(w.name(), Optional.of(w.region()), a, os, size.vcpu(), gb, 20,
                            new FargateTask.Running((int) n, FargateTask.HOURS_PER_MONTH), false);
                    if (FargateLimits.check(task, t).hasErrors()) {
                        continue;
                    }
                    out.add(new Sizing.Candidate(n + " × " + Amounts.plain(size.vcpu()) + " vCPU / " + Amounts.plain(gb)
                            + " GB " + os + "/" + a.awsName() + ", " + FargateTask.HOURS_PER_MONTH + " h", task,
                            Optional.empty()));
                }
            }
        }
        return List.of(new Sizing.Option(label, true, out, "no Fargate price for this region"));
    }
}
