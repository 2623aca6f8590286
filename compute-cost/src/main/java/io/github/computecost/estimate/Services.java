package io.github.computecost.estimate;

import io.github.computecost.apigateway.ApiGatewayService;
import io.github.computecost.apprunner.AppRunnerService;
import io.github.computecost.batch.BatchService;
import io.github.computecost.ec2.Ec2Service;
import io.github.computecost.ecr.EcrService;
import io.github.computecost.ecs.EcsOnEc2Service;
import io.github.computecost.edge.CloudFrontFunctionService;
import io.github.computecost.eks.EksService;
import io.github.computecost.edge.LambdaEdgeService;
import io.github.computecost.fargate.EksFargateService;
import io.github.computecost.fargate.FargateService;
import io.github.computecost.lambda.LambdaService;
import io.github.computecost.lightsail.LightsailService;
import io.github.computecost.pricing.TableSchema;
import io.github.computecost.pricing.TableSchemas;
import io.github.computecost.service.PriceListMapping;
import io.github.computecost.service.Resource;
import io.github.computecost.service.Service;
import io.github.computecost.stepfunctions.StepFunctionsService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The registry: the one list of the services compute-cost prices, a line each. Everything that must know every
 * service (the estimator, the workload and template readers, {@code compare}, the Price List importer, the
 * re-rater, the price book's load-time checks) asks here, and names none. Adding a service is a folder for it and a
 * line below. Immutable and thread-safe.
 */
public final class Services {

    private static final List<Service<?>> ALL = List.of(
            LambdaService.INSTANCE,
            LambdaEdgeService.INSTANCE,
            CloudFrontFunctionService.INSTANCE,
            FargateService.INSTANCE,
            EcsOnEc2Service.INSTANCE,
            BatchService.INSTANCE,
            Ec2Service.INSTANCE,
            LightsailService.INSTANCE,
            StepFunctionsService.INSTANCE,
            ApiGatewayService.INSTANCE,
            EksService.INSTANCE,
            EksFargateService.INSTANCE,
            EcrService.INSTANCE,
            AppRunnerService.INSTANCE);

    private static final Map<String, Service<?>> BY_TYPE = index();
    private static final Map<Class<?>, Service<?>> BY_CLASS = byClass();

    private Services() {
    }

    private static Map<String, Service<?>> index() {
        Map<String, Service<?>> m = new LinkedHashMap<>();
        for (Service<?> s : ALL) {
            if (m.put(s.type(), s) != null) {
                throw new IllegalStateException("two services of type " + s.type());
            }
        }
        return m;
    }

    private static Map<Class<?>, Service<?>> byClass() {
        Map<Class<?>, Service<?>> m = new java.util.HashMap<>();
        for (Service<?> s : ALL) {
            m.put(s.resourceType(), s);
        }
        return m;
    }

    /** @return every service, in the registry's order */
    public static List<Service<?>> all() {
        return ALL;
    }

    /**
     * A price book with market prices a user brings laid over it (EC2's Spot price history): each file goes to the
     * service that recognises it, which makes its table; the prices are derived from the files by {@code statistic},
     * and say so.
     *
     * @param book the price book
     * @param files the files, JSON
     * @param statistic which figure of the observations prices the month
     * @return the price book with the tables laid over it
     * @throws io.github.computecost.ComputeCostException if a file is missing or malformed, or no service reads it,
     *     naming the file
     */
    public static io.github.computecost.pricing.PriceBook withObservedPrices(
            io.github.computecost.pricing.PriceBook book, List<java.nio.file.Path> files,
            io.github.computecost.service.ObservedPrices.Statistic statistic) {
        Map<io.github.computecost.service.ObservedPrices,
                Map<java.nio.file.Path, com.fasterxml.jackson.databind.JsonNode>> byReader = new LinkedHashMap<>();
        for (java.nio.file.Path f : files) {
            com.fasterxml.jackson.databind.JsonNode root = io.github.computecost.service.ObservedPrices.readJson(f);
            io.github.computecost.service.ObservedPrices reader = null;
            for (Service<?> s : ALL) {
                if (s.observedPrices().isPresent() && s.observedPrices().get().recognises(root)) {
                    reader = s.observedPrices().get();
                    break;
                }
            }
            if (reader == null) {
                throw new io.github.computecost.ComputeCostException(f + ": not observed prices any service reads ("
                        + String.join("; ", ALL.stream().flatMap(s -> s.observedPrices().stream())
                                .map(io.github.computecost.service.ObservedPrices::describe).toList()) + ")");
            }
            byReader.computeIfAbsent(reader, k -> new LinkedHashMap<>()).put(f, root); // read once
        }
        List<io.github.computecost.pricing.ServicePrices> tables = new ArrayList<>();
        byReader.forEach((reader, fs) -> tables.add(reader.table(fs, book, statistic)));
        return book.overriddenBy(tables);
    }

    /**
     * @param table a table's service code
     * @return the observed prices a user brings to make that table, if a service makes it so (EC2's Spot table)
     */
    public static Optional<io.github.computecost.service.ObservedPrices> observedPricesFor(String table) {
        return first(s -> s.observedPrices().filter(o -> o.table().equals(table)));
    }

    /** The first thing a service of the registry offers, in the registry's order. */
    private static <T> Optional<T> first(java.util.function.Function<Service<?>, Optional<T>> offered) {
        for (Service<?> s : ALL) {
            Optional<T> t = offered.apply(s);
            if (t.isPresent()) {
                return t;
            }
        }
        return Optional.empty();
    }

    /**
     * @param prices the price book
     * @return the instances the registry's instance-renting service (EC2) offers in it, for the services that run on
     *     them; empty when the price book lacks that service's table
     */
    public static Optional<io.github.computecost.service.InstanceHours> instanceHours(
            io.github.computecost.pricing.PriceBook prices) {
        return first(s -> s.instanceHours(prices));
    }

    /**
     * @param prices the price book
     * @return the serverless container capacity (Fargate) the registry's services offer in it; empty without its table
     */
    public static Optional<io.github.computecost.service.ContainerTasks> containerTasks(
            io.github.computecost.pricing.PriceBook prices) {
        return first(s -> s.containerTasks(prices));
    }

    /** What a price book offers the services that run on other services' capacity, found once per price book. */
    private record Capabilities(Optional<io.github.computecost.service.InstanceHours> instances,
            Optional<io.github.computecost.service.ContainerTasks> containers) {
    }

    /**
     * @param prices the price book
     * @param region the resource's region code
     * @param quotas the account's quotas
     * @return a context for one resource: the price book, its region, the account's quotas, and the price book's
     *     instances and container capacity (looked up once per price book: this runs for every resource priced)
     */
    public static io.github.computecost.service.ServiceContext context(io.github.computecost.pricing.PriceBook prices,
            String region, io.github.computecost.limits.AccountQuotas quotas) {
        Capabilities c = prices.derived(Capabilities.class, p -> new Capabilities(instanceHours(p), containerTasks(p)));
        return new io.github.computecost.service.ServiceContext(prices, region, quotas, c.instances(), c.containers());
    }

    /**
     * @param kind a front door's kind, {@code "api-gateway-http"}
     * @return the front door that offers it, if a service of the registry does
     */
    public static Optional<io.github.computecost.service.FrontDoor> frontDoor(String kind) {
        return first(s -> s.frontDoor().filter(d -> d.kinds().contains(kind)));
    }

    /**
     * @param kind a control plane's kind, {@code "eks"}
     * @return the control plane of that kind, if a service of the registry offers it
     */
    public static Optional<io.github.computecost.service.ControlPlane> controlPlane(String kind) {
        return first(s -> s.controlPlane().filter(c -> c.kind().equals(kind)));
    }

    /** @return every front door kind the registry's services offer, in the registry's order */
    public static List<String> frontDoorKinds() {
        List<String> out = new ArrayList<>();
        for (Service<?> s : ALL) {
            s.frontDoor().ifPresent(d -> out.addAll(d.kinds()));
        }
        return out;
    }

    /** @return the workload-file type names, sorted */
    public static SortedSet<String> types() {
        return new TreeSet<>(BY_TYPE.keySet());
    }

    /**
     * @param type the type name, {@code "lambda"}
     * @return the service of a workload-file type name, if there is one
     */
    public static Optional<Service<?>> forType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /**
     * @param resource a resource of one of the services
     * @param <R> the resource's type
     * @return its service
     * @throws IllegalArgumentException if no registered service prices resources of its class
     */
    @SuppressWarnings("unchecked")
    public static <R extends Resource> Service<R> of(R resource) {
        Service<?> s = BY_CLASS.get(resource.getClass());
        if (s == null) {
            throw new IllegalArgumentException("no service prices " + resource.getClass().getName() + " (resource "
                    + resource.name() + "); the registered types are " + String.join(", ", types()));
        }
        return (Service<R>) s;
    }

    /** @return every service's Price List mappings, in the registry's order */
    public static List<PriceListMapping> priceLists() {
        List<PriceListMapping> out = new ArrayList<>();
        ALL.forEach(s -> out.addAll(s.priceList()));
        return out;
    }

    /** @return the distinct offer codes the services are fed by, in the registry's order */
    public static List<String> offerCodes() {
        return priceLists().stream().map(PriceListMapping::offerCode).distinct().toList();
    }

    /**
     * @param table the price table's name
     * @param baseUsageType the x86 usage type, without a region prefix
     * @return the Arm usage type of an x86 usage type in {@code table} (for a what-if re-rating), or the usage type
     *     itself when it has none
     */
    public static String armEquivalent(String table, String baseUsageType) {
        for (Service<?> s : ALL) {
            if (s.mainTable().equals(table)) {
                return s.armEquivalents().getOrDefault(baseUsageType, baseUsageType);
            }
        }
        return baseUsageType;
    }

    /** @return every service's table schemas */
    public static List<TableSchema<?>> schemas() {
        List<TableSchema<?>> out = new ArrayList<>();
        ALL.forEach(s -> out.addAll(s.schemas()));
        return out;
    }

    /**
     * The registry's schemas for the price book, found with {@link java.util.ServiceLoader} so that the price book
     * binds every service's tables at load without naming a service.
     */
    public static final class Schemas implements TableSchemas {
        /** For {@link java.util.ServiceLoader}. */
        public Schemas() {
        }

        @Override
        public List<TableSchema<?>> schemas() {
            return Services.schemas();
        }
    }
}
