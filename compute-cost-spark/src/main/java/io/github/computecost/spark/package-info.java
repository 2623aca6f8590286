/**
 * Re-rating billing exports as an Apache Spark job ({@link io.github.computecost.spark.SparkRerater}): the library's
 * exact reading and rating, distributed over a cluster's partitions and merged, with {@code rate-usage}'s figures.
 */
package io.github.computecost.spark;
