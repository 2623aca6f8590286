package io.github.computecost.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A small, self-contained SVG line chart: title, labelled axes with ticks, one polyline per series, a legend,
 * and labelled markers. A few dozen lines of our own rather than a charting library: the charts are simple,
 * the output must open offline in any browser, and the writer is tested as XML. Coordinates are
 * {@code double}: this is drawing, not money.
 */
public final class SvgChart {

    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#17becf",
        "#e377c2", "#7f7f7f", "#bcbd22"};
    private static final int W = 800;
    private static final int H = 480;
    private static final int LEFT = 90;
    private static final int RIGHT = 230;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    /**
     * A named line of points.
     *
     * @param name the series' name, in the legend
     * @param points the line's points
     * @param marked points drawn as dots on the line (measured points among interpolated ones)
     */
    public record Series(String name, List<double[]> points, List<double[]> marked) {
        /**
         * Checks the components and keeps immutable copies of its collections.
         *
         * @param name the series' name, in the legend
         * @param points the line's points
         * @param marked points drawn as dots on the line (measured points among interpolated ones)
         */
        public Series {
            Objects.requireNonNull(name, "name");
            points = List.copyOf(points);
            marked = List.copyOf(marked);
        }

        /**
         * A line without dots.
         *
         * @param name the series' name, in the legend
         * @param points the line's points
         */
        public Series(String name, List<double[]> points) {
            this(name, points, List.of());
        }
    }

    /** A labelled point, such as a break-even volume. */
    public record Marker(double x, double y, String label) {
    }

    /**
     * A series' spread at one x, drawn as a bar from {@code low} to {@code high} in the series' colour: the P50 to P99
     * of a simulated month's cost at the workload's volume.
     *
     * @param series the name of the series it belongs to
     * @param x where it stands on the x axis
     * @param low its bottom, on the y axis
     * @param high its top, on the y axis
     * @param label its label
     */
    public record Range(String series, double x, double low, double high, String label) {
        /**
         * Checks the components.
         *
         * @param series the name of the series it belongs to
         * @param x where it stands on the x axis
         * @param low its bottom, on the y axis
         * @param high its top, on the y axis
         * @param label its label
         */
        public Range {
            Objects.requireNonNull(series, "series");
            Objects.requireNonNull(label, "label");
        }
    }

    private final List<Range> ranges = new ArrayList<>();

    /**
     * @param r the range
     * @return this chart with a range on one of its series
     */
    public SvgChart range(Range r) {
        ranges.add(r);
        return this;
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();

    /**
     * A chart with a title and axis labels (say the units).
     *
     * @param title the chart's title
     * @param xLabel the x axis's label, with its unit
     * @param yLabel the y axis's label, with its unit
     */
    public SvgChart(String title, String xLabel, String yLabel) {
        this.title = Objects.requireNonNull(title, "title");
        this.xLabel = Objects.requireNonNull(xLabel, "xLabel");
        this.yLabel = Objects.requireNonNull(yLabel, "yLabel");
    }

    /**
     * @param s the series
     * @return this chart with another series
     */
    public SvgChart add(Series s) {
        series.add(s);
        return this;
    }

    /**
     * @param m the marker
     * @return this chart with a marker
     */
    public SvgChart mark(Marker m) {
        markers.add(m);
        return this;
    }

    private final List<Series> secondary = new ArrayList<>();
    private String rightLabel = "";

    /**
     * @param s a series on a second y axis, on the right, drawn dashed (a tuning's duration beside its cost)
     * @param label the right axis' label, with its units
     * @return this chart with it
     */
    public SvgChart addRight(Series s, String label) {
        secondary.add(Objects.requireNonNull(s, "s"));
        rightLabel = Objects.requireNonNull(label, "label");
        return this;
    }

    /** @return the SVG document */
    public String render() {
        double maxX = 0;
        double maxY = 0;
        double maxRight = 0;
        for (Series s : series) {
            for (double[] p : s.points()) {
                maxX = Math.max(maxX, p[0]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        for (Series s : secondary) {
            for (double[] p : s.points()) {
                maxX = Math.max(maxX, p[0]);
                maxRight = Math.max(maxRight, p[1]);
            }
        }
        double rightTop = nice(maxRight);
        double minPositiveY = Double.MAX_VALUE;
        for (Series s : series) {
            for (double[] p : s.points()) {
                if (p[1] > 0) {
                    minPositiveY = Math.min(minPositiveY, p[1]);
                }
            }
        }
        maxX = nice(maxX);
        // A log y axis when the costs span more than two decades (a free function against a fleet); zero sits on
        // the axis.
        boolean logY = minPositiveY < Double.MAX_VALUE && maxY / minPositiveY > 100;
        double lo = logY ? Math.pow(10, Math.floor(Math.log10(minPositiveY))) : 0;
        double hi = logY ? Math.pow(10, Math.ceil(Math.log10(maxY))) : nice(maxY);
        maxY = hi;
        double plotW = W - LEFT - RIGHT;
        double plotH = H - TOP - BOTTOM;
        double top = hi;
        java.util.function.DoubleUnaryOperator y = logY
                ? v -> TOP + plotH - plotH * (Math.log10(Math.max(v, lo)) - Math.log10(lo))
                        / (Math.log10(top) - Math.log10(lo))
                : v -> TOP + plotH - (top == 0 ? 0 : v / top) * plotH;
        List<Double> yTicks = new ArrayList<>();
        if (logY) {
            for (double t = lo; t <= hi * 1.0001; t *= 10) {
                yTicks.add(t);
            }
        } else {
            for (int i = 0; i <= 5; i++) {
                yTicks.add(hi * i / 5);
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"").append(H)
                .append("\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        sb.append("<text id=\"title\" x=\"").append(W / 2).append("\" y=\"28\" text-anchor=\"middle\" font-size=\"16\">")
                .append(esc(title)).append("</text>\n");
        sb.append("<g id=\"axes\" stroke=\"#333\">\n");
        sb.append(line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH)).append(line(LEFT, TOP, LEFT, TOP + plotH));
        sb.append("</g>\n<g id=\"grid\" stroke=\"#ddd\">\n");
        for (int i = 1; i < yTicks.size(); i++) {
            double fy = y.applyAsDouble(yTicks.get(i));
            sb.append(line(LEFT, fy, LEFT + plotW, fy));
        }
        sb.append("</g>\n<g id=\"ticks\" fill=\"#333\">\n");
        for (int i = 0; i <= 5; i++) {
            double fx = LEFT + plotW * i / 5;
            sb.append(line(fx, TOP + plotH, fx, TOP + plotH + 5));
            sb.append(text(fx, TOP + plotH + 20, "middle", fmt(maxX * i / 5)));
        }
        for (double t : yTicks) {
            double fy = y.applyAsDouble(t);
            sb.append(line(LEFT - 5, fy, LEFT, fy));
            sb.append(text(LEFT - 8, fy + 4, "end", fmt(t)));
        }
        sb.append("</g>\n");
        int legendX = W - RIGHT + (secondary.isEmpty() ? 15 : 75);
        double legendY = TOP + 10;
        if (!secondary.isEmpty()) {
            double rx = LEFT + plotW;
            StringBuilder labels = new StringBuilder();
            sb.append("<g id=\"right-axis\" stroke=\"#333\">\n").append(line(rx, TOP, rx, TOP + plotH));
            for (int i = 0; i <= 5; i++) {
                double v = rightTop * i / 5;
                double fy = TOP + plotH - (rightTop == 0 ? 0 : v / rightTop) * plotH;
                sb.append(line(rx, fy, rx + 5, fy));
                labels.append(text(rx + 8, fy + 4, "start", fmt(v)));
            }
            sb.append("</g>\n<g id=\"right-ticks\" fill=\"#333\">\n").append(labels)
                    .append("</g>\n<text id=\"right-label\" transform=\"translate(").append(num(rx + 55)).append(',')
                    .append(num(TOP + plotH / 2)).append(") rotate(90)\" text-anchor=\"middle\">")
                    .append(esc(rightLabel)).append("</text>\n");
        }
        sb.append("<text id=\"x-label\" x=\"").append(num(LEFT + plotW / 2)).append("\" y=\"").append(H - 15)
                .append("\" text-anchor=\"middle\">").append(esc(xLabel)).append("</text>\n");
        sb.append("<text id=\"y-label\" transform=\"translate(20,").append(num(TOP + plotH / 2))
                .append(") rotate(-90)\" text-anchor=\"middle\">").append(esc(yLabel + (logY ? " (log scale)" : "")))
                .append("</text>\n");
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String color = colour(s.name(), i);
            sb.append("<polyline class=\"series\" data-name=\"").append(esc(s.name())).append("\" fill=\"none\" stroke=\"")
                    .append(color).append("\" stroke-width=\"2\" points=\"");
            for (double[] p : s.points()) {
                sb.append(num(LEFT + (maxX == 0 ? 0 : p[0] / maxX) * plotW)).append(',')
                        .append(num(y.applyAsDouble(p[1]))).append(' ');
            }
            sb.append("\"/>\n");
            for (double[] p : s.marked()) {
                sb.append("<circle class=\"measured\" cx=\"").append(num(LEFT + (maxX == 0 ? 0 : p[0] / maxX) * plotW))
                        .append("\" cy=\"").append(num(y.applyAsDouble(p[1])))
                        .append("\" r=\"4\" fill=\"").append(color).append("\"/>\n");
            }
            legendY = legend(sb, legendX, legendY, color, "", s.name());
        }
        for (int i = 0; i < secondary.size(); i++) {
            Series s = secondary.get(i);
            String color = colour(s.name(), series.size() + i);
            java.util.function.DoubleUnaryOperator ry = v -> TOP + plotH - (rightTop == 0 ? 0 : v / rightTop) * plotH;
            sb.append("<polyline class=\"series right\" data-name=\"").append(esc(s.name()))
                    .append("\" fill=\"none\" stroke=\"").append(color)
                    .append("\" stroke-width=\"2\" stroke-dasharray=\"6 4\" points=\"");
            for (double[] p : s.points()) {
                sb.append(num(LEFT + (maxX == 0 ? 0 : p[0] / maxX) * plotW)).append(',').append(num(ry.applyAsDouble(p[1])))
                        .append(' ');
            }
            sb.append("\"/>\n");
            for (double[] p : s.marked()) {
                sb.append("<circle class=\"measured\" cx=\"").append(num(LEFT + (maxX == 0 ? 0 : p[0] / maxX) * plotW))
                        .append("\" cy=\"").append(num(ry.applyAsDouble(p[1]))).append("\" r=\"4\" fill=\"white\" stroke=\"")
                        .append(color).append("\" stroke-width=\"2\"/>\n");
            }
            legendY = legend(sb, legendX, legendY, color, " stroke-dasharray=\"6 4\"", s.name() + " (right)");
        }
        for (Range r : ranges) {
            int index = 0;
            for (int i = 0; i < series.size(); i++) {
                index = series.get(i).name().equals(r.series()) ? i : index;
            }
            String color = colour(r.series(), index);
            double rx = LEFT + (maxX == 0 ? 0 : r.x() / maxX) * plotW;
            double y1 = y.applyAsDouble(r.low());
            double y2 = y.applyAsDouble(r.high());
            sb.append("<g class=\"range\" data-name=\"").append(esc(r.series())).append("\" stroke=\"").append(color)
                    .append("\" stroke-width=\"3\">").append(line(rx, y1, rx, y2).strip())
                    .append(line(rx - 5, y1, rx + 5, y1).strip()).append(line(rx - 5, y2, rx + 5, y2).strip())
                    .append("<title>").append(esc(r.label())).append("</title></g>\n");
        }
        // Marker labels placed clear of one another: beside the point, flipped left near the plot's right edge, and
        // moved a line up or down until no label placed before it is in the way (widths estimated at 7 px a
        // character of the 12 px font, more than it takes).
        List<double[]> placed = new ArrayList<>();
        for (Marker m : markers) {
            double mx = LEFT + (maxX == 0 ? 0 : m.x() / maxX) * plotW;
            double my = y.applyAsDouble(m.y());
            double w = 7.0 * m.label().length();
            boolean left = mx + 8 + w > LEFT + plotW;
            double lx = left ? mx - 8 - w : mx + 8;
            double ly = my - 8;
            for (int step = 1; step < 40 && clash(placed, lx, ly - 12, w, 16); step++) {
                double shift = 16.0 * ((step + 1) / 2) * (step % 2 == 1 ? -1 : 1);
                ly = Math.min(TOP + plotH - 4, Math.max(TOP + 12, my - 8 + shift));
            }
            placed.add(new double[] {lx, ly - 12, w, 16});
            sb.append("<g class=\"marker\"><circle cx=\"").append(num(mx)).append("\" cy=\"").append(num(my))
                    .append("\" r=\"5\" fill=\"black\"/>").append(halo(text(left ? lx + w : lx, ly,
                            left ? "end" : "start", m.label()))).append("</g>\n");
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    /** @return whether a box (x, y, width, height) overlaps one of the boxes already placed */
    private static boolean clash(List<double[]> placed, double x, double y, double w, double h) {
        for (double[] b : placed) {
            if (x < b[0] + b[2] && b[0] < x + w && y < b[1] + b[3] && b[1] < y + h) {
                return true;
            }
        }
        return false;
    }

    /**
     * One legend entry: a short line in the series' colour and style, and its name, wrapped at spaces onto as many
     * lines as the room beside the plot needs (never cut short), in full on hover too.
     *
     * @return where the next entry goes
     */
    private static double legend(StringBuilder sb, int x, double y, String color, String style, String name) {
        int room = 28 - (x - (W - RIGHT + 15)) / 6;
        List<String> lines = wrap(name, room);
        sb.append("<g class=\"legend\"><line x1=\"").append(x).append("\" y1=\"").append(num(y)).append("\" x2=\"")
                .append(x + 25).append("\" y2=\"").append(num(y)).append("\" stroke=\"").append(color)
                .append("\" stroke-width=\"2\"").append(style).append("/>");
        for (int i = 0; i < lines.size(); i++) {
            sb.append(text(x + 30, y + 4 + 15 * i, "start", lines.get(i)));
        }
        sb.append("<title>").append(esc(name)).append("</title></g>\n");
        return y + 20 + 15 * (lines.size() - 1);
    }

    /** @return the text in lines of at most {@code room} characters, broken at spaces (a longer word on its own) */
    static List<String> wrap(String text, int room) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > room) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** The next "nice" axis maximum at or above v: 1, 2 or 5 times a power of ten. */
    static double nice(double v) {
        if (v <= 0) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String line(double x1, double y1, double x2, double y2) {
        return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) + "\"/>\n";
    }

    private static String text(double x, double y, String anchor, String s) {
        return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\">" + esc(s) + "</text>";
    }

    /** A label with a white outline drawn under it, so that it stays legible over the lines it crosses. */
    private static String halo(String textElement) {
        return textElement.replaceFirst("<text ", "<text stroke=\"white\" stroke-width=\"4\" paint-order=\"stroke\" ");
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** @return a tick label: at most three significant digits, SI-suffixed, no trailing zeros ({@code 0}, {@code 1.6k}) */
    static String fmt(double v) {
        if (v >= 1e9) {
            return trim(String.format(Locale.ROOT, "%.3g", v / 1e9)) + "B";
        }
        if (v >= 1e6) {
            return trim(String.format(Locale.ROOT, "%.3g", v / 1e6)) + "M";
        }
        if (v >= 1e3) {
            return trim(String.format(Locale.ROOT, "%.3g", v / 1e3)) + "k";
        }
        return v == 0 ? "0" : trim(String.format(Locale.ROOT, "%.3g", v));
    }

    private static String trim(String s) {
        return s.contains(".") && !s.contains("e") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /**
     * The compute options {@code compare} draws, in a fixed order: each keeps its colour in every chart, whatever its
     * rank in a workload.
     */
    private static final List<String> OPTIONS = List.of("Lambda (x86_64)", "Lambda (arm64)", "Fargate", "EC2",
            "Lightsail", "ECS on EC2", "EKS on Fargate", "App Runner");

    /** @return an option's own colour; another series takes the next colour by its place */
    static String colour(String name, int index) {
        int known = OPTIONS.indexOf(name);
        return COLORS[(known >= 0 ? known : OPTIONS.size() + index) % COLORS.length];
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
