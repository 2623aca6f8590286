package io.github.computecost.lambda;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A Lambda function's settings that do not change its price but must fit AWS's limits, and its peak
 * traffic. Every field is optional: what is not given is not checked.
 *
 * @param timeoutSeconds the configured timeout in seconds (AWS's default is 3)
 * @param environmentVariablesBytes the size of all environment variables, names and values, in bytes
 * @param layers the number of layers
 * @param packageZippedMb the .zip deployment package in MB
 * @param packageUnzippedMb the unzipped code and layers in MB
 * @param containerImageMb the container image in MB
 * @param invocation synchronous (request/response) or asynchronous (event)
 * @param payloadKb the largest request or response payload in KB
 * @param peakRequestsPerSecond the highest request rate the function must serve
 * @param peakFactor alternatively, how many times the month's average request rate the peak is
 */
public record LambdaConfiguration(Optional<Integer> timeoutSeconds, Optional<Long> environmentVariablesBytes,
        Optional<Integer> layers, Optional<BigDecimal> packageZippedMb, Optional<BigDecimal> packageUnzippedMb,
        Optional<BigDecimal> containerImageMb, Invocation invocation, Optional<BigDecimal> payloadKb,
        Optional<BigDecimal> peakRequestsPerSecond, Optional<BigDecimal> peakFactor) {

    /** How the function is invoked, as it decides the payload limit. */
    public enum Invocation {
        /** Request and response (RequestResponse). */
        SYNC,
        /** Event (asynchronous). */
        ASYNC
    }

    /** Nothing stated. */
    public static final LambdaConfiguration NONE = new LambdaConfiguration(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Invocation.SYNC, Optional.empty(),
            Optional.empty(), Optional.empty());

    /**
     * Checks the components.
     *
     * @param timeoutSeconds the configured timeout in seconds (AWS's default is 3)
     * @param environmentVariablesBytes the size of all environment variables, names and values, in bytes
     * @param layers the number of layers
     * @param packageZippedMb the .zip deployment package in MB
     * @param packageUnzippedMb the unzipped code and layers in MB
     * @param containerImageMb the container image in MB
     * @param invocation synchronous (request/response) or asynchronous (event)
     * @param payloadKb the largest request or response payload in KB
     * @param peakRequestsPerSecond the highest request rate the function must serve
     * @param peakFactor alternatively, how many times the month's average request rate the peak is
     */
    public LambdaConfiguration {
        Objects.requireNonNull(timeoutSeconds, "timeoutSeconds");
        Objects.requireNonNull(environmentVariablesBytes, "environmentVariablesBytes");
        Objects.requireNonNull(layers, "layers");
        Objects.requireNonNull(packageZippedMb, "packageZippedMb");
        Objects.requireNonNull(packageUnzippedMb, "packageUnzippedMb");
        Objects.requireNonNull(containerImageMb, "containerImageMb");
        Objects.requireNonNull(invocation, "invocation");
        Objects.requireNonNull(payloadKb, "payloadKb");
        Objects.requireNonNull(peakRequestsPerSecond, "peakRequestsPerSecond");
        Objects.requireNonNull(peakFactor, "peakFactor");
        timeoutSeconds.ifPresent(t -> positive("timeoutSeconds", BigDecimal.valueOf(t)));
        environmentVariablesBytes.ifPresent(b -> nonNegative("environmentVariablesBytes", BigDecimal.valueOf(b)));
        layers.ifPresent(l -> nonNegative("layers", BigDecimal.valueOf(l)));
        packageZippedMb.ifPresent(v -> nonNegative("packageZippedMb", v));
        packageUnzippedMb.ifPresent(v -> nonNegative("packageUnzippedMb", v));
        containerImageMb.ifPresent(v -> nonNegative("containerImageMb", v));
        payloadKb.ifPresent(v -> nonNegative("payloadKb", v));
        peakRequestsPerSecond.ifPresent(v -> nonNegative("peakRequestsPerSecond", v));
        peakFactor.ifPresent(v -> positive("peakFactor", v));
    }

    private static void nonNegative(String field, BigDecimal v) {
        if (v.signum() < 0) {
            throw new IllegalArgumentException(field + " must not be negative: " + v.toPlainString());
        }
    }

    private static void positive(String field, BigDecimal v) {
        if (v.signum() <= 0) {
            throw new IllegalArgumentException(field + " must be more than 0: " + v.toPlainString());
        }
    }

    /** @return a builder starting from these settings */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link LambdaConfiguration}. */
    public static final class Builder {
        private Optional<Integer> timeoutSeconds;
        private Optional<Long> environmentVariablesBytes;
        private Optional<Integer> layers;
        private Optional<BigDecimal> packageZippedMb;
        private Optional<BigDecimal> packageUnzippedMb;
        private Optional<BigDecimal> containerImageMb;
        private Invocation invocation;
        private Optional<BigDecimal> payloadKb;
        private Optional<BigDecimal> peakRequestsPerSecond;
        private Optional<BigDecimal> peakFactor;

        private Builder(LambdaConfiguration c) {
            timeoutSeconds = c.timeoutSeconds;
            environmentVariablesBytes = c.environmentVariablesBytes;
            layers = c.layers;
            packageZippedMb = c.packageZippedMb;
            packageUnzippedMb = c.packageUnzippedMb;
            containerImageMb = c.containerImageMb;
            invocation = c.invocation;
            payloadKb = c.payloadKb;
            peakRequestsPerSecond = c.peakRequestsPerSecond;
            peakFactor = c.peakFactor;
        }

        /**
         * Sets the timeout.
         *
         * @param v the configured timeout in seconds (AWS's default is 3)
         * @return this builder
         */
        public Builder timeoutSeconds(int v) {
            timeoutSeconds = Optional.of(v);
            return this;
        }

        /**
         * Sets the environment variables' size.
         *
         * @param v the size of all environment variables, names and values, in bytes
         * @return this builder
         */
        public Builder environmentVariablesBytes(long v) {
            environmentVariablesBytes = Optional.of(v);
            return this;
        }

        /**
         * Sets the number of layers.
         *
         * @param v the number of layers
         * @return this builder
         */
        public Builder layers(int v) {
            layers = Optional.of(v);
            return this;
        }

        /**
         * Sets the .zip package's size.
         *
         * @param v the .zip deployment package in MB
         * @return this builder
         */
        public Builder packageZippedMb(BigDecimal v) {
            packageZippedMb = Optional.of(v);
            return this;
        }

        /**
         * Sets the unzipped code's size.
         *
         * @param v the unzipped code and layers in MB
         * @return this builder
         */
        public Builder packageUnzippedMb(BigDecimal v) {
            packageUnzippedMb = Optional.of(v);
            return this;
        }

        /**
         * Sets the container image's size.
         *
         * @param v the container image in MB
         * @return this builder
         */
        public Builder containerImageMb(BigDecimal v) {
            containerImageMb = Optional.of(v);
            return this;
        }

        /**
         * Sets how the function is invoked.
         *
         * @param v synchronous (request/response) or asynchronous (event)
         * @return this builder
         */
        public Builder invocation(Invocation v) {
            invocation = Objects.requireNonNull(v, "invocation");
            return this;
        }

        /**
         * Sets the largest payload.
         *
         * @param v the largest request or response payload in KB
         * @return this builder
         */
        public Builder payloadKb(BigDecimal v) {
            payloadKb = Optional.of(v);
            return this;
        }

        /**
         * Sets the peak request rate.
         *
         * @param v the highest request rate the function must serve
         * @return this builder
         */
        public Builder peakRequestsPerSecond(BigDecimal v) {
            peakRequestsPerSecond = Optional.of(v);
            return this;
        }

        /**
         * Sets the peak as a multiple of the average rate.
         *
         * @param v alternatively, how many times the month's average request rate the peak is
         * @return this builder
         */
        public Builder peakFactor(BigDecimal v) {
            peakFactor = Optional.of(v);
            return this;
        }

        /**
         * Builds the configuration; unset values are left out (AWS's defaults apply where there are any).
         *
         * @return the configuration
         */
        public LambdaConfiguration build() {
            return new LambdaConfiguration(timeoutSeconds, environmentVariablesBytes, layers, packageZippedMb,
                    packageUnzippedMb, containerImageMb, invocation, payloadKb, peakRequestsPerSecond, peakFactor);
        }
    }

    /**
     * The size AWS counts for environment variables: names and values in UTF-8 bytes.
     *
     * @param variables name to value
     * @return their size in bytes
     */
    public static long environmentSize(java.util.Map<String, String> variables) {
        long sum = 0;
        for (var e : variables.entrySet()) {
            sum += e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                    + e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        return sum;
    }
}
