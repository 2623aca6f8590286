package io.github.computecost.fargate;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.computecost.compute.Architecture;
import io.github.computecost.compute.OperatingSystem;
import io.github.computecost.limits.Severity;
import io.github.computecost.limits.Violation;
import io.github.computecost.service.DocumentMapping;
import io.github.computecost.service.EcsTaskDefinitions;
import io.github.computecost.service.Entry;
import io.github.computecost.service.TemplateMapping;
import io.github.computecost.service.TemplateResource;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Fargate tasks in CloudFormation templates ({@code AWS::ECS::TaskDefinition}, PascalCase) and in ECS task
 * definitions ({@code register-task-definition} or {@code describe-task-definition} JSON, camelCase): task-level
 * CPU and memory, platform and ephemeral storage from the definition; how long tasks run from the usage entry, read
 * as a workload entry reads it. Only definitions that require FARGATE compatibility are priced. Stateless.
 */
final class FargateTemplates {

    /** Fargate's task definitions: those that require FARGATE, or state no compatibility. */
    private static final EcsTaskDefinitions.Reader<FargateTask> READER = new EcsTaskDefinitions.Reader<>() {
        @Override
        public java.util.Set<String> usageKeys() {
            return FargateService.USAGE;
        }

        @Override
        public boolean accepts(JsonNode properties, boolean pascal) {
            return EcsTaskDefinitions.forFargate(properties, pascal);
        }

        @Override
        public Optional<FargateTask> read(TemplateResource definition, boolean pascal) {
            return FargateTemplates.readAll(definition, pascal).stream().findFirst();
        }

        @Override
        public List<FargateTask> readAll(TemplateResource definition, boolean pascal) {
            return FargateTemplates.readAll(definition, pascal);
        }
    };

    /** What names the Fargate Spot part of a task definition whose services split it: {@code Task/FARGATE_SPOT}. */
    static final String SPOT_PART = "/FARGATE_SPOT";

    static final TemplateMapping<FargateTask> TEMPLATE = EcsTaskDefinitions.template(READER);

    static final DocumentMapping<FargateTask> TASK_DEFINITION = EcsTaskDefinitions.document("ECS task definition",
            READER);

    private FargateTemplates() {
    }

