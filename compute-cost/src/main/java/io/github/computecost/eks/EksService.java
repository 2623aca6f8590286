package io.github.computecost.eks;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.computecost.compute.Calendar;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.pricing.TableSchema;
import io.github.computecost.service.Entry;
import io.github.computecost.service.MeteredResource;
import io.github.computecost.service.PriceListMapping;
import io.github.computecost.service.Service;
import io.github.computecost.service.ServiceContext;
import io.github.computecost.service.TemplateMapping;
import io.github.computecost.service.TemplateResource;
import io.github.computecost.service.UsageRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Amazon EKS clusters as the estimator knows them: workload type {@code eks}, the cluster fee per hour and, in
 * extended support, the extended-support fee beside it; the template resource {@code AWS::EKS::Cluster}; the
 * AmazonEKS Price List offer. Stateless and thread-safe.
 */
public final class EksService implements Service<EksCluster>, TemplateMapping<EksCluster> {

    /** The one instance. */
    public static final EksService INSTANCE = new EksService();

    /** AWS Price List service code of EKS's table (and of its offer). */
    public static final String TABLE = "AmazonEKS";

    static final String CLUSTER_HOURS = "AmazonEKS-Hours:perCluster";
    static final String EXTENDED_HOURS = "AmazonEKS-Hours:extendedSupport";

    private static final Set<String> USAGE = Set.of("region", "support", "hoursPerMonth");
    private static final Set<String> KEYS = Entry.keysOf(USAGE, "kubernetesVersion");

    private EksService() {
    }

    @Override
    public String type() {
        return EksCluster.TYPE;
    }

    @Override
    public Set<String> entryKeys() {
        return KEYS;
    }

    @Override
    public Class<EksCluster> resourceType() {
        return EksCluster.class;
    }

