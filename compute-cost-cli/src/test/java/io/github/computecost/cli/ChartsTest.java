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
    void tuneMemoryWritesOneDualAxisChartAndItsVegaLiteSpecification() throws Exception {
        CliRunner r = CliRunner.run("tune-memory", "examples/tuning.yaml", "--charts", dir.toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        // Tied on cost with 128 MB, and faster: power-tuning's own example.
        assertTrue(r.out().contains("\"cheapestMemoryMb\": 1024"), r.out());
        Document chart = parse(dir.resolve("thumbnailer.svg"));
        assertEquals("Cost and duration of thumbnailer by memory", textOf(chart, "title"));
        assertEquals("memory (MB)", textOf(chart, "x-label"));
        assertTrue(textOf(chart, "y-label").startsWith("cost per million invocations"));
        assertEquals("average duration (ms)", textOf(chart, "right-label"));
        assertEquals(6, group(chart, "right-ticks").getElementsByTagName("text").getLength(), "six right ticks");
        assertEquals(7, group(chart, "right-axis").getElementsByTagName("line").getLength(), "the axis and its ticks");
        NodeList lines = chart.getElementsByTagName("polyline");
        assertEquals(2, lines.getLength(), "cost and duration in one chart");
        assertEquals("6 4", ((Element) lines.item(1)).getAttribute("stroke-dasharray"), "duration dashed");
        // The five measured sizes are dots on each line; the interpolated ones are not.
        int dots = 0;
        NodeList circles = chart.getElementsByTagName("circle");
        for (int i = 0; i < circles.getLength(); i++) {
            dots += "measured".equals(((Element) circles.item(i)).getAttribute("class")) ? 1 : 0;
        }
        assertEquals(10, dots);
        assertTrue(Files.notExists(dir.resolve("thumbnailer-cost.svg")), "the two charts are one now");
        // Its Vega-Lite specification: the same rows, exact, with two independent y axes.
        com.fasterxml.jackson.databind.JsonNode spec = TestJson.json().readTree(Files.readString(
                dir.resolve("thumbnailer.vl.json")));
        assertEquals("https://vega.github.io/schema/vega-lite/v5.json", spec.path("$schema").asText());
        assertEquals("independent", spec.path("resolve").path("scale").path("y").asText());
        com.fasterxml.jackson.databind.JsonNode json = TestJson.json().readTree(r.out()).path("tunings").path(0);
        assertEquals(json.path("sizes").size(), spec.path("data").path("values").size(), spec.toString());
        assertEquals(2, spec.path("layer").size());
        assertEquals("durationMs", spec.path("layer").path(1).path("layer").path(0).path("encoding").path("y")
                .path("field").asText());
    }

    @Test
    void compareWritesAVegaLiteSpecificationBesideEachChart() throws Exception {
        CliRunner r = CliRunner.run("compare", "examples/plan.yaml", "--charts", dir.toString(), "--trials", "20",
                "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        for (String name : new String[] {"small-api", "steady-stream", "bursty-api"}) {
            assertTrue(Files.exists(dir.resolve(name + ".svg")), name);
            com.fasterxml.jackson.databind.JsonNode spec = TestJson.json().readTree(Files.readString(
                    dir.resolve(name + ".vl.json")));
            assertEquals("Monthly cost of " + name + " by traffic", spec.path("title").asText());
            // The SVG's colours, by option, and its steps: the always-on layer is drawn step-after.
            java.util.Map<String, String> strokes = strokes(parse(dir.resolve(name + ".svg")));
            com.fasterxml.jackson.databind.JsonNode color = spec.path("layer").path(0).path("encoding").path("color")
                    .path("scale");
            for (int i = 0; i < color.path("domain").size(); i++) {
                assertEquals(strokes.get(color.path("domain").path(i).asText()), color.path("range").path(i).asText(),
                        name + " " + color.path("domain").path(i).asText());
            }
            assertEquals("step-after", spec.path("layer").path(1).path("mark").path("interpolate").asText());
            // The break-even point is the plan's, exact.
            com.fasterxml.jackson.databind.JsonNode plan = null;
            for (com.fasterxml.jackson.databind.JsonNode w : TestJson.json().readTree(r.out()).path("workloads")) {
                plan = w.path("name").asText().equals(name) ? w : plan;
            }
            String breakEven = plan.path("breakEven").path("requestsPerMonth").asText();
            boolean found = false;
            for (com.fasterxml.jackson.databind.JsonNode l : spec.path("layer")) {
                found |= l.path("data").path("values").path(0).path("requestsPerMonth").asText().equals(breakEven);
            }
            assertTrue(found, name + ": break-even " + breakEven + " in " + spec);
        }
        // The uncertain workload's P50 to P99 as rules.
        com.fasterxml.jackson.databind.JsonNode bursty = TestJson.json().readTree(Files.readString(
                dir.resolve("bursty-api.vl.json")));
        boolean rules = false;
        for (com.fasterxml.jackson.databind.JsonNode l : bursty.path("layer")) {
            rules |= l.path("mark").path("type").asText().equals("rule") && l.path("data").path("values").size() == 2;
        }
        assertTrue(rules, bursty.toString());
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
