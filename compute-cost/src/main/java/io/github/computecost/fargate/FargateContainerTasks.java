package io.github.computecost.fargate;

import io.github.computecost.compute.Architecture;
import io.github.computecost.compute.OperatingSystem;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.service.ContainerTasks;
import io.github.computecost.service.MeteredResource;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Fargate as the container capacity other services place work on (AWS Batch jobs): a Linux task of the given size,
 * checked as a Fargate task is and metered as separate runs of one, each billed per second with Fargate's minimum.
 * Immutable and thread-safe.
 */
final class FargateContainerTasks implements ContainerTasks {

    private final PriceBook prices;

    private FargateContainerTasks(PriceBook prices) {
        this.prices = prices;
    }

    /** @return Fargate's capacity in the price book, its table read on first use; empty without the table */
    static Optional<ContainerTasks> of(PriceBook prices) {
        if (!prices.has(FargateService.TABLE)) {
            return Optional.empty();
        }
        return Optional.of(new FargateContainerTasks(prices));
    }

    @Override
    public String table(boolean spot) {
        return spot ? FargateService.SPOT_TABLE : FargateService.TABLE;
    }

    private FargateTables tables() {
        return prices.tables(FargateTables.SCHEMA);
    }

    private static FargateTask task(String name, Architecture a, BigDecimal vcpu, BigDecimal gb, boolean spot,
            FargateTask.Usage usage) {
        return new FargateTask(name, Optional.empty(), a, OperatingSystem.LINUX, vcpu, gb, 20, usage, spot);
    }

    @Override
    public ValidationReport check(String name, Architecture architecture, BigDecimal vcpu, BigDecimal memoryGb,
            boolean spot) {
        return FargateLimits.check(task(name, architecture, vcpu, memoryGb, spot, new FargateTask.Runs(1,
                BigDecimal.ONE)), tables());
    }

    @Override
    public MeteredResource runs(String name, String type, String region, Architecture architecture, BigDecimal vcpu,
            BigDecimal memoryGb, boolean spot, long runs, BigDecimal secondsEach) {
        MeteredResource m = FargateMeter.meter(task(name, architecture, vcpu, memoryGb, spot,
                new FargateTask.Runs(runs, secondsEach)), tables(), region);
        return new MeteredResource(m.name(), type, m.service(), m.region(), m.usage(), m.notes(), m.adjustments());
    }
}
