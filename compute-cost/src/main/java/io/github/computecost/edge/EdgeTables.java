package io.github.computecost.edge;

import io.github.computecost.pricing.AllowedValues;
import io.github.computecost.pricing.Limit;
import io.github.computecost.pricing.TableBinder;
import io.github.computecost.pricing.TableSchema;

/**
 * What the edge services' checks read from their tables: Lambda@Edge's quotas
 * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html) and CloudFront
 * Functions' restrictions, each with its sources in the tables. Bound when the price book loads the tables.
 */
public final class EdgeTables {

    private EdgeTables() {
    }

    /**
     * Lambda@Edge's limits.
     *
     * @param memoryMb configured memory, MB (min and max)
     * @param timeoutSeconds timeout, s (max)
     * @param compressedCodeSizeKb compressed code, KB (max)
     * @param generatedResponseKbViewer a generated response on viewer events, KB (max)
     * @param generatedResponseKbOrigin a generated response on origin events, KB (max)
     * @param legacyViewerMemoryMb the former viewer-event memory limit, MB (max)
     * @param legacyViewerTimeoutSeconds the former viewer-event timeout, s (max)
     * @param eventTypes the CloudFront events it runs on
     * @param runtimePrefixes the runtimes it accepts, as prefixes
     * @param memoryRange the memory limit as {@code long}s, for the fixed-point route (null when not whole)
     * @param maxTimeoutMs the longest timeout, ms
     */
    public record LambdaEdge(Limit memoryMb, Limit timeoutSeconds, Limit compressedCodeSizeKb, Limit generatedResponseKbViewer,
            Limit generatedResponseKbOrigin, Limit legacyViewerMemoryMb, Limit legacyViewerTimeoutSeconds,
            AllowedValues eventTypes, AllowedValues runtimePrefixes,
            io.github.computecost.service.FixedPoint.Range memoryRange, java.math.BigDecimal maxTimeoutMs) {

        /** Lambda@Edge's schema, bound on its table. */
        public static final TableSchema<LambdaEdge> SCHEMA = TableSchema.of(LambdaEdgeService.TABLE, LambdaEdge::bind);

        private static LambdaEdge bind(TableBinder t) {
            Limit memory = t.range("memoryMb");
            Limit timeout = t.limitWithMax("timeoutSeconds");
            return new LambdaEdge(memory, timeout,
                    t.limitWithMax("compressedCodeSizeKb"), t.limitWithMax("generatedResponseSizeKb.viewer"),
                    t.limitWithMax("generatedResponseSizeKb.origin"), t.limitWithMax("legacyViewerMemoryMb"),
                    t.limitWithMax("legacyViewerTimeoutSeconds"), t.allowedValues("eventTypes"),
                    t.allowedValues("runtimePrefixes"), io.github.computecost.service.FixedPoint.Range.of(memory),
                    timeout.max().orElseThrow().movePointRight(3));
        }
    }

    /**
     * CloudFront Functions' limits.
     *
     * @param functionSizeKb the function's size, KB (max)
     * @param functionMemoryMb the memory it may use, MB (max)
     * @param eventTypes the CloudFront events it runs on
     */
    public record CloudFront(Limit functionSizeKb, Limit functionMemoryMb, AllowedValues eventTypes) {

        /** CloudFront Functions' schema, bound on CloudFront's table. */
        public static final TableSchema<CloudFront> SCHEMA = TableSchema.of(CloudFrontFunctionService.TABLE, CloudFront::bind);

        private static CloudFront bind(TableBinder t) {
            return new CloudFront(t.limitWithMax("functionSizeKb"), t.limitWithMax("functionMemoryMb"),
                    t.allowedValues("eventTypes"));
        }
    }
}
