package io.github.computecost.batch;

import io.github.computecost.pricing.Limit;
import io.github.computecost.pricing.TableBinder;
import io.github.computecost.pricing.TableSchema;
import java.math.BigDecimal;

/**
 * What Batch's checks and meter read from its table ({@code pricing-src/batch.json}): the job limits and the EC2
 * packing rules, each with its sources. Batch has no prices of its own.
 *
 * @param memoryMib memory per job, MiB (min)
 * @param ec2Vcpu vCPUs per job on EC2 (min)
 * @param timeoutSeconds a job's timeout, s (min)
 * @param cpuSharesPerVcpu the CPU shares of one vCPU
 * @param reservedMemoryShare the share of an instance's installed memory not given to jobs
 */
public record BatchTables(Limit memoryMib, Limit ec2Vcpu, Limit timeoutSeconds, BigDecimal cpuSharesPerVcpu,
        BigDecimal reservedMemoryShare) {

    /** Batch's schema, bound on its table. */
    public static final TableSchema<BatchTables> SCHEMA = TableSchema.of(BatchService.TABLE, BatchTables::bind);

    private static BatchTables bind(TableBinder t) {
        return new BatchTables(t.limitWithMin("memoryMib"), t.limitWithMin("ec2Vcpu"), t.limitWithMin("timeoutSeconds"),
                t.positiveBillingRule("cpuSharesPerVcpu"), t.billingRule("reservedMemoryShare"));
    }
}
