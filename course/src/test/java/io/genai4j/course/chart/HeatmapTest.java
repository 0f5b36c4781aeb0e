package io.genai4j.course.chart;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatmapTest {
    @Test
    void aShortSentenceUnderALongTitleStillFillsThePicture(@TempDir Path dir) throws Exception {
        // A 9 × 7 translation: before, 36 px cells under a 700 px subtitle covered ~26% of the canvas.
        List<String> target = List.of("je", "suis", "très", "froid", "aujourd", "'", "hui", ".", "</s>");
        List<String> source = List.of("i", "am", "very", "cold", "today", ".", "</s>");
        float[][] v = new float[target.size()][source.size()];
        for (float[] row : v) java.util.Arrays.fill(row, 1f);
        Path png = new Heatmap("transformer attention: \"i am very cold today.\"", target, source, v)
                .subtitle("row: target token written at that step; column: source token; shade: attention weight (each row sums to 1)")
                .save(dir.resolve("h.png"));
        BufferedImage img = ImageIO.read(png.toFile());
        int full = HeatmapGrid.shade(1f).getRGB();
        int minX = Integer.MAX_VALUE, maxX = -1;
        long cells = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (img.getRGB(x, y) != full) continue;
                cells++;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
            }
        }
        double area = (double) cells / ((long) img.getWidth() * img.getHeight());
        double width = (maxX - minX + 1.0) / img.getWidth();
        assertTrue(area > 0.4, "the matrix covers " + area + " of the canvas");
        assertTrue(width > 0.6, "the matrix spans " + width + " of the width");
        int centre = (minX + maxX) / 2;
        assertTrue(centre > img.getWidth() / 2, "the matrix (right of its labels) sits in the middle, not at the left edge: " + centre);
    }
}
