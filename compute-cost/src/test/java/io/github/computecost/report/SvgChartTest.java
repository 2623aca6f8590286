package io.github.computecost.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Charts people keep: plain tick labels, one colour per option in every chart, gridlines. */
class SvgChartTest {

    @Test
    void tickLabelsAreShortAndPlain() {
        assertEquals("0", SvgChart.fmt(0));
        assertEquals("8", SvgChart.fmt(8));
        assertEquals("16", SvgChart.fmt(16));
        assertEquals("40", SvgChart.fmt(40));
        assertEquals("0.25", SvgChart.fmt(0.25));
        assertEquals("1.6k", SvgChart.fmt(1600));
        assertEquals("2M", SvgChart.fmt(2_000_000));
        assertEquals("5.26B", SvgChart.fmt(5.256e9));
    }

    @Test
    void anOptionKeepsItsColourWhateverItsPlace() {
        String first = SvgChart.colour("Lambda (arm64)", 0);
        assertEquals(first, SvgChart.colour("Lambda (arm64)", 5));
        assertNotEquals(first, SvgChart.colour("Lambda (x86_64)", 0));
        List<String> options = List.of("Lambda (x86_64)", "Lambda (arm64)", "Fargate", "EC2", "Lightsail",
                "ECS on EC2", "EKS on Fargate", "App Runner");
        assertEquals(options.size(), options.stream().map(o -> SvgChart.colour(o, 0)).distinct().count(),
                "every option its own colour");
        String svg = new SvgChart("t", "x", "y").add(new SvgChart.Series("EC2", List.of(new double[] {0, 1},
                new double[] {10, 2}))).render();
        assertTrue(svg.contains("<g id=\"grid\""), svg);
    }

    @Test
    void costsThatSpanDecadesGetALogAxis() {
        String log = new SvgChart("t", "x", "cost").add(new SvgChart.Series("a", List.of(new double[] {0, 0.2},
                new double[] {10, 0.5}))).add(new SvgChart.Series("b", List.of(new double[] {0, 80},
                new double[] {10, 80}))).render();
        assertTrue(log.contains(">cost (log scale)</text>"), log);
        assertTrue(log.contains(">0.1</text>") && log.contains(">100</text>"), "decade ticks: " + log);
        String linear = new SvgChart("t", "x", "cost").add(new SvgChart.Series("a", List.of(new double[] {0, 2},
                new double[] {10, 8}))).render();
        assertTrue(linear.contains(">cost</text>") && !linear.contains("log scale"), linear);
    }

    @Test
    void aLongLegendNameIsWrappedWholeNotCutShort() {
        assertEquals(List.of("cost per million", "invocations (arm64)"), SvgChart.wrap("cost per million invocations "
                + "(arm64)", 20));
        assertEquals(List.of("EC2"), SvgChart.wrap("EC2", 20));
        assertEquals(List.of("averyveryverylongword", "x"), SvgChart.wrap("averyveryverylongword x", 10));
        String svg = new SvgChart("t", "memory (MB)", "cost").add(new SvgChart.Series("cost per million (arm64)",
                List.of(new double[] {128, 4}, new double[] {1024, 5}))).addRight(new SvgChart.Series(
                "average duration", List.of(new double[] {128, 2400}, new double[] {1024, 300})), "ms").render();
        assertTrue(!svg.contains("\u2026"), "nothing cut short: " + svg);
        assertTrue(svg.contains(">cost per million</text>") && svg.contains(">(arm64)</text>"), svg);
        assertTrue(svg.contains(">average duration</text>") && svg.contains(">(right)</text>"), svg);
    }
}
