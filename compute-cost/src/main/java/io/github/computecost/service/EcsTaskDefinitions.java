package io.github.computecost.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.List;
import java.util.Optional;

/**
 * What an ECS task definition says the same way to every service that runs its tasks (Fargate, ECS on EC2): its
 * launch-type compatibilities and its CPU and memory as ECS writes them. A template's {@code AWS::ECS::TaskDefinition}
 * uses PascalCase keys, a {@code register-task-definition} document camelCase.
 */
public final class EcsTaskDefinitions {

    private EcsTaskDefinitions() {
    }

    /**
     * AWS::ECS::TaskDefinition's properties (CloudFormation's reference, read 2026-12-02), for the template reader's
     * check of misspelt properties.
     */
    public static final java.util.Map<String, java.util.Set<String>> PROPERTIES = java.util.Map.of(
            "AWS::ECS::TaskDefinition", java.util.Set.of("ContainerDefinitions", "Cpu", "EnableFaultInjection",
                    "EphemeralStorage", "ExecutionRoleArn", "Family", "InferenceAccelerators", "IpcMode", "Memory",
                    "NetworkMode", "PidMode", "PlacementConstraints", "ProxyConfiguration", "RequiresCompatibilities",
                    "RuntimePlatform", "Tags", "TaskRoleArn", "Volumes"),
            "AWS::ECS::TaskDefinition.RuntimePlatform", java.util.Set.of("CpuArchitecture", "OperatingSystemFamily"),
            "AWS::ECS::Service", java.util.Set.of("AvailabilityZoneRebalancing", "CapacityProviderStrategy",
                    "Cluster", "DeploymentConfiguration", "DeploymentController", "DesiredCount",
                    "EnableECSManagedTags", "EnableExecuteCommand", "ForceNewDeployment",
                    "HealthCheckGracePeriodSeconds", "LaunchType", "LoadBalancers", "Monitoring",
                    "NetworkConfiguration", "PlacementConstraints", "PlacementStrategies", "PlatformVersion",
                    "PropagateTags", "Role", "SchedulingStrategy", "ServiceConnectConfiguration", "ServiceName",
                    "ServiceRegistries", "Tags", "TaskDefinition", "VolumeConfigurations",
                    "VpcLatticeConfigurations"),
            "AWS::ECS::Service.CapacityProviderStrategy", java.util.Set.of("Base", "CapacityProvider", "Weight"),
            "AWS::ECS::TaskDefinition.EphemeralStorage", java.util.Set.of("SizeInGiB"));

    /**
     * The fields of a {@code register-task-definition} input and of the TaskDefinition that
     * {@code describe-task-definition} returns (ECS API reference, read 2026-12-02), and of the nested objects that
     * change a price.
     */
    static final java.util.Map<String, java.util.Set<String>> DOCUMENT_FIELDS = java.util.Map.of(
            "TaskDefinition", java.util.Set.of("compatibilities", "containerDefinitions", "cpu", "deleteRequestedAt",
                    "deregisteredAt", "enableFaultInjection", "ephemeralStorage", "executionRoleArn", "family",
                    "inferenceAccelerators", "ipcMode", "memory", "networkMode", "pidMode", "placementConstraints",
                    "proxyConfiguration", "registeredAt", "registeredBy", "requiresAttributes",
                    "requiresCompatibilities", "revision", "runtimePlatform", "status", "tags", "taskDefinitionArn",
                    "taskRoleArn", "volumes"),
            "TaskDefinition.runtimePlatform", java.util.Set.of("cpuArchitecture", "operatingSystemFamily"),
            "TaskDefinition.ephemeralStorage", java.util.Set.of("sizeInGiB"));

