package io.genai4j.models.generative;

import io.genai4j.engine.Rng;
import io.genai4j.models.vision.Images;

/** Seeded 28×28 images of uniform noise (label 0) for the generative models' tests that need no real digits. */
public final class NoiseImages {
    private NoiseImages() {}

    public static Images of(int n, long seed) {
        Rng r = new Rng(seed);
        float[] px = new float[n * 28 * 28];
        for (int i = 0; i < px.length; i++) px[i] = r.nextFloat();
        return new Images(px, new int[n], 28, 28);
    }
}
