package io.genai4j.course.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VisionPicturesTest {

    @Test
    void pngDigitRoundTripsAndInvertsDarkInkOnWhite(@TempDir Path dir) throws Exception {
        float[] px = new float[28 * 28];
        for (int i = 0; i < 28; i++) px[i * 28 + 14] = 1f;                       // a white "1" on black, as MNIST
        assertArrayEquals(px, PngDigit.read(PngDigit.write(dir.resolve("one.png"), px, 28), 28), 1e-6f);

        BufferedImage paper = new BufferedImage(56, 56, BufferedImage.TYPE_INT_RGB);   // a black stroke on white paper, twice the size
        for (int y = 0; y < 56; y++) for (int x = 0; x < 56; x++) paper.setRGB(x, y, x / 2 == 14 ? 0 : 0xFFFFFF);
        ImageIO.write(paper, "png", dir.resolve("paper.png").toFile());
        assertArrayEquals(px, PngDigit.read(dir.resolve("paper.png"), 28), 1e-6f);
    }

    @Test
    void overlayTintsThePatchWithTheMostAttention() {
        float[] blank = new float[28 * 28];
        float[][] map = {{0, 0}, {0, 1}};                                         // bottom-right patch only
        BufferedImage img = AttentionOverlay.overlay(blank, 28, 28, map);
        int tinted = img.getRGB(img.getWidth() - 1, img.getHeight() - 1), plain = img.getRGB(0, 0);
        assertEquals(0xFFFFFF, plain & 0xFFFFFF);
        assertTrue(((tinted >> 8) & 0xFF) < 100, "green channel drops under the red tint");
    }

    @Test
    void gridAndChartAreWritten(@TempDir Path dir) throws Exception {
        float[] px = new float[16];
        px[5] = 1f;
        Path grid = DigitGrid.save(dir.resolve("grid.png"), "samples", List.of(new DigitGrid.Cell(px, "1 → 1", false),
                new DigitGrid.Cell(px, "1 → 7", true)), 4, 4, 8);
        assertTrue(ImageIO.read(grid.toFile()).getWidth() >= 320);
        Path chart = DataSizeChart.save(dir.resolve("c.png"), "test", List.of(new DataSizeChart.Point("cnn", 250, 0.8),
                new DataSizeChart.Point("cnn", 500, 0.9), new DataSizeChart.Point("vit", 250, 0.6), new DataSizeChart.Point("vit", 500, 0.7)));
        assertTrue(ImageIO.read(chart.toFile()).getHeight() > 100);
    }
}
