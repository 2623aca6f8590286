package io.github.computecost.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.computecost.compute.Architecture;
import io.github.computecost.limits.Severity;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.limits.Violation;
import io.github.computecost.money.Amounts;
import io.github.computecost.pricing.TableSchema;
import io.github.computecost.service.ContainerTasks;
import io.github.computecost.service.Entry;
import io.github.computecost.service.InstanceHours;
import io.github.computecost.service.InstanceHours.InstanceShape;
import io.github.computecost.service.LimitChecks;
import io.github.computecost.service.MeteredResource;
import io.github.computecost.service.Service;
import io.github.computecost.service.ServiceContext;
import io.github.computecost.service.TemplateMapping;
import io.github.computecost.service.TemplateResource;
import io.github.computecost.service.UsageRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * AWS Batch as the estimator knows it: workload type {@code batch}, jobs priced as the Fargate tasks or EC2
 * instances they run on (see the package description), their limits, and the template resource
 * {@code AWS::Batch::JobDefinition}. Batch is free; the line items are Fargate's or EC2's. Stateless and thread-safe.
 */
public final class BatchService implements Service<BatchJobs>, TemplateMapping<BatchJobs> {

    /** The one instance. */
    public static final BatchService INSTANCE = new BatchService();

    /** AWS service code of Batch's table (limits and rules; no prices: Batch is free). */
    public static final String TABLE = "AWSBatch";

    /** The keys of a job's usage, in a workload entry and a template's usage entry alike. */
    private static final Set<String> USAGE = Set.of("region", "platform", "architecture", "submissionsPerMonth",
            "arraySize", "durationSeconds", "instanceType", "spotDiscountPercent");
    private static final Set<String> KEYS = Entry.keysOf(USAGE, "vcpu", "memoryMib", "timeoutSeconds");

    private BatchService() {
    }

    @Override
    public String type() {
        return BatchJobs.TYPE;
    }

    @Override
    public Set<String> entryKeys() {
        return KEYS;
    }

    @Override
    public Class<BatchJobs> resourceType() {
        return BatchJobs.class;
    }

