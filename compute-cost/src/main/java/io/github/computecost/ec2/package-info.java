/**
 * Amazon EC2 on-demand instances: workload, meter and catalog checks.
 *
 * <p>Prices come from the bundled instance catalog ({@code pricing-data/ec2.json}: instance type, vCPUs,
 * memory GiB, architecture, hourly price per operating system). Linux and Windows instances bill per second
 * with a 60-second minimum (https://repost.aws/knowledge-center/ec2-instance-hour-billing); an instance
 * running {@code hoursPerMonth} is billed that time rounded up to the second, converted to hours rounded half
 * up to 10 decimal places (whole hours are exact). A month is 730 hours unless the workload says otherwise.
 *
 * <p>{@code spotDiscountPercent} is the user's own assumption, not an AWS price: EC2 Spot prices move with
 * supply and demand. The estimate labels it so.
 */
package io.github.computecost.ec2;
