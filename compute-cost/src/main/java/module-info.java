/**
 * compute-cost: monthly cost estimates and limit checks for AWS compute, from bundled, sourced price tables, in exact
 * decimals. Start at {@link io.github.computecost.estimate.Estimator} and
 * {@link io.github.computecost.pricing.PriceBook}; a service's resources are in its own package
 * ({@link io.github.computecost.lambda}, ...), and {@link io.github.computecost.service} is the interface a service
 * implements. {@code io.github.computecost.internal} holds helpers and is not exported.
 *
 * <p>JSR-354 amounts are the library's own ({@link io.github.computecost.money.ExactMoney}): {@code java.money} is
 * the one money module required, and no implementation of it (such as Moneta) is needed at run time.
 */
module io.github.computecost {
    requires transitive java.money;
    // The service interface hands template properties over as Jackson trees.
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.yaml.snakeyaml;
    requires commons.math3;
    requires java.net.http;

    exports io.github.computecost;
    exports io.github.computecost.apigateway;
    exports io.github.computecost.apprunner;
    exports io.github.computecost.batch;
    exports io.github.computecost.budget;
    exports io.github.computecost.commitment;
    exports io.github.computecost.compare;
    exports io.github.computecost.compute;
    exports io.github.computecost.ec2;
    exports io.github.computecost.ecr;
    exports io.github.computecost.ecs;
    exports io.github.computecost.edge;
    exports io.github.computecost.eks;
    exports io.github.computecost.estimate;
    exports io.github.computecost.fargate;
    exports io.github.computecost.lambda;
    exports io.github.computecost.lightsail;
    exports io.github.computecost.limits;
    exports io.github.computecost.money;
    exports io.github.computecost.pricelist;
    exports io.github.computecost.pricing;
    exports io.github.computecost.report;
    exports io.github.computecost.rerate;
    exports io.github.computecost.service;
    exports io.github.computecost.spec;
    exports io.github.computecost.stepfunctions;

    // The price book binds every service's tables at load; the registry provides their schemas.
    uses io.github.computecost.pricing.TableSchemas;
    // Exports in formats read by other modules: Parquet by compute-cost-parquet.
    uses io.github.computecost.rerate.ExportReader;
    provides io.github.computecost.pricing.TableSchemas with io.github.computecost.estimate.Services.Schemas;
}
