package io.genai4j.models.vision;

import io.genai4j.engine.Tensor;

/**
 * Labelled grey-scale images in memory: pixel values in [0, 1], image i at pixels[i·h·w ..], row by
 * row. {@link #batch} gathers some of them into the NCHW tensor the models read.
 */
public record Images(float[] pixels, int[] labels, int height, int width) {
    public Images {
        if (pixels.length != labels.length * height * width) {
            throw new IllegalArgumentException(labels.length + " labels but " + pixels.length + " pixels of " + height + "×" + width + " images");
        }
    }

    public int size() {
        return labels.length;
    }

    public int pixelsPerImage() {
        return height * width;
    }

    /** The images at the given indices, in that order. */
    public Images subset(int[] idx) {
        int p = pixelsPerImage();
        float[] px = new float[idx.length * p];
        int[] y = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(pixels, idx[i] * p, px, i * p, p);
            y[i] = labels[idx[i]];
        }
        return new Images(px, y, height, width);
    }

    /** Images [from, to) as a view-free copy. */
    public Images range(int from, int to) {
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) idx[i] = from + i;
        return subset(idx);
    }

    /** The images at idx as [B, 1, H, W]. */
    public Tensor batch(int[] idx) {
        return Tensor.of(subset(idx).pixels, idx.length, 1, height, width);
    }

    /** One image as [H, W] values. */
    public float[] image(int i) {
        int p = pixelsPerImage();
        float[] out = new float[p];
        System.arraycopy(pixels, i * p, out, 0, p);
        return out;
    }
}
