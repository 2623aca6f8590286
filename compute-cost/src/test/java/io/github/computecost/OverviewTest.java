package io.github.computecost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Javadoc's front page shows the README's ten-line example, which {@link ModulePathTest} compiles and runs: the
 * two say the same code (their comments may differ), so the page cannot drift from what is tested.
 */
class OverviewTest {

    /** The code's lines without comments, trailing spaces or blank lines. */
    private static String code(String block) {
        return block.lines()
                .map(line -> line.replaceAll("\\s*//.*$", "").stripTrailing())
                .filter(line -> !line.isBlank())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void theOverviewShowsTheReadmesExample() throws IOException {
        String fromReadme = code(ReadmeExample.read().block());

        String overview = Files.readString(Path.of("compute-cost/src/main/javadoc/overview.html"));
        int from = overview.indexOf("<pre>{@code\n");
        assertTrue(from >= 0, "the overview has a code block");
        from += "<pre>{@code\n".length();
        String fromOverview = code(overview.substring(from, overview.indexOf("}</pre>", from)));

        assertTrue(fromReadme.contains("PriceBook.bundled()"), fromReadme);
        assertEquals(fromReadme, fromOverview);
    }
}
