package io.github.computecost.ecr;

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
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Amazon ECR as the estimator knows it: workload type {@code ecr}, private repositories' storage per GB-month; the
 * template resource {@code AWS::ECR::Repository}, whose stored size the usage file gives. Stateless and
 * thread-safe.
 */
public final class EcrService implements Service<EcrRepository>, TemplateMapping<EcrRepository> {

    /** The one instance. */
    public static final EcrService INSTANCE = new EcrService();

    /** AWS Price List service code of ECR's table (and of its offer). */
    public static final String TABLE = "AmazonECR";

    static final String STORAGE = "ECR-Storage-GB-Mo";

    private static final Set<String> USAGE = Set.of("region", "storageGb");

    private EcrService() {
    }

    @Override
    public String type() {
        return EcrRepository.TYPE;
    }

    @Override
    public Set<String> entryKeys() {
        return USAGE;
    }

    @Override
    public Class<EcrRepository> resourceType() {
        return EcrRepository.class;
    }

    @Override
    public String title() {
        return "Amazon ECR";
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
    public EcrRepository read(Entry r) {
        r.allowOnly(entryKeys());
        return new EcrRepository(r.string("name"), r.optString("region"), r.nonNegative("storageGb"));
    }

    @Override
    public ValidationReport check(EcrRepository repository, ServiceContext context) {
        return ValidationReport.EMPTY;
    }

    @Override
    public MeteredResource meter(EcrRepository repository, ServiceContext context) {
        return new MeteredResource(repository.name(), EcrRepository.TYPE, TABLE, context.region(),
                List.of(new UsageRecord(STORAGE, repository.storageGb(), false)),
                List.of("ECR's free tier (500 MB-month of private storage) is for new accounts' first year only and is "
                        + "not applied; pulls in the same region are free; data transfer out and enhanced scanning "
                        + "are not included."));
    }

    @Override
    public Optional<TemplateMapping<EcrRepository>> templates() {
        return Optional.of(this);
    }

    @Override
    public List<PriceListMapping> priceList() {
        return List.of(PriceListMapping.of(TABLE, TABLE));
    }

    /** AWS::ECR::Repository's properties (CloudFormation's reference, read 2026-12-02). */
    private static final java.util.Map<String, Set<String>> PROPERTIES = java.util.Map.of("AWS::ECR::Repository",
            Set.of("EmptyOnDelete", "EncryptionConfiguration", "ImageScanningConfiguration", "ImageTagMutability",
                    "ImageTagMutabilityExclusionFilters", "LifecyclePolicy", "RepositoryName", "RepositoryPolicyText",
                    "Tags"));

    @Override
    public java.util.Map<String, Set<String>> knownProperties() {
        return PROPERTIES;
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of("AWS::ECR::Repository");
    }

    @Override
    public Set<String> usageKeys(String type) {
        return USAGE;
    }

    @Override
    public Optional<EcrRepository> read(TemplateResource t) {
        Optional<Entry> u = t.usage();
        if (u.isEmpty()) {
            return Optional.of(new EcrRepository(t.name(), Optional.empty(), BigDecimal.ZERO));
        }
        Entry use = u.get();
        use.allowOnly(USAGE);
        return Optional.of(new EcrRepository(t.name(), use.optString("region"),
                use.nonNegative("storageGb", BigDecimal.ZERO)));
    }
}
