package io.genai4j.course.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BarChartTest {
    @Test
    void niceTicksAreRoundAndCoverTheRange() {
        assertEquals(List.of(0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5), Axes.niceTicks(0, 3.6, 8));
        assertEquals(List.of(0.0, 20.0, 40.0, 60.0, 80.0, 100.0), Axes.niceTicks(0, 100, 5));
        assertEquals("0.25", Axes.format(0.25));
        assertEquals("3", Axes.format(3.0));
    }

    @Test
    void barsAreDrawnToScaleAndSavedAsPng(@TempDir Path dir) throws Exception {
        Path png = new BarChart("Validation loss", "nats per character")
                .bar("unigram", 3.0).bar("half", 1.5)
                .size(400, 300).save(dir.resolve("chart.png"));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(400, img.getWidth());
        assertEquals(300, img.getHeight());
        int blue = Canvas.PALETTE[0].getRGB();
        // Plot area: left 70, right 376 → two bands of 153 px, bar centres at x ≈ 146 and 299.
        int top1 = topOfBar(img, 146, blue), top2 = topOfBar(img, 299, blue);
        int base = 300 - 60;
        assertEquals(2.0, (double) (base - top1) / (base - top2), 0.05, "bar heights must be in proportion to the values");
        assertNotEquals(blue, img.getRGB(5, 5));
    }

    @Test
    void horizontalChartsRenderAndBadValuesAreRejected() {
        Canvas c = new BarChart("Next word", "probability").horizontal().bar("lunch", 0.4).bar("a very long label indeed", 0.1).render();
        assertEquals(900, c.width());
        assertThrows(IllegalArgumentException.class, () -> new BarChart("t", "v").bar("nan", Double.NaN));
        assertThrows(IllegalStateException.class, () -> new BarChart("t", "v").render());
    }

    private static int topOfBar(BufferedImage img, int x, int rgb) {
        for (int y = 0; y < img.getHeight(); y++) if (img.getRGB(x, y) == rgb) return y;
        throw new AssertionError("no bar at x=" + x);
    }
}
