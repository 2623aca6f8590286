package io.github.computecost.fargate;

import io.github.computecost.compute.OperatingSystem;
import io.github.computecost.service.LimitChecks;
import io.github.computecost.limits.Severity;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.limits.Violation;
import io.github.computecost.pricing.PriceBook;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks a {@link FargateTask} against the task sizes and options AWS documents, read from the price book.
 * Stateless and thread-safe.
 */
public final class FargateLimits {

    private FargateLimits() {
    }

    /**
     * @param prices the price book whose sizes and quotas it is checked against
     * @param task the task to check
     * @return every violation found
     */
    public static ValidationReport validate(FargateTask task, PriceBook prices) {
        return check(task, prices.tables(FargateTables.SCHEMA));
    }

    static ValidationReport check(FargateTask task, FargateTables t) {
        List<Violation> out = new ArrayList<>();
        String name = task.name();
        Optional<FargateTables.FargateSize> size = t.size(task.vcpu());
        if (size.isEmpty()) {
            String allowed = t.sizes().stream().map(s -> plain(s.vcpu())).collect(Collectors.joining(", "));
            out.add(new Violation("fargate.cpu", Severity.ERROR, name, "vcpu", plain(task.vcpu()), allowed,
                    name + ": vcpu " + plain(task.vcpu()) + " is not a Fargate task size (allowed: " + allowed + ")"));
        } else if (!size.get().offers(task.memoryGb())) {
            out.add(new Violation("fargate.memory", Severity.ERROR, name, "memoryGb", plain(task.memoryGb()),
                    size.get().description(), name + ": memoryGb " + plain(task.memoryGb()) + " is not offered with "
                            + plain(task.vcpu()) + " vCPU (allowed: " + size.get().description() + ")"));
        }
        LimitChecks.range(out, name, "AWS Fargate", t.ephemeralStorageGb(), "ephemeralStorageGb",
                BigDecimal.valueOf(task.ephemeralStorageGb()), "fargate.ephemeral-storage.range");
        if (task.operatingSystem() == OperatingSystem.WINDOWS) {
            LimitChecks.oneOf(out, name, "Fargate Windows tasks", t.windowsArchitectures(), "architecture",
                    task.architecture().awsName(), "fargate.windows.architecture");
            BigDecimal min = t.windowsMinimumVcpu().min().orElseThrow();
            if (task.vcpu().compareTo(min) < 0) {
                out.add(new Violation("fargate.windows.cpu", Severity.ERROR, name, "vcpu", plain(task.vcpu()),
                        "at least " + plain(min), name + ": Windows tasks on Fargate need at least " + plain(min)
                                + " vCPU, was " + plain(task.vcpu())));
            }
            if (task.spot()) {
                out.add(new Violation("fargate.spot.windows", Severity.ERROR, name, "spot", "true", "linux only",
                        name + ": Fargate Spot runs Linux tasks only"));
            }
        }
        return new ValidationReport(out);
    }

    static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
