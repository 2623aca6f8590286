/**
 * Vocabulary shared by the compute services: processor {@link io.github.computecost.compute.Architecture}
 * and {@link io.github.computecost.compute.OperatingSystem}. Immutable and thread-safe.
 */
package io.github.computecost.compute;
