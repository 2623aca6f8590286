package io.github.computecost.fargate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.compute.Architecture;
import io.github.computecost.compute.OperatingSystem;
import io.github.computecost.ec2.Ec2Instance;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.service.Resource;
import io.github.computecost.lightsail.LightsailInstance;
import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Invariants of Fargate, EC2 and Lightsail pricing. */
class ServerProperties {

    static final PriceBook BOOK = PriceBook.bundled();
    static final PriceBook WITH_SPOT = PriceBook.withOverrides(Path.of("compute-cost/src/test/resources/pricing-spot"));
    static final Estimator ESTIMATOR = Estimator.of(BOOK);

    static BigDecimal cost(Resource m) {
        return ESTIMATOR.estimate(List.of(m)).totalExact();
    }

    /** Every valid (vCPU, memory) size, from the catalog. */
    static List<BigDecimal[]> sizes() {
        List<BigDecimal[]> out = new ArrayList<>();
        for (Map<String, String> s : BOOK.service("AmazonECSFargate").catalog().values()) {
            for (String m : s.get("memoryGb").split(" ")) {
                out.add(new BigDecimal[] {new BigDecimal(s.get("vcpu")), new BigDecimal(m)});
            }
        }
        return out;
    }

    @Provide
    Arbitrary<FargateTask> tasks() {
        return Arbitraries.of(sizes()).flatMap(size -> Arbitraries.of(Architecture.values()).flatMap(arch ->
                Arbitraries.integers().between(0, 20).flatMap(n -> Arbitraries.bigDecimals()
                        .between(new BigDecimal("0.01"), new BigDecimal("744")).ofScale(2).map(h ->
                                FargateTask.builder("t").vcpu(size[0]).memoryGb(size[1]).tasks(n).build().withArchitecture(arch)
                                        .withUsage(new FargateTask.Running(n, h))))));
    }

    @Property
    void fargateIsMonotoneInHoursAndTasks(@ForAll("tasks") FargateTask t, @ForAll @IntRange(max = 5) int moreTasks,
            @ForAll @IntRange(max = 100) int moreHours) {
        FargateTask.Running r = (FargateTask.Running) t.usage();
        BigDecimal hours = r.hoursPerMonth().add(BigDecimal.valueOf(moreHours)).min(BigDecimal.valueOf(744));
        FargateTask bigger = t.withUsage(new FargateTask.Running(r.tasks() + moreTasks, hours));
        assertTrue(cost(bigger).compareTo(cost(t)) >= 0);
    }

    @Property
    void fargateIsMonotoneInVcpuAndMemory(@ForAll("tasks") FargateTask a, @ForAll("tasks") FargateTask b) {
        FargateTask small = a;
        FargateTask large = b.withUsage(a.usage()).withArchitecture(a.architecture());
        if (large.vcpu().compareTo(small.vcpu()) >= 0 && large.memoryGb().compareTo(small.memoryGb()) >= 0) {
            assertTrue(cost(large).compareTo(cost(small)) >= 0);
        }
    }

    @Property
    void armIsNeverDearerAndSpotNeverDearerThanOnDemand(@ForAll("tasks") FargateTask t) {
        assertTrue(cost(t.withArchitecture(Architecture.ARM64)).compareTo(cost(t.withArchitecture(Architecture.X86_64)))
                <= 0);
        Estimator spot = Estimator.of(WITH_SPOT);
        assertTrue(spot.estimate(List.of(t.withSpot(true))).totalExact()
                .compareTo(spot.estimate(List.of(t)).totalExact()) <= 0);
    }

    @Property
    void aRunIsNeverChargedLessThanTheMinimum(@ForAll("tasks") FargateTask t, @ForAll boolean windows,
            @ForAll @LongRange(min = 1, max = 1000) long runs, @ForAll @IntRange(min = 1, max = 600) int seconds) {
        FargateTask task = windows ? t.withArchitecture(Architecture.X86_64).withOperatingSystem(OperatingSystem.WINDOWS)
                .withSize(t.vcpu().max(BigDecimal.ONE), t.vcpu().compareTo(BigDecimal.ONE) < 0 ? new BigDecimal("2")
                        : t.memoryGb()) : t;
        int minimum = windows ? 300 : 60;
        BigDecimal actual = cost(task.withUsage(new FargateTask.Runs(runs, BigDecimal.valueOf(seconds))));
        BigDecimal atMinimum = cost(task.withUsage(new FargateTask.Runs(runs, BigDecimal.valueOf(minimum))));
        assertTrue(actual.compareTo(atMinimum) >= 0);
        if (seconds <= minimum) {
            assertEquals(0, actual.compareTo(atMinimum));
        }
    }

