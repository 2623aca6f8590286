package io.github.computecost.lightsail;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.computecost.service.Entry;
import io.github.computecost.service.TemplateMapping;
import io.github.computecost.service.TemplateResource;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * An {@code AWS::Lightsail::Instance} of a template (or a Terraform plan's {@code aws_lightsail_instance}): its
 * {@code BundleId} all month, one instance; the usage entry may give {@code count}, {@code hoursPerMonth} and the
 * data transfer. A bundle id the catalog does not hold is refused by the price check, naming the plans it does.
 */
final class LightsailTemplates implements TemplateMapping<LightsailInstance> {

    static final LightsailTemplates INSTANCE = new LightsailTemplates();

    private static final Set<String> USAGE = Set.of("region", "count", "hoursPerMonth", "dataTransferOutGb",
            "dataTransferInGb");

    private LightsailTemplates() {
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of("AWS::Lightsail::Instance");
    }

    @Override
    public Set<String> usageKeys(String type) {
        return USAGE;
    }

    @Override
    public Optional<LightsailInstance> read(TemplateResource t) {
        JsonNode p = t.properties();
        if (!p.has("BundleId")) {
            throw t.error("BundleId", "is required: the instance's plan (nano_3_0, ...)");
        }
        Optional<JsonNode> bundle = t.resolve(p.get("BundleId"));
        if (bundle.isEmpty() || !bundle.get().isTextual()) {
            t.unknown("BundleId", "the instance is not priced (give the plan in the template)");
            return Optional.empty();
        }
        Optional<Entry> u = t.usage();
        if (u.isEmpty()) {
            return Optional.of(new LightsailInstance(t.name(), Optional.empty(), bundle.get().asText(), 1,
                    Optional.empty(), BigDecimal.ZERO, BigDecimal.ZERO));
        }
        u.get().allowOnly(USAGE);
        return Optional.of(LightsailService.usage(u.get(), t.name(), bundle.get().asText()));
    }
}
