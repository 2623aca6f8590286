package io.github.computecost.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.computecost.compute.OperatingSystem;
import io.github.computecost.limits.Severity;
import io.github.computecost.limits.Violation;
import io.github.computecost.service.Entry;
import io.github.computecost.service.TemplateMapping;
import io.github.computecost.service.TemplateResource;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Amazon EKS managed node groups in templates ({@code AWS::EKS::Nodegroup}): their nodes are EC2 instances, priced
 * as EC2 prices them. The instance type is the first of {@code InstanceTypes} (or the usage file's
 * {@code instanceType}), the count {@code ScalingConfig.DesiredSize} (or the usage file's {@code count}), the
 * operating system Windows for a {@code WINDOWS_*} {@code AmiType}, Linux otherwise. Spot capacity needs the
 * user's assumed discount ({@code spotDiscountPercent}); the nodes' EBS volumes are not priced, and say so.
 * Stateless.
 */
final class Ec2Templates implements TemplateMapping<Ec2Instance> {

    static final Ec2Templates INSTANCE = new Ec2Templates();

    private static final Set<String> USAGE = Set.of("region", "instanceType", "count", "hoursPerMonth",
            "spotDiscountPercent");

    private Ec2Templates() {
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of("AWS::EKS::Nodegroup", EC2_INSTANCE, ASG);
    }

    @Override
    public Set<String> usageKeys(String type) {
        return type.equals("AWS::EKS::Nodegroup") ? USAGE : INSTANCE_USAGE;
    }

    private static final String ASG = "AWS::AutoScaling::AutoScalingGroup";
    private static final String LAUNCH_TEMPLATE = "AWS::EC2::LaunchTemplate";
    private static final String LAUNCH_CONFIGURATION = "AWS::AutoScaling::LaunchConfiguration";

    /** Launch templates and configurations cost nothing of their own: their instance type is read into the group. */
    @Override
    public Set<String> partTypes() {
        return Set.of(LAUNCH_TEMPLATE, LAUNCH_CONFIGURATION);
    }

    private static final String EC2_INSTANCE = "AWS::EC2::Instance";

    /** AWS::EKS::Nodegroup's properties (CloudFormation's reference, as the CDK's CfnNodegroupProps of v2.274 list them, read 2026-12-02). */
    private static final java.util.Map<String, Set<String>> PROPERTIES = java.util.Map.of(
            "AWS::EKS::Nodegroup", Set.of("AmiType", "CapacityType", "ClusterName", "DiskSize", "ForceUpdateEnabled",
                    "InstanceTypes", "Labels", "LaunchTemplate", "NodeRepairConfig", "NodeRole", "NodegroupName",
                    "ReleaseVersion", "RemoteAccess", "ScalingConfig", "Subnets", "Tags", "Taints", "UpdateConfig",
                    "Version", "WarmPoolConfig"),
            "AWS::EKS::Nodegroup.ScalingConfig", Set.of("DesiredSize", "MaxSize", "MinSize"),
            "AWS::EKS::Nodegroup.LaunchTemplate", Set.of("Id", "Name", "Version"),
            // AWS::EC2::Instance's (the CDK's CfnInstanceProps of v2.274, read 2026-12-02).
            EC2_INSTANCE, Set.of("AdditionalInfo", "Affinity", "AvailabilityZone", "BlockDeviceMappings", "CpuOptions",
                    "CreditSpecification", "DisableApiTermination", "EbsOptimized", "ElasticGpuSpecifications",
                    "ElasticInferenceAccelerators", "EnclaveOptions", "HibernationOptions", "HostId",
                    "HostResourceGroupArn", "IamInstanceProfile", "ImageId", "InstanceInitiatedShutdownBehavior",
                    "InstanceType", "Ipv6AddressCount", "Ipv6Addresses", "KernelId", "KeyName", "LaunchTemplate",
                    "LicenseSpecifications", "MetadataOptions", "Monitoring", "NetworkInterfaces",
                    "PlacementGroupName", "PrivateDnsNameOptions", "PrivateIpAddress",
                    "PropagateTagsToVolumeOnCreation", "RamdiskId", "SecurityGroupIds", "SecurityGroups",
                    "SourceDestCheck", "SsmAssociations", "SubnetId", "Tags", "Tenancy", "UserData", "Volumes"),
            // AWS::AutoScaling::AutoScalingGroup's (the CDK's CfnAutoScalingGroupProps of v2.274).
            ASG, Set.of("AutoScalingGroupName", "AvailabilityZoneDistribution", "AvailabilityZoneIds",
                    "AvailabilityZoneImpairmentPolicy", "AvailabilityZones", "CapacityRebalance",
                    "CapacityReservationSpecification", "Context", "Cooldown", "DefaultInstanceWarmup",
                    "DeletionProtection", "DesiredCapacity", "DesiredCapacityType", "HealthCheckGracePeriod",
                    "HealthCheckType", "InstanceId", "InstanceLifecyclePolicy", "InstanceMaintenancePolicy",
                    "LaunchConfigurationName", "LaunchTemplate", "LifecycleHookSpecificationList", "LoadBalancerNames",
                    "MaxInstanceLifetime", "MaxSize", "MetricsCollection", "MinSize", "MixedInstancesPolicy",
                    "NewInstancesProtectedFromScaleIn", "NotificationConfiguration", "NotificationConfigurations",
                    "PlacementGroup", "ServiceLinkedRoleARN", "SkipZonalShiftValidation", "Tags", "TargetGroupARNs",
                    "TerminationPolicies", "TrafficSources", "VPCZoneIdentifier"),
            ASG + ".LaunchTemplate", Set.of("LaunchTemplateId", "LaunchTemplateName", "Version"));

    @Override
    public java.util.Map<String, Set<String>> knownProperties() {
        return PROPERTIES;
    }

    /** EKS's AMI types for managed node groups (its API reference, AMITypes, as the AWS SDKs list it, read 2026-12-02). */
    static final java.util.List<String> AMI_TYPES = java.util.List.of("AL2_x86_64", "AL2_x86_64_GPU", "AL2_ARM_64",
            "CUSTOM", "BOTTLEROCKET_ARM_64", "BOTTLEROCKET_x86_64", "BOTTLEROCKET_ARM_64_FIPS",
            "BOTTLEROCKET_x86_64_FIPS", "BOTTLEROCKET_ARM_64_NVIDIA", "BOTTLEROCKET_x86_64_NVIDIA",
            "BOTTLEROCKET_ARM_64_NVIDIA_FIPS", "BOTTLEROCKET_x86_64_NVIDIA_FIPS", "WINDOWS_CORE_2019_x86_64",
            "WINDOWS_FULL_2019_x86_64", "WINDOWS_CORE_2022_x86_64", "WINDOWS_FULL_2022_x86_64",
            "WINDOWS_CORE_2025_x86_64", "WINDOWS_FULL_2025_x86_64", "AL2023_x86_64_STANDARD", "AL2023_ARM_64_STANDARD",
            "AL2023_x86_64_NEURON", "AL2023_x86_64_NVIDIA", "AL2023_ARM_64_NVIDIA");

    /** EKS's capacity types (the same reference). */
    private static final java.util.List<String> CAPACITY_TYPES = java.util.List.of("ON_DEMAND", "SPOT",
            "CAPACITY_BLOCK");

    @Override
    public Optional<Ec2Instance> read(TemplateResource t) {
        if (t.type().equals(EC2_INSTANCE)) {
            return instance(t);
        }
        if (t.type().equals(ASG)) {
            return group(t);
        }
        String id = t.logicalId();
        JsonNode p = t.properties();
        Optional<Entry> use = t.usage();
        use.ifPresent(u -> u.allowOnly(USAGE));
        // The instance type: the usage file's, else the first of InstanceTypes.
        String type = use.flatMap(u -> u.optString("instanceType")).orElse(null);
        if (type == null) {
            Optional<JsonNode> types = t.resolve(p.path("InstanceTypes"));
            if (types.isPresent() && types.get().isArray() && types.get().size() > 0) {
                Optional<JsonNode> first = t.resolve(types.get().get(0));
                if (first.isEmpty() || !first.get().isTextual()) {
                    t.unknown("InstanceTypes", "the node group is not priced (give instanceType in the usage file)");
                    return Optional.empty();
                }
                type = first.get().asText();
                if (types.get().size() > 1) {
                    t.report(new Violation("template.assumed", Severity.WARNING, id, "InstanceTypes",
                            types.get().toString(), "one instance type", id + ": the node group may launch any of "
                                    + types.get().size() + " instance types; priced as " + type + ", the first (give "
                                    + "instanceType in the usage file to choose another)"));
                }
            } else {
                t.unknown(p.has("LaunchTemplate") ? "LaunchTemplate" : "InstanceTypes", "the node group's instance "
                        + "type is not in its properties, so it is not priced (give instanceType in the usage file)");
                return Optional.empty();
            }
        }
        Integer count = use.filter(u -> u.has("count")).map(u -> u.nonNegativeInt("count")).orElse(null);
        if (count == null) {
            Optional<BigDecimal> desired = t.number(p.path("ScalingConfig"), "DesiredSize",
                    "the node count is unknown, so the node group is not priced (give count in the usage file)");
            if (desired.isEmpty()) {
                if (!p.path("ScalingConfig").has("DesiredSize")) {
                    t.unknown("ScalingConfig.DesiredSize", "the node count is unknown, so the node group is not priced "
                            + "(give count in the usage file)");
                }
                return Optional.empty();
            }
            try {
                count = desired.get().intValueExact();
            } catch (ArithmeticException e) {
                throw t.error("ScalingConfig.DesiredSize", "must be a whole number, was " + desired.get().toPlainString());
            }
        }
        OperatingSystem os = OperatingSystem.LINUX;
        if (p.has("AmiType")) {
            Optional<JsonNode> ami = t.resolve(p.get("AmiType"));
            if (ami.isEmpty()) {
                t.unknown("AmiType", "the nodes' operating system (Linux or Windows) is unknown, so the node group is "
                        + "not priced");
                return Optional.empty();
            }
            if (!AMI_TYPES.contains(ami.get().asText())) {
                throw t.error("AmiType", "must be one of EKS's " + AMI_TYPES.size() + " AMI types (AL2023_x86_64_STANDARD, "
                        + "WINDOWS_CORE_2022_x86_64, ...), was \"" + io.github.computecost.internal.Json.excerpt(
                                ami.get().asText()) + "\"");
            }
            os = ami.get().asText().startsWith("WINDOWS_") ? OperatingSystem.WINDOWS : OperatingSystem.LINUX;
        }
        Optional<BigDecimal> spot = use.flatMap(u -> u.optNonNegative("spotDiscountPercent"));
        Optional<String> capacity = t.oneOf(p, "CapacityType", CAPACITY_TYPES, "CapacityType", "whether the nodes "
                + "are On-Demand or Spot is unknown, so the node group is not priced");
        if (p.has("CapacityType") && capacity.isEmpty()) {
            return Optional.empty();
        }
        String capacityType = capacity.orElse("ON_DEMAND");
        if (capacityType.equals("CAPACITY_BLOCK")) {
            t.report(new Violation("template.unsupported", Severity.ERROR, id, "CapacityType", "CAPACITY_BLOCK",
                    "ON_DEMAND or SPOT", id + ": a node group on EC2 Capacity Blocks is billed at the block's price, "
                            + "paid upfront, which no bundled source gives; it is not priced"));
            return Optional.empty();
        }
        if (capacityType.equals("SPOT") && spot.isEmpty()) {
            t.report(new Violation("template.spot", Severity.WARNING, id, "CapacityType", "SPOT",
                    "spotDiscountPercent in the usage file", id + ": a Spot node group's price is Spot's, which no "
                            + "bundled source gives; it is not priced (give spotDiscountPercent, your assumption, in "
                            + "the usage file)"));
            return Optional.empty();
        }
        BigDecimal disk = t.number(p, "DiskSize", "the size of the nodes' volumes is unknown").orElse(BigDecimal.valueOf(20));
        t.report(new Violation("template.not-priced-part", Severity.WARNING, id, "DiskSize", disk.toPlainString(),
                "EBS volumes", id + ": each node's " + disk.toPlainString() + " GB EBS volume is not priced (EBS is "
                        + "not a service compute-cost prices)"));
        return Optional.of(instances(t, use, type, os, count));
    }

    /**
     * {@code count} instances of {@code type} for the usage entry's {@code hoursPerMonth} (all month by default), in
     * its region, at its Spot discount if it gives one.
     */
    private static Ec2Instance instances(TemplateResource t, Optional<Entry> use, String type, OperatingSystem os,
            int count) {
        String id = t.name();
        BigDecimal hours = use.map(u -> u.nonNegative("hoursPerMonth", Ec2Instance.HOURS_PER_MONTH))
                .orElse(Ec2Instance.HOURS_PER_MONTH);
        Optional<BigDecimal> spot = use.flatMap(u -> u.optNonNegative("spotDiscountPercent"));
        Optional<String> region = use.flatMap(u -> u.optString("region"));
        return use.map(u -> u.step("hoursPerMonth", () -> new Ec2Instance(id, region, type, os, count, hours, spot)))
                .orElseGet(() -> new Ec2Instance(id, region, type, os, count, hours, spot));
    }

    /**
     * The operating system of instances whose AMI the template names only by id: the usage entry's {@code os}, else
     * Linux, with a warning that it is assumed.
     */
    private static OperatingSystem assumedOs(TemplateResource t, Optional<Entry> use) {
        if (use.isPresent() && use.get().has("os")) {
            return use.get().parse("os", OperatingSystem::parse);
        }
        t.report(new Violation("template.assumed", Severity.WARNING, t.logicalId(), "ImageId", "unknown",
                "an operating system", t.logicalId() + ": the AMI's operating system is not in the template; priced "
                        + "as Linux (give os: windows in the usage file if it is not)"));
        return OperatingSystem.LINUX;
    }

    /** The usage keys of a template instance: a node group's, and the operating system its AMI runs. */
    private static final Set<String> INSTANCE_USAGE = Set.of("region", "instanceType", "count", "hoursPerMonth",
            "spotDiscountPercent", "os");

    /**
     * An {@code AWS::EC2::Instance}: its {@code InstanceType} (CloudFormation's default m1.small when it gives none),
     * one instance all month, on Linux unless the usage file's {@code os} says otherwise (an AMI's operating system
     * is known only once it is looked up, so the assumption is a warning); {@code Tenancy: dedicated} or
     * {@code host} is not priced. One launched from a launch template without an InstanceType is not priced.
     */
    private static Optional<Ec2Instance> instance(TemplateResource t) {
        String id = t.logicalId();
        JsonNode p = t.properties();
        Optional<Entry> use = t.usage();
        use.ifPresent(u -> u.allowOnly(INSTANCE_USAGE));
        String type = use.flatMap(u -> u.optString("instanceType")).orElse(null);
        if (type == null && p.has("InstanceType")) {
            Optional<JsonNode> v = t.resolve(p.get("InstanceType"));
            if (v.isEmpty() || !v.get().isTextual()) {
                t.unknown("InstanceType", "the instance is not priced (give instanceType in the usage file)");
                return Optional.empty();
            }
            type = v.get().asText();
        }
        if (type == null && p.has("LaunchTemplate")) {
            t.unknown("LaunchTemplate", "the instance type is in its launch template, so it is not priced (give "
                    + "instanceType in the usage file)");
            return Optional.empty();
        }
        if (type == null) {
            type = "m1.small"; // CloudFormation's default for AWS::EC2::Instance
        }
        if (p.has("Tenancy")) {
            Optional<JsonNode> tenancy = t.resolve(p.get("Tenancy"));
            if (tenancy.isEmpty() || !tenancy.get().asText().equals("default")) {
                t.report(new Violation("template.unsupported", Severity.ERROR, id, "Tenancy",
                        tenancy.map(JsonNode::asText).orElse("unknown"), "default", id + ": a dedicated or host "
                                + "instance is billed at dedicated rates, which no bundled source gives; it is not priced"));
                return Optional.empty();
            }
        }
        OperatingSystem os = assumedOs(t, use);
        int count = use.filter(u -> u.has("count")).map(u -> u.nonNegativeInt("count")).orElse(1);
        return Optional.of(instances(t, use, type, os, count));
    }

    /**
     * An {@code AWS::AutoScaling::AutoScalingGroup}: {@code DesiredCapacity} instances all month (else
     * {@code MinSize}, with a warning that the group may run up to {@code MaxSize}), of the instance type of its
     * launch template ({@code LaunchTemplateData.InstanceType}) or launch configuration in the same template, or
     * the usage file's {@code instanceType}; on Linux unless the usage entry's {@code os} says otherwise.
     *
     * <p>A mixed-instances policy is priced where Auto Scaling's choice is fixed by the template: all of its
     * capacity On-Demand ({@code OnDemandBaseCapacity} and {@code OnDemandPercentageAboveBaseCapacity}, by default
     * 0 and 100) and the {@code prioritized} On-Demand strategy (the default without {@code InstanceRequirements}),
     * which launches the first override's type; its {@code WeightedCapacity} counts capacity units, so the group
     * runs the desired capacity divided by the weight, rounded up. Spot capacity (placed by Spot prices and
     * capacity, which no bundled source gives) or a {@code lowest-price} strategy is reported and not priced.
     */
    private static Optional<Ec2Instance> group(TemplateResource t) {
        String id = t.logicalId();
        JsonNode p = t.properties();
        Optional<Entry> use = t.usage();
        use.ifPresent(u -> u.allowOnly(INSTANCE_USAGE));
        String type = use.flatMap(u -> u.optString("instanceType")).orElse(null);
        JsonNode mixed = type == null ? p.path("MixedInstancesPolicy") : com.fasterxml.jackson.databind.node
                .MissingNode.getInstance();
        int weight = 1;
        if (mixed.isObject()) {
            Optional<Map.Entry<String, Integer>> first = firstOverride(t, mixed);
            if (first.isEmpty()) {
                return Optional.empty(); // reported
            }
            type = first.get().getKey();
            weight = first.get().getValue();
        }
        if (type == null) {
            JsonNode data = launchTemplateData(t, p.path("LaunchTemplate"));
            JsonNode resources = t.template().path("Resources");
            String lc = p.path("LaunchConfigurationName").path("Ref").asText("");
            if (!lc.isEmpty() && resources.path(lc).path("Type").asText().equals(LAUNCH_CONFIGURATION)) {
                data = resources.path(lc).path("Properties");
            }
            Optional<JsonNode> v = data == null ? Optional.empty() : t.resolve(data.path("InstanceType"));
            if (v.isEmpty() || !v.get().isTextual()) {
                t.unknown(p.has("LaunchConfigurationName") ? "LaunchConfigurationName" : "LaunchTemplate",
                        "the group's instance type is not in a launch template or configuration of this template, so "
                                + "it is not priced (give instanceType in the usage file)");
                return Optional.empty();
            }
            type = v.get().asText();
        }
        Integer count = use.filter(u -> u.has("count")).map(u -> u.nonNegativeInt("count")).orElse(null);
        if (count == null) {
            String key = p.has("DesiredCapacity") ? "DesiredCapacity" : "MinSize";
            Optional<BigDecimal> n = t.number(p, key, "the group's size is unknown, so it is not priced (give count "
                    + "in the usage file)");
            if (n.isEmpty()) {
                return Optional.empty();
            }
            try {
                count = n.get().intValueExact();
            } catch (ArithmeticException e) {
                throw t.error(key, "must be a whole number of instances, was " + n.get().toPlainString());
            }
            if (count < 0) {
                throw t.error(key, "must be 0 or more, was " + count);
            }
            if (key.equals("MinSize")) {
                String max = t.resolve(p.path("MaxSize")).map(JsonNode::asText).orElse("?");
                t.report(new Violation("template.range", Severity.WARNING, id, "DesiredCapacity", "absent",
                        "a desired capacity", id + ": the group runs " + count + " to " + max + (mixed.isObject()
                                ? " capacity units" : " instances") + "; priced at its MinSize, " + count
                                + " (give count in the usage file for another size)"));
            }
            if (mixed.isObject()) {
                if (!allOnDemand(t, mixed.path("InstancesDistribution"), count)) {
                    return Optional.empty(); // reported
                }
                int units = count;
                count = (count + weight - 1) / weight;
                if (weight > 1) {
                    t.report(new Violation("template.weighted", Severity.WARNING, id, "WeightedCapacity",
                            Integer.toString(weight), "capacity units per instance", id + ": " + units
                                    + " capacity units of " + type + " at a weight of " + weight + " each: priced as "
                                    + count + " instances"));
                }
            }
        }
        return Optional.of(instances(t, use, type, assumedOs(t, use), count));
    }

    /**
     * @return the instance type the {@code prioritized} On-Demand strategy launches (the first override's, or the
     *     policy's launch template's when it has none) and its weight; empty, reported, when the template does not
     *     fix it
     */
    private static Optional<Map.Entry<String, Integer>> firstOverride(TemplateResource t, JsonNode mixed) {
        JsonNode lt = mixed.path("LaunchTemplate");
        JsonNode overrides = lt.path("Overrides");
        JsonNode first = overrides.isArray() && overrides.size() > 0 ? overrides.get(0) : null;
        boolean requirements = false;
        for (JsonNode o : overrides) {
            requirements |= o.has("InstanceRequirements");
        }
        String strategy = t.resolve(mixed.path("InstancesDistribution").path("OnDemandAllocationStrategy"))
                .filter(JsonNode::isTextual).map(JsonNode::asText).orElse(requirements ? "lowest-price" : "prioritized");
        if (!strategy.equals("prioritized")) {
            t.unknown("MixedInstancesPolicy.InstancesDistribution.OnDemandAllocationStrategy", "the group launches "
                    + "the lowest-priced of its types in each zone, which depends on prices at launch, so it is not "
                    + "priced (give instanceType and count in the usage file)");
            return Optional.empty();
        }
        Optional<JsonNode> type = first != null && first.has("InstanceType") ? t.resolve(first.get("InstanceType"))
                : Optional.empty();
        if (type.isEmpty() || !type.get().isTextual()) {
            JsonNode data = launchTemplateData(t, first != null && first.has("LaunchTemplateSpecification")
                    ? first.get("LaunchTemplateSpecification") : lt.path("LaunchTemplateSpecification"));
            type = data == null ? Optional.empty() : t.resolve(data.path("InstanceType"));
        }
        if (type.isEmpty() || !type.get().isTextual()) {
            t.unknown("MixedInstancesPolicy.LaunchTemplate", "the first instance type the group launches is not in "
                    + "the template, so it is not priced (give instanceType in the usage file)");
            return Optional.empty();
        }
        int weight = 1;
        if (first != null && first.has("WeightedCapacity")) {
            Optional<BigDecimal> w = t.number(first, "WeightedCapacity", "the group is not priced");
            if (w.isEmpty()) {
                return Optional.empty();
            }
            try {
                weight = w.get().intValueExact();
            } catch (ArithmeticException e) {
                weight = 0;
            }
            if (weight < 1 || weight > 999) {
                throw t.error("MixedInstancesPolicy.LaunchTemplate.Overrides[0].WeightedCapacity",
                        "must be a whole number from 1 to 999, was " + w.get().toPlainString());
            }
        }
        return Optional.of(Map.entry(type.get().asText(), weight));
    }

    /**
     * @return the {@code LaunchTemplateData} of the template's {@code AWS::EC2::LaunchTemplate} a launch template
     *     specification names ({@code LaunchTemplateId} or {@code LaunchTemplateName} by {@code Ref}), or null
     */
    private static JsonNode launchTemplateData(TemplateResource t, JsonNode spec) {
        String ref = spec.path("LaunchTemplateId").path("Ref").asText(spec.path("LaunchTemplateName").path("Ref")
                .asText(""));
        JsonNode resources = t.template().path("Resources");
        return ref.isEmpty() || !resources.path(ref).path("Type").asText().equals(LAUNCH_TEMPLATE) ? null
                : resources.path(ref).path("Properties").path("LaunchTemplateData");
    }

    /**
     * @return whether the distribution puts all {@code capacity} units On-Demand; false, reported, when some run on
     *     Spot or the split cannot be resolved
     */
    private static boolean allOnDemand(TemplateResource t, JsonNode distribution, int capacity) {
        Optional<BigDecimal> base = t.number(distribution, "OnDemandBaseCapacity", "the group is not priced");
        Optional<BigDecimal> percent = t.number(distribution, "OnDemandPercentageAboveBaseCapacity",
                "the group is not priced");
        if (distribution.has("OnDemandBaseCapacity") && base.isEmpty()
                || distribution.has("OnDemandPercentageAboveBaseCapacity") && percent.isEmpty()) {
            return false;
        }
        BigDecimal b = base.orElse(BigDecimal.ZERO);
        BigDecimal pct = percent.orElse(BigDecimal.valueOf(100));
        if (pct.compareTo(BigDecimal.valueOf(100)) < 0 && b.compareTo(BigDecimal.valueOf(capacity)) < 0) {
            t.report(new Violation("template.spot", Severity.WARNING, t.logicalId(), "InstancesDistribution",
                    pct.toPlainString() + "% On-Demand above " + b.toPlainString(), "all On-Demand",
                    t.logicalId() + ": part of the group runs on Spot, placed by Spot prices and capacity, which no "
                            + "bundled source gives; it is not priced (give instanceType, count and "
                            + "spotDiscountPercent in the usage file)"));
            return false;
        }
        return true;
    }
}
