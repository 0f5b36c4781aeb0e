package io.genai4j.course.generative;

import io.genai4j.course.chart.Axes;
import io.genai4j.course.chart.Canvas;
import io.genai4j.models.vae.LatentPlane;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A 2-D VAE's latent plane in two panels on the same axes: left, the decoder's digit at each grid
 * point of z; right, the test digits' means μ coloured by their label. Reading across shows which
 * region of the plane draws which digit, and whether the encoder agrees.
 */
public final class LatentMapChart {
    /** Ten distinguishable colours, one per digit (Tableau 10). */
    static final Color[] DIGITS = {
            new Color(0x4E, 0x79, 0xA7), new Color(0xF2, 0x8E, 0x2B), new Color(0xE1, 0x57, 0x59), new Color(0x76, 0xB7, 0xB2),
            new Color(0x59, 0xA1, 0x4F), new Color(0xED, 0xC9, 0x48), new Color(0xB0, 0x7A, 0xA1), new Color(0xFF, 0x9D, 0xA7),
            new Color(0x9C, 0x75, 0x5F), new Color(0x33, 0x33, 0x33)};

    private LatentMapChart() {}

    public static Path save(Path png, String title, LatentPlane.Map map, int side) {
        int panel = 600, gap = 90;
        Canvas c = new Canvas(70 + panel + gap + panel + 30, 70 + panel + 60);
        double e = map.extent();
        Axes left = new Axes(c, 70, 70, 30 + panel + gap, 60).xRange(-e, e).yRange(-e, e);
        Axes right = new Axes(c, 70 + panel + gap, 70, 30, 60).xRange(-e, e).yRange(-e, e);
        int outside = 0;
        for (int i = 0; i < map.labels().length; i++) if (Math.abs(map.meanX()[i]) > e || Math.abs(map.meanY()[i]) > e) outside++;
        left.title(title, String.format(Locale.ROOT, "left: decoded z on a %d×%d grid; right: μ of %,d test digits by label%s", map.k(), map.k(),
                map.labels().length, outside > 0 ? " (" + outside + " outside the frame)" : ""));
        left.xGrid(null, 6);
        left.yGrid("z₂", 6);
        right.xGrid(null, 6);
        right.yGrid(null, 6);
        c.text("z₁", left.left + left.width() / 2, c.height() - 12, Canvas.Anchor.CENTER, Canvas.font(13, false), Canvas.INK);
        c.text("z₁", right.left + right.width() / 2, c.height() - 12, Canvas.Anchor.CENTER, Canvas.font(13, false), Canvas.INK);
        var g = c.graphics();
        double cell = left.width() / map.k();
        for (int row = 0; row < map.k(); row++) {
            for (int col = 0; col < map.k(); col++) {
                g.drawImage(ink(map.decoded()[row * map.k() + col], side), (int) Math.round(left.left + col * cell), (int) Math.round(left.top + row * cell),
                        (int) Math.round(cell), (int) Math.round(cell), null);
            }
        }
        var clip = g.getClip();
        g.setClip(new Rectangle2D.Double(right.left, right.top, right.width(), right.height()));
        for (int i = 0; i < map.labels().length; i++) {
            Color d = DIGITS[Math.floorMod(map.labels()[i], DIGITS.length)];
            g.setColor(new Color(d.getRed(), d.getGreen(), d.getBlue(), 150));
            g.fill(new Ellipse2D.Double(right.x(map.meanX()[i]) - 2.5, right.y(map.meanY()[i]) - 2.5, 5, 5));
        }
        g.setClip(clip);
        left.frame();
        right.frame();
        for (int d = 0; d < DIGITS.length; d++) {                   // the legend, a column at the right panel's top right
            double y = right.top + 14 + 18 * d;
            g.setColor(DIGITS[d]);
            g.fill(new Ellipse2D.Double(right.right - 34, y - 9, 10, 10));
            c.text(String.valueOf(d), right.right - 18, y, Canvas.Anchor.LEFT, Canvas.font(13, true), Canvas.INK);
        }
        return c.savePng(png);
    }

    /** Dark ink on white, as the digits are printed. */
    private static BufferedImage ink(float[] pixels, int side) {
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int v = 255 - Math.round(255 * Math.clamp(pixels[y * side + x], 0f, 1f));
                img.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return img;
    }
}
