/**
 * Amazon API Gateway: REST APIs (requests in four tiers, and the optional cache per hour by its size), HTTP APIs
 * (requests in two tiers, metered in 512 KB increments) and WebSocket APIs (messages in two tiers, metered in 32 KB
 * increments, and connection minutes).
 *
 * <p>How API Gateway bills (https://aws.amazon.com/api-gateway/pricing/): per API call received (REST, HTTP), per
 * message sent or received and per connection minute (WebSocket), in tiers of the account's monthly calls in the
 * region; the REST cache per hour it is provisioned. Its free tier (1 million REST calls, 1 million HTTP calls, 1
 * million messages and 750,000 connection minutes a month) is for new AWS accounts' first 12 months only, so it is
 * not applied (an estimate is for the months after; every estimate of an API says so). Data transfer out is billed
 * at EC2 data-transfer rates and is not modelled.
 *
 * <p>The Lambda functions and other integrations behind an API are billed by their own services: list them as their
 * own resources. In a SAM template, the functions whose {@code Events} create or use an API are read as their own
 * functions, and their timeouts are checked against the API's integration timeout.
 */
package io.github.computecost.apigateway;
