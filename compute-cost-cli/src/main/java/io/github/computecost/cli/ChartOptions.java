package io.github.computecost.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where to write SVG charts. */
final class ChartOptions {

    @Option(names = "--charts", paramLabel = "DIR", description = "Write SVG charts into DIR (created if missing), "
            + "each with its Vega-Lite specification beside it (NAME.vl.json).")
    Path dir;

    /**
     * The file a chart is written to: the name as it is when it is safe in a file name, else with its unsafe characters
     * replaced and a short checksum of the whole name added, so that two names that differ only there ({@code a/b},
     * {@code a_b}) never write the same file, and a name always writes the same one.
     */
    static String fileName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.equals(name)) {
            return name;
        }
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        int dot = safe.lastIndexOf('.');
        String stem = dot < 0 ? safe : safe.substring(0, dot);
        String ext = dot < 0 ? "" : safe.substring(dot);
        return stem + "-" + String.format(java.util.Locale.ROOT, "%08x", crc.getValue()) + ext;
    }

    /** Writes a chart as {@code NAME.svg} and its Vega-Lite specification as {@code NAME.vl.json}. */
    void write(String name, String svg, String vegaLite) {
        write(name + ".svg", svg);
        write(name + ".vl.json", vegaLite);
    }

    void write(String fileName, String svg) {
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(fileName(fileName)), svg);
        } catch (IOException e) {
            throw new BadInputException("cannot write chart into " + dir + ": " + e.getMessage());
        }
    }
}
