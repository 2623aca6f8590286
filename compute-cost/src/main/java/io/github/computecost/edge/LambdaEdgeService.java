package io.github.computecost.edge;

import io.github.computecost.limits.ValidationReport;
import io.github.computecost.pricing.TableSchema;
import io.github.computecost.service.Entry;
import io.github.computecost.service.FixedPointMeter;
import io.github.computecost.service.MeteredResource;
import io.github.computecost.service.PriceListMapping;
import io.github.computecost.service.Service;
import io.github.computecost.service.ServiceContext;
import java.util.List;
import java.util.Set;

/**
 * Lambda@Edge as the estimator knows it: workload type {@code lambda-edge}, priced once for every location (no
 * free tier), its quotas and its Price List rows (in the AWSLambda offer). Stateless and thread-safe.
 */
public final class LambdaEdgeService implements Service<LambdaEdgeFunction> {

    /** The one instance. */
    public static final LambdaEdgeService INSTANCE = new LambdaEdgeService();

    /** AWS Price List service code of Lambda@Edge's table. */
    public static final String TABLE = "AWSLambdaEdge";
    /** The offer Lambda@Edge's prices come in: Lambda's. */
    static final String OFFER = "AWSLambda";

    private static final Set<String> KEYS = Set.of("eventType", "memoryMb", "requestsPerMonth", "durationMs", "runtime",
            "needsNetwork", "needsBody", "needsFileSystem", "codeSizeKb", "memoryUsedMb", "generatedResponseKb");

    private LambdaEdgeService() {
    }

    @Override
    public String type() {
        return LambdaEdgeFunction.TYPE;
    }

    @Override
    public Set<String> entryKeys() {
        return KEYS;
    }

    @Override
    public Class<LambdaEdgeFunction> resourceType() {
        return LambdaEdgeFunction.class;
    }

    @Override
    public String title() {
        return "Lambda@Edge";
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    @Override
    public List<TableSchema<?>> schemas() {
        return List.of(EdgeTables.LambdaEdge.SCHEMA);
    }

    @Override
    public boolean regional() {
        return false;
    }

    @Override
    public LambdaEdgeFunction read(Entry r) {
        r.allowOnly(entryKeys());
        EdgeEventType event = r.parse("eventType", EdgeEventType::parse);
        FunctionNeeds needs = new FunctionNeeds(r.optString("runtime"), r.optBool("needsNetwork"),
                r.optBool("needsBody"), r.optBool("needsFileSystem"), r.optNonNegative("codeSizeKb"),
                r.optNonNegative("memoryUsedMb"), r.optNonNegative("generatedResponseKb"));
        return new LambdaEdgeFunction(r.string("name"), event, r.positiveInt("memoryMb"),
                r.nonNegativeLong("requestsPerMonth"), r.nonNegative("durationMs"), needs);
    }

    @Override
    public ValidationReport check(LambdaEdgeFunction fn, ServiceContext context) {
        return EdgeLimits.check(fn, context.tables(EdgeTables.LambdaEdge.SCHEMA));
    }

    @Override
    public MeteredResource meter(LambdaEdgeFunction fn, ServiceContext context) {
        return EdgeMeter.meter(fn);
    }

    private static final java.util.Optional<FixedPointMeter<LambdaEdgeFunction>> FIXED_POINT =
            java.util.Optional.of(EdgeFastPath.LAMBDA_EDGE_ROUTE);

    @Override
    public java.util.Optional<FixedPointMeter<LambdaEdgeFunction>> fixedPoint() {
        return FIXED_POINT;
    }

    @Override
    public java.util.Optional<io.github.computecost.service.TemplateMapping<LambdaEdgeFunction>> templates() {
        return java.util.Optional.of(LambdaEdgeTemplates.INSTANCE);
    }

    @Override
    public List<PriceListMapping> priceList() {
        return List.of(PriceListMapping.of(OFFER, TABLE));
    }
}
