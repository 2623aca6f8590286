package io.github.computecost.ecs;

import io.github.computecost.compute.Calendar;
import io.github.computecost.limits.Severity;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.limits.Violation;
import io.github.computecost.money.Amounts;
import io.github.computecost.pricing.TableSchema;
import io.github.computecost.service.Entry;
import io.github.computecost.service.InstanceHours;
import io.github.computecost.service.InstanceHours.InstanceShape;
import io.github.computecost.service.LimitChecks;
import io.github.computecost.service.MeteredResource;
import io.github.computecost.service.Service;
import io.github.computecost.service.ServiceContext;
import io.github.computecost.service.Sizing;
import io.github.computecost.service.SizingRequest;
import io.github.computecost.service.UsageRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Amazon ECS on EC2 as the estimator knows it: workload type {@code ecs-ec2}, a service's tasks bin-packed onto
 * container instances of one type (see the package description), its limits, and its place in {@code compare}.
 * ECS is free; the resource's line items are the EC2 instances'. Stateless and thread-safe.
 */
public final class EcsOnEc2Service implements Service<EcsTasksOnEc2> {

    /** The one instance. */
    public static final EcsOnEc2Service INSTANCE = new EcsOnEc2Service();

    /** AWS service code of ECS's table (limits and packing rules; no prices: ECS on EC2 is free). */
    public static final String TABLE = "AmazonECS";

    /** The CPU units of one vCPU, for compare's tasks. */
    static final int COMPARE_TASK_CPU_UNITS = 1024;

    private static final Set<String> KEYS = Set.of("region", "instanceType", "taskCpuUnits", "taskMemoryMib", "tasks",
            "hoursPerMonth", "reservedMemoryMib");

    private EcsOnEc2Service() {
    }

    @Override
    public String type() {
        return EcsTasksOnEc2.TYPE;
    }

    @Override
    public Set<String> entryKeys() {
        return KEYS;
    }

    @Override
    public Class<EcsTasksOnEc2> resourceType() {
        return EcsTasksOnEc2.class;
    }

