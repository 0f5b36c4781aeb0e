package io.genai4j.course.chart;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plot area of a chart: a rectangle inside the canvas margins, linear scales from data to
 * pixels on both axes, and the gridlines, tick labels and axis titles around it. Bar charts, loss
 * curves and heatmaps all start here.
 */
public final class Axes {
    private final Canvas canvas;
    public final double left, top, right, bottom;
    private double xMin = 0, xMax = 1, yMin = 0, yMax = 1;

    /** Margins in pixels: room for the title (top), tick labels and axis titles. */
    public Axes(Canvas canvas, double marginLeft, double marginTop, double marginRight, double marginBottom) {
        this.canvas = canvas;
        this.left = marginLeft;
        this.top = marginTop;
        this.right = canvas.width() - marginRight;
        this.bottom = canvas.height() - marginBottom;
        if (right - left < 10 || bottom - top < 10) throw new IllegalArgumentException("margins leave no room to plot");
    }

    public Axes xRange(double min, double max) {
        if (!(max > min)) throw new IllegalArgumentException("empty x range " + min + ".." + max);
        xMin = min;
        xMax = max;
        return this;
    }

    public Axes yRange(double min, double max) {
        if (!(max > min)) throw new IllegalArgumentException("empty y range " + min + ".." + max);
        yMin = min;
        yMax = max;
        return this;
    }

    /** Pixel column of a data x. */
    public double x(double v) {
        return left + (v - xMin) / (xMax - xMin) * (right - left);
    }

    /** Pixel row of a data y (up is larger). */
    public double y(double v) {
        return bottom - (v - yMin) / (yMax - yMin) * (bottom - top);
    }

    public double width() {
        return right - left;
    }

    public double height() {
        return bottom - top;
    }

    /** Horizontal gridlines and labels at "nice" y values, plus the y-axis title. */
    public void yGrid(String title, int maxTicks) {
        Font f = Canvas.font(12, false);
        var g = canvas.graphics();
        for (double t : niceTicks(yMin, yMax, maxTicks)) {
            double py = y(t);
            g.setColor(Canvas.GRID);
            g.draw(new Line2D.Double(left, py, right, py));
            canvas.text(format(t), left - 8, py + 4, Canvas.Anchor.RIGHT, f, Canvas.MUTED);
        }
        if (title != null) canvas.verticalText(title, 18, (top + bottom) / 2, Canvas.font(13, false), Canvas.INK);
    }

    /** Vertical gridlines and labels at "nice" x values, plus the x-axis title. */
    public void xGrid(String title, int maxTicks) {
        Font f = Canvas.font(12, false);
        var g = canvas.graphics();
        for (double t : niceTicks(xMin, xMax, maxTicks)) {
            double px = x(t);
            g.setColor(Canvas.GRID);
            g.draw(new Line2D.Double(px, top, px, bottom));
            canvas.text(format(t), px, bottom + 18, Canvas.Anchor.CENTER, f, Canvas.MUTED);
        }
        if (title != null) canvas.text(title, (left + right) / 2, canvas.height() - 10, Canvas.Anchor.CENTER, Canvas.font(13, false), Canvas.INK);
    }

    /** The baseline along the bottom and left edges. */
    public void frame() {
        var g = canvas.graphics();
        g.setColor(Canvas.MUTED);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Line2D.Double(left, bottom, right, bottom));
        g.draw(new Line2D.Double(left, top, left, bottom));
    }

    /** Title and optional subtitle above the plot area. */
    public void title(String title, String subtitle) {
        canvas.text(title, left, 28, Canvas.Anchor.LEFT, Canvas.font(17, true), Canvas.INK);
        if (subtitle != null) canvas.text(subtitle, left, 48, Canvas.Anchor.LEFT, Canvas.font(12, false), Canvas.MUTED);
    }

    /**
     * Round tick values (1, 2 or 5 times a power of ten apart) covering [min, max] with at most
     * about {@code maxTicks} ticks.
     */
    public static List<Double> niceTicks(double min, double max, int maxTicks) {
        double span = max - min;
        double raw = span / Math.max(1, maxTicks);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[] {1, 2, 5, 10}) {
            step = m * mag;
            if (step >= raw) break;
        }
        List<Double> out = new ArrayList<>();
        for (double t = Math.ceil(min / step - 1e-9) * step; t <= max + step * 1e-9; t += step) out.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        return out;
    }

    /** A short label for a tick value: no trailing zeros, no exponent for everyday ranges. */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return String.valueOf((long) v);
        String s = String.format(Locale.ROOT, "%.4f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
