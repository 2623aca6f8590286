package io.github.computecost.bench;

import io.github.computecost.edge.CloudFrontFunction;
import io.github.computecost.edge.EdgeEventType;
import io.github.computecost.edge.LambdaEdgeFunction;
import io.github.computecost.ec2.Ec2Instance;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.fargate.FargateTask;
import io.github.computecost.lightsail.LightsailInstance;
import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The exact fixed-point route ({@code Estimator.monthlyCostExact}) of one resource of each service, against the raw
 * {@code double} formula for the same figure, measured in the same run. The doubles read their inputs from fields,
 * as ours do, so neither is folded to a constant.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FixedPointBenchmark {

    private Estimator estimator;
    private FargateTask fargate;
    private Ec2Instance ec2;
    private LightsailInstance lightsail;
    private LambdaEdgeFunction lambdaEdge;
    private CloudFrontFunction cloudFront;

    private double tasks = 3;
    private double hours = 730;
    private double vcpu = 1;
    private double memoryGb = 2;
    private double vcpuHour = 0.04048;
    private double gbHour = 0.004445;
    private double instances = 2;
    private double instanceHour = 0.096;
    private double plans = 1;
    private double planMonth = 24;
    private double requests = 10_000_000;
    private double edgeMs = 5;
    private double edgeMb = 128;
    private double edgeRequest = 0.0000006;
    private double edgeGbSecond = 0.00005001;
    private double invocations = 10_000_000;
    private double cfInvocation = 0.0000001;
    private double cfFree = 2_000_000;

    @Setup
    public void setup() {
        estimator = Estimator.of(PriceBook.bundled());
        fargate = FargateTask.of("web", BigDecimal.ONE, new BigDecimal("2"), 3);
        ec2 = Ec2Instance.of("app", "m5.large", 2);
        lightsail = LightsailInstance.of("blog", "medium_3_0", 1);
        lambdaEdge = LambdaEdgeFunction.of("auth", EdgeEventType.VIEWER_REQUEST, 128, 10_000_000, new BigDecimal("5"));
        cloudFront = CloudFrontFunction.of("rewrite", EdgeEventType.VIEWER_REQUEST, 10_000_000);
    }

    @Benchmark
    public BigDecimal fargateOurs() {
        return estimator.monthlyCostExact(fargate);
    }

    @Benchmark
    public double fargateRawDouble() {
        double h = tasks * hours;
        return vcpu * h * vcpuHour + memoryGb * h * gbHour;
    }

    @Benchmark
    public BigDecimal ec2Ours() {
        return estimator.monthlyCostExact(ec2);
    }

    @Benchmark
    public double ec2RawDouble() {
        return instances * hours * instanceHour;
    }

    @Benchmark
    public BigDecimal lightsailOurs() {
        return estimator.monthlyCostExact(lightsail);
    }

    @Benchmark
    public double lightsailRawDouble() {
        return plans * planMonth;
    }

    @Benchmark
    public BigDecimal lambdaEdgeOurs() {
        return estimator.monthlyCostExact(lambdaEdge);
    }

    @Benchmark
    public double lambdaEdgeRawDouble() {
        return requests * edgeRequest + requests * edgeMs / 1000.0 * edgeMb / 1024.0 * edgeGbSecond;
    }

    @Benchmark
    public BigDecimal cloudFrontOurs() {
        return estimator.monthlyCostExact(cloudFront);
    }

    @Benchmark
    public double cloudFrontRawDouble() {
        return Math.max(0, invocations - cfFree) * cfInvocation;
    }
}
