/**
 * Bulk re-rating of usage exported from AWS bills (Cost and Usage Report style CSV): rows of the usage types
 * compute-cost prices are aggregated per account, month, region and usage type, and rated by the same engine
 * as estimates (free tier once per billing family or account and month, tiers on the aggregate), with costs per usage type and
 * per resource, account, line item type or tag. Covered usage is shown beside AWS's discount, credits, refunds, taxes
 * and fees are passed through as billed, and the re-rated cost is reconciled with AWS's unblended cost. Rows are
 * streamed; memory grows with the number of distinct resources, not rows.
 */
package io.github.computecost.rerate;
