/**
 * AWS Lambda (the default, on-demand compute type): function workloads, their meter and their limits.
 *
 * <p>How a function is billed (https://aws.amazon.com/lambda/pricing/):
 * <ul>
 *   <li><b>Requests</b>: per request, same price for x86_64 and arm64.</li>
 *   <li><b>Duration</b>: GB-seconds = billed seconds × memory MB / 1024, priced in volume tiers over the
 *       account's aggregate monthly duration per region and architecture. Duration is rounded up to a whole
 *       millisecond <em>per invocation</em>. An estimate works from an average, so
 *       {@link io.github.computecost.lambda.LambdaFunction#averageDurationMs()} is taken to be the average
 *       <em>billed</em> duration (CloudWatch's "Billed Duration"), used as given, fractions included. If you
 *       only know the average measured duration, each invocation's billed duration is up to 1 ms more:
 *       the true bill lies between the average and the average plus 1 ms. We do not round an average up,
 *       which would overstate by up to 1 ms for every invocation.</li>
 *   <li><b>Free tier</b>: 1,000,000 requests and 400,000 GB-seconds per account and month, shared by all
 *       functions, regions and both architectures.</li>
 *   <li><b>Ephemeral storage</b>: configured MB above the included 512 MB, per GB-second of duration.</li>
 *   <li><b>Provisioned concurrency</b>: concurrency × memory × enabled time (rounded up to 5 minutes);
 *       execution that fits in the provisioned capacity (concurrency × enabled seconds) at the provisioned
 *       duration rate, the rest spills over to on-demand duration rates. <em>Rule chosen</em>: AWS's page says
 *       "The Lambda free tier does not apply to functions enabling Provisioned Concurrency", so a function
 *       with provisioned concurrency draws nothing from the free tier: neither its requests nor its
 *       spill-over duration. AWS's provisioned-concurrency example 1 subtracts the free tier from the hours
 *       when provisioned concurrency was <em>off</em>; model those hours as a second function without
 *       provisioned concurrency and the example's $19.96 is reproduced (see the tests).</li>
 *   <li><b>SnapStart</b> (Python and .NET; not charged for Java managed runtimes): snapshot cache per
 *       GB-second of memory while a version is active, at least 3 hours per version, and restores per GB of
 *       memory restored.</li>
 * </ul>
 */
package io.github.computecost.lambda;