    @Provide
    Arbitrary<String> instanceTypes() {
        var east = BOOK.service("AmazonEC2").region("us-east-1");
        return Arbitraries.of(BOOK.service("AmazonEC2").catalog().keySet().stream()
                .filter(t -> east.find("BoxUsage:" + t).isPresent()).sorted().toList());
    }

    @Property
    void ec2IsMonotoneInHoursAndCountAndSpotIsNeverDearer(@ForAll("instanceTypes") String type,
            @ForAll @IntRange(max = 50) int count, @ForAll @IntRange(max = 5) int more,
            @ForAll @IntRange(min = 1, max = 700) int hours, @ForAll @IntRange(max = 44) int moreHours,
            @ForAll @IntRange(max = 100) int discount) {
        Ec2Instance i = Ec2Instance.builder("i").instanceType(type).count(count).build().withHoursPerMonth(BigDecimal.valueOf(hours));
        assertTrue(cost(i.withCount(count + more)).compareTo(cost(i)) >= 0);
        assertTrue(cost(i.withHoursPerMonth(BigDecimal.valueOf(hours + moreHours))).compareTo(cost(i)) >= 0);
        assertTrue(cost(i.withSpotDiscountPercent(BigDecimal.valueOf(discount))).compareTo(cost(i)) <= 0);
    }

    @Property
    void ec2IsMonotoneInVcpuAndMemoryWithinAFamily(@ForAll("instanceTypes") String a, @ForAll("instanceTypes") String b) {
        Map<String, Map<String, String>> catalog = BOOK.service("AmazonEC2").catalog();
        Map<String, String> x = catalog.get(a);
        Map<String, String> y = catalog.get(b);
        // Within a family, more vCPUs, memory and GPUs never cost less (a g5.12xlarge's 4 GPUs cost more than a
        // g5.16xlarge's one). A bare-metal size is another product: i4i.metal costs a fraction of a cent less an
        // hour than the i4i.32xlarge it equals.
        if (x.get("family").equals(y.get("family")) && x.containsKey("vcpu") && y.containsKey("vcpu")
                && a.endsWith(".metal") == b.endsWith(".metal")
                && new BigDecimal(y.get("vcpu")).compareTo(new BigDecimal(x.get("vcpu"))) >= 0
                && new BigDecimal(y.get("memoryGib")).compareTo(new BigDecimal(x.get("memoryGib"))) >= 0
                && new BigDecimal(y.getOrDefault("gpus", "0")).compareTo(new BigDecimal(x.getOrDefault("gpus", "0"))) >= 0) {
            assertTrue(cost(Ec2Instance.builder("i").instanceType(b).count(1).build()).compareTo(cost(Ec2Instance.builder("i").instanceType(a).count(1).build())) >= 0);
        }
    }

    @Provide
    Arbitrary<String> bundles() {
        return Arbitraries.of(BOOK.service("AmazonLightsail").catalog().keySet().stream().sorted().toList());
    }

    @Property
    void lightsailIsMonotoneAndNeverAboveThePlanPrice(@ForAll("bundles") String bundle,
            @ForAll @IntRange(min = 1, max = 10) int count, @ForAll @IntRange(max = 744) int hours,
            @ForAll @IntRange(max = 744) int moreHours) {
        LightsailInstance i = LightsailInstance.builder("l").bundle(bundle).count(count).build().withHoursPerMonth(BigDecimal.valueOf(hours));
        BigDecimal longer = cost(i.withHoursPerMonth(BigDecimal.valueOf(Math.min(744, hours + moreHours))));
        BigDecimal whole = cost(LightsailInstance.builder("l").bundle(bundle).count(count).build());
        assertTrue(longer.compareTo(cost(i)) >= 0);
        assertTrue(longer.compareTo(whole) <= 0);
        assertTrue(cost(i.withCount(count + 1)).compareTo(cost(i)) >= 0);
        BigDecimal monthly = BOOK.service("AmazonLightsail").region("us-east-1").table("BundleMonth:" + bundle).tiers()
                .get(0).unitPrice();
        assertEquals(0, whole.compareTo(monthly.multiply(BigDecimal.valueOf(count))));
        assertTrue(Arrays.asList("true", "false").contains(BOOK.service("AmazonLightsail").catalog().get(bundle)
                .get("publicIpv4")));
    }
}
