package io.github.computecost.eks;

import static io.github.computecost.Decimals.assertDecimal;
import static io.github.computecost.Decimals.bd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.compute.OperatingSystem;
import io.github.computecost.ec2.Ec2Instance;
import io.github.computecost.estimate.Estimate;
import io.github.computecost.estimate.Estimator;
import io.github.computecost.estimate.ResourceEstimate;
import io.github.computecost.fargate.EksFargatePods;
import io.github.computecost.fargate.FargateTables;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.spec.ConfigReader;
import io.github.computecost.spec.Workload;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EksPricingTest {

    static final PriceBook BOOK = PriceBook.bundled();
    static final Estimator ESTIMATOR = Estimator.of(BOOK);

    static ResourceEstimate price(io.github.computecost.service.Resource r) {
        return ESTIMATOR.estimate(List.of(r)).resource(r.name());
    }

    @Test
    void clusterFeeInStandardAndExtendedSupport() {
        // AWS: $0.10 per cluster-hour in standard support, $0.60 in all in extended support; Infracost's golden
        // test: 730 hours cost 73.00 and 438.00.
        assertDecimal("73", price(EksCluster.of("c", EksCluster.Support.STANDARD)).monthlyCostExact());
        ResourceEstimate extended = price(EksCluster.of("c", EksCluster.Support.EXTENDED));
        assertDecimal("438", extended.monthlyCostExact());
        assertEquals(List.of("USE1-AmazonEKS-Hours:perCluster", "USE1-AmazonEKS-Hours:extendedSupport"),
                extended.lineItems().stream().map(li -> li.usageType()).toList());
        assertDecimal("10", price(EksCluster.of("c", EksCluster.Support.STANDARD).withHoursPerMonth(bd("100")))
                .monthlyCostExact());
        var e = assertThrows(RuntimeException.class,
                () -> price(EksCluster.of("c", EksCluster.Support.STANDARD).withRegion("eu-west-1")));
        assertTrue(e.getMessage().contains("eu-west-1"), e.getMessage());
    }

    @Test
    void podsAreBilledAtTheFargateSizeTheirRequestsRoundUpTo() {
        FargateTables t = BOOK.tables(FargateTables.SCHEMA);
        // AWS's example: 1 vCPU and 8 GB, with 256 MB added, runs on 2 vCPU and 9 GB.
        FargateTables.PodSize s = t.podSize(bd("1"), bd("8192")).orElseThrow();
        assertDecimal("2", s.vcpu());
        assertDecimal("9", s.memoryGb());
        // No request: the smallest size, 0.25 vCPU and 0.5 GB.
        s = t.podSize(bd("0"), bd("0")).orElseThrow();
        assertDecimal("0.25", s.vcpu());
        assertDecimal("0.5", s.memoryGb());
        // 0.25 vCPU and 256 MB: 512 MB with the overhead, exactly the smallest size.
        assertDecimal("0.5", t.podSize(bd("0.25"), bd("256")).orElseThrow().memoryGb());
        assertDecimal("1", t.podSize(bd("0.25"), bd("257")).orElseThrow().memoryGb());
        // 2 pods of 2 vCPU / 9 GB all month: 2 x 730 x (2 x 0.04048 + 9 x 0.004445).
        ResourceEstimate r = price(EksFargatePods.builder("web").pods(2).podVcpu(bd("1")).podMemoryMb(bd("8192")).build());
        assertDecimal("176.6089", r.monthlyCostExact());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("2 vCPU / 9 GB")), r.notes().toString());
        // Nothing holds 16 vCPU and 120 GB once 256 MB are added.
        assertEquals("fargate.eks.pod-size", ESTIMATOR.assess(List.of(EksFargatePods.builder("big").pods(1).podVcpu(bd("16")).podMemoryMb(bd("122880")).build())).violations().errors().get(0).code());
    }

    @Test
    void aClusterTemplatePricedByTheServicesThatBillIt() {
        Workload w = ConfigReader.read(Path.of("compute-cost/src/test/resources/config/eks.yaml"),
                Optional.of(Path.of("compute-cost/src/test/resources/config/eks-usage.yaml")));
        Estimate e = w.assess(w.estimator(BOOK)).estimate();
        assertDecimal("438", e.resource("Cluster").monthlyCostExact());
        assertDecimal("176.6089", e.resource("Pods").monthlyCostExact());
        Ec2Instance linux = (Ec2Instance) w.resources().stream().filter(r -> r.name().equals("Linux")).findFirst()
                .orElseThrow();
        assertEquals("m5.large", linux.instanceType()); // the first of its types, with a warning
        assertEquals(3, linux.count());
        assertDecimal("210.24", e.resource("Linux").monthlyCostExact()); // 3 x 730 x $0.096
        Ec2Instance windows = (Ec2Instance) w.resources().stream().filter(r -> r.name().equals("Windows"))
                .findFirst().orElseThrow();
        assertEquals(OperatingSystem.WINDOWS, windows.operatingSystem());
        // The Spot node group has no assumed discount: not priced, and listed.
        assertTrue(e.unsupported().stream().anyMatch(u -> u.name().equals("Spot")
                && u.type().equals("AWS::EKS::Nodegroup")), e.unsupported().toString());
        List<String> codes = w.findings().stream().map(f -> f.code() + " " + f.resource()).toList();
        assertTrue(codes.contains("template.assumed Linux"), codes.toString());
        assertTrue(codes.contains("template.spot Spot"), codes.toString());
        assertTrue(codes.contains("template.not-priced-part Linux"), codes.toString());
        assertTrue(e.resource("Cluster").notes().get(0).startsWith("Kubernetes 1.29: extended support"));
    }
}
