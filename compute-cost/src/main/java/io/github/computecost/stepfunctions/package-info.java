/**
 * AWS Step Functions state machines: Standard workflows (state transitions, with the always-free 4,000 a month
 * shared by the account) and Express workflows (requests, and duration in GB-seconds with AWS's three tiers).
 *
 * <p>How Step Functions bills (https://aws.amazon.com/step-functions/pricing/): a Standard workflow is charged per
 * state transition, "each time a step of your workflow is executed ... including retries"; an Express workflow per
 * request (each execution started) and per GB-second, its duration "rounded up to the nearest 100ms" and its memory
 * "billed in 64-MB chunks". The memory an Express execution uses is AWS's estimate ("50 MB + state machine
 * definition size + execution data size x Number of Parallel or Map Steps"), which the workload gives as
 * {@code memoryMb}; it defaults to the smallest chunk, 64 MB, which AWS bills for workflows under 64 MB.
 *
 * <p>The Lambda functions, ECS tasks and other services a state machine calls are billed by their own services:
 * list them as their own resources.
 */
package io.github.computecost.stepfunctions;
