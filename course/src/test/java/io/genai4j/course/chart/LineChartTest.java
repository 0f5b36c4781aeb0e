package io.genai4j.course.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineChartTest {
    @Test
    void writesAPngWithBothSeries(@TempDir Path dir) throws Exception {
        double[] x = {0, 250, 500, 750};
        Path png = new LineChart("loss", "iteration", "nats").series("train", x, new double[] {4.2, 2.5, 2.0, 1.8})
                .series("val", x, new double[] {4.2, 2.6, 2.1, 1.9}).save(dir.resolve("loss.png"));
        BufferedImage img = ImageIO.read(Files.newInputStream(png));
        assertEquals(760, img.getWidth());
        // Both series colours appear somewhere in the plot area.
        int c0 = Canvas.PALETTE[0].getRGB(), c1 = Canvas.PALETTE[1].getRGB();
        boolean seen0 = false, seen1 = false;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int xx = 0; xx < img.getWidth(); xx++) {
                int rgb = img.getRGB(xx, y);
                seen0 |= rgb == c0;
                seen1 |= rgb == c1;
            }
        }
        assertEquals(true, seen0 && seen1);
    }
}
