package io.genai4j.course.chart;

import io.genai4j.engine.util.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A white, antialiased image to draw charts on, saved as PNG. Java2D and ImageIO only, headless:
 * the course's pictures (bar charts, loss curves, attention heatmaps) come out the same on a server
 * with no display.
 */
public final class Canvas {
    static {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    /** Where a text's anchor point sits relative to the text. */
    public enum Anchor { LEFT, CENTER, RIGHT }

    public static final Color INK = new Color(0x22, 0x22, 0x22);
    public static final Color MUTED = new Color(0x77, 0x77, 0x77);
    public static final Color GRID = new Color(0xE4, 0xE4, 0xE4);
    /** Colour-blind-safe categorical colours (Okabe-Ito). */
    public static final Color[] PALETTE = {
            new Color(0x00, 0x72, 0xB2), new Color(0xE6, 0x9F, 0x00), new Color(0x00, 0x9E, 0x73), new Color(0xD5, 0x5E, 0x00),
            new Color(0xCC, 0x79, 0xA7), new Color(0x56, 0xB4, 0xE9), new Color(0xF0, 0xE4, 0x42), new Color(0x00, 0x00, 0x00)};

    private final BufferedImage image;
    private final Graphics2D g;

    public Canvas(int width, int height) {
        if (width < 50 || height < 50 || width > 8000 || height > 8000) throw new IllegalArgumentException("canvas size must be 50..8000 px, got " + width + "x" + height);
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setStroke(new BasicStroke(1f));
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }

    /** The Java2D context, for anything the helpers do not cover. */
    public Graphics2D graphics() {
        return g;
    }

    public BufferedImage image() {
        return image;
    }

    public static Font font(float size, boolean bold) {
        return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont(size);
    }

    /** Draws text with its baseline at y and its anchor at x. */
    public void text(String s, double x, double y, Anchor anchor, Font font, Color color) {
        g.setFont(font);
        g.setColor(color);
        double w = g.getFontMetrics().stringWidth(s);
        double left = switch (anchor) {
            case LEFT -> x;
            case CENTER -> x - w / 2;
            case RIGHT -> x - w;
        };
        g.drawString(s, (float) left, (float) y);
    }

    /** Draws text turned 90° counter-clockwise, centred on (x, y): y-axis titles. */
    public void verticalText(String s, double x, double y, Font font, Color color) {
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        g.rotate(-Math.PI / 2);
        text(s, 0, 0, Anchor.CENTER, font, color);
        g.setTransform(saved);
    }

    public double textWidth(String s, Font font) {
        return g.getFontMetrics(font).stringWidth(s);
    }

    public FontMetrics metrics(Font font) {
        return g.getFontMetrics(font);
    }

    /** Shortens {@code s} with an ellipsis until it fits in {@code maxWidth} pixels. */
    public String fit(String s, Font font, double maxWidth) {
        if (textWidth(s, font) <= maxWidth) return s;
        String t = s;
        while (!t.isEmpty() && textWidth(t + "…", font) > maxWidth) t = t.substring(0, t.offsetByCodePoints(t.length(), -1));
        return t + "…";
    }

    /** Writes the image as PNG via a temporary file and a rename, so readers never see half a file. */
    public Path savePng(Path target) {
        try {
            return AtomicFiles.replace(target, tmp -> {
                if (!ImageIO.write(image, "png", tmp.toFile())) throw new IOException("no PNG writer available");
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
