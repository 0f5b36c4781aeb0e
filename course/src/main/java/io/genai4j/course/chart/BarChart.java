package io.genai4j.course.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bar chart: one bar per labelled value, vertical (a ladder of models) or horizontal (a
 * next-token table, where labels are long). Each bar may carry its own colour, so a chart can
 * group bars by family.
 *
 * <pre>
 *   new BarChart("Validation loss", "nats per character")
 *       .bar("unigram", 3.35).bar("bigram", 2.48).bar("5-gram", 1.56)
 *       .save(Path.of("ladder.png"));
 * </pre>
 */
public final class BarChart {
    private final String title;
    private final String valueAxis;
    private final List<String> labels = new ArrayList<>();
    private final List<Double> values = new ArrayList<>();
    private final List<Color> colors = new ArrayList<>();
    private String subtitle;
    private boolean horizontal;
    private String valueFormat = "%.3f";
    private int width = 900, height = 520;

    public BarChart(String title, String valueAxis) {
        this.title = title;
        this.valueAxis = valueAxis;
    }

    public BarChart subtitle(String s) {
        subtitle = s;
        return this;
    }

    /** Bars run left to right from the labels (for long labels or many bars). */
    public BarChart horizontal() {
        horizontal = true;
        return this;
    }

    /** printf format of the value printed at each bar's end, e.g. {@code "%.1f%%"}. */
    public BarChart valueFormat(String f) {
        valueFormat = f;
        return this;
    }

    public BarChart size(int w, int h) {
        width = w;
        height = h;
        return this;
    }

    public BarChart bar(String label, double value) {
        return bar(label, value, Canvas.PALETTE[0]);
    }

    public BarChart bar(String label, double value, Color color) {
        if (!Double.isFinite(value) || value < 0) throw new IllegalArgumentException("bar values must be finite and >= 0, got " + value + " for " + label);
        labels.add(label);
        values.add(value);
        colors.add(color);
        return this;
    }

    /** Draws the chart on a new canvas. */
    public Canvas render() {
        if (labels.isEmpty()) throw new IllegalStateException("a bar chart needs at least one bar");
        Canvas c = new Canvas(width, height);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        double top = niceTop(max);
        Font labelFont = Canvas.font(12, false), valueFont = Canvas.font(11, false);
        int n = labels.size();
        if (horizontal) {
            double labelWidth = Math.min(width * 0.3, labels.stream().mapToDouble(l -> c.textWidth(l, labelFont)).max().orElse(0) + 16);
            Axes a = new Axes(c, labelWidth + 10, subtitle == null ? 50 : 66, 70, 46).xRange(0, top);
            a.title(title, subtitle);
            a.xGrid(valueAxis, 6);
            double band = a.height() / n, thick = band * 0.7;
            for (int i = 0; i < n; i++) {
                double y0 = a.top + i * band + (band - thick) / 2;
                fill(c, new Rectangle2D.Double(a.left, y0, a.x(values.get(i)) - a.left, thick), colors.get(i));
                double mid = y0 + thick / 2 + 4;
                c.text(c.fit(labels.get(i), labelFont, labelWidth - 8), a.left - 8, mid, Canvas.Anchor.RIGHT, labelFont, Canvas.INK);
                c.text(String.format(Locale.ROOT, valueFormat, values.get(i)), a.x(values.get(i)) + 6, mid, Canvas.Anchor.LEFT, valueFont, Canvas.INK);
            }
            a.frame();
        } else {
            Axes a = new Axes(c, 70, subtitle == null ? 56 : 72, 24, 60).yRange(0, top);
            a.title(title, subtitle);
            a.yGrid(valueAxis, 6);
            double band = a.width() / n, thick = Math.min(band * 0.7, 120);
            for (int i = 0; i < n; i++) {
                double x0 = a.left + i * band + (band - thick) / 2;
                double y = a.y(values.get(i));
                fill(c, new Rectangle2D.Double(x0, y, thick, a.bottom - y), colors.get(i));
                c.text(String.format(Locale.ROOT, valueFormat, values.get(i)), x0 + thick / 2, y - 6, Canvas.Anchor.CENTER, valueFont, Canvas.INK);
                c.text(c.fit(labels.get(i), labelFont, band - 4), x0 + thick / 2, a.bottom + 18, Canvas.Anchor.CENTER, labelFont, Canvas.INK);
            }
            a.frame();
        }
        return c;
    }

    public Path save(Path png) {
        return render().savePng(png);
    }

    private static void fill(Canvas c, Rectangle2D r, Color color) {
        c.graphics().setColor(color);
        c.graphics().fill(r);
    }

    /** The axis end: the first nice tick at or above the largest value, with a little headroom. */
    private static double niceTop(double max) {
        if (max <= 0) return 1;
        List<Double> ticks = Axes.niceTicks(0, max * 1.08, 6);
        double last = ticks.get(ticks.size() - 1);
        return last >= max * 1.05 ? last : last + (ticks.size() > 1 ? ticks.get(1) - ticks.get(0) : max * 0.1);
    }
}
