package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every chart the bundled examples produce, rendered in a real headless browser (Debian's Chromium): it loads as an
 * SVG, its labels do not overlap (by their rendered bounding boxes), and a screenshot of it is left in
 * {@code compute-cost-cli/target/chart-screenshots/} to look at. Runs where Chromium is installed
 * ({@code apt-get install chromium}, or {@code CHROMIUM=/path/to/chromium}); skipped elsewhere, saying so. Chromium is
 * started with nothing but local files to read, and no network of its own.
 */
class BrowserChartsTest {

    static final Path SCREENSHOTS = Path.of("compute-cost-cli/target/chart-screenshots");

    @TempDir
    Path dir;

    static Path chromium() {
        String given = System.getenv("CHROMIUM");
        Path p = Path.of(given == null || given.isBlank() ? "/usr/bin/chromium" : given);
        Assumptions.assumeTrue(Files.isExecutable(p), "no Chromium at " + p + ": the charts are not rendered "
                + "in a browser (install Debian's chromium, or set CHROMIUM)");
        return p;
    }

    /** Runs Chromium headless on one local file, with the flags a closed network needs; returns standard output. */
    static String run(Path chromium, Path profile, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--user-data-dir=" + profile, "--allow-file-access-from-files",
                "--hide-scrollbars"));
        cmd.addAll(List.of(args));
        Path out = profile.resolveSibling("chromium.out");
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectOutput(out.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish in 60 s: " + cmd);
        }
        return Files.readString(out);
    }

    /** The page that loads one SVG and writes every text's rendered box into the DOM, which --dump-dom prints. */
    static String page(String svg) {
        return "<!doctype html><html><body style=\"margin:0\"><object id=\"c\" type=\"image/svg+xml\" data=\"" + svg
                + "\"></object><pre id=\"out\">not loaded</pre><script>\n"
                + "document.getElementById('c').addEventListener('load', () => {\n"
                + "  const doc = document.getElementById('c').contentDocument;\n"
                + "  const bad = doc.getElementsByTagName('parsererror').length > 0 || doc.documentElement.localName != 'svg';\n"
                + "  const boxes = [...doc.querySelectorAll('text')].filter(t => t.textContent.trim() != '').map(t => {\n"
                + "    const b = t.getBoundingClientRect(); return {text: t.textContent, x: b.x, y: b.y, w: b.width, h: b.height}; });\n"
                + "  document.getElementById('out').textContent = JSON.stringify({svg: !bad, boxes: boxes});\n"
                + "});\n</script></body></html>";
    }

    @Test
    void everyExampleChartRendersInChromiumWithNoLabelOverAnother() throws Exception {
        Path chromium = chromium();
        try (Stream<Path> examples = Files.list(Path.of("examples"))) {
            for (Path e : examples.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                CliRunner.run("compare", e.toString(), "--charts", dir.toString(), "--trials", "20");
                CliRunner.run("tune-memory", e.toString(), "--charts", dir.toString());
            }
        }
        List<Path> charts;
        try (Stream<Path> s = Files.list(dir)) {
            charts = s.filter(p -> p.toString().endsWith(".svg")).sorted().toList();
        }
        assertTrue(charts.size() >= 4, "the examples' charts: " + charts);
        Files.createDirectories(SCREENSHOTS);
        for (Path svg : charts) {
            String name = svg.getFileName().toString();
            Path html = dir.resolve(name + ".html");
            Files.writeString(html, page(name));
            String dom = run(chromium, dir.resolve("profile"), "--virtual-time-budget=5000", "--dump-dom",
                    html.toUri().toString());
            int start = dom.indexOf("<pre id=\"out\">");
            int end = dom.indexOf("</pre>", start);
            assertTrue(start >= 0 && end > start, name + ": " + dom);
            String json = dom.substring(start + "<pre id=\"out\">".length(), end).replace("&quot;", "\"")
                    .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
            assertTrue(!json.equals("not loaded"), name + " did not load");
            JsonNode result = TestJson.json().readTree(json);
            assertTrue(result.path("svg").asBoolean(), name + " is not a well-formed SVG in the browser");
            JsonNode boxes = result.path("boxes");
            assertTrue(boxes.size() > 10, name + ": " + boxes);
            for (int i = 0; i < boxes.size(); i++) {
                for (int j = i + 1; j < boxes.size(); j++) {
                    double overlap = overlap(boxes.get(i), boxes.get(j));
                    assertTrue(overlap < 1.0, name + ": \"" + boxes.get(i).path("text").asText() + "\" and \""
                            + boxes.get(j).path("text").asText() + "\" overlap by " + overlap + " px²");
                }
            }
            Path png = SCREENSHOTS.resolve(name.replace(".svg", ".png"));
            Files.deleteIfExists(png);
            run(chromium, dir.resolve("profile"), "--window-size=800,480", "--screenshot=" + png.toAbsolutePath(),
                    svg.toUri().toString());
            byte[] head = Files.readAllBytes(png);
            assertTrue(head.length > 1000, png + " is " + head.length + " bytes");
            assertEquals((byte) 0x89, head[0]);
            assertEquals('P', head[1]);
        }
    }

    /** @return the area two rendered boxes share, in px² (0 when they only touch) */
    static double overlap(JsonNode a, JsonNode b) {
        double w = Math.min(a.path("x").asDouble() + a.path("w").asDouble(), b.path("x").asDouble()
                + b.path("w").asDouble()) - Math.max(a.path("x").asDouble(), b.path("x").asDouble());
        double h = Math.min(a.path("y").asDouble() + a.path("h").asDouble(), b.path("y").asDouble()
                + b.path("h").asDouble()) - Math.max(a.path("y").asDouble(), b.path("y").asDouble());
        return w <= 0 || h <= 0 ? 0 : w * h;
    }
}
