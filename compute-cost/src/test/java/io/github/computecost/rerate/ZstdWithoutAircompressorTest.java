package io.github.computecost.rerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.computecost.pricing.PriceBook;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library user without aircompressor on the class path: a zstd export is refused in one line naming the artifact,
 * not read as garbage or failed with a stack trace. Run in a JVM of its own, whose class path is this test's less
 * aircompressor's jar.
 */
class ZstdWithoutAircompressorTest {

    /** The child JVM's entry point: rates the file it is given and prints the refusal. */
    public static void main(String[] args) {
        try {
            Rerater.of(PriceBook.bundled()).rate(Path.of(args[0]));
            System.out.println("read");
        } catch (UsageExportException e) {
            System.out.println("refused: " + e.getMessage());
        }
    }

    @Test
    void aZstdExportIsRefusedByNameWhenAircompressorIsAbsent(@TempDir Path dir) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String modulePath = System.getProperty("jdk.module.path", "");
        List<String> entries = new ArrayList<>();
        for (String p : (classPath + File.pathSeparator + modulePath).split(File.pathSeparator)) {
            if (!p.isBlank() && !entries.contains(p)) {
                entries.add(p);
            }
        }
        assumeTrue(entries.stream().anyMatch(p -> p.contains("aircompressor")), "aircompressor is not on this "
                + "test's class path, so there is nothing to take away: " + entries);
        String without = entries.stream().filter(p -> !p.contains("aircompressor"))
                .collect(Collectors.joining(File.pathSeparator));
        Path zst = dir.resolve("export.csv.zst");
        try (var out = new io.airlift.compress.zstd.ZstdOutputStream(Files.newOutputStream(zst))) {
            out.write(Files.readAllBytes(Path.of("compute-cost/src/test/resources/rerate/cur-legacy.csv")));
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-cp", without,
                ZstdWithoutAircompressorTest.class.getName(), zst.toString())).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM did not finish");
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertEquals(0, p.exitValue(), out);
        assertEquals("refused: " + zst + ": zstd-compressed; reading it needs io.airlift:aircompressor on the class "
                + "path, or decompress it first", out.lines().reduce((a, b) -> b).orElse(""), out);
        assertTrue(Arrays.stream(without.split(File.pathSeparator)).noneMatch(e -> e.contains("aircompressor")));
    }
}
