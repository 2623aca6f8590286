package io.github.computecost.fargate;

import io.github.computecost.compute.Architecture;
import io.github.computecost.compute.Calendar;
import io.github.computecost.compute.OperatingSystem;
import io.github.computecost.limits.Severity;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.limits.Violation;
import io.github.computecost.money.Amounts;
import io.github.computecost.pricing.TableSchema;
import io.github.computecost.service.Entry;
import io.github.computecost.service.MeteredResource;
import io.github.computecost.service.Service;
import io.github.computecost.service.ServiceContext;
import io.github.computecost.service.TemplateMapping;
import io.github.computecost.service.TemplateResource;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Amazon EKS pods on AWS Fargate as the estimator knows them: workload type {@code eks-fargate}, each pod billed as
 * the Fargate task size its requests round up to (after the 256 MB Fargate adds for Kubernetes' components), at
 * Fargate's Linux/x86 prices; the template resource {@code AWS::EKS::FargateProfile}, whose pods the usage file
 * describes. The cluster's own fee is the {@code eks} service's. Stateless and thread-safe.
 */
public final class EksFargateService implements Service<EksFargatePods>, TemplateMapping<EksFargatePods> {

    /** The one instance. */
    public static final EksFargateService INSTANCE = new EksFargateService();

    private static final Set<String> USAGE = Set.of("region", "pods", "podVcpu", "podMemoryMb", "hoursPerMonth");

    private EksFargateService() {
    }

    @Override
    public String type() {
        return EksFargatePods.TYPE;
    }

    @Override
    public Set<String> entryKeys() {
        return USAGE;
    }

    @Override
    public Class<EksFargatePods> resourceType() {
        return EksFargatePods.class;
    }

    @Override
    public String title() {
        return "AWS Fargate for Amazon EKS";
    }

    @Override
    public List<String> tables() {
        return List.of(FargateService.TABLE);
    }

    @Override
    public List<TableSchema<?>> schemas() {
        return List.of(FargateTables.SCHEMA);
    }

    @Override
    public EksFargatePods read(Entry r) {
        r.allowOnly(entryKeys());
        return pods(r, r.string("name"), r.optString("region"));
    }

    private static EksFargatePods pods(Entry r, String name, Optional<String> region) {
        int pods = r.nonNegativeInt("pods", 1);
        // Kubernetes' default when a pod requests nothing: Fargate's smallest size.
        BigDecimal vcpu = r.nonNegative("podVcpu", BigDecimal.ZERO);
        BigDecimal memory = r.nonNegative("podMemoryMb", BigDecimal.ZERO);
        BigDecimal hours = r.nonNegative("hoursPerMonth", Calendar.HOURS_PER_MONTH);
        return r.step("hoursPerMonth", () -> new EksFargatePods(name, region, pods, vcpu, memory, hours));
    }

    @Override
    public ValidationReport check(EksFargatePods p, ServiceContext context) {
        FargateTables t = context.tables(FargateTables.SCHEMA);
        if (t.podSize(p.podVcpu(), p.podMemoryMb()).isPresent()) {
            return ValidationReport.EMPTY;
        }
        FargateTables.FargateSize largest = t.sizes().get(t.sizes().size() - 1);
        String limit = "at most " + Amounts.plain(largest.vcpu()) + " vCPU and "
                + Amounts.plain(largest.memoryGb().get(largest.memoryGb().size() - 1)) + " GB with "
                + Amounts.plain(t.eksPodMemoryOverheadMb()) + " MB added";
        return new ValidationReport(List.of(new Violation("fargate.eks.pod-size", Severity.ERROR, p.name(),
                "podVcpu", Amounts.plain(p.podVcpu()) + " vCPU, " + Amounts.plain(p.podMemoryMb()) + " MB",
                limit, p.name() + ": no Fargate size holds a pod requesting " + Amounts.plain(p.podVcpu())
                        + " vCPU and " + Amounts.plain(p.podMemoryMb()) + " MB (" + limit + ")")));
    }

    @Override
    public MeteredResource meter(EksFargatePods p, ServiceContext context) {
        FargateTables t = context.tables(FargateTables.SCHEMA);
        FargateTables.PodSize size = t.podSize(p.podVcpu(), p.podMemoryMb()).orElseThrow();
        FargateTask task = new FargateTask(p.name(), p.region(), Architecture.X86_64, OperatingSystem.LINUX,
                size.vcpu(), size.memoryGb(), t.includedEphemeralStorageGb().intValueExact(),
                new FargateTask.Running(p.pods(), p.hoursPerMonth()), false);
        MeteredResource m = FargateMeter.meter(task, t, context.region());
        List<String> notes = new java.util.ArrayList<>(m.notes());
        notes.add("Each pod requests " + Amounts.plain(p.podVcpu()) + " vCPU and "
                + Amounts.plain(p.podMemoryMb()) + " MB; with the " + Amounts.plain(t.eksPodMemoryOverheadMb())
                + " MB Fargate adds for Kubernetes' components it runs on a " + Amounts.plain(size.vcpu())
                + " vCPU / " + Amounts.plain(size.memoryGb()) + " GB Fargate size, which is what is billed. The "
                + "cluster's fee is its eks resource's.");
        return new MeteredResource(m.name(), EksFargatePods.TYPE, m.service(), m.region(), m.usage(), notes);
    }

    @Override
    public Optional<io.github.computecost.service.Sizing> sizing() {
        return SIZING;
    }

    private static final Optional<io.github.computecost.service.Sizing> SIZING = Optional.of(
            io.github.computecost.service.Sizing.of(List.of("EKS on Fargate"), true, Optional.empty(),
                    EksFargateService::options));

    /**
     * Pods that request a Fargate size less the 256 MB Fargate adds (so each runs on exactly that size), enough of
     * them for the peak, on every Linux/x86 size; priced with one EKS cluster ({@code compare} adds its fee).
     */
    private static List<io.github.computecost.service.Sizing.Option> options(
            io.github.computecost.service.SizingRequest w, ServiceContext context) {
        String label = "EKS on Fargate";
        if (w.needsGpu()) {
            return List.of(io.github.computecost.service.Sizing.Option.cannot(label, true, "Fargate has no GPUs"));
        }
        if (w.needsWindows()) {
            return List.of(io.github.computecost.service.Sizing.Option.cannot(label, true,
                    "EKS on Fargate runs Linux pods only"));
        }
        FargateTables t = context.tables(FargateTables.SCHEMA);
        BigDecimal overheadGb = t.eksPodMemoryOverheadMb().divide(BigDecimal.valueOf(1024));
        List<io.github.computecost.service.Sizing.Candidate> out = new java.util.ArrayList<>();
        for (FargateTables.FargateSize size : t.sizes()) {
            for (BigDecimal gb : size.memoryGb()) {
                BigDecimal podGb = gb.subtract(overheadGb);
                if (podGb.signum() <= 0) {
                    continue;
                }
                long n = w.units(size.vcpu(), podGb);
                if (n > Integer.MAX_VALUE) {
                    continue;
                }
                EksFargatePods pods = EksFargatePods.builder(w.name()).pods((int) n).podVcpu(size.vcpu()).podMemoryMb(podGb.multiply(BigDecimal.valueOf(1024))).build().withRegion(w.region());
                if (t.podSize(pods.podVcpu(), pods.podMemoryMb()).isEmpty()) {
                    continue;
                }
                out.add(new io.github.computecost.service.Sizing.Candidate(n + (n == 1 ? " pod × " : " pods × ") + Amounts.plain(size.vcpu())
                        + " vCPU / " + Amounts.plain(pods.podMemoryMb()) + " MB (on " + Amounts.plain(gb)
                        + " GB), " + Calendar.HOURS_PER_MONTH + " h", pods, Optional.empty()));
            }
        }
        return List.of(new io.github.computecost.service.Sizing.Option(label, true, out,
                "no Fargate price for this region", Optional.of("eks")));
    }

    @Override
    public Optional<TemplateMapping<EksFargatePods>> templates() {
        return Optional.of(this);
    }

    // ---------------------------------------------------------------- templates

    @Override
    public Set<String> resourceTypes() {
        return Set.of("AWS::EKS::FargateProfile");
    }

    @Override
    public Set<String> usageKeys(String type) {
        return USAGE;
    }

    /** AWS::EKS::FargateProfile's properties (CloudFormation's reference, as the CDK's CfnFargateProfileProps of v2.274 list them, read 2026-12-02). */
    private static final java.util.Map<String, Set<String>> PROPERTIES = java.util.Map.of("AWS::EKS::FargateProfile",
            Set.of("ClusterName", "FargateProfileName", "PodExecutionRoleArn", "Selectors", "Subnets", "Tags"));

    @Override
    public java.util.Map<String, Set<String>> knownProperties() {
        return PROPERTIES;
    }

    /** A profile says which pods run on Fargate; their number and requests come from the usage file. */
    @Override
    public Optional<EksFargatePods> read(TemplateResource t) {
        Optional<Entry> u = t.usage();
        if (u.isEmpty()) {
            return Optional.of(new EksFargatePods(t.name(), Optional.empty(), 0, BigDecimal.ZERO, BigDecimal.ZERO,
                    Calendar.HOURS_PER_MONTH));
        }
        Entry use = u.get();
        use.allowOnly(USAGE);
        return Optional.of(pods(use, t.name(), use.optString("region")));
    }
}
