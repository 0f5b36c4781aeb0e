package io.genai4j.models.generative;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.models.vision.Images;
import io.genai4j.models.vision.Mnist;

/** Mini-batches [B, 1, H, W] of a training set, epoch by epoch, each epoch in a fresh seeded shuffle. */
public final class ShuffledBatches {
    private final Images images;
    private final int size;
    private final Rng rng;
    private int[] order = new int[0];
    private int next;

    public ShuffledBatches(Images images, int size, Rng rng) {
        if (images.size() == 0) throw new IllegalArgumentException("no training images");
        if (size < 1) throw new IllegalArgumentException("--batch-size must be >= 1, got " + size);
        this.images = images;
        this.size = Math.min(size, images.size());
        this.rng = rng;
    }

    public Tensor next() {
        int[] idx = new int[size];
        for (int i = 0; i < size; i++) {
            if (next == order.length) {
                order = Mnist.permutation(images.size(), rng);
                next = 0;
            }
            idx[i] = order[next++];
        }
        return images.batch(idx);
    }
}