    /**
     * @return the task definition's tasks: one resource, or two when its services split them between FARGATE and
     *     FARGATE_SPOT ({@code Task} on-demand, {@code Task/FARGATE_SPOT} on Spot); empty when it cannot be priced
     */
    private static List<FargateTask> readAll(TemplateResource t, boolean pascal) {
        String id = t.logicalId();
        JsonNode p = t.properties();
        String cpuKey = pascal ? "Cpu" : "cpu";
        String memoryKey = pascal ? "Memory" : "memory";
        JsonNode compat = p.path(pascal ? "RequiresCompatibilities" : "requiresCompatibilities");
        boolean fargate = false;
        for (JsonNode c : compat) {
            fargate |= "FARGATE".equals(c.asText());
        }
        if (!fargate) {
            t.report(new Violation("template.not-fargate", Severity.WARNING, id, "requiresCompatibilities",
                    compat.toString(), "FARGATE", id + ": the task definition does not require FARGATE compatibility; "
                            + "only Fargate tasks are priced"));
            return List.of();
        }
        Optional<JsonNode> cpu = t.resolve(p.path(cpuKey)).filter(n -> !n.isMissingNode());
        Optional<JsonNode> memory = t.resolve(p.path(memoryKey)).filter(n -> !n.isMissingNode());
        if (cpu.isEmpty() || memory.isEmpty()) {
            t.report(new Violation("template.unknown", Severity.ERROR, id, cpuKey + "/" + memoryKey, "unknown",
                    "task-level cpu and memory", id + ": Fargate needs task-level " + cpuKey + " and " + memoryKey
                            + ", which are missing or cannot be resolved"));
            return List.of();
        }
        BigDecimal vcpu = EcsTaskDefinitions.vcpu(t, cpuKey, cpu.get().asText());
        BigDecimal gb = EcsTaskDefinitions.memoryGb(t, memoryKey, memory.get().asText());
        if (vcpu.signum() <= 0) {
            throw t.error(cpuKey, "must be more than 0, was \"" + cpu.get().asText() + "\"");
        }
        if (gb.signum() <= 0) {
            throw t.error(memoryKey, "must be more than 0, was \"" + memory.get().asText() + "\"");
        }
        JsonNode platform = p.path(pascal ? "RuntimePlatform" : "runtimePlatform");
        String archKey = pascal ? "CpuArchitecture" : "cpuArchitecture";
        String osKey = pascal ? "OperatingSystemFamily" : "operatingSystemFamily";
        String prefix = pascal ? "RuntimePlatform." : "runtimePlatform.";
        // ECS's values (RuntimePlatform): anything else is refused, never priced as Linux/x86.
        Optional<String> arch = t.oneOf(platform, archKey, List.of("X86_64", "ARM64"), prefix + archKey,
                "the task is not priced");
        Optional<String> osFamily = t.oneOf(platform, osKey, OS_FAMILIES, prefix + osKey, "the task is not priced");
        if (platform.has(archKey) && arch.isEmpty() || platform.has(osKey) && osFamily.isEmpty()) {
            return List.of(); // reported: Fargate's price depends on both
        }
        Architecture a = arch.filter("ARM64"::equals).isPresent() ? Architecture.ARM64 : Architecture.X86_64;
        OperatingSystem os = osFamily.orElse("LINUX").startsWith("WINDOWS") ? OperatingSystem.WINDOWS
                : OperatingSystem.LINUX;
        JsonNode ephemeral = p.path(pascal ? "EphemeralStorage" : "ephemeralStorage");
        String sizeKey = pascal ? "SizeInGiB" : "sizeInGiB";
        Optional<BigDecimal> size = ephemeral.has(sizeKey)
                ? t.number(ephemeral, sizeKey, "the task is not priced (its storage above 20 GiB is billed)")
                : Optional.of(BigDecimal.valueOf(20));
        if (size.isEmpty()) {
            return List.of();
        }
        int storage;
        try {
            storage = size.get().intValueExact();
        } catch (ArithmeticException e) {
            throw t.error((pascal ? "EphemeralStorage." : "ephemeralStorage.") + sizeKey,
                    "must be a whole number of GiB, was " + io.github.computecost.internal.Json.excerpt(
                            size.get().toPlainString()));
        }
        // The tasks: the usage file's, else the template's services' DesiredCount (always on), else one task
        // always on; a definition only a state machine, rule or schedule starts runs per run, priced by usage.
        FargateTask.Usage usage = new FargateTask.Running(1, FargateTask.HOURS_PER_MONTH);
        boolean spot = false;
        boolean split = false; // some tasks on FARGATE, the others on FARGATE_SPOT
        Optional<EcsTaskDefinitions.ServiceRun> services = Optional.empty();
        if (pascal) {
            EcsTaskDefinitions.ServiceLookup lookup = EcsTaskDefinitions.services(t);
            if (lookup.unknown()) {
                return List.of(); // reported
            }
            services = lookup.run();
            if (services.isPresent()) {
                usage = new FargateTask.Running(services.get().desiredCount(), FargateTask.HOURS_PER_MONTH);
                spot = services.get().spot();
                split = services.get().spotTasks() > 0 && !spot;
            } else if (!lookup.runners().isEmpty() && t.usage().isEmpty()) {
                t.report(new Violation("template.per-run", Severity.WARNING, id, "runsPerMonth", "unknown",
                        "runsPerMonth and runDurationSeconds in the usage file", id + ": started one run at a time by "
                                + String.join(", ", lookup.runners()) + ", not by a service: priced by its runs "
                                + "(give runsPerMonth and runDurationSeconds in the usage file)"));
                usage = new FargateTask.Runs(0, BigDecimal.ONE);
            }
        }
        Optional<String> region = Optional.empty();
        Optional<Entry> u = t.usage();
        if (u.isPresent()) {
            Entry use = u.get();
            use.allowOnly(FargateService.USAGE);
            region = use.optString("region");
            spot = use.bool("spot", spot);
            boolean runs = use.has("runsPerMonth") || use.has("runDurationSeconds");
            split &= !use.has("spot") && !use.has("tasks") && !runs; // the usage file's tasks and spot win
            if (services.isPresent() && !use.has("tasks") && !runs) {
                int n = services.get().desiredCount();
                BigDecimal hours = use.nonNegative("hoursPerMonth", FargateTask.HOURS_PER_MONTH);
                usage = use.step("hoursPerMonth", () -> new FargateTask.Running(n, hours));
            } else if (use.has("tasks") || use.has("hoursPerMonth") || runs || services.isEmpty()) {
                usage = FargateService.usage(use);
            }
        }
        FargateTask task = new FargateTask(t.name(), region, a, os, vcpu, gb, storage, usage, spot);
        if (split && usage instanceof FargateTask.Running r) {
            // The services' strategies place some tasks on FARGATE and the rest on FARGATE_SPOT: one part each.
            int onSpot = services.get().spotTasks();
            return List.of(task.withUsage(new FargateTask.Running(r.tasks() - onSpot, r.hoursPerMonth())),
                    new FargateTask(t.name() + SPOT_PART, region, a, os, vcpu, gb, storage,
                            new FargateTask.Running(onSpot, r.hoursPerMonth()), true));
        }
        return List.of(task);
    }

    /** ECS's operating system families (its API reference for RuntimePlatform, read 2026-12-02). */
    static final List<String> OS_FAMILIES = List.of("LINUX", "WINDOWS_SERVER_2016_FULL",
            "WINDOWS_SERVER_2019_CORE", "WINDOWS_SERVER_2019_FULL", "WINDOWS_SERVER_2022_CORE",
            "WINDOWS_SERVER_2022_FULL", "WINDOWS_SERVER_2025_CORE", "WINDOWS_SERVER_2025_FULL",
            "WINDOWS_SERVER_2004_CORE", "WINDOWS_SERVER_20H2_CORE");
}
