package io.genai4j.course.vision;

import io.genai4j.course.chart.Canvas;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * The ViT's attention over one digit, one panel per layer: the digit in grey under a red overlay
 * whose opacity is the class token's attention to each patch, scaled to the panel's largest value
 * (so every layer shows where it looks most, whatever its absolute spread). Patches are drawn as
 * the blocks they are, not smoothed.
 */
public final class AttentionOverlay {
    private static final int SCALE = 6;

    private AttentionOverlay() {}

    /** maps[layer][gy][gx] over a grid of patches covering the h×w image. */
    public static Path save(Path png, String title, String subtitle, float[] pixels, int h, int w, float[][][] maps, List<String> panelTitles) {
        int n = maps.length, pw = w * SCALE, ph = h * SCALE, gap = 14;
        Canvas c = new Canvas(Math.max(n * (pw + gap) + gap, 360), ph + 96);
        c.text(title, gap, 24, Canvas.Anchor.LEFT, Canvas.font(15, true), Canvas.INK);
        c.text(subtitle, gap, 44, Canvas.Anchor.LEFT, Canvas.font(12, false), Canvas.MUTED);
        for (int l = 0; l < n; l++) {
            int x0 = gap + l * (pw + gap), y0 = 60;
            c.graphics().drawImage(overlay(pixels, h, w, maps[l]), x0, y0, null);
            c.text(panelTitles.get(l), x0 + pw / 2.0, y0 + ph + 18, Canvas.Anchor.CENTER, Canvas.font(12, false), Canvas.INK);
        }
        return c.savePng(png);
    }

    static BufferedImage overlay(float[] px, int h, int w, float[][] map) {
        int grid = map.length;
        float max = 1e-12f;
        for (float[] r : map) for (float v : r) max = Math.max(max, v);
        BufferedImage img = new BufferedImage(w * SCALE, h * SCALE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h * SCALE; y++) {
            for (int x = 0; x < w * SCALE; x++) {
                int iy = y / SCALE, ix = x / SCALE;
                float ink = 1 - Math.clamp(px[iy * w + ix], 0f, 1f);
                float a = Math.clamp(map[iy * grid / h][ix * grid / w] / max, 0f, 1f) * 0.7f;
                int grey = Math.round(255 * ink);
                int r = Math.round(grey * (1 - a) + 230 * a), g = Math.round(grey * (1 - a) + 30 * a), b = Math.round(grey * (1 - a) + 30 * a);
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return img;
    }
}
