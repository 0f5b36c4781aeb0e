package io.genai4j.course.chart;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatmapGridTest {
    @Test
    void headTitlesAreReadable(@TempDir Path dir) throws Exception {
        List<String> tokens = List.of("[CLS]", "the", "cat", "sat", "on", "the", "mat", ".", "[SEP]");
        int t = tokens.size();
        float[][][][] maps = new float[2][3][t][t];
        Path png = new HeatmapGrid("Attention", List.of("Layer 0", "Layer 1"), List.of("head 0", "head 1", "head 2"), tokens, maps)
                .subtitle("row = query token").save(dir.resolve("g.png"));
        BufferedImage img = ImageIO.read(png.toFile());
        // The band between the subtitle (baseline 48) and the first map (top 80) holds only the head titles.
        int top = Integer.MAX_VALUE, bottom = -1, darkest = 255;
        for (int y = 54; y < 78; y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y), grey = ((rgb >> 16 & 255) + (rgb >> 8 & 255) + (rgb & 255)) / 3;
                if (grey > 160) continue;
                top = Math.min(top, y);
                bottom = Math.max(bottom, y);
                darkest = Math.min(darkest, grey);
            }
        }
        int height = bottom - top + 1;
        assertTrue(height >= 11, "'head 0' is " + height + " px tall (ascender to baseline)");
        assertTrue(darkest < 80, "in ink, not light grey: " + darkest);
    }
}
