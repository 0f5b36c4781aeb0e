package io.genai4j.course.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Labelled points in the plane (a 2-D projection of word vectors), optionally coloured by group and joined by arrows. */
public final class ScatterPlot {
    private record Point(String label, double x, double y, int group) {}

    private record Arrow(int from, int to) {}

    private final String title, xAxis, yAxis;
    private String subtitle;
    private final List<Point> points = new ArrayList<>();
    private final List<Arrow> arrows = new ArrayList<>();

    public ScatterPlot(String title, String xAxis, String yAxis) {
        this.title = title;
        this.xAxis = xAxis;
        this.yAxis = yAxis;
    }

    public ScatterPlot subtitle(String s) {
        subtitle = s;
        return this;
    }

    /** Adds a point; returns its index (for arrows). */
    public int point(String label, double x, double y, int group) {
        points.add(new Point(label, x, y, group));
        return points.size() - 1;
    }

    /** An arrow from point a to point b (e.g. man → woman). */
    public ScatterPlot arrow(int a, int b) {
        arrows.add(new Arrow(a, b));
        return this;
    }

    public Path save(Path png) {
        if (points.isEmpty()) throw new IllegalArgumentException("a scatter plot needs at least one point");
        Canvas c = new Canvas(900, 680);
        Axes ax = new Axes(c, 70, 70, 30, 60);
        double x0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y0 = Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (Point p : points) {
            x0 = Math.min(x0, p.x);
            x1 = Math.max(x1, p.x);
            y0 = Math.min(y0, p.y);
            y1 = Math.max(y1, p.y);
        }
        double px = Math.max(1e-6, (x1 - x0) * 0.08), py = Math.max(1e-6, (y1 - y0) * 0.08);
        ax.xRange(x0 - px, x1 + px).yRange(y0 - py, y1 + py);
        ax.title(title, subtitle);
        ax.xGrid(xAxis, 8);
        ax.yGrid(yAxis, 8);
        ax.frame();
        var g = c.graphics();
        for (Arrow a : arrows) {
            Point p = points.get(a.from), q = points.get(a.to);
            g.setColor(new Color(0xAA, 0xAA, 0xAA));
            double sx = ax.x(p.x), sy = ax.y(p.y), ex = ax.x(q.x), ey = ax.y(q.y);
            g.draw(new Line2D.Double(sx, sy, ex, ey));
            double ang = Math.atan2(ey - sy, ex - sx);
            for (double d : new double[] {-0.4, 0.4}) {
                g.draw(new Line2D.Double(ex, ey, ex - 9 * Math.cos(ang + d), ey - 9 * Math.sin(ang + d)));
            }
        }
        for (Point p : points) {
            g.setColor(Canvas.PALETTE[Math.floorMod(p.group, Canvas.PALETTE.length)]);
            g.fill(new Ellipse2D.Double(ax.x(p.x) - 4, ax.y(p.y) - 4, 8, 8));
        }
        // Labels after every marker, each placed where it covers no other label and no point.
        Font font = Canvas.font(13, false);
        LabelPlacer placer = new LabelPlacer(new Rectangle2D.Double(ax.left, ax.top, ax.width(), ax.height()));
        for (Point p : points) placer.obstacle(ax.x(p.x), ax.y(p.y), 5);
        var metrics = g.getFontMetrics(font);
        for (Point p : points) {
            double x = ax.x(p.x), y = ax.y(p.y);
            LabelPlacer.Spot s = placer.place(x, y, c.textWidth(p.label, font), metrics.getAscent(), metrics.getDescent());
            if (s.far()) {
                g.setColor(new Color(0xBB, 0xBB, 0xBB));
                var b = s.box();
                double lx = Math.max(b.getMinX(), Math.min(x, b.getMaxX())), ly = Math.max(b.getMinY(), Math.min(y, b.getMaxY()));
                g.draw(new Line2D.Double(x, y, lx, ly));
            }
            c.text(p.label, s.box().getX(), s.baseline(), Canvas.Anchor.LEFT, font, Canvas.INK);
        }
        return c.savePng(png);
    }
}