    /**
     * What a template's {@code AWS::ECS::Service}s that run one task definition say of its tasks.
     *
     * @param services the services' logical ids, in template order
     * @param desiredCount their tasks, added up ({@code DesiredCount}, 1 where a service gives none, as ECS does)
     * @param spotTasks how many of them their capacity provider strategies place on {@code FARGATE_SPOT}
     */
    public record ServiceRun(List<String> services, int desiredCount, int spotTasks) {
        /**
         * Checks the components and keeps immutable copies of its collections.
         *
         * @param services the services' logical ids, in template order
         * @param desiredCount their tasks, added up ({@code DesiredCount}, 1 where a service gives none, as ECS does)
         * @param spotTasks how many of them their capacity provider strategies place on {@code FARGATE_SPOT}
         */
        public ServiceRun {
            services = List.copyOf(services);
            if (spotTasks < 0 || spotTasks > desiredCount) {
                throw new IllegalArgumentException("spotTasks must be 0 to " + desiredCount + ": " + spotTasks);
            }
        }

        /** @return whether every task runs on Fargate Spot (and there is at least one) */
        public boolean spot() {
            return desiredCount > 0 && spotTasks == desiredCount;
        }
    }

    /** The types whose resources start a task definition's tasks one run at a time. */
    private static final java.util.Set<String> RUNNERS = java.util.Set.of("AWS::StepFunctions::StateMachine",
            "AWS::Serverless::StateMachine", "AWS::Events::Rule", "AWS::Scheduler::Schedule", "AWS::Pipes::Pipe");

    /**
     * @param t a task definition of a template
     * @return the services the stack creates that run it, if any: their desired count and launch. A service whose
     *     count or launch cannot be resolved is reported through {@code t} and makes it empty-handed:
     *     {@link Optional#empty()} inside {@code Result.unknown}
     */
    public static ServiceLookup services(TemplateResource t) {
        return services(t, true);
    }

