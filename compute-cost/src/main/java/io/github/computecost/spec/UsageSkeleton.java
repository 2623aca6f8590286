package io.github.computecost.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.computecost.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A usage file's skeleton for a template, task definition or Terraform plan: one entry per resource compute-cost
 * prices, named as the usage file names it (a logical id, a nested stack's {@code Stack/Id}, a task definition's
 * family, a Terraform address), with every usage key its reader reads and the key's unit.
 *
 * <p>The skeleton is what the readers read, recorded as they read the input (with no usage): each time a service's
 * mapping takes a resource, its name, type and {@link io.github.computecost.service.TemplateMapping#usageKeys usage
 * keys} are noted. Recording where the reader decides, rather than re-deriving it, keeps the skeleton equal to what
 * the reader accepts through nested stacks, CDK apps, SAM's implied APIs and plans alike, without carrying a field
 * every workload would hold only for this. The record is per thread and per call.
 */
public final class UsageSkeleton {

    /**
     * One resource of the skeleton.
     *
     * @param name the name the usage file gives it
     * @param type the type it is priced as ({@code lambda}, {@code fargate}, ...)
     * @param sourceType the type in the input ({@code AWS::Serverless::Function}, or the document's kind)
     * @param keys its usage keys, sorted, {@code region} first
     */
    public record Slot(String name, String type, String sourceType, List<String> keys) {
        /**
         * Checks the components and keeps immutable copies of its collections.
         *
         * @param name the name the usage file gives it
         * @param type the type it is priced as ({@code lambda}, {@code fargate}, ...)
         * @param sourceType the type in the input ({@code AWS::Serverless::Function}, or the document's kind)
         * @param keys its usage keys, sorted, {@code region} first
         */
        public Slot {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(sourceType, "sourceType");
            keys = List.copyOf(keys);
        }
    }

    private static final ThreadLocal<Map<String, Slot>> RECORDING = new ThreadLocal<>();

    private final String input;
    private final List<Slot> slots;

    private UsageSkeleton(String input, List<Slot> slots) {
        this.input = input;
        this.slots = List.copyOf(slots);
    }

    /** Called by the template reader for each resource a service's mapping reads. */
    static void record(String name, String type, String sourceType, Supplier<Set<String>> keys) {
        Map<String, Slot> r = RECORDING.get();
        if (r == null || r.containsKey(name)) {
            return;
        }
        Set<String> given = keys.get();
        if (given.isEmpty()) {
            return; // it takes no usage (a Batch compute environment): nothing to fill in
        }
        List<String> sorted = new ArrayList<>(new TreeSet<>(given));
        if (sorted.remove("region")) {
            sorted.add(0, "region");
        }
        r.put(name, new Slot(name, type, sourceType, sorted));
    }

    /**
     * @param input a template, task definition, CDK cloud assembly or Terraform plan
     * @return its skeleton
     * @throws WorkloadException if the input cannot be read, or has no resource compute-cost prices (a workload
     *     file holds its own usage)
     */
    public static UsageSkeleton of(Path input) {
        return of(input.toString(), () -> ConfigReader.read(input, Optional.empty()));
    }

    /**
     * @param input the input's name, for messages
     * @param reading reads the input with no usage ({@link ConfigReader#read})
     * @return the skeleton of what it reads
     */
    public static UsageSkeleton of(String input, Supplier<Workload> reading) {
        Map<String, Slot> r = new LinkedHashMap<>();
        RECORDING.set(r);
        try {
            reading.get();
        } finally {
            RECORDING.remove();
        }
        if (r.isEmpty()) {
            throw new WorkloadException(input, "$", Optional.empty(), "has no resource a usage file gives usage for "
                    + "(a workload file holds its own usage; init-usage is for templates, task definitions, CDK apps "
                    + "and Terraform plans)");
        }
        return new UsageSkeleton(input, new ArrayList<>(r.values()));
    }

    /** @return the resources, in the order the input declares them */
    public List<Slot> slots() {
        return slots;
    }

    /**
     * @return the skeleton as a usage file: every key commented out with its unit, so that the file is valid as it
     *     is and prices every resource at no usage until a key is set
     */
    public String yaml() {
        StringBuilder sb = new StringBuilder();
        sb.append("# yaml-language-server: $schema=").append(USAGE_SCHEMA_URL).append('\n');
        sb.append("# Usage for ").append(oneLine(input)).append(", one entry per priced resource. Each usage key its\n");
        sb.append("# reader reads is commented out with its unit: uncomment and set what you know. A resource\n");
        sb.append("# without usage is priced at none, and the estimate lists it as usage-based.\n");
        sb.append("resources:\n");
        for (Slot s : slots) {
            sb.append("  - name: ").append(quoted(s.name())).append("  # ").append(s.type()).append(" (")
                    .append(oneLine(s.sourceType())).append(")\n");
            int width = s.keys().stream().mapToInt(String::length).max().orElse(0) + 1;
            for (String k : s.keys()) {
                sb.append("    # ").append(k).append(':').append(" ".repeat(width - k.length())).append(" # ")
                        .append(description(s.type(), k)).append('\n');
            }
        }
        return sb.toString();
    }

    /** Where the published usage schema is (the repository's copy). */
    static final String USAGE_SCHEMA_URL =
            "https://github.com/computecost/compute-cost/blob/main/schema/usage.schema.json";

    /** A key's description from the published schemas: its type's in the workload schema, else the usage schema's. */
    static String description(String type, String key) {
        JsonNode d = WORKLOAD.path("$defs").path(type).path("properties").path(key).path("description");
        if (!d.isTextual() || d.asText().isEmpty()) {
            d = USAGE.path("$defs").path("entry").path("properties").path(key).path("description");
        }
        return d.isTextual() ? oneLine(d.asText()) : "";
    }

    private static final JsonNode WORKLOAD = schema("workload.schema.json");
    private static final JsonNode USAGE = schema("usage.schema.json");

    private static JsonNode schema(String name) {
        try (InputStream in = UsageSkeleton.class.getResourceAsStream("/io/github/computecost/json-schemas/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the bundled schema " + name + " is missing from the jar");
            }
            return Json.json().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a YAML scalar for any name: a JSON string (YAML reads it as the same text) */
    private static String quoted(String name) {
        try {
            return Json.json().writeValueAsString(name);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }
}
