package io.github.computecost.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.computecost.compare.MemoryTuning;
import io.github.computecost.compute.Architecture;
import io.github.computecost.internal.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The output of the AWS Lambda Power Tuning tool's state machine, read as the measurements of a
 * {@link MemoryTuning}, so that its users bring the results they have.
 *
 * <p>The output names the winning {@code power}, and gives every size's average duration in {@code stats}
 * ({@code value}, {@code averageDuration} in ms) when the execution asked for {@code includeOutputResults}; it always
 * gives them in {@code stateMachine.visualization}, a URL whose fragment holds the sizes (16-bit integers), the
 * durations and the costs (32-bit floats), each base64, little-endian, separated by {@code ;}. {@code stats} is read
 * when present, its numbers exactly as written; otherwise the fragment, each duration as the shortest decimal that is
 * the same 32-bit float (about seven significant digits, which is what the tool encoded). The tool's own costs are
 * not read: the tuning prices each size itself. A whole {@code aws stepfunctions describe-execution} response is read
 * too: its {@code output} holds the result. The output does not say the function's architecture or region; the
 * caller gives them.
 */
public final class PowerTuningResult {

    private PowerTuningResult() {
    }

    /**
     * @param root the parsed document
     * @return whether a JSON document is a power-tuning result, or a describe-execution response holding one
     */
    public static boolean recognises(JsonNode root) {
        JsonNode r = unwrap(root);
        return r != null && r.isObject() && (r.path("stats").isArray() && r.has("power")
                || r.path("stateMachine").path("visualization").isTextual());
    }

