package io.genai4j.course.chart;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelPlacerTest {
    @Test
    void crowdedLabelsCoverNeitherEachOtherNorThePoints() {
        // The word2vec map's trouble spots: pairs of words a few pixels apart (princess/girl, son/father, lady/brother).
        double[][] pts = {{300, 200}, {306, 203}, {200, 400}, {203, 396}, {210, 402}, {500, 300}, {505, 300}, {510, 305}, {100, 100}, {104, 98}};
        String[] words = {"princess", "girl", "son", "father", "lady", "brother", "prince", "queen", "man", "woman"};
        LabelPlacer placer = new LabelPlacer(new Rectangle2D.Double(0, 0, 900, 680));
        for (double[] p : pts) placer.obstacle(p[0], p[1], 5);
        List<Rectangle2D> boxes = new ArrayList<>();
        for (int i = 0; i < pts.length; i++) {
            LabelPlacer.Spot s = placer.place(pts[i][0], pts[i][1], 7.5 * words[i].length(), 12, 3);
            assertTrue(new Rectangle2D.Double(0, 0, 900, 680).contains(s.box()), words[i] + " stays on the plot");
            assertTrue(s.box().getCenterX() > pts[i][0] - 120 && s.box().getCenterX() < pts[i][0] + 120, words[i] + " stays near its point");
            boxes.add(s.box());
        }
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                assertFalse(boxes.get(i).intersects(boxes.get(j)), words[i] + " and " + words[j] + " overlap");
            }
            for (double[] p : pts) assertFalse(boxes.get(i).intersects(p[0] - 4, p[1] - 4, 8, 8), words[i] + " covers a point");
        }
    }

    @Test
    void aLoneLabelSitsRightOfItsPoint() {
        LabelPlacer placer = new LabelPlacer(new Rectangle2D.Double(0, 0, 400, 400));
        LabelPlacer.Spot s = placer.place(100, 100, 40, 12, 3);
        assertTrue(s.box().getX() > 100 && s.box().getX() < 110, "" + s.box());
        assertFalse(s.far());
    }
}
