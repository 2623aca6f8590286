package io.github.computecost.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.computecost.limits.Severity;
import io.github.computecost.limits.Violation;
import io.github.computecost.service.DocumentMapping;
import io.github.computecost.service.EcsTaskDefinitions;
import io.github.computecost.service.Entry;
import io.github.computecost.service.TemplateMapping;
import io.github.computecost.service.TemplateResource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * ECS task definitions for the EC2 launch type alone, in templates ({@code AWS::ECS::TaskDefinition}) and as
 * {@code register-task-definition} documents: the task's CPU and memory from the definition (task level, else the sum
 * of its containers'), the instance type and the number of tasks from the usage entry. A definition that also
 * requires Fargate, or states no compatibility, is Fargate's. Stateless.
 */
final class EcsTemplates {

    /** The keys of a task definition's usage entry. */
    static final Set<String> USAGE = Set.of("region", "instanceType", "tasks", "hoursPerMonth", "reservedMemoryMib");

    private EcsTemplates() {
    }

    /** ECS on EC2's task definitions: those that require EC2 and not FARGATE. */
    private static final EcsTaskDefinitions.Reader<EcsTasksOnEc2> READER = new EcsTaskDefinitions.Reader<>() {
        @Override
        public java.util.Set<String> usageKeys() {
            return USAGE;
        }

        @Override
        public boolean accepts(JsonNode properties, boolean pascal) {
            return EcsTaskDefinitions.forEc2Only(properties, pascal);
        }

        @Override
        public Optional<EcsTasksOnEc2> read(TemplateResource definition, boolean pascal) {
            return EcsTemplates.read(definition, pascal);
        }
    };

    static final TemplateMapping<EcsTasksOnEc2> TEMPLATE = EcsTaskDefinitions.template(READER);

    static final DocumentMapping<EcsTasksOnEc2> TASK_DEFINITION = EcsTaskDefinitions.document(
            "ECS task definition (EC2)", READER);

    private static Optional<EcsTasksOnEc2> read(TemplateResource t, boolean pascal) {
        String id = t.logicalId();
        JsonNode p = t.properties();
        String cpuKey = EcsTaskDefinitions.key("cpu", pascal);
        String memoryKey = EcsTaskDefinitions.key("memory", pascal);
        BigDecimal vcpu = BigDecimal.ZERO;
        BigDecimal gb = BigDecimal.ZERO;
        Optional<JsonNode> cpu = t.resolve(p.path(cpuKey)).filter(n -> !n.isMissingNode());
        Optional<JsonNode> memory = t.resolve(p.path(memoryKey)).filter(n -> !n.isMissingNode());
        if (cpu.isPresent()) {
            vcpu = EcsTaskDefinitions.vcpu(t, cpuKey, cpu.get().asText());
        }
        if (memory.isPresent()) {
            gb = EcsTaskDefinitions.memoryGb(t, memoryKey, memory.get().asText());
        }
        // Without task-level values, the containers' reservations add up (ECS's rule for the EC2 launch type).
        for (JsonNode c : p.path(EcsTaskDefinitions.key("containerDefinitions", pascal))) {
            if (cpu.isEmpty()) {
                vcpu = vcpu.add(BigDecimal.valueOf(c.path(EcsTaskDefinitions.key("cpu", pascal)).asLong(0))
                        .divide(BigDecimal.valueOf(1024)));
            }
            if (memory.isEmpty()) {
                JsonNode soft = c.path(EcsTaskDefinitions.key("memoryReservation", pascal));
                JsonNode hard = c.path(EcsTaskDefinitions.key("memory", pascal));
                gb = gb.add(BigDecimal.valueOf(soft.isNumber() ? soft.asLong() : hard.asLong(0))
                        .divide(BigDecimal.valueOf(1024)));
            }
        }
        int cpuUnits = vcpu.multiply(BigDecimal.valueOf(1024)).setScale(0, RoundingMode.CEILING).intValueExact();
        int memoryMib = gb.multiply(BigDecimal.valueOf(1024)).setScale(0, RoundingMode.CEILING).intValueExact();
        if (memoryMib < 1) {
            t.report(new Violation("template.unknown", Severity.ERROR, id, memoryKey, "unknown",
                    "task or container memory", id + ": the task definition gives no memory to pack its tasks by"));
            return Optional.empty();
        }
        Optional<Entry> u = t.usage();
        Optional<List<String>> group = pascal ? EcsTaskDefinitions.capacityGroup(t) : Optional.empty();
        if (group.isPresent()) {
            // The instances are the group's, priced as the group: pricing them again here would bill them twice.
            if (u.isPresent() && u.get().has("instanceType")) {
                throw u.get().error("instanceType", "is for container instances outside the template; " + id
                        + "'s tasks run on Auto Scaling group " + group.get().get(2) + " (capacity provider "
                        + group.get().get(1) + "), whose instances are priced as the group");
            }
            t.pricedWith(group.get().get(2), "ECS service " + group.get().get(0) + " runs its tasks on the instances "
                    + "of Auto Scaling group " + group.get().get(2) + " (capacity provider " + group.get().get(1)
                    + "), which are priced as the group; the tasks cost nothing of their own");
            return Optional.empty();
        }
        if (u.isEmpty() || !u.get().has("instanceType")) {
            t.report(new Violation("template.ecs.instance-type", Severity.ERROR, id, "instanceType", "missing",
                    "the container instances' EC2 type in the usage file", id + ": a task definition for EC2 runs on "
                            + "container instances: give instanceType (and tasks) in its usage entry"));
            return Optional.empty();
        }
        Entry use = u.get();
        use.allowOnly(USAGE);
        int tasks = 1;
        if (pascal && !use.has("tasks")) {
            EcsTaskDefinitions.ServiceLookup lookup = EcsTaskDefinitions.services(t, false);
            if (lookup.unknown()) {
                return Optional.empty(); // reported
            }
            if (lookup.run().isPresent()) {
                tasks = lookup.run().get().desiredCount();
                if (tasks == 0) {
                    t.report(new Violation("template.ecs.no-tasks", Severity.WARNING, id, "DesiredCount", "0",
                            "at least 1 task", id + ": its services run no task (DesiredCount 0), so no container "
                                    + "instance is priced for it"));
                    return Optional.empty();
                }
            }
        }
        return Optional.of(EcsOnEc2Service.tasks(use, t.name(), cpuUnits, memoryMib, tasks));
    }
}
