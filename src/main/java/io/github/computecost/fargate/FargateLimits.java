package io.github.computecost.fargate;

import io.github.computecost.compute.OperatingSystem;
import io.github.computecost.internal.LimitChecks;
import io.github.computecost.limits.Severity;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.limits.Violation;
import io.github.computecost.pricing.PriceBook;
import io.github.computecost.pricing.ServicePrices;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks a {@link FargateTask} against the task sizes and options AWS documents, read from the price book.
 * Stateless and thread-safe.
 */
public final class FargateLimits {

    private FargateLimits() {
    }

    /** @return every violation found */
    public static ValidationReport validate(FargateTask task, PriceBook prices) {
        ServicePrices sp = prices.service(FargateMeter.SERVICE);
        List<Violation> out = new ArrayList<>();
        String name = task.name();
        Map<String, String> size = sp.catalog().get("vcpu-" + plain(task.vcpu()));
        if (size == null) {
            String allowed = sp.catalog().values().stream().map(s -> s.get("vcpu")).collect(Collectors.joining(", "));
            out.add(new Violation("fargate.cpu", Severity.ERROR, name, "vcpu", plain(task.vcpu()), allowed,
                    name + ": vcpu " + plain(task.vcpu()) + " is not a Fargate task size (allowed: " + allowed + ")"));
        } else {
            boolean offered = Arrays.stream(size.get("memoryGb").split(" "))
                    .anyMatch(m -> new BigDecimal(m).compareTo(task.memoryGb()) == 0);
            if (!offered) {
                out.add(new Violation("fargate.memory", Severity.ERROR, name, "memoryGb", plain(task.memoryGb()),
                        size.get("description"), name + ": memoryGb " + plain(task.memoryGb()) + " is not offered with "
                                + plain(task.vcpu()) + " vCPU (allowed: " + size.get("description") + ")"));
            }
        }
        LimitChecks.range(out, name, "AWS Fargate", sp.requireLimit("ephemeralStorageGb"), "ephemeralStorageGb",
                BigDecimal.valueOf(task.ephemeralStorageGb()), "fargate.ephemeral-storage.range");
        if (task.operatingSystem() == OperatingSystem.WINDOWS) {
            LimitChecks.oneOf(out, name, "Fargate Windows tasks", sp.requireAllowedValues("windowsArchitectures"),
                    "architecture", task.architecture().awsName(), "fargate.windows.architecture");
            BigDecimal min = sp.requireLimit("windowsMinimumVcpu").min().orElseThrow();
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
