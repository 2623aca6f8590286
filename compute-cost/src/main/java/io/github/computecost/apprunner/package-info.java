/**
 * AWS App Runner services: provisioned container instances' memory while idle, and active instances' vCPU and
 * memory, per hour (https://aws.amazon.com/apprunner/pricing/). App Runner is closed to new customers since
 * 30 April 2026; it is priced for those who have it, and every estimate says that AWS recommends ECS Express Mode
 * (Fargate with a load balancer) instead. Build minutes and automatic deployments have no sourced price: an estimate
 * that needs them is refused, never guessed.
 */
package io.github.computecost.apprunner;