    /**
     * @param file a file
     * @return whether it is a power-tuning result (JSON), which {@code ConfigReader} reads as one memory tuning; false
     *     for any other file, or one that cannot be read (its reader says why)
     */
    public static boolean isResult(Path file) {
        try {
            if (Files.size(file) > Json.MAX_DOCUMENT_BYTES) {
                return false;
            }
            return recognises(Json.readTree(Files.readAllBytes(file), false));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The result itself: a describe-execution response's {@code output}, parsed; else the document. */
    private static JsonNode unwrap(JsonNode root) {
        if (root != null && root.isObject() && root.path("output").isTextual() && root.has("executionArn")) {
            try {
                return Json.readTree(root.get("output").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        false);
            } catch (IOException e) {
                return null;
            }
        }
        return root;
    }

    /**
     * Reads a result file.
     *
     * @param file the tool's output (JSON), or a describe-execution response holding it
     * @param name the tuning's name
     * @param architecture the function's architecture, which the output does not state
     * @param region the region to price in, or empty for the caller's default
     * @return the tuning of the sizes it measured
     * @throws WorkloadException naming the file and field when it is not a result or holds fewer than two sizes
     */
    public static MemoryTuning read(Path file, String name, Architecture architecture, Optional<String> region) {
        return new MemoryTuning(name, region, architecture, measurements(file));
    }

    /** @return the sizes and average durations a result file gives */
    static List<MemoryTuning.Measurement> measurements(Path file) {
        String f = file.toString();
        JsonNode root;
        try {
            WorkloadReader.requireSize(file);
            root = Json.readTree(Files.readAllBytes(file), false);
        } catch (NoSuchFileException e) {
            throw new WorkloadException(f, "$", Optional.empty(), "file not found");
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new WorkloadException(f, "$", Optional.empty(), "is not valid JSON: " + Json.problem(e));
        } catch (IOException e) {
            throw new WorkloadException(f, "$", Optional.empty(), "cannot be read: " + e.getMessage());
        }
        return measurements(f, root);
    }

    /**
     * A result read as a tuning of its own (the command line's {@code tune-memory RESULT.json}): named after its file,
     * on x86_64 unless the caller says otherwise, in the caller's region.
     *
     * @param file the result's name, for messages and the tuning's name
     * @param root the document
     */
    static MemoryTuning tuning(String file, JsonNode root) {
        String base = Path.of(file).getFileName() == null ? "power-tuning" : Path.of(file).getFileName().toString();
        String name = base.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? base.substring(0, base.length() - 5)
                : base;
        return new MemoryTuning(name.isBlank() || name.startsWith("<") ? "power-tuning" : name, Optional.empty(),
                Architecture.X86_64, measurements(file, root));
    }

    /** @return the sizes and average durations a result document gives */
    static List<MemoryTuning.Measurement> measurements(String f, JsonNode root) {
        JsonNode r = unwrap(root);
        if (r == null) {
            throw new WorkloadException(f, "$.output", Optional.empty(), "is not the JSON of a power-tuning result");
        }
        if (!recognises(root)) {
            throw new WorkloadException(f, "$", Optional.empty(), "is not a power-tuning result: it has neither "
                    + "stats (run with includeOutputResults) nor stateMachine.visualization");
        }
        String at = r == root ? "$" : "$.output";
        List<MemoryTuning.Measurement> out = r.path("stats").isArray() ? fromStats(f, at, r.get("stats"))
                : fromVisualization(f, at + ".stateMachine.visualization", r.path("stateMachine")
                        .path("visualization").asText());
        if (out.size() < 2) {
            throw new WorkloadException(f, at, Optional.empty(), "gives " + out.size() + " memory size"
                    + (out.size() == 1 ? "" : "s") + "; a tuning needs two or more");
        }
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (MemoryTuning.Measurement m : out) {
            if (!seen.add(m.memoryMb())) {
                throw new WorkloadException(f, at, Optional.empty(), "gives memory size " + m.memoryMb() + " MB twice");
            }
        }
        return out;
    }

    private static List<MemoryTuning.Measurement> fromStats(String f, String at, JsonNode stats) {
        List<MemoryTuning.Measurement> out = new ArrayList<>();
        for (int i = 0; i < stats.size(); i++) {
            JsonNode s = stats.get(i);
            String p = at + ".stats[" + i + "]";
            JsonNode v = s.path("value");
            JsonNode d = s.path("averageDuration");
            int mb;
            try {
                mb = v.isIntegralNumber() ? v.intValue() : Integer.parseInt(v.asText().trim());
            } catch (NumberFormatException e) {
                throw new WorkloadException(f, p + ".value", Optional.empty(), "must be a memory size in MB, was "
                        + Json.describe(v));
            }
            if (!d.isNumber()) {
                throw new WorkloadException(f, p + ".averageDuration", Optional.empty(), "must be a duration in ms, "
                        + "was " + Json.describe(d));
            }
            out.add(measurement(f, p, mb, d.decimalValue()));
        }
        return out;
    }

    private static List<MemoryTuning.Measurement> fromVisualization(String f, String at, String url) {
        int hash = url.indexOf('#');
        String[] parts = hash < 0 ? new String[0] : url.substring(hash + 1).split(";");
        if (parts.length < 2) {
            throw new WorkloadException(f, at, Optional.empty(), "must end in #SIZES;DURATIONS;COSTS as the tool "
                    + "writes it, was \"" + Json.excerpt(url) + "\"");
        }
        ByteBuffer sizes;
        ByteBuffer times;
        try {
            sizes = ByteBuffer.wrap(Base64.getDecoder().decode(parts[0])).order(ByteOrder.LITTLE_ENDIAN);
            times = ByteBuffer.wrap(Base64.getDecoder().decode(parts[1])).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IllegalArgumentException e) {
            throw new WorkloadException(f, at, Optional.empty(), "holds no base64 sizes and durations: "
                    + e.getMessage());
        }
        if (sizes.remaining() % 2 != 0 || times.remaining() != sizes.remaining() * 2) {
            throw new WorkloadException(f, at, Optional.empty(), "holds " + sizes.remaining() + " bytes of sizes and "
                    + times.remaining() + " of durations; each size is 2 bytes and each duration 4");
        }
        List<MemoryTuning.Measurement> out = new ArrayList<>();
        for (int i = 0; sizes.hasRemaining(); i++) {
            int mb = sizes.getShort() & 0xFFFF;
            float ms = times.getFloat();
            if (!Float.isFinite(ms)) {
                throw new WorkloadException(f, at, Optional.empty(), "gives size " + mb + " MB a duration that is not "
                        + "a number");
            }
            out.add(measurement(f, at + " (size " + (i + 1) + ")", mb, new BigDecimal(Float.toString(ms))));
        }
        return out;
    }

    private static MemoryTuning.Measurement measurement(String f, String at, int mb, BigDecimal ms) {
        if (mb < 128 || mb > 10_240) {
            throw new WorkloadException(f, at, Optional.empty(), "gives memory size " + mb + " MB; Lambda's are 128 "
                    + "to 10,240 MB");
        }
        if (ms.signum() <= 0) {
            throw new WorkloadException(f, at, Optional.empty(), "gives " + mb + " MB an average duration of "
                    + ms.toPlainString() + " ms; a measured duration is more than 0");
        }
        BigDecimal plain = ms.stripTrailingZeros();
        return new MemoryTuning.Measurement(mb, plain.scale() < 0 ? plain.setScale(0) : plain);
    }
}
