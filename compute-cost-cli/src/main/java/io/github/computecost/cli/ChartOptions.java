package io.github.computecost.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where to write SVG charts. */
final class ChartOptions {

    @Option(names = "--charts", paramLabel = "DIR", description = "Write SVG charts into DIR (created if missing).")
    Path dir;

    void write(String fileName, String svg) {
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(fileName.replaceAll("[^A-Za-z0-9._-]", "_")), svg);
        } catch (IOException e) {
            throw new BadInputException("cannot write chart into " + dir + ": " + e.getMessage());
        }
    }
}
