package io.genai4j.models.vision;

import io.genai4j.engine.Rng;

/**
 * Data augmentation for digits: each training image is rotated by a random angle in ±maxDegrees
 * about its centre and shifted by up to ±maxShift pixels on each axis, sampled bilinearly with 0
 * (background) outside the image. Drawn anew for every batch, so an image is never seen twice the
 * same way. {@link #NONE} leaves images as they are.
 */
public record Augmentation(int maxShift, double maxDegrees) {
    public static final Augmentation NONE = new Augmentation(0, 0);
    /** Shifts of up to 2 pixels and rotations of up to 12°: digits stay legible. */
    public static final Augmentation SHIFT_ROTATE = new Augmentation(2, 12);

    public Augmentation {
        if (maxShift < 0 || maxDegrees < 0) throw new IllegalArgumentException("augmentation ranges must not be negative");
    }

    public boolean enabled() {
        return maxShift > 0 || maxDegrees > 0;
    }

    /** Transforms pixels[off .. off + h·w) into out[outOff ..] with a fresh random shift and angle. */
    public void apply(float[] pixels, int off, int h, int w, float[] out, int outOff, Rng rng) {
        if (!enabled()) {
            System.arraycopy(pixels, off, out, outOff, h * w);
            return;
        }
        double angle = Math.toRadians((2 * rng.nextDouble() - 1) * maxDegrees);
        int dx = maxShift == 0 ? 0 : rng.nextInt(2 * maxShift + 1) - maxShift;
        int dy = maxShift == 0 ? 0 : rng.nextInt(2 * maxShift + 1) - maxShift;
        transform(pixels, off, h, w, out, outOff, angle, dx, dy);
    }

    /** Output pixel (y, x) reads the input at the inverse rotation of (y − dy, x − dx) about the centre. */
    static void transform(float[] px, int off, int h, int w, float[] out, int outOff, double angle, int dx, int dy) {
        double cos = Math.cos(angle), sin = Math.sin(angle), cy = (h - 1) / 2.0, cx = (w - 1) / 2.0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double ry = y - dy - cy, rx = x - dx - cx;
                double sy = cos * ry - sin * rx + cy, sx = sin * ry + cos * rx + cx;
                out[outOff + y * w + x] = sample(px, off, h, w, sy, sx);
            }
        }
    }

    private static float sample(float[] px, int off, int h, int w, double y, double x) {
        int y0 = (int) Math.floor(y), x0 = (int) Math.floor(x);
        double ly = y - y0, lx = x - x0;
        return (float) ((1 - ly) * ((1 - lx) * at(px, off, h, w, y0, x0) + lx * at(px, off, h, w, y0, x0 + 1))
                + ly * ((1 - lx) * at(px, off, h, w, y0 + 1, x0) + lx * at(px, off, h, w, y0 + 1, x0 + 1)));
    }

    private static float at(float[] px, int off, int h, int w, int y, int x) {
        return y < 0 || y >= h || x < 0 || x >= w ? 0f : px[off + y * w + x];
    }
}
