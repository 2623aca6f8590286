package io.github.computecost.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.computecost.estimate.UnsupportedResource;
import io.github.computecost.internal.Json;
import io.github.computecost.limits.Severity;
import io.github.computecost.limits.Violation;
import io.github.computecost.service.Resource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Terraform plan as {@code terraform show -json PLANFILE} prints it (format version 1.x): the resources
 * {@code planned_values} says will exist, in the root module and every child module, each instance of a
 * {@code count} or {@code for_each} by its own address ({@code aws_ecs_service.web["blue"]},
 * {@code module.eu.aws_lambda_function.api}). Each resource of a type compute-cost prices is read as the
 * CloudFormation resource it corresponds to, so that Terraform and templates are priced by the same rules (an
 * ECS service's desired count and capacity provider strategy, a launch template's instance type); the
 * references between them (a service's task definition) come from the plan's {@code configuration}. Every other
 * managed resource is listed as not priced under its Terraform type.
 *
 * <p>A value the plan knows only after apply ({@code after_unknown}) is a warning naming the attribute, and the
 * resource is not priced by a guess. The region of each resource is its provider configuration's
 * ({@code provider_config_key}, aliased providers and modules' included: a {@code region} given as a constant or
 * as a root variable); the usage file's {@code region} is for the rest. The usage file names resources by
 * address.
 */
final class TerraformPlanReader {

    /**
     * Terraform types read, with the CloudFormation type each is read as. API Gateway's integrations, method and
     * integration responses are properties of {@code AWS::ApiGateway::Method} in CloudFormation, and method settings
     * of {@code AWS::ApiGateway::Stage}: like those, they are read as parts of their API, which cost nothing of their
     * own.
     */
    static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("aws_lambda_function", "AWS::Lambda::Function"),
            Map.entry("aws_lambda_provisioned_concurrency_config", "AWS::Lambda::Alias"),
            Map.entry("aws_ecs_task_definition", "AWS::ECS::TaskDefinition"),
            Map.entry("aws_ecs_service", "AWS::ECS::Service"),
            Map.entry("aws_instance", "AWS::EC2::Instance"),
            Map.entry("aws_launch_template", "AWS::EC2::LaunchTemplate"),
            Map.entry("aws_autoscaling_group", "AWS::AutoScaling::AutoScalingGroup"),
            Map.entry("aws_cloudfront_function", "AWS::CloudFront::Function"),
            Map.entry("aws_lightsail_instance", "AWS::Lightsail::Instance"),
            Map.entry("aws_cloudfront_distribution", "AWS::CloudFront::Distribution"),
            Map.entry("aws_eks_cluster", "AWS::EKS::Cluster"),
            Map.entry("aws_eks_node_group", "AWS::EKS::Nodegroup"),
            Map.entry("aws_eks_fargate_profile", "AWS::EKS::FargateProfile"),
            Map.entry("aws_sfn_state_machine", "AWS::StepFunctions::StateMachine"),
            Map.entry("aws_api_gateway_rest_api", "AWS::ApiGateway::RestApi"),
            Map.entry("aws_api_gateway_stage", "AWS::ApiGateway::Stage"),
            Map.entry("aws_api_gateway_deployment", "AWS::ApiGateway::Deployment"),
            Map.entry("aws_api_gateway_resource", "AWS::ApiGateway::Resource"),
            Map.entry("aws_api_gateway_method", "AWS::ApiGateway::Method"),
            Map.entry("aws_api_gateway_integration", "AWS::ApiGateway::Method"),
            Map.entry("aws_api_gateway_integration_response", "AWS::ApiGateway::Method"),
            Map.entry("aws_api_gateway_method_response", "AWS::ApiGateway::Method"),
            Map.entry("aws_api_gateway_method_settings", "AWS::ApiGateway::Stage"),
            Map.entry("aws_api_gateway_model", "AWS::ApiGateway::Model"),
            Map.entry("aws_api_gateway_authorizer", "AWS::ApiGateway::Authorizer"),
            Map.entry("aws_api_gateway_request_validator", "AWS::ApiGateway::RequestValidator"),
            Map.entry("aws_api_gateway_gateway_response", "AWS::ApiGateway::GatewayResponse"),
            Map.entry("aws_apigatewayv2_api", "AWS::ApiGatewayV2::Api"),
            Map.entry("aws_apigatewayv2_stage", "AWS::ApiGatewayV2::Stage"),
            Map.entry("aws_apigatewayv2_route", "AWS::ApiGatewayV2::Route"),
            Map.entry("aws_apigatewayv2_integration", "AWS::ApiGatewayV2::Integration"),
            Map.entry("aws_apigatewayv2_deployment", "AWS::ApiGatewayV2::Deployment"),
            Map.entry("aws_apigatewayv2_authorizer", "AWS::ApiGatewayV2::Authorizer"),
            Map.entry("aws_apigatewayv2_route_response", "AWS::ApiGatewayV2::RouteResponse"),
            Map.entry("aws_apigatewayv2_integration_response", "AWS::ApiGatewayV2::IntegrationResponse"),
            Map.entry("aws_apprunner_service", "AWS::AppRunner::Service"),
            Map.entry("aws_batch_job_definition", "AWS::Batch::JobDefinition"),
            Map.entry("aws_batch_compute_environment", "AWS::Batch::ComputeEnvironment"),
            Map.entry("aws_batch_job_queue", "AWS::Batch::JobQueue"),
            Map.entry("aws_batch_scheduling_policy", "AWS::Batch::SchedulingPolicy"),
            Map.entry("aws_ecr_repository", "AWS::ECR::Repository"));

    private final JsonNode plan;
    private final List<Violation> findings = new ArrayList<>();
    private final List<UnsupportedResource> unsupported = new ArrayList<>();
    private final Map<String, String> regions = new LinkedHashMap<>();
    private final Map<String, JsonNode> unknownByAddress = new LinkedHashMap<>();
    /** Configuration resources by module address and resource address ({@code module.eu} + {@code aws_x.y}). */
    private final Map<String, JsonNode> configuration = new LinkedHashMap<>();
    private final ObjectNode resources = Json.nodes().objectNode();
    private final Map<String, String> terraformTypes = new LinkedHashMap<>();
    /** Every managed resource's address in the state being read, which references may name. */
    private final Set<String> addresses = new java.util.HashSet<>();

    private final String file;

    private TerraformPlanReader(String file, JsonNode plan) {
        this.file = file;
        this.plan = plan;
    }

    /** @return whether a JSON document is a Terraform plan ({@code format_version} and {@code planned_values}) */
    static boolean recognises(JsonNode root) {
        return root.isObject() && root.has("format_version") && root.has("planned_values");
    }

    /** Reads the plan's resources, priced as their CloudFormation counterparts, each in its provider's region. */
    static Workload read(String file, JsonNode plan, ConfigReader.Usage usage) {
        return read(file, plan, usage, false);
    }

    /**
     * @param before whether to read what exists now ({@code prior_state}, empty when there is none) rather than what
     *     the plan will make
     */
    static Workload read(String file, JsonNode plan, ConfigReader.Usage usage, boolean before) {
        String version = plan.path("format_version").asText();
        if (!version.startsWith("1.")) {
            throw new WorkloadException(file, "$.format_version", Optional.empty(), "must be a 1.x plan format "
                    + "(terraform show -json of Terraform 0.12 or later), was \"" + Json.excerpt(version) + "\"");
        }
        TerraformPlanReader r = new TerraformPlanReader(file, plan);
        if (!before) {
            for (JsonNode c : plan.path("resource_changes")) {
                r.unknownByAddress.put(c.path("address").asText(), c.path("change").path("after_unknown"));
            }
        }
        r.configurationOf(plan.path("configuration").path("root_module"), "");
        JsonNode root = before ? plan.path("prior_state").path("values").path("root_module")
                : plan.path("planned_values").path("root_module");
        r.index(root);
        r.module(root);
        ObjectNode template = Json.nodes().objectNode();
        template.set("Resources", r.resources);
        // A resource without an entry of its own takes its type's defaults (by Terraform type or CloudFormation type).
        Map<String, Json.Obj> entries = new LinkedHashMap<>(usage.entries());
        for (UnsupportedResource u : r.unsupported) {
            if (entries.remove(u.name()) != null) {
                r.findings.add(new Violation("usage.not-priced", Severity.WARNING, u.name(), "usage", "given",
                        "a priced resource", u.name() + ": the usage file gives usage for a resource compute-cost "
                                + "does not price (" + u.type() + "); it does not change the estimate"));
            }
        }
        r.terraformTypes.forEach((address, type) -> {
            if (!entries.containsKey(address)) {
                Json.Obj d = usage.defaults().getOrDefault(type, usage.defaults().get(TYPES.get(type)));
                if (d != null) {
                    entries.put(address, d);
                }
            }
        });
        if (usage.infracost()) {
            entries.replaceAll((address, e) -> ConfigReader.applicable(address, r.terraformTypes.get(address),
                    r.resources.path(address).path("Properties"), e, r.findings));
        }
        Workload w = TemplateReader.template(file, template, usage.header(), usage.file(), entries, Map.of());
        List<Violation> all = new ArrayList<>(r.findings);
        all.addAll(usage.notes());
        all.addAll(w.findings());
        // Listed by their Terraform types, which the user wrote, not the CloudFormation ones they were read as.
        List<UnsupportedResource> notPriced = new ArrayList<>();
        for (UnsupportedResource u : w.unsupported()) {
            notPriced.add(new UnsupportedResource(u.name(), r.terraformTypes.getOrDefault(u.name(), u.type()),
                    u.reason().replace("from the template and the usage file", "from the plan and the usage file")));
        }
        notPriced.addAll(r.unsupported);
        Map<String, String> stackRegions = new LinkedHashMap<>();
        for (Resource x : w.resources()) {
            String region = r.regions.get(x.name());
            if (region != null) {
                stackRegions.put(x.name(), region);
            }
        }
        return new Workload(w.region(), w.freeTier(), w.resources(), w.plans(), w.tunings(), w.budgets(), w.quotas(),
                all, notPriced, w.withoutUsage(), stackRegions, w.tags());
    }

    /** Indexes the configuration's resources by their module and address, for references and providers. */
    private void configurationOf(JsonNode module, String prefix) {
        for (JsonNode c : module.path("resources")) {
            configuration.put(prefix + c.path("address").asText(), c);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = module.path("module_calls").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> call = it.next();
            configurationOf(call.getValue().path("module"), prefix + "module." + call.getKey() + ".");
        }
    }

    /** Collects the addresses of a module's managed resources and its children's. */
    private void index(JsonNode module) {
        for (JsonNode r : module.path("resources")) {
            if ("managed".equals(r.path("mode").asText())) {
                addresses.add(r.path("address").asText());
            }
        }
        module.path("child_modules").forEach(this::index);
    }

    /** Reads one module of {@code planned_values} (or of the prior state) and its children. */
    private void module(JsonNode module) {
        for (JsonNode r : module.path("resources")) {
            if (!"managed".equals(r.path("mode").asText())) {
                continue; // data sources cost nothing
            }
            String address = r.path("address").asText();
            String type = r.path("type").asText();
            String cfn = TYPES.get(type);
            if (cfn == null) {
                unsupported.add(new UnsupportedResource(address, type, "compute-cost prices no resource of this "
                        + "type; its cost is not in the total"));
                continue;
            }
            JsonNode values = r.path("values");
            JsonNode unknown = unknownByAddress.getOrDefault(address, Json.nodes().objectNode());
            ObjectNode props = properties(address, type, values, unknown);
            if (Tagged.TYPES.contains(cfn)) {
                tags(address, values, unknown).ifPresent(t -> props.set("Tags", t));
            }
            ObjectNode resource = Json.nodes().objectNode();
            resource.put("Type", cfn);
            resource.set("Properties", props);
            resources.set(address, resource);
            terraformTypes.put(address, type);
            region(address).ifPresent(x -> regions.put(address, x));
        }
        for (JsonNode child : module.path("child_modules")) {
            module(child);
        }
    }

    /** The CloudFormation types read whose properties include {@code Tags}: those the plan's tags are given to. */
    private static final class Tagged {
        static final Set<String> TYPES = types();

        private static Set<String> types() {
            Set<String> out = new java.util.HashSet<>();
            for (io.github.computecost.service.Service<?> s : io.github.computecost.estimate.Services.all()) {
                s.templates().ifPresent(m -> m.knownProperties().forEach((type, names) -> {
                    if (names.contains("Tags")) {
                        out.add(type);
                    }
                }));
            }
            return Set.copyOf(out);
        }
    }

    /**
     * A resource's tags: {@code tags_all} (its own and the provider's {@code default_tags}, as AWS will hold them),
     * else {@code tags}; an Auto Scaling group's {@code tag} blocks. Tags known only after apply are a warning, not a
     * guess.
     *
     * @return the tags as a map, checked against AWS's rules; empty when the resource has none
     * @throws WorkloadException naming the plan, the resource and the tag when one breaks them
     */
    private Optional<JsonNode> tags(String address, JsonNode v, JsonNode unknown) {
        String key = v.hasNonNull("tags_all") || unknown.path("tags_all").asBoolean(false) ? "tags_all" : "tags";
        if (unknown.path(key).asBoolean(false) || unknown.path(key).isObject() && unknown.get(key).size() > 0) {
            unknownAfterApply(address, key, "(in part or in full); the known tags are kept, so a policy by tag may "
                    + "not count it under the others");
        }
        JsonNode t = v.path(key);
        if (!t.isObject() && v.path("tag").isArray()) { // an Auto Scaling group's tag blocks
            t = v.get("tag");
            key = "tag";
        }
        if (t.isMissingNode() || t.isNull() || t.size() == 0) {
            return Optional.empty();
        }
        try {
            Map<String, String> read = Tags.read(t, "values." + key);
            ObjectNode out = Json.nodes().objectNode();
            read.forEach(out::put);
            return Optional.of(out);
        } catch (io.github.computecost.internal.FieldException e) {
            throw new WorkloadException(file, e.path(), Optional.of(address), e.detail());
        }
    }

    /** @return the CloudFormation properties a Terraform resource's values correspond to */
    private ObjectNode properties(String address, String type, JsonNode v, JsonNode unknown) {
        ObjectNode p = Json.nodes().objectNode();
        switch (type) {
            case "aws_lambda_function" -> {
                copy(address, v, unknown, "memory_size", p, "MemorySize");
                copy(address, v, unknown, "timeout", p, "Timeout");
                copy(address, v, unknown, "runtime", p, "Runtime");
                copy(address, v, unknown, "architectures", p, "Architectures");
                JsonNode storage = block(v, "ephemeral_storage");
                if (storage.has("size")) {
                    p.putObject("EphemeralStorage").set("Size", storage.get("size"));
                }
                JsonNode snap = block(v, "snap_start");
                if (snap.has("apply_on")) {
                    p.putObject("SnapStart").set("ApplyOn", snap.get("apply_on"));
                }
                JsonNode env = block(v, "environment").path("variables");
                if (env.isObject() && env.size() > 0) {
                    p.putObject("Environment").set("Variables", env);
                }
            }
            case "aws_lambda_provisioned_concurrency_config" -> {
                p.set("FunctionName", reference(address, "function_name", "aws_lambda_function"));
                copy(address, v, unknown, "qualifier", p, "Name");
                p.put("FunctionVersion", "1");
                ObjectNode pc = p.putObject("ProvisionedConcurrencyConfig");
                copy(address, v, unknown, "provisioned_concurrent_executions", pc, "ProvisionedConcurrentExecutions");
            }
            case "aws_ecs_task_definition" -> {
                copy(address, v, unknown, "cpu", p, "Cpu");
                copy(address, v, unknown, "memory", p, "Memory");
                copy(address, v, unknown, "requires_compatibilities", p, "RequiresCompatibilities");
                p.putArray("ContainerDefinitions");
                JsonNode platform = block(v, "runtime_platform");
                if (platform.size() > 0) {
                    ObjectNode rp = p.putObject("RuntimePlatform");
                    if (platform.hasNonNull("cpu_architecture")) {
                        rp.set("CpuArchitecture", platform.get("cpu_architecture"));
                    }
                    if (platform.hasNonNull("operating_system_family")) {
                        rp.set("OperatingSystemFamily", platform.get("operating_system_family"));
                    }
                }
                JsonNode storage = block(v, "ephemeral_storage");
                if (storage.has("size_in_gib")) {
                    p.putObject("EphemeralStorage").set("SizeInGiB", storage.get("size_in_gib"));
                }
            }
            case "aws_ecs_service" -> {
                p.set("TaskDefinition", reference(address, "task_definition", "aws_ecs_task_definition"));
                copy(address, v, unknown, "desired_count", p, "DesiredCount");
                if (v.hasNonNull("launch_type") && !v.get("launch_type").asText().isEmpty()) {
                    p.set("LaunchType", v.get("launch_type"));
                }
                ArrayNode strategy = Json.nodes().arrayNode();
                for (JsonNode s : v.path("capacity_provider_strategy")) {
                    ObjectNode item = strategy.addObject();
                    item.set("CapacityProvider", s.path("capacity_provider"));
                    item.set("Weight", s.path("weight"));
                    item.set("Base", s.path("base"));
                }
                if (!strategy.isEmpty()) {
                    p.set("CapacityProviderStrategy", strategy);
                }
            }
            case "aws_instance" -> {
                copy(address, v, unknown, "instance_type", p, "InstanceType");
                copy(address, v, unknown, "ami", p, "ImageId");
            }
            case "aws_launch_template" -> {
                ObjectNode data = p.putObject("LaunchTemplateData");
                copy(address, v, unknown, "instance_type", data, "InstanceType");
                copy(address, v, unknown, "image_id", data, "ImageId");
            }
            case "aws_autoscaling_group" -> {
                copy(address, v, unknown, "desired_capacity", p, "DesiredCapacity");
                copy(address, v, unknown, "min_size", p, "MinSize");
                copy(address, v, unknown, "max_size", p, "MaxSize");
                if (block(v, "launch_template").size() > 0) {
                    p.putObject("LaunchTemplate").set("LaunchTemplateId",
                            reference(address, "launch_template.id", "aws_launch_template"));
                }
                JsonNode mixed = block(v, "mixed_instances_policy");
                if (mixed.size() > 0) {
                    p.set("MixedInstancesPolicy", mixedInstances(address, v, unknown));
                }
            }
            case "aws_lightsail_instance" -> copy(address, v, unknown, "bundle_id", p, "BundleId");
            case "aws_cloudfront_distribution" -> {
                // Only what decides where functions run: each behaviour's function associations.
                ObjectNode config = p.putObject("DistributionConfig");
                JsonNode expressions = configurationOf(address).path("expressions");
                config.set("DefaultCacheBehavior", behaviour(address, block(v, "default_cache_behavior"),
                        first(expressions.path("default_cache_behavior"))));
                ArrayNode ordered = Json.nodes().arrayNode();
                for (int i = 0; i < v.path("ordered_cache_behavior").size(); i++) {
                    ordered.add(behaviour(address, v.path("ordered_cache_behavior").get(i),
                            expressions.path("ordered_cache_behavior").path(i)));
                }
                if (!ordered.isEmpty()) {
                    config.set("CacheBehaviors", ordered);
                }
            }
            case "aws_cloudfront_function" -> {
                copy(address, v, unknown, "code", p, "FunctionCode");
                ObjectNode config = p.putObject("FunctionConfig");
                copy(address, v, unknown, "runtime", config, "Runtime");
            }
            case "aws_eks_cluster" -> {
                copy(address, v, unknown, "version", p, "Version");
                setIfAny(p, "UpgradePolicy", o -> copy(address, v, unknown, "upgrade_policy.support_type", o,
                        "SupportType"));
            }
            case "aws_eks_node_group" -> {
                copy(address, v, unknown, "instance_types", p, "InstanceTypes");
                copy(address, v, unknown, "ami_type", p, "AmiType");
                copy(address, v, unknown, "capacity_type", p, "CapacityType");
                ObjectNode scaling = p.putObject("ScalingConfig");
                copy(address, v, unknown, "scaling_config.desired_size", scaling, "DesiredSize");
                copy(address, v, unknown, "scaling_config.min_size", scaling, "MinSize");
                copy(address, v, unknown, "scaling_config.max_size", scaling, "MaxSize");
                if (block(v, "launch_template").size() > 0) {
                    p.putObject("LaunchTemplate"); // named for what the node group's instance type is missing from
                }
            }
            case "aws_sfn_state_machine" -> copy(address, v, unknown, "type", p, "StateMachineType");
            case "aws_api_gateway_rest_api" -> {
                if (block(v, "endpoint_configuration").size() > 0) {
                    ObjectNode config = p.putObject("EndpointConfiguration");
                    copy(address, v, unknown, "endpoint_configuration.types", config, "Types");
                }
            }
            case "aws_api_gateway_stage" -> {
                p.set("RestApiId", reference(address, "rest_api_id", "aws_api_gateway_rest_api"));
                copy(address, v, unknown, "cache_cluster_enabled", p, "CacheClusterEnabled");
                copy(address, v, unknown, "cache_cluster_size", p, "CacheClusterSize");
            }
            case "aws_apigatewayv2_api" -> copy(address, v, unknown, "protocol_type", p, "ProtocolType");
            case "aws_apprunner_service" -> {
                setIfAny(p, "InstanceConfiguration", o -> {
                    copy(address, v, unknown, "instance_configuration.cpu", o, "Cpu");
                    copy(address, v, unknown, "instance_configuration.memory", o, "Memory");
                });
            }
            case "aws_batch_job_definition" -> {
                copy(address, v, unknown, "type", p, "Type");
                copy(address, v, unknown, "platform_capabilities", p, "PlatformCapabilities");
                setIfAny(p, "Timeout", o -> copy(address, v, unknown, "timeout.attempt_duration_seconds", o,
                        "AttemptDurationSeconds"));
                ObjectNode container = Json.nodes().objectNode();
                copy(address, v, unknown, "container_properties", container, "Document");
                if (container.has("Document")) {
                    p.set("ContainerProperties", containerProperties(address, container.get("Document")));
                }
            }
            case "aws_batch_compute_environment" -> {
                copy(address, v, unknown, "type", p, "Type");
                setIfAny(p, "ComputeResources", o -> {
                    copy(address, v, unknown, "compute_resources.type", o, "Type");
                    copy(address, v, unknown, "compute_resources.min_vcpus", o, "MinvCpus");
                });
            }
            case "aws_eks_fargate_profile", "aws_ecr_repository", "aws_batch_job_queue",
                    "aws_batch_scheduling_policy" -> {
                // priced from their usage alone, or parts that cost nothing: nothing of their own to map
            }
            default -> {
                if (!type.startsWith("aws_api_gateway_") && !type.startsWith("aws_apigatewayv2_")) {
                    throw new IllegalStateException("unmapped Terraform type " + type);
                }
                // API Gateway's parts, which cost nothing of their own: read as such, nothing to map
            }

        }
        return p;
    }

    /** Sets {@code property} to the object {@code fill} copies values into, when it copies any. */
    private static void setIfAny(ObjectNode into, String property, java.util.function.Consumer<ObjectNode> fill) {
        ObjectNode o = Json.nodes().objectNode();
        fill.accept(o);
        if (!o.isEmpty()) {
            into.set(property, o);
        }
    }

    /**
     * An Auto Scaling group's {@code mixed_instances_policy} as CloudFormation's {@code MixedInstancesPolicy}: the
     * distribution between On-Demand and Spot, the launch template and its overrides (instance type, weight, launch
     * template, instance requirements), each launch template named by a {@code Ref} to the plan's.
     */
    private ObjectNode mixedInstances(String address, JsonNode v, JsonNode unknown) {
        String m = "mixed_instances_policy.";
        ObjectNode policy = Json.nodes().objectNode();
        ObjectNode distribution = policy.putObject("InstancesDistribution");
        String[][] keys = {{"on_demand_allocation_strategy", "OnDemandAllocationStrategy"},
            {"on_demand_base_capacity", "OnDemandBaseCapacity"},
            {"on_demand_percentage_above_base_capacity", "OnDemandPercentageAboveBaseCapacity"},
            {"spot_allocation_strategy", "SpotAllocationStrategy"}};
        for (String[] k : keys) {
            copy(address, v, unknown, m + "instances_distribution." + k[0], distribution, k[1]);
        }
        ObjectNode template = policy.putObject("LaunchTemplate");
        JsonNode lt = block(block(v, "mixed_instances_policy"), "launch_template");
        JsonNode expr = first(first(configurationOf(address).path("expressions").path("mixed_instances_policy"))
                .path("launch_template"));
        if (block(lt, "launch_template_specification").size() > 0) {
            template.set("LaunchTemplateSpecification", launchTemplate(address, m + "launch_template",
                    first(expr.path("launch_template_specification"))));
        }
        JsonNode u = unknown.path("mixed_instances_policy");
        u = u.isArray() ? u.path(0).path("launch_template") : u;
        u = u.isArray() ? u.path(0).path("override") : u;
        ArrayNode overrides = template.putArray("Overrides");
        for (int i = 0; i < lt.path("override").size(); i++) {
            JsonNode o = lt.path("override").get(i);
            JsonNode ou = u.isBoolean() ? u : u.path(i);
            String at = m + "launch_template.override[" + i + "]";
            ObjectNode out = overrides.addObject();
            for (String[] k : new String[][] {{"instance_type", "InstanceType"}, {"weighted_capacity",
                "WeightedCapacity"}}) {
                if (ou.isBoolean() ? ou.asBoolean() : ou.path(k[0]).asBoolean(false)) {
                    out.set(k[1], knownAfterApply(address, at + "." + k[0]));
                } else if (o.hasNonNull(k[0]) && !o.get(k[0]).asText().isEmpty()) {
                    out.set(k[1], o.get(k[0]));
                }
            }
            if (block(o, "instance_requirements").size() > 0) {
                out.putObject("InstanceRequirements"); // the group picks types by price: not priced, as there
            }
            if (block(o, "launch_template_specification").size() > 0) {
                out.set("LaunchTemplateSpecification", launchTemplate(address, at, first(expr.path("override")
                        .path(i).path("launch_template_specification"))));
            }
        }
        return policy;
    }

    /**
     * @param at the attribute holding the specification, for a warning
     * @param expr the specification's configuration
     * @return a launch template specification naming the plan's template by {@code Ref}, by id or by name as the
     *     configuration does, or an unresolvable value (with a warning) when it names none of the plan
     */
    private JsonNode launchTemplate(String address, String at, JsonNode expr) {
        String key = expr.has("launch_template_name") && !expr.has("launch_template_id") ? "launch_template_name"
                : "launch_template_id";
        JsonNode target = referenceIn(address, expr.path(key), "aws_launch_template");
        ObjectNode spec = Json.nodes().objectNode();
        if (target == null) {
            spec.set("LaunchTemplateId", unresolved(address, at + ".launch_template_specification",
                    "aws_launch_template"));
            return spec;
        }
        spec.set(key.equals("launch_template_name") ? "LaunchTemplateName" : "LaunchTemplateId", target);
        return spec;
    }

    /**
     * A Batch job definition's {@code container_properties}, a JSON document in Batch's API names
     * ({@code resourceRequirements}), as CloudFormation's {@code ContainerProperties}: what prices a job (its vCPUs
     * and memory, the older {@code vcpus} and {@code memory}, its runtime platform).
     */
    private JsonNode containerProperties(String address, JsonNode document) {
        if (!document.isTextual()) {
            return document; // known only after apply: unresolvable, as reported
        }
        JsonNode c;
        try {
            c = Json.json().readTree(document.asText());
        } catch (java.io.IOException e) {
            c = null;
        }
        if (c == null || !c.isObject()) {
            throw new WorkloadException(file, "values.container_properties",
                    Optional.of(address), "must be a JSON object of container properties (Batch's "
                            + "RegisterJobDefinition), was " + Json.excerpt(document.asText()));
        }
        ObjectNode out = Json.nodes().objectNode();
        if (c.path("resourceRequirements").isArray()) {
            ArrayNode requirements = out.putArray("ResourceRequirements");
            for (JsonNode r : c.get("resourceRequirements")) {
                ObjectNode x = requirements.addObject();
                if (r.has("type")) {
                    x.set("Type", r.get("type"));
                }
                if (r.has("value")) {
                    x.set("Value", r.get("value"));
                }
            }
        }
        String[][] keys = {{"vcpus", "Vcpus"}, {"memory", "Memory"}};
        for (String[] k : keys) {
            if (c.hasNonNull(k[0])) {
                out.set(k[1], c.get(k[0]));
            }
        }
        JsonNode platform = c.path("runtimePlatform");
        if (platform.isObject()) {
            ObjectNode rp = out.putObject("RuntimePlatform");
            if (platform.hasNonNull("cpuArchitecture")) {
                rp.set("CpuArchitecture", platform.get("cpuArchitecture"));
            }
            if (platform.hasNonNull("operatingSystemFamily")) {
                rp.set("OperatingSystemFamily", platform.get("operatingSystemFamily"));
            }
        }
        return out;
    }

    /**
     * A cache behaviour's Lambda@Edge and CloudFront Functions associations, each function named by a {@code Ref} to
     * the plan's resource its configuration refers to (so the function's own reader sees the association).
     */
    private ObjectNode behaviour(String address, JsonNode values, JsonNode expressions) {
        ObjectNode b = Json.nodes().objectNode();
        String[][] kinds = {{"lambda_function_association", "LambdaFunctionAssociations", "lambda_arn",
            "LambdaFunctionARN", "aws_lambda_function"}, {"function_association", "FunctionAssociations",
            "function_arn", "FunctionARN", "aws_cloudfront_function"}};
        for (String[] k : kinds) {
            ArrayNode out = Json.nodes().arrayNode();
            for (int i = 0; i < values.path(k[0]).size(); i++) {
                JsonNode a = values.path(k[0]).get(i);
                ObjectNode assoc = out.addObject();
                assoc.set("EventType", a.path("event_type"));
                JsonNode target = referenceIn(address, expressions.path(k[0]).path(i).path(k[2]), k[4]);
                if (target == null) {
                    findings.add(new Violation("terraform.reference", Severity.WARNING, address, k[0] + "." + k[2],
                            "unknown", "a " + k[4] + " of the plan", address + ": a " + k[0] + " names a function "
                                    + "that is not in the plan (" + Json.excerpt(a.path(k[2]).asText()) + "); give "
                                    + "that function edge: in its own stack's usage file"));
                    continue;
                }
                assoc.set(k[3], k[4].equals("aws_cloudfront_function")
                        ? getAtt(target.path("Ref").asText(), "FunctionARN") : target);
            }
            if (!out.isEmpty()) {
                b.set(k[1], out);
            }
        }
        return b;
    }

    /**
     * @return {@code Fn::GetAtt} of a resource's attribute: what a CloudFront Function association names, and, for
     *     a value known only after apply, one the template reader cannot resolve
     */
    private static JsonNode getAtt(String logicalId, String attribute) {
        ObjectNode n = Json.nodes().objectNode();
        n.putArray("Fn::GetAtt").add(logicalId).add(attribute);
        return n;
    }

    private static JsonNode first(JsonNode list) {
        return list.isArray() && list.size() > 0 ? list.get(0) : list;
    }

    /** @return the configuration of the resource at {@code address}, or a missing node */
    private JsonNode configurationOf(String address) {
        String module = modulePrefix(address);
        JsonNode c = configuration.get(moduleCall(module) + stripIndex(address.substring(module.length())));
        return c == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : c;
    }

    /** Terraform writes a nested block as a list of one object: its first element, or an empty object. */
    private static JsonNode block(JsonNode values, String key) {
        JsonNode b = values.path(key);
        return b.isArray() && b.size() > 0 ? b.get(0) : b.isObject() ? b : Json.nodes().objectNode();
    }

    /**
     * Copies a value into a CloudFormation property: absent when the plan leaves it null, and, when it is known only
     * after apply, a warning naming the attribute and a value the template reader cannot resolve (so the resource is
     * not priced by a default). A value known only after apply that the configuration does not set is one the
     * provider leaves to AWS ({@code ami_type} of a node group): absent, as in a template that omits the property,
     * so that AWS's default applies as it does there.
     *
     * @param key the attribute, a nested block's by a dotted path ({@code scaling_config.desired_size})
     */
    private void copy(String address, JsonNode values, JsonNode unknown, String key, ObjectNode into, String property) {
        String[] parts = key.split("\\.");
        JsonNode v = values;
        JsonNode u = unknown;
        for (int i = 0; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            v = last ? v.path(parts[i]) : block(v, parts[i]);
            if (!u.isBoolean()) { // a whole block known only after apply is true, and so is what it holds
                JsonNode n = u.path(parts[i]);
                u = !last && n.isArray() && n.size() > 0 ? n.get(0) : n;
            }
        }
        if (u.asBoolean(false)) {
            if (!configured(address, parts)) {
                return;
            }
            into.set(property, knownAfterApply(address, key));
            return;
        }
        if (!v.isMissingNode() && !v.isNull()) {
            into.set(property, v);
        }
    }

    /**
     * @return whether the configuration sets an attribute (a nested block's by its path); true when the plan has no
     *     configuration for the resource, so that nothing unknown is taken for a default
     */
    private boolean configured(String address, String[] path) {
        JsonNode c = configurationOf(address);
        if (c.isMissingNode()) {
            return true;
        }
        JsonNode e = c.path("expressions");
        for (String part : path) {
            e = first(e).path(part);
        }
        return !e.isMissingNode();
    }

    /**
     * @return a {@code Ref} to the resource of {@code type} that {@code attribute} of {@code address}'s configuration
     *     refers to (the instance of the same index or key, when both are repeated), or an unresolvable value
     */
    private JsonNode reference(String address, String attribute, String type) {
        JsonNode expr = configurationOf(address).path("expressions");
        for (String part : attribute.split("\\.")) {
            expr = first(expr).path(part);
        }
        JsonNode target = referenceIn(address, first(expr), type);
        if (target != null) {
            return target;
        }
        return unresolved(address, attribute, type);
    }

    /**
     * @return a value the template reader cannot resolve, for an attribute that names no resource of {@code type} in
     *     the plan, with its warning
     */
    private JsonNode unresolved(String address, String attribute, String type) {
        findings.add(new Violation("terraform.reference", Severity.WARNING, address, attribute, "unknown",
                "a reference to a " + type + " of the plan", address + ": " + attribute + " names no " + type
                        + " of the plan, so what it runs is not read from the plan"));
        return getAtt(address, attribute);
    }

    /**
     * @return a value the template reader cannot resolve, for an attribute the plan knows only after apply, with its
     *     warning (so the resource is not priced by a default)
     */
    private JsonNode knownAfterApply(String address, String key) {
        unknownAfterApply(address, key, "; the resource is not priced by a guess (give it in the usage file, or plan "
                + "with the value set)");
        return getAtt(address, key);
    }

    /** The warning that an attribute is known only after apply, and what follows from it. */
    private void unknownAfterApply(String address, String key, String consequence) {
        findings.add(new Violation("terraform.unknown", Severity.WARNING, address, key, "known after apply",
                "a value the plan knows", address + ": " + key + " is known only after apply"
                        + (consequence.startsWith(";") ? "" : " ") + consequence));
    }

    /**
     * @return a {@code Ref} to the resource of {@code type} an expression's references name (the instance of the same
     *     index or key as {@code address}, when both are repeated), or null when it names none of the plan
     */
    private JsonNode referenceIn(String address, JsonNode expr, String type) {
        String module = modulePrefix(address);
        String bare = stripIndex(address.substring(module.length()));
        String index = address.substring(module.length() + bare.length());
        for (JsonNode ref : expr.path("references")) {
            String target = ref.asText();
            if (!target.startsWith(type + ".")) {
                continue;
            }
            String[] parts = target.split("\\.");
            String name = stripIndex(parts[0] + "." + parts[1]);
            for (String candidate : new String[] {module + name + index, module + name}) {
                if (addresses.contains(candidate)) {
                    ObjectNode r = Json.nodes().objectNode();
                    r.put("Ref", candidate);
                    return r;
                }
            }
        }
        return null;
    }

    /** @return the resource type of an address: {@code aws_lambda_function} of {@code module.x.aws_lambda_function.f[0]} */
    static String typeOf(String address) {
        String rest = address.substring(modulePrefix(address).length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /**
     * A module path's steps: {@code module.name.}, or for one of a module's for_each or count instances
     * {@code module.name["key"].} (a key may hold dots).
     */
    private static final java.util.regex.Pattern MODULES = java.util.regex.Pattern.compile(
            "^(module\\.[A-Za-z0-9_-]+(\\[(\"[^\"]*\"|[0-9]+)\\])?\\.)+");

    /** @return {@code module.a.module.b["k"].} of an address, or nothing for the root module */
    static String modulePrefix(String address) {
        java.util.regex.Matcher m = MODULES.matcher(address);
        return m.find() ? m.group() : "";
    }

    /** @return a module path without its instances' keys, as the configuration names it: {@code module.b.} */
    static String moduleCall(String prefix) {
        return prefix.replaceAll("\\[(\"[^\"]*\"|[0-9]+)\\]", "");
    }

    /** @return the address without its {@code [0]} or {@code ["key"]} */
    static String stripIndex(String address) {
        int bracket = address.indexOf('[');
        return bracket < 0 ? address : address.substring(0, bracket);
    }

    /** @return the region of a resource's provider configuration, when the plan says it */
    private Optional<String> region(String address) {
        JsonNode config = configurationOf(address);
        String key = config.isMissingNode() ? "aws" : config.path("provider_config_key").asText("aws");
        JsonNode providers = plan.path("configuration").path("provider_config");
        JsonNode provider = providers.path(key);
        if (provider.isMissingNode() && key.contains(":")) {
            provider = providers.path(key.substring(key.indexOf(':') + 1));
        }
        if (provider.isMissingNode()) {
            provider = providers.path("aws");
        }
        // A module given its parent's provider (providers = { aws = aws.eu }) names it as its parent_key.
        for (int hops = 0; hops < 10 && !provider.path("expressions").has("region") && provider.has("parent_key");
                hops++) {
            provider = providers.path(provider.get("parent_key").asText());
        }
        JsonNode region = provider.path("expressions").path("region");
        if (region.has("constant_value")) {
            return Optional.of(region.get("constant_value").asText());
        }
        for (JsonNode ref : region.path("references")) {
            if (ref.asText().startsWith("var.")) {
                JsonNode value = plan.path("variables").path(ref.asText().substring("var.".length())).path("value");
                if (value.isTextual()) {
                    return Optional.of(value.asText());
                }
            }
        }
        if (!region.isMissingNode()) {
            findings.add(new Violation("terraform.region", Severity.WARNING, address, "region", "unknown",
                    "a region the plan knows", address + ": its provider's region (" + key + ") is not known from "
                            + "the plan; it runs in the usage file's region"));
        }
        return Optional.empty();
    }
}
