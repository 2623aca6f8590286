/**
 * Amazon ECS on EC2: a service's tasks bin-packed onto container instances of one EC2 type, priced as those
 * instances. ECS itself costs nothing ("There is no additional charge for Amazon ECS on EC2"); the instances are
 * EC2's, at EC2's prices, read through {@link io.github.computecost.service.ServiceContext#instances()}.
 *
 * <p>The packing ({@link io.github.computecost.ecs.EcsPacking}): an instance offers its vCPUs × 1,024 CPU units and
 * its installed memory less what the ECS agent and the system keep. AWS documents that the memory an instance
 * registers is below its installed memory (an m4.large registers 7,985 of 8,192 MiB) and recommends reserving a
 * 5 % buffer for the agent and critical system processes; so, by default, 5 % of the installed memory is not
 * packed, and {@code reservedMemoryMib} (the agent's {@code ECS_RESERVED_MEMORY}) replaces the default with the
 * user's figure. Tasks are identical; as many fit on an instance as both its CPU units and its memory allow, and the
 * service needs the whole instances that hold all its tasks.
 *
 * <p>Not modelled: placement constraints and spread across Availability Zones, ENI limits per instance for
 * {@code awsvpc} tasks, daemon tasks, Windows container instances, EBS volumes and data transfer.
 */
package io.github.computecost.ecs;
