package io.github.computecost.pricing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A service limit as AWS documents it: the accepted range of a setting and its step.
 *
 * @param name the setting, for example {@code "memoryMb"}
 * @param min the smallest accepted value, if any
 * @param max the largest accepted value, if any
 * @param increment the step between accepted values from {@code min}, if any
 * @param unit unit of the values ({@code "MB"}, {@code "s"})
 * @param sources ids of the file's sources
 * @param adjustable whether it is a default quota AWS raises on request (exceeding it is a warning)
 */
public record Limit(String name, Optional<BigDecimal> min, Optional<BigDecimal> max, Optional<BigDecimal> increment,
        String unit, List<String> sources, boolean adjustable) {
    /**
     * Checks the components and keeps immutable copies of its collections.
     *
     * @param name the setting, for example {@code "memoryMb"}
     * @param min the smallest accepted value, if any
     * @param max the largest accepted value, if any
     * @param increment the step between accepted values from {@code min}, if any
     * @param unit unit of the values ({@code "MB"}, {@code "s"})
     * @param sources ids of the file's sources
     * @param adjustable whether it is a default quota AWS raises on request (exceeding it is a warning)
     */
    public Limit {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(increment, "increment");
        Objects.requireNonNull(unit, "unit");
        sources = List.copyOf(sources);
    }

    /**
     * @param value the value, in the limit's unit
     * @return whether {@code value} lies in {@code [min, max]} and on the increment grid
     */
    public boolean accepts(BigDecimal value) {
        if (min.isPresent() && value.compareTo(min.get()) < 0) {
            return false;
        }
        if (max.isPresent() && value.compareTo(max.get()) > 0) {
            return false;
        }
        if (increment.isPresent() && value.scale() <= 0 && increment.get().compareTo(BigDecimal.ONE) == 0
                && min.map(m -> m.scale() <= 0).orElse(true)) {
            return true; // a whole number on a grid of whole numbers (every limit bundled today)
        }
        if (increment.isPresent()) {
            BigDecimal base = min.orElse(BigDecimal.ZERO);
            return value.subtract(base).remainder(increment.get()).signum() == 0;
        }
        return true;
    }

    /** @return the accepted range in words, for messages: {@code "128 to 10240 MB in steps of 1"} */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (min.isPresent() && max.isPresent()) {
            sb.append(min.get().toPlainString()).append(" to ").append(max.get().toPlainString());
        } else if (min.isPresent()) {
            sb.append("at least ").append(min.get().toPlainString());
        } else if (max.isPresent()) {
            sb.append("at most ").append(max.get().toPlainString());
        }
        sb.append(' ').append(unit);
        increment.filter(i -> i.compareTo(BigDecimal.ONE) != 0)
                .ifPresent(i -> sb.append(" in steps of ").append(i.toPlainString()));
        return sb.toString();
    }
}
