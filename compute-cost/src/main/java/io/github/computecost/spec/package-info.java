/**
 * Reading what users already have: workload files (YAML or JSON, one schema) describing the resources to
 * estimate. Unknown keys are errors that name them, so a typo never silently changes an estimate. See
 * {@link io.github.computecost.spec.WorkloadReader} for the format.
 */
package io.github.computecost.spec;