    @Override
    public String title() {
        return "Amazon EKS";
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    @Override
    public List<TableSchema<?>> schemas() {
        return List.of();
    }

    @Override
    public EksCluster read(Entry r) {
        r.allowOnly(entryKeys());
        EksCluster.Support support = r.parse("support", EksCluster.Support::parse, EksCluster.Support.STANDARD);
        BigDecimal hours = r.nonNegative("hoursPerMonth", Calendar.HOURS_PER_MONTH);
        return r.step("hoursPerMonth", () -> new EksCluster(r.string("name"), r.optString("region"), support,
                r.optString("kubernetesVersion"), hours));
    }

    @Override
    public ValidationReport check(EksCluster c, ServiceContext context) {
        return ValidationReport.EMPTY; // a cluster's fee has no limit to check
    }

    @Override
    public MeteredResource meter(EksCluster c, ServiceContext context) {
        List<UsageRecord> usage = new ArrayList<>(2);
        List<String> notes = new ArrayList<>(2);
        usage.add(new UsageRecord(CLUSTER_HOURS, c.hoursPerMonth(), false));
        String version = c.kubernetesVersion().map(v -> "Kubernetes " + v + ": ").orElse("");
        if (c.support() == EksCluster.Support.EXTENDED) {
            usage.add(new UsageRecord(EXTENDED_HOURS, c.hoursPerMonth(), false));
            notes.add(version + "extended support, billed as the cluster fee and the extended-support fee beside it.");
        } else {
            notes.add(version + "priced in standard support; a version past its 14 months of standard support is "
                    + "in extended support, which costs more an hour (support: extended).");
        }
        notes.add("Nodes, Fargate pods, volumes and load balancers are billed by their own services.");
        return new MeteredResource(c.name(), EksCluster.TYPE, TABLE, context.region(), usage, notes);
    }

    private static final Optional<io.github.computecost.service.ControlPlane> CONTROL_PLANE = Optional.of(
            new io.github.computecost.service.ControlPlane() {
                @Override
                public String kind() {
                    return "eks";
                }

                @Override
                public String label() {
                    return "EKS cluster";
                }

                @Override
                public io.github.computecost.service.Resource at(String name, String region) {
                    return EksCluster.of(name, EksCluster.Support.STANDARD).withRegion(region);
                }
            });

    /** An EKS cluster in standard support, all month: what pods on EKS are priced with in {@code compare}. */
    @Override
    public Optional<io.github.computecost.service.ControlPlane> controlPlane() {
        return CONTROL_PLANE;
    }

    @Override
    public Optional<TemplateMapping<EksCluster>> templates() {
        return Optional.of(this);
    }

    @Override
    public List<PriceListMapping> priceList() {
        return List.of(PriceListMapping.of(TABLE, TABLE));
    }

    // ---------------------------------------------------------------- templates

    @Override
    public Set<String> resourceTypes() {
        return Set.of("AWS::EKS::Cluster");
    }

    @Override
    public Set<String> usageKeys(String type) {
        return USAGE;
    }

    /** AWS::EKS::Cluster's properties (CloudFormation's reference, as the CDK's CfnClusterProps of v2.274 list them, read 2026-12-02). */
    private static final java.util.Map<String, Set<String>> PROPERTIES = java.util.Map.of(
            "AWS::EKS::Cluster", Set.of("AccessConfig", "ActiveCertificateAuthorityId", "BootstrapSelfManagedAddons",
                    "CertificateAuthority", "ComputeConfig", "ControlPlaneScalingConfig", "DeletionProtection",
                    "EncryptionConfig", "Force", "KubeApiServerConfig", "KubeControllerManagerConfig",
                    "KubeSchedulerConfig", "KubernetesNetworkConfig", "Logging", "Name", "OutpostConfig",
                    "RemoteNetworkConfig", "ResourcesVpcConfig", "RoleArn", "RollbackConfig", "StorageConfig", "Tags",
                    "UpgradePolicy", "Version", "ZonalShiftConfig"),
            "AWS::EKS::Cluster.UpgradePolicy", Set.of("SupportType"));

    @Override
    public java.util.Map<String, Set<String>> knownProperties() {
        return PROPERTIES;
    }

    /**
     * A cluster's version and upgrade policy; whether the version is in extended support this month depends on
     * EKS's release calendar, which the usage file states ({@code support}), standard otherwise.
     */
    @Override
    public Optional<EksCluster> read(TemplateResource t) {
        JsonNode p = t.properties();
        Optional<String> version = t.resolve(p.path("Version")).filter(JsonNode::isTextual).map(JsonNode::asText);
        Optional<Entry> u = t.usage();
        EksCluster.Support support = EksCluster.Support.STANDARD;
        BigDecimal hours = Calendar.HOURS_PER_MONTH;
        Optional<String> region = Optional.empty();
        if (u.isPresent()) {
            Entry use = u.get();
            use.allowOnly(USAGE);
            support = use.parse("support", EksCluster.Support::parse, EksCluster.Support.STANDARD);
            hours = use.nonNegative("hoursPerMonth", Calendar.HOURS_PER_MONTH);
            region = use.optString("region");
        }
        Optional<String> policy = t.oneOf(p.path("UpgradePolicy"), "SupportType", List.of("STANDARD", "EXTENDED"),
                "UpgradePolicy.SupportType", null);
        if (support == EksCluster.Support.EXTENDED && policy.filter("STANDARD"::equals).isPresent()) {
            throw t.error("UpgradePolicy.SupportType", "is STANDARD, so the cluster is upgraded at the end of standard "
                    + "support and never billed for extended support; the usage file says support: extended");
        }
        EksCluster.Support s = support;
        BigDecimal h = hours;
        Optional<String> r = region;
        return Optional.of(u.map(use -> use.step("hoursPerMonth", () -> new EksCluster(t.name(), r, s, version, h)))
                .orElseGet(() -> new EksCluster(t.name(), r, s, version, h)));
    }
}
