/**
 * Bulk re-rating of usage exported from AWS bills (Cost and Usage Report style CSV): rows of the usage types
 * compute-cost prices are aggregated per account, month, region and usage type, and rated by the same engine
 * as estimates (free tier once per account and month, tiers on the aggregate), with costs per usage type and
 * per resource. Rows are streamed; memory grows with the number of distinct resources, not rows.
 */
package io.github.computecost.rerate;
