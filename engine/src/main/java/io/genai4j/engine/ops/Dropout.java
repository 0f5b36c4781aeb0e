package io.genai4j.engine.ops;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;

/**
 * Inverted dropout: each element is zeroed with probability p and the survivors are scaled by
 * 1/(1−p), so the expected activation is unchanged and inference needs no rescaling.
 */
public final class Dropout {
    private Dropout() {}

    public static Tensor apply(Tensor x, float p, Rng rng) {
        if (p < 0f || p >= 1f) throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
        if (p == 0f) return x;
        int n = x.numel();
        float[] mask = new float[n];
        float keep = 1f / (1f - p);
        for (int i = 0; i < n; i++) mask[i] = rng.nextFloat() >= p ? keep : 0f;
        Tensor m = Tensor.of(mask, x.shape());
        return x.mul(m);
    }
}
