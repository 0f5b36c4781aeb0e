package io.genai4j.models.generative;

import io.genai4j.engine.Rng;
import io.genai4j.models.vision.Mnist;

/** Indices of mini-batches over n training items, epoch by epoch, each epoch in a fresh seeded shuffle. */
public final class ShuffledBatches {
    private final int n, size;
    private final Rng rng;
    private int[] order = new int[0];
    private int next;

    public ShuffledBatches(int n, int size, Rng rng) {
        if (n == 0) throw new IllegalArgumentException("no training items");
        if (size < 1) throw new IllegalArgumentException("--batch-size must be >= 1, got " + size);
        this.n = n;
        this.size = Math.min(size, n);
        this.rng = rng;
    }

    public int[] next() {
        int[] idx = new int[size];
        for (int i = 0; i < size; i++) {
            if (next == order.length) {
                order = Mnist.permutation(n, rng);
                next = 0;
            }
            idx[i] = order[next++];
        }
        return idx;
    }
}
