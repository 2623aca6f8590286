package io.github.computecost.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link Service} runs a service-neutral workload, for {@code compare}: the configurations it would use,
 * each a resource the estimator prices; {@code compare} keeps the cheapest of each option.
 */
public interface Sizing {

    /**
     * @param request the workload, with the peak always-on capacity must hold
     * @param context the price book (for the service's catalog and limits) and the region
     * @return its options (Lambda: one per architecture), each with its candidates or why it cannot run the workload
     */
    List<Option> options(SizingRequest request, ServiceContext context);

    /** @return the labels of its options, as {@link #options} names them, for a price book without its table */
    List<String> labels();

    /** @return whether its options are always-on capacity (sized for the peak) rather than per request */
    boolean alwaysOn();

    /**
     * What an option may have that a workload may require or exclude ({@code needs:} of a workload file), each with
     * the words {@code compare} shows.
     */
    enum Property {
        /** A request that finds no instance ready waits for one to start (Lambda on demand). */
        COLD_STARTS("cold starts"),
        /** A request runs for 15 minutes at most (Lambda). */
        FIFTEEN_MINUTE_LIMIT("15-minute limit"),
        /** Capacity is what was bought: it does not grow or shrink with traffic (Lightsail's plans). */
        NO_AUTOSCALING("no autoscaling"),
        /** It can run Windows. */
        WINDOWS("Windows"),
        /** It can have GPUs. */
        GPU("GPU");

        private final String words;

        Property(String words) {
            this.words = words;
        }

        /** @return how {@code compare} names it: {@code "cold starts"} */
        public String words() {
            return words;
        }
    }

    /** @return the properties of its options (the default: none of them) */
    default java.util.Set<Property> properties() {
        return java.util.Set.of();
    }

    /**
     * @return the sizes of its that are burstable and are counted at their full vCPUs ({@code "EC2 t3, t3a, t4g"}), for
     *     the assumptions {@code compare} states, if it has any
     */
    default Optional<String> burstable() {
        return Optional.empty();
    }

    /** How a service lists its options: {@link #options}. */
    @FunctionalInterface
    interface Options {
        /**
         * @param request the workload to size
         * @param context the estimate's price book and region
         * @return the service's options for the workload
         * @see Sizing#options
         */
        List<Option> of(SizingRequest request, ServiceContext context);
    }

    /**
     * @param labels its options' labels ({@link #labels})
     * @param alwaysOn whether its options are always-on capacity ({@link #alwaysOn})
     * @param burstable its burstable sizes, for {@code compare}'s assumptions ({@link #burstable})
     * @param options its options for a workload ({@link #options})
     * @return the sizing
     */
    static Sizing of(List<String> labels, boolean alwaysOn, Optional<String> burstable, Options options) {
        return of(labels, alwaysOn, burstable, java.util.Set.of(), options);
    }

    /**
     * @param labels its options' labels ({@link #labels})
     * @param alwaysOn whether its options are always-on capacity ({@link #alwaysOn})
     * @param burstable its burstable sizes, for {@code compare}'s assumptions ({@link #burstable})
     * @param properties its options' properties ({@link #properties})
     * @param options its options for a workload ({@link #options})
     * @return the sizing
     */
    static Sizing of(List<String> labels, boolean alwaysOn, Optional<String> burstable,
            java.util.Set<Property> properties, Options options) {
        List<String> fixedLabels = List.copyOf(labels);
        java.util.Set<Property> fixedProperties = java.util.Set.copyOf(properties);
        Objects.requireNonNull(burstable, "burstable");
        Objects.requireNonNull(options, "options");
        return new Sizing() {
            @Override
            public List<Option> options(SizingRequest request, ServiceContext context) {
                return options.of(request, context);
            }

            @Override
            public List<String> labels() {
                return fixedLabels;
            }

            @Override
            public boolean alwaysOn() {
                return alwaysOn;
            }

            @Override
            public Optional<String> burstable() {
                return burstable;
            }

            @Override
            public java.util.Set<Property> properties() {
                return fixedProperties;
            }
        };
    }

