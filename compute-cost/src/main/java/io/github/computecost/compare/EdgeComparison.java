package io.github.computecost.compare;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One edge function's monthly cost on Lambda@Edge and on CloudFront Functions for the same traffic.
 *
 * @param name the resource's name
 * @param type its workload type ({@code "lambda-edge"} or {@code "cloudfront-function"})
 * @param eventType its CloudFront event
 * @param requestsPerMonth the monthly volume compared
 * @param currency ISO 4217 code
 * @param lambdaEdgeCost exact monthly cost on Lambda@Edge
 * @param cloudFrontFunctionsCost exact monthly cost on CloudFront Functions
 * @param breakEvenRequestsPerMonth the monthly volume at which the two cost the same, if they ever do above
 *     zero (34 significant digits)
 * @param breakEvenNote a sentence on the break-even volume, or on why there is none
 * @param fit whether the function could run as a CloudFront Function
 * @param assumptions what the comparison assumed, possibly empty
 * @param regionalBehindApiCost for reference, the exact monthly cost of the same function as a regional Lambda
 *     function behind an API Gateway HTTP API, both priced (empty where it cannot be priced)
 */
public record EdgeComparison(String name, String type, String eventType, long requestsPerMonth, String currency,
        BigDecimal lambdaEdgeCost, BigDecimal cloudFrontFunctionsCost, Optional<BigDecimal> breakEvenRequestsPerMonth,
        String breakEvenNote, FitVerdict fit, List<String> assumptions, Optional<BigDecimal> regionalBehindApiCost) {

    /**
     * A comparison without the regional reference.
     *
     * @param name the resource's name
     * @param type its workload type ({@code "lambda-edge"} or {@code "cloudfront-function"})
     * @param eventType its CloudFront event
     * @param requestsPerMonth the monthly volume compared
     * @param currency ISO 4217 code
     * @param lambdaEdgeCost exact monthly cost on Lambda@Edge
     * @param cloudFrontFunctionsCost exact monthly cost on CloudFront Functions
     * @param breakEvenRequestsPerMonth the monthly volume at which the two cost the same, if they ever do above zero
     *     (34 significant digits)
     * @param breakEvenNote a sentence on the break-even volume, or on why there is none
     * @param fit whether the function could run as a CloudFront Function
     * @param assumptions what the comparison assumed, possibly empty
     */
    public EdgeComparison(String name, String type, String eventType, long requestsPerMonth, String currency,
            BigDecimal lambdaEdgeCost, BigDecimal cloudFrontFunctionsCost,
            Optional<BigDecimal> breakEvenRequestsPerMonth, String breakEvenNote, FitVerdict fit,
            List<String> assumptions) {
        this(name, type, eventType, requestsPerMonth, currency, lambdaEdgeCost, cloudFrontFunctionsCost,
                breakEvenRequestsPerMonth, breakEvenNote, fit, assumptions, Optional.empty());
    }

    /** The cheaper option for the compared traffic. */
    public enum Option {
        /** Lambda@Edge costs less. */
        LAMBDA_EDGE("Lambda@Edge"),
        /** CloudFront Functions costs less. */
        CLOUDFRONT_FUNCTIONS("CloudFront Functions"),
        /** Both cost the same. */
        SAME("neither (same cost)");

        private final String label;

        Option(String label) {
            this.label = label;
        }

        /** @return a human label */
        public String label() {
            return label;
        }
    }

    /**
     * Checks the components and keeps immutable copies of its collections.
     *
     * @param name the resource's name
     * @param type its workload type ({@code "lambda-edge"} or {@code "cloudfront-function"})
     * @param eventType its CloudFront event
     * @param requestsPerMonth the monthly volume compared
     * @param currency ISO 4217 code
     * @param lambdaEdgeCost exact monthly cost on Lambda@Edge
     * @param cloudFrontFunctionsCost exact monthly cost on CloudFront Functions
     * @param breakEvenRequestsPerMonth the monthly volume at which the two cost the same, if they ever do above zero
     *     (34 significant digits)
     * @param breakEvenNote a sentence on the break-even volume, or on why there is none
     * @param fit whether the function could run as a CloudFront Function
     * @param assumptions what the comparison assumed, possibly empty
     * @param regionalBehindApiCost for reference, the exact monthly cost of the same function as a regional Lambda
     *     function behind an API Gateway HTTP API, both priced (empty where it cannot be priced)
     */
    public EdgeComparison {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(lambdaEdgeCost, "lambdaEdgeCost");
        Objects.requireNonNull(cloudFrontFunctionsCost, "cloudFrontFunctionsCost");
        Objects.requireNonNull(breakEvenRequestsPerMonth, "breakEvenRequestsPerMonth");
        Objects.requireNonNull(breakEvenNote, "breakEvenNote");
        Objects.requireNonNull(fit, "fit");
        assumptions = List.copyOf(assumptions);
        Objects.requireNonNull(regionalBehindApiCost, "regionalBehindApiCost");
    }

    /** @return the cheaper option for the compared traffic */
    public Option cheaper() {
        int c = lambdaEdgeCost.compareTo(cloudFrontFunctionsCost);
        return c < 0 ? Option.LAMBDA_EDGE : c > 0 ? Option.CLOUDFRONT_FUNCTIONS : Option.SAME;
    }

    /** @return Lambda@Edge's cost minus CloudFront Functions' cost, exact (negative if Lambda@Edge is cheaper) */
    public BigDecimal difference() {
        return lambdaEdgeCost.subtract(cloudFrontFunctionsCost);
    }

    /** @return the break-even volume rounded up to whole requests, if there is one */
    public Optional<Long> breakEvenWholeRequests() {
        return breakEvenRequestsPerMonth.map(v -> v.setScale(0, java.math.RoundingMode.CEILING).longValueExact());
    }
}
