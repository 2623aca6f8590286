package io.github.computecost.apprunner;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.computecost.compute.Calendar;
import io.github.computecost.internal.Json;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.pricing.TableSchema;
import io.github.computecost.service.Entry;
import io.github.computecost.service.MeteredResource;
import io.github.computecost.service.Resource;
import io.github.computecost.service.Service;
import io.github.computecost.service.ServiceContext;
import io.github.computecost.service.TemplateMapping;
import io.github.computecost.service.TemplateResource;
import io.github.computecost.service.UsageRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * AWS App Runner as the estimator knows it: workload type {@code app-runner}; the template resource
 * {@code AWS::AppRunner::Service} (its {@code InstanceConfiguration}); not offered by {@code compare}, since App
 * Runner takes no new customers. Stateless and thread-safe.
 */
public final class AppRunnerService implements Service<AppRunnerService.AppRunnerApp>, TemplateMapping<AppRunnerService.AppRunnerApp> {

    /** The one instance. */
    public static final AppRunnerService INSTANCE = new AppRunnerService();

    /** AWS Price List service code of App Runner's table. */
    public static final String TABLE = "AWSAppRunner";

    static final String PROVISIONED_GB = "AppRunner-Provisioned-GB-Hours";
    static final String ACTIVE_VCPU = "AppRunner-Active-vCPU-Hours";
    static final String ACTIVE_GB = "AppRunner-Active-GB-Hours";
    static final String BUILD_MINUTES = "AppRunner-Build-Minutes";
    static final String AUTO_DEPLOYMENTS = "AppRunner-Automatic-Deployments";

    static final String CLOSED_NOTE = "App Runner is closed to new customers since 30 April 2026; AWS recommends "
            + "Amazon ECS Express Mode (Fargate with a load balancer) instead.";

    private static final Set<String> USAGE = Set.of("region", "instances", "hoursPerMonth", "activeInstanceHoursPerMonth",
            "buildMinutesPerMonth", "automaticDeployments");
    private static final Set<String> KEYS = Entry.keysOf(USAGE, "vcpu", "memoryGb");

    /**
     * An App Runner service and its month.
     *
     * @param name unique name within an estimate
     * @param region region code, or empty for the estimator's region
     * @param vcpu vCPUs per instance
     * @param memoryGb memory per instance, GB
     * @param instances the provisioned instances kept warm (App Runner's minimum size, default 1)
     * @param hoursPerMonth the hours the service exists in the month (default 730)
     * @param activeInstanceHoursPerMonth the instance-hours spent serving requests in the month, summed over
     *     instances; the provisioned instance-hours beyond them are idle, billed for memory only
     * @param buildMinutesPerMonth build minutes (source-code services), default 0
     * @param automaticDeployments whether automatic deployments are enabled
     */
    public record AppRunnerApp(String name, Optional<String> region, BigDecimal vcpu, BigDecimal memoryGb,
            int instances, BigDecimal hoursPerMonth, BigDecimal activeInstanceHoursPerMonth,
            BigDecimal buildMinutesPerMonth, boolean automaticDeployments) implements Resource {

        /** Workload type name. */
        public static final String TYPE = "app-runner";

        /**
         * Checks the components.
         *
         * @param name unique name within an estimate
         * @param region region code, or empty for the estimator's region
         * @param vcpu vCPUs per instance
         * @param memoryGb memory per instance, GB
         * @param instances the provisioned instances kept warm (App Runner's minimum size, default 1)
         * @param hoursPerMonth the hours the service exists in the month (default 730)
         * @param activeInstanceHoursPerMonth the instance-hours spent serving requests in the month, summed over
         *     instances; the provisioned instance-hours beyond them are idle, billed for memory only
         * @param buildMinutesPerMonth build minutes (source-code services), default 0
         * @param automaticDeployments whether automatic deployments are enabled
         */
        public AppRunnerApp {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank");
            }
            Objects.requireNonNull(region, "region");
            for (BigDecimal v : new BigDecimal[] {vcpu, memoryGb, hoursPerMonth, activeInstanceHoursPerMonth,
                buildMinutesPerMonth}) {
                Objects.requireNonNull(v, "a quantity");
                if (v.signum() < 0) {
                    throw new IllegalArgumentException("quantities must not be negative: " + v.toPlainString());
                }
            }
            if (instances < 0) {
                throw new IllegalArgumentException("instances must not be negative: " + instances);
            }
            if (!Calendar.isHoursInMonth(hoursPerMonth)) {
                throw new IllegalArgumentException(Calendar.hoursInMonthRule("hoursPerMonth", hoursPerMonth));
            }
        }

