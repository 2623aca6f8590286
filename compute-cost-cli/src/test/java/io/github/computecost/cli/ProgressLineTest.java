package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computecost.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The progress line's text, its rewriting in place and its erasing, and when it is shown. */
class ProgressLineTest {

    @Test
    void theLineSaysRowsBytesSpeedAndTimeLeft() {
        // 1.2M rows and 96 MB of 1,200 MB in half a second: 2.4M rows/s, and 1,104 MB left at 192 MB/s is 5.75 s.
        Progress p = new Progress(1_200_000, 96_000_000, OptionalLong.of(1_200_000_000),
                Duration.ofMillis(500), false);
        assertEquals("rate-usage: 1,200,000 rows, 96.0 MB of 1200.0 MB (8 %), 2,400,000 rows/s, 0:05 left",
                ProgressLine.text("rate-usage", p));
        // A stream of unknown size: no share, no time left.
        assertEquals("rate-usage: 10 rows, 0.0 MB, 10 rows/s", ProgressLine.text("rate-usage",
                new Progress(10, 100, OptionalLong.empty(), Duration.ofSeconds(1), false)));
        assertEquals("1:01:01", ProgressLine.clock(Duration.ofSeconds(3661)));
        // Without rows counted (an offer's JSON), bytes per second instead.
        assertEquals("import-prices: 96.0 MB of 1200.0 MB (8 %), 192.0 MB/s, 0:05 left", ProgressLine.text(
                "import-prices", new Progress(0, 96_000_000, OptionalLong.of(1_200_000_000), Duration.ofMillis(500),
                        false)));
    }

    @Test
    void theLineIsRewrittenInPlaceAndErasedWhenDone() {
        StringWriter out = new StringWriter();
        ProgressLine line = new ProgressLine("rate-usage", new PrintWriter(out));
        line.accept(new Progress(1_000_000, 1_000_000, OptionalLong.of(2_000_000), Duration.ofSeconds(1),
                false));
        line.accept(new Progress(2, 2, OptionalLong.empty(), Duration.ofSeconds(2), false));
        line.accept(new Progress(3, 3, OptionalLong.empty(), Duration.ofSeconds(3), true));
        String s = out.toString();
        assertTrue(s.startsWith("\rrate-usage: 1,000,000 rows, 1.0 MB of 2.0 MB (50 %), 1,000,000 rows/s, 0:01 left\r"),
                s);
        int first = s.indexOf('\r', 1);
        String second = s.substring(first, s.indexOf('\r', first + 1));
        assertEquals(first, second.length(), "the shorter line is padded over the longer one: " + s);
        assertTrue(s.endsWith("\r" + " ".repeat(first - 1) + "\r"), "erased when done: " + s);
    }

    @Test
    void shownWhenAskedHiddenWhenRefusedAndOnlyOnATerminalOtherwise() {
        assertTrue(ProgressLine.wanted(true));
        assertFalse(ProgressLine.wanted(false));
        assertEquals(ProgressLine.terminal(), ProgressLine.wanted(null));
        assertFalse(ProgressLine.terminal(), "tests do not run on a terminal");
        CliRunner quiet = CliRunner.run("rate-usage", "compute-cost/src/test/resources/rerate/cur-legacy.csv");
        assertEquals(0, quiet.exitCode(), quiet.err());
        assertFalse(quiet.err().contains("rows/s"), quiet.err());
    }
}
