package io.github.computecost.service;

/**
 * A fee an always-on option pays besides its capacity, offered by the service that prices it (EKS's cluster fee) to
 * {@code compare}: pods on EKS run in a cluster, so the option "EKS on Fargate" is priced with one cluster.
 */
public interface ControlPlane {

    /** @return its kind, as a {@link Sizing.Option} names it ({@code "eks"}) */
    String kind();

    /** @return its name for people, {@code "EKS cluster"} */
    String label();

    /**
     * @param name the resource's name
     * @param region its region code
     * @return one control plane all month, a resource the estimator prices
     */
    Resource at(String name, String region);
}
