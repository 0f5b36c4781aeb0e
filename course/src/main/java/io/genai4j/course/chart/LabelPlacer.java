package io.genai4j.course.chart;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Places point labels so they do not cover each other or the points. Greedy, in the order asked:
 * each label tries spots around its point (right, left, above, below, the diagonals), then the same
 * spots further out, and takes the first free one inside the bounds, or else the one overlapping
 * least. Good enough for a few dozen words on a word-vector map; a label pushed away from its point
 * is told so ({@link Spot#far}) so the caller can draw a leader line.
 */
final class LabelPlacer {
    /** Where a label goes: its box (text from box.x, baseline at baseline) and whether it left its point's side. */
    record Spot(Rectangle2D box, double baseline, boolean far) {}

    private final Rectangle2D bounds;
    private final List<Rectangle2D> taken = new ArrayList<>();

    LabelPlacer(Rectangle2D bounds) {
        this.bounds = bounds;
    }

    /** A point's marker (radius r around x, y): no label may cover it. */
    void obstacle(double x, double y, double r) {
        taken.add(new Rectangle2D.Double(x - r, y - r, 2 * r, 2 * r));
    }

    /** Finds a place for a label w × (ascent + descent) near point (x, y) and reserves it. */
    Spot place(double x, double y, double w, double ascent, double descent) {
        double h = ascent + descent, gap = 6;
        Spot best = null;
        double bestCost = Double.MAX_VALUE;
        for (int ring = 0; ring < 4; ring++) {
            double d = gap + ring * h;
            // Left edges and tops of the candidate boxes, nearest and most readable first.
            double[][] spots = {
                    {x + d, y - h + descent - d * 0.2}, {x + d, y - descent + d * 0.2},       // right, slightly up / down
                    {x - d - w, y - h + descent - d * 0.2}, {x - d - w, y - descent + d * 0.2}, // left
                    {x - w / 2, y - d - h}, {x - w / 2, y + d},                                 // above, below
                    {x + d, y - d - h}, {x - d - w, y - d - h}, {x + d, y + d}, {x - d - w, y + d}};
            for (double[] s : spots) {
                Rectangle2D box = new Rectangle2D.Double(s[0], s[1], w, h);
                double cost = overlap(box) + (bounds.contains(box) ? 0 : 1e6) + ring * 0.01;
                if (cost < bestCost) {
                    bestCost = cost;
                    best = new Spot(box, s[1] + ascent, ring > 0);
                }
                if (cost < 1) {
                    taken.add(box);
                    return best;
                }
            }
        }
        taken.add(best.box());
        return best;
    }

    private double overlap(Rectangle2D box) {
        double area = 0;
        for (Rectangle2D t : taken) {
            Rectangle2D i = box.createIntersection(t);
            if (i.getWidth() > 0 && i.getHeight() > 0) area += i.getWidth() * i.getHeight();
        }
        return area;
    }
}
