package io.github.computecost.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.computecost.budget.IncreaseLimit;
import io.github.computecost.budget.Policy;
import io.github.computecost.internal.FieldException;
import io.github.computecost.internal.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads a policy file ({@link Policy}): unknown keys, negative amounts and unknown types are errors naming them. */
public final class PolicyReader {

    private PolicyReader() {
    }

    /**
     * Reads a policy file.
     *
     * @param file YAML, or JSON when it ends in {@code .json}
     * @return the policy
     * @throws WorkloadException naming the file and key of anything unknown or malformed
     */
    public static Policy read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new WorkloadException(file.toString(), "$", Optional.empty(), "file not found");
        } catch (IOException e) {
            throw new WorkloadException(file.toString(), "$", Optional.empty(), "cannot be read: " + e.getMessage());
        }
        JsonNode root;
        try {
            root = Json.readTree(bytes, !file.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json"));
        } catch (IOException e) {
            throw new WorkloadException(file.toString(), "$", Optional.empty(), "is not valid YAML or JSON: "
                    + (e instanceof com.fasterxml.jackson.core.JacksonException j ? Json.problem(j) : e.getMessage()));
        }
        try {
            return parse(root);
        } catch (FieldException e) {
            throw new WorkloadException(file.toString(), e.path(), Optional.empty(), e.detail());
        }
    }

    static Policy parse(JsonNode root) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new FieldException("$", "is empty: a policy names at least one rule (" + String.join(", ",
                    new java.util.TreeSet<>(Policy.KEYS)) + ")");
        }
        Json.Obj top = Json.root(root);
        top.allowOnly(Policy.KEYS);
        if (top.keys().isEmpty()) {
            throw new FieldException("$", "names no rule; the rules are " + String.join(", ",
                    new java.util.TreeSet<>(Policy.KEYS)));
        }
        Map<String, BigDecimal> byType = new LinkedHashMap<>();
        if (top.has("maxMonthlyCostByType")) {
            Json.Obj t = top.obj("maxMonthlyCostByType");
            Set<String> types = new java.util.TreeSet<>(io.github.computecost.estimate.Services.types());
            t.allowOnly(types);
            for (String type : t.keys()) {
                byType.put(type, amount(t, type));
            }
        }
        Map<String, Map<String, BigDecimal>> byTag = new LinkedHashMap<>();
        if (top.has("maxMonthlyCostByTag")) {
            Json.Obj t = top.obj("maxMonthlyCostByTag");
            if (t.keys().isEmpty()) {
                throw new FieldException(top.pathOf("maxMonthlyCostByTag"), "names no tag key; give a ceiling per "
                        + "value of a key: { team: { payments: \"100\", \"*\": \"40\" } }");
            }
            for (String key : t.keys()) {
                Json.Obj values = t.obj(key);
                if (values.keys().isEmpty()) {
                    throw new FieldException(t.pathOf(key), "names no value of the tag " + key + "; give a ceiling "
                            + "per value, or \"*\" for each value");
                }
                Map<String, BigDecimal> ceilings = new LinkedHashMap<>();
                for (String value : values.keys()) {
                    ceilings.put(value, amount(values, value));
                }
                byTag.put(key, ceilings);
            }
        }
        List<String> required = List.of();
        if (top.has("requireTags")) {
            required = top.stringArray("requireTags");
            if (required.isEmpty()) {
                throw new FieldException(top.pathOf("requireTags"), "names no tag key; list the keys every resource "
                        + "must carry, [team]");
            }
            Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < required.size(); i++) {
                if (!seen.add(required.get(i))) {
                    throw new FieldException(top.pathOf("requireTags") + "[" + i + "]", "repeats the tag key "
                            + Json.excerpt(required.get(i)));
                }
            }
        }
        Optional<IncreaseLimit> increase = Optional.empty();
        if (top.has("maxIncrease")) {
            JsonNode v = top.node().get("maxIncrease");
            try {
                increase = Optional.of(IncreaseLimit.parse(v.asText()));
            } catch (IllegalArgumentException e) {
                throw new FieldException(top.pathOf("maxIncrease"), e.getMessage());
            }
        }
        return new Policy(optAmount(top, "maxMonthlyCost"), optAmount(top, "maxMonthlyCostPerResource"), byType,
                optAmount(top, "maxNewResourceMonthlyCost"), increase, top.bool("requireConfirmedPrices", false), byTag,
                required);
    }

    private static Optional<BigDecimal> optAmount(Json.Obj o, String key) {
        return o.has(key) ? Optional.of(amount(o, key)) : Optional.empty();
    }

    private static BigDecimal amount(Json.Obj o, String key) {
        BigDecimal v = o.decimal(key);
        if (v.signum() < 0) {
            throw new FieldException(o.pathOf(key), "must not be negative, was " + v.toPlainString());
        }
        return v;
    }

}
