package io.github.computecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG charts are well-formed XML with title, axes, labelled axes, series and legend. */
class ChartsTest {

    @TempDir
    Path dir;

    static Document parse(Path svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(svg.toFile());
    }

    static String textOf(Document d, String id) {
        NodeList texts = d.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element e = (Element) texts.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e.getTextContent();
            }
        }
        throw new AssertionError("no text " + id);
    }

    @Test
    void compareWritesACostByVolumeChart() throws Exception {
        CliRunner r = CliRunner.run("compare", "examples/plan.yaml", "--charts", dir.toString(), "--trials", "20");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Ranked on the expected monthly cost: the mean over the simulated months (Monte "
                + "Carlo"), r.out());
        Document d = parse(dir.resolve("small-api.svg"));
        assertEquals("Monthly cost of small-api by traffic", textOf(d, "title"));
        assertEquals("requests per month", textOf(d, "x-label"));
        assertTrue(textOf(d, "y-label").startsWith("monthly cost (USD)"));
        NodeList series = d.getElementsByTagName("polyline");
        assertEquals(7, series.getLength());
        assertEquals("Lambda (x86_64)", ((Element) series.item(0)).getAttribute("data-name"));
        assertTrue(((Element) series.item(0)).getAttribute("points").split(" ").length > 40);
        // 0.20 USD against 83.63 USD: more than two decades, so a log axis with a tick and a gridline per decade.
        assertEquals("monthly cost (USD) (log scale)", textOf(d, "y-label"));
        int yTicks = group(d, "ticks").getElementsByTagName("line").getLength() - 6;
        assertTrue(yTicks >= 3, "a tick per decade: " + yTicks);
        assertEquals(yTicks - 1, group(d, "grid").getElementsByTagName("line").getLength());
        assertEquals(2, group(d, "axes").getElementsByTagName("line").getLength());
        assertTrue(Files.readString(dir.resolve("small-api.svg")).contains("break-even"));
        // An option keeps its colour from chart to chart, though it ranks differently in each workload.
        java.util.Map<String, String> small = strokes(d);
        java.util.Map<String, String> steady = strokes(parse(dir.resolve("steady-stream.svg")));
        assertEquals(small.get("Lambda (arm64)"), steady.get("Lambda (arm64)"));
        assertEquals(small.get("EC2"), steady.get("EC2"));
        assertEquals(small.keySet(), steady.keySet());
        small.forEach((name, colour) -> assertEquals(colour, steady.get(name), name));
        // The steady stream's fleets are sized again at each volume: each always-on curve rises in steps (a vertical
        // segment: two points at one volume), not flat at the cost of the workload's own fleet.
        NodeList steadyLines = parse(dir.resolve("steady-stream.svg")).getElementsByTagName("polyline");
        for (int i = 0; i < steadyLines.getLength(); i++) {
            Element e = (Element) steadyLines.item(i);
            if (e.getAttribute("data-name").equals("EC2")) {
                String[] pts = e.getAttribute("points").split(" ");
                boolean vertical = false;
                for (int k = 1; k < pts.length; k++) {
                    vertical |= pts[k].split(",")[0].equals(pts[k - 1].split(",")[0]);
                }
                java.util.Set<String> ys = new java.util.HashSet<>();
                for (String pt : pts) {
                    ys.add(pt.split(",")[1]);
                }
                assertTrue(vertical && ys.size() > 2, "EC2 steps: " + e.getAttribute("points"));
            }
        }
        // The uncertain workload's simulated options show their P50 to P99 at its volume, in their colours.
        Document bursty = parse(dir.resolve("bursty-api.svg"));
        java.util.Map<String, String> burstyStrokes = strokes(bursty);
        NodeList groups = bursty.getElementsByTagName("g");
        int ranges = 0;
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if ("range".equals(g.getAttribute("class"))) {
                ranges++;
                assertEquals(burstyStrokes.get(g.getAttribute("data-name")), g.getAttribute("stroke"));
                assertTrue(g.getAttribute("data-name").startsWith("Lambda"), g.getAttribute("data-name"));
            }
        }
        assertEquals(2, ranges, "Lambda arm64 and x86_64; the always-on options cost the same every month");
    }

    private static Element group(Document d, String id) {
        NodeList groups = d.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (id.equals(g.getAttribute("id"))) {
                return g;
            }
        }
        throw new AssertionError("no group " + id);
    }

    private static java.util.Map<String, String> strokes(Document d) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        NodeList lines = d.getElementsByTagName("polyline");
        for (int i = 0; i < lines.getLength(); i++) {
            Element e = (Element) lines.item(i);
            out.put(e.getAttribute("data-name"), e.getAttribute("stroke"));
        }
        return out;
    }

    @Test
    void compareAsMarkdown() {
        CliRunner r = CliRunner.run("compare", "examples/plan.yaml", "--format", "markdown", "--trials", "10");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("### small-api: cheapest is Lambda"), r.out());
        assertTrue(r.out().contains("| # | Option | Configuration | Monthly cost (USD) |\n| ---: | --- | --- | ---: |"),
                r.out());
        assertTrue(r.out().contains("| # | Option | Configuration | Expected (USD) | P50 | P90 | P99 |"), r.out());
    }

    @Test
    void tuneMemoryWritesCostAndDurationCharts() throws Exception {
        CliRunner r = CliRunner.run("tune-memory", "examples/tuning.yaml", "--charts", dir.toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        // Tied on cost with 128 MB, and faster: power-tuning's own example.
        assertTrue(r.out().contains("\"cheapestMemoryMb\": 1024"), r.out());
        Document cost = parse(dir.resolve("thumbnailer-cost.svg"));
        assertEquals("memory (MB)", textOf(cost, "x-label"));
        assertTrue(textOf(cost, "y-label").startsWith("cost per million invocations"));
        Document duration = parse(dir.resolve("thumbnailer-duration.svg"));
        assertEquals("average duration (ms)", textOf(duration, "y-label"));
        // The five measured sizes are dots on the line; the interpolated ones are not.
        int dots = 0;
        NodeList circles = duration.getElementsByTagName("circle");
        for (int i = 0; i < circles.getLength(); i++) {
            dots += "measured".equals(((Element) circles.item(i)).getAttribute("class")) ? 1 : 0;
        }
        assertEquals(5, dots);
    }

    @org.junit.jupiter.api.Test
    void namesThatDifferOnlyInUnsafeCharactersWriteDifferentFiles() {
        assertEquals("small-api.svg", ChartOptions.fileName("small-api.svg"), "a safe name stays as it is");
        String slash = ChartOptions.fileName("a/b.svg");
        String underscore = ChartOptions.fileName("a_b.svg");
        assertEquals("a_b.svg", underscore);
        assertTrue(slash.startsWith("a_b-") && slash.endsWith(".svg"), slash);
        assertTrue(!slash.equals(underscore), "no overwrite");
        assertEquals(slash, ChartOptions.fileName("a/b.svg"), "stable");
        assertTrue(!slash.contains("/"));
    }
}
