package io.github.computecost.service;

import io.github.computecost.limits.ValidationReport;
import io.github.computecost.pricing.RegionPrices;
import io.github.computecost.pricing.TableSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One AWS service, described in one place: how a workload file writes its resources, how AWS meters them, which
 * limits they must fit, which tables price them, and optionally how a CloudFormation template, {@code compare} and
 * the Price List know it. The core (the estimator, the file readers, the planner, the importer, the re-rater) knows
 * services only through this interface and the registry that lists them; it names none.
 *
 * <p>A service is a stateless singleton, immutable and thread-safe. Its resources are plain records: the service
 * holds the behaviour.
 *
 * @param <R> the resource record it prices
 */
public interface Service<R extends Resource> {

    /** @return the workload-file type name of its resources, {@code "lambda"} */
    String type();

    /**
     * @return the keys a workload-file entry of its type may have beyond {@link Entry#COMMON_KEYS}: what its
     *     {@link #read} allows, and what the published schema ({@code schema/workload.schema.json}) lists for it
     */
    java.util.Set<String> entryKeys();

    /** @return the record class of its resources */
    Class<R> resourceType();

    /** @return its name in AWS's words, for messages, {@code "AWS Lambda"} */
    String title();

    /**
     * @return the Price List service codes of the tables it is priced from, the main one first (its regions are
     *     where the service runs: a resource in a region it lacks is refused before it is metered)
     */
    List<String> tables();

    /**
     * @return the typed views of its tables that its checks and meter read; the price book binds each when it loads
     *     the table, so a table that lacks one of their entries fails at load
     */
    List<TableSchema<?>> schemas();

    /**
     * @return its main table, the first of {@link #tables()}: a price book without it prices none of the service's
     *     resources
     */
    default String mainTable() {
        return tables().get(0);
    }

    /**
     * @param context the resource's context
     * @return the table whose regions say where the service is priced: its main table, or the table of what it
     *     runs on (ECS on EC2: the instances')
     */
    default String regionTable(ServiceContext context) {
        return mainTable();
    }

    /**
     * @param resource the resource
     * @param context its context
     * @return the table whose regions say where this resource is priced: {@link #regionTable(ServiceContext)} unless
     *     the service runs resources on different capacities (AWS Batch: EC2 or Fargate)
     */
    default String regionTable(R resource, ServiceContext context) {
        return regionTable(context);
    }

    /** @return whether it is priced per region (false: once for every location, in the pseudo-region {@code global}) */
    default boolean regional() {
        return true;
    }

    /**
     * @param resource one of its resources
     * @param fallback the region of a resource that names none
     * @return the region the resource is priced in: its own, else {@code fallback}; {@code global} for a service
     *     that is not {@link #regional()}
     */
    default String regionOf(R resource, String fallback) {
        return regional() ? resource.region().orElse(fallback) : RegionPrices.GLOBAL;
    }

    /** @return the account quotas a workload file may state for it ({@code quotas: {name: value}}), by name */
    default Set<String> quotas() {
        return Set.of();
    }

    /**
     * Reads one workload-file entry of its type: the keys it allows (beyond {@link Entry#COMMON_KEYS}), their
     * defaults, and errors that name the entry's JSON path.
     *
     * @param entry the entry
     * @return the resource
     * @throws RuntimeException from {@link Entry}'s accessors, naming the key; the file's reader adds the file
     */
    R read(Entry entry);

    /**
     * Checks one resource against the limits AWS documents (errors: AWS would reject it; warnings: it deploys but
     * throttles, or needs a raised quota).
     *
     * @param resource the resource
     * @param context the price book, the region the resource runs in, the account's quotas
     * @return every violation found
     */
    ValidationReport check(R resource, ServiceContext context);

    /**
     * Checks what resources of this service share in one account (a quota per account and region, say); the
     * estimator asks only when the workload has two or more of them (one resource alone is {@link #check}ed). The
     * default finds nothing.
     *
     * @param resources every resource of this service in the workload, at least two, with the region each runs in
     * @param context the price book and the account's quotas ({@link ServiceContext#region()} is the default region)
     * @return every violation found
     */
    default ValidationReport checkAccount(List<Placed<R>> resources, ServiceContext context) {
        return ValidationReport.EMPTY;
    }

    /**
     * Turns a valid resource into a month of usage records, in AWS's usage types. It validates nothing (the
     * estimator has checked the resource) and prices nothing (the engine rates the records).
     *
     * @param resource a resource that passed {@link #check}
     * @param context the price book (for billing rules), the region it runs in, the account's quotas
     * @return the metered resource
     */
    MeteredResource meter(R resource, ServiceContext context);

    /**
     * @param prices the price book
     * @return the instances this service rents by the hour, for the services that run on them; the default rents
     *     none (one service, EC2, does)
     */
    default Optional<InstanceHours> instanceHours(io.github.computecost.pricing.PriceBook prices) {
        return Optional.empty();
    }

    /**
     * @param prices the price book
     * @return the serverless container capacity this service runs tasks on, for the services that place work there;
     *     the default runs none (one service, Fargate, does)
     */
    default Optional<ContainerTasks> containerTasks(io.github.computecost.pricing.PriceBook prices) {
        return Optional.empty();
    }

    /** @return the control plane always-on options of other services are priced with, if this is one (EKS) */
    default Optional<ControlPlane> controlPlane() {
        return Optional.empty();
    }

    /** @return what requests pass through before serverless compute, if this service is one (API Gateway) */
    default Optional<FrontDoor> frontDoor() {
        return Optional.empty();
    }

    /** @return how it reads CloudFormation and SAM template resources, if it does */
    default Optional<TemplateMapping<R>> templates() {
        return Optional.empty();
    }

    /** @return how it reads a configuration file of its own kind (an ECS task definition), if it does */
    default Optional<DocumentMapping<R>> documents() {
        return Optional.empty();
    }

    /** @return how it sizes a service-neutral workload for {@code compare}, if it can run one */
    default Optional<Sizing> sizing() {
        return Optional.empty();
    }

    /** @return which AWS Price List offers feed its tables, for {@code import-prices} and {@code update-prices} */
    default List<PriceListMapping> priceList() {
        return List.of();
    }

    /**
     * @return the Arm usage type of each of its main table's x86 usage types that has one (for re-rating a bill as
     *     if it ran on Graviton), possibly empty
     */
    default Map<String, String> armEquivalents() {
        return Map.of();
    }

    /**
     * @return its fixed-point route for one resource priced alone ({@code Estimator.monthlyCostExact}), if it has
     *     one: the same figure as the engine's, in {@code long} arithmetic, for sweeps and simulations
     */
    default Optional<FixedPointMeter<R>> fixedPoint() {
        return Optional.empty();
    }

    /** @return how the service reads market prices a user brings (EC2's Spot price history), if it has any */
    default Optional<ObservedPrices> observedPrices() {
        return Optional.empty();
    }

    /**
     * A resource and the region it runs in.
     *
     * @param resource the resource
     * @param region its region: its own, or the workload's
     */
    record Placed<R extends Resource>(R resource, String region) {
    }
}