    @Override
    public String title() {
        return "AWS Batch";
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    @Override
    public List<TableSchema<?>> schemas() {
        return List.of(BatchTables.SCHEMA);
    }

    /** Priced where its capacity is: without a resource, the regions of the EC2 table. */
    @Override
    public String regionTable(ServiceContext context) {
        return context.instances().map(InstanceHours::table).orElse(TABLE);
    }

    /** Jobs on Fargate are priced where Fargate is; jobs on EC2 where EC2 is. */
    @Override
    public String regionTable(BatchJobs j, ServiceContext context) {
        if (!j.platform().ec2() && context.containers().isPresent()) {
            return context.containers().get().table(j.platform().spot());
        }
        return regionTable(context);
    }

    @Override
    public BatchJobs read(Entry r) {
        r.allowOnly(entryKeys());
        Optional<Integer> timeout = r.has("timeoutSeconds") ? Optional.of(r.positiveInt("timeoutSeconds"))
                : Optional.empty();
        return jobs(r, r.string("name"), BatchJobs.Platform.FARGATE, Architecture.X86_64, r.positive("vcpu"),
                r.positiveInt("memoryMib"), timeout);
    }

    /** The usage keys, read the same way from a workload entry and a template's usage entry. */
    private static BatchJobs jobs(Entry r, String name, BatchJobs.Platform fallback, Architecture architecture,
            BigDecimal vcpu, int memoryMib, Optional<Integer> timeout) {
        BatchJobs.Platform platform = r.parse("platform", BatchJobs.Platform::parse, fallback);
        Architecture a = r.parse("architecture", Architecture::parse, architecture);
        long submissions = r.nonNegativeLong("submissionsPerMonth");
        int array = r.positiveInt("arraySize", 1);
        BigDecimal duration = r.positive("durationSeconds");
        Optional<String> type = r.optString("instanceType");
        Optional<BigDecimal> discount = r.optNonNegative("spotDiscountPercent");
        return r.step("spotDiscountPercent", () -> new BatchJobs(name, r.optString("region"), platform, a, vcpu,
                memoryMib, submissions, array, duration, type, discount, timeout));
    }

    @Override
    public ValidationReport check(BatchJobs j, ServiceContext context) {
        BatchTables t = context.tables(BatchTables.SCHEMA);
        List<Violation> out = new ArrayList<>(0);
        String name = j.name();
        LimitChecks.range(out, name, title(), t.memoryMib(), "memoryMib", BigDecimal.valueOf(j.memoryMib()),
                "batch.memory");
        j.timeoutSeconds().ifPresent(s -> {
            BigDecimal v = BigDecimal.valueOf(s);
            LimitChecks.range(out, name, title(), t.timeoutSeconds(), "timeoutSeconds", v, "batch.timeout");
            if (j.durationSeconds().compareTo(v) > 0) {
                out.add(new Violation("batch.duration.over-timeout", Severity.ERROR, name, "durationSeconds",
                        j.durationSeconds().toPlainString(), "at most timeoutSeconds = " + s, name + ": durationSeconds "
                                + j.durationSeconds().toPlainString() + " is longer than the job's timeout of " + s
                                + " s: Batch would stop every attempt"));
            }
        });
        if (!j.platform().ec2()) {
            if (j.instanceType().isPresent() || j.spotDiscountPercent().isPresent()) {
                out.add(new Violation("batch.fargate.ec2-keys", Severity.ERROR, name, j.instanceType().isPresent()
                        ? "instanceType" : "spotDiscountPercent", "given", "only on ec2 and ec2-spot", name
                                + ": instanceType and spotDiscountPercent are for jobs on EC2; Fargate sizes the task"));
            }
            Optional<ContainerTasks> c = context.containers();
            if (c.isEmpty()) {
                out.add(new Violation("batch.fargate.capacity", Severity.ERROR, name, "platform", j.platform().key(),
                        "a price book with Fargate", name + ": the price book has no Fargate table"));
            } else {
                out.addAll(c.get().check(name, j.architecture(), j.vcpu(), memoryGb(j), j.platform().spot())
                        .violations());
            }
            return new ValidationReport(out);
        }
        LimitChecks.range(out, name, title(), t.ec2Vcpu(), "vcpu", j.vcpu(), "batch.ec2.vcpu");
        if (j.vcpu().stripTrailingZeros().scale() > 0) {
            out.add(new Violation("batch.ec2.vcpu", Severity.ERROR, name, "vcpu", j.vcpu().toPlainString(),
                    "a whole number", name + ": vcpu " + j.vcpu().toPlainString() + " on EC2 must be a whole number"));
        }
        if (j.platform() == BatchJobs.Platform.EC2_SPOT && j.spotDiscountPercent().isEmpty()) {
            out.add(new Violation("batch.spot.discount", Severity.ERROR, name, "spotDiscountPercent", "missing",
                    "your assumed Spot discount, 0 to 100", name + ": EC2 Spot has no published price; give "
                            + "spotDiscountPercent, your assumed discount off on-demand"));
        }
        if (j.platform() == BatchJobs.Platform.EC2 && j.spotDiscountPercent().isPresent()) {
            out.add(new Violation("batch.spot.discount", Severity.ERROR, name, "spotDiscountPercent", "given",
                    "only with platform ec2-spot", name + ": spotDiscountPercent is for platform ec2-spot"));
        }
        Optional<InstanceShape> shape = LimitChecks.instanceShape(out, "batch.ec2.instance-type", name, "instanceType",
                j.instanceType(), context.instances());
        if (shape.isPresent() && perInstance(j, shape.get(), t) == 0) {
            out.add(new Violation("batch.ec2.fit", Severity.ERROR, name, "memoryMib", j.vcpu().toPlainString()
                    + " vCPU / " + j.memoryMib() + " MiB", shape.get().vcpu().toPlainString() + " vCPU / "
                            + shape.get().memoryMib().stripTrailingZeros().toPlainString() + " MiB less "
                            + reserved(shape.get(), t) + " MiB reserved", name + ": one job (" + j.vcpu().toPlainString()
                            + " vCPU, " + j.memoryMib() + " MiB) does not fit on " + shape.get().type()));
        }
        return new ValidationReport(out);
    }

    private static BigDecimal memoryGb(BatchJobs j) {
        return BigDecimal.valueOf(j.memoryMib()).divide(BigDecimal.valueOf(1024)); // a power of two: exact
    }

    private static long reserved(InstanceShape shape, BatchTables t) {
        return shape.reservedMib(t.reservedMemoryShare());
    }

    private static long perInstance(BatchJobs j, InstanceShape shape, BatchTables t) {
        long shares = j.vcpu().multiply(t.cpuSharesPerVcpu()).setScale(0, RoundingMode.CEILING).longValueExact();
        return shape.holds(shares, j.memoryMib(), t.cpuSharesPerVcpu(), reserved(shape, t));
    }

    @Override
    public MeteredResource meter(BatchJobs j, ServiceContext context) {
        String region = context.region();
        if (!j.platform().ec2()) {
            MeteredResource m = context.containers().orElseThrow().runs(j.name(), BatchJobs.TYPE, region,
                    j.architecture(), j.vcpu(), memoryGb(j), j.platform().spot(),
                    j.jobsPerMonth().longValueExact(), j.durationSeconds());
            List<String> notes = new ArrayList<>(m.notes());
            notes.add(j.jobsPerMonth().toPlainString() + " jobs (" + j.submissionsPerMonth() + " submissions × "
                    + j.arraySize() + ") on " + (j.platform().spot() ? "Fargate Spot" : "Fargate") + ", each a task of "
                    + Amounts.plain(j.vcpu()) + " vCPU and " + j.memoryMib() + " MiB. Batch itself is free.");
            return new MeteredResource(m.name(), m.type(), m.service(), m.region(), m.usage(), notes,
                    m.adjustments());
        }
        InstanceHours instances = context.requireInstances();
        InstanceShape shape = instances.shape(j.instanceType().orElseThrow()).orElseThrow();
        BatchTables t = context.tables(BatchTables.SCHEMA);
        long per = perInstance(j, shape, t);
        long instancesPerSubmission = (j.arraySize() + per - 1) / per;
        long runs = Math.multiplyExact(instancesPerSubmission, j.submissionsPerMonth());
        BigDecimal hours = instances.billedHours(j.durationSeconds(), runs);
        List<String> notes = new ArrayList<>();
        notes.add(j.submissionsPerMonth() + " submissions × " + j.arraySize() + " jobs of " + Amounts.plain(j.vcpu())
                + " vCPU and " + j.memoryMib() + " MiB; " + per + " per " + shape.type() + " (after " + reserved(shape, t)
                + " MiB reserved): " + instancesPerSubmission + " instance" + (instancesPerSubmission == 1 ? "" : "s")
                + " per submission for " + Amounts.plain(j.durationSeconds()) + " s, billed as EC2 bills each run. "
                + "Instance start-up is not counted; Batch itself is free.");
        List<MeteredResource.Adjustment> adjustments = List.of();
        if (j.platform() == BatchJobs.Platform.EC2_SPOT) {
            BigDecimal p = j.spotDiscountPercent().orElseThrow();
            adjustments = List.of(MeteredResource.Adjustment.spot(shape.linuxUsageType(), p));
            notes.add("Spot: priced at on-demand less " + p.stripTrailingZeros().toPlainString() + "% (your "
                    + "assumption, not an AWS price).");
        }
        return new MeteredResource(j.name(), BatchJobs.TYPE, instances.table(), region,
                List.of(new UsageRecord(shape.linuxUsageType(), hours, true)), notes, adjustments);
    }

    @Override
    public Optional<TemplateMapping<BatchJobs>> templates() {
        return Optional.of(this);
    }

    private static final String JOB_DEFINITION = "AWS::Batch::JobDefinition";
    private static final String COMPUTE_ENVIRONMENT = "AWS::Batch::ComputeEnvironment";

    /**
     * AWS::Batch::JobDefinition's properties (CloudFormation's reference, read 2026-12-02), and
     * AWS::Batch::ComputeEnvironment's (the CDK's CfnComputeEnvironmentProps of v2, read 2026-12-03).
     */
    private static final java.util.Map<String, Set<String>> PROPERTIES = java.util.Map.of(COMPUTE_ENVIRONMENT,
            Set.of("ComputeEnvironmentName", "ComputeResources", "Context", "EksConfiguration",
                    "ReplaceComputeEnvironment", "ServiceRole", "State", "Tags", "Type", "UnmanagedvCpus",
                    "UpdatePolicy"),
            JOB_DEFINITION,
            Set.of("ConsumableResourceProperties", "ContainerProperties", "EcsProperties", "EksProperties",
                    "JobDefinitionName", "NodeProperties", "Parameters", "PlatformCapabilities", "PropagateTags",
                    "ResourceRetentionPolicy", "RetryStrategy", "SchedulingPriority", "Tags", "Timeout", "Type"),
            "AWS::Batch::JobDefinition.ContainerProperties", Set.of("Command", "EnableExecuteCommand", "Environment",
                    "EphemeralStorage", "ExecutionRoleArn", "FargatePlatformConfiguration", "Image", "InstanceType",
                    "JobRoleArn", "LinuxParameters", "LogConfiguration", "Memory", "MountPoints",
                    "NetworkConfiguration", "Privileged", "ReadonlyRootFilesystem", "RepositoryCredentials",
                    "ResourceRequirements", "RuntimePlatform", "Secrets", "Ulimits", "User", "Vcpus", "Volumes"),
            "AWS::Batch::JobDefinition.ContainerProperties.ResourceRequirements", Set.of("Type", "Value"),
            "AWS::Batch::JobDefinition.ContainerProperties.RuntimePlatform",
                    Set.of("CpuArchitecture", "OperatingSystemFamily"),
            "AWS::Batch::JobDefinition.ContainerProperties.EphemeralStorage", Set.of("SizeInGiB"),
            "AWS::Batch::JobDefinition.Timeout", Set.of("AttemptDurationSeconds"));

    @Override
    public java.util.Map<String, Set<String>> knownProperties() {
        return PROPERTIES;
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of(JOB_DEFINITION, COMPUTE_ENVIRONMENT);
    }

    /**
     * A job queue and a scheduling policy cost nothing ("There is no additional charge for AWS Batch"): read as parts
     * of the jobs they schedule.
     */
    @Override
    public Set<String> partTypes() {
        return Set.of("AWS::Batch::JobQueue", "AWS::Batch::SchedulingPolicy");
    }

    /** A job definition's usage; a compute environment takes none (its jobs' usage is on their definitions). */
    @Override
    public Set<String> usageKeys(String type) {
        return type.equals(COMPUTE_ENVIRONMENT) ? Set.of() : USAGE;
    }

    /**
     * A compute environment costs nothing of its own: the instances or Fargate capacity it provides are billed as its
     * jobs run, and each job definition's usage prices them. A managed EC2 or Spot environment whose
     * {@code MinvCpus} is above 0 keeps that many vCPUs of instances running all month whether jobs run or not; that
     * cost is not priced, and the environment is listed as not priced, with the reason.
     */
    private static Optional<BatchJobs> computeEnvironment(TemplateResource t) {
        Optional<Entry> use = t.usage();
        if (use.isPresent() && use.get().keys().stream().anyMatch(k -> !k.equals("name") && !k.equals("type"))) {
            throw use.get().error("a compute environment takes no usage: its jobs' usage (submissions, duration, "
                    + "instance type) is given on their job definition");
        }
        JsonNode p = t.properties();
        String type = t.resolve(p.path("Type")).map(JsonNode::asText).orElse("").toUpperCase(java.util.Locale.ROOT);
        JsonNode resources = p.path("ComputeResources");
        String capacity = t.resolve(resources.path("Type")).map(JsonNode::asText).orElse("")
                .toUpperCase(java.util.Locale.ROOT);
        if (type.equals("UNMANAGED")) {
            t.pricedWith("its instances", "an unmanaged compute environment runs jobs on instances you launch and "
                    + "pay for yourself; price them as their own resources. Batch itself is free");
            return Optional.empty();
        }
        Optional<BigDecimal> min = capacity.startsWith("FARGATE") ? Optional.of(BigDecimal.ZERO)
                : resources.has("MinvCpus") ? t.number(resources, "MinvCpus", "the environment is not priced")
                : Optional.of(BigDecimal.ZERO);
        if (min.isEmpty()) {
            return Optional.empty(); // reported: listed as not priced
        }
        if (min.get().signum() > 0) {
            t.report(new Violation("template.not-priced-part", Severity.WARNING, t.logicalId(),
                    "ComputeResources.MinvCpus", min.get().toPlainString(), "0", t.logicalId() + ": the compute "
                            + "environment keeps at least " + min.get().toPlainString() + " vCPUs of "
                            + (capacity.isEmpty() ? "EC2" : capacity) + " instances running all month, even with no "
                            + "job; that cost is not priced (give the instances as ec2 resources to price them)"));
            return Optional.empty();
        }
        t.pricedWith("its jobs", "the compute environment costs nothing of its own: the "
                + (capacity.startsWith("FARGATE") ? "Fargate capacity" : "instances") + " it provides are billed as "
                + "its jobs run, which their job definitions' usage prices (MinvCpus 0: nothing runs while no job "
                + "does). Batch itself is free");
        return Optional.empty();
    }

    /** The values AWS Batch's API accepts (its reference for JobDefinition, read 2026-12-02). */
    private static final List<String> JOB_TYPES = List.of("container", "multinode");
    private static final List<String> REQUIREMENTS = List.of("VCPU", "MEMORY", "GPU");
    private static final Set<String> PLATFORMS = Set.of("EC2", "FARGATE");
    private static final List<String> ARCHITECTURES = List.of("X86_64", "ARM64");
    private static final List<String> OS_FAMILIES = List.of("LINUX", "WINDOWS_SERVER_2019_CORE",
            "WINDOWS_SERVER_2019_FULL", "WINDOWS_SERVER_2022_CORE", "WINDOWS_SERVER_2022_FULL");

    /** A Batch property with AWS's fixed values; unresolved, it is reported and AWS's default assumed. */
    private static Optional<String> oneOf(TemplateResource t, JsonNode holder, String key, List<String> allowed,
            String prefix) {
        return t.oneOf(holder, key, allowed, prefix + key, "its value is unknown; AWS's default is assumed");
    }

    /**
     * A job definition: vCPUs and memory from its container's {@code ResourceRequirements} (or the older
     * {@code Vcpus} and {@code Memory}), the platform from {@code PlatformCapabilities}, the timeout from
     * {@code Timeout.AttemptDurationSeconds}; how often and how long it runs, and on what instances, from the usage
     * file. Without usage it is listed, priced at nothing, with its unit prices.
     */
    @Override
    public Optional<BatchJobs> read(TemplateResource t) {
        if (t.type().equals(COMPUTE_ENVIRONMENT)) {
            return computeEnvironment(t);
        }
        JsonNode p = t.properties();
        JsonNode container = p.path("ContainerProperties");
        oneOf(t, p, "Type", JOB_TYPES, "");
        Optional<BigDecimal> vcpu = Optional.empty();
        Optional<BigDecimal> memory = Optional.empty();
        JsonNode requirements = container.path("ResourceRequirements");
        for (int i = 0; i < requirements.size(); i++) {
            JsonNode req = requirements.get(i);
            String type = oneOf(t, req, "Type", REQUIREMENTS, "ContainerProperties.ResourceRequirements[" + i + "].")
                    .orElse("");
            if (type.equals("VCPU")) {
                vcpu = t.number(req, "Value", "the job cannot be priced");
            } else if (type.equals("MEMORY")) {
                memory = t.number(req, "Value", "the job cannot be priced");
            }
        }
        if (vcpu.isEmpty() && container.has("Vcpus")) {
            vcpu = t.number(container, "Vcpus", "the job cannot be priced");
        }
        if (memory.isEmpty() && container.has("Memory")) {
            memory = t.number(container, "Memory", "the job cannot be priced");
        }
        if (vcpu.isEmpty() || memory.isEmpty()) {
            t.report(new Violation("template.unknown", Severity.ERROR, t.logicalId(), "ContainerProperties",
                    "unknown", "VCPU and MEMORY resource requirements", t.logicalId() + ": the job definition's vCPUs "
                            + "and memory are missing or cannot be resolved (multi-node jobs are not priced)"));
            return Optional.empty();
        }
        BatchJobs.Platform platform = BatchJobs.Platform.EC2;
        JsonNode capabilities = p.path("PlatformCapabilities");
        for (int i = 0; i < capabilities.size(); i++) {
            Optional<JsonNode> c = t.resolve(capabilities.get(i));
            String v = c.map(JsonNode::asText).orElse("");
            if (c.isPresent() && !PLATFORMS.contains(v)) {
                throw t.error("PlatformCapabilities[" + i + "]", "must be EC2 or FARGATE, was \""
                        + io.github.computecost.internal.Json.excerpt(v) + "\"");
            }
            if ("FARGATE".equals(v)) {
                platform = BatchJobs.Platform.FARGATE;
            }
        }
        // Fargate's architecture and OS; on EC2 the instance type decides, and Batch's EC2 jobs are Linux here.
        JsonNode runtime = container.path("RuntimePlatform");
        Architecture arch = oneOf(t, runtime, "CpuArchitecture", ARCHITECTURES, "ContainerProperties.RuntimePlatform.")
                .map(a -> a.equals("ARM64") ? Architecture.ARM64 : Architecture.X86_64).orElse(Architecture.X86_64);
        Optional<String> os = oneOf(t, runtime, "OperatingSystemFamily", OS_FAMILIES,
                "ContainerProperties.RuntimePlatform.");
        if (os.isPresent() && !os.get().equals("LINUX")) {
            t.report(new Violation("template.unsupported", Severity.ERROR, t.logicalId(),
                    "ContainerProperties.RuntimePlatform.OperatingSystemFamily", os.get(), "LINUX",
                    t.logicalId() + ": a " + os.get() + " job is not priced: compute-cost prices Batch jobs on Linux"));
            return Optional.empty();
        }
        Optional<Integer> timeout = t.number(p.path("Timeout"), "AttemptDurationSeconds", "the timeout is not checked")
                .map(BigDecimal::intValue);
        int mib;
        try {
            mib = memory.get().intValueExact();
        } catch (ArithmeticException e) {
            throw t.error("MEMORY", "must be a whole number of MiB, was " + memory.get().toPlainString());
        }
        Optional<Entry> u = t.usage();
        if (u.isEmpty()) {
            return Optional.of(new BatchJobs(t.name(), Optional.empty(), platform, arch,
                    vcpu.get(), mib, 0, 1, BigDecimal.ONE, Optional.empty(), Optional.empty(), timeout));
        }
        Entry use = u.get();
        use.allowOnly(USAGE);
        return Optional.of(jobs(use, t.name(), platform, arch, vcpu.get(), mib, timeout));
    }
}