    /**
     * @param t a task definition of a template
     * @param fargate whether its services' capacity provider strategies are read as Fargate's (for EC2 task
     *     definitions only their counts are read: their capacity providers are the user's Auto Scaling groups)
     * @return as {@link #services(TemplateResource)}
     */
    public static ServiceLookup services(TemplateResource t, boolean fargate) {
        List<String> ids = new java.util.ArrayList<>();
        int count = 0;
        int spotTasks = 0;
        List<String> runners = new java.util.ArrayList<>();
        String ref = "{\"Ref\":\"" + t.logicalId() + "\"}";
        for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = t.template().path("Resources").fields();
                it.hasNext(); ) {
            java.util.Map.Entry<String, JsonNode> r = it.next();
            String type = r.getValue().path("Type").asText();
            JsonNode p = r.getValue().path("Properties");
            if (RUNNERS.contains(type) && t.isCreated(r.getKey()) && (p.toString().contains(ref)
                    || p.toString().contains("[\"" + t.logicalId() + "\","))) {
                runners.add(r.getKey());
            }
            if (!type.equals("AWS::ECS::Service") || !t.isCreated(r.getKey()) || !runs(p, t)) {
                continue;
            }
            String where = "ECS service " + r.getKey();
            int desired = 1;
            if (p.has("DesiredCount")) {
                Optional<JsonNode> d = t.resolve(p.get("DesiredCount"));
                if (d.isEmpty()) {
                    t.unknown("DesiredCount", where + "'s task count is unknown, so the tasks are not priced (give tasks "
                            + "in the usage file)");
                    return ServiceLookup.UNKNOWN;
                }
                try {
                    desired = new java.math.BigDecimal(d.get().asText().strip()).intValueExact();
                } catch (NumberFormatException | ArithmeticException e) {
                    throw t.errorAt(r.getKey(), "DesiredCount", "must be a whole number of tasks, was \""
                            + io.github.computecost.internal.Json.excerpt(d.get().asText()) + "\"");
                }
                if (desired < 0) {
                    throw t.errorAt(r.getKey(), "DesiredCount", "must be 0 or more, was " + desired);
                }
            }
            Optional<Integer> onSpot = fargate ? spotTasks(t, r.getKey(), p, desired) : Optional.of(0);
            if (onSpot.isEmpty()) {
                return ServiceLookup.UNKNOWN;
            }
            spotTasks = Math.addExact(spotTasks, onSpot.get());
            ids.add(r.getKey());
            count = Math.addExact(count, desired);
            scaling(t, r.getKey(), desired);
        }
        return new ServiceLookup(ids.isEmpty() ? Optional.empty() : Optional.of(new ServiceRun(ids, count,
                spotTasks)), List.copyOf(runners), false);
    }

    /** @return whether a service's properties name the task definition: {@code TaskDefinition: !Ref Definition} */
    private static boolean runs(JsonNode service, TemplateResource t) {
        JsonNode d = service.path("TaskDefinition");
        return d.isObject() && d.size() == 1 && d.path("Ref").asText().equals(t.logicalId());
    }

    /**
     * The Auto Scaling group of the template whose instances a task definition's services run their tasks on: a
     * service's capacity provider strategy names an {@code AWS::ECS::CapacityProvider} of the template (by
     * {@code Ref}) whose {@code AutoScalingGroupProvider.AutoScalingGroupArn} names an
     * {@code AWS::AutoScaling::AutoScalingGroup} of the template. Those instances are priced as the group; the
     * tasks cost nothing of their own.
     *
     * @param t the task definition, in its template
     * @return the service, the capacity provider and the group's logical ids, if there is such a group
     */
    public static Optional<List<String>> capacityGroup(TemplateResource t) {
        JsonNode resources = t.template().path("Resources");
        for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            java.util.Map.Entry<String, JsonNode> r = it.next();
            JsonNode p = r.getValue().path("Properties");
            if (!r.getValue().path("Type").asText().equals("AWS::ECS::Service") || !t.isCreated(r.getKey())
                    || !runs(p, t)) {
                continue;
            }
            for (JsonNode s : p.path("CapacityProviderStrategy")) {
                String provider = s.path("CapacityProvider").path("Ref").asText("");
                JsonNode cp = resources.path(provider);
                if (provider.isEmpty() || !cp.path("Type").asText().equals("AWS::ECS::CapacityProvider")) {
                    continue;
                }
                JsonNode arn = cp.path("Properties").path("AutoScalingGroupProvider").path("AutoScalingGroupArn");
                String group = arn.path("Ref").asText(arn.path("Fn::GetAtt").path(0).asText(""));
                if (resources.path(group).path("Type").asText().equals("AWS::AutoScaling::AutoScalingGroup")
                        && t.isCreated(group)) {
                    return Optional.of(List.of(r.getKey(), provider, group));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Reports the range an Application Auto Scaling target gives a service ({@code MinCapacity} to
     * {@code MaxCapacity} tasks): the estimate stays at its DesiredCount, and says so.
     */
    private static void scaling(TemplateResource t, String service, int desired) {
        for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = t.template().path("Resources").fields();
                it.hasNext(); ) {
            java.util.Map.Entry<String, JsonNode> r = it.next();
            JsonNode p = r.getValue().path("Properties");
            String resourceId = p.path("ResourceId").toString();
            if (!r.getValue().path("Type").asText().equals("AWS::ApplicationAutoScaling::ScalableTarget")
                    || !"ecs".equals(t.resolve(p.path("ServiceNamespace")).map(JsonNode::asText).orElse(""))
                    || !(resourceId.contains("[\"" + service + "\",\"Name\"]")
                            || resourceId.contains("${" + service + ".Name}"))) {
                continue;
            }
            String min = t.resolve(p.path("MinCapacity")).map(JsonNode::asText).orElse("?");
            String max = t.resolve(p.path("MaxCapacity")).map(JsonNode::asText).orElse("?");
            t.report(new io.github.computecost.limits.Violation("template.range",
                    io.github.computecost.limits.Severity.WARNING, t.logicalId(), "DesiredCount",
                    Integer.toString(desired), "a task count", t.logicalId() + ": ECS service " + service + " scales "
                            + "from " + min + " to " + max + " tasks (scalable target " + r.getKey() + "); priced at its "
                            + "DesiredCount, " + desired + " (give tasks in the usage file for another count)"));
        }
    }

    /**
     * How many of a service's tasks its capacity provider strategy places on {@code FARGATE_SPOT}, as ECS places
     * them: the {@code Base} tasks on the one provider that has a base, the rest split in the ratio of the
     * providers' {@code Weight}s (a single provider takes every task). A split that does not come out in whole
     * tasks (3 tasks at 1:1) depends on the order ECS places them in, which it does not document: it is reported,
     * and the tasks are not priced, rather than rounded one way.
     *
     * @return the Spot tasks, or empty (reported) when they cannot be told
     */
    private static Optional<Integer> spotTasks(TemplateResource t, String service, JsonNode p, int desired) {
        JsonNode strategy = p.path("CapacityProviderStrategy");
        if (!strategy.isArray() || strategy.isEmpty()) {
            return Optional.of(0); // LaunchType FARGATE, or the cluster's default strategy: On-Demand
        }
        String path = "CapacityProviderStrategy";
        long[] base = new long[2]; // FARGATE, FARGATE_SPOT
        long[] weight = new long[2];
        int bases = 0;
        java.util.Set<Integer> named = new java.util.HashSet<>();
        for (int i = 0; i < strategy.size(); i++) {
            JsonNode s = strategy.get(i);
            Optional<JsonNode> provider = t.resolve(s.path("CapacityProvider"));
            String name = provider.map(JsonNode::asText).orElse("");
            if (!name.equals("FARGATE") && !name.equals("FARGATE_SPOT")) {
                t.unknown(path, "ECS service " + service + " uses capacity provider \""
                        + io.github.computecost.internal.Json.excerpt(name) + "\", not FARGATE or FARGATE_SPOT, so its "
                        + "tasks are not priced as Fargate");
                return Optional.empty();
            }
            int k = name.equals("FARGATE") ? 0 : 1;
            named.add(k);
            Optional<Long> b = whole(t, service, s, "Base", path + "[" + i + "].Base");
            Optional<Long> w = whole(t, service, s, "Weight", path + "[" + i + "].Weight");
            if (b.isEmpty() || w.isEmpty()) {
                return Optional.empty(); // reported
            }
            bases += b.get() > 0 ? 1 : 0;
            base[k] += b.get();
            weight[k] += w.get();
        }
        if (bases > 1) {
            throw t.errorAt(service, path, "only one capacity provider in a strategy can have a Base, as ECS requires");
        }
        if (named.size() == 1) {
            return Optional.of(named.contains(1) ? desired : 0); // one provider takes every task
        }
        if (weight[0] + weight[1] == 0) {
            throw t.errorAt(service, path, "at least one capacity provider must have a Weight above 0, as ECS "
                    + "requires when a strategy names several");
        }
        long onBase = Math.min(desired, base[0] + base[1]);
        long rest = desired - onBase;
        long spotOfRest = rest * weight[1];
        if (spotOfRest % (weight[0] + weight[1]) != 0) {
            long low = spotOfRest / (weight[0] + weight[1]);
            t.report(new io.github.computecost.limits.Violation("template.ecs.split",
                    io.github.computecost.limits.Severity.WARNING, t.logicalId(), path, weight[0] + ":" + weight[1],
                    "a split in whole tasks", t.logicalId() + ": ECS service " + service + " splits " + rest
                            + (rest == 1 ? " task " : " tasks ") + weight[0] + ":" + weight[1] + " between FARGATE "
                            + "and FARGATE_SPOT, which places " + low + " or " + (low + 1) + " on Spot in an order "
                            + "ECS does not document, so its tasks are not priced (give tasks and spot in the usage "
                            + "file)"));
            return Optional.empty();
        }
        return Optional.of((int) ((base[1] > 0 ? onBase : 0) + spotOfRest / (weight[0] + weight[1])));
    }

    /** @return a strategy item's whole, non-negative {@code key} (0 when absent), empty (reported) if unresolved */
    private static Optional<Long> whole(TemplateResource t, String service, JsonNode item, String key, String path) {
        if (!item.has(key)) {
            return Optional.of(0L);
        }
        Optional<JsonNode> v = t.resolve(item.get(key));
        if (v.isEmpty()) {
            t.unknown(path, "ECS service " + service + "'s split between FARGATE and FARGATE_SPOT is unknown, so "
                    + "its tasks are not priced");
            return Optional.empty();
        }
        try {
            long n = new BigDecimal(v.get().asText().strip()).longValueExact();
            if (n < 0 || n > 100_000) {
                throw new ArithmeticException();
            }
            return Optional.of(n);
        } catch (NumberFormatException | ArithmeticException e) {
            throw t.errorAt(service, path, "must be a whole number from 0 to 100000, was \""
                    + io.github.computecost.internal.Json.excerpt(v.get().asText()) + "\"");
        }
    }

    /**
     * @param run the services that run the task definition, if any
     * @param runners the resources that start it one run at a time (a state machine, a rule, a schedule)
     * @param unknown whether a service's count or launch could not be resolved (reported)
     */
    public record ServiceLookup(Optional<ServiceRun> run, List<String> runners, boolean unknown) {
        static final ServiceLookup UNKNOWN = new ServiceLookup(Optional.empty(), List.of(), true);
    }

    /**
     * @param camel the key in camelCase ({@code "cpu"})
     * @param pascal whether the definition is a template's (PascalCase)
     * @return the key as the definition spells it: {@code "Cpu"} in a template, {@code "cpu"} in a document
     */
    public static String key(String camel, boolean pascal) {
        return pascal ? Character.toUpperCase(camel.charAt(0)) + camel.substring(1) : camel;
    }

    /**
     * @param properties the definition's properties
     * @param pascal whether its keys are PascalCase (a template)
     * @param launchType {@code "FARGATE"} or {@code "EC2"}
     * @return whether its {@code requiresCompatibilities} names the launch type
     */
    public static boolean requires(JsonNode properties, boolean pascal, String launchType) {
        for (JsonNode c : properties.path(key("requiresCompatibilities", pascal))) {
            if (launchType.equals(c.asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param properties the definition
     * @param pascal whether the definition is a template's (PascalCase)
     * @return whether it states any compatibility
     */
    public static boolean statesCompatibilities(JsonNode properties, boolean pascal) {
        return properties.path(key("requiresCompatibilities", pascal)).size() > 0;
    }

    /**
     * ECS task CPU: CPU units ("1024") or vCPUs ("1 vCPU", "0.25 vcpu"), in vCPUs.
     *
     * @param t the task definition
     * @param key the property's key, for messages
     * @param text the value as written
     * @return the task's vCPUs
     */
    public static BigDecimal vcpu(TemplateResource t, String key, String text) {
        String v = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("vcpu")) {
                return new BigDecimal(v.substring(0, v.length() - 4).trim());
            }
            return new BigDecimal(v).divide(BigDecimal.valueOf(1024));
        } catch (NumberFormatException | ArithmeticException e) {
            throw t.error(key, "must be CPU units like 1024 or vCPUs like \"1 vCPU\", was \"" + text + "\"");
        }
    }

    /**
     * ECS task memory: MiB ("2048") or GB ("2 GB", "2GB"), in GB (GiB).
     *
     * @param t the task definition
     * @param key the property's key, for messages
     * @param text the value as written
     * @return the task's memory, in GB (GiB)
     */
    public static BigDecimal memoryGb(TemplateResource t, String key, String text) {
        String v = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("gb")) {
                return new BigDecimal(v.substring(0, v.length() - 2).trim());
            }
            return new BigDecimal(v).divide(BigDecimal.valueOf(1024));
        } catch (NumberFormatException | ArithmeticException e) {
            throw t.error(key, "must be MiB like 2048 or GB like \"2 GB\", was \"" + text + "\"");
        }
    }

    /**
     * @param properties the definition
     * @param pascal whether the definition is a template's (PascalCase)
     * @return whether a definition is Fargate's: it requires FARGATE, or states no compatibility
     */
    public static boolean forFargate(JsonNode properties, boolean pascal) {
        return requires(properties, pascal, "FARGATE") || !statesCompatibilities(properties, pascal);
    }

    /**
     * @param properties the definition
     * @param pascal whether the definition is a template's (PascalCase)
     * @return whether a definition is for EC2 alone (ECS on EC2's): it requires EC2 and not FARGATE
     */
    public static boolean forEc2Only(JsonNode properties, boolean pascal) {
        return requires(properties, pascal, "EC2") && !requires(properties, pascal, "FARGATE");
    }

    /** How one service tells its task definitions apart and reads them, in either spelling. */
    public interface Reader<R extends Resource> {
        /**
         * @param properties the definition
         * @param pascal whether the definition is a template's (PascalCase)
         * @return whether the definition is this service's
         */
        boolean accepts(JsonNode properties, boolean pascal);

        /** @return the usage keys of a definition of this service ({@link TemplateMapping#usageKeys(String)}) */
        java.util.Set<String> usageKeys();

        /**
         * @param definition the definition
         * @param pascal whether the definition is a template's (PascalCase)
         * @return the definition read, or empty when it cannot be priced (having reported why)
         */
        Optional<R> read(TemplateResource definition, boolean pascal);

        /**
         * @param definition the definition
         * @param pascal whether the definition is a template's (PascalCase)
         * @return the definition read in parts (one per capacity provider its services split it over)
         */
        default List<R> readAll(TemplateResource definition, boolean pascal) {
            return read(definition, pascal).map(List::of).orElse(List.of());
        }
    }

    /**
     * @param <R> the service's resource type
     * @param reader the service's reader
     * @return the template mapping of {@code AWS::ECS::TaskDefinition} for one service: its properties checked, the
     *     definitions {@code reader} accepts (PascalCase)
     */
    public static <R extends Resource> TemplateMapping<R> template(Reader<R> reader) {
        return new TemplateMapping<>() {
            @Override
            public java.util.Set<String> resourceTypes() {
                return java.util.Set.of("AWS::ECS::TaskDefinition");
            }

            @Override
            public java.util.Set<String> usageKeys(String type) {
                return reader.usageKeys();
            }

            /** A service's DesiredCount and capacity provider strategy are read into its task definition. */
            @Override
            public java.util.Set<String> partTypes() {
                // Application Auto Scaling costs nothing of its own: its targets are read as services' ranges.
                return java.util.Set.of("AWS::ECS::Service", "AWS::ApplicationAutoScaling::ScalableTarget",
                        "AWS::ApplicationAutoScaling::ScalingPolicy");
            }

            @Override
            public java.util.Map<String, java.util.Set<String>> knownProperties() {
                return PROPERTIES;
            }

            @Override
            public boolean accepts(JsonNode properties) {
                return reader.accepts(properties, true);
            }

            @Override
            public Optional<R> read(TemplateResource t) {
                return reader.read(t, true);
            }

            @Override
            public List<R> readAll(TemplateResource t) {
                return reader.readAll(t, true);
            }
        };
    }

    /**
     * A {@code register-task-definition} (or {@code describe-task-definition}) document read by one service: named by
     * its family, its configuration the document or its {@code taskDefinition} field (camelCase).
     *
     * @param description what it is, for messages
     * @param reader the service's reader
     * @param <R> the service's resource type
     * @return the mapping
     */
    public static <R extends Resource> DocumentMapping<R> document(String description, Reader<R> reader) {
        return new DocumentMapping<>() {
            @Override
            public String description() {
                return description;
            }

            @Override
            public boolean recognises(JsonNode root) {
                return root.isObject() && (root.has("containerDefinitions") || root.has("taskDefinition"))
                        && reader.accepts(configuration(root), false);
            }

            @Override
            public String name(JsonNode root) {
                return configuration(root).path("family").asText("task");
            }

            @Override
            public String nameKey() {
                return "family";
            }

            @Override
            public JsonNode configuration(JsonNode root) {
                return root.has("taskDefinition") ? root.get("taskDefinition") : root;
            }

            @Override
            public String configurationType() {
                return "TaskDefinition";
            }

            @Override
            public java.util.Map<String, java.util.Set<String>> knownProperties() {
                return DOCUMENT_FIELDS;
            }

            @Override
            public Optional<R> read(TemplateResource document) {
                return reader.read(document, false);
            }
        };
    }
}
