/**
 * AWS Fargate tasks (Amazon ECS) and pods (Amazon EKS): workload, meter and task-size limits.
 *
 * <p>How Fargate bills (https://aws.amazon.com/fargate/pricing/): requested vCPU, memory (GB = 1024³
 * bytes) and ephemeral storage above the included 20 GB, per second from the image pull until the task
 * stops, rounded up to the second, with a minimum of 1 minute (Linux) or 5 minutes (Windows) per task;
 * Windows adds a per-vCPU operating-system licence; Arm is cheaper than x86. Prices are per hour: billed
 * seconds become hours rounded half up to 10 decimal places, the precision AWS reports them in; that
 * conversion is the only rounding before presentation.
 *
 * <p>Fargate Spot: AWS sets Spot prices that change over time and publishes them only in a page table, so
 * they are not bundled; a workload with {@code spot: true} needs a {@code AmazonECSFargateSpot} table given
 * with {@code --pricing-data} (see {@code pricing-data/README.md}).
 */
package io.github.computecost.fargate;
