package io.genai4j.course.vision;

import io.genai4j.engine.util.Printable;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Reads a picture (PNG, or anything ImageIO reads) as an MNIST-like digit: grey-scale, averaged
 * down to size×size, and inverted when the background is light, so a dark digit drawn on white
 * becomes MNIST's white digit on black (values in [0, 1]).
 */
public final class PngDigit {
    private PngDigit() {}

    public static float[] read(Path file, int size) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException("image not found: " + file);
        BufferedImage img = ImageIO.read(file.toFile());
        if (img == null) throw new IOException(file + " is not an image ImageIO can read (" + Printable.of(file.getFileName().toString()) + ")");
        int h = img.getHeight(), w = img.getWidth();
        float[] out = new float[size * size];
        double border = 0;
        int borderCount = 0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int y0 = y * h / size, y1 = Math.max(y0 + 1, (y + 1) * h / size), x0 = x * w / size, x1 = Math.max(x0 + 1, (x + 1) * w / size);
                double s = 0;
                for (int yy = y0; yy < y1; yy++) for (int xx = x0; xx < x1; xx++) s += luminance(img.getRGB(xx, yy));
                out[y * size + x] = (float) (s / ((y1 - y0) * (x1 - x0)));
                if (y == 0 || x == 0 || y == size - 1 || x == size - 1) {
                    border += out[y * size + x];
                    borderCount++;
                }
            }
        }
        if (border / borderCount > 0.5) for (int i = 0; i < out.length; i++) out[i] = 1 - out[i];
        return out;
    }

    /** Luminance in [0, 1], with transparency over white. */
    private static double luminance(int argb) {
        double a = ((argb >>> 24) & 0xFF) / 255.0;
        double l = (0.299 * ((argb >> 16) & 0xFF) + 0.587 * ((argb >> 8) & 0xFF) + 0.114 * (argb & 0xFF)) / 255.0;
        return a * l + (1 - a);
    }

    /** Writes one digit (values in [0, 1], white on black as MNIST stores it) as a size×size PNG. */
    public static Path write(Path file, float[] pixels, int size) throws IOException {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int v = Math.round(255 * Math.clamp(pixels[y * size + x], 0f, 1f));
                img.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(img, "png", file.toFile())) throw new IOException("no PNG writer available");
        return file;
    }
}
