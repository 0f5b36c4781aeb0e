package io.genai4j.course.captioner;

import io.genai4j.course.chart.Canvas;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * A scene and, one panel per generated word, where the captioner looked while writing it: the
 * scene dimmed everywhere except the patches it attended to, in proportion to the attention
 * (scaled to the panel's largest value, so every word shows its own peak). Patches are drawn as
 * blocks. The first panel is the scene itself.
 */
public final class WordAttentionPicture {
    private static final int SCALE = 3, PER_ROW = 8;

    private WordAttentionPicture() {}

    /** rgb: three planes of size×size values in [0, 1]; maps[word][gy][gx] over the patch grid. */
    public static Path save(Path png, String title, String subtitle, float[] rgb, int size, float[][][] maps, List<String> words) {
        int panels = maps.length + 1, side = size * SCALE, gap = 12, cols = Math.min(panels, PER_ROW), rows = (panels + PER_ROW - 1) / PER_ROW;
        Canvas c = new Canvas(Math.max(cols * (side + gap) + gap, 480), 60 + rows * (side + 30) + 10);
        c.text(title, gap, 24, Canvas.Anchor.LEFT, Canvas.font(15, true), Canvas.INK);
        c.text(subtitle, gap, 44, Canvas.Anchor.LEFT, Canvas.font(12, false), Canvas.MUTED);
        for (int i = 0; i < panels; i++) {
            int x0 = gap + (i % PER_ROW) * (side + gap), y0 = 56 + (i / PER_ROW) * (side + 30);
            c.graphics().drawImage(panel(rgb, size, i == 0 ? null : maps[i - 1]), x0, y0, null);
            c.text(i == 0 ? "scene" : words.get(i - 1), x0 + side / 2.0, y0 + side + 16, Canvas.Anchor.CENTER, Canvas.font(12, i > 0), Canvas.INK);
        }
        return c.savePng(png);
    }

    static BufferedImage panel(float[] rgb, int size, float[][] map) {
        float max = 1e-12f;
        if (map != null) for (float[] r : map) for (float v : r) max = Math.max(max, v);
        int plane = size * size;
        BufferedImage img = new BufferedImage(size * SCALE, size * SCALE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size * SCALE; y++) {
            for (int x = 0; x < size * SCALE; x++) {
                int iy = y / SCALE, ix = x / SCALE, at = iy * size + ix;
                float a = map == null ? 1f : Math.clamp(map[iy * map.length / size][ix * map.length / size] / max, 0f, 1f);
                // attended patches keep their colours and get a grey floor so dark background shows them; the rest fades to black
                float lift = map == null ? 0f : 0.35f * a;
                int r = channel(rgb[at], a, lift), g = channel(rgb[plane + at], a, lift), b = channel(rgb[2 * plane + at], a, lift);
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return img;
    }

    private static int channel(float v, float a, float lift) {
        return Math.round(255 * Math.clamp(v * (0.25f + 0.75f * a) + lift * (1 - v), 0f, 1f));
    }
}
