package io.github.computecost.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.apigateway.ApiGatewayApi;
import io.github.computecost.compute.Architecture;
import io.github.computecost.compute.OperatingSystem;
import io.github.computecost.ec2.Ec2Instance;
import io.github.computecost.fargate.FargateTask;
import io.github.computecost.lightsail.LightsailInstance;
import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The builders of the API's grammar make the same resources as the records' constructors and as the deprecated
 * positional factories they replace (so moving to them changes no figure), and refuse what is missing.
 */
@SuppressWarnings("deprecation")
class BuildersTest {

    static final Estimator ESTIMATOR = Estimator.of(PriceBook.bundled());

    @Test
    void ec2() {
        Ec2Instance built = Ec2Instance.builder("app").instanceType("m5.large").count(2).region("us-east-1")
                .operatingSystem(OperatingSystem.WINDOWS).hoursPerMonth(new BigDecimal("100")).build();
        assertEquals(new Ec2Instance("app", Optional.of("us-east-1"), "m5.large", OperatingSystem.WINDOWS, 2,
                new BigDecimal("100"), Optional.empty()), built);
        assertEquals(Ec2Instance.of("app", "m5.large", 1), Ec2Instance.builder("app").instanceType("m5.large").build(),
                "one Linux instance all month by default");
        assertTrue(Ec2Instance.builder("b").instanceType("c5.xlarge").spot().build().spot());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> Ec2Instance.builder("x").build());
        assertTrue(none.getMessage().contains("instanceType"), none.getMessage());
    }

    @Test
    void fargate() {
        FargateTask built = FargateTask.builder("web").vcpu(BigDecimal.ONE).memoryGb(new BigDecimal("2"))
                .running(3, FargateTask.HOURS_PER_MONTH).build();
        assertEquals(FargateTask.of("web", BigDecimal.ONE, new BigDecimal("2"), 3), built);
        assertEquals(0, ESTIMATOR.monthlyCostExact(built).compareTo(ESTIMATOR.monthlyCostExact(
                FargateTask.of("web", BigDecimal.ONE, new BigDecimal("2"), 3))));
        FargateTask runs = FargateTask.builder("job").vcpu(BigDecimal.ONE).memoryGb(new BigDecimal("2"))
                .runs(3000, Duration.ofMillis(40_500)).architecture(Architecture.ARM64).spot(true).build();
        assertEquals(new FargateTask.Runs(3000, new BigDecimal("40.5")), runs.usage());
        assertTrue(runs.spot());
        assertEquals(new FargateTask.Runs(10, new BigDecimal("40")), FargateTask.builder("j").vcpu(BigDecimal.ONE)
                .memoryGb(BigDecimal.ONE).runs(10, Duration.ofSeconds(40)).build().usage(), "40, not 4E+1");
        assertThrows(IllegalArgumentException.class, () -> FargateTask.builder("x").vcpu(BigDecimal.ONE).build());
    }

    @Test
    void lightsail() {
        LightsailInstance built = LightsailInstance.builder("blog").bundle("medium_3_0").count(2)
                .dataTransferOutGb(new BigDecimal("5000")).build();
        assertEquals(LightsailInstance.of("blog", "medium_3_0", 2).withDataTransferGb(new BigDecimal("5000"),
                BigDecimal.ZERO), built);
        assertThrows(IllegalArgumentException.class, () -> LightsailInstance.builder("x").build());
    }

    @Test
    void theOthers() {
        assertEquals(io.github.computecost.edge.CloudFrontFunction.of("f",
                io.github.computecost.edge.EdgeEventType.VIEWER_REQUEST, 10_000_000),
                io.github.computecost.edge.CloudFrontFunction.builder("f")
                        .eventType(io.github.computecost.edge.EdgeEventType.VIEWER_REQUEST)
                        .invocationsPerMonth(10_000_000).build());
        assertEquals(io.github.computecost.ecs.EcsTasksOnEc2.of("web", "m6i.large", 512, 1024, 3),
                io.github.computecost.ecs.EcsTasksOnEc2.builder("web").instanceType("m6i.large").taskCpuUnits(512)
                        .taskMemoryMib(1024).tasks(3).build());
        assertEquals(io.github.computecost.fargate.EksFargatePods.of("p", 4, BigDecimal.ONE, new BigDecimal("2048")),
                io.github.computecost.fargate.EksFargatePods.builder("p").pods(4).podVcpu(BigDecimal.ONE)
                        .podMemoryMb(new BigDecimal("2048")).build());
        assertEquals(io.github.computecost.batch.BatchJobs.onFargate("nightly", BigDecimal.ONE, 2048, 30,
                new BigDecimal("40")), io.github.computecost.batch.BatchJobs.builder("nightly").vcpu(BigDecimal.ONE)
                        .memoryMib(2048).submissionsPerMonth(30).duration(Duration.ofSeconds(40)).build());
        assertEquals(io.github.computecost.batch.BatchJobs.onEc2("r", "c6i.2xlarge", new BigDecimal("2"), 3072, 60,
                new BigDecimal("1800")), io.github.computecost.batch.BatchJobs.builder("r").vcpu(new BigDecimal("2"))
                        .memoryMib(3072).submissionsPerMonth(60).duration(Duration.ofMinutes(30))
                        .platform(io.github.computecost.batch.BatchJobs.Platform.EC2).instanceType("c6i.2xlarge")
                        .build());
        assertEquals(io.github.computecost.stepfunctions.StateMachine.express("sm", 1_000_000, new BigDecimal("250"),
                new BigDecimal("128")), io.github.computecost.stepfunctions.StateMachine.builder("sm")
                        .workflowType(io.github.computecost.stepfunctions.StateMachine.WorkflowType.EXPRESS)
                        .executionsPerMonth(1_000_000).averageDuration(Duration.ofMillis(250))
                        .memoryMb(new BigDecimal("128")).build());
        assertEquals(io.github.computecost.apprunner.AppRunnerService.AppRunnerApp.of("web", BigDecimal.ONE,
                new BigDecimal("2"), 1, new BigDecimal("80")),
                io.github.computecost.apprunner.AppRunnerService.AppRunnerApp.builder("web").vcpu(BigDecimal.ONE)
                        .memoryGb(new BigDecimal("2")).activeInstanceHoursPerMonth(new BigDecimal("80")).build());
        assertThrows(IllegalArgumentException.class, () -> io.github.computecost.apprunner.AppRunnerService.AppRunnerApp
                .builder("w").vcpu(BigDecimal.ONE).build());
        assertEquals(FargateTask.of("t", BigDecimal.ONE, new BigDecimal("2"), 4), FargateTask.builder("t")
                .vcpu(BigDecimal.ONE).memoryGb(new BigDecimal("2")).tasks(4).build());
        assertEquals(io.github.computecost.edge.LambdaEdgeFunction.of("e",
                io.github.computecost.edge.EdgeEventType.ORIGIN_REQUEST, 256, 5_000_000, new BigDecimal("12.5")),
                io.github.computecost.edge.LambdaEdgeFunction.builder("e")
                        .eventType(io.github.computecost.edge.EdgeEventType.ORIGIN_REQUEST).memoryMb(256)
                        .requestsPerMonth(5_000_000).averageDurationMs(new BigDecimal("12.5")).build());
        assertEquals(io.github.computecost.stepfunctions.StateMachine.standard("s", 10_000, 12),
                io.github.computecost.stepfunctions.StateMachine.builder("s").executionsPerMonth(10_000)
                        .transitionsPerExecution(BigDecimal.valueOf(12)).build());
        assertEquals(io.github.computecost.stepfunctions.StateMachine.express("x", 100, new BigDecimal("250"),
                new BigDecimal("64")), io.github.computecost.stepfunctions.StateMachine.builder("x")
                        .workflowType(io.github.computecost.stepfunctions.StateMachine.WorkflowType.EXPRESS)
                        .executionsPerMonth(100).averageDurationMs(new BigDecimal("250")).build(),
                "64 MB by default, and a duration in ms as Duration gives it");
    }

    @Test
    void apiGateway() {
        ApiGatewayApi rest = ApiGatewayApi.builder("a").apiType(ApiGatewayApi.ApiType.REST).requestsPerMonth(1_000)
                .build();
        assertEquals(ApiGatewayApi.rest("a", 1_000), rest, "an edge-optimized REST API, as AWS makes one");
        assertEquals("EDGE", rest.endpointType());
        assertEquals(ApiGatewayApi.http("h", 2_000, new BigDecimal("3")), ApiGatewayApi.builder("h")
                .apiType(ApiGatewayApi.ApiType.HTTP).requestsPerMonth(2_000).averageRequestSizeKb(new BigDecimal("3"))
                .build());
        assertEquals(ApiGatewayApi.websocket("w", 5_000, new BigDecimal("4"), new BigDecimal("600")),
                ApiGatewayApi.builder("w").apiType(ApiGatewayApi.ApiType.WEBSOCKET).messagesPerMonth(5_000)
                        .averageMessageSizeKb(new BigDecimal("4")).connectionMinutesPerMonth(new BigDecimal("600"))
                        .build());
        ApiGatewayApi full = ApiGatewayApi.builder("r").apiType(ApiGatewayApi.ApiType.REST).region("eu-west-1")
                .endpointType("REGIONAL").requestsPerMonth(9).cache(new BigDecimal("0.5")).cache(new BigDecimal("1.6"))
                .cacheHoursPerMonth(new BigDecimal("100")).integrationTimeout(Duration.ofMillis(29_500))
                .payloadMb(new BigDecimal("2")).build();
        assertEquals(new ApiGatewayApi("r", Optional.of("eu-west-1"), ApiGatewayApi.ApiType.REST, "REGIONAL", 9,
                BigDecimal.ONE, 0, BigDecimal.ONE, BigDecimal.ZERO, List.of(new BigDecimal("0.5"),
                        new BigDecimal("1.6")), new BigDecimal("100"), Optional.of(new BigDecimal("29.5")),
                Optional.of(new BigDecimal("2"))), full);
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> ApiGatewayApi.builder("n").requestsPerMonth(1).build());
        assertTrue(none.getMessage().contains("apiType"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ApiGatewayApi.builder("c")
                .apiType(ApiGatewayApi.ApiType.HTTP).cache(BigDecimal.ONE).build(), "only REST APIs have a cache");
        IllegalArgumentException ecs = assertThrows(IllegalArgumentException.class,
                () -> io.github.computecost.ecs.EcsTasksOnEc2.builder("w").instanceType("m6i.large").build());
        assertTrue(ecs.getMessage().contains("taskCpuUnits"), ecs.getMessage());
        assertThrows(IllegalArgumentException.class, () -> io.github.computecost.batch.BatchJobs.builder("b").build());
        assertThrows(IllegalArgumentException.class, () -> io.github.computecost.fargate.EksFargatePods.builder("p")
                .build());
        assertThrows(IllegalArgumentException.class, () -> io.github.computecost.edge.CloudFrontFunction.builder("f")
                .build());
    }
}
