/**
 * Vocabulary shared by the compute services: processor {@link io.github.computecost.compute.Architecture}
 * and {@link io.github.computecost.compute.OperatingSystem}, and the {@link io.github.computecost.compute.Calendar}
 * every monthly figure is counted in. Immutable and thread-safe.
 */
package io.github.computecost.compute;