    /**
     * One way to run the workload on the service.
     *
     * @param label the option's name, {@code "Lambda (arm64)"}, {@code "EC2"}
     * @param alwaysOn whether capacity is paid for around the clock (sized for the peak), or per request
     * @param candidates the configurations to price, possibly none
     * @param whyNot why the option cannot run the workload when there is no candidate, or none that can be priced
     * @param controlPlane the kind of control plane every candidate is priced with ({@code "eks"}), if any
     */
    record Option(String label, boolean alwaysOn, List<Candidate> candidates, String whyNot,
            Optional<String> controlPlane) {
        /**
         * Checks the components and keeps immutable copies of its collections.
         *
         * @param label the option's name, {@code "Lambda (arm64)"}, {@code "EC2"}
         * @param alwaysOn whether capacity is paid for around the clock (sized for the peak), or per request
         * @param candidates the configurations to price, possibly none
         * @param whyNot why the option cannot run the workload when there is no candidate, or none that can be priced
         * @param controlPlane the kind of control plane every candidate is priced with ({@code "eks"}), if any
         */
        public Option {
            Objects.requireNonNull(label, "label");
            candidates = List.copyOf(candidates);
            Objects.requireNonNull(whyNot, "whyNot");
            Objects.requireNonNull(controlPlane, "controlPlane");
        }

        /**
         * An option without a control plane.
         *
         * @param label the option's name, {@code "Lambda (arm64)"}, {@code "EC2"}
         * @param alwaysOn whether capacity is paid for around the clock (sized for the peak), or per request
         * @param candidates the configurations to price, possibly none
         * @param whyNot why the option cannot run the workload when there is no candidate, or none that can be priced
         */
        public Option(String label, boolean alwaysOn, List<Candidate> candidates, String whyNot) {
            this(label, alwaysOn, candidates, whyNot, Optional.empty());
        }

        /**
         * @param label the option's name, {@code "Lambda (arm64)"}, {@code "EC2"}
         * @param alwaysOn whether capacity is paid for around the clock (sized for the peak), or per request
         * @param why why it cannot, for the report
         * @return an option that cannot run the workload
         */
        public static Option cannot(String label, boolean alwaysOn, String why) {
            return new Option(label, alwaysOn, List.of(), why);
        }
    }

    /**
     * One configuration.
     *
     * @param configuration what it is, in words, {@code "2 × c6g.4xlarge (linux), 730 h"}
     * @param resource the resource to price
     * @param traffic for a per-request option: the same configuration at another volume and duration (for
     *     break-even volumes and sampled months); empty for always-on capacity, whose cost does not move with traffic
     */
    record Candidate(String configuration, Resource resource, Optional<Traffic> traffic) {
        /**
         * Checks the components.
         *
         * @param configuration what it is, in words, {@code "2 × c6g.4xlarge (linux), 730 h"}
         * @param resource the resource to price
         * @param traffic for a per-request option: the same configuration at another volume and duration (for
         *     break-even volumes and sampled months); empty for always-on capacity, whose cost does not move with
         *     traffic
         */
        public Candidate {
            Objects.requireNonNull(configuration, "configuration");
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(traffic, "traffic");
        }
    }

    /** The same configuration at other traffic. */
    @FunctionalInterface
    interface Traffic {
        /**
         * @param requestsPerMonth requests per month, at least 0
         * @param averageDurationMs average billed duration of one request, in ms
         * @return the resource at that traffic
         */
        Resource at(long requestsPerMonth, BigDecimal averageDurationMs);

        /**
         * @param requestsPerMonth requests a month
         * @param averageDurationMs the average duration of a request, in ms
         * @return everything the option pays for at that traffic: the resource, and what it is priced with (the API
         *     in front of a function); by default the resource alone
         */
        default List<Resource> all(long requestsPerMonth, BigDecimal averageDurationMs) {
            return List.of(at(requestsPerMonth, averageDurationMs));
        }
    }
}