        /**
         * @param name unique name within an estimate
         * @param vcpu vCPUs per instance
         * @param memoryGb memory per instance, GB
         * @param instances the provisioned instances kept warm (App Runner's minimum size, default 1)
         * @param activeHours the instance-hours spent serving requests in the month
         * @return a service of {@code instances} provisioned instances, active {@code activeHours} instance-hours
         * @deprecated positional arguments of one type are easy to swap: use {@code
         *     builder(name).vcpu(v).memoryGb(gb).instances(n).activeInstanceHoursPerMonth(h).build()}, the same
         *     defaults
         */
        @Deprecated
        public static AppRunnerApp of(String name, BigDecimal vcpu, BigDecimal memoryGb, int instances,
                BigDecimal activeHours) {
            return builder(name).vcpu(vcpu).memoryGb(memoryGb).instances(instances)
                    .activeInstanceHoursPerMonth(activeHours).build();
        }

        /**
         * @param r a region code
         * @return this service in that region
         */
        public AppRunnerApp withRegion(String r) {
            return new AppRunnerApp(name, Optional.of(r), vcpu, memoryGb, instances, hoursPerMonth,
                    activeInstanceHoursPerMonth, buildMinutesPerMonth, automaticDeployments);
        }

        /**
         * @param name the resource's name, unique within an estimate
         * @return a builder of services: {@code vcpu}, {@code memoryGb} required, the rest
         *     as the constants and {@code of(…)} default them
         */
        public static Builder builder(String name) {
            return new Builder(name);
        }

        /** Builds {@link AppRunnerApp}s; the record checks the values when {@link #build} makes it. */
        public static final class Builder {
            private final String name;
            private Optional<String> region = Optional.empty();
            private BigDecimal vcpu;
            private BigDecimal memoryGb;
            private int instances = 1;
            private BigDecimal hoursPerMonth = Calendar.HOURS_PER_MONTH;
            private BigDecimal activeInstanceHoursPerMonth = BigDecimal.ZERO;
            private BigDecimal buildMinutesPerMonth = BigDecimal.ZERO;
            private boolean automaticDeployments = false;

            private Builder(String name) {
                this.name = Objects.requireNonNull(name, "name");
            }

            /**
             * @param region the region code; default the workload's
             * @return this builder
             */
            public Builder region(String region) {
                this.region = Optional.of(region);
                return this;
            }

            /**
             * @param vcpu vCPUs per instance
             * @return this builder
             */
            public Builder vcpu(BigDecimal vcpu) {
                this.vcpu = vcpu;
                return this;
            }

            /**
             * @param memoryGb memory per instance in GB
             * @return this builder
             */
            public Builder memoryGb(BigDecimal memoryGb) {
                this.memoryGb = memoryGb;
                return this;
            }

            /**
             * @param instances provisioned instances, kept warm (default 1)
             * @return this builder
             */
            public Builder instances(int instances) {
                this.instances = instances;
                return this;
            }

            /**
             * @param hoursPerMonth hours they are provisioned in the month (default 730)
             * @return this builder
             */
            public Builder hoursPerMonth(BigDecimal hoursPerMonth) {
                this.hoursPerMonth = hoursPerMonth;
                return this;
            }

            /**
             * @param activeInstanceHoursPerMonth instance-hours serving requests in the month (default 0)
             * @return this builder
             */
            public Builder activeInstanceHoursPerMonth(BigDecimal activeInstanceHoursPerMonth) {
                this.activeInstanceHoursPerMonth = activeInstanceHoursPerMonth;
                return this;
            }

            /**
             * @param buildMinutesPerMonth build minutes in the month (default 0)
             * @return this builder
             */
            public Builder buildMinutesPerMonth(BigDecimal buildMinutesPerMonth) {
                this.buildMinutesPerMonth = buildMinutesPerMonth;
                return this;
            }

            /**
             * @param automaticDeployments whether automatic deployments are on (default no)
             * @return this builder
             */
            public Builder automaticDeployments(boolean automaticDeployments) {
                this.automaticDeployments = automaticDeployments;
                return this;
            }


