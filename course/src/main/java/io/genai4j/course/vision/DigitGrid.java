package io.genai4j.course.vision;

import io.genai4j.course.chart.Canvas;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * A grid of grey-scale images, each scaled up with its caption underneath (e.g. "7 → 7"); captions
 * of cells marked wrong are drawn in red. Pixel values in [0, 1], ink dark on white as on paper.
 */
public final class DigitGrid {
    /** One cell: the pixels (h·w), its caption and whether to flag it. */
    public record Cell(float[] pixels, String caption, boolean flagged) {}

    private static final Color WRONG = new Color(0xC6, 0x28, 0x28);

    private DigitGrid() {}

    public static Path save(Path png, String title, List<Cell> cells, int h, int w, int columns) {
        if (cells.isEmpty()) throw new IllegalArgumentException("a digit grid needs at least one image");
        int scale = 3, cellW = w * scale + 12, cellH = h * scale + 26, cols = Math.min(columns, cells.size());
        int rows = (cells.size() + cols - 1) / cols;
        Canvas c = new Canvas(Math.max(cols * cellW + 20, 320), rows * cellH + 50);
        c.text(title, 10, 24, Canvas.Anchor.LEFT, Canvas.font(15, true), Canvas.INK);
        for (int k = 0; k < cells.size(); k++) {
            Cell cell = cells.get(k);
            int x0 = 10 + (k % cols) * cellW, y0 = 38 + (k / cols) * cellH;
            c.graphics().drawImage(grey(cell.pixels(), h, w, scale), x0, y0, null);
            c.text(cell.caption(), x0 + w * scale / 2.0, y0 + h * scale + 15, Canvas.Anchor.CENTER, Canvas.font(11, cell.flagged()),
                    cell.flagged() ? WRONG : Canvas.INK);
        }
        return c.savePng(png);
    }

    /** The image scaled up by an integer factor, 0 white and 1 black. */
    static BufferedImage grey(float[] px, int h, int w, int scale) {
        BufferedImage img = new BufferedImage(w * scale, h * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h * scale; y++) {
            for (int x = 0; x < w * scale; x++) {
                int v = 255 - Math.round(255 * Math.clamp(px[(y / scale) * w + x / scale], 0f, 1f));
                img.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        return img;
    }
}
