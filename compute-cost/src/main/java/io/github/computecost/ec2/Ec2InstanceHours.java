package io.github.computecost.ec2;

import io.github.computecost.pricing.PriceBook;
import io.github.computecost.service.InstanceHours;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * EC2's instance catalog as the services that run on instances see it: each type a source gives the vCPUs and memory
 * of, with the usage type of its Linux hours. Made once per price book; immutable and thread-safe.
 */
final class Ec2InstanceHours implements InstanceHours {

    private final Map<String, InstanceShape> shapes;
    private final Ec2Tables tables;

    private Ec2InstanceHours(Map<String, InstanceShape> shapes, Ec2Tables tables) {
        this.shapes = shapes;
        this.tables = tables;
    }

    /**
     * @return the catalog of the price book's EC2 table, made once per price book on first use (an estimate of a
     *     Lambda function never loads the EC2 table); empty without the table
     */
    static Optional<InstanceHours> of(PriceBook prices) {
        if (!prices.has(Ec2Service.TABLE)) {
            return Optional.empty();
        }
        return Optional.of(new Lazy(prices));
    }

    /** The catalog, made when a service first asks for it. */
    private static final class Lazy implements InstanceHours {
        private final PriceBook prices;

        Lazy(PriceBook prices) {
            this.prices = prices;
        }

        private Ec2InstanceHours get() {
            return prices.derived(Ec2InstanceHours.class, Ec2InstanceHours::make);
        }

        @Override
        public String table() {
            return Ec2Service.TABLE;
        }

        @Override
        public Optional<InstanceShape> shape(String instanceType) {
            return get().shape(instanceType);
        }

        @Override
        public List<InstanceShape> shapes() {
            return get().shapes();
        }

        @Override
        public BigDecimal billedHours(BigDecimal secondsEach, long runs) {
            return get().billedHours(secondsEach, runs);
        }
    }

    private static Ec2InstanceHours make(PriceBook p) {
        Map<String, InstanceShape> m = new LinkedHashMap<>();
        Ec2Tables tables = p.tables(Ec2Tables.SCHEMA);
        for (Ec2Tables.Ec2InstanceType t : tables.instanceTypes().values()) {
            if (t.hasSpecs()) {
                m.put(t.type(), new InstanceShape(t.type(), t.vcpu().get(), t.memoryGib().get(), t.architecture(),
                        t.gpus().orElse(BigDecimal.ZERO), t.linuxUsageType()));
            }
        }
        return new Ec2InstanceHours(java.util.Collections.unmodifiableMap(m), tables);
    }

    @Override
    public String table() {
        return Ec2Service.TABLE;
    }

    @Override
    public Optional<InstanceShape> shape(String instanceType) {
        return Optional.ofNullable(shapes.get(instanceType));
    }

    @Override
    public List<InstanceShape> shapes() {
        return List.copyOf(shapes.values());
    }

    @Override
    public BigDecimal billedHours(BigDecimal secondsEach, long runs) {
        BigDecimal each = io.github.computecost.internal.BilledTime.seconds(secondsEach, tables.minimumSeconds());
        return io.github.computecost.internal.BilledTime.hours(each.multiply(BigDecimal.valueOf(runs)),
                tables.hourScale());
    }
}
