package io.genai4j.course.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Lines over a shared x axis (loss curves: train and val loss against iterations). */
public final class LineChart {
    private record Series(String name, double[] x, double[] y, Color color) {}

    private final String title, xAxis, yAxis;
    private String subtitle = "";
    private final List<Series> series = new ArrayList<>();
    private int width = 760, height = 460;

    public LineChart(String title, String xAxis, String yAxis) {
        this.title = title;
        this.xAxis = xAxis;
        this.yAxis = yAxis;
    }

    public LineChart subtitle(String s) {
        this.subtitle = s;
        return this;
    }

    public LineChart series(String name, double[] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException("series " + name + ": x and y differ in length");
        series.add(new Series(name, x.clone(), y.clone(), Canvas.PALETTE[series.size() % Canvas.PALETTE.length]));
        return this;
    }

    public Canvas render() {
        Canvas c = new Canvas(width, height);
        Axes ax = new Axes(c, 70, 70, 30, 60);
        double xmin = Double.POSITIVE_INFINITY, xmax = Double.NEGATIVE_INFINITY, ymin = Double.POSITIVE_INFINITY, ymax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x.length; i++) {
                if (!Double.isFinite(s.y[i])) continue;
                xmin = Math.min(xmin, s.x[i]);
                xmax = Math.max(xmax, s.x[i]);
                ymin = Math.min(ymin, s.y[i]);
                ymax = Math.max(ymax, s.y[i]);
            }
        }
        if (xmin > xmax) {
            xmin = 0;
            xmax = 1;
            ymin = 0;
            ymax = 1;
        }
        double pad = (ymax - ymin) * 0.05 + 1e-9;
        ax.xRange(xmin, xmax == xmin ? xmin + 1 : xmax).yRange(ymin - pad, ymax + pad);
        ax.title(title, subtitle);
        ax.yGrid(yAxis, 8);
        ax.xGrid(xAxis, 10);
        Graphics2D g = c.graphics();
        g.setStroke(new BasicStroke(2f));
        double legendY = ax.top + 14;
        for (Series s : series) {
            Path2D path = new Path2D.Double();
            boolean started = false;
            for (int i = 0; i < s.x.length; i++) {
                if (!Double.isFinite(s.y[i])) continue;
                double px = ax.x(s.x[i]), py = ax.y(s.y[i]);
                if (started) path.lineTo(px, py);
                else path.moveTo(px, py);
                started = true;
            }
            g.setColor(s.color);
            g.draw(path);
            g.fillRect((int) ax.right - 130, (int) legendY - 8, 14, 4);
            c.text(s.name, ax.right - 110, legendY - 2, Canvas.Anchor.LEFT, Canvas.font(12, false), Canvas.INK);
            legendY += 18;
        }
        ax.frame();
        return c;
    }

    public Path save(Path png) {
        return render().savePng(png);
    }
}
