/**
 * AWS Batch: jobs priced by what they run on. Batch itself costs nothing ("There is no additional charge for AWS
 * Batch"); a job is billed as the capacity its compute environment gives it:
 * <ul>
 *   <li><b>Fargate</b> (and Fargate Spot): each job is a Fargate task of its vCPUs and memory, billed per second with
 *       Fargate's one-minute minimum, at Fargate's prices
 *       ({@link io.github.computecost.service.ServiceContext#containers()});</li>
 *   <li><b>EC2</b> (and Spot): the child jobs of one submission run side by side on the fewest instances of the
 *       chosen type that hold them (by vCPUs and memory, after the agent's 5 % reservation), and those instances
 *       run only while the jobs do, as a managed compute environment that scales from 0 vCPUs runs them; each
 *       instance run is billed as EC2 bills it (whole seconds, at least 60). Spot is the on-demand price less the
 *       user's discount, labelled as an assumption.</li>
 * </ul>
 *
 * <p>Not modelled: instance start-up and image pulls before a job starts, compute environments that keep a minimum
 * of vCPUs, packing of different jobs together, multi-node parallel jobs, GPUs, EBS and data transfer.
 */
package io.github.computecost.batch;
