/**
 * Amazon Lightsail instances: plans (bundles), their meter and catalog checks.
 *
 * <p>How Lightsail bills (https://docs.aws.amazon.com/lightsail/latest/userguide/amazon-lightsail-frequently-asked-questions-faq-billing-and-account-management.html):
 * each plan has a fixed hourly price, charged "up to the maximum monthly plan cost", stopped or not, until
 * the instance is deleted. An instance kept all month (the default) costs exactly its plan's monthly price;
 * one kept {@code hoursPerMonth} hours costs those hours at the hourly price, capped at the monthly price.
 * Partial hours: AWS bills hours; a fractional {@code hoursPerMonth} is priced as given (AWS's rounding of
 * partial hours is not documented). Each instance has a monthly data-transfer allowance counting data in and
 * out; data out beyond it is charged per GB.
 */
package io.github.computecost.lightsail;