    @Override
    public String title() {
        return "Amazon ECS on EC2";
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    @Override
    public List<TableSchema<?>> schemas() {
        return List.of(EcsTables.SCHEMA);
    }

    /** Priced where the instances are: the regions of the instance catalog's table. */
    @Override
    public String regionTable(ServiceContext context) {
        return context.instances().map(InstanceHours::table).orElse(TABLE);
    }

    @Override
    public EcsTasksOnEc2 read(Entry r) {
        r.allowOnly(entryKeys());
        return tasks(r, r.string("name"), r.nonNegativeInt("taskCpuUnits", 0), r.positiveInt("taskMemoryMib"));
    }

    /**
     * The keys of where and how long the tasks run, read the same way from a workload entry and from a task
     * definition's usage entry: {@code region}, {@code instanceType}, {@code tasks}, {@code hoursPerMonth},
     * {@code reservedMemoryMib}.
     */
    static EcsTasksOnEc2 tasks(Entry r, String name, int cpuUnits, int memoryMib) {
        return tasks(r, name, cpuUnits, memoryMib, 1);
    }

    /** @param defaultTasks the tasks when the entry gives none (a template service's DesiredCount) */
    static EcsTasksOnEc2 tasks(Entry r, String name, int cpuUnits, int memoryMib, int defaultTasks) {
        Optional<Integer> reserved = r.has("reservedMemoryMib") ? Optional.of(r.nonNegativeInt("reservedMemoryMib"))
                : Optional.empty();
        BigDecimal hours = r.has("hoursPerMonth") ? r.positive("hoursPerMonth") : Calendar.HOURS_PER_MONTH;
        String type = r.string("instanceType");
        int tasks = r.positiveInt("tasks", defaultTasks);
        return r.step("hoursPerMonth", () -> new EcsTasksOnEc2(name, r.optString("region"), type, cpuUnits, memoryMib,
                tasks, hours, reserved));
    }

    @Override
    public ValidationReport check(EcsTasksOnEc2 s, ServiceContext context) {
        EcsTables t = context.tables(EcsTables.SCHEMA);
        List<Violation> out = new ArrayList<>(0);
        if (s.taskCpuUnits() > 0) {
            LimitChecks.range(out, s.name(), title(), t.taskCpuUnits(), "taskCpuUnits",
                    BigDecimal.valueOf(s.taskCpuUnits()), "ecs.task.cpu");
        }
        Optional<InstanceShape> shape = LimitChecks.instanceShape(out, "ecs.instance-type", s.name(), "instanceType",
                Optional.of(s.instanceType()), context.instances());
        if (shape.isEmpty()) {
            return new ValidationReport(out);
        }
        EcsPacking p = EcsPacking.of(s, shape.get(), t);
        if (!p.fits()) {
            out.add(new Violation("ecs.task.fit", Severity.ERROR, s.name(), "taskMemoryMib",
                    s.taskMemoryMib() + " MiB / " + s.taskCpuUnits() + " CPU units",
                    p.memoryMibPerInstance() + " MiB / " + p.cpuUnitsPerInstance() + " CPU units", s.name()
                            + ": one task (" + s.taskCpuUnits() + " CPU units, " + s.taskMemoryMib() + " MiB) does not "
                            + "fit on " + s.instanceType() + ", which offers tasks " + p.cpuUnitsPerInstance()
                            + " CPU units and " + p.memoryMibPerInstance() + " MiB (" + p.reservedMemoryMib()
                            + " MiB reserved for the agent and the system)"));
        }
        return new ValidationReport(out);
    }

    @Override
    public MeteredResource meter(EcsTasksOnEc2 s, ServiceContext context) {
        InstanceHours instances = context.requireInstances();
        InstanceShape shape = instances.shape(s.instanceType()).orElseThrow();
        EcsPacking p = EcsPacking.of(s, shape, context.tables(EcsTables.SCHEMA));
        BigDecimal hours = BigDecimal.valueOf(p.instances()).multiply(s.hoursPerMonth());
        String reservation = s.reservedMemoryMib().isPresent() ? "as given"
                : "5 % of the installed memory, AWS's recommended buffer for the agent and the system";
        return new MeteredResource(s.name(), EcsTasksOnEc2.TYPE, instances.table(), context.region(),
                List.of(new UsageRecord(shape.linuxUsageType(), hours, true)),
                List.of(s.tasks() + " tasks of " + s.taskCpuUnits() + " CPU units and " + s.taskMemoryMib() + " MiB, "
                        + p.tasksPerInstance() + " per " + s.instanceType() + " (" + p.cpuUnitsPerInstance()
                        + " CPU units, " + p.memoryMibPerInstance() + " MiB after " + p.reservedMemoryMib()
                        + " MiB reserved, " + reservation + "): " + p.instances() + " instances × "
                        + Amounts.plain(s.hoursPerMonth()) + " h. ECS itself is free."));
    }

    @Override
    public Optional<io.github.computecost.service.TemplateMapping<EcsTasksOnEc2>> templates() {
        return Optional.of(EcsTemplates.TEMPLATE);
    }

    @Override
    public Optional<io.github.computecost.service.DocumentMapping<EcsTasksOnEc2>> documents() {
        return Optional.of(EcsTemplates.TASK_DEFINITION);
    }

    @Override
    public Optional<Sizing> sizing() {
        return SIZING;
    }

    private static final Optional<Sizing> SIZING = Optional.of(Sizing.of(List.of("ECS on EC2"), true, Optional.empty(),
            EcsOnEc2Service::options));

    /**
     * Tasks that each hold the concurrent requests one vCPU serves at their memory (at least one request), with the
     * CPU share Lambda would give that memory, packed onto every instance type of the catalog without GPUs;
     * {@code compare} keeps the cheapest.
     */
    private static List<Sizing.Option> options(SizingRequest w, ServiceContext context) {
        String label = "ECS on EC2";
        if (w.needsGpu()) {
            return List.of(Sizing.Option.cannot(label, true, "ECS on EC2 is sized here on instances without GPUs"));
        }
        if (w.needsWindows()) {
            return List.of(Sizing.Option.cannot(label, true, "ECS on EC2 is sized here on Linux container instances"));
        }
        Optional<InstanceHours> instances = context.instances();
        if (instances.isEmpty()) {
            return List.of(Sizing.Option.cannot(label, true, "the price book has no EC2 instances"));
        }
        EcsTables t = context.tables(EcsTables.SCHEMA);
        BigDecimal perTask = SizingRequest.MB_PER_VCPU.divide(BigDecimal.valueOf(w.memoryMb()), 0, RoundingMode.FLOOR)
                .max(BigDecimal.ONE);
        int taskMemory = perTask.multiply(BigDecimal.valueOf(w.memoryMb())).intValueExact();
        long tasks = w.peakConcurrency().divide(perTask, 0, RoundingMode.CEILING).max(BigDecimal.ONE).longValueExact();
        int cpu = BigDecimal.valueOf(taskMemory).multiply(BigDecimal.valueOf(COMPARE_TASK_CPU_UNITS))
                .divide(SizingRequest.MB_PER_VCPU, 0, RoundingMode.CEILING).intValueExact();
        if (tasks > Integer.MAX_VALUE) {
            return List.of(Sizing.Option.cannot(label, true, "more tasks than one service holds"));
        }
        List<Sizing.Candidate> out = new ArrayList<>();
        for (InstanceShape shape : instances.get().shapes()) {
            if (shape.gpus().signum() > 0) {
                continue;
            }
            EcsTasksOnEc2 s = EcsTasksOnEc2.builder(w.name()).instanceType(shape.type()).taskCpuUnits(cpu).taskMemoryMib(taskMemory).tasks((int) tasks).build()
                    .withRegion(w.region());
            EcsPacking p = EcsPacking.of(s, shape, t);
            if (!p.fits() || !t.taskCpuUnits().accepts(BigDecimal.valueOf(cpu))) {
                continue;
            }
            out.add(new Sizing.Candidate(tasks + (tasks == 1 ? " task × " : " tasks × ") + cpu + " CPU units / " + taskMemory + " MiB on "
                    + p.instances() + " × " + shape.type() + ", " + Calendar.HOURS_PER_MONTH + " h", s,
                    Optional.empty()));
        }
        return List.of(new Sizing.Option(label, true, out, "no instance type of the catalog holds one task in this "
                + "region"));
    }
}