            /**
             * @return the services
             * @throws IllegalArgumentException if a value is out of range, or vcpu or memoryGb was not given
             */
            public AppRunnerApp build() {
                if (vcpu == null || memoryGb == null) {
                    throw new IllegalArgumentException(name + ": an App Runner service needs vcpu and memoryGb");
                }
                return new AppRunnerApp(name, region, vcpu, memoryGb, instances, hoursPerMonth,
                        activeInstanceHoursPerMonth, buildMinutesPerMonth, automaticDeployments);
            }
        }
    }

    private AppRunnerService() {
    }

    @Override
    public String type() {
        return AppRunnerApp.TYPE;
    }

    @Override
    public Set<String> entryKeys() {
        return KEYS;
    }

    @Override
    public Class<AppRunnerApp> resourceType() {
        return AppRunnerApp.class;
    }

    @Override
    public String title() {
        return "AWS App Runner";
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    @Override
    public List<TableSchema<?>> schemas() {
        return List.of();
    }

    @Override
    public AppRunnerApp read(Entry r) {
        r.allowOnly(entryKeys());
        BigDecimal vcpu = r.positive("vcpu");
        BigDecimal memory = r.positive("memoryGb");
        checkSizes(vcpu, memory, (key, detail) -> r.error(key.equals("Cpu") ? "vcpu" : "memoryGb", detail));
        return usage(r, r.string("name"), r.optString("region"), vcpu, memory);
    }

    private static AppRunnerApp usage(Entry r, String name, Optional<String> region, BigDecimal vcpu, BigDecimal memory) {
        int instances = r.nonNegativeInt("instances", 1);
        BigDecimal hours = r.nonNegative("hoursPerMonth", Calendar.HOURS_PER_MONTH);
        BigDecimal active = r.nonNegative("activeInstanceHoursPerMonth", BigDecimal.ZERO);
        BigDecimal build = r.nonNegative("buildMinutesPerMonth", BigDecimal.ZERO);
        boolean auto = r.bool("automaticDeployments", false);
        return r.step("hoursPerMonth", () -> new AppRunnerApp(name, region, vcpu, memory, instances, hours, active,
                build, auto));
    }

    @Override
    public ValidationReport check(AppRunnerApp a, ServiceContext context) {
        return ValidationReport.EMPTY;
    }

    @Override
    public MeteredResource meter(AppRunnerApp a, ServiceContext context) {
        BigDecimal provisioned = a.hoursPerMonth().multiply(BigDecimal.valueOf(a.instances()));
        BigDecimal idle = provisioned.subtract(a.activeInstanceHoursPerMonth()).max(BigDecimal.ZERO);
        List<UsageRecord> usage = new ArrayList<>(5);
        usage.add(new UsageRecord(PROVISIONED_GB, idle.multiply(a.memoryGb()), false));
        usage.add(new UsageRecord(ACTIVE_VCPU, a.activeInstanceHoursPerMonth().multiply(a.vcpu()), false));
        usage.add(new UsageRecord(ACTIVE_GB, a.activeInstanceHoursPerMonth().multiply(a.memoryGb()), false));
        if (a.buildMinutesPerMonth().signum() > 0) {
            usage.add(new UsageRecord(BUILD_MINUTES, a.buildMinutesPerMonth(), false));
        }
        if (a.automaticDeployments()) {
            usage.add(new UsageRecord(AUTO_DEPLOYMENTS, BigDecimal.ONE, false));
        }
        List<String> notes = List.of(CLOSED_NOTE, "Provisioned instance-hours (" + provisioned.toPlainString()
                + ") beyond the active ones (" + a.activeInstanceHoursPerMonth().toPlainString() + ") are idle and "
                + "billed for memory only; active instance-hours for vCPU and memory.");
        return new MeteredResource(a.name(), AppRunnerApp.TYPE, TABLE, context.region(), usage, notes);
    }

    @Override
    public Optional<TemplateMapping<AppRunnerApp>> templates() {
        return Optional.of(this);
    }

    /** AWS::AppRunner::Service's properties (CloudFormation's reference, read 2026-12-02). */
    private static final java.util.Map<String, Set<String>> PROPERTIES = java.util.Map.of("AWS::AppRunner::Service",
            Set.of("AutoScalingConfigurationArn", "EncryptionConfiguration", "HealthCheckConfiguration",
                    "InstanceConfiguration", "NetworkConfiguration", "ObservabilityConfiguration", "ServiceName",
                    "SourceConfiguration", "Tags"),
            "AWS::AppRunner::Service.InstanceConfiguration", Set.of("Cpu", "InstanceRoleArn", "Memory"));

    @Override
    public java.util.Map<String, Set<String>> knownProperties() {
        return PROPERTIES;
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of("AWS::AppRunner::Service");
    }

    @Override
    public Set<String> usageKeys(String type) {
        return USAGE;
    }

    /** {@code InstanceConfiguration.Cpu} ("1 vCPU" or "1024") and {@code Memory} ("2 GB" or "2048"); AWS's defaults 1 vCPU, 2 GB. */
    @Override
    public Optional<AppRunnerApp> read(TemplateResource t) {
        JsonNode ic = t.properties().path("InstanceConfiguration");
        Optional<BigDecimal> vcpu = size(t, ic, "Cpu", "vCPU", BigDecimal.valueOf(1024), BigDecimal.ONE);
        Optional<BigDecimal> memory = size(t, ic, "Memory", "GB", BigDecimal.valueOf(1024), BigDecimal.valueOf(2));
        if (vcpu.isEmpty() || memory.isEmpty()) {
            return Optional.empty();
        }
        checkSizes(vcpu.get(), memory.get(), (key, detail) -> t.error("InstanceConfiguration." + key, detail));
        Optional<Entry> u = t.usage();
        if (u.isEmpty()) {
            return Optional.of(new AppRunnerApp(t.name(), Optional.empty(), vcpu.get(), memory.get(), 1,
                    Calendar.HOURS_PER_MONTH, BigDecimal.ZERO, BigDecimal.ZERO, false));
        }
        Entry use = u.get();
        use.allowOnly(USAGE);
        return Optional.of(usage(use, t.name(), use.optString("region"), vcpu.get(), memory.get()));
    }

    /**
     * The sizes App Runner's API accepts (InstanceConfiguration's patterns, {@code (0.25|0.5|1|2|4) vCPU} and
     * {@code (0.5|1|2|3|4|6|8|10|12) GB}, read 2026-12-02).
     */
    static final List<BigDecimal> VCPUS = List.of(new BigDecimal("0.25"), new BigDecimal("0.5"), BigDecimal.ONE,
            BigDecimal.valueOf(2), BigDecimal.valueOf(4));
    static final List<BigDecimal> MEMORIES = List.of(new BigDecimal("0.5"), BigDecimal.ONE, BigDecimal.valueOf(2),
            BigDecimal.valueOf(3), BigDecimal.valueOf(4), BigDecimal.valueOf(6), BigDecimal.valueOf(8),
            BigDecimal.valueOf(10), BigDecimal.valueOf(12));

    static boolean allowed(List<BigDecimal> sizes, BigDecimal v) {
        return sizes.stream().anyMatch(s -> s.compareTo(v) == 0);
    }

    /**
     * Holds a service's size to App Runner's, for a workload entry and a template alike.
     *
     * @param error the error naming a template key ({@code Cpu} or {@code Memory}) and what is wrong
     */
    static void checkSizes(BigDecimal vcpu, BigDecimal memoryGb,
            BiFunction<String, String, RuntimeException> error) {
        if (!allowed(VCPUS, vcpu)) {
            throw error.apply("Cpu", "must be 0.25, 0.5, 1, 2 or 4 vCPU (256 to 4096 CPU units), was "
                    + Json.excerpt(vcpu.toPlainString()) + " vCPU");
        }
        if (!allowed(MEMORIES, memoryGb)) {
            throw error.apply("Memory", "must be 0.5, 1, 2, 3, 4, 6, 8, 10 or 12 GB (512 to 12288 MB), was "
                    + Json.excerpt(memoryGb.toPlainString()) + " GB");
        }
    }

    private static Optional<BigDecimal> size(TemplateResource t, JsonNode ic, String key, String unit,
            BigDecimal perUnit, BigDecimal fallback) {
        if (!ic.has(key)) {
            return Optional.of(fallback);
        }
        Optional<JsonNode> v = t.resolve(ic.get(key));
        if (v.isEmpty()) {
            t.unknown("InstanceConfiguration." + key, "the service is not priced");
            return Optional.empty();
        }
        String s = v.get().asText().trim();
        try {
            String lower = s.toLowerCase(Locale.ROOT);
            String u = unit.toLowerCase(Locale.ROOT);
            if (lower.endsWith(u)) {
                return Optional.of(new BigDecimal(lower.substring(0, lower.length() - u.length()).trim()));
            }
            return Optional.of(new BigDecimal(s).divide(perUnit));
        } catch (NumberFormatException | ArithmeticException e) {
            throw t.error("InstanceConfiguration." + key, "must be like \"1 " + unit + "\" or a number of units, was \""
                    + s + "\"");
        }
    }
}
