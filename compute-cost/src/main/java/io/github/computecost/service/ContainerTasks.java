package io.github.computecost.service;

import io.github.computecost.compute.Architecture;
import io.github.computecost.limits.ValidationReport;
import java.math.BigDecimal;

/**
 * Container tasks on serverless capacity, as the one service that runs them (Fargate) offers them to the services
 * that place work there (AWS Batch jobs on Fargate). Those services ask their {@link ServiceContext#containers()}
 * for it, and so name neither Fargate's tables nor its usage types, sizes or billing minimums.
 */
public interface ContainerTasks {

    /**
     * Checks one Linux task against the sizes the capacity supports.
     *
     * @param name the resource's name, for the messages
     * @param architecture x86_64 or arm64
     * @param vcpu vCPUs per task
     * @param memoryGb memory per task, GB (GiB)
     * @param spot whether it runs on spare capacity (Fargate Spot)
     * @return every violation, possibly none
     */
    ValidationReport check(String name, Architecture architecture, BigDecimal vcpu, BigDecimal memoryGb, boolean spot);

    /**
     * Meters separate runs of one Linux task size, each billed as the capacity bills one run (per second, with its
     * minimum).
     *
     * @param name the resource's name
     * @param type the workload type the line items carry ({@code "batch"})
     * @param region the region code
     * @param runs runs in the month, at least 0
     * @param secondsEach seconds each run takes, more than 0
     * @param architecture the task's CPU architecture
     * @param vcpu vCPUs per task
     * @param memoryGb memory per task, in GB (GiB)
     * @param spot whether the runs are on the capacity's Spot tier
     * @return the usage, priced in the capacity's table
     */
    MeteredResource runs(String name, String type, String region, Architecture architecture, BigDecimal vcpu,
            BigDecimal memoryGb, boolean spot, long runs, BigDecimal secondsEach);

    /**
     * @param spot whether the tasks run on spare capacity (Fargate Spot)
     * @return the table whose regions say where such tasks are priced
     */
    String table(boolean spot);
}
