/**
 * Functions that run at CloudFront's edge: Lambda@Edge and CloudFront Functions, their meters and limits.
 *
 * <p>How they are billed (pay-as-you-go; CloudFront's flat-rate plans, which include edge compute, are not
 * modelled):
 * <ul>
 *   <li><b>Lambda@Edge</b> (https://aws.amazon.com/lambda/pricing/): per request and per GB-second of
 *       duration (memory MB / 1024 × billed seconds), metered per 1 ms, one price for every location, x86_64
 *       only, and <em>no free tier</em>. As for Lambda, {@code durationMs} is the average billed duration.</li>
 *   <li><b>CloudFront Functions</b> (https://aws.amazon.com/cloudfront/pricing/pay-as-you-go/): per invocation,
 *       no duration or memory dimension; 2,000,000 invocations a month are free per account, shared by every
 *       function. KeyValueStore reads from functions are priced per read, with 2,000,000 free a month.</li>
 * </ul>
 * Both are priced by the same rating engine as Lambda, in the pseudo-region {@code global}.
 */
package io.github.computecost.edge;
