package io.github.computecost.service;

import java.util.List;

/**
 * What a request passes through before the compute that serves it, offered by the service that prices it (API
 * Gateway) to {@code compare}: a Lambda function behind an API costs both, so the serverless options of a workload
 * that names a front door are priced with it, at every volume.
 */
public interface FrontDoor {

    /** @return the kinds it offers, as workload files name them ({@code "api-gateway-http"}) */
    List<String> kinds();

    /**
     * @param kind the front door's kind, as a workload file names it
     * @return the kind's name for people, {@code "API Gateway HTTP API"}
     */
    String label(String kind);

    /**
     * @param kind one of {@link #kinds()}
     * @param name the resource's name
     * @param region its region code
     * @param requestsPerMonth the requests that pass through it in the month
     * @return the front door at that traffic, a resource the estimator prices
     */
    Resource at(String kind, String name, String region, long requestsPerMonth);
}
