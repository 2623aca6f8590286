package io.github.computecost.bench;

import io.github.computecost.edge.CloudFrontFunction;
import io.github.computecost.edge.EdgeEventType;
import io.github.computecost.edge.LambdaEdgeFunction;
import io.github.computecost.ec2.Ec2Instance;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.fargate.FargateTask;
import io.github.computecost.lightsail.LightsailInstance;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.RegionPrices;
import io.github.computecost.pricing.ServicePrices;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * {@code double} formula for the same figure, measured in the same run, in two forms:
 * <ul>
 *   <li>{@code …RawDouble}: the formula with its rates already in fields, bound to this one resource: a few
 *       multiplications (about a nanosecond, near JMH's own cost per call);</li>
 *   <li>{@code …RawDoubleLookup}: the same formula as a {@code double} pricer of any resource has to run it: each rate
 *       read per call from a map of the region's prices by usage type (every usage type of the bundled tables, as
 *       {@code double}s), then the formula. This is the baseline the 10x target is held to: ours also finds its
 *       rates per call from the resource.</li>
 * </ul>
 * The quantities are fields in both, as ours are, so nothing is folded to a constant. The setup checks that every
 * raw formula gives our figure (to a double's precision), so a baseline cannot drift from what it is compared with.
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

    /** Every us-east-1 (and global) price of the five tables by base usage type, first tier, as a double. */
    private Map<String, Double> rates;
    private String fargateVcpuKey = "Fargate-vCPU-Hours:perCPU";
    private String fargateGbKey = "Fargate-GB-Hours";
    private String ec2Key = "BoxUsage:m5.large";
    private String lightsailKey = "BundleMonth:medium_3_0";
    private String edgeRequestKey = "Lambda-Edge-Request";
    private String edgeGbSecondKey = "Lambda-Edge-GB-Second";
    private String cfKey = "Executions-CloudFrontFunctions";

    @Setup
    public void setup() {
        PriceBook book = PriceBook.bundled();
        estimator = Estimator.of(book);
        fargate = FargateTask.builder("web").vcpu(BigDecimal.ONE).memoryGb(new BigDecimal("2")).tasks(3).build();
        ec2 = Ec2Instance.builder("app").instanceType("m5.large").count(2).build();
        lightsail = LightsailInstance.builder("blog").bundle("medium_3_0").count(1).build();
        lambdaEdge = LambdaEdgeFunction.builder("auth").eventType(EdgeEventType.VIEWER_REQUEST).memoryMb(128).requestsPerMonth(10_000_000).averageDurationMs(new BigDecimal("5")).build();
        cloudFront = CloudFrontFunction.builder("rewrite").eventType(EdgeEventType.VIEWER_REQUEST).invocationsPerMonth(10_000_000).build();
        rates = new HashMap<>();
        for (String code : List.of("AWSLambdaEdge", "AmazonCloudFront", "AmazonECSFargate", "AmazonEC2", "AmazonLightsail")) {
            ServicePrices table = book.service(code);
            RegionPrices region = table.region(table.regionCodes().contains("us-east-1") ? "us-east-1" : "global");
            region.tables().forEach((ut, t) -> rates.put(ut, t.tiers().get(0).unitPrice().doubleValue()));
        }
        same("fargate", fargateRawDouble(), fargateRawDoubleLookup(), fargateOurs());
        same("ec2", ec2RawDouble(), ec2RawDoubleLookup(), ec2Ours());
        same("lightsail", lightsailRawDouble(), lightsailRawDoubleLookup(), lightsailOurs());
        same("lambdaEdge", lambdaEdgeRawDouble(), lambdaEdgeRawDoubleLookup(), lambdaEdgeOurs());
        same("cloudFront", cloudFrontRawDouble(), cloudFrontRawDoubleLookup(), cloudFrontOurs());
    }

    private static void same(String what, double fields, double lookup, BigDecimal ours) {
        double o = ours.doubleValue();
        if (Math.abs(fields - o) > 1e-9 * Math.max(1, o) || Math.abs(lookup - o) > 1e-9 * Math.max(1, o)) {
            throw new IllegalStateException(what + ": the raw formula gives " + fields + " / " + lookup
                    + ", ours " + ours.toPlainString() + "; the baseline no longer prices the same figure");
        }
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
    public double fargateRawDoubleLookup() {
        double h = tasks * hours;
        return vcpu * h * rates.get(fargateVcpuKey) + memoryGb * h * rates.get(fargateGbKey);
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
    public double ec2RawDoubleLookup() {
        return instances * hours * rates.get(ec2Key);
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
    public double lightsailRawDoubleLookup() {
        return plans * rates.get(lightsailKey);
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
    public double lambdaEdgeRawDoubleLookup() {
        return requests * rates.get(edgeRequestKey)
                + requests * edgeMs / 1000.0 * edgeMb / 1024.0 * rates.get(edgeGbSecondKey);
    }

    @Benchmark
    public BigDecimal cloudFrontOurs() {
        return estimator.monthlyCostExact(cloudFront);
    }

    @Benchmark
    public double cloudFrontRawDouble() {
        return Math.max(0, invocations - cfFree) * cfInvocation;
    }

    @Benchmark
    public double cloudFrontRawDoubleLookup() {
        return Math.max(0, invocations - cfFree) * rates.get(cfKey);
    }
}
