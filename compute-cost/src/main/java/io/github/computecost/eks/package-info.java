/**
 * Amazon EKS clusters: the control plane's fee per cluster-hour, $0.10 in standard support and $0.50 more while
 * the cluster's Kubernetes version is in extended support
 * (https://aws.amazon.com/blogs/containers/amazon-eks-extended-support-for-kubernetes-versions-pricing/).
 *
 * <p>What runs on a cluster is priced by the services that bill it: managed node groups as EC2 instances
 * ({@code AWS::EKS::Nodegroup}, read by the EC2 service), pods on Fargate as the Fargate sizes their requests round up
 * to ({@code AWS::EKS::FargateProfile}, the {@code eks-fargate} type of the Fargate service).
 */
package io.github.computecost.eks;
