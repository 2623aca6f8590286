package io.github.computecost.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.compare.MemoryTuning;
import io.github.computecost.compute.Architecture;
import io.github.computecost.pricing.PriceBook;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The power-tuning tool's output, read as a memory tuning's measurements. */
class PowerTuningResultTest {

    static final Path DIR = Path.of("compute-cost/src/test/resources/power-tuning");

    @TempDir
    Path tmp;

    static List<Integer> sizes(List<MemoryTuning.Measurement> ms) {
        return ms.stream().map(MemoryTuning.Measurement::memoryMb).toList();
    }

    @Test
    void theReadmesVisualizationUrlGivesItsSizesAndDurations() {
        List<MemoryTuning.Measurement> ms = PowerTuningResult.measurements(DIR.resolve("readme-visualization.json"));
        assertEquals(List.of(128, 256, 512, 1024, 1536, 3008), sizes(ms));
        // Each duration is the shortest decimal of the 32-bit float the URL holds: the same float again.
        float[] encoded = {37002.3984375f, 18647.7734375f, 8489.4365234375f, 3890.8916015625f, 2512.2265625f,
            2009.7933349609375f};
        for (int i = 0; i < encoded.length; i++) {
            assertEquals(encoded[i], ms.get(i).durationMs().floatValue(), 0f, "size " + ms.get(i).memoryMb());
            assertTrue(ms.get(i).durationMs().precision() <= 9, ms.get(i).durationMs().toPlainString());
        }
        assertEquals(new BigDecimal("37002.4"), ms.get(0).durationMs());
    }

    @Test
    void statsAreReadExactlyAndTheReadmesTieGoesToTheFasterSize() throws IOException {
        Workload w = ConfigReader.read(DIR.resolve("stats.json"), Optional.empty());
        MemoryTuning t = w.tunings().get(0);
        assertEquals("stats", t.name(), "named after its file");
        assertEquals(Architecture.X86_64, t.architecture());
        assertEquals(List.of(new MemoryTuning.Measurement(128, new BigDecimal("2400")),
                new MemoryTuning.Measurement(1024, new BigDecimal("300"))), t.measurements());
        MemoryTuning.Result r = t.tune(PriceBook.bundled(), "us-east-1", 1024);
        assertEquals(1024, r.cheapest().memoryMb());
        assertEquals(List.of(128, 1024), r.nearCheapest().stream().map(MemoryTuning.Row::memoryMb).toList());
        // A whole describe-execution response holds the result in its output.
        String output = Files.readString(DIR.resolve("stats.json"));
        Path envelope = tmp.resolve("execution.json");
        Files.writeString(envelope, "{\"executionArn\": \"arn:aws:states:us-east-1:123456789012:execution:x:y\", "
                + "\"status\": \"SUCCEEDED\", \"output\": " + com.fasterxml.jackson.databind.node.TextNode
                        .valueOf(output).toString() + "}");
        assertEquals(t.measurements(), ConfigReader.read(envelope, Optional.empty()).tunings().get(0).measurements());
    }

    @Test
    void aWorkloadFileNamesAResultInPlaceOfMeasurements() throws IOException {
        Files.copy(DIR.resolve("stats.json"), tmp.resolve("result.json"));
        Path w = tmp.resolve("w.yaml");
        Files.writeString(w, "resources:\n  - name: thumbnailer\n    type: memory-tuning\n    architecture: arm64\n"
                + "    powerTuningResult: result.json\n");
        MemoryTuning t = WorkloadReader.read(w).tunings().get(0);
        assertEquals(Architecture.ARM64, t.architecture());
        assertEquals(List.of(128, 1024), sizes(t.measurements()));
        Files.writeString(w, "resources:\n  - name: t\n    type: memory-tuning\n    powerTuningResult: result.json\n"
                + "    measurements: [ { memoryMb: 128, durationMs: 1 }, { memoryMb: 256, durationMs: 1 } ]\n");
        WorkloadException both = assertThrows(WorkloadException.class, () -> WorkloadReader.read(w));
        assertTrue(both.getMessage().contains("give one"), both.getMessage());
        Files.writeString(w, "resources:\n  - name: t\n    type: memory-tuning\n    powerTuningResult: none.json\n");
        WorkloadException missing = assertThrows(WorkloadException.class, () -> WorkloadReader.read(w));
        assertTrue(missing.getMessage().contains("none.json: file not found"), missing.getMessage());
    }

    WorkloadException refused(String json) throws IOException {
        Path p = tmp.resolve("bad.json");
        Files.writeString(p, json);
        return assertThrows(WorkloadException.class, () -> PowerTuningResult.measurements(p));
    }

    @Test
    void whatIsNotAResultIsRefusedNamingTheField() throws IOException {
        String head = "{\"power\": 128, \"stats\": [";
        assertTrue(refused(head + "{\"value\": 128, \"averageDuration\": 5}]}").getMessage()
                .contains("gives 1 memory size; a tuning needs two or more"));
        assertTrue(refused(head + "{\"value\": 64, \"averageDuration\": 5}, {\"value\": 128, \"averageDuration\": "
                + "5}]}").getMessage().contains("$.stats[0]: gives memory size 64 MB"));
        assertTrue(refused(head + "{\"value\": 128, \"averageDuration\": \"x\"}, {\"value\": 256, "
                + "\"averageDuration\": 5}]}").getMessage().contains("$.stats[0].averageDuration: must be a duration"));
        assertTrue(refused(head + "{\"value\": 128, \"averageDuration\": 0}, {\"value\": 256, \"averageDuration\": "
                + "5}]}").getMessage().contains("a measured duration is more than 0"));
        assertTrue(refused(head + "{\"value\": 128, \"averageDuration\": 1}, {\"value\": 128, \"averageDuration\": "
                + "2}]}").getMessage().contains("128 MB twice"));
        assertTrue(refused("{\"stateMachine\": {\"visualization\": \"https://x/#gAA;%%\"}}").getMessage()
                .contains("$.stateMachine.visualization: holds no base64"));
        assertTrue(refused("{\"stateMachine\": {\"visualization\": \"https://x/\"}}").getMessage()
                .contains("must end in #SIZES;DURATIONS;COSTS"));
        assertTrue(refused("{\"stateMachine\": {\"visualization\": \"https://x/#gAAABA==;AAAWRQ==;\"}}")
                .getMessage().contains("each size is 2 bytes and each duration 4"));
        assertTrue(refused("{\"lambdaARN\": \"x\"}").getMessage().contains("is not a power-tuning result"));
        assertEquals(false, PowerTuningResult.isResult(DIR.resolve("README.md")));
        assertEquals(true, PowerTuningResult.isResult(DIR.resolve("stats.json")));
    }
}
